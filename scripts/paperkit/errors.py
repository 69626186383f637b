"""The one error type of the converter: it carries the place to fix.

    >>> str(PaperError("paper.md", 212, "note 37 is referenced but never defined — add its text below the paragraph"))
    'paper.md:212: note 37 is referenced but never defined — add its text below the paragraph'
"""

from __future__ import annotations


class PaperError(Exception):
    """A problem in the input (paper or bibliography) that an editor must fix."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
