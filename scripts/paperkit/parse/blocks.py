"""The paper's text → blocks (runs of non-blank lines), each classified once into a :class:`Kind`.

    >>> [b.kind.name for b in split_blocks("INTRODUCTION\\n\\nTides rose.¹\\n\\n¹ Atlas.\\n")]
    ['HEADING', 'TEXT', 'NOTES']

Every later step walks the kinds; none tests a block's shape again.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TO_DIGITS = str.maketrans(SUPERSCRIPTS, "0123456789")

# "¹⁷ See Global Study …" — a note definition
NOTE_RE = re.compile(rf"^([{SUPERSCRIPTS}]+)\s+(\S.*)$")
# "…tides.¹⁷ Next" — a marker: superscript digits right after a non-space character
MARKER_RE = re.compile(rf"(?<=\S)([{SUPERSCRIPTS}]+)")
# "- d) Are there …" — a lettered item
ITEM_RE = re.compile(r"^[-*]\s+\(?([a-z])\)\s+(.*)$")
# "3 MARCH 2030 - RISING TIDES ARE …" — a day heading
MONTHS = ("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
          "NOVEMBER", "DECEMBER")
DAY_RE = re.compile(rf"^(\d{{1,2}})\s+({'|'.join(MONTHS)})\s+(\d{{4}})\s*[-–—]\s*(\S.*)$")
# A sentence ends: ". " "?" "!" ":" possibly followed by closing quotes/brackets and note tokens
TERMINAL_RE = re.compile(rf"[.?!:][”’\"')\]*_]*[{SUPERSCRIPTS}]*(\s*\[\^\d+\])*\s*$")
SUBHEADING_MAX = 150


class Kind(enum.Enum):
    """What a block is, decided once, from its own lines only."""

    DAY = "a day heading: '<day> <MONTH> <year> - <challenge>' on one line"
    NOTES = "a note block: its first line starts with a superscript number"
    LIST = "a lettered list: every line is '- x) …'"
    MIXED = "lines of a lettered list mixed with other lines"
    HEADING = "one line in capitals"
    TEXT = "anything else: a paragraph, a sub-heading, a title-block line"


@dataclass(frozen=True, slots=True)
class Raw:
    """A run of non-blank lines, with its kind."""

    line: int
    """1-based line of its first line in the paper."""
    lines: tuple[str, ...]
    """Its lines, right-stripped."""
    kind: Kind
    prose: bool
    """Running text: not a heading, note block or list, and it ends a sentence or is too long to be a heading."""

    @property
    def text(self) -> str:
        return " ".join(s.strip() for s in self.lines)


def terminated(text: str) -> bool:
    """Whether ``text`` ends a sentence (note markers and closing quotes may follow)."""
    return TERMINAL_RE.search(text) is not None


def split_blocks(text: str) -> list[Raw]:
    """Runs of non-blank lines of ``text`` (line ends already ``\\n``), classified."""
    raws: list[Raw] = []
    start, lines = 0, []
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line.rstrip())
        elif lines:
            raws.append(classify(start, tuple(lines)))
            lines = []
    if lines:
        raws.append(classify(start, tuple(lines)))
    return raws


def classify(line: int, lines: tuple[str, ...]) -> Raw:
    text = " ".join(s.strip() for s in lines)
    notes = NOTE_RE.match(lines[0]) is not None
    items = [ITEM_RE.match(s) is not None for s in lines]
    caps = len(lines) == 1 and not notes and not items[0] and _all_capitals(lines[0])
    if len(lines) == 1 and DAY_RE.match(text):
        kind = Kind.DAY
    elif notes:
        kind = Kind.NOTES
    elif all(items):
        kind = Kind.LIST
    elif any(items):
        kind = Kind.MIXED
    elif caps:
        kind = Kind.HEADING
    else:
        kind = Kind.TEXT
    prose = not (caps or notes or all(items)) and (terminated(text) or len(text) > SUBHEADING_MAX)
    return Raw(line, lines, kind, prose)


def _all_capitals(line: str) -> bool:
    letters = False
    for c in line:  # stops at the first small letter: a line of prose is told at once
        if c.isalpha():
            if not c.isupper():
                return False
            letters = True
    return letters


def note_number(superscript: str) -> int:
    return int(superscript.translate(TO_DIGITS))


def superscript(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", SUPERSCRIPTS))
