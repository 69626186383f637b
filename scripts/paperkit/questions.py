"""The "Discussion questions" page: every question of the paper on one page, grouped by day, for printing.

Each question links to itself in context (``4-march.md#question-d``) and has an id of its own on this page
(``4-march-question-d``), so ids stay unique across the site::

    ## 4 March 2030 … { #4-march }
    <div class="paper-questions" data-search-exclude data-cite="HSO, Background paper: … discussion question" markdown>
    1. d) What steps …? [¶](4-march.md#question-d "This question in context"){ .paper-question-link }
        { #4-march-question-d .paper-question }

The page is left out of the search index: the questions are found on their day pages.
"""

from __future__ import annotations

import re

import yaml

from .model import Day, Paper
from .write import LinkSymbol, inline, question_id, question_item, questions_div

PAGE = "questions.md"
TITLE = "Discussion questions"
# "…detect suspicious transactions?[^57]" — a note marker; the notes stay on the day pages
NOTE_MARKER_RE = re.compile(r"\[\^\d+\]")


def citation(paper: Paper, day: Day) -> str:
    """The citation of a day's questions, short of the letter and the address the browser adds:
    ``HSO, Background paper: WSC harbour dialogues spring 2030 (3-4 March 2030), 4 March 2030,
    discussion question``."""
    t = paper.title
    issuer = f"{t.issuer[0]}, " if t.issuer else ""
    return f"{issuer}{t.kind}: {t.title} ({t.dates}), {day.date_label}, discussion question"


def question_page_id(day: Day, letter_id: str) -> str:
    """``4-march-question-d``: the question's id on the all-questions page."""
    return f"{day.slug}-{letter_id}"


def write_questions_page(paper: Paper, *, link_symbol: LinkSymbol | None = None) -> str:
    count = sum(len(d.questions) for d in paper.days)
    t = paper.title
    front = {"title": TITLE, "description": f"All {count} discussion questions of the {t.kind.lower()} "
                                             f"{t.title} ({t.dates}), by day.",
             "search": {"exclude": True}}
    out = ["---\n", yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000), "---\n\n",
           f"# {TITLE} {{ #title }}\n\n",
           f'<p class="paper-meta">{inline(t.kind)} · {inline(t.title)} · {inline(t.dates)}</p>\n\n']
    for day in paper.days:
        if not day.questions:
            continue
        out.append(f'## <span class="paper-day-date">{day.date_label}</span> {inline(day.challenge)} '
                   f"{{ #{day.slug} }}\n\n")
        out.append(questions_div(citation(paper, day)))
        for q in day.questions:
            text = inline(NOTE_MARKER_RE.sub("", q.text), link_symbol)
            out.append(question_item(q.letter, text, id=question_page_id(day, question_id(q)),
                                     href=f"{day.slug}.md#{question_id(q)}", link_title="This question in context"))
        out.append("\n</div>\n\n")
    return "".join(out)
