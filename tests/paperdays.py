"""The days of a paper, read straight from its text with a few lines of plain code that share nothing with the
converter, for tests that hold for any paper of the format (the 2021 one or next year's)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# "19 OCTOBER 2021 - THE CHALLENGE IN CAPITALS", with a hyphen or an en dash
DAY_HEADING_RE = re.compile(r"^(\d{1,2}) ([A-Z]+) (\d{4}) [-–] (.*)$", re.MULTILINE)


@dataclass(frozen=True)
class Day:
    slug: str
    """its page: "19-october" """
    date: str
    """as a reader sees it: "19 October 2021" """
    heading: str
    """the challenge, in the paper's capitals"""
    text: str
    """the day's part of the paper, after its heading, up to the next day heading"""


def paper_days(paper: Path | str) -> list[Day]:
    """The days of the paper (a path or its text), in the paper's order."""
    text = paper.read_text(encoding="utf-8") if isinstance(paper, Path) else paper
    found = list(DAY_HEADING_RE.finditer(text))
    return [Day(slug=f"{int(m[1])}-{m[2].lower()}", date=f"{int(m[1])} {m[2].capitalize()} {m[3]}", heading=m[4],
                text=text[m.end(): found[i + 1].start() if i + 1 < len(found) else len(text)])
            for i, m in enumerate(found)]


def edition_prefix(paper: Path | str) -> str:
    """The folder of the paper's edition on the site: the year of its first day, ``"2021"``."""
    return paper_days(paper)[0].date.rsplit(" ", 1)[1]


def day_path(paper: Path | str, day: Day) -> str:
    """A day's address below the site's root: ``"2021/19-october/"``."""
    return f"{edition_prefix(paper)}/{day.slug}/"
