"""Other forms of an English word, for search: "confiscation" → "confiscate", "confiscating", "confiscations" …

Forms are made by swapping common English endings and kept only when the Snowball English stemmer gives them
the word's own stem, so "station" never yields "stating". Forms found are kept for the life of the process:
`mkdocs serve` finds each word's forms once, not on every rebuild (the ``paper-word-forms`` plugin, :mod:`paperkit.search.word_forms`, uses this).
"""

from __future__ import annotations

import re

import snowballstemmer

MIN_LENGTH = 5
"""Shorter words (and abbreviations) are left alone."""
# a word of the index: letters only, "confiscation"
WORD_RE = re.compile(r"[^\W\d_]{%d,}" % MIN_LENGTH)
# inflections only ("-ment", "-ity" would add words nobody types), in families: a word takes the endings of
# the families it already has an ending of, plus the plain ones ("confiscation" → "confiscating")
PLAIN = ("", "e", "s", "es", "ed", "d", "ing")
FAMILIES = (("ion", "ions", "ation", "ations", "ate", "ated", "ates", "ating"), ("y", "ies", "ied"))
ENDINGS = PLAIN + tuple(e for family in FAMILIES for e in family)
STEMMER = snowballstemmer.stemmer("english")


_known: dict[str, frozenset[str]] = {}
"""Forms found so far, per word (case-folded)."""


def forms(word: str) -> frozenset[str]:
    """Other forms of ``word`` with its stem.

    >>> sorted(f for f in forms("confiscation") if f.startswith("confiscat"))
    ['confiscate', 'confiscated', 'confiscates', 'confiscating', 'confiscations']
    >>> "stating" in forms("station")
    False
    """
    word = word.casefold()
    return forms_of({word})[word]


def forms_of(words: set[str]) -> dict[str, frozenset[str]]:
    """:func:`forms` of many case-folded words at once: one call of the stemmer for all their candidates."""
    new = sorted(words - _known.keys())
    candidates = {w: sorted(_candidates(w)) for w in new}
    flat = [c for w in new for c in candidates[w]]
    stems = dict(zip(new + flat, STEMMER.stemWords(new + flat)))
    for w in new:
        _known[w] = frozenset(c for c in candidates[w] if stems[c] == stems[w])
    return {w: _known[w] for w in words}


def _candidates(word: str) -> set[str]:
    """The word with other endings ("confiscation" → "confiscating", "confiscate", …), itself left out."""
    bases = {word[: len(word) - len(e)] for e in ENDINGS if e and word.endswith(e)}
    endings = PLAIN + tuple(e for family in FAMILIES if word.endswith(family) for e in family)
    return ({word + "s"} | {base + e for base in bases if len(base) >= 3 for e in endings}) - {word}
