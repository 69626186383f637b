"""The introduction's lettered list of challenges, and the day heading that each item announces.

    - a) Rising tides are flooding small harbours faster than walls can be built (3 March 2030);

gives a day on 3 March 2030 whose heading, in capitals, must say the same as the item.
"""

from __future__ import annotations

import datetime as dt
import re

from ..errors import PaperError
from ..model import ListItem
from .blocks import MONTHS, Raw

# "…faster than walls can be built (3 March 2030);"
ITEM_DATE_RE = re.compile(r"^(.*?)\s*\((\d{1,2}) ([A-Z][a-z]+) (\d{4})\)\s*[;.,]?\s*(?:and)?\s*$")


def agenda_item(head: Raw, date: dt.date, caps: str, agenda: list[ListItem], source: str) -> tuple[ListItem, str]:
    """The item of the introduction's list dated ``date``, and its wording of the challenge."""
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
            raise PaperError(source, head.line, f"the day heading's wording does not match the introduction's item "
                                                f"({item.letter}) for {d} {month} {y} (line {item.line}) — make "
                                                f"the two say the same")
        return item, wording
    label = f"{date.day} {date.strftime('%B')} {date.year}"
    raise PaperError(source, head.line, f"no item of the introduction's list names {label} — add "
                                        f"'- x) <the challenge> ({label});' to the introduction's list")


def _squash(text: str) -> str:
    """Compare wordings across capitals, punctuation and spacing."""
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()
