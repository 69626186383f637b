"""The bibliography's names found in a note's text, for :mod:`paperkit.resolve`.

Every name of every entry (its title, symbol, short names and match phrases, folded: case, typographic quotes
and dashes ignored) is filed once in a :class:`NameIndex`; :func:`find_names` finds them in a note's plain text
(:func:`plain_text`: its Markdown stripped), the longest first, spans never overlapping; :func:`markup_span`
maps a span of the plain text back onto the note's Markdown.

    >>> text, where = plain_text("See [A/70/1](#), *annex*.")
    >>> text
    'See A/70/1, annex.'
    >>> markup_span("See [A/70/1](#), *annex*.", where, 4, 10)
    (4, 15)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from .bibliography import Bibliography
from .text import fold_name


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Every name of every entry, folded, ranked in the order names win (longest first), filed by its first word
    and its length, so that at each word of a note only the names that could stand there are looked up: the cost
    of a note does not grow with the bibliography."""

    by_first_word: Mapping[str, tuple[tuple[int, Mapping[str, tuple[int, str]]], ...]]
    """First word (a run of letters and digits) → for each length of name, ``{folded name: (rank, key)}``."""
    other: tuple[tuple[int, str, str], ...]
    """``(rank, folded name, key)`` of the names that start with a mark rather than a word: looked for everywhere."""


def name_index(bib: Bibliography) -> NameIndex:
    """The bibliography's names, longest first (ties in file order)."""
    names = sorted(((fold_name(name), e.key) for e in bib.entries for name in e.names),
                   key=lambda item: len(item[0]), reverse=True)
    by_first: dict[str, dict[int, dict[str, tuple[int, str]]]] = {}
    other: list[tuple[int, str, str]] = []
    for rank, (name, key) in enumerate(names):
        if not name:
            continue
        if first := _WORD_RUN.match(name):
            by_first.setdefault(first.group(0), {}).setdefault(len(name), {}).setdefault(name, (rank, key))
        else:
            other.append((rank, name, key))
    return NameIndex(MappingProxyType({w: tuple((n, MappingProxyType(d)) for n, d in by_len.items())
                                       for w, by_len in by_first.items()}), tuple(other))


# a run of letters and digits (what ``str.isalnum`` accepts), the unit a name's ends must fall on
_WORD_RUN = re.compile(r"[^\W_]+")


def find_names(folded: str, names: NameIndex) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, key) spans of entry names in a folded note: the longest names win, and a
    name is taken at each of its whole-word occurrences, left to right, that overlaps nothing taken before."""
    found: list[tuple[int, int, int, str]] = []  # (rank, start, end, key)
    for word in _WORD_RUN.finditer(folded):
        s = word.start()
        if s and folded[s - 1].isalnum():  # "_" or a letter \w misses: not a word's start
            continue
        for length, named in names.by_first_word.get(word.group(0), ()):
            if (hit := named.get(folded[s:s + length])) and _ends_a_word(folded, s + length):
                found.append((hit[0], s, s + length, hit[1]))
    for rank, name, key in names.other:
        at = folded.find(name)
        while at != -1:
            if (at == 0 or not folded[at - 1].isalnum()) and _ends_a_word(folded, at + len(name)):
                found.append((rank, at, at + len(name), key))
            at = folded.find(name, at + len(name))
    taken: list[tuple[int, int, str]] = []
    last_end: dict[int, int] = {}  # a name's occurrences never overlap each other
    for rank, s, e, key in sorted(found):
        if s < last_end.get(rank, 0):
            continue
        last_end[rank] = e
        if all(e <= ts or s >= te for ts, te, _ in taken):
            taken.append((s, e, key))
    return sorted(taken)


def _ends_a_word(folded: str, end: int) -> bool:
    return end == len(folded) or not folded[end].isalnum()


def plain_text(markdown: str) -> tuple[str, list[int]]:
    """A note's Markdown as plain text, and for each plain character its index in the Markdown.

    ``*x*`` → ``x``; ``[x](url)`` → ``x``; ``\\$`` → ``$``; runs of white space → one space.
    """
    out: list[str] = []
    where: list[int] = []
    i = 0
    while i < len(markdown):
        c = markdown[i]
        if c == "\\" and i + 1 < len(markdown):
            out.append(markdown[i + 1])
            where.append(i + 1)
            i += 2
            continue
        if c == "]" and markdown.startswith("(", i + 1) and ")" in markdown[i + 1:]:
            i = markdown.index(")", i + 1) + 1
            continue
        if c in "*_[" or c == "]":
            i += 1
            continue
        if c.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                where.append(i)
            i += 1
            continue
        out.append(c)
        where.append(i)
        i += 1
    return "".join(out), where


def markup_span(markdown: str, where: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """The Markdown span of plain ``[start, end)``, widened over the markup that opens and closes it."""
    first, last = where[start], where[end - 1] + 1
    while first > 0 and markdown[first - 1] in "*_[":
        first -= 1
    while last < len(markdown):
        if markdown[last] in "*_":
            last += 1
        elif markdown[last] == "]" and markdown.startswith("(", last + 1) and ")" in markdown[last + 1:]:
            last = markdown.index(")", last + 1) + 1
        else:
            break
    return first, last

