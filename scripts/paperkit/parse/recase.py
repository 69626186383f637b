"""Headings in capitals → the paper's own sentence case, read from its prose.

The paper prints its headings in capitals (``RISING TIDES IN THE WORLD SEA COUNCIL``) but writes the same words
in its running text (``the World Sea Council``): a heading is recased the way the prose writes its words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..text import fold_case

WORD_RE = re.compile(r"[A-Za-z][A-Za-z']*")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True, slots=True)
class Recaser:
    """Recases with one paper's prose and kept names, both known before the first heading is recased.

    >>> Recaser("Members of the World Sea Council met.", frozenset({"WSC"}))("WSC AND THE WORLD SEA COUNCIL:")
    'WSC and the World Sea Council'
    """

    prose: str
    """The paper's running text, after the title block."""
    keep: frozenset[str] = field(default=frozenset())
    """Words printed alone on a line of the title block: names (acronyms) that keep their capitals."""

    def __call__(self, caps: str) -> str:
        return sentence_case(caps.rstrip(":").strip(), self.prose, keep=self.keep)


def sentence_case(caps: str, prose: str, *, keep: frozenset[str] = frozenset()) -> str:
    """Recase an all-capitals line the way the paper's own prose writes its words.

    The longest run of words that the prose also contains takes the prose's casing; a word the prose
    never uses is lower case, unless it is in ``keep`` (acronyms the title block prints alone: WSC).

    >>> sentence_case("ADVISORY BODY OF THE WORLD SEA COUNCIL", "Members of the World Sea Council met.")
    'Advisory body of the World Sea Council'
    """
    words = list(WORD_RE.finditer(caps))
    cased = [m.group(0).lower() for m in words]
    starts: dict[str, list[int]] = {}
    folded = fold_case(prose)
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            found = _phrase_in(prose, folded, [m.group(0) for m in words[i:j]], starts)
            if found is not None:
                cased[i:j] = found
                break
        else:
            if words[i].group(0) in keep:
                cased[i] = words[i].group(0)
        i = j if found is not None else i + 1
    out, last = [], 0
    for m, word in zip(words, cased):
        out.append(caps[last:m.start()])
        out.append(word)
        last = m.end()
    out.append(caps[last:])
    text = "".join(out)
    return text[:1].upper() + text[1:]


def _phrase_in(prose: str, folded: str, words: list[str], starts: dict[str, list[int]]) -> list[str] | None:
    """How the prose most often writes this run of words (not at a sentence's start), or ``None``.

    A run is found where its words follow each other, in any case, with one or more characters that are not
    part of a word (spaces, dashes, punctuation) between them, and no letter right before or after it.
    ``starts`` caches, per first word, where in the prose it starts: the runs tried for one line share their
    first words, so the prose is scanned once per first word, and a run is only tried where its first word is.
    Runs found do not overlap; ``folded`` is the prose in lower case (:func:`~paperkit.text.fold_case`).
    """
    first = words[0].lower()
    if first not in starts:
        found, at = [], folded.find(first)
        while at != -1:
            if not at or not (prose[at - 1] in _LETTERS or prose[at - 1] == "'"):
                found.append(at)
            at = folded.find(first, at + 1)
        starts[first] = found
    lowered = [w.lower() for w in words]
    seen: Counter[tuple[str, ...]] = Counter()
    end = 0
    for start in starts[first]:
        if start < end or (stop := _run_end(prose, folded, start, lowered)) is None:
            continue
        end = stop
        k = start  # the last character before the run that is not a space (no copy of the prose before it)
        while k and prose[k - 1].isspace():
            k -= 1
        if k and prose[k - 1] not in ".?!:;“\"":
            seen[tuple(WORD_RE.findall(prose[start:stop]))] += 1
    return list(seen.most_common(1)[0][0]) if seen else None


def _run_end(prose: str, folded: str, start: int, words: list[str]) -> int | None:
    """Where the run of ``words`` (lower case) that begins at ``start`` ends, or ``None`` if none begins there."""
    at = start
    for i, word in enumerate(words):
        if i:
            gap = at
            while gap < len(prose) and not (prose[gap].isalnum() or prose[gap] == "_"):
                gap += 1
            if gap == at:
                return None
            at = gap
        if not folded.startswith(word, at):
            return None
        at += len(word)
    return None if at < len(prose) and prose[at] in _LETTERS else at
