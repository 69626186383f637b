"""Locators: the parts of a note that say where in a source ("chap. II, sect. A, para. 4"), as UN editorial
style writes them, and how an "Ibid." narrows the previous note's locator.

    >>> locator_text(p for _, p in parts("See chap. II, sect. A, para. 4."))
    'chap. II, sect. A, para. 4'
    >>> parts_before("art. 3, para. 1 (b), of the ")[1][1].text
    'para. 1 (b)'
    >>> previous = tuple(p for _, p in parts("chap. II, sect. A, para. 4"))
    >>> locator_text(narrow(previous, tuple(p for _, p in parts("para. 9"))))
    'chap. II, sect. A, para. 9'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import takewhile


class LocatorKind(enum.Enum):
    """What a locator part points at. ``rank`` orders them from the widest (booklet) to the narrowest."""

    BOOKLET = "booklet"
    CHAPTER = "chapter"
    SECTION = "section"
    ARTICLE = "article"
    ANNEX = "annex"
    RESOLUTION = "resolution"
    RECOMMENDATION = "recommendation"
    PARAGRAPH = "paragraph"
    FIGURE = "figure"
    BOX = "box"
    TABLE = "table"
    PAGE = "page"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {
    LocatorKind.BOOKLET: 0, LocatorKind.CHAPTER: 1, LocatorKind.SECTION: 2, LocatorKind.ARTICLE: 2,
    LocatorKind.ANNEX: 3, LocatorKind.RESOLUTION: 3, LocatorKind.RECOMMENDATION: 4,
    LocatorKind.PARAGRAPH: 5, LocatorKind.FIGURE: 5, LocatorKind.BOX: 5, LocatorKind.TABLE: 5,
    LocatorKind.PAGE: 5,
}

# The words that start a locator part, as UN editorial style writes them ("chap.", "paras.", "Art.").
_WORDS = {
    "booklet": LocatorKind.BOOKLET, "chap.": LocatorKind.CHAPTER, "chapter": LocatorKind.CHAPTER,
    "sect.": LocatorKind.SECTION, "section": LocatorKind.SECTION, "art.": LocatorKind.ARTICLE,
    "arts.": LocatorKind.ARTICLE, "article": LocatorKind.ARTICLE, "articles": LocatorKind.ARTICLE,
    "annex": LocatorKind.ANNEX, "resolution": LocatorKind.RESOLUTION,
    "recommendation": LocatorKind.RECOMMENDATION, "para.": LocatorKind.PARAGRAPH,
    "paras.": LocatorKind.PARAGRAPH, "paragraph": LocatorKind.PARAGRAPH,
    "paragraphs": LocatorKind.PARAGRAPH, "figure": LocatorKind.FIGURE, "box": LocatorKind.BOX,
    "table": LocatorKind.TABLE, "p.": LocatorKind.PAGE, "pp.": LocatorKind.PAGE,
}
# A value: "I", "B", "3 (k)", "(f)", "1.9", "70/1", "No. 9", joined by "and", "to" or a dash: "1–5", "6 and 8"
_ATOM = r"(?:(?:No\.\s?)?(?:\d+(?:[./]\d+)*|[IVXLC]+|[A-Z])(?!\w)(?:\s?\([a-z]{1,4}\))*|\([a-z]{1,4}\))"
_VALUE = rf"{_ATOM}(?:\s?(?:[–-]|and|to)\s?{_ATOM})*"
# A part: "chap. I", "paras. 1–5", "recommendation 3 (k)", "annex"; the word case-insensitive ("Art. 1")
_PART = re.compile(
    rf"(?<![\w.])(?P<word>(?i:{'|'.join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True))}))"
    rf"(?:(?<=\.)|(?!\w))(?:\s(?P<value>{_VALUE}))?"
)
# What joins a locator to the name after it: "art. 3, para. 1 (b), of the" + name
_OF_THE = re.compile(r",?\s+of(?:\s+the)?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class LocatorPart:
    kind: LocatorKind
    label: str
    """The word as the note writes it, lower case: ``"paras."``, ``"chapter"``."""
    value: str
    """``"1–5"``, ``"3 (k)"``, ``"No. 9"``; empty for a bare "annex"."""

    @property
    def text(self) -> str:
        return f"{self.label} {self.value}" if self.value else self.label


def locator_text(parts: Iterable[LocatorPart]) -> str:
    """``annex, recommendation 3 (k)``."""
    return ", ".join(p.text for p in parts)


def parts(text: str) -> list[tuple[re.Match[str], LocatorPart]]:
    """Every locator part in a stretch of note text, in order, with its match."""
    found = []
    for m in _PART.finditer(text):
        kind = _WORDS[m["word"].lower()]
        if m["value"] or kind is LocatorKind.ANNEX:
            found.append((m, LocatorPart(kind, m["word"].lower(), m["value"] or "")))
    return found


def parts_before(text: str) -> tuple[int, tuple[LocatorPart, ...]]:
    """The locator a stretch of text ends with, when it leads into a name ("art. 5, para. 3, of the").

    Returns where that locator starts in ``text`` (``len(text)`` when there is none) and its parts.
    """
    of = _OF_THE.search(text)
    if not of:
        return len(text), ()
    head = text[: of.start()]
    found = parts(head)
    chain: list[tuple[re.Match[str], LocatorPart]] = []
    end = len(head)
    for m, part in reversed(found):
        if not re.fullmatch(r",?\s*", head[m.end():end]):
            break
        chain.insert(0, (m, part))
        end = m.start()
    if not chain:
        return len(text), ()
    return chain[0][0].start(), tuple(p for _, p in chain)


def narrow(previous: tuple[LocatorPart, ...], new: tuple[LocatorPart, ...]) -> tuple[LocatorPart, ...]:
    """An "Ibid." locator: the previous parts wider than the first new part, then the new parts."""
    if not new:
        return previous
    return tuple(takewhile(lambda p: p.kind.rank < new[0].kind.rank, previous)) + new
