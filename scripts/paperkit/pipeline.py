"""The stages wired together, once, for the MkDocs plugin and the command line alike.

    >>> site = build_site(Path("paper/background-paper.md"))      # doctest: +SKIP
    >>> sorted(site.pages)[:2]                                     # doctest: +SKIP
    ['3-march.md', '4-march.md']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from . import questions, sources, topics
from .anchors import block_ids
from .model import Paper
from .parse import read_paper
from .resolve import load_bibliography, resolve_notes
from .sources import Sources
from .write import Options, day_title, write_pages

T = TypeVar("T")
_read: dict[tuple[Callable, Path], tuple[tuple[int, int], object]] = {}
"""What each data file gave when last read, with its (modification time, size): `mkdocs serve` rebuilds on
every save of the paper, and reads the bibliography and topic list again only when they have changed."""


def _unless_unchanged(read: Callable[[Path], T], path: Path) -> T:
    stat = path.stat()
    key, seen = (read, path.resolve()), (stat.st_mtime_ns, stat.st_size)
    if key not in _read or _read[key][0] != seen:
        _read[key] = (seen, read(path))  # a file that fails to read raises here, and is read again next time
    return _read[key][1]  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Site:
    paper: Paper
    pages: dict[str, str]
    """Markdown of every page, keyed by its path under ``docs/``."""
    nav: tuple[dict[str, str] | str, ...]
    site_name: str
    description: str


def build_site(paper_path: Path, *, bibliography: Path | None = None, topic_list: Path | None = None) -> Site:
    """Read the paper, resolve its notes, write the pages. Raises :class:`PaperError` on bad input."""
    paper = read_paper(paper_path)
    notes = None
    if bibliography is not None and bibliography.exists():
        bib = _unless_unchanged(load_bibliography, bibliography)
        notes = Sources(paper, bib, resolve_notes(paper.notes, bib, source=paper.source))
    paper_topics = _unless_unchanged(topics.read_topics, topic_list) if topic_list is not None and topic_list.exists() else ()
    occurrences = topics.find_occurrences(paper, paper_topics)
    options = Options(block_ids=block_ids(paper), question_cite=partial(questions.citation, paper),
                      day_topics=topics.day_topics(paper_topics, occurrences),
                      link_symbol=notes.link_symbol if notes else None,
                      note_markdown=notes.note_markdown if notes else None,
                      page_sources=notes.page_sources if notes else None)
    pages = write_pages(paper, options=options)
    pages[questions.PAGE] = questions.write_questions_page(paper, link_symbol=options.link_symbol)
    nav: list[dict[str, str] | str] = [{paper.introduction.title: "index.md"}]
    nav += [{day_title(d): f"{d.slug}.md"} for d in paper.days]
    nav.append({questions.TITLE: questions.PAGE})
    if notes:
        pages[sources.PAGE] = notes.write_page(partial(_page_of_note, paper))
        nav.append({sources.TITLE: sources.PAGE})
    if any(occurrences.values()):
        pages[topics.PAGE] = topics.write_topics_page(paper, paper_topics, occurrences)
        nav.append({topics.TITLE: topics.PAGE})
    t = paper.title
    return Site(paper=paper, pages=pages, nav=tuple(nav), site_name=t.title,
                description=f"{t.kind}, {t.title}, {t.dates}")


def _page_of_note(paper: Paper, number: int) -> tuple[str, str]:
    """The page a note is on and how the Sources page labels it: ``("3-march.md", "3 March")``."""
    day = paper.page_of_note(number)
    if day is None:
        return "index.md", paper.introduction.title
    return f"{day.slug}.md", f"{day.date.day} {day.date.strftime('%B')}"
