"""The "Discussion questions" page: every question of the paper on one page, grouped by day, for printing.

Each question links to its own short address (``4-march/d.md``, which forwards to ``4-march.md#question-d``) and
has an id of its own on this page (``4-march-question-d``), so ids stay unique across the site::

    ## 4 March 2030 … { #4-march }
    <div class="paper-questions" data-search-exclude data-cite="HSO, Background paper: … discussion question" markdown>
    1. d) What steps …? [¶](4-march/d.md "This question in context"){ .paper-question-link }
        { #4-march-question-d .paper-question }

The page is left out of the search index: the questions are found on their day pages.
"""

from __future__ import annotations

from ..markup import NOTE_MARKER_RE, front_matter, inline, question_id
from ..model import Day
from . import Context, parts, question_links

PAGE = "questions.md"
TITLE = "Discussion questions"


def page_id(day: Day, letter: str) -> str:
    """``4-march-question-d``: the question's id on the all-questions page."""
    return f"{day.slug}-{question_id(letter)}"


def write(ctx: Context) -> dict[str, str]:
    paper = ctx.paper
    count = sum(len(d.questions) for d in paper.days)
    t = paper.title
    out = [front_matter(title=f"{TITLE}, {t.dates}", description=f"All {count} discussion questions of the {t.kind.lower()} "
                                                 f"{t.title} ({t.dates}), by day.", search={"exclude": True},
                       **parts.edition_meta(ctx)),
           f"# {TITLE} {{ #title }}\n\n",
           f'<p class="paper-meta">{inline(t.kind)} · {inline(t.title)} · {inline(t.dates)}</p>\n\n']
    for day in paper.days:
        if day.questions:
            out.append(_day(ctx, day))
    return {PAGE: "".join(out)}


def _day(ctx: Context, day: Day) -> str:
    out = [f'## <span class="paper-day-date">{day.date_label}</span> {inline(day.challenge)} {{ #{day.slug} }}\n\n',
           parts.questions_div(parts.citation(ctx.paper, day))]
    for q in day.questions:
        text = inline(NOTE_MARKER_RE.sub("", q.text), ctx.link_symbol)
        out.append(parts.question_item(q.letter, text, id=page_id(day, q.letter),
                                       href=question_links.page(day, q.letter), link_title="This question in context"))
    out.append("\n</div>\n\n")
    return "".join(out)
