"""The stages wired together, once, for the MkDocs plugin and the command line alike:

    read the paper (parse) → model → resolve notes (resolve, notes) → find topics (topics, anchors)
        → one writer per page (pages.home, pages.day, pages.questions, pages.sources, pages.topics)

    >>> synthetic = Path(__file__).parents[2] / "tests" / "fixtures" / "synthetic"
    >>> site = build_site(synthetic / "paper.md", bibliography=synthetic / "sources.bib")
    >>> sorted(p for p in site.pages if '/' not in p)  # and each question's own page, '3-march/a.md', …
    ['3-march.md', '4-march.md', 'index.md', 'questions.md', 'sources.md']
    >>> site.nav[1]
    {'3 March: Rising tides are flooding small harbours faster…': '3-march.md'}
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from . import bibfiles, topics
from .anchors import block_ids
from .model import HOME, Paper
from .notes import Notes
from .pages import Context, day, home, question_links, questions, sources
from .pages import topics as topics_page
from .parse import read_paper
from .bibliography import load_bibliography
from .resolve import resolve_notes

WRITERS = (home, day, questions, sources, topics_page, question_links)
"""Every page of the site, in the order of the navigation, then each question's own short address (out of it);
each module's ``write(context)`` gives ``{path: markdown}`` (nothing when it has nothing to show)."""

T = TypeVar("T")
_read: dict[tuple[Callable, Path], tuple[tuple[int, int], object]] = {}
"""What each data file gave when last read, with its (modification time, size): `mkdocs serve` rebuilds on
every save of the paper, and reads the bibliography and topic list again only when they have changed."""


def _unless_unchanged(read: Callable[[Path], T], path: Path) -> T:
    try:
        stat = path.stat()
    except OSError:
        return read(path)  # a missing file: `read` says so, naming it
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
    files: dict[str, str]
    """Other files beside the pages, keyed by path: the bibliography for reference managers (:mod:`bibfiles`)."""


def build_site(paper_path: Path, *, bibliography: Path | None = None, topic_list: Path | None = None) -> Site:
    """Read the paper, resolve its notes, write the pages. Raises :class:`PaperError` on bad input."""
    ctx = read(paper_path, bibliography=bibliography, topic_list=topic_list)
    pages: dict[str, str] = {}
    for writer in WRITERS:
        pages.update(writer.write(ctx))
    t = ctx.paper.title
    return Site(paper=ctx.paper, pages=pages, nav=nav(ctx.paper, pages), site_name=t.title,
                description=f"{t.kind}, {t.title}, {t.dates}",
                files=bibfiles.write_files(ctx.notes.bib) if ctx.notes else {})


def read(paper_path: Path, *, bibliography: Path | None = None, topic_list: Path | None = None) -> Context:
    """Every stage before the writers: the paper, its notes resolved, its topics found."""
    paper = read_paper(paper_path)
    notes = None
    if bibliography is not None:  # a bibliography or topic list that is named must exist (PaperError if not)
        bib = _unless_unchanged(load_bibliography, bibliography)
        notes = Notes(bib, resolve_notes(paper.notes, bib, source=paper.source))
    listed = _unless_unchanged(topics.read_topics, topic_list) if topic_list is not None else ()
    return Context(paper=paper, notes=notes, topics=listed, occurrences=topics.find_occurrences(paper, listed),
                   block_ids=block_ids(paper))


def nav(paper: Paper, pages: dict[str, str]) -> tuple[dict[str, str], ...]:
    """The navigation: home (named after the introduction), the days, then the other pages written."""
    entries = [{paper.introduction.title: HOME}, *({day.title(d): d.page} for d in paper.days)]
    entries += [{w.TITLE: w.PAGE} for w in (questions, sources, topics_page) if w.PAGE in pages]
    return tuple(entries)
