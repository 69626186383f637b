"""Stage 1 — read the paper: Markdown that came out of a PDF → :class:`paperkit.model.Paper`.

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
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from .errors import PaperError
from .model import (
    Block,
    Day,
    Footnote,
    Introduction,
    LetteredList,
    ListItem,
    Paper,
    Paragraph,
    Question,
    Section,
    SectionKind,
    SubSection,
    TitleBlock,
)
from .text import fold_case

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGITS = str.maketrans(SUPERSCRIPTS, "0123456789")

# "¹⁷ See Global Study …" — a note definition
NOTE_RE = re.compile(rf"^([{SUPERSCRIPTS}]+)\s+(\S.*)$")
# "…tides.¹⁷ Next" — a marker: superscript digits right after a non-space character
MARKER_RE = re.compile(rf"(?<=\S)([{SUPERSCRIPTS}]+)")
# "- d) Are there …" — a lettered item
ITEM_RE = re.compile(r"^[-*]\s+\(?([a-z])\)\s+(.*)$")
# "3 MARCH 2030 - RISING TIDES ARE …" — a day heading
MONTHS = ("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
          "NOVEMBER", "DECEMBER")
DAY_RE = re.compile(rf"^(\d{{1,2}})\s+({'|'.join(MONTHS)})\s+(\d{{4}})\s*[-–—]\s*(\S.*)$")
# "…faster than walls can be built (3 March 2030);"
ITEM_DATE_RE = re.compile(r"^(.*?)\s*\((\d{1,2}) ([A-Z][a-z]+) (\d{4})\)\s*[;.,]?\s*(?:and)?\s*$")
# "3-4 MARCH 2030" — the title block's dates
DATES_RE = re.compile(r"^\d{1,2}(\s*[-–]\s*\d{1,2})?\s+[A-Za-z]+\s+\d{4}$")
# A sentence ends: ". " "?" "!" ":" possibly followed by closing quotes/brackets and note tokens
TERMINAL_RE = re.compile(rf"[.?!:][”’\"')\]*_]*[{SUPERSCRIPTS}]*(\s*\[\^\d+\])*\s*$")
SUBHEADING_MAX = 150
# Far beyond any background paper (tens of pages, paragraphs of a few thousand characters): a bigger input is the
# wrong file, and would only make the build slow before failing anyway.
MAX_PAPER_CHARS = 1_000_000
MAX_LINE_CHARS = 100_000

WORD_RE = re.compile(r"[A-Za-z][A-Za-z']*")


@dataclass(frozen=True, slots=True)
class _Raw:
    """A run of non-blank lines."""

    line: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(s.strip() for s in self.lines)


def parse_paper(text: str, *, source: str = "paper.md") -> Paper:
    """Parse the paper's text (already decoded) into the model."""
    return _Parser(text, source).paper()


def read_paper(path) -> Paper:
    """Read a paper file: UTF-8 (a BOM and CRLF line ends are fine), then :func:`parse_paper`."""
    from pathlib import Path

    path = Path(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PaperError(str(path), line, f"is not UTF-8 text (byte 0x{data[exc.start]:02x}) — save the paper as UTF-8") from None
    return parse_paper(text, source=str(path))


def sentence_case(caps: str, prose: str, *, keep: frozenset[str] = frozenset()) -> str:
    """Recase an all-capitals line the way the paper's own prose writes its words.

    The longest run of words that the prose also contains takes the prose's casing; a word the prose
    never uses is lower case, unless it is in ``keep`` (acronyms the title block prints alone: WSC).

    >>> sentence_case("ADVISORY BODY OF THE WORLD SEA COUNCIL", "Members of the World Sea Council met.")
    'Advisory body of the World Sea Council'
    """
    words = list(WORD_RE.finditer(caps))
    cased = [m.group(0).lower() for m in words]
    starts: dict[str, list[int]] = {}
    folded = fold_case(prose)
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            found = _phrase_in(prose, folded, [m.group(0) for m in words[i:j]], starts)
            if found is not None:
                cased[i:j] = found
                break
        else:
            if words[i].group(0) in keep:
                cased[i] = words[i].group(0)
        i = j if found is not None else i + 1
    out, last = [], 0
    for m, word in zip(words, cased):
        out.append(caps[last:m.start()])
        out.append(word)
        last = m.end()
    out.append(caps[last:])
    text = "".join(out)
    return text[:1].upper() + text[1:]


def _phrase_in(prose: str, folded: str, words: list[str], starts: dict[str, list[int]]) -> list[str] | None:
    """How the prose most often writes this run of words (not at a sentence's start), or ``None``.

    A run is found where its words follow each other, in any case, with one or more characters that are not
    part of a word (spaces, dashes, punctuation) between them, and no letter right before or after it.
    ``starts`` caches, per first word, where in the prose it starts: the runs tried for one line share their
    first words, so the prose is scanned once per first word, and a run is only tried where its first word is.
    Runs found do not overlap; ``folded`` is the prose in lower case (:func:`~paperkit.text.fold_case`).
    """
    first = words[0].lower()
    if first not in starts:
        found, at = [], folded.find(first)
        while at != -1:
            if not at or not (prose[at - 1] in _LETTERS or prose[at - 1] == "'"):
                found.append(at)
            at = folded.find(first, at + 1)
        starts[first] = found
    lowered = [w.lower() for w in words]
    seen: Counter[tuple[str, ...]] = Counter()
    end = 0
    for start in starts[first]:
        if start < end or (stop := _run_end(prose, folded, start, lowered)) is None:
            continue
        end = stop
        k = start  # the last character before the run that is not a space (no copy of the prose before it)
        while k and prose[k - 1].isspace():
            k -= 1
        if k and prose[k - 1] not in ".?!:;“\"":
            seen[tuple(WORD_RE.findall(prose[start:stop]))] += 1
    return list(seen.most_common(1)[0][0]) if seen else None


def _run_end(prose: str, folded: str, start: int, words: list[str]) -> int | None:
    """Where the run of ``words`` (lower case) that begins at ``start`` ends, or ``None`` if none begins there."""
    at = start
    for i, word in enumerate(words):
        if i:
            gap = at
            while gap < len(prose) and not (prose[gap].isalnum() or prose[gap] == "_"):
                gap += 1
            if gap == at:
                return None
            at = gap
        if not folded.startswith(word, at):
            return None
        at += len(word)
    return None if at < len(prose) and prose[at] in _LETTERS else at


_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _is_caps_line(raw: _Raw) -> bool:
    if len(raw.lines) != 1 or NOTE_RE.match(raw.lines[0]) or ITEM_RE.match(raw.lines[0]):
        return False
    letters = False
    for c in raw.lines[0]:  # stops at the first small letter: a line of prose is told at once
        if c.isalpha():
            if not c.isupper():
                return False
            letters = True
    return letters


def _is_note_block(raw: _Raw) -> bool:
    return NOTE_RE.match(raw.lines[0]) is not None


def _is_list(raw: _Raw) -> bool:
    return all(ITEM_RE.match(s) for s in raw.lines)


def _is_prose(raw: _Raw) -> bool:
    """A paragraph of running text: it ends a sentence, or is too long to be a heading or an address."""
    if _is_caps_line(raw) or _is_note_block(raw) or _is_list(raw):
        return False
    return _terminated(raw.text) or len(raw.text) > SUBHEADING_MAX


def _terminated(text: str) -> bool:
    return TERMINAL_RE.search(text) is not None


class _Parser:
    def __init__(self, text: str, source: str) -> None:
        self.source = source
        text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            raise PaperError(source, 1, "the paper is empty — put the background paper's Markdown in this file")
        for number, line in enumerate(text.split("\n"), 1):
            if "\x00" in line:
                raise PaperError(source, number, "contains a NUL byte: this is not a text file — export the paper as Markdown")
            if len(line) > MAX_LINE_CHARS:
                raise PaperError(source, number, f"this line is {len(line):,} characters long; a paragraph is at most "
                                                 f"{MAX_LINE_CHARS:,} — is this the right file, or did the export lose "
                                                 f"its line breaks?")
        if len(text) > MAX_PAPER_CHARS:
            raise PaperError(source, 1, f"the file is {len(text):,} characters long; a background paper is at most "
                                        f"{MAX_PAPER_CHARS:,} — is this the right file?")
        self.raws = self._blocks(text)
        self.markers: dict[int, int] = {}  # note number -> line of the marker
        self.notes: dict[int, Footnote] = {}

    def error(self, line: int | None, message: str) -> PaperError:
        return PaperError(self.source, line, message)

    # -- splitting ---------------------------------------------------------------------------------

    @staticmethod
    def _blocks(text: str) -> list[_Raw]:
        raws: list[_Raw] = []
        start, lines = 0, []
        for number, line in enumerate(text.split("\n"), 1):
            if line.strip():
                if not lines:
                    start = number
                lines.append(line.rstrip())
            elif lines:
                raws.append(_Raw(start, tuple(lines)))
                lines = []
        if lines:
            raws.append(_Raw(start, tuple(lines)))
        return raws

    # -- whole paper -------------------------------------------------------------------------------

    def paper(self) -> Paper:
        raws = self.raws
        first_day = next((i for i, r in enumerate(raws) if len(r.lines) == 1 and DAY_RE.match(r.text)), len(raws))
        intro_at = next((i for i in range(min(first_day, len(raws) - 1)) if _is_caps_line(raws[i])
                         and not DAY_RE.match(raws[i].text) and _is_prose(raws[i + 1])), None)
        if intro_at is None:
            prose = next((r for r in raws[:first_day] if _is_prose(r)), raws[0])
            raise self.error(prose.line, "found no introduction: expected a heading in capitals (INTRODUCTION) "
                                         "followed by a paragraph, before the first day's heading")
        day_starts = [i for i, r in enumerate(raws) if i > intro_at and len(r.lines) == 1 and DAY_RE.match(r.text)]
        if not day_starts:
            raise self.error(raws[intro_at].line, "found no thematic day: expected a heading such as "
                                                  "'<day> <MONTH> <year> - <THE CHALLENGE IN CAPITALS>'")
        self.prose = "\n".join(r.text for r in raws[intro_at + 1:] if _is_prose(r))
        # words that the title block prints alone on a line are names (acronyms): keep their capitals
        self.keep = frozenset(r.lines[0].strip() for r in raws[:intro_at] if len(r.lines[0].split()) == 1)

        intro_raws = raws[intro_at + 1: day_starts[0]]
        intro_blocks, _, _ = self._blocks_of(intro_raws, allow_subheadings=False)
        introduction = Introduction(heading=raws[intro_at].text, title=self.recase(raws[intro_at].text),
                                    line=raws[intro_at].line, blocks=tuple(intro_blocks))
        agenda = [item for b in intro_blocks if isinstance(b, LetteredList) for item in b.items]

        days = []
        bounds = day_starts + [len(raws)]
        for n, (a, b) in enumerate(zip(bounds, bounds[1:]), 1):
            days.append(self._day(n, raws[a], raws[a + 1: b], agenda))
        self._check_notes()
        title = self._title(raws[:intro_at])
        return Paper(source=self.source, title=title, introduction=introduction, days=tuple(days),
                     notes=tuple(self.notes[n] for n in sorted(self.notes)))

    def recase(self, caps: str) -> str:
        return sentence_case(caps.rstrip(":").strip(), self.prose, keep=self.keep)

    # -- title block -------------------------------------------------------------------------------

    def _title(self, raws: list[_Raw]) -> TitleBlock:
        if not raws:
            raise self.error(1, "found no title block before the introduction's heading — the paper must start "
                                "with its title lines (body, title, dates, 'BACKGROUND PAPER')")
        lines = [(r.line + k, s.strip()) for r in raws for k, s in enumerate(r.lines)]
        dates_at = next((i for i, (_, s) in enumerate(lines) if DATES_RE.match(s)), None)
        if dates_at is None or dates_at == 0:
            raise self.error(raws[0].line, "the title block has no line of dates (such as '<day>-<day> <MONTH> <year>') "
                                           "after the title — add it below the title line")
        caps_after = [i for i in range(dates_at + 1, len(lines)) if lines[i][1].isupper()]
        kind_at = caps_after[0] if caps_after else None
        issuer = [s for i, (_, s) in enumerate(lines) if i > dates_at and i != kind_at]

        def fix(s: str) -> str:
            return self.recase(s) if s.isupper() else s

        return TitleBlock(
            lines=tuple(s for _, s in lines),
            line=raws[0].line,
            kicker=tuple(fix(s) for _, s in lines[: dates_at - 1]),
            title=fix(lines[dates_at - 1][1]),
            dates=fix(lines[dates_at][1]),
            kind=fix(lines[kind_at][1]) if kind_at is not None else "",
            issuer=tuple(issuer),
        )

    # -- days --------------------------------------------------------------------------------------

    def _day(self, number: int, head: _Raw, raws: list[_Raw], agenda: list[ListItem]) -> Day:
        m = DAY_RE.match(head.text)
        assert m is not None
        day, month, year, caps = m.groups()
        try:
            date = dt.date(int(year), MONTHS.index(month) + 1, int(day))
        except ValueError:
            raise self.error(head.line, f"'{day} {month} {year}' is not a date — correct the day heading") from None
        item = self._agenda_item(head, date, caps, agenda)
        challenge = ITEM_DATE_RE.match(item.text).group(1)  # type: ignore[union-attr]
        sections: list[Section] = []
        heads = [i for i, r in enumerate(raws) if _is_caps_line(r)]
        if not heads or heads[0] != 0:
            where = raws[0].line if raws else head.line
            raise self.error(where, "a day must start with a section heading in capitals "
                                    "(POLICY COMMITMENTS, BACKGROUND INFORMATION, DISCUSSION QUESTIONS:)")
        for a, b in zip(heads, heads[1:] + [len(raws)]):
            sections.append(self._section(raws[a], raws[a + 1: b]))
        return Day(number=number, date=date, heading=head.text, challenge=challenge, letter=item.letter,
                   line=head.line, sections=tuple(sections))

    def _agenda_item(self, head: _Raw, date: dt.date, caps: str, agenda: list[ListItem]) -> ListItem:
        for item in agenda:
            m = ITEM_DATE_RE.match(item.text)
            if not m:
                continue
            wording, d, month, y = m.groups()
            if month.upper() not in MONTHS:
                continue
            if dt.date(int(y), MONTHS.index(month.upper()) + 1, int(d)) != date:
                continue
            if _squash(caps) not in _squash(wording):
                raise self.error(head.line, f"the day heading's wording does not match the introduction's item "
                                            f"({item.letter}) for {d} {month} {y} (line {item.line}) — make the two "
                                            f"say the same")
            return item
        raise self.error(head.line, f"no item of the introduction's list names {date.day} {date.strftime('%B')} "
                                    f"{date.year} — add '- x) <the challenge> ({date.day} {date.strftime('%B')} "
                                    f"{date.year});' to the introduction's list")

    def _section(self, head: _Raw, raws: list[_Raw]) -> Section:
        name = head.text.rstrip(":").strip()
        kind = next((k for k in SectionKind if k.value.casefold() == name.casefold()), None)
        if kind is None:
            expected = ", ".join(k.value.upper() for k in SectionKind)
            raise self.error(head.line, f"unknown section heading '{head.text}' — expected one of: {expected}")
        blocks, subsections, questions = self._blocks_of(raws, allow_subheadings=kind is SectionKind.BACKGROUND,
                                                         questions=kind is SectionKind.QUESTIONS)
        return Section(kind=kind, heading=head.text, title=kind.value, line=head.line, blocks=tuple(blocks),
                       subsections=tuple(subsections), questions=tuple(questions))

    # -- paragraphs, lists, notes --------------------------------------------------------------------

    def _blocks_of(self, raws: list[_Raw], *, allow_subheadings: bool, questions: bool = False):
        """Paragraphs and lists of one part, with notes collected and cut paragraphs joined."""
        out: list[Block] = []
        subsections: list[SubSection] = []
        qs: list[Question] = []
        current = out  # where the next block goes
        sub_title: tuple[str, int] | None = None
        pending_join = False  # last paragraph was cut by a note block

        def close_sub() -> None:
            if sub_title is not None:
                subsections.append(SubSection(title=sub_title[0], line=sub_title[1], blocks=tuple(current)))

        for i, raw in enumerate(raws):
            if _is_note_block(raw):
                self._note(raw)
                prev = current[-1] if current else None
                if isinstance(prev, Paragraph) and not _terminated(prev.text):
                    pending_join = True
                continue
            if _is_list(raw):
                items = [self._item(raw.line + k, s) for k, s in enumerate(raw.lines)]
                if questions:
                    qs.extend(Question(letter=it.letter, text=it.text, line=it.line, notes=it.notes) for it in items)
                else:
                    current.append(LetteredList(items=tuple(items), line=raw.line))
                pending_join = False
                continue
            if any(ITEM_RE.match(s) for s in raw.lines):
                bad = next(raw.line + k for k, s in enumerate(raw.lines) if not ITEM_RE.match(s))
                raise self.error(bad, "a line inside a lettered list is not an item '- x) …' — "
                                      "separate it from the list with a blank line")
            if _is_caps_line(raw):
                raise self.error(raw.line, f"unexpected heading '{raw.text}' — a day heading must read "
                                           f"'<day> <MONTH> <year> - <challenge>'")
            text, notes = self._markers(raw)
            if pending_join and current and isinstance(current[-1], Paragraph):
                prev = current[-1]
                current[-1] = Paragraph(text=f"{prev.text} {text}", line=prev.line, notes=prev.notes + notes)
                pending_join = False
                continue
            pending_join = False
            nxt = raws[i + 1] if i + 1 < len(raws) else None
            if (allow_subheadings and len(raw.lines) == 1 and len(text) <= SUBHEADING_MAX and not notes
                    and text[:1].isupper() and not _terminated(text) and nxt is not None and _is_prose(nxt)):
                close_sub()
                current = []
                sub_title = (text, raw.line)
                continue
            current.append(Paragraph(text=text, line=raw.line, notes=notes))
        close_sub()
        return out, subsections, qs

    def _item(self, line: int, text: str) -> ListItem:
        m = ITEM_RE.match(text)
        assert m is not None
        body, notes = self._markers(_Raw(line, (m.group(2),)))
        return ListItem(letter=m.group(1), text=body, line=line, notes=notes)

    def _markers(self, raw: _Raw) -> tuple[str, tuple[int, ...]]:
        """Replace superscript markers by ``[^N]`` tokens, recording where each note is referenced."""
        found: list[int] = []
        lines = []
        for k, s in enumerate(raw.lines):
            def token(m: re.Match[str], line: int = raw.line + k) -> str:
                number = int(m.group(1).translate(_TO_DIGITS))
                if number in self.markers:
                    raise self.error(line, f"note {number} is referenced twice (first at line {self.markers[number]})"
                                           f" — each marker needs its own note number")
                expected = max(self.markers, default=0) + 1
                defined = self._definitions() if number > expected else {}
                skipped = defined.get(expected) if number in defined else None
                if skipped is not None:  # a marker left out, not a mistyped one
                    raise self.error(skipped, f"note {expected} is never referenced — add the marker "
                                              f"{_superscript(expected)} after the sentence it supports, or delete "
                                              f"the note (the next marker, {_superscript(number)}, is at line {line})")
                if number != expected:
                    raise self.error(line, f"note marker {number} is out of order: expected {expected} — "
                                           f"notes are numbered through the whole paper")
                self.markers[number] = line
                found.append(number)
                return f"[^{number}]"

            lines.append(MARKER_RE.sub(token, s.strip()))
        return " ".join(lines), tuple(found)

    def _note(self, raw: _Raw) -> None:
        m = NOTE_RE.match(raw.lines[0])
        assert m is not None
        number = int(m.group(1).translate(_TO_DIGITS))
        text = " ".join([m.group(2).strip(), *(s.strip() for s in raw.lines[1:])])
        if number in self.notes:
            raise self.error(raw.line, f"note {number} is defined twice (first at line {self.notes[number].line}) "
                                       f"— renumber or remove one")
        expected = max(self.notes, default=0) + 1
        if number > expected and number in self.markers and expected in self.markers \
                and expected not in self._definitions():
            raise self._undefined(expected)
        if number != expected:
            raise self.error(raw.line, f"note {number} is out of order: expected note {expected} here — "
                                       f"notes are numbered through the whole paper")
        if number not in self.markers:
            raise self.error(raw.line, f"note {number} is never referenced — add the marker "
                                       f"{_superscript(number)} after the sentence it supports, or delete the note")
        self.notes[number] = Footnote(number=number, text=text, line=raw.line, referenced_at=self.markers[number])

    def _definitions(self) -> dict[int, int]:
        """The line of every note block in the paper by its number, wherever it is (first one wins)."""
        found: dict[int, int] = {}
        for r in self.raws:
            if m := NOTE_RE.match(r.lines[0]):
                found.setdefault(int(m.group(1).translate(_TO_DIGITS)), r.line)
        return found

    def _check_notes(self) -> None:
        missing = sorted(set(self.markers) - set(self.notes))
        if missing:
            raise self._undefined(missing[0])

    def _undefined(self, n: int) -> PaperError:
        return self.error(self.markers[n], f"note {n} is referenced but never defined — add its text "
                                           f"('{_superscript(n)} …') in the note block below the paragraph")


def _superscript(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", SUPERSCRIPTS))


def _squash(text: str) -> str:
    """Compare wordings across capitals, punctuation and spacing."""
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()
