"""Reading the hand-kept data files (bibliography, topic list, synonyms, glossary): each is UTF-8 text that
must exist once it is configured; anything else is one :class:`PaperError` naming the file, the line, the fix.

    >>> read_data(Path("footnotes/none.bib"), "the bibliography", "point `bibliography:` in mkdocs.yml at it")
    Traceback (most recent call last):
    ...
    paperkit.errors.PaperError: footnotes/none.bib: the bibliography was not found — point `bibliography:` in mkdocs.yml at it
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import PaperError

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's when PyYAML has it: 10 × faster


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


def read_yaml(path: Path, what: str, fix_missing: str, *, invalid: str) -> tuple[object, yaml.Node | None]:
    """A YAML data file read once: its document and its root node (nodes know their lines, for messages), or
    :class:`PaperError` as :func:`read_data` says, or ``invalid`` (``"the topic list is not valid YAML"``) with
    the line of the problem."""
    loader = SafeLoader(read_data(path, what, fix_missing))
    try:
        root = loader.get_single_node()
        return (loader.construct_document(root) if root is not None else None), root
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise PaperError(str(path), mark.line + 1 if mark else None,
                         f"{invalid} ({problem}) — compare it with the entries above it") from None
    finally:
        loader.dispose()
