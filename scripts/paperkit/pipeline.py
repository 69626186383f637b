"""The stages wired together, once, for the MkDocs plugin and the command line alike:

    find the editions (editions: every paper of papers/) → read each paper (parse) → model
        → resolve notes (resolve, notes) → find topics (topics, anchors)
        → each edition's pages (pages.home, pages.day, pages.questions, pages.question_links), in its folder
        → the pages the editions share (pages.series, pages.sources, pages.topics)
        → the addresses that forward (pages.forwards), checked against the published ones (addresses)

    >>> synthetic = Path(__file__).parents[2] / "tests" / "fixtures" / "synthetic"
    >>> site = build_site(synthetic / "paper.md", bibliography=synthetic / "sources.bib")
    >>> sorted(p for p in site.pages if p.count('/') < 2 and not p.startswith('latest/'))  # and '2030/3-march/a.md', …
    ['2030/3-march.md', '2030/4-march.md', '2030/index.md', '2030/questions.md', 'index.md', 'sources.md']
    >>> [list(entry.values())[0] for entry in site.nav[1]['3-4 March 2030']]  # the edition's own section
    ['2030/index.md', '2030/3-march.md', '2030/4-march.md', '2030/questions.md']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from . import addresses, bibfiles, topics
from .addresses import read_registry
from .anchors import block_ids
from .bibliography import Bibliography, load_bibliography
from .editions import find_papers, read_editions
from .model import HOME, Edition, Paper
from .notes import Notes
from .pages import ROOT, Context, SiteContext, day, forwards, home, question_links, questions, series, sources
from .pages import topics as topics_page
from .resolve import resolve_notes

EDITION_WRITERS = (home, day, questions, question_links)
"""Each edition's pages, in the order of its navigation, then each question's own short address (out of it); each
module's ``write(context)`` gives ``{path: markdown}``, paths inside the edition's folder."""
SHARED_WRITERS = (series, sources, topics_page)
"""The pages every edition shares, at the site's root; ``write(site_context)``."""

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
    editions: tuple[Edition, ...]
    """Newest first."""
    pages: dict[str, str]
    """Markdown of every page, keyed by its path under ``docs/``."""
    nav: tuple[dict[str, object], ...]
    site_name: str
    description: str
    files: dict[str, str]
    """Other files beside the pages, keyed by path: the bibliography for reference managers (:mod:`bibfiles`)."""
    served: frozenset[str] = frozenset()
    """Every address the site serves (:func:`addresses.served`)."""
    unrecorded: tuple[str, ...] = ()
    """The served addresses the list of published ones does not hold yet (a new edition's)."""
    opens: dict[str, str] = dataclasses.field(default_factory=dict)
    """The first words each address whose id counts opens (:func:`addresses.opening`)."""

    @property
    def paper(self) -> Paper:
        """The newest edition's paper."""
        return self.editions[0].paper


def build_site(papers: Path | Sequence[Path], *, bibliography: Path | None = None, topic_list: Path | None = None,
               published: Path | None = None) -> Site:
    """Find the editions (``papers``: a folder of papers, one paper file, or paper files), read, resolve and write
    every page; check the published addresses (``published``: their list) are all still served. Raises
    :class:`PaperError` on bad input."""
    paths = find_papers(papers, besides=[published] if published else ()) if isinstance(papers, Path) else papers
    editions = read_editions(paths)
    bib = _unless_unchanged(load_bibliography, bibliography) if bibliography is not None else None
    listed = _unless_unchanged(topics.read_topics, topic_list) if topic_list is not None else ()
    registry = read_registry(published) if published is not None else None
    written = [_edition_pages(e, bib, listed, older=n > 0) for n, e in enumerate(editions)]
    contexts = tuple(ctx for ctx, _ in written)
    pages: dict[str, str] = {path: text for _, edition_pages in written for path, text in edition_pages.items()}
    name = site_name(editions)
    site = SiteContext(editions=contexts, name=name, bib=bib, topics=listed, published=registry)
    for writer in SHARED_WRITERS:
        pages.update(writer.write(site))
    moved = forwards.write(site, pages)
    pages.update(moved)
    files = bibfiles.write_files(bib) if bib else {}
    found = addresses.served({p: t for p, t in pages.items() if p not in moved}, files)
    unrecorded: tuple[str, ...] = ()
    opens = addresses.opening(editions)
    if registry is not None:
        addresses.check(registry, found, opens)
        unrecorded = tuple(addresses.unrecorded(registry, found))
    newest = editions[0].paper.title
    return Site(editions=editions, pages=pages, nav=nav(contexts, pages), site_name=name,
                description=f"{newest.kind}, {newest.title}, {newest.dates}" if len(editions) == 1 else
                f"{newest.kind}s, {len(editions)} editions, the newest {newest.title}, {newest.dates}",
                files=files, served=frozenset(found), unrecorded=unrecorded, opens=opens)


_written: dict[str, tuple[tuple, Context, dict[str, str]]] = {}
"""Each paper's context and pages as last written, by its file, with what they were written from: `mkdocs serve`
rebuilds on every save, and writes again only the edition whose paper (or bibliography, or topic list) changed."""


def _edition_pages(edition: Edition, bib: Bibliography | None, listed: tuple[topics.Topic, ...], *,
                   older: bool) -> tuple[Context, dict[str, str]]:
    """An edition's context and its pages, paths under ``docs/``, written again only when what they are written from
    differs from the last time: the paper as read (its whole model, compared), the bibliography and topic list
    objects (read again only when their files change), whether a newer edition is on the site."""
    key = (edition.paper, id(bib), id(listed), older)
    last = _written.get(edition.paper.source)
    if last is not None and last[0][1:] == key[1:] and last[0][0] == key[0]:
        return last[1], last[2]
    ctx = context(edition, bib, listed, older=older)
    pages = {edition.path(path): text for writer in EDITION_WRITERS for path, text in writer.write(ctx).items()}
    _written[edition.paper.source] = (key, ctx, pages)  # it keeps bib and listed alive: their ids are not reused
    return ctx, pages


def read(paper_path: Path, *, bibliography: Path | None = None, topic_list: Path | None = None) -> Context:
    """Every stage before the writers, for one paper: the paper, its notes resolved, its topics found."""
    bib = _unless_unchanged(load_bibliography, bibliography) if bibliography is not None else None
    listed = _unless_unchanged(topics.read_topics, topic_list) if topic_list is not None else ()
    return context(read_editions([paper_path])[0], bib, listed)


def context(edition: Edition, bib: Bibliography | None, listed: tuple[topics.Topic, ...], *,
            older: bool = False) -> Context:
    """One edition's notes resolved, its topics found; ``older``: a newer edition is on the site."""
    paper = edition.paper
    notes = Notes(bib, resolve_notes(paper.notes, bib, source=paper.source), root=ROOT) if bib is not None else None
    return Context(edition=edition, notes=notes, topics=listed, occurrences=topics.find_occurrences(paper, listed),
                   block_ids=block_ids(paper), older=older)


def site_name(editions: tuple[Edition, ...]) -> str:
    """The site's name: the one edition's title; for several, the words every title shares, in the newest's
    order, years left out (``WSC harbour dialogues spring``), else the newest title."""
    titles = [e.paper.title.title for e in editions]
    if len(titles) == 1:
        return titles[0]
    others = [set(t.casefold().split()) for t in titles[1:]]
    shared = [w for w in titles[0].split() if all(w.casefold() in o for o in others) and not w.isdigit()]
    return " ".join(shared) or titles[0]


def nav(contexts: tuple[Context, ...], pages: dict[str, str]) -> tuple[dict[str, object], ...]:
    """The navigation: the home page; each edition (newest first) as a section of its own — its home (named
    after the introduction), its days, its questions; then the pages the editions share."""
    entries: list[dict[str, object]] = [{"Home": HOME}]
    for ctx in contexts:
        e, paper = ctx.edition, ctx.paper
        section = [{paper.introduction.title: e.path(HOME)}, *({day.title(d): e.path(d.page)} for d in paper.days)]
        if e.path(questions.PAGE) in pages:
            section.append({questions.TITLE: e.path(questions.PAGE)})
        entries.append({paper.title.dates: tuple(section)})
    entries += [{w.TITLE: w.PAGE} for w in (sources, topics_page) if w.PAGE in pages]
    return tuple(entries)
