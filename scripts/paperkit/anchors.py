"""Stable anchors for every block of the paper, derived from its structure, never from its wording.

A paragraph's id is its section's slug and its position in that section (sub-headings do not restart the
count, so renaming a sub-heading breaks no link); a question's id is its letter::

    Introduction, 3rd paragraph                       →  index.md#introduction-p3
    Background information, 7th block of the day      →  4-march.md#background-information-p7
    Discussion question d)                            →  4-march.md#question-d

Editing a paragraph's words never changes an id; inserting or removing a paragraph shifts the ids after it
in that section only.

    >>> paragraph_id("Background information", 7)
    'background-information-p7'
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .markup import question_id, slugify
from .model import HOME, Block, Day, LetteredList, Paper, Paragraph, Question, Section


@dataclass(frozen=True, slots=True)
class Anchor:
    """One place a reader can be sent to: a paragraph, a lettered list or a discussion question."""

    page: str
    """Path of the page under ``docs/``: ``4-march.md``."""
    id: str
    """The element's id on that page: ``background-information-p7``, ``question-d``."""
    day: Day | None
    """The thematic day, or ``None`` for the introduction."""
    place: str
    """Where it is, for a reader: ``Background information › Measuring walls, ¶ 7``."""
    text: str
    """The block's inline Markdown (a lettered list's items joined by spaces)."""
    line: int
    question: Question | None = None

    @property
    def href(self) -> str:
        """``4-march.md#question-d``: a link MkDocs resolves and validates."""
        return f"{self.page}#{self.id}"


def paragraph_id(section_title: str, position: int) -> str:
    """The id of a section's ``position``-th block."""
    return f"{slugify(section_title)}-p{position}"


def anchors(paper: Paper) -> tuple[Anchor, ...]:
    """Every anchor of the paper, in reading order."""
    intro = paper.introduction
    found = list(_numbered(HOME, None, intro.title, [(None, b) for b in intro.blocks]))
    for day in paper.days:
        for section in day.sections:
            found.extend(_numbered(day.page, day, section.title, _section_blocks(section)))
            for q in section.questions:
                found.append(Anchor(page=day.page, id=question_id(q.letter), day=day,
                                    place=f"{section.title}, {q.letter})", text=q.text, line=q.line, question=q))
    return tuple(found)


def block_ids(paper: Paper) -> dict[int, str]:
    """The id of every paragraph and lettered list, keyed by the line it starts on (what ``write`` needs)."""
    return {a.line: a.id for a in anchors(paper) if a.question is None}


def _section_blocks(section: Section) -> list[tuple[str | None, Block]]:
    return [*((None, b) for b in section.blocks),
            *((sub.title, b) for sub in section.subsections for b in sub.blocks)]


def _numbered(page: str, day: Day | None, title: str,
              blocks: list[tuple[str | None, Block]]) -> Iterator[Anchor]:
    for position, (sub, block) in enumerate(blocks, start=1):
        where = f"{title} › {sub}" if sub else title
        yield Anchor(page=page, id=paragraph_id(title, position), day=day, place=f"{where}, ¶ {position}",
                     text=_text(block), line=block.line)


def _text(block: Block) -> str:
    if isinstance(block, LetteredList):
        return " ".join(f"{it.letter}) {it.text}" for it in block.items)
    assert isinstance(block, Paragraph)
    return block.text
