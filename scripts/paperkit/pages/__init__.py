"""Stage "write": one module per page of the site, each ``write(context) -> {path: markdown}``.

An edition's pages, written once per edition (:class:`Context`), with paths inside the edition's folder
(``2030/`` is put in front of them by the pipeline):

    home.py            index.md            title block, introduction, the list of days
    day.py             3-march.md, …       one page per thematic day
    questions.py       questions.md        every discussion question, by day
    question_links.py  3-march/a.md, …     each question's own short address

The site's pages, shared by every edition (:class:`SiteContext`), at the site's root:

    series.py     index.md            the newest edition, and every edition
    sources.py    sources.md          the bibliography, with links back to the notes (when notes are resolved)
    topics.py     topics.md           every topic and where it is mentioned, edition by edition
    forwards.py   3-march.md, latest/ the published addresses that forward, and the newest edition's aliases

Everything plain Markdown can say is said here: the paper's note labels (``[^25]``), heading ids
(``{ #policy-commitments }``), question ids (``{ #question-d }``); the MkDocs side adds only what Markdown
cannot. The writers share :class:`Context` (what the earlier stages found) and :mod:`paperkit.pages.parts`;
below them sit :mod:`paperkit.markup` (escaping, slugs, front matter) and the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..addresses import Registry
from ..bibliography import Bibliography
from ..markup import LinkSymbol
from ..model import Edition, Paper
from ..notes import Notes
from ..topics import Occurrence, Topic

OLDER_BOOST = 0.8
"""Search weight of an older edition's pages, against 1 for the newest's: the reader's likeliest edition first, the
others still found (a result names its day with its year)."""
ROOT = "../"
"""From an edition's pages (``2030/3-march.md``, ``2030/index.md``) to the site's root, where the shared pages are."""


@dataclass(frozen=True, slots=True)
class Context:
    """What the earlier stages found for one edition, handed down to every writer of its pages."""

    edition: Edition
    notes: Notes | None
    """The notes resolved against the bibliography; ``None`` without a bibliography (notes as the paper writes
    them, no Sources page)."""
    topics: tuple[Topic, ...]
    occurrences: Mapping[str, tuple[Occurrence, ...]]
    """Per topic slug, every paragraph and question that mentions it."""
    block_ids: Mapping[int, str]
    """Stable id of each paragraph and lettered list, keyed by its line (``anchors.block_ids``)."""
    older: bool = False
    """A newer edition is on the site: its pages rank after the newest's in search (:data:`OLDER_BOOST`)."""

    @property
    def paper(self) -> Paper:
        return self.edition.paper

    @property
    def link_symbol(self) -> LinkSymbol | None:
        return self.notes.link_symbol if self.notes else None


@dataclass(frozen=True, slots=True)
class SiteContext:
    """Every edition's context, newest first, for the pages the editions share."""

    editions: tuple[Context, ...]
    name: str
    """The site's name (the one edition's title, or what the editions' titles share)."""
    bib: Bibliography | None
    topics: tuple[Topic, ...]
    published: Registry | None = None
    """The list of published addresses, when the site keeps one."""

    @property
    def newest(self) -> Context:
        return self.editions[0]
