"""A temporary MkDocs project whose paper and bibliography are copies a test may write or edit.

    config = paper_project(tmp_path, paper=FIXTURES / "papers" / "x.md", bibliography=FIXTURES / "papers" / "x.bib")
    done = mkdocs_build(tmp_path / "site", config=config)

``paper`` is a file, or the paper's text or bytes; ``where`` must be a folder of its own (``tmp_path``). The real
``mkdocs.yml`` is used, only pointed at the copies (``conftest.config_for``, which writes it beside mkdocs.yml).
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, config_for

BIBLIOGRAPHY = ROOT / "footnotes" / "sources.bib"


def paper_project(where: Path, *, paper: Path | bytes | str, bibliography: Path = BIBLIOGRAPHY) -> Path:
    """Copy the inputs into ``where/inputs`` and return a ``mkdocs.yml`` that builds them."""
    inputs = where / "inputs"
    inputs.mkdir(parents=True)
    paper_copy = inputs / (paper.name if isinstance(paper, Path) else "paper.md")
    if isinstance(paper, Path):
        shutil.copyfile(paper, paper_copy)
    else:
        paper_copy.write_bytes(paper if isinstance(paper, bytes) else paper.encode("utf-8"))
    bib_copy = inputs / bibliography.name
    shutil.copyfile(bibliography, bib_copy)
    # config_for names the config after the folder: pytest's session folder + the test's keeps it unique
    return config_for(paper_copy, bib_copy, Path(f"{where.parent.name}-{where.name}"))


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (``<h1>…</h1>``), tags dropped, white space folded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def resolver_wired() -> bool:
    """Whether the build resolves notes to the bibliography yet (issue 3's resolver used by the pipeline)."""
    from paperkit import pipeline

    return any(getattr(v, "__module__", None) == "paperkit.resolve" or getattr(v, "__name__", None) == "paperkit.resolve"
               for v in vars(pipeline).values())


needs_resolver = pytest.mark.skipif(not resolver_wired(), reason="the pipeline does not resolve notes yet (issue 3)")
