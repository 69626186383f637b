"""pandoc's Markdown — what ``pandoc paper.docx -t markdown`` writes from the secretariat's Word file — turned into
the paper's own lines, each with its line in the file, for the same classification of blocks as the PDF's export.

    WSC                                   title lines: one paragraph each (or lines ending with pandoc's
                                          hard break "\\")
    # INTRODUCTION                        headings "#" (any level): the marks go, the heading stays
    Tides rose faster than walls[^1]      a paragraph wrapped over several lines: one line
    could be built.
    a)  Rising tides are flooding small   a lettered list "a)", "(a)" or "- a)", its items wrapped and indented:
        harbours (3 March 2030);          one line "- a) …" each
    [^1]: See *Tide Atlas 2029*, p. 4,    a note, wherever pandoc puts it (after the paragraph or at the end),
        table 2.                          its lines indented: one line "¹ …"

Markers ``[^17]`` become the paper's superscript digits (``¹⁷``), which the rest of the parser reads as it reads
the PDF's. Where a note is does not matter in pandoc Markdown: the notes go after everything else, by number, each
with its own line in the file. A paragraph is whole: no note block cuts it (``Raw.splits``).

    >>> [line for _, line, _ in paper_lines("Tides rose.[^1]\\nFast.\\n\\n[^1]: Atlas,\\n    p. 4.", "p.md")]
    ['Tides rose.¹ Fast.', '', '', '¹ Atlas, p. 4.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import PaperError
from .blocks import SUPERSCRIPTS, Wraps, note_number, superscript
from .characters import tidy

# "[^17]: See …" — a note; "[^17]" — its marker
DEFINITION_RE = re.compile(r"^\[\^([^\]\s]{1,20})\]:[ \t]*(.*)$")
MARKER_RE = re.compile(r"\[\^([^\]\s]{1,20})\]")
# "a)  Rising tides …", "(a) Rising …", "- a) Rising …" — a lettered item as pandoc writes a Word list
ITEM_RE = re.compile(r"^(?:[-*+][ \t]+)?\(?([a-z])\)[ \t]+(\S.*)$")
HEADING_RE = re.compile(r"^#{1,6}[ \t]")
# "# INTRODUCTION {#introduction}" — the identifier pandoc may add to a heading
ATTRIBUTES_RE = re.compile(r"[ \t]+\{[#.][^}]*\}[ \t]*$")
# "\(d) promoting …", "a\) …": pandoc's escape of what would start a list
ESCAPED_START_RE = re.compile(r"^\\(?=[(\-*+])|^(\(?[A-Za-z0-9]{1,3})\\(?=[.)])")
# "**19 OCTOBER 2030 - RISING TIDES**": a heading that Word had in bold capitals, not in a heading style
BOLD_LINE_RE = re.compile(r"^\*\*([^*a-z]+)\*\*$")
INDENT = ("    ", "\t")
SUPERSCRIPT_RUN_RE = re.compile(f"[{SUPERSCRIPTS}]+")


@dataclass
class _Logical:
    """One line of the paper being gathered from the file's lines."""

    number: int
    parts: list[str] = field(default_factory=list)
    """The file's lines it is gathered from, stripped."""
    numbers: list[int] = field(default_factory=list)
    """Their lines in the file."""
    kind: str = "text"
    """``text``, ``heading``, ``item`` or ``note``: a heading is one line; an item or a note goes on in lines
    indented below it, blank lines between or not."""
    broken: bool = False
    """The last line ended with a hard line break: the next line is a line of its own."""


def paper_lines(text: str, source: str) -> list[tuple[int, str, Wraps]]:
    """The paper's lines (``""`` between blocks), tidied, each with the line of the file it starts on and where
    it was wrapped (``Raw.wraps``)."""
    out: list[tuple[int, str, Wraps]] = []
    notes: list[tuple[int, tuple[int, str, Wraps]]] = []  # (its number, its line)
    current: _Logical | None = None
    blanks: list[int] = []

    def close() -> None:
        nonlocal current
        if current is not None:
            line = (current.number, *_line(current, source))
            if current.kind == "note":
                notes.append((note_number(line[1].split(" ", 1)[0]), line))  # "¹⁷ See …": _line made it so
            else:
                out.append(line)
            current = None

    lines = text.split("\n")
    metadata = _metadata_end(lines)
    for number, line in enumerate(lines, 1):
        if not line.strip() or number <= metadata:
            blanks.append(number)
            continue
        indented, bare = line.startswith(INDENT), line.strip() + ("\\" if line.endswith("  ") else "")
        definition, item = DEFINITION_RE.match(bare), ITEM_RE.match(bare)
        if definition and not indented:
            nxt = _Logical(number, [bare], kind="note")
        elif HEADING_RE.match(bare) and not indented:
            nxt = _Logical(number, [ATTRIBUTES_RE.sub("", bare)], kind="heading")
        elif item and not (indented and current is not None and current.kind in ("item", "note")):
            nxt = _Logical(number, [f"- {item.group(1)}) {item.group(2)}"], kind="item")
        elif current is not None and current.kind != "heading" and not current.broken and (
                not blanks or (indented and current.kind in ("item", "note"))):
            current.parts.append(bare)  # a wrapped line, or an item's or note's next paragraph
            current.numbers.append(number)
            current.broken = _hard_break(current)
            blanks = []
            continue
        else:
            nxt = _Logical(number, [bare], kind="text")
        if current is not None and "heading" in (current.kind, nxt.kind) and not blanks:
            blanks = [number]  # a heading is a block of its own, blank line or not
        gap = bool(blanks) and not (nxt.kind == "item" and current is not None and current.kind == "item")
        close()
        out += [(n, "", ()) for n in blanks] if gap else []
        blanks, current = [], nxt
        current.numbers.append(number)
        current.broken = _hard_break(current)
    close()
    out += [(n, "", ()) for n in blanks]
    for _, line in sorted(notes, key=lambda note: note[0]):  # wherever they were: after the last day, in order
        out += [(line[0], "", ()), line]
    return out


def _metadata_end(lines: list[str]) -> int:
    """The last line of the YAML metadata block that ``pandoc -s`` writes first (title, author…), or 0: the paper's
    own title block follows it, in the text."""
    if lines and lines[0].strip() == "---":
        return next((n for n, s in enumerate(lines[1:], 2) if s.strip() in ("---", "...")), 0)
    return 0


def _hard_break(logical: _Logical) -> bool:
    """pandoc's hard line break (a backslash or two spaces at the end): taken off, and the line ends there."""
    last = logical.parts[-1]
    if last.endswith("\\") and not last.endswith("\\\\"):
        logical.parts[-1] = last[:-1].rstrip()
        return True
    return False


def _line(logical: _Logical, source: str) -> tuple[str, Wraps]:
    """The gathered line in the paper's own notation, tidied (:func:`.characters.tidy`), and where each of the
    file's lines starts in it."""
    first = logical.parts[0]
    if logical.kind == "note":
        m = DEFINITION_RE.match(first)
        assert m is not None
        label, body = m.groups()
        if not body.strip() and len(logical.parts) == 1:
            raise PaperError(source, logical.number, f"note [^{label}] has no text — write its text after "
                                                     f"'[^{label}]: ', or delete the line")
        first = f"{superscript(_number(label, logical.number, source))} {body}"
    elif logical.kind == "text":
        first = ESCAPED_START_RE.sub(r"\1", first)
        if len(logical.parts) == 1:
            first = BOLD_LINE_RE.sub(r"\1", first)
    text, wraps = "", []
    for k, part in enumerate([first, *logical.parts[1:]]):
        at = logical.numbers[k]
        part = tidy(MARKER_RE.sub(lambda m: superscript(_number(m.group(1), at, source)), part))
        if k:
            text += "" if part and part[0] in SUPERSCRIPTS else " "  # "…tides\n[^1]" is "…tides¹"
            wraps.append((len(text), logical.numbers[k]))
        text += part
    return text, tuple(wraps)


def as_written(message: str) -> str:
    """A message about the paper's lines with its note numbers as the pandoc file writes them: ``¹⁷`` → ``[^17]``.

    >>> as_written("note marker ¹⁷ in the day heading")
    'note marker [^17] in the day heading'
    """
    return SUPERSCRIPT_RUN_RE.sub(lambda m: f"[^{note_number(m.group(0))}]", message)


def _number(label: str, line: int, source: str) -> int:
    if not label.isascii() or not label.isdigit():
        raise PaperError(source, line, f"the note '[^{label}]' is not numbered — the paper's notes are numbered "
                                       f"through the whole paper: write it '[^1]', '[^2]', … in the order of the "
                                       f"markers, as pandoc writes a Word file's footnotes")
    return int(label)
