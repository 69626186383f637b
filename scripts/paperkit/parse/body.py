"""The body of one part (the introduction, or a section of a day): paragraphs, lists, questions, sub-headings.

Two walks over the part's classified blocks:

1. :func:`_flow` turns each block into what it is in reading order — a paragraph, a lettered list, questions, a
   sub-heading — registers note markers and definitions with the ledger, and joins a paragraph that a note block
   cut in two (the first half does not end a sentence);
2. :func:`_group` puts the paragraphs under the sub-heading before them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import PaperError
from ..model import Block, LetteredList, ListItem, Paragraph, Question, SubSection
from .blocks import (ITEM_RE, MARKER_RE, NOTE_RE, SUBHEADING_MAX, Kind, Raw, ends_clause, list_items, note_number,
                     section_kind, terminated)
from .ledger import NoteLedger


@dataclass(frozen=True, slots=True)
class Part:
    blocks: tuple[Block, ...]
    """Paragraphs and lists before the first sub-heading (all of them when there is none)."""
    subsections: tuple[SubSection, ...] = ()
    questions: tuple[Question, ...] = ()


@dataclass(frozen=True, slots=True)
class _SubHeading:
    title: str
    line: int


_Flowing = Paragraph | LetteredList | Question | _SubHeading

# "1. Which …", "a. Which …", "(a) Which …", "A) Which …", "• Which …": a list item in a form other than "- a) …"
NEAR_ITEM_RE = re.compile(r"^(?:[-*+•‣◦▪–]\s*)?(?:\(?[A-Za-z0-9]{1,3}[.)]|\([A-Za-z0-9]{1,3}\))\s*\S|^[-*+•‣◦▪–]\s+\S")


def read_part(raws: list[Raw], ledger: NoteLedger, *, subheadings: bool = False, questions: bool = False) -> Part:
    """The part made of ``raws``; ``subheadings``: short lines before prose are sub-headings; ``questions``:
    lettered lists are the discussion questions."""
    return _group(_flow(raws, ledger, subheadings=subheadings, questions=questions))


def _flow(raws: list[Raw], ledger: NoteLedger, *, subheadings: bool, questions: bool) -> list[_Flowing]:
    out: list[_Flowing] = []
    letters = _Letters(ledger.source, questions=questions)
    for i, raw in enumerate(raws):
        if raw.kind is Kind.NOTES:
            _define(raw, ledger)
        elif raw.kind is Kind.LIST:
            items = [_item(raw, k, lines, ledger) for k, lines in list_items(raw.lines) or ()]
            letters.check(items)
            if questions:
                out += [Question(letter=it.letter, text=it.text, line=it.line, notes=it.notes) for it in items]
            else:
                out.append(LetteredList(items=tuple(items), line=raw.line))
        elif raw.kind in (Kind.MIXED, Kind.HEADING) or (questions and NEAR_ITEM_RE.match(raw.lines[0])):
            raise _misplaced(raw, ledger.source, questions=questions, pandoc=ledger.pandoc)
        else:
            text, notes = _markers(raw, ledger)
            nxt = raws[i + 1] if i + 1 < len(raws) else None
            if _continues(out, raws, i):
                prev = out[-1]
                out[-1] = Paragraph(text=f"{prev.text} {text}", line=prev.line, notes=prev.notes + notes)
            elif subheadings and _is_subheading(raw, text, nxt):
                if notes:
                    raise PaperError(ledger.source, raw.line, f"note marker in the sub-heading '{raw.text}' — a "
                                                              f"heading carries no note: move the marker to the end "
                                                              f"of the first sentence below it")
                out.append(_SubHeading(" ".join(text.split()), raw.line))  # no-break spaces become spaces
            else:
                out.append(Paragraph(text=text, line=raw.line, notes=notes))
    return out


def _misplaced(raw: Raw, source: str, *, questions: bool, pandoc: bool = False) -> PaperError:
    """The error for a list line that is no item, a heading where none belongs, or questions not lettered."""
    if raw.kind is Kind.HEADING:
        if section_kind(raw.text) is not None:
            return PaperError(source, raw.line, f"'{raw.text}' comes before any day heading — is the day heading "
                                                f"above it missing? A day starts with '<day> <MONTH> <year> - "
                                                f"<THE CHALLENGE>'")
        return PaperError(source, raw.line, f"unexpected heading '{raw.text}' — a day heading must read "
                                            f"'<day> <MONTH> <year> - <challenge>'")
    k, line = next((k, s) for k, s in enumerate(raw.lines) if not ITEM_RE.match(s) and (k == 0 or ends_clause(
        raw.lines[k - 1])))
    if NEAR_ITEM_RE.match(line):
        what = "question" if questions else "item"
        if pandoc:
            return PaperError(source, raw.at(k), f"this {what} is not lettered 'a)' — letter each {what} 'a)', 'b)', "
                                                 f"'c)'… (in Word: a list numbered 'a)'; in pandoc's Markdown "
                                                 f"'a)  …' at the start of its line): a small letter and a bracket")
        return PaperError(source, raw.at(k), f"this {what} is not written '- x) …' — write each {what} on a line "
                                                f"of its own as '- a) …', '- b) …': a dash, a space, a small letter "
                                                f"and a bracket")
    return PaperError(source, raw.at(k), "a line inside a lettered list is not an item '- x) …' — "
                                            "separate it from the list with a blank line")


class _Letters:
    """Lettered items come as a), b), c)…: the questions through their section, an other list from a) or going
    on from the list before it."""

    def __init__(self, source: str, *, questions: bool) -> None:
        self.source, self.questions = source, questions
        self.last = ""

    def check(self, items: list[ListItem]) -> None:
        last = self.last if self.questions or (items and items[0].letter != "a") else ""
        for item in items:
            expected = chr(ord(last) + 1) if last else "a"
            if item.letter != expected:
                what = "question" if self.questions else "item"
                after = f"follows ({last})" if last else "comes first"
                raise PaperError(self.source, item.line, f"{what} ({item.letter}) {after}: expected ({expected}) — "
                                                         f"letter the {what}s a), b), c)… in order, none left out")
            last = item.letter
        self.last = last


def _continues(out: list[_Flowing], raws: list[Raw], i: int) -> bool:
    """Whether block ``i`` goes on with the paragraph before the note block(s) right above it."""
    return (i > 0 and raws[i - 1].kind is Kind.NOTES and raws[i - 1].splits and bool(out)
            and isinstance(out[-1], Paragraph) and not terminated(out[-1].text))


def _is_subheading(raw: Raw, text: str, nxt: Raw | None) -> bool:
    """A short line in sentence case that ends no sentence, before a paragraph of prose."""
    return (len(raw.lines) == 1 and len(text) <= SUBHEADING_MAX and text[:1].isupper()
            and not terminated(text) and nxt is not None and nxt.prose)


def _group(flow: list[_Flowing]) -> Part:
    blocks: list[Block] = []
    subsections: list[SubSection] = []
    questions: list[Question] = []
    heading: _SubHeading | None = None
    under: list[Block] = blocks  # where the next paragraph goes
    for thing in flow:
        if isinstance(thing, Question):
            questions.append(thing)
        elif isinstance(thing, _SubHeading):
            if heading is not None:
                subsections.append(SubSection(title=heading.title, line=heading.line, blocks=tuple(under)))
            heading, under = thing, []
        else:
            under.append(thing)
    if heading is not None:
        subsections.append(SubSection(title=heading.title, line=heading.line, blocks=tuple(under)))
    return Part(blocks=tuple(blocks), subsections=tuple(subsections), questions=tuple(questions))


def _define(raw: Raw, ledger: NoteLedger) -> None:
    m = NOTE_RE.match(raw.lines[0])
    assert m is not None
    number = note_number(m.group(1))
    for k, s in enumerate((m.group(2), *raw.lines[1:])):
        if other := MARKER_RE.search(s):
            raise PaperError(ledger.source, raw.at(k), f"note {number} holds another note number "
                                                          f"({other.group(1)}): two notes on one line? — put each "
                                                          f"note on a line of its own, starting with its number "
                                                          f"('{other.group(1)} …')")
    text = " ".join([m.group(2).strip(), *(s.strip() for s in raw.lines[1:])])
    ledger.define(number, text, line=raw.line)


def _item(raw: Raw, first: int, lines: tuple[str, ...], ledger: NoteLedger) -> ListItem:
    """A lettered item from its lines (more than one when the item is wrapped): ``raw.lines[first:]``."""
    m = ITEM_RE.match(lines[0])
    assert m is not None
    texts, found = [], []
    for k, s in enumerate((m.group(2), *lines[1:])):
        skip = len(lines[0]) - len(m.group(2)) if k == 0 else 0  # the columns of "- a) "
        text, notes = _line_markers(s.strip(), lambda column: raw.at(first + k, skip + column), ledger)
        texts.append(text)
        found += notes
    return ListItem(letter=m.group(1), text=" ".join(texts), line=raw.at(first), notes=tuple(found))


def _markers(raw: Raw, ledger: NoteLedger) -> tuple[str, tuple[int, ...]]:
    """The block's text with superscript markers replaced by ``[^N]`` tokens, and the notes it references."""
    texts, found = [], []
    for k, s in enumerate(raw.lines):
        text, notes = _line_markers(s.strip(), lambda column: raw.at(k, column), ledger)
        texts.append(text)
        found += notes
    return " ".join(texts), tuple(found)


def _line_markers(text: str, line: Callable[[int], int], ledger: NoteLedger) -> tuple[str, tuple[int, ...]]:
    """``text`` with its markers as tokens, and their notes; ``line``: the paper's line of a column of ``text``."""
    out, found, last = [], [], 0
    for m in MARKER_RE.finditer(text):
        number = note_number(m.group(1))
        ledger.refer(number, line=line(m.start()))
        found.append(number)
        out += [text[last:m.start()], f"[^{number}]"]
        last = m.end()
    out.append(text[last:])
    return "".join(out), tuple(found)
