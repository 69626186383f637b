"""The paper's text → blocks (runs of non-blank lines), each classified once into a :class:`Kind`.

    >>> [b.kind.name for b in split_blocks("INTRODUCTION\\n\\nTides rose.¹\\n\\n¹ Atlas.\\n")]
    ['HEADING', 'TEXT', 'NOTES']

Every later step walks the kinds; none tests a block's shape again.
"""

from __future__ import annotations

import difflib
import enum
import re
from dataclasses import dataclass, replace

from ..model import SectionKind
from ..text import MONTHS as ENGLISH_MONTHS

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TO_DIGITS = str.maketrans(SUPERSCRIPTS, "0123456789")

# "¹⁷ See Global Study …" — a note definition
NOTE_RE = re.compile(rf"^([{SUPERSCRIPTS}]+)\s+(\S.*)$")
# "…tides.¹⁷ Next" — a marker: superscript digits right after a non-space character
MARKER_RE = re.compile(rf"(?<=\S)([{SUPERSCRIPTS}]+)")
# "- d) Are there …" — a lettered item
ITEM_RE = re.compile(r"^[-*]\s+\(?([a-z])\)\s+(.*)$")
# "3 MARCH 2030 - RISING TIDES ARE …" — a day heading
MONTHS = tuple(month.upper() for month in ENGLISH_MONTHS)  # as headings print them: "MARCH"
DASHES = "-–—−‐‑"
DAY_RE = re.compile(rf"^(\d{{1,2}})\s+({'|'.join(MONTHS)})\s+(\d{{4}})\s*[{DASHES}]\s*(\S.*)$")
# "8 February 2023 - Data …", "8 FEBUARY 2023 - DATA …", "8 FEBRUARY 2023: DATA …" — a day heading gone wrong
LOOSE_DAY_RE = re.compile(rf"^(\d{{1,2}})\s+([A-Za-z]+)\.?,?\s+(\d{{4}})\s*([{DASHES}:,.|]?)\s*(\S.*)$")
# "FEBRUARY 8, 2023 - DATA …", "WEDNESDAY, 8 FEBRUARY 2023 - DATA …" — a date in another order or form
OTHER_ORDER_DAY_RE = re.compile(rf"^(?:([A-Za-z]+)\s+(\d{{1,2}}),?\s+(\d{{4}})|[A-Za-z]+,?\s+\d{{1,2}}\s+[A-Za-z]+,?\s+"
                                rf"\d{{4}})\s*[{DASHES}:]\s*\S")
# "8 FEBRUARY - DATA …" — a day heading without its year
NO_YEAR_DAY_RE = re.compile(rf"^\d{{1,2}}\s+(?:{'|'.join(MONTHS)})\s*[{DASHES}:]\s*\S", re.IGNORECASE)
# "⁴See …", "⁴" — a line that starts like a note definition but is none
BAD_NOTE_RE = re.compile(rf"^([{SUPERSCRIPTS}]+)(?:[^\s{SUPERSCRIPTS}]|$)")
# A sentence ends: ". " "?" "!" ":" possibly followed by closing quotes/brackets and note tokens
TERMINAL_RE = re.compile(rf"[.?!:][”’\"')\]*_]*[{SUPERSCRIPTS}]*(\s*\[\^\d+\])*\s*$")
SUBHEADING_MAX = 150


class Kind(enum.Enum):
    """What a block is, decided once, from its own lines only."""

    BROKEN = "none of the others, but close to one: what is wrong is in ``Raw.problem``"
    DAY = "a day heading: '<day> <MONTH> <year> - <challenge>' on one line"
    NOTES = "a note block: its first line starts with a superscript number"
    LIST = "a lettered list: every line is '- x) …'"
    MIXED = "lines of a lettered list mixed with other lines"
    HEADING = "one line in capitals, or a section's name in any case"
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
    problem: tuple[int, str] | None = None
    """For ``Kind.BROKEN``: the line to fix and the message, ``what — how to fix``."""
    numbers: tuple[int, ...] = ()
    """The paper's line of each of ``lines``, when they are not one after the other (a wrapped paragraph of pandoc
    Markdown is one of ``lines``); empty: ``line``, ``line + 1``, …"""
    wraps: tuple[tuple[tuple[int, int], ...], ...] = ()
    """For each of ``lines`` that was wrapped over more lines of the paper: where each next one starts, as
    (column in the line, line in the paper)."""
    splits: bool = True
    """For ``Kind.NOTES``: set where the PDF's page ended, so the paragraph above may go on below it (pandoc's
    notes are not: every paragraph there is whole)."""

    @property
    def text(self) -> str:
        return " ".join(s.strip() for s in self.lines)

    def at(self, k: int, column: int = 0) -> int:
        """The paper's line of ``lines[k]`` (of its character at ``column``, if the line was wrapped)."""
        number = self.numbers[k] if self.numbers else self.line + k
        for start, wrapped in self.wraps[k] if self.wraps else ():
            if column >= start:
                number = wrapped
        return number


def terminated(text: str) -> bool:
    """Whether ``text`` ends a sentence (note markers and closing quotes may follow)."""
    return TERMINAL_RE.search(text) is not None


def split_blocks(text: str) -> list[Raw]:
    """Runs of non-blank lines of ``text`` (line ends already ``\\n``), classified.

    A run is cut before a note definition and around a section heading in capitals, blank line or not: a note
    or a heading run together with the text around it is still a note or a heading.
    """
    return split_lines([(n, line, ()) for n, line in enumerate(text.split("\n"), 1)])


Wraps = tuple[tuple[int, int], ...]


def split_lines(numbered: list[tuple[int, str, Wraps]], *, whole_paragraphs: bool = False) -> list[Raw]:
    """:func:`split_blocks` of lines each with its line in the paper and where it was wrapped (see ``Raw.wraps``);
    ``whole_paragraphs``: no note block cuts a paragraph in two (pandoc Markdown)."""
    raws: list[Raw] = []
    lines: list[str] = []
    numbers: list[int] = []
    wraps: list[Wraps] = []

    def close() -> None:
        raw = classify(numbers[0], tuple(lines), tuple(numbers))
        raw = replace(raw, wraps=tuple(wraps)) if any(wraps) else raw
        raws.append(replace(raw, splits=False) if whole_paragraphs and raw.kind is Kind.NOTES else raw)
        for gathered in (lines, numbers, wraps):
            gathered.clear()

    for number, line, wrapped in numbered:
        if line.strip() and lines and _starts_block(line, lines[-1]):
            close()
        if line.strip():
            lines.append(line.rstrip())
            numbers.append(number)
            wraps.append(wrapped)
        elif lines:
            close()
    if lines:
        close()
    return raws


def _starts_block(line: str, before: str) -> bool:
    return NOTE_RE.match(line) is not None or _section_in_capitals(line) or _section_in_capitals(before)


def _section_in_capitals(line: str) -> bool:
    return section_kind(line) is not None and not any(c.islower() for c in line)


def section_kind(line: str) -> SectionKind | None:
    """The section a heading names, in any case: ``Discussion questions:`` → ``SectionKind.QUESTIONS``."""
    name = line.strip().rstrip(":").strip().casefold()
    return next((k for k in SectionKind if k.value.casefold() == name), None)


def classify(line: int, lines: tuple[str, ...], numbers: tuple[int, ...] = ()) -> Raw:
    """The block of ``lines``, the first on ``line`` (``numbers``: each one's line, if not one after the other)."""
    if numbers and numbers == tuple(range(line, line + len(lines))):
        numbers = ()
    raw = _classify(line, lines)
    return replace(raw, numbers=numbers, problem=_renumbered(raw.problem, line, numbers)) if numbers else raw


def _renumbered(problem: tuple[int, str] | None, line: int, numbers: tuple[int, ...]) -> tuple[int, str] | None:
    return None if problem is None else (numbers[problem[0] - line], problem[1])


def _classify(line: int, lines: tuple[str, ...]) -> Raw:
    text = " ".join(s.strip() for s in lines)
    notes = NOTE_RE.match(lines[0]) is not None
    items = [ITEM_RE.match(s) is not None for s in lines]
    caps = len(lines) == 1 and not notes and not items[0] and _all_capitals(lines[0])
    prose = not (caps or notes or all(items)) and (terminated(text) or len(text) > SUBHEADING_MAX)
    if problem := _problem(line, lines):
        return Raw(line, lines, Kind.BROKEN, False, problem)
    if len(lines) == 1 and DAY_RE.match(text):
        kind = Kind.DAY
    elif notes:
        kind = Kind.NOTES
    elif all(items):
        kind = Kind.LIST
    elif any(items) and list_items(lines) is not None:
        kind, prose = Kind.LIST, False  # items wrapped onto more lines
    elif any(items):
        kind = Kind.MIXED
    elif caps:
        kind = Kind.HEADING
    elif len(lines) == 1 and section_kind(text) is not None:
        kind, prose = Kind.HEADING, False  # "Background information": accepted as the heading it names
    else:
        kind = Kind.TEXT
    return Raw(line, lines, kind, prose)


def list_items(lines: tuple[str, ...]) -> list[tuple[int, tuple[str, ...]]] | None:
    """Each item of a lettered list: the offset of its first line and its lines; ``None`` if a line is neither an
    item nor the rest of an item wrapped onto it (the line before it ends no sentence).

    >>> list_items(("- a) Which walls should be", "raised first?", "- b) Who pays?"))
    [(0, ('- a) Which walls should be', 'raised first?')), (2, ('- b) Who pays?',))]
    """
    if not ITEM_RE.match(lines[0]):
        return None
    items: list[tuple[int, tuple[str, ...]]] = []
    for k, s in enumerate(lines):
        if ITEM_RE.match(s):
            items.append((k, (s,)))
        elif ends_clause(lines[k - 1]):
            return None
        else:
            items[-1] = (items[-1][0], (*items[-1][1], s))
    return items


def ends_clause(line: str) -> bool:
    return terminated(line) or line.rstrip().endswith(";")


def _problem(line: int, lines: tuple[str, ...]) -> tuple[int, str] | None:
    """What makes these lines almost a day heading or a note definition, but not one."""
    for k, s in enumerate(lines):
        if m := BAD_NOTE_RE.match(s):
            return line + k, _bad_note(m.group(1), s)
    first, text = lines[0], " ".join(s.strip() for s in lines)
    if len(lines) > 1 and (DAY_RE.match(first) or _loose_day(first) or (DAY_RE.match(text) and _no_small(text))):
        if _no_small(text):
            return line, (f"this day heading goes on over {len(lines)} lines (to line {line + len(lines) - 1}) — "
                          f"write it on one line")
        return line, "the day heading runs into the text below it — put a blank line after the day heading"
    if len(lines) == 1 and not DAY_RE.match(first) and (m := _loose_day(first)):
        return line, _bad_day(m)
    if len(lines) == 1 and OTHER_ORDER_DAY_RE.match(first):
        return line, ("this day heading's date is not written '<day> <MONTH> <year>' — write it as the paper does, "
                      "e.g. '8 FEBRUARY 2023 - <THE CHALLENGE>'")
    if len(lines) == 1 and NO_YEAR_DAY_RE.match(first):
        return line, "this day heading has no year — write it '<day> <MONTH> <year> - <THE CHALLENGE>'"
    return None


def _no_small(text: str) -> bool:
    return not any(c.islower() for c in text)


def _loose_day(line: str) -> re.Match[str] | None:
    """A line that starts with a date and reads as a day heading (a dash after the date, or all in capitals)."""
    m = LOOSE_DAY_RE.match(line)
    if m is None:
        return None
    return m if (m.group(4) and m.group(4) in DASHES) or (_no_small(line) and m.group(4) in ("", ":", "|")) else None


def _bad_day(m: re.Match[str]) -> str:
    day, month, year, dash, rest = m.groups()
    if month.upper() not in MONTHS:
        hint = f" (did you mean {guess}?)" if (guess := month_guess(month)) else ""
        return f"'{month}' in this day heading is not a month{hint} — correct it: '<day> <MONTH> <year> - <challenge>'"
    if any(c.islower() for c in month + rest):
        return (f"a day heading is written in capitals — write it '{day} {month.upper()} {year} - "
                f"{_shorten(rest.upper())}'")
    return (f"the day heading has no dash between its date and its challenge — write it '{day} {month} {year} - "
            f"{_shorten(rest)}'")


def month_guess(word: str) -> str | None:
    """The month a misspelt or shortened one means, in capitals: ``Febuary`` or ``Feb`` → ``FEBRUARY``."""
    word = word.upper()
    if len(word) >= 3 and (starts := [m for m in MONTHS if m.startswith(word)]):
        return starts[0]
    close = difflib.get_close_matches(word, MONTHS, n=1, cutoff=0.6)
    return close[0] if close else None


def _bad_note(number: str, line: str) -> str:
    if line[len(number):][:1].isdigit():
        return (f"the note number mixes superscript and ordinary digits ('{line.split()[0]}') — write it in "
                f"superscript digits only, then a space and the note's text")
    if line.strip() == number:
        return f"note {note_number(number)} has no text — write its text after the number, or delete the line"
    return (f"the note number {number} is not followed by a space — write '{number} {_shorten(line[len(number):])}' "
            f"(a note is its number, a space, then its text)")


def _shorten(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


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
