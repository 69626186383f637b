"""Stage 0 — find the editions: every paper in ``papers/``, read, each the edition of its year.

    papers/
      2030.md           → the edition /2030/ (its prefix is its first day's year, read from the paper)
      2031.docx         → the edition /2031/ (the Word file, read through pandoc: :mod:`paperkit.parse.word`)
      published.txt     the addresses the site has published (:mod:`paperkit.addresses`), not a paper

A file name is the editor's choice: the prefix is read from the paper, so renaming a file moves nothing. What
cannot be an edition stops the build with one message naming the file: a file that is no paper (not ``.md`` or
``.docx``), two papers of one year, a title block whose year is not its days' year. Hidden files (``.DS_Store``,
Word's ``~$`` lock files) are passed over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .errors import PaperError
from .model import Edition
from .parse import read_paper

PAPER_SUFFIXES = (".md", ".docx")
"""What a paper file's name ends with."""
# "2030" in "3-4 March 2030"
YEAR_RE = re.compile(r"\b(\d{4})\b")


def find_papers(where: Path, *, besides: Iterable[Path] = ()) -> tuple[Path, ...]:
    """The paper files of ``where``: a folder of papers (every ``.md`` or ``.docx`` file in it, by name), or one
    paper file.
    ``besides``: files in the folder that are no paper but belong there (the list of published addresses)."""
    if where.is_file() or (where.suffix and not where.is_dir()):
        return (where,)  # one paper (read_paper names a missing one)
    if not where.is_dir():
        raise PaperError(str(where), None, "no such folder — put each edition's paper (Markdown) in it, "
                                           "or name the folder in mkdocs.yml (`paper: papers: …`)")
    skip = {p.resolve() for p in besides}
    papers = []
    for path in sorted(where.iterdir()):
        if path.name.startswith((".", "~$")) or path.resolve() in skip:
            continue
        if path.is_dir() or path.suffix.lower() not in PAPER_SUFFIXES:
            raise PaperError(str(path), None, f"is not a paper: {where}/ holds one paper per edition, as "
                                              f"Markdown or Word ({', '.join(PAPER_SUFFIXES)}) — move this file "
                                              f"elsewhere")
        papers.append(path)
    if not papers:
        raise PaperError(str(where), None, "holds no paper — put the background paper here, its Word file "
                                           "or its Markdown (one file per edition, e.g. 2030.docx)")
    return tuple(papers)


def read_editions(papers: Iterable[Path]) -> tuple[Edition, ...]:
    """Read every paper; the editions, newest first. Two papers of one year stop the build, naming both."""
    found: dict[str, Edition] = {}
    for path in papers:
        edition = Edition(read_paper(path))
        _check_year(edition)
        if (other := found.get(edition.prefix)) is not None:
            raise PaperError(str(path), edition.paper.days[0].line,
                             f"is a paper of {edition.prefix}, and so is {other.paper.source}: each edition is "
                             f"published at /{edition.prefix}/, one paper per year — remove one of the two")
        found[edition.prefix] = edition
    return tuple(sorted(found.values(), key=lambda e: e.prefix, reverse=True))


def _check_year(edition: Edition) -> None:
    """The title block's dates, where they name a year, name the year of the first day: the edition's prefix."""
    t = edition.paper.title
    years = YEAR_RE.findall(t.dates)
    if years and years[0] != edition.prefix:
        raise PaperError(edition.paper.source, t.line,
                         f"the title block's dates ({t.dates}) say {years[0]}, but the first day is in "
                         f"{edition.prefix}: the edition's address names its year — correct the dates")
