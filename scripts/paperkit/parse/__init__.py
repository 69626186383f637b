"""Stage 1 — read the paper: Markdown that came out of a PDF, or that pandoc wrote from the Word file
(:mod:`.pandoc`), or the Word file itself (:mod:`.word`) → :class:`paperkit.model.Paper`.

The format, as every edition of the background paper prints it (the example is invented)::

    WSC                                   ┐
    WORLD SEA COUNCIL                     │ title block: everything before the first all-capitals
    WSC HARBOUR DIALOGUES SPRING 2030     │ line that a prose paragraph follows
    3-4 MARCH 2030                        ┘
    INTRODUCTION                            introduction: paragraphs and a lettered list "- a) … (3 March 2030);"
    3 MARCH 2030 - RISING TIDES ARE …       a day: "<date> - <challenge in capitals>"
    POLICY COMMITMENTS                      sections, in capitals; "Background information" may have
    BACKGROUND INFORMATION                  sub-headings in sentence case
    DISCUSSION QUESTIONS:                   "- a) …?" questions
    ¹⁷ See Tide Atlas …                     note blocks, where the PDF's pages ended

A superscript marker ``…tides.¹⁷`` becomes the token ``[^17]``; a paragraph cut in two by a note block
(it does not end a sentence) is joined again. Anything that does not fit raises :class:`PaperError`
naming the line and what to fix.

pandoc's Markdown (notes ``[^17]`` and ``[^17]: See …``, told by its notes: a paper uses one notation or the other)
is first turned into the same lines, each with its line in the file (:mod:`.pandoc`); the rest is the same. A Word
file (``.docx``) is first turned into pandoc's Markdown by pandoc itself (:mod:`.word`), and its problems are named
as Word shows them (:mod:`.word_places`).

The stages of reading, one module each:

- :mod:`.blocks` — the text split into blocks (runs of non-blank lines), each classified once (:class:`Kind`);
- :mod:`.paper` — where the title block, the introduction and the days are; each day's sections;
- :mod:`.body` — the paragraphs, lists, questions and sub-headings of one part, cut paragraphs joined;
- :mod:`.ledger` — the note-numbering checks; :mod:`.intro` — the introduction's list of challenges;
  :mod:`.title` — the title block; :mod:`.recase` — headings in capitals recased the way the prose writes them.
"""

from __future__ import annotations

import functools
from pathlib import Path

from ..errors import PaperError
from ..model import Paper
from .blocks import MONTHS, SUPERSCRIPTS, split_lines
from .characters import check, tidy
from .pandoc import as_written, paper_lines
from .paper import read_blocks
from .recase import sentence_case
from .word import WORD_SUFFIX, read_word

__all__ = ["MONTHS", "SUPERSCRIPTS", "PaperError", "parse_paper", "read_paper", "sentence_case"]

# Far beyond any background paper (tens of pages, paragraphs of a few thousand characters): a bigger input is the
# wrong file, and would only make the build slow before failing anyway.
MAX_PAPER_CHARS = 1_000_000
MAX_LINE_CHARS = 100_000


def parse_paper(text: str, *, source: str = "paper.md") -> Paper:
    """Parse the paper's text (already decoded) into the model. The model is frozen: the same text read again
    (`mkdocs serve`'s rebuild, after a save of one edition's paper) is the same model, kept for the life of the
    process, not parsed again (10 editions: about 1 s of each rebuild)."""
    return _parse_paper(text, source)


@functools.lru_cache(maxsize=64)  # an error is raised again each time: lru_cache keeps only what returns
def _parse_paper(text: str, source: str) -> Paper:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    _check_text(text, source)
    pandoc = check(text, source)
    lines = paper_lines(text, source) if pandoc else [(n, tidy(s), ()) for n, s in enumerate(text.split("\n"), 1)]
    try:
        return read_blocks(split_lines(lines, whole_paragraphs=pandoc), source, pandoc=pandoc)
    except PaperError as exc:
        if not pandoc:
            raise
        raise PaperError(exc.path, exc.line, as_written(exc.message)) from None


def read_paper(path: str | Path) -> Paper:
    """Read a paper file: UTF-8 (a BOM and CRLF line ends are fine), then :func:`parse_paper`; a Word file
    (``.docx``) through pandoc (:func:`.word.read_word`)."""
    path = Path(path)
    try:
        if path.suffix.lower() == WORD_SUFFIX:
            return read_word(path, parse_paper)
        data = path.read_bytes()
    except FileNotFoundError:
        raise PaperError(str(path), None, "the paper was not found — put the paper's Markdown in this file, or give "
                                          "its path: `paper2site <paper> <folder>`, or `paper:` of the `paper` "
                                          "plugin in mkdocs.yml") from None
    except OSError as exc:
        raise PaperError(str(path), None, f"cannot read the paper ({exc.strerror}) — give the path of the paper's "
                                          f"Markdown file, and check its permissions") from None
    if kind := _not_text(data):
        fix = {"a ZIP archive": f"if it is the paper's Word file, name it {path.stem}{WORD_SUFFIX}: a .docx is read as "
                                f"Word", "an old Word": f"open it in Word and save it as {path.stem}{WORD_SUFFIX}"}
        fix = next((f for k, f in fix.items() if kind.startswith(k)), "export the paper as Markdown, saved as UTF-8")
        raise PaperError(str(path), 1, f"is {kind}, not the paper's Markdown — {fix}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PaperError(str(path), line, f"is not UTF-8 text (byte 0x{data[exc.start]:02x}) — save the paper as "
                                          f"UTF-8") from None
    return parse_paper(text, source=str(path))


def _not_text(data: bytes) -> str | None:
    """What a file that is plainly no UTF-8 Markdown is, from its first bytes."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 64 and max(data[0:64:2].count(0), data[1:64:2].count(0)) > 16):
        return "UTF-16 text"
    known = {b"%PDF-": "a PDF file", b"PK\x03\x04": "a ZIP archive (a Word or OpenDocument file?)",
             b"{\\rtf": "an RTF document", b"\xd0\xcf\x11\xe0": "an old Word document (.doc)"}
    return next((kind for magic, kind in known.items() if data.startswith(magic)), None)


def _check_text(text: str, source: str) -> None:
    """What makes the text no paper at all: nothing in it, a NUL byte, a line or a file far too long."""
    if not text.strip():
        raise PaperError(source, 1, "the paper is empty — put the background paper's Markdown in this file")
    for number, line in enumerate(text.split("\n"), 1):
        if "\x00" in line:
            raise PaperError(source, number, "contains a NUL byte: this is not a text file — export the paper as "
                                             "Markdown")
        if len(line) > MAX_LINE_CHARS:
            raise PaperError(source, number, f"this line is {len(line):,} characters long; a paragraph is at most "
                                             f"{MAX_LINE_CHARS:,} — is this the right file, or did the export lose "
                                             f"its line breaks?")
    if len(text) > MAX_PAPER_CHARS:
        raise PaperError(source, 1, f"the file is {len(text):,} characters long; a background paper is at most "
                                    f"{MAX_PAPER_CHARS:,} — is this the right file?")
