"""Reading the hand-kept data files (bibliography, topic list, synonyms, glossary): each is UTF-8 text that
must exist once it is configured; anything else is one :class:`PaperError` naming the file, the line, the fix.

    >>> read_data(Path("footnotes/none.bib"), "the bibliography", "point `bibliography:` in mkdocs.yml at it")
    Traceback (most recent call last):
    ...
    paperkit.errors.PaperError: footnotes/none.bib: the bibliography was not found — point `bibliography:` in mkdocs.yml at it
"""

from __future__ import annotations

from pathlib import Path

from .errors import PaperError


def read_data(path: Path, what: str, fix_missing: str) -> str:
    """The text of a data file (UTF-8; a byte-order mark is dropped), or :class:`PaperError`: missing, unreadable,
    or not UTF-8 (with the line of the first bad byte)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise PaperError(str(path), None, f"{what} was not found — {fix_missing}") from None
    except OSError as exc:
        raise PaperError(str(path), None, f"cannot read {what} ({exc.strerror}) — check the path and its permissions") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PaperError(str(path), line, f"is not UTF-8 text (byte 0x{data[exc.start]:02x}) — save {what} as UTF-8") from None
