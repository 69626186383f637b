"""The whole paper: where the title block, the introduction and each day are, then each of them read in turn.

Everything here walks blocks already classified (:mod:`.blocks`); the notes are checked by one ledger
(:mod:`.ledger`) as the parts are read in the paper's order; headings are recased with one :class:`.Recaser`,
made before the first heading is read.
"""

from __future__ import annotations

import datetime as dt

from ..errors import PaperError
from ..model import Day, Introduction, LetteredList, ListItem, Paper, Section, SectionKind
from .blocks import DAY_RE, MONTHS, NOTE_RE, Kind, Raw, note_number
from .body import read_part
from .intro import agenda_item
from .ledger import NoteLedger
from .recase import Recaser
from .title import read_title


def read_blocks(raws: list[Raw], source: str) -> Paper:
    """The paper made of ``raws`` (at least one)."""
    intro_at, day_starts = _landmarks(raws, source)
    recase = Recaser(prose="\n".join(r.text for r in raws[intro_at + 1:] if r.prose),
                     keep=frozenset(r.lines[0].strip() for r in raws[:intro_at] if len(r.lines[0].split()) == 1))
    ledger = NoteLedger(source, definitions=_definitions(raws))
    head = raws[intro_at]
    intro = read_part(raws[intro_at + 1: day_starts[0]], ledger)
    introduction = Introduction(heading=head.text, title=recase(head.text), line=head.line, blocks=intro.blocks)
    agenda = [item for b in intro.blocks if isinstance(b, LetteredList) for item in b.items]
    bounds = day_starts + [len(raws)]
    days = tuple(_day(n, raws[a], raws[a + 1: b], agenda, ledger)
                 for n, (a, b) in enumerate(zip(bounds, bounds[1:]), 1))
    notes = ledger.footnotes()
    title = read_title(raws[:intro_at], recase, source)
    return Paper(source=source, title=title, introduction=introduction, days=days, notes=notes)


def _landmarks(raws: list[Raw], source: str) -> tuple[int, list[int]]:
    """Where the introduction's heading is (a heading in capitals before prose) and where each day starts."""
    first_day = next((i for i, r in enumerate(raws) if r.kind is Kind.DAY), len(raws))
    intro_at = next((i for i in range(min(first_day, len(raws) - 1))
                     if raws[i].kind is Kind.HEADING and raws[i + 1].prose), None)
    if intro_at is None:
        prose = next((r for r in raws[:first_day] if r.prose), raws[0])
        raise PaperError(source, prose.line, "found no introduction: expected a heading in capitals (INTRODUCTION) "
                                             "followed by a paragraph, before the first day's heading")
    day_starts = [i for i, r in enumerate(raws) if i > intro_at and r.kind is Kind.DAY]
    if not day_starts:
        raise PaperError(source, raws[intro_at].line, "found no thematic day: expected a heading such as "
                                                      "'<day> <MONTH> <year> - <THE CHALLENGE IN CAPITALS>'")
    return intro_at, day_starts


def _definitions(raws: list[Raw]) -> dict[int, int]:
    """The line of every note definition by its number, wherever it is (the first one wins)."""
    found: dict[int, int] = {}
    for r in raws:
        if r.kind is Kind.NOTES:
            found.setdefault(note_number(NOTE_RE.match(r.lines[0]).group(1)), r.line)  # type: ignore[union-attr]
    return found


def _day(number: int, head: Raw, raws: list[Raw], agenda: list[ListItem], ledger: NoteLedger) -> Day:
    source = ledger.source
    day, month, year, caps = DAY_RE.match(head.text).groups()  # type: ignore[union-attr]
    try:
        date = dt.date(int(year), MONTHS.index(month) + 1, int(day))
    except ValueError:
        raise PaperError(source, head.line, f"'{day} {month} {year}' is not a date — correct the day heading") from None
    item, challenge = agenda_item(head, date, caps, agenda, source)
    heads = [i for i, r in enumerate(raws) if r.kind is Kind.HEADING]
    if not heads or heads[0] != 0:
        raise PaperError(source, raws[0].line if raws else head.line,
                         "a day must start with a section heading in capitals "
                         "(POLICY COMMITMENTS, BACKGROUND INFORMATION, DISCUSSION QUESTIONS:)")
    sections = tuple(_section(raws[a], raws[a + 1: b], ledger) for a, b in zip(heads, heads[1:] + [len(raws)]))
    return Day(number=number, date=date, heading=head.text, challenge=challenge, letter=item.letter,
               line=head.line, sections=sections)


def _section(head: Raw, raws: list[Raw], ledger: NoteLedger) -> Section:
    name = head.text.rstrip(":").strip()
    kind = next((k for k in SectionKind if k.value.casefold() == name.casefold()), None)
    if kind is None:
        expected = ", ".join(k.value.upper() for k in SectionKind)
        raise PaperError(ledger.source, head.line, f"unknown section heading '{head.text}' — expected one of: "
                                                   f"{expected}")
    part = read_part(raws, ledger, subheadings=kind is SectionKind.BACKGROUND,
                     questions=kind is SectionKind.QUESTIONS)
    return Section(kind=kind, heading=head.text, title=kind.value, line=head.line, blocks=part.blocks,
                   subsections=part.subsections, questions=part.questions)
