"""The stages wired together (scripts/paperkit/pipeline.py), as `mkdocs serve` runs them again and again in one
process: a data file read before is read again once it has changed, and only then."""

from __future__ import annotations

import os
import shutil

from paperkit import bibliography, pipeline

from .conftest import FIXTURES

PAPER = FIXTURES / "papers" / "arc-2023-two-days.md"
BIBLIOGRAPHY = FIXTURES / "papers" / "arc-2023-two-days.bib"
OLD, NEW = "Founding charter of the Alpine Rivers Commission", "Charter of the Alpine Rivers Commission, as founded"


def test_an_edited_bibliography_is_read_again_and_an_unchanged_one_is_not(tmp_path, monkeypatch):
    bib = tmp_path / BIBLIOGRAPHY.name
    shutil.copyfile(BIBLIOGRAPHY, bib)
    reads = []
    load = bibliography.load_bibliography
    monkeypatch.setattr(pipeline, "load_bibliography", lambda path: reads.append(path) or load(path))

    first = pipeline.build_site(PAPER, bibliography=bib)
    assert OLD in first.pages["sources.md"]
    pipeline.build_site(PAPER, bibliography=bib)
    assert len(reads) == 1, "an unchanged bibliography was read again"

    stat = bib.stat()
    bib.write_text(bib.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    os.utime(bib, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same time: a size that changed is enough
    edited = pipeline.build_site(PAPER, bibliography=bib)
    assert len(reads) == 2
    assert NEW in edited.pages["sources.md"] and OLD not in edited.pages["sources.md"]


def test_only_the_edition_whose_paper_changed_is_written_again(tmp_path, monkeypatch):
    """Two editions; one paper edited by a word of the same length, its file's time kept: its pages change, the
    other edition's pages are the ones written before (not written again)."""
    papers = tmp_path / "papers"
    papers.mkdir()
    older = papers / "older.md"
    older.write_text(PAPER.read_text(encoding="utf-8").replace(" 2023", " 2019"), encoding="utf-8")
    newer = papers / "newer.md"
    shutil.copyfile(PAPER, newer)
    calls = []
    real = pipeline.context
    monkeypatch.setattr(pipeline, "context", lambda e, *a, **k: calls.append(e.prefix) or real(e, *a, **k))

    first = pipeline.build_site(papers, bibliography=BIBLIOGRAPHY)
    assert sorted(calls) == ["2019", "2023"]
    stat = newer.stat()
    text = newer.read_text(encoding="utf-8")
    assert "Spring floods" in text
    newer.write_text(text.replace("Spring floods", "Spring fluxes", 1), encoding="utf-8")
    os.utime(newer, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time: the text itself decides
    second = pipeline.build_site(papers, bibliography=BIBLIOGRAPHY)
    assert sorted(calls) == ["2019", "2023", "2023"]
    assert any("Spring fluxes" in t for p, t in second.pages.items() if p.startswith("2023/"))
    assert {p: t for p, t in second.pages.items() if p.startswith("2019/")} == \
        {p: t for p, t in first.pages.items() if p.startswith("2019/")}
