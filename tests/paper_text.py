"""A paper written back in the paper's own Markdown format (the PDF's: headings as printed, ``- a)`` lists, note
markers as superscript numbers, each note in a block after the paragraph, list or questions that cite it), for
the tests that read a paper's text with plain code (tests/paperdays.py and the like): a Word paper of papers/
is read by them in this form (tests/conftest.py). tests/test_word.py checks that the text written here reads as
the same paper and makes the same pages as the Word file it came from.
"""

from __future__ import annotations

import re

from paperkit.model import LetteredList, Paper, Paragraph

_MARKER_RE = re.compile(r"\[\^(\d+)\]")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def paper_text(paper: Paper) -> str:
    """``paper`` in the paper's own Markdown format."""
    out: list[str] = list(paper.title.lines)
    out += [paper.introduction.heading, *_blocks(paper, paper.introduction.blocks)]
    for day in paper.days:
        out.append(day.heading)
        for section in day.sections:
            out += [section.heading, *_blocks(paper, section.blocks)]
            for sub in section.subsections:
                out += [sub.title, *_blocks(paper, sub.blocks)]
            if section.questions:
                out += _cited(paper, section.questions, "\n".join(_item(q) for q in section.questions))
    return "\n\n".join(out) + "\n"


def _blocks(paper: Paper, blocks) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out += _cited(paper, [block], _superscripts(block.text))
        elif isinstance(block, LetteredList):
            out += _cited(paper, block.items, "\n".join(_item(item) for item in block.items))
    return out


def _item(item) -> str:
    return f"- {item.letter}) {_superscripts(item.text)}"


def _cited(paper: Paper, parts: list | tuple, text: str) -> list[str]:
    """``text`` and, after it, the block of the notes its parts cite."""
    numbers = dict.fromkeys(n for part in parts for n in _numbers(part))
    return [text, *(f"{_superscript(n)} {paper.note(n).text}" for n in numbers)]


def _numbers(part) -> list[int]:
    return [int(n) for n in _MARKER_RE.findall(part.text)]


def _superscripts(text: str) -> str:
    return _MARKER_RE.sub(lambda m: _superscript(int(m[1])), text)


def _superscript(number: int) -> str:
    return str(number).translate(_SUPERSCRIPT)
