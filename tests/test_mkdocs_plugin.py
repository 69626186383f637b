"""The `paper` plugin under `mkdocs serve`: after an edit, only the pages whose Markdown changed are converted
again, and the site is then the same, byte for byte, as a fresh `mkdocs build` of the edited paper.

Two rebuilds run in one process as `mkdocs serve` runs them (a driver script in a subprocess, so that the plugin
instances MkDocs keeps between builds do not leak into other tests), then a fresh `mkdocs build` to compare.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, mkdocs_build
from .projects import paper_project

PAPER = ROOT / "tests" / "fixtures" / "papers" / "cnd-2024-five-days.md"
BIBLIOGRAPHY = PAPER.with_suffix(".bib")

DRIVER = """
import json, sys
import markdown
from mkdocs.commands.build import build
from mkdocs.config import load_config

config_file, paper, edited, first, second = sys.argv[1:]
converted = []
convert = markdown.Markdown.convert
def counting(self, source):
    if source.strip():
        converted.append(source)
    return convert(self, source)
markdown.Markdown.convert = counting

def rebuild(site, started=[]):
    config = load_config(config_file, site_dir=site)
    if not started:
        config.plugins.on_startup(command="serve", dirty=False)
        started.append(True)
    converted.clear()
    build(config)
    return len(converted)

pages = rebuild(first)
with open(paper, "w", encoding="utf-8") as f:
    f.write(edited)
again = rebuild(second)
print(json.dumps({"first": pages, "second": again}))
"""


def pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_a_rebuild_converts_only_the_changed_pages_and_matches_a_fresh_build(tmp_path):
    config = paper_project(tmp_path / "project", paper=PAPER, bibliography=BIBLIOGRAPHY)
    paper = tmp_path / "project" / "inputs" / PAPER.name
    text = paper.read_text(encoding="utf-8")
    lines = text.split("\n")
    # one word more in the paper's longest line: a paragraph of one day
    at = max(range(len(lines)), key=lambda n: len(lines[n]))
    lines[at] = lines[at].replace(" ", " also ", 1)
    edited = "\n".join(lines)

    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    done = subprocess.run([sys.executable, str(driver), str(config), str(paper), edited,
                           str(tmp_path / "first"), str(tmp_path / "second")],
                          cwd=config.parent, capture_output=True, text=True, timeout=600,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout.strip().splitlines()[-1])
    assert counts["first"] >= 7, counts  # home, five days, questions, sources…
    assert 1 <= counts["second"] < counts["first"] // 2, counts

    fresh = tmp_path / "fresh"
    built = mkdocs_build(fresh, config=config)
    assert built.returncode == 0, built.stderr
    served, expected = pages(tmp_path / "second"), pages(fresh)
    assert sorted(served) == sorted(expected)
    assert [name for name in expected if served[name] != expected[name]] == []
    assert "also" in (tmp_path / "second" / "index.html").read_text("utf-8") or any(
        b" also " in body for body in served.values())
