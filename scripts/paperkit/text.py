"""Text helpers shared by the stages."""

from __future__ import annotations


def fold_case(text: str) -> str:
    """``text`` in lower case, character for character: an index into the result is an index into ``text``.

    >>> fold_case("Money-Laundering")
    'money-laundering'
    """
    lower = text.lower()
    return lower if len(lower) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
