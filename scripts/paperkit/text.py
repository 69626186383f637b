"""Text helpers shared by every stage, the parser included: case folding and the English month names.

    >>> month_name(dt.date(2030, 3, 3))
    'March'
    >>> MONTHS.index("DECEMBER".title()) + 1
    12
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
"""The paper is English whatever the machine's locale: dates are read and written with this table, never
with ``strftime('%B')``."""


def month_name(date: dt.date) -> str:
    """``March``: the English name of ``date``'s month."""
    return MONTHS[date.month - 1]


def fold_case(text: str) -> str:
    """``text`` in lower case, character for character: an index into the result is an index into ``text``.

    >>> fold_case("Money-Laundering")
    'money-laundering'
    """
    lower = text.lower()
    return lower if len(lower) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-", "\u00a0": " "})


def fold_name(text: str) -> str:
    """Case, typographic quotes and dashes folded, character for character (indices are kept): how names of
    sources are compared.

    >>> fold_name("The “Palermo” Protocol – 2000")
    'the "palermo" protocol - 2000'
    """
    return fold_case(text).translate(_TYPOGRAPHY)


BETWEEN_WORDS = r"[\s\-–—]+"
"""What may stand between the words of a term in running text: "money-laundering" is "money laundering"."""


def terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for all of ``terms``, longest first: whole words, any case, a hyphen or space between words,
    a plural ending (how topics and the delegates' synonyms find the paper's terms).

    >>> bool(terms_pattern(("money-laundering",)).search("Money laundering is"))
    True
    >>> bool(terms_pattern(("firearm",)).search("non-firearms-related"))
    True
    >>> bool(terms_pattern(("Tor",)).search("a tortoise"))
    False
    """
    alternatives = [BETWEEN_WORDS.join(re.escape(w) for w in re.split(BETWEEN_WORDS, t.strip()) if w) + "(?:s|es)?"
                    for t in sorted(terms, key=len, reverse=True)]
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


def first_words(terms: tuple[str, ...]) -> frozenset[str]:
    """What every match of :func:`terms_pattern` contains, case-folded: a quick test before the regex's.

    >>> sorted(first_words(("Money-laundering", "proceeds of crime")))
    ['money', 'proceeds']
    """
    return frozenset(re.split(BETWEEN_WORDS, t.strip())[0].casefold() for t in terms if t.strip())
