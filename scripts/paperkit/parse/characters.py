"""The paper's characters, before its structure: what is harmless is normalised, what is not is named.

Harmless, and normalised:

- spaces, tabs and no-break spaces at the start of a line, or between a word and its note marker
  (``tides.\\u00a0¹`` is ``tides.¹``);
- no-break spaces in a line without small letters (a heading: ``POLICY\\u00a0COMMITMENTS``);
- Markdown's heading marks: ``## POLICY COMMITMENTS`` is ``POLICY COMMITMENTS``.

Named with their line and column, each with what to do:

- invisible or control characters (``U+200B ZERO WIDTH SPACE at column 17``), a private-use character from the
  PDF's fonts, the replacement character U+FFFD left by an earlier bad conversion;
- mojibake: UTF-8 text that was read once as Windows-1252 (``â€™`` for ``’``);
- notes in HTML or caret notation (``<sup>42</sup>``, ``^42^``); a paper whose notes are partly superscript numbers
  and partly pandoc's Markdown footnotes (``[^42]``, ``[^42]: …``) — either is a paper's notation (:func:`check`
  says which), a mix is not.

    >>> tidy("## POLICY\\u00a0COMMITMENTS"), tidy("  Tides rose.\\u00a0¹")
    ('POLICY COMMITMENTS', 'Tides rose.¹')
    >>> check("Tides rose.¹\\n\\n¹ Atlas.", "p.md"), check("Tides rose.[^1]\\n\\n[^1]: Atlas.", "p.md")
    (False, True)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..errors import PaperError
from .blocks import SUPERSCRIPTS

_SPACES = " \t\u00a0\u2007\u202f"
# "tides. ¹" / "tides.\u00a0¹" — space between a word and its marker; the marker is the superscript digits
_SPACE_BEFORE_MARKER_RE = re.compile(rf"(?<=[^{_SPACES}])[{_SPACES}]+(?=[{SUPERSCRIPTS}])")
_NO_BREAK_RE = re.compile("[\u00a0\u2007\u202f]")
_ATX_HEADING_RE = re.compile(r"^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_LINE_START_RE = re.compile(rf"^[{_SPACES}]+", re.MULTILINE)
# one character in any of the categories named below; tab is fine
_SUSPECT_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
                         r"\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\uffff"
                         r"\ue000-\uf8ff]")
# Windows-1252's reading of the lead byte of a 2-4 byte UTF-8 sequence, then of its continuation bytes
_CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE_RE = re.compile(rf"[\u00c2-\u00f4][{_CONTINUATION}]{{1,3}}")
_OTHER_NOTES_RE = re.compile(r"<sup>\s*\d+\s*</sup>|\^\d+\^", re.IGNORECASE)
# "[^42]", "[^42]:" — pandoc's footnotes; "⁴²" — the paper's superscript numbers
_PANDOC_NOTE_RE = re.compile(r"\[\^[^\]\s]{1,20}\]:?")
_SUPERSCRIPT_NOTE_RE = re.compile(f"[{SUPERSCRIPTS}]+")


@dataclass(frozen=True, slots=True)
class _Mojibake:
    at: int
    run: str
    meant: str

    def start(self) -> int:
        return self.at


def tidy(line: str) -> str:
    """One line with what is harmless normalised."""
    line = _LINE_START_RE.sub("", line)
    line = _SPACE_BEFORE_MARKER_RE.sub("", line)
    line = _ATX_HEADING_RE.sub(r"\1", line)
    if not any(c.islower() for c in line):
        line = _NO_BREAK_RE.sub(" ", line)
    return line


def check(text: str, source: str) -> bool:
    """The first problem in the text, by its place (each pattern is searched once over the whole text); whether
    the paper's notes are pandoc's Markdown footnotes (``[^42]``) rather than superscript numbers."""
    suspect, other_notes, mojibake = _SUSPECT_RE.search(text), _OTHER_NOTES_RE.search(text), _mojibake(text)
    pandoc, mixed = _notation(text)
    found = [(m.start(), kind) for m, kind in ((suspect, "suspect"), (other_notes, "notes"), (mojibake, "mojibake"),
                                               (mixed, "mixed")) if m is not None]
    if not found:
        return pandoc
    at, kind = min(found)
    number = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    if kind == "suspect":
        char = suspect.group(0)  # type: ignore[union-attr]
        raise PaperError(source, number, f"{_describe(char)} at column {column}{_count(char, text)} — "
                                         f"{_advice(char)}")
    if kind == "notes":
        what = other_notes.group(0)  # type: ignore[union-attr]
        form = "an HTML superscript" if what.startswith("<") else "a superscript in caret notation"
        if pandoc:  # Word's superscript formatting, as pandoc writes it
            raise PaperError(source, number, f"'{what}' at column {column} is {form}, not a footnote — if it is a "
                                             f"note, make it a footnote in Word (pandoc writes it '[^1]' and "
                                             f"'[^1]: …'); if it is no note, write it without superscript")
        raise PaperError(source, number, f"'{what}' at column {column} is {form}, which the paper's format does not "
                                         f"use for notes — write the marker as superscript digits right after the "
                                         f"text (…tides.¹⁷) and the note as a paragraph of its own that starts with "
                                         f"them ('¹⁷ See …')")
    if kind == "mixed":
        raise _mixed(mixed, text, number, column, source)  # type: ignore[arg-type]
    run, meant = mojibake.run, mojibake.meant  # type: ignore[union-attr]
    raise PaperError(source, number, f"'{run}' at column {column} is mojibake: UTF-8 text that was read as "
                                     f"Windows-1252 somewhere on its way; it stands for '{meant}'"
                                     f"{_count(run, text)} — export the paper again as UTF-8, or replace every "
                                     f"'{run}' with '{meant}'")


def _notation(text: str) -> tuple[bool, re.Match[str] | None]:
    """Whether the notes are pandoc's; if both notations are there, the first note in the rarer one."""
    pandoc, superscript = _PANDOC_NOTE_RE.findall(text), _SUPERSCRIPT_NOTE_RE.findall(text)
    if not (pandoc and superscript):
        return bool(pandoc), None
    rarer = _PANDOC_NOTE_RE if len(pandoc) < len(superscript) else _SUPERSCRIPT_NOTE_RE
    return len(pandoc) >= len(superscript), rarer.search(text)


def _mixed(odd: re.Match[str], text: str, number: int, column: int, source: str) -> PaperError:
    what = odd.group(0)
    if what.startswith("["):
        first = _SUPERSCRIPT_NOTE_RE.search(text)
        form, others = "a Markdown footnote", "superscript numbers"
    else:
        first = _PANDOC_NOTE_RE.search(text)
        form, others = "a superscript note number", "Markdown footnotes"
    assert first is not None
    at = text.count("\n", 0, first.start()) + 1
    return PaperError(source, number, f"'{what}' at column {column} is {form}, but the paper's other notes are "
                                      f"{others} (the first at line {at}: '{first.group(0)}') — write every note "
                                      f"in one notation: write the marker as superscript digits right after the "
                                      f"text (…tides.¹⁷) and the note as a paragraph of its own that starts with "
                                      f"them ('¹⁷ See …'), or write every one as pandoc does ('…tides.[^17]' and "
                                      f"'[^17]: See …')")


_CONTROL_NAMES = {"\x08": "BACKSPACE", "\x0b": "LINE TABULATION", "\x0c": "FORM FEED", "\x1b": "ESCAPE",
                  "\x7f": "DELETE"}


def _describe(char: str) -> str:
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "")
    if not name:
        name = "PRIVATE USE CHARACTER" if "\ue000" <= char <= "\uf8ff" else "CONTROL CHARACTER"
    return f"U+{ord(char):04X} {name}"


def _advice(char: str) -> str:
    if "\ue000" <= char <= "\uf8ff":
        return "a character of the PDF's own fonts, which means nothing outside it: replace it with the character " \
               "it shows in the PDF (often a bullet or a dash)"
    if char == "\x0c":
        return "a page break left by the PDF's export: delete it (search the file for it: it may be elsewhere too)"
    if char == "\ufffd":
        return "an earlier conversion could not read a character and put this one in its place: type the " \
               "character the PDF shows there"
    return "it is invisible, yet it splits words for search and can hide a heading or a note from the parser: " \
           "delete it (search the file for it: it may be elsewhere too)"


def _count(what: str, text: str) -> str:
    n = text.count(what)
    return f" ({n} in the paper)" if n > 1 else ""


def _mojibake(text: str) -> _Mojibake | None:
    """The first run that is UTF-8 read as Windows-1252 (``â€™``), if any."""
    for m in _MOJIBAKE_RE.finditer(text):
        for end in range(m.end(), m.start() + 1, -1):  # the lead byte and 1-3 continuation bytes
            meant = _unmangle(text[m.start():end])
            if meant is not None:
                return _Mojibake(m.start(), text[m.start():end], meant)
    return None


def _unmangle(run: str) -> str | None:
    """The one character a run read as Windows-1252 was in UTF-8 (``'â€™'`` → ``'’'``), or ``None``.

    Only the characters that mojibake is made of in a paper count (Latin letters with accents, quotes, dashes,
    no-break spaces, €, ™): a real word with an accent before a curly quote is not taken for it.
    """
    try:
        meant = bytes(_cp1252_byte(c) for c in run).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None
    if len(meant) == 1 and ("\u00a0" <= meant <= "\u017f" or "\u2010" <= meant <= "\u2044" or meant in "€™"):
        return meant
    return None


def _cp1252_byte(char: str) -> int:
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        if ord(char) < 256:  # the five bytes Windows-1252 leaves undefined come through as themselves
            return ord(char)
        raise ValueError(char) from None
