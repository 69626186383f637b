"""The whole paper: where the title block, the introduction and each day are, then each of them read in turn.

Everything here walks blocks already classified (:mod:`.blocks`); the notes are checked by one ledger
(:mod:`.ledger`) as the parts are read in the paper's order; headings are recased with one :class:`.Recaser`,
made before the first heading is read.
"""

from __future__ import annotations

import datetime as dt
import difflib

from ..errors import PaperError
from ..model import Day, Introduction, LetteredList, Paper, Paragraph, Section, SectionKind
from .blocks import DAY_RE, MARKER_RE, MONTHS, NOTE_RE, Kind, Raw, note_number, section_kind
from .body import read_part
from .intro import Agenda, squash
from .ledger import NoteLedger
from .recase import Recaser
from .title import read_title


def read_blocks(raws: list[Raw], source: str, *, pandoc: bool = False) -> Paper:
    """The paper made of ``raws`` (at least one); ``pandoc``: its notes were pandoc's Markdown footnotes."""
    broken = next((r for r in raws if r.kind is Kind.BROKEN), None)
    if broken is not None:
        raise PaperError(source, *broken.problem)  # type: ignore[misc]
    intro_at, day_starts = _landmarks(raws, source, _cut_in_notes(raws) if _undefined_marker(raws) else None)
    for raw in raws[:intro_at]:
        _no_marker_in(raw, "the title block", source)
    for raw, where in [(raws[intro_at], "the introduction's heading"), *((raws[i], "the day heading") for i in day_starts)]:
        _no_marker_in(raw, where, source)
    recase = Recaser(prose="\n".join(r.text for r in raws[intro_at + 1:] if r.prose),
                     keep=frozenset(r.lines[0].strip() for r in raws[:intro_at] if len(r.lines[0].split()) == 1))
    ledger = NoteLedger(source, definitions=_definitions(raws), pandoc=pandoc)
    head = raws[intro_at]
    intro = read_part(raws[intro_at + 1: day_starts[0]], ledger)
    introduction = Introduction(heading=head.text, title=recase(head.text), line=head.line, blocks=intro.blocks)
    agenda = Agenda([b for b in intro.blocks if isinstance(b, LetteredList)],
                    [b for b in intro.blocks if isinstance(b, Paragraph)], source)
    bounds = day_starts + [len(raws)]
    days = tuple(_day(n, raws[a], raws[a + 1: b], agenda, ledger, cut=_cut_in_notes(raws) if b == len(raws) else None)
                 for n, (a, b) in enumerate(zip(bounds, bounds[1:]), 1))
    agenda.check_every_item_has_its_day(raws[-1].at(len(raws[-1].lines) - 1))
    notes = ledger.footnotes()
    title = read_title(raws[:intro_at], recase, source)
    return Paper(source=source, title=title, introduction=introduction, days=days, notes=notes)


def _cut_in_notes(raws: list[Raw]) -> int | None:
    """The paper's last line, if it ends in a note block: a paper cut short where a page ended (a paper ends with
    its last day's questions, or with the notes of that page *after* them). pandoc's notes may all be at the end."""
    last = raws[-1]
    return last.at(len(last.lines) - 1) if last.kind is Kind.NOTES and last.splits else None


def _undefined_marker(raws: list[Raw]) -> bool:
    """Whether a marker has no note anywhere in the paper (as in a paper cut off in the middle of a note block)."""
    defined = _definitions(raws)
    return any(note_number(m.group(1)) not in defined
               for r in raws if r.kind is not Kind.NOTES for m in MARKER_RE.finditer(r.text))


def _cut_short(cut: int, what: str, source: str) -> PaperError:
    return PaperError(source, cut, f"the paper ends here, in a note block, {what} — is the paper cut short? Put "
                                   f"back the rest of it, from the text that follows these notes to the last "
                                   f"day's discussion questions")


def _landmarks(raws: list[Raw], source: str, cut: int | None = None) -> tuple[int, list[int]]:
    """Where the introduction's heading is (a heading in capitals before prose) and where each day starts."""
    first_day = next((i for i, r in enumerate(raws) if r.kind is Kind.DAY), len(raws))
    intro_at = next((i for i in range(min(first_day, len(raws) - 1))
                     if raws[i].kind is Kind.HEADING and raws[i + 1].prose), None)
    if intro_at is None:
        prose = next((r for r in raws[:first_day] if r.prose), raws[0])
        raise PaperError(source, prose.line, "found no introduction: expected a heading in capitals (INTRODUCTION) "
                                             "followed by a paragraph, before the first day's heading — put the "
                                             "introduction's heading, in capitals, above its first paragraph")
    day_starts = [i for i, r in enumerate(raws) if i > intro_at and r.kind is Kind.DAY]
    if not day_starts and cut is not None:
        raise _cut_short(cut, f"before any day heading (the introduction starts at line {raws[intro_at].line})",
                         source)
    if not day_starts:
        raise PaperError(source, raws[intro_at].line, "found no thematic day: expected a heading such as "
                                                      "'<day> <MONTH> <year> - <THE CHALLENGE IN CAPITALS>' — start "
                                                      "each day with such a heading, on a line of its own")
    return intro_at, day_starts


def _no_marker_in(raw: Raw, where: str, source: str) -> None:
    if m := MARKER_RE.search(raw.text):
        raise PaperError(source, raw.line, f"note marker {m.group(1)} in {where} '{raw.text}' — a heading carries no "
                                           f"note: move the marker to the end of the first sentence below it")


def _definitions(raws: list[Raw]) -> dict[int, int]:
    """The line of every note definition by its number, wherever it is (the first one wins)."""
    found: dict[int, int] = {}
    for r in raws:
        if r.kind is Kind.NOTES:
            found.setdefault(note_number(NOTE_RE.match(r.lines[0]).group(1)), r.line)  # type: ignore[union-attr]
    return found


def _day(number: int, head: Raw, raws: list[Raw], agenda: Agenda, ledger: NoteLedger, *, cut: int | None) -> Day:
    """Day ``number`` of the paper; ``cut``: the paper ends in a note block of this day, at that line."""
    source = ledger.source
    day, month, year, caps = DAY_RE.match(head.text).groups()  # type: ignore[union-attr]
    try:
        date = dt.date(int(year), MONTHS.index(month) + 1, int(day))
    except ValueError:
        raise PaperError(source, head.line, f"'{day} {month} {year}' is not a date — correct the day heading") from None
    item, challenge = agenda.item_for(head, date, caps)
    heads = [i for i, r in enumerate(raws) if r.kind is Kind.HEADING]
    if heads[:1] == [0] and section_kind(raws[0].text) is None and squash(f"{caps} {raws[0].text}") in squash(challenge):
        raise PaperError(source, head.line, f"this day heading goes on at line {raws[0].line} ('{raws[0].text}') — "
                                            f"write it on one line")
    if undated := next((e for i in heads if section_kind(raws[i].text) is None
                        and (e := agenda.undated_day(raws[i])) is not None), None):
        raise undated
    if not heads or heads[0] != 0:
        raise PaperError(source, raws[0].line if raws else head.line,
                         "a day must start with a section heading in capitals "
                         "(POLICY COMMITMENTS, BACKGROUND INFORMATION, DISCUSSION QUESTIONS:) — put the section's "
                         "heading, on a line of its own, above this text")
    sections = tuple(_section(raws[a], raws[a + 1: b], ledger) for a, b in zip(heads, heads[1:] + [len(raws)]))
    _check_sections(head, sections, source, cut)
    result = Day(number=number, date=date, heading=head.text, challenge=challenge, letter=item.letter,
                 line=head.line, sections=sections)
    agenda.take(result)
    return result


def _check_sections(head: Raw, sections: tuple[Section, ...], source: str, cut: int | None) -> None:
    """Each section once; the discussion questions there."""
    seen: dict[SectionKind, int] = {}
    for section in sections:
        if section.kind in seen:
            raise PaperError(source, section.line, f"a second '{section.heading}' in this day (the first is at line "
                                                   f"{seen[section.kind]}) — a day has each section once: merge "
                                                   f"the two, or correct this heading")
        seen[section.kind] = section.line
    if SectionKind.QUESTIONS not in seen and cut is not None:
        raise _cut_short(cut, f"before the discussion questions of the day at line {head.line}", source)
    if SectionKind.QUESTIONS not in seen:
        raise PaperError(source, head.line, "this day has no 'DISCUSSION QUESTIONS:' section — add it at the end "
                                            "of the day, with the questions as lettered items '- a) …?'")


def _section(head: Raw, raws: list[Raw], ledger: NoteLedger) -> Section:
    _no_marker_in(head, "the section heading", ledger.source)
    kind = section_kind(head.text)
    if kind is None:
        raise PaperError(ledger.source, head.line, _unknown_section(head.text))
    part = read_part(raws, ledger, subheadings=kind is SectionKind.BACKGROUND,
                     questions=kind is SectionKind.QUESTIONS)
    if kind is SectionKind.QUESTIONS and not part.questions:
        raise PaperError(ledger.source, head.line, "the list of discussion questions is empty — write the day's "
                                                   "questions below this heading as lettered items: '- a) …?', "
                                                   "'- b) …?'")
    title = kind.value
    return Section(kind=kind, heading=head.text, title=title, line=head.line, blocks=part.blocks,
                   subsections=part.subsections, questions=part.questions)


def _unknown_section(heading: str) -> str:
    names = [k.value.upper() for k in SectionKind]
    close = difflib.get_close_matches(heading.rstrip(":").strip().upper(), names, n=1, cutoff=0.7)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return f"unknown section heading '{heading}'{hint} — expected one of: {', '.join(names)}"
