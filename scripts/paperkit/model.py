"""The typed model every stage shares: read the paper → model → resolve notes → write Markdown.

Records are frozen; sequences are tuples. Every record that comes from the paper keeps the 1-based
line it starts on, so any later stage can point an editor at the place to fix.

The model answers its own questions, so no writer formats them again: a day's page is ``day.page``
(``3-march.md``), its label ``day.label`` (``3 March``), a note's place ``paper.note_place(n)``::

    >>> day = Day(number=1, date=dt.date(2030, 3, 3), heading="3 MARCH 2030 - RISING TIDES", challenge="Rising tides",
    ...           letter="a", line=30, sections=())
    >>> day.page, day.label, day.date_label
    ('3-march.md', '3 March', '3 March 2030')

Inline text (``Paragraph.text``, ``Question.text``, ``Footnote.text``) is kept as the paper's own
Markdown (``*italics*``, ``\\$``, ``[H/2028/9](#)``), except that superscript note markers are
replaced by the token ``[^N]`` where N is the paper's own note number.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from .text import month_name

HOME = "index.md"
"""The home page: title block, introduction, the days."""


class SectionKind(enum.Enum):
    """The fixed parts of a thematic day, in the paper's words (matched case-insensitively)."""

    POLICY = "Policy commitments"
    BACKGROUND = "Background information"
    QUESTIONS = "Discussion questions"


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    """Inline Markdown; note markers as ``[^N]``."""
    line: int
    """Line of the paragraph's first character in the paper."""
    notes: tuple[int, ...] = ()
    """The paper's numbers of the notes referenced in this paragraph, in order."""


@dataclass(frozen=True, slots=True)
class Question:
    letter: str
    """The paper's own letter, lower case, without the bracket: ``"d"``."""
    text: str
    line: int
    notes: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ListItem:
    """An item of a lettered list inside running text (the introduction's list of challenges)."""

    letter: str
    text: str
    line: int
    notes: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class LetteredList:
    items: tuple[ListItem, ...]
    line: int


Block = Paragraph | LetteredList


@dataclass(frozen=True, slots=True)
class SubSection:
    """A sub-heading inside a section ("Measuring walls") and its paragraphs."""

    title: str
    line: int
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Section:
    kind: SectionKind
    heading: str
    """The heading exactly as the paper prints it (e.g. ``DISCUSSION QUESTIONS:``)."""
    title: str
    """The heading in sentence case (``Discussion questions``)."""
    line: int
    blocks: tuple[Block, ...]
    """Paragraphs before the first sub-heading (all of them when there is none)."""
    subsections: tuple[SubSection, ...] = ()
    questions: tuple[Question, ...] = ()
    """Only for ``SectionKind.QUESTIONS``."""


@dataclass(frozen=True, slots=True)
class Day:
    number: int
    """1-based position of the day in the paper."""
    date: dt.date
    heading: str
    """The heading exactly as the paper prints it (all capitals)."""
    challenge: str
    """The challenge in the paper's own sentence case, from the introduction's list."""
    letter: str
    """The letter of the introduction item that gives the challenge."""
    line: int
    sections: tuple[Section, ...]

    @property
    def slug(self) -> str:
        """Short, stable URL path derived from the date: ``3-march``."""
        return f"{self.date.day}-{month_name(self.date).lower()}"

    @property
    def page(self) -> str:
        """The day's page under ``docs/``: ``3-march.md``."""
        return f"{self.slug}.md"

    @property
    def label(self) -> str:
        """``3 March``: how the site names the day in running text (Sources, Topics, navigation)."""
        return f"{self.date.day} {month_name(self.date)}"

    @property
    def date_label(self) -> str:
        """``3 March 2030``."""
        return f"{self.label} {self.date.year}"

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for s in self.sections for q in s.questions)


@dataclass(frozen=True, slots=True)
class Footnote:
    number: int
    """The paper's own number (1-based, continuous through the paper)."""
    text: str
    """The note's inline Markdown, marker removed."""
    line: int
    referenced_at: int
    """Line of the block (paragraph, item or question) whose marker points to this note."""


@dataclass(frozen=True, slots=True)
class TitleBlock:
    lines: tuple[str, ...]
    """Every non-blank line of the title block, in order, as printed."""
    line: int
    kicker: tuple[str, ...]
    """The lines above the title (the body and its description), made readable."""
    title: str
    """The title line, made readable (``WSC harbour dialogues spring 2030``)."""
    dates: str
    """The line of dates, made readable (``3-4 March 2030``)."""
    kind: str
    """The document's kind (``Background paper``)."""
    issuer: tuple[str, ...]
    """The issuing office's lines, as printed."""


@dataclass(frozen=True, slots=True)
class Introduction:
    heading: str
    title: str
    line: int
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Paper:
    source: str
    """Path of the paper as given (used in error messages)."""
    title: TitleBlock
    introduction: Introduction
    days: tuple[Day, ...]
    notes: tuple[Footnote, ...] = field(default=())
    """Every note of the paper, in number order."""

    def note(self, number: int) -> Footnote:
        return self.notes[number - 1]

    def page_of_note(self, number: int) -> Day | None:
        """The day a note is referenced from, or ``None`` for the introduction."""
        ref = self.note(number).referenced_at
        owner = None
        for day in self.days:
            if day.line <= ref:
                owner = day
        return owner

    def note_place(self, number: int) -> tuple[str, str]:
        """The page a note is on and its label: ``("3-march.md", "3 March")``, or the home page and the
        introduction's title."""
        day = self.page_of_note(number)
        return (HOME, self.introduction.title) if day is None else (day.page, day.label)


@dataclass(frozen=True, slots=True)
class Edition:
    """One year's paper on the site, under an address prefix of its own that names its year::

        >>> day = Day(number=1, date=dt.date(2030, 3, 3), heading="", challenge="", letter="a", line=1, sections=())
        >>> t = TitleBlock(lines=(), line=1, kicker=(), title="", dates="", kind="", issuer=())
        >>> edition = Edition(Paper(source="papers/x.md", title=t, introduction=None, days=(day,)))
        >>> edition.prefix, edition.path("3-march.md"), edition.url("3-march.md")
        ('2030', '2030/3-march.md', '2030/3-march/')

    The prefix comes from the paper alone (its first day's year), never from which other editions exist, so an
    edition's addresses stay what they are as editions are added.
    """

    paper: Paper

    @property
    def prefix(self) -> str:
        return str(self.paper.days[0].date.year)

    @property
    def label(self) -> str:
        """How the site names the edition to a reader: its year, ``2030``."""
        return self.prefix

    def path(self, page: str) -> str:
        """An edition page's path under ``docs/``: ``2030/3-march.md``."""
        return f"{self.prefix}/{page}"

    def url(self, page: str) -> str:
        """An edition page's address, relative to the site's root: ``2030/3-march/`` (``2030/`` for its home)."""
        return page_url(self.path(page))


def page_url(path: str) -> str:
    """The address MkDocs gives a page (directory URLs), relative to the site's root: ``2030/3-march.md`` →
    ``2030/3-march/``, ``2030/index.md`` → ``2030/``, ``index.md`` → ``""``."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""
