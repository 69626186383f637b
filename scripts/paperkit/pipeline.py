"""The stages wired together, once, for the MkDocs plugin and the command line alike.

    >>> site = build_site(Path("paper/background-paper.md"))      # doctest: +SKIP
    >>> sorted(site.pages)[:2]                                     # doctest: +SKIP
    ['19-october.md', '20-october.md']
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import Paper
from .parse import read_paper
from .write import day_title, write_pages


@dataclass(frozen=True, slots=True)
class Site:
    paper: Paper
    pages: dict[str, str]
    """Markdown of every page, keyed by its path under ``docs/``."""
    nav: tuple[dict[str, str] | str, ...]
    site_name: str
    description: str


def build_site(paper_path: Path, *, bibliography: Path | None = None) -> Site:
    """Read the paper, resolve its notes, write the pages. Raises :class:`PaperError` on bad input."""
    paper = read_paper(paper_path)
    pages = write_pages(paper)
    nav: list[dict[str, str] | str] = [{paper.introduction.title: "index.md"}]
    nav += [{day_title(d): f"{d.slug}.md"} for d in paper.days]
    t = paper.title
    return Site(paper=paper, pages=pages, nav=tuple(nav), site_name=t.title,
                description=f"{t.kind}, {t.title}, {t.dates}")
