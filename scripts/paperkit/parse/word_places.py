"""A problem of a Word paper said in Word's terms: where it is (the heading, the paragraph, the list item or the
footnote, by its words or its number), and its notes and fixes as Word shows them — not the lines and the
notation of the Markdown that pandoc made of the file (:mod:`.word`), which the editor never sees.

    >>> markdown = "# INTRODUCTION\\n\\nTides rose fast.[^1] Walls did not.\\n\\n[^1]: See *Tide Atlas*."
    >>> in_word_terms("note [^1] has no text — write its text after '[^1]: ', or delete the line", 5, markdown)
    'in footnote 1: note 1 has no text — write its text in footnote 1, or delete the footnote'
    >>> print(in_word_terms("note marker [^1] in 'TIDES[^1]' (first at line 1)", 3, markdown))
    in the paragraph 'Tides rose fast. Walls did not.': note marker 1 in 'TIDES' (first at the heading 'INTRODUCTION')
"""

from __future__ import annotations

import re

# "[^17]: See …" — a footnote; "[^17]" — its marker
DEFINITION_RE = re.compile(r"^\[\^(\d+)\]:")
MARKER_RE = re.compile(r"\[\^(\d+)\]")
ITEM_RE = re.compile(r"^(?:[-*+]\s|(?:[-*+]\s+)?\(?[a-zA-Z0-9]{1,3}[.)]\s)")
# "(line 54)", "at line 52", "line 31": a place the message names besides its own
LINE_RE = re.compile(r"\bline (\d+)")
SHOWN = 60
"""Characters of a paragraph's text that name it."""
# What a message tells the editor to write in pandoc's Markdown, and what that is in Word
IN_WORD = (
    (re.compile(r"write its text after '\[\^(\d+)\]: ', or delete the line"),
     r"write its text in footnote \1, or delete the footnote"),
    (re.compile(r"letter each (question|item) 'a\)', 'b\)', 'c\)'… \(in Word: .*?\): a small letter "
                r"and a bracket"),
     r"make the \1s a Word list lettered a), b), c)… (Home › Numbering), or type 'a) ', 'b) '… before each"),
)
# "[^6]" where the message says which note ("note marker [^6]") or in what it quotes ("'POLICY COMMITMENTS[^6]'")
NAMED_MARKER_RE = re.compile(r"(?<=\bmarker )\[\^(\d+)\]|(?<=\bnote )\[\^(\d+)\]")


def in_word_terms(message: str, line: int | None, markdown: str) -> str:
    """``message`` (found at ``line`` of ``markdown``) with the place it names first, in Word's terms."""
    lines = markdown.split("\n")
    for pattern, word in IN_WORD:
        message = pattern.sub(word, message)
    message = LINE_RE.sub(lambda m: place(lines, int(m.group(1))), message)
    message = MARKER_RE.sub("", NAMED_MARKER_RE.sub(lambda m: m.group(1) or m.group(2), message))
    return f"in {place(lines, line)}: {message}" if line else message


def place(lines: list[str], line: int) -> str:
    """The paragraph of the Word file at ``line`` of its Markdown, as the editor finds it there."""
    at = next((n for n in range(line, len(lines) + 1) if lines[n - 1].strip()), None) if line >= 1 else None
    if at is None:
        return "the end of the document"
    text = lines[at - 1]
    start = at
    while text.startswith(("    ", "\t")) and start > 1:  # a footnote's or an item's next paragraph
        start -= 1
        if lines[start - 1].strip() and not lines[start - 1].startswith(("    ", "\t")):
            text = lines[start - 1]
    if m := DEFINITION_RE.match(text):
        return f"footnote {m.group(1)}"
    if text.startswith(("- ", "* ", "+ ")):
        text = "• " + text[2:].lstrip()
    if text.startswith("#"):
        return f"the heading '{shown(text.lstrip('#'))}'"
    if ITEM_RE.match(text) or text.startswith("• "):
        return f"the list item '{shown(text)}'"
    return f"the paragraph '{shown(text)}'"


def shown(text: str) -> str:
    """A paragraph's text as Word shows it, its first words only: no markers, emphasis, links or escapes.

    >>> shown("**3 MARCH 2030 - RISING TIDES**")
    '3 MARCH 2030 - RISING TIDES'
    >>> shown("a)  See [H/2028/9](#), *Tide Atlas 2029*, and the survey of every harbour wall built since 1990.[^4]")
    'a) See H/2028/9, Tide Atlas 2029, and the survey of every…'
    """
    text = MARKER_RE.sub("", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\\(.)", r"\1", re.sub(r"(?<!\\)[*_]", "", text))
    text = " ".join(text.split())
    if len(text) <= SHOWN:
        return text
    return text[:SHOWN].rsplit(" ", 1)[0] + "…"
