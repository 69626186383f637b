"""Stage 3 — write the site's Markdown pages from the model.

``write_pages(paper)`` returns ``{path: markdown}``: ``index.md`` (title block, introduction, the days)
and one page per thematic day (``3-march.md``). Everything plain Markdown can say is said here:
the paper's note labels (``[^25]``), heading ids (``{ #policy-commitments }``), question ids
(``{ #question-d }``); the MkDocs side only adds what Markdown cannot.

    >>> inline("<b>worth</b> see [H/2028/9](#)")
    '&lt;b&gt;worth&lt;/b&gt; see H/2028/9'
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .model import Block, Day, Footnote, LetteredList, Paper, Paragraph, Question, Section, SubSection

# "[H/2028/9](#)" — the PDF export's placeholder links
PLACEHOLDER_LINK_RE = re.compile(r"\[([^\]\n]+)\]\(#\)")
# "Available at www.example.org." — a bare web address (its final full stop is the sentence's)
BARE_WWW_RE = re.compile(r"(?<![\w/.\[])(www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?=[.,;:)]?(?:\s|$))")
# characters that would start a Markdown block at the start of a paragraph ("# ", "> ", "- ", "2. ")
# ("[x]: address" would be a link reference definition)
BLOCK_START_RE = re.compile(r"^(#|>|[-+*](?=\s)|\d+(?=[.)]\s)|\[(?=[^\]]*\]:))")
# "[a link](javascript:alert(1))" — a link that would run code or carry a document: kept as text
SCRIPT_LINK_RE = re.compile(r"\]\((?=\s*<?\s*(?:javascript|vbscript|data):)", re.IGNORECASE)
SHORT_TITLE_WORDS = 7
# words a short title must not end on
DANGLING = frozenset("a an and at by for from in of on or the to with".split())

LinkSymbol = Callable[[str], str]
"""Turns the text of a placeholder link (a document symbol) into Markdown: plain text until the notes are
resolved, a link to the document afterwards."""


def inline(text: str, link_symbol: LinkSymbol | None = None) -> str:
    """The paper's inline Markdown, made safe: raw HTML shown as text, placeholder links resolved."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = SCRIPT_LINK_RE.sub(r"]\\(", text)
    text = PLACEHOLDER_LINK_RE.sub(lambda m: (link_symbol or (lambda s: s))(m.group(1)), text)
    return BARE_WWW_RE.sub(r"[\1](https://\1)", text)


def block_text(text: str, link_symbol: LinkSymbol | None = None) -> str:
    """A paragraph's text, with a first character that Markdown would read as block syntax escaped."""
    return BLOCK_START_RE.sub(lambda m: "\\" + m.group(0) if m.group(0)[0] in "#>-+*[" else m.group(0) + "\\",
                              inline(text, link_symbol), count=1)


def short_title(day: Day) -> str:
    """A few words of the challenge for navigation and the browser tab: up to the first comma, at most
    seven words, not ending on "of" or "and", ended with "…" when cut."""
    words = day.challenge.split()
    clause = day.challenge.split(",")[0].split()
    cut = clause if len(clause) <= SHORT_TITLE_WORDS else words[:SHORT_TITLE_WORDS]
    while len(cut) > 1 and cut[-1].casefold() in DANGLING:
        cut = cut[:-1]
    text = " ".join(cut)
    return text if len(cut) == len(words) else text.rstrip(",;:") + "…"


def day_title(day: Day) -> str:
    """``3 March: Rising tides are flooding small harbours…``"""
    return f"{day.date.day} {day.date.strftime('%B')}: {short_title(day)}"


def slugify(text: str) -> str:
    """``Background information`` → ``background-information``."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def question_id(question: Question) -> str:
    """Stable id from the paper's structure (the letter), never from the wording: ``question-d``."""
    return f"question-{question.letter}"


def question_item(letter: str, text: str, *, id: str, href: str, link_title: str) -> str:
    """A discussion question as a list item: the paper's letter, its text, a permalink, a stable id."""
    return (f'1. {letter}) {text} [¶]({href} "{link_title}"){{ .paper-question-link }}\n'
            f"    {{ #{id} .paper-question }}\n")


def questions_div(cite: str) -> str:
    """Opens a list of questions; kept out of the search index (each question gets its own entry there)."""
    data = f' data-cite="{html.escape(cite)}"' if cite else ""
    return f'<div class="paper-questions" data-search-exclude{data} markdown>\n\n'


@dataclass(frozen=True, slots=True)
class Options:
    link_symbol: LinkSymbol | None = None
    note_markdown: Callable[[Footnote], str] | None = None
    """A note's Markdown (its sources linked, an "Ibid." spelled out); plain text of the paper if not given."""
    page_sources: Callable[[list[int]], str] | None = None
    """Markdown that ends a page, given the notes on it ("Sources cited on this page")."""
    block_ids: Mapping[int, str] = field(default_factory=dict)
    """Stable id of each paragraph and lettered list, keyed by its line (``anchors.block_ids``)."""
    question_cite: Callable[[Day], str] | None = None
    """The plain citation of a day's questions, without letter and URL (kept as ``data-cite``)."""
    day_topics: Callable[[Day], str] | None = None
    """Markdown shown under a day's heading: its main topics."""


def write_pages(paper: Paper, *, options: Options = Options()) -> dict[str, str]:
    """Every page of the site as Markdown, keyed by its path under ``docs/``."""
    pages = {"index.md": _home(paper, options)}
    for day in paper.days:
        pages[f"{day.slug}.md"] = _day(paper, day, options)
    return pages


def _front_matter(**fields: str) -> str:
    lines = ["---"]
    for key, value in fields.items():
        lines.append(f"{key}: {_yaml_string(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def _yaml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _home(paper: Paper, options: Options) -> str:
    t = paper.title
    out = [_front_matter(title=t.title, description=_description_of_paper(paper))]
    out.append('<div class="paper-title" markdown>\n')
    if t.kicker:
        out.append(f'<p class="paper-kicker">{" · ".join(inline(s) for s in t.kicker[:2])}</p>\n')
        if len(t.kicker) > 2:
            out.append("".join(f'<p class="paper-kicker-more">{inline(s)}</p>\n' for s in t.kicker[2:]))
    out.append(f"\n# {inline(t.title)} {{ #title }}\n\n")
    out.append(f'<p class="paper-meta"><span class="paper-dates">{inline(t.dates)}</span> · '
               f'<span class="paper-kind">{inline(t.kind)}</span></p>\n')
    if t.issuer:
        out.append(f'<p class="paper-issuer">{"<br>".join(inline(s) for s in t.issuer)}</p>\n')
    out.append("\n</div>\n\n")
    intro = paper.introduction
    out.append(f"## {intro.title} {{ #{slugify(intro.title)} }}\n\n")
    out.extend(_blocks(intro.blocks, options))
    out.append("## The thematic days { #days }\n\n")
    for day in paper.days:
        out.append(f"- [**{day.date_label}** — {inline(day.challenge)}]({day.slug}.md)\n")
    out.append("\n")
    out.extend(_notes(paper, [n for b in intro.blocks for n in _block_notes(b)], options))
    return "".join(out)


def _description_of_paper(paper: Paper) -> str:
    days = "; ".join(f"{d.date.day} {d.date.strftime('%B')}: {d.challenge}" for d in paper.days)
    return _plain(f"{paper.title.kind}, {paper.title.title}, {paper.title.dates}. {days}")


def _plain(text: str, limit: int = 300) -> str:
    text = re.sub(r"\[\^\d+\]", "", text)
    text = PLACEHOLDER_LINK_RE.sub(r"\1", text).replace("*", "").replace("\\$", "$")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _day(paper: Paper, day: Day, options: Options) -> str:
    out = [_front_matter(title=day_title(day), description=_plain(f"{day.date_label}: {day.challenge}"))]
    out.append(f'# <span class="paper-day-date">{day.date_label}</span> {inline(day.challenge)} {{ #challenge }}\n\n')
    if options.day_topics:
        out.append(options.day_topics(day))
    notes: list[int] = []
    for section in day.sections:
        out.append(_section(section, options, options.question_cite(day) if options.question_cite else ""))
        notes.extend(n for b in _all_blocks(section) for n in _block_notes(b))
        notes.extend(n for q in section.questions for n in q.notes)
    out.extend(_notes(paper, notes, options))
    return "".join(out)


def _all_blocks(section: Section) -> list[Block]:
    return [*section.blocks, *(b for sub in section.subsections for b in sub.blocks)]


def _section(section: Section, options: Options, cite: str = "") -> str:
    out = [f"## {section.title} {{ #{slugify(section.title)} }}\n\n"]
    out.extend(_blocks(section.blocks, options))
    for sub in section.subsections:
        out.append(_subsection(sub, options))
    if section.questions:
        out.append(questions_div(cite))
        for q in section.questions:
            out.append(question_item(q.letter, inline(q.text, options.link_symbol), id=question_id(q),
                                     href=f"#{question_id(q)}", link_title="Link to this question"))
        out.append("\n</div>\n\n")
    return "".join(out)


def _subsection(sub: SubSection, options: Options) -> str:
    return f"### {inline(sub.title)} {{ #{slugify(sub.title)} }}\n\n" + "".join(_blocks(sub.blocks, options))


def _blocks(blocks: tuple[Block, ...], options: Options) -> list[str]:
    out = []
    for b in blocks:
        anchor = options.block_ids.get(b.line)
        if isinstance(b, Paragraph):
            attrs = f"\n{{: #{anchor} }}" if anchor else ""
            out.append(block_text(b.text, options.link_symbol) + attrs + "\n\n")
        elif isinstance(b, LetteredList):
            attrs = f' id="{anchor}"' if anchor else ""
            out.append(f'<div class="paper-lettered"{attrs} markdown>\n\n')
            out.extend(f"1. {it.letter}) {inline(it.text, options.link_symbol)}\n" for it in b.items)
            out.append("\n</div>\n\n")
    return out


def _block_notes(b: Block) -> tuple[int, ...]:
    if isinstance(b, LetteredList):
        return tuple(n for it in b.items for n in it.notes)
    return b.notes


def _notes(paper: Paper, numbers: list[int], options: Options) -> list[str]:
    out = []
    if options.page_sources:
        out.append(options.page_sources(numbers))
    for n in numbers:
        note = paper.note(n)
        text = options.note_markdown(note) if options.note_markdown else inline(note.text, options.link_symbol)
        out.append(f"[^{n}]: {text}\n")
    return out
