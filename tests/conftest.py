"""Shared fixtures: the real site, built once per test session with the real `mkdocs build --strict`."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAPERS = ROOT / "papers"
PUBLISHED = PAPERS / "published.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEST_CONFIG_PREFIX = ".mkdocs-test-"
# sha256 of the paper the `paper_facts` tests were read from: the 2021 paper (CND thematic discussions, October
# 2021) as committed in papers/2021.md. They run while it is the newest edition in papers/ (`-m paper_facts`
# lists them); with a newer paper beside it, every other test checks that newer one.
FACTS_PAPER_SHA256 = "1a804ab63da485eaee6e8823419c396c4ceea34898184d9a7c328f6c843cd0d8"
_test_configs: set[Path] = set()


WORD_AS_MARKDOWN = ROOT / ".cache" / "tests" / "papers"
"""Where a Word paper of papers/ is written in the paper's Markdown format for the tests (below)."""


def _as_markdown(paper: Path) -> Path:
    """A paper of papers/ in the paper's Markdown format: a Markdown paper itself; a Word paper (``.docx``) read
    as the build reads it and written back in that format (tests/paper_text.py), once, to
    ``.cache/tests/papers/<its name>.md``. The tests check that text against the built site as they check a
    Markdown paper; tests/test_word.py checks that the text written reads as the same paper, making the same
    pages, as the Word file."""
    if paper.suffix != ".docx":
        return paper
    from paperkit.parse import read_paper

    from .paper_text import paper_text

    text = paper_text(read_paper(paper))
    copy = WORD_AS_MARKDOWN / f"{paper.name}.md"
    if not copy.exists() or copy.read_text(encoding="utf-8") != text:
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(text, encoding="utf-8")
    return copy


def _papers() -> list[Path]:
    """The papers of papers/ as Markdown (Word papers too: :func:`_as_markdown`), newest edition first (the year
    of a paper's first day heading, read here with a few lines of plain code that share nothing with the
    converter). Passed over as the build passes them over: hidden files and Word's ``~$`` lock files."""
    from .paperdays import edition_prefix

    found = [_as_markdown(p) for p in sorted(PAPERS.iterdir())
             if p.suffix in (".md", ".docx") and not p.name.startswith((".", "~$"))]
    return sorted(found, key=edition_prefix, reverse=True)


EDITIONS = _papers()
"""Every paper of papers/, newest first."""
PAPER = EDITIONS[0]
"""The newest edition's paper: the one every test that holds for any paper checks."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the tests that hold the 2021 paper's facts when the newest paper in papers/ is another."""
    if hashlib.sha256(PAPER.read_bytes()).hexdigest() == FACTS_PAPER_SHA256:
        return
    skip = pytest.mark.skip(reason=f"holds facts of the 2021 paper; the newest in papers/ is {PAPER.relative_to(ROOT)}")
    for item in items:
        if item.get_closest_marker("paper_facts"):
            item.add_marker(skip)


def mkdocs_build(site_dir: Path, *, config: Path = ROOT / "mkdocs.yml", env: dict[str, str] | None = None,
                 extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` as a user would; return the finished process (never raises)."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir), *extra],
        cwd=config.parent, env=full_env, capture_output=True, text=True, timeout=600,
    )


def config_for(paper: Path, bibliography: Path, folder: Path, *, docs_dir: Path = ROOT / "docs") -> Path:
    """A config that builds another paper (or folder of papers) and bibliography: the project's mkdocs.yml,
    inherited, with only the `paper` plugin's options changed (``INHERIT`` merges the plugins' mapping), and no
    list of published addresses (they are the real site's).

    It is written beside mkdocs.yml (named after ``folder``, removed at the end of the session), so that every
    relative path in it (overrides, hooks, snippets) means what it means for the real site."""
    child = {"INHERIT": "mkdocs.yml", "docs_dir": str(docs_dir),
             "plugins": {"paper": {"papers": str(paper.resolve()), "bibliography": str(bibliography.resolve()),
                                   "published": ""}}}
    config = ROOT / f"{TEST_CONFIG_PREFIX}{folder.name}.yml"
    config.write_text(json.dumps(child, indent=1) + "\n", encoding="utf-8")  # JSON is YAML
    _test_configs.add(config)
    return config


@pytest.fixture(scope="session", autouse=True)
def _remove_test_configs() -> Iterator[None]:
    yield
    for config in _test_configs:  # only this session's: another test session may be running in the same tree
        config.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `mkdocs build --strict` makes it from the bundled paper."""
    out = tmp_path_factory.mktemp("site")
    done = mkdocs_build(out)
    assert done.returncode == 0, done.stderr
    return out
