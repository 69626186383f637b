"""How the paper and each of its parts is cited: one set of facts for the pages' citation metadata (the
``partials/citation.html`` tags reference managers read) and for the "Cite" text of a discussion question, so the
two always agree. Every fact comes from the title block (title, dates, kind, issuer) and the page::

    >>> from paperkit.model import TitleBlock
    >>> t = TitleBlock(lines=(), line=1, kicker=(), title="WSC harbour dialogues spring 2030", dates="3-4 March 2030",
    ...                kind="Background paper", issuer=("HSO", "Harbour Statistics Office", "Secretariat to the Council"))
    >>> c = of_paper(t)
    >>> c.title, c.institution, c.date
    ('Background paper: WSC harbour dialogues spring 2030 (3-4 March 2030)', 'Harbour Statistics Office', '2030')
    >>> part = c.part("4 March 2030, discussion question b)")
    >>> part.title
    'Background paper: WSC harbour dialogues spring 2030 (3-4 March 2030), 4 March 2030, discussion question b)'
    >>> part.text("https://example.org/4-march/b/")
    'Harbour Statistics Office, Background paper: WSC harbour dialogues spring 2030 (3-4 March 2030), 4 March 2030, discussion question b). https://example.org/4-march/b/'

The model stays plain text; the template escapes these values where they land (attribute values).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .markup import plain
from .model import Day, TitleBlock

# "HSO" — an issuer line that is only the body's acronym; the line after it names the body in full
ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&.-]{1,11}$")
# "2030" in "3-4 March 2030" — the first year of the title block's dates
YEAR_RE = re.compile(r"\b(\d{4})\b")
UNCUT = 100_000  # a title is never cut


@dataclass(frozen=True, slots=True)
class Citation:
    title: str
    """What Zotero saves as the report's title (``citation_title``): the paper's kind, title and dates, then the
    part of it a page holds (``…, 4 March 2030: <the day's challenge>``)."""
    institution: str
    """The issuing body (``citation_technical_report_institution``, ``citation_publisher``)."""
    date: str
    """The year of the paper's dates (``citation_publication_date``): the paper prints no day of issue."""

    def part(self, part: str) -> Citation:
        """The citation of one part of the paper: its title followed by ``, <part>``."""
        return replace(self, title=f"{self.title}, {part}")

    @property
    def reference(self) -> str:
        """``<body>, <title>``: the citation without its address."""
        return f"{self.institution}, {self.title}" if self.institution else self.title

    def text(self, url: str) -> str:
        """The citation as a reader pastes it (a question's "Cite" button): ``<body>, <title>. <url>``."""
        return f"{self.reference}. {url}"


def institution(title: TitleBlock) -> str:
    """The issuing body's name: the first issuer line that is not an acronym alone (``Harbour Statistics Office``
    after ``HSO``), else the first line; empty when the paper names no issuer."""
    for line in title.issuer:
        if not ACRONYM_RE.match(line):
            return line
    return title.issuer[0] if title.issuer else ""


def year(title: TitleBlock) -> str:
    m = YEAR_RE.search(title.dates)
    return m.group(1) if m else ""


def of_paper(title: TitleBlock) -> Citation:
    """The whole paper, as its home page is cited."""
    return Citation(title=plain(f"{title.kind}: {title.title} ({title.dates})", limit=UNCUT),
                    institution=institution(title), date=year(title))


def of_day(title: TitleBlock, day: Day) -> Citation:
    """A thematic day's page: ``…, 4 March 2030: The cost of dredging …``."""
    return of_paper(title).part(f"{day.date_label}: {plain(day.challenge, limit=UNCUT)}")


def question_part(day: Day) -> str:
    """``4 March 2030, discussion question`` — the letter and ``)`` follow (the "Cite" button adds them)."""
    return f"{day.date_label}, discussion question"


def of_question(title: TitleBlock, day: Day, letter: str) -> Citation:
    """A discussion question's own page: ``…, 4 March 2030, discussion question b)``."""
    return of_paper(title).part(f"{question_part(day)} {letter})")
