"""Stage "write": one module per page of the site, each ``write(context) -> {path: markdown}``.

    home.py       index.md            title block, introduction, the list of days
    day.py        3-march.md, …       one page per thematic day
    questions.py  questions.md        every discussion question, by day
    sources.py    sources.md          the bibliography, with links back to the notes (when notes are resolved)
    topics.py     topics.md           every topic and where it is mentioned (when a topic is found)

Everything plain Markdown can say is said here: the paper's note labels (``[^25]``), heading ids
(``{ #policy-commitments }``), question ids (``{ #question-d }``); the MkDocs side adds only what Markdown
cannot. The writers share :class:`Context` (what the earlier stages found) and :mod:`paperkit.pages.parts`;
below them sit :mod:`paperkit.markup` (escaping, slugs, front matter) and the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..markup import LinkSymbol
from ..model import Paper
from ..notes import Notes
from ..topics import Occurrence, Topic


@dataclass(frozen=True, slots=True)
class Context:
    """What the earlier stages found, handed down to every page writer."""

    paper: Paper
    notes: Notes | None
    """The notes resolved against the bibliography; ``None`` without a bibliography (notes as the paper writes
    them, no Sources page)."""
    topics: tuple[Topic, ...]
    occurrences: Mapping[str, tuple[Occurrence, ...]]
    """Per topic slug, every paragraph and question that mentions it."""
    block_ids: Mapping[int, str]
    """Stable id of each paragraph and lettered list, keyed by its line (``anchors.block_ids``)."""

    @property
    def link_symbol(self) -> LinkSymbol | None:
        return self.notes.link_symbol if self.notes else None
