"""The introduction's lettered list of challenges (the agenda), and the day heading that each item announces.

    - a) Rising tides are flooding small harbours faster than walls can be built (3 March 2030);

announces a day on 3 March 2030 whose heading, in capitals, must say the same as the item. Every dated item of
the agenda's list has its day, and every day its item.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import PaperError
from ..model import Day, LetteredList, ListItem, Paragraph
from ..text import month_name
from .blocks import MONTHS, Raw, month_guess

# "…faster than walls can be built (3 March 2030);"
ITEM_DATE_RE = re.compile(r"^(.*?)\s*\((\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\)\s*[;.,]?\s*(?:and)?\s*$")


@dataclass(frozen=True, slots=True)
class _Dated:
    """An item that ends with a date in brackets, and the list it is in."""

    item: ListItem
    wording: str
    """The challenge: the item's text without its date."""
    printed: str
    """The date as the item prints it: ``3 March 2030``."""
    date: dt.date | None
    """``None`` when the printed date is no date; ``problem`` says why."""
    problem: str
    within: int
    """Which of the introduction's lists it is in."""


class Agenda:
    """The dated items of the introduction's lists; which day took which item."""

    def __init__(self, lists: list[LetteredList], paragraphs: list[Paragraph], source: str) -> None:
        self.source = source
        self.items = [it for lst in lists for it in lst.items]
        self.dated = [d for n, lst in enumerate(lists) for it in lst.items if (d := _dated(it, n)) is not None]
        self.paragraphs = paragraphs
        self.taken: dict[int, Day] = {}  # item line -> the day that took it

    def item_for(self, head: Raw, date: dt.date, caps: str) -> tuple[ListItem, str]:
        """The item that announces the day with heading ``head``, and its wording of the challenge."""
        same = [d for d in self.dated if d.date == date]
        if len(same) > 1:
            raise self._same_date(same, caps)
        if not same:
            raise self._no_item(head, date, caps)
        d = same[0]
        if squash(caps) not in squash(d.wording):
            raise PaperError(self.source, head.line, f"the day heading's wording does not match the introduction's "
                                                     f"item ({d.item.letter}) for {d.printed} (line {d.item.line}) — "
                                                     f"make the two say the same")
        return d.item, d.wording

    def undated_day(self, head: Raw) -> PaperError | None:
        """The error for a heading that is an announced challenge without its date: a day heading not dated."""
        d = next((d for d in self.dated if d.date is not None and d.item.line not in self.taken
                  and squash(head.text) == squash(d.wording)), None)
        if d is None:
            return None
        date: dt.date = d.date  # type: ignore[assignment]
        heading = f"{date.day} {MONTHS[date.month - 1]} {date.year} - {_short(head.text.upper())}"
        return PaperError(self.source, head.line, f"this day heading has no date: the introduction's item "
                                                  f"({d.item.letter}) gives its challenge for {d.printed} — write "
                                                  f"it '{heading}'")

    def take(self, day: Day) -> None:
        """Record that ``day`` took its item; a second day for the same item is an error."""
        item = next(d.item for d in self.dated if d.date == day.date)
        if item.line in self.taken:
            first = self.taken[item.line]
            raise PaperError(self.source, day.line, f"a second day heading for {_label(day.date)} (the first is at "
                                                    f"line {first.line}) — each day comes once: correct this date or "
                                                    f"remove the repeated part")
        self.taken[item.line] = day

    def check_every_item_has_its_day(self, last_line: int) -> None:
        lists = {d.within for d in self.dated if d.item.line in self.taken}
        for d in self.dated:
            if d.within in lists and d.item.line not in self.taken and d.date is not None:
                heading = f"{d.date.day} {MONTHS[d.date.month - 1]} {d.date.year} - {_short(d.wording.upper())}"
                raise PaperError(self.source, d.item.line, f"the introduction announces ({d.item.letter}) for "
                                                           f"{d.printed}, but no day heading for it follows — add "
                                                           f"the day ('{heading}' and its sections) or remove the "
                                                           f"item; is the paper cut short? It ends at line "
                                                           f"{last_line}")

    def _same_date(self, same: list[_Dated], caps: str) -> PaperError:
        others = [d for d in same if squash(caps) not in squash(d.wording)]
        wrong = others[0] if len(others) == 1 else same[1]
        other = next(d for d in same if d is not wrong)
        return PaperError(self.source, wrong.item.line, f"items ({other.item.letter}) (line {other.item.line}) and "
                                                        f"({wrong.item.letter}) of the introduction's list both give "
                                                        f"{wrong.printed} — each challenge has a day of its own: "
                                                        f"correct the date of item ({wrong.item.letter})")

    def _no_item(self, head: Raw, date: dt.date, caps: str) -> PaperError:
        label = _label(date)
        broken = [d for d in self.dated if d.date is None]
        if broken:
            d = next((d for d in broken if squash(caps) in squash(d.wording)), broken[0])
            return PaperError(self.source, d.item.line, f"item ({d.item.letter}) of the introduction's list: "
                                                        f"{d.problem} — correct it (the day heading at line "
                                                        f"{head.line}, {label}, matches no item until then)")
        worded = next((d for d in self.dated if squash(caps) in squash(d.wording)), None)
        undated = next((it for it in self.items if squash(caps) in squash(it.text) and not ITEM_DATE_RE.match(it.text)),
                       None)
        if worded is None and undated is not None:
            return PaperError(self.source, undated.line, f"item ({undated.letter}) of the introduction's list has no "
                                                         f"date in brackets at its end — end it with '({label});' (the "
                                                         f"day heading at line {head.line} gives {label})")
        if worded is not None:
            return PaperError(self.source, head.line, f"the day heading gives {label}, but the introduction's item "
                                                      f"({worded.item.letter}) with this challenge (line "
                                                      f"{worded.item.line}) gives {worded.printed} — make the two "
                                                      f"dates agree")
        in_text = next((p for p in self.paragraphs if date in _dates_in(p.text)), None)
        if in_text is not None:
            return PaperError(self.source, in_text.line, f"the introduction gives {label} in a paragraph, not in its "
                                                         f"lettered list of challenges — write each challenge on a "
                                                         f"line of its own: '- a) <the challenge> ({label});' (the "
                                                         f"day heading is at line {head.line})")
        return PaperError(self.source, head.line, f"no item of the introduction's list names {label} — add "
                                                  f"'- x) <the challenge> ({label});' to the introduction's list")


def _dated(item: ListItem, within: int) -> _Dated | None:
    m = ITEM_DATE_RE.match(item.text)
    if not m:
        return None
    wording, day, month, year = m.groups()
    printed = f"{day} {month} {year}"
    if month.upper() not in MONTHS:
        hint = f" (did you mean {guess.capitalize()}?)" if (guess := month_guess(month)) else ""
        return _Dated(item, wording, printed, None, f"'{month}' in '{printed}' is not a month{hint}", within)
    try:
        date = dt.date(int(year), MONTHS.index(month.upper()) + 1, int(day))
    except ValueError:
        return _Dated(item, wording, printed, None, f"'{printed}' is not a date", within)
    return _Dated(item, wording, printed, date, "", within)


def _dates_in(text: str) -> set[dt.date]:
    """The dates in brackets that a paragraph gives: ``(3 March 2030)``."""
    found = set()
    for day, month, year in re.findall(r"\((\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\)", text):
        if month.upper() in MONTHS:
            try:
                found.add(dt.date(int(year), MONTHS.index(month.upper()) + 1, int(day)))
            except ValueError:
                continue
    return found


def _label(date: dt.date) -> str:
    return f"{date.day} {month_name(date)} {date.year}"


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def squash(text: str) -> str:
    """Compare wordings across capitals, punctuation and spacing."""
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()
