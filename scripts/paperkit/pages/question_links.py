"""Each discussion question's own short address, ``<day>/<letter>.md`` (``4-march/b/`` on the site): a tiny page
whose link preview is the question itself, with its day, and which forwards a browser to the question in its day's
page (``4-march/#question-b``), highlighted. A chat or mail app's crawler runs no script: it reads this page's own
tags. Without JavaScript a reader sees the question and a link into its day.

    ---
    title: '4 March 2030, question b): Who should pay for dredging shared channels?'
    description: 'Who should pay for dredging shared channels? (Background paper, …, 4 March 2030: The cost of …)'
    template: question.html
    search:
      exclude: true
    citation_title: 'Background paper: … (3-4 March 2030), 4 March 2030, discussion question b)'
    question: {day: 4 March 2030, letter: b}
    ---

    Who should pay for dredging shared channels?
    {: .paper-asked }

    [Read it on the page of 4 March 2030](../4-march.md#question-b){ .paper-forward }

The address is made of the paper's structure (the day's date and the question's letter, like the question's id),
never of its wording, so it stays while the question is reworded. The template (``overrides/question.html``)
loads nothing but the page itself; the pages are out of the navigation (``not_in_nav`` in ``mkdocs.yml``) and
the search index.
"""

from __future__ import annotations

from .. import citation
from ..markup import NOTE_MARKER_RE, block_text, front_matter, plain, question_id
from ..model import Day, Question
from . import Context, parts

TEMPLATE = "question.html"
"""The page's template, in ``overrides/``."""


def page(day: Day, letter: str) -> str:
    """The question's page under ``docs/``: ``4-march/b.md`` (on the site ``4-march/b/``)."""
    return f"{day.slug}/{letter}.md"


def write(ctx: Context) -> dict[str, str]:
    return {page(day, q.letter): _question(ctx, day, q) for day in ctx.paper.days for q in day.questions}


def title(day: Day, q: Question) -> str:
    """The preview's title: the day, with its edition's year, and the question,
    ``4 March 2030, question b): Who should pay …?``"""
    return f"{day.date_label}, question {q.letter}): {plain(q.text, limit=citation.UNCUT)}"


def description(ctx: Context, day: Day, q: Question) -> str:
    """The preview's text: the question, then the paper and the day's challenge (cut at 300 characters)."""
    t = ctx.paper.title
    return plain(f"{q.text} ({t.kind}, {t.title}, {day.date_label}: {day.challenge})")


def _question(ctx: Context, day: Day, q: Question) -> str:
    meta = front_matter(title=title(day, q), description=description(ctx, day, q), template=TEMPLATE,
                        search={"exclude": True},
                        citation_title=citation.of_question(ctx.paper.title, day, q.letter).title,
                        question={"day": day.date_label, "letter": q.letter}, **parts.edition_meta(ctx))
    text = block_text(NOTE_MARKER_RE.sub("", q.text), ctx.link_symbol)
    back = f"../{day.page}#{question_id(q.letter)}"
    return (f"{meta}{text}\n{{: .paper-asked }}\n\n"
            f"[Read it on the page of {day.date_label}]({back}){{ .paper-forward }}\n")
