"""The parts of pages more than one writer prints: the paper's blocks, lists of questions, the notes.

    >>> print(question_item("d", "Why?", id="question-d", href="#question-d", link_title="Link"), end="")
    1. d) Why? [¶](#question-d "Link"){ .paper-question-link }
        { #question-d .paper-question }
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import citation as cite
from ..markup import block_text, html_attr, inline
from ..model import Block, Day, LetteredList, Paper, Paragraph
from . import OLDER_BOOST, Context


def blocks(items: Iterable[Block], ctx: Context) -> list[str]:
    """Paragraphs and lettered lists, each with its stable id."""
    out = []
    for b in items:
        anchor = ctx.block_ids.get(b.line)
        if isinstance(b, Paragraph):
            attrs = f"\n{{: #{anchor} }}" if anchor else ""
            out.append(block_text(b.text, ctx.link_symbol) + attrs + "\n\n")
        elif isinstance(b, LetteredList):
            attrs = f' id="{anchor}"' if anchor else ""
            out.append(f'<div class="paper-lettered"{attrs} markdown>\n\n')
            out.extend(f"1. {it.letter}) {inline(it.text, ctx.link_symbol)}\n" for it in b.items)
            out.append("\n</div>\n\n")
    return out


def block_notes(b: Block) -> tuple[int, ...]:
    """The numbers of the notes a block refers to, in order."""
    if isinstance(b, LetteredList):
        return tuple(n for it in b.items for n in it.notes)
    return b.notes


def notes(numbers: list[int], ctx: Context) -> list[str]:
    """What ends a page: the sources cited on it, then the text of its notes (``[^4]: …``)."""
    out = [ctx.notes.page_sources(numbers)] if ctx.notes else []
    for n in numbers:
        note = ctx.paper.note(n)
        text = ctx.notes.note_markdown(note) if ctx.notes else inline(note.text, ctx.link_symbol)
        out.append(f"[^{n}]: {text}\n")
    return out


def question_item(letter: str, text: str, *, id: str, href: str, link_title: str, here: bool = False) -> str:
    """A discussion question as a list item: the paper's letter, its text, a permalink, a stable id. ``here``: the
    permalink's address forwards to this very item (a day's page), so a click on it stays on the page
    (``data-here``, read by questions.js)."""
    here_attr = f' data-here="{id}"' if here else ""
    return (f'1. {letter}) {text} [¶]({href} "{link_title}"){{ .paper-question-link{here_attr} }}\n'
            f"    {{ #{id} .paper-question }}\n")


def questions_div(cite: str) -> str:
    """Opens a list of questions; kept out of the search index (each question gets its own entry there)."""
    data = f' data-cite="{html_attr(cite)}"' if cite else ""
    return f'<div class="paper-questions" data-search-exclude{data} markdown>\n\n'


def edition_meta(ctx: Context, *, searched: bool = False) -> dict[str, object]:
    """What every page of an edition says of it in its front matter, for the templates (the print header,
    a question's page, the citation metadata): plain text, escaped where the templates print it. ``searched``: a
    page in the search index, which ranks after the newest edition's when its edition is older."""
    t = ctx.paper.title
    c = cite.of_paper(t)
    meta: dict[str, object] = {
        "edition": {"prefix": ctx.edition.prefix, "title": t.title, "dates": t.dates, "kind": t.kind},
        "citation": {"title": c.title, "institution": c.institution, "date": c.date}}
    if searched and ctx.older:
        meta["search"] = {"boost": OLDER_BOOST}
    return meta


def citation(paper: Paper, day: Day) -> str:
    """The citation of a day's questions, short of the letter and the address the browser adds (``b). <url>``):
    ``Harbour Statistics Office, Background paper: WSC harbour dialogues spring 2030 (3-4 March 2030),
    4 March 2030, discussion question`` — the question page's citation metadata, in the same words
    (:mod:`paperkit.citation`)."""
    return cite.of_paper(paper.title).part(cite.question_part(day)).reference
