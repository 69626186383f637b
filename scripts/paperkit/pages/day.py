"""One page per thematic day, ``3-march.md``: the date and challenge, its main topics, its sections, the
questions with their stable ids, then the sources and notes of the page.

    # <span class="paper-day-date">3 March 2030</span> Rising tides … { #challenge }
    ## Policy commitments { #policy-commitments }
    ## Discussion questions { #discussion-questions }
    1. d) What steps …? [¶](3-march/d.md "Link to this question"){ .paper-question-link data-here="question-d" }
        { #question-d .paper-question }
"""

from __future__ import annotations

from .. import citation
from ..markup import front_matter, inline, plain, question_id, slugify
from ..model import Day, Section, SubSection
from . import Context, parts, question_links, topics

SHORT_TITLE_WORDS = 7
# words a short title must not end on
DANGLING = frozenset("a an and at by for from in of on or the to with".split())


def write(ctx: Context) -> dict[str, str]:
    return {day.page: _day(ctx, day) for day in ctx.paper.days}


def title(day: Day) -> str:
    """The page's title in its edition's navigation: ``3 March: Rising tides are flooding small harbours…`` (the
    browser tab, the search results and a link's preview name the year too: ``3 March 2030: …``)."""
    return f"{day.label}: {short_title(day)}"


def short_title(day: Day) -> str:
    """A few words of the challenge: up to the first comma, at most seven words, not ending on "of" or "and",
    ended with "…" when cut."""
    words = day.challenge.split()
    clause = day.challenge.split(",")[0].split()
    cut = clause if len(clause) <= SHORT_TITLE_WORDS else words[:SHORT_TITLE_WORDS]
    while len(cut) > 1 and cut[-1].casefold() in DANGLING:
        cut = cut[:-1]
    text = " ".join(cut)
    return text if len(cut) == len(words) else text.rstrip(",;:") + "…"


def _day(ctx: Context, day: Day) -> str:
    out = [front_matter(title=f"{day.date_label}: {short_title(day)}",
                        description=plain(f"{day.date_label}: {day.challenge}"),
                        citation_title=citation.of_day(ctx.paper.title, day).title, **parts.edition_meta(ctx, searched=True))]
    out.append(f'# <span class="paper-day-date">{day.date_label}</span> {inline(day.challenge)} {{ #challenge }}\n\n')
    out.append(topics.day_tags(ctx, day))
    notes: list[int] = []
    for section in day.sections:
        out.append(_section(section, ctx, day))
        notes.extend(n for b in _all_blocks(section) for n in parts.block_notes(b))
        notes.extend(n for q in section.questions for n in q.notes)
    out.extend(parts.notes(notes, ctx))
    return "".join(out)


def _all_blocks(section: Section) -> list:
    return [*section.blocks, *(b for sub in section.subsections for b in sub.blocks)]


def _section(section: Section, ctx: Context, day: Day) -> str:
    out = [f"## {section.title} {{ #{slugify(section.title)} }}\n\n"]
    out.extend(parts.blocks(section.blocks, ctx))
    for sub in section.subsections:
        out.append(_subsection(sub, ctx))
    if section.questions:
        out.append(parts.questions_div(parts.citation(ctx.paper, day)))
        for q in section.questions:
            # the permalink is the question's own short address (what "Copy link" hands out); questions.js
            # keeps a click on it on this page
            out.append(parts.question_item(q.letter, inline(q.text, ctx.link_symbol), id=question_id(q.letter),
                                           href=question_links.page(day, q.letter), link_title="Link to this question",
                                           here=True))
        out.append("\n</div>\n\n")
    return "".join(out)


def _subsection(sub: SubSection, ctx: Context) -> str:
    return f"### {inline(sub.title)} {{ #{slugify(sub.title)} }}\n\n" + "".join(parts.blocks(sub.blocks, ctx))
