"""The title block: every line before the introduction's heading.

    WSC                               kicker (the body and its description)
    WORLD SEA COUNCIL
    WSC HARBOUR DIALOGUES SPRING 2030 title: the line above the dates
    3-4 MARCH 2030                    dates
    BACKGROUND PAPER                  kind: the first line in capitals after the dates
    HSO                               issuer: the other lines after the dates, as printed
    Harbour Statistics Office
"""

from __future__ import annotations

import re

from ..errors import PaperError
from ..model import TitleBlock
from .blocks import MONTHS, Raw, month_guess
from .recase import Recaser

# "3-4 MARCH 2030" — the title block's dates
DATES_RE = re.compile(r"^\d{1,2}(\s*[-–]\s*\d{1,2})?\s+[A-Za-z]+\s+\d{4}$")


def read_title(raws: list[Raw], recase: Recaser, source: str) -> TitleBlock:
    if not raws:
        raise PaperError(source, 1, "found no title block before the introduction's heading — the paper must start "
                                    "with its title lines (body, title, dates, 'BACKGROUND PAPER')")
    lines = [(r.at(k), s.strip()) for r in raws for k, s in enumerate(r.lines)]
    dates_at = next((i for i, (_, s) in enumerate(lines) if DATES_RE.match(s)), None)
    if dates_at is None or dates_at == 0:
        raise PaperError(source, raws[0].line, "the title block has no line of dates (such as '<day>-<day> <MONTH> "
                                               "<year>') after the title — add it below the title line")
    _check_month(*lines[dates_at], source)
    caps_after = [i for i in range(dates_at + 1, len(lines)) if lines[i][1].isupper()]
    kind_at = caps_after[0] if caps_after else None

    def readable(s: str) -> str:
        return recase(s) if s.isupper() else s

    return TitleBlock(
        lines=tuple(s for _, s in lines),
        line=raws[0].line,
        kicker=tuple(readable(s) for _, s in lines[: dates_at - 1]),
        title=readable(lines[dates_at - 1][1]),
        dates=readable(lines[dates_at][1]),
        kind=readable(lines[kind_at][1]) if kind_at is not None else "",
        issuer=tuple(s for i, (_, s) in enumerate(lines) if i > dates_at and i != kind_at),
    )


def _check_month(line: int, dates: str, source: str) -> None:
    month = re.findall(r"[A-Za-z]+", dates)[0]
    if month.upper() not in MONTHS:
        hint = f" (did you mean {guess}?)" if (guess := month_guess(month)) else ""
        raise PaperError(source, line, f"'{month}' in the title block's dates is not a month{hint} — correct it")
