"""End to end: `mkdocs build --strict` (anchors validated) makes the whole site from a paper, and a paper of the
same format that the code has never seen builds with no code change."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from .conftest import FIXTURES, PAPER, ROOT, config_for, mkdocs_build
from .htmltext import PageText
from .paperdays import edition_prefix, paper_days

SYNTHETIC = FIXTURES / "synthetic"


def test_strict_build_fails_on_a_broken_anchor(tmp_path):
    """The strict build the other tests rely on really validates anchors."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "extra.md").write_text("# Extra\n\nSee [the days](index.md#no-such-anchor).\n", encoding="utf-8")
    config = config_for(SYNTHETIC / "paper.md", SYNTHETIC / "sources.bib", tmp_path, docs_dir=docs)
    done = mkdocs_build(tmp_path / "site", config=config)
    assert done.returncode != 0
    assert "no-such-anchor" in done.stderr


def test_site_has_a_page_per_day_and_a_home_page(site_dir):
    days = paper_days(PAPER)
    folder = edition_prefix(PAPER)
    assert len(days) >= 2
    for page in ("index.html", f"{folder}/index.html", *(f"{folder}/{day.slug}/index.html" for day in days)):
        assert (site_dir / page).is_file(), page
    for home in (site_dir / "index.html", site_dir / folder / "index.html"):  # the site's, the edition's
        html = home.read_text(encoding="utf-8")
        assert all(f'href="{"" if home.parent != site_dir else folder + "/"}{day.slug}/"' in html for day in days)


@pytest.mark.paper_facts
def test_site_has_the_three_days_of_october_2021(site_dir):
    for page in ("2021/19-october/index.html", "2021/20-october/index.html", "2021/21-october/index.html"):
        assert (site_dir / page).is_file(), page


@pytest.mark.paper_facts
def test_day_pages_are_in_the_navigation_with_date_and_short_title(site_dir):
    home = (site_dir / "2021" / "index.html").read_text(encoding="utf-8")
    assert 'href="19-october/"' in home and 'href="21-october/"' in home
    day = (site_dir / "2021" / "20-october" / "index.html").read_text(encoding="utf-8")
    title = day.split("<title>")[1].split("</title>")[0]
    assert title.startswith("20 October 2021: The value of confiscated proceeds of crime")
    nav = day[day.index('class="md-nav'):]  # the edition's navigation names the day without the year
    assert "20 October: The value of confiscated proceeds of crime" in nav


def test_synthetic_paper_builds_with_no_code_change(tmp_path):
    config = config_for(SYNTHETIC / "paper.md", SYNTHETIC / "sources.bib", tmp_path)
    done = mkdocs_build(tmp_path / "site", config=config)
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site" / "2030"  # the synthetic paper's edition: its year
    assert sorted(p.parent.name for p in site.glob("*-march/index.html")) == ["3-march", "4-march"]
    day = PageText.parse((site / "4-march" / "index.html").read_text(encoding="utf-8"))
    assert day.refs == ["6", "7", "8"]
    assert "Who should pay for shared channels?" in day.main
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "WSC harbour dialogues spring 2030" in home and "$12 million" in home


def test_bad_paper_fails_the_build_with_its_line(tmp_path):
    bad = tmp_path / "paper.md"
    text = (SYNTHETIC / "paper.md").read_text(encoding="utf-8")
    bad.write_text(text.replace("rose too.⁸", "rose too."), encoding="utf-8")
    config = config_for(bad, SYNTHETIC / "sources.bib", tmp_path)
    done = mkdocs_build(tmp_path / "site", config=config)
    assert done.returncode != 0
    line = next(i for i, s in enumerate(text.split("\n"), 1) if s.startswith("⁸ "))
    assert f"paper.md:{line}: note 8 is never referenced" in done.stderr


def test_cli_writes_pages_and_leaves_output_alone_on_error(tmp_path):
    out = tmp_path / "pages"
    cli = [sys.executable, "-m", "paperkit.cli"]
    ok = subprocess.run([*cli, str(SYNTHETIC / "paper.md"), str(out), "--bibliography", str(SYNTHETIC / "sources.bib")],
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert {"index.md", "2030/index.md", "2030/3-march.md", "2030/4-march.md"} <= set(before)
    bad = tmp_path / "bad.md"
    bad.write_text("", encoding="utf-8")
    failed = subprocess.run([*cli, str(bad), str(out)], capture_output=True, text=True)
    assert failed.returncode == 1
    assert failed.stderr.strip() == f"error: {bad}:1: the paper is empty — put the background paper's Markdown in this file"
    assert {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
