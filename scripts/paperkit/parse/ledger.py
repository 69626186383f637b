"""The note ledger: every marker and every note definition, checked as the parser meets them.

Notes are numbered through the whole paper: markers must come as 1, 2, 3 … and so must the definitions, each
definition after its marker. The ledger keeps the next number expected of each, so every check costs the same
however many notes the paper has.

    >>> ledger = NoteLedger("p.md", definitions={1: 9})
    >>> ledger.refer(1, line=5)
    >>> ledger.define(1, "Tide Atlas.", line=9)
    >>> ledger.footnotes()
    (Footnote(number=1, text='Tide Atlas.', line=9, referenced_at=5),)
"""

from __future__ import annotations

from ..errors import PaperError
from ..model import Footnote
from .blocks import superscript


class NoteLedger:
    """Markers and definitions met so far; raises :class:`PaperError` at the first one out of place."""

    def __init__(self, source: str, *, definitions: dict[int, int], pandoc: bool = False) -> None:
        self.source = source
        self.pandoc = pandoc
        """The paper writes its notes as pandoc does (``[^5]``, ``[^5]: …``): the messages say so too."""
        self.definitions = definitions
        """The line of every note definition in the paper, by number (the first one wins)."""
        self.markers: dict[int, int] = {}
        """Note number → line of its marker; always 1 … n."""
        self.notes: dict[int, Footnote] = {}
        """Note number → its definition; always 1 … n."""

    def refer(self, number: int, *, line: int) -> None:
        """A marker of note ``number`` on ``line``."""
        if number in self.markers:
            raise self._error(line, f"note {number} is referenced twice (first at line {self.markers[number]}) — "
                                    f"each marker needs its own note number")
        expected = len(self.markers) + 1
        if number > expected and number in self.definitions and expected in self.definitions:
            raise self._error(self.definitions[expected], f"note {expected} is never referenced — add the marker "
                                                          f"{self._marker(expected)} after the sentence it supports, "
                                                          f"or delete the note (the next marker, "
                                                          f"{self._marker(number)}, is at line {line})")
        if number != expected:
            raise self._error(line, f"note marker {number} is out of order: expected {expected} — notes are "
                                    f"numbered through the whole paper")
        self.markers[number] = line

    def define(self, number: int, text: str, *, line: int) -> None:
        """The definition of note ``number`` (its text without the number) on ``line``."""
        if number in self.notes:
            raise self._error(line, f"note {number} is defined twice (first at line {self.notes[number].line}) — "
                                    f"renumber or remove one")
        expected = len(self.notes) + 1
        if number > expected and number in self.markers and expected in self.markers \
                and expected not in self.definitions:
            raise self.undefined(expected)
        if number != expected:
            raise self._error(line, f"note {number} is out of order: expected note {expected} here — notes are "
                                    f"numbered through the whole paper")
        if number not in self.markers:
            raise self._error(line, f"note {number} is never referenced — add the marker {self._marker(number)} "
                                    f"after the sentence it supports, or delete the note")
        self.notes[number] = Footnote(number=number, text=text, line=line, referenced_at=self.markers[number])

    def footnotes(self) -> tuple[Footnote, ...]:
        """Every note, in number order, once every marker has its definition."""
        if len(self.markers) > len(self.notes):
            raise self.undefined(len(self.notes) + 1)
        return tuple(self.notes.values())

    def undefined(self, number: int) -> PaperError:
        where = ("('[^{0}]: …') below the paragraph or with the other notes at the end of the paper" if self.pandoc
                 else "('{1} …') in the note block below the paragraph").format(number, superscript(number))
        return self._error(self.markers[number], f"note {number} is referenced but never defined — add its text "
                                                 f"{where}")

    def _marker(self, number: int) -> str:
        return f"[^{number}]" if self.pandoc else superscript(number)

    def _error(self, line: int, message: str) -> PaperError:
        return PaperError(self.source, line, message)
