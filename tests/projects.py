"""A temporary MkDocs project that builds another paper with the real `mkdocs.yml`, unchanged but for its inputs.

    project = paper_project(tmp_path, paper=FIXTURES / "papers" / "x.md", bibliography=FIXTURES / "papers" / "x.bib")
    done = mkdocs_build(tmp_path / "site", config=project)

The project folder links to everything of the real one (docs/, overrides/, scripts/, data…) except `mkdocs.yml`,
which is copied with the bundled paper's and bibliography's paths replaced by the given files (copied in, so a
test may edit them). Nothing in the real tree is written.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import ROOT

PAPER_OPTION = "paper/background-paper.md"
BIBLIOGRAPHY_OPTION = "footnotes/sources.bib"
NOT_LINKED = {"mkdocs.yml", "site", "build", ".git", ".pytest_cache"}


def paper_project(where: Path, *, paper: Path | bytes | str, bibliography: Path | None = None) -> Path:
    """Make a project in ``where`` whose paper is a copy of ``paper`` (a file, or the paper's bytes/text)."""
    where.mkdir(parents=True, exist_ok=True)
    for entry in sorted(ROOT.iterdir()):
        if entry.name not in NOT_LINKED:
            (where / entry.name).symlink_to(entry)
    inputs = where / "inputs"
    inputs.mkdir()
    paper_copy = inputs / (paper.name if isinstance(paper, Path) else "paper.md")
    if isinstance(paper, Path):
        shutil.copyfile(paper, paper_copy)
    elif isinstance(paper, bytes):
        paper_copy.write_bytes(paper)
    else:
        paper_copy.write_bytes(paper.encode("utf-8"))
    bibliography = bibliography or ROOT / BIBLIOGRAPHY_OPTION
    bib_copy = inputs / bibliography.name
    if bibliography.exists():
        shutil.copyfile(bibliography, bib_copy)
    else:  # the shared bibliography is not written yet
        bib_copy.write_text("", encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for option, value in ((PAPER_OPTION, paper_copy), (BIBLIOGRAPHY_OPTION, bib_copy)):
        assert option in config, f"mkdocs.yml no longer names {option}: update tests/projects.py"
        config = config.replace(option, str(value))
    (where / "mkdocs.yml").write_text(config, encoding="utf-8")
    return where / "mkdocs.yml"


class _Text(HTMLParser):
    SKIP = {"script", "style"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs) -> None:
        self.skipping += tag in self.SKIP

    def handle_endtag(self, tag) -> None:
        self.skipping -= tag in self.SKIP and self.skipping > 0

    def handle_data(self, data) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(html: str) -> str:
    """The text a reader sees in an HTML page (scripts and styles left out), whitespace collapsed."""
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())
