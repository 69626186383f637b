"""The tested fallback: the site builds unchanged with ProperDocs, the maintained fork of MkDocs 1.6.

A separate virtual environment gets every pinned dependency of requirements.lock (same hashes) except MkDocs
itself, plus this project; `properdocs build --strict` then builds the real mkdocs.yml. MkDocs is not importable
there, so the plugins, hooks and Material run on ProperDocs alone (it answers their `import mkdocs…`).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from .conftest import PAPER, ROOT
from .paperdays import edition_prefix, paper_days

LOCK = ROOT / "requirements.lock"
# one requirement of the lock: "name==version \" and its hash / "# via" lines
REQUIREMENT_RE = re.compile(r"^(?=[A-Za-z0-9])", re.MULTILINE)


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=900,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"})


def test_the_site_builds_with_properdocs_and_without_mkdocs(tmp_path):
    lock = LOCK.read_text(encoding="utf-8")
    requirements = REQUIREMENT_RE.split(lock)
    assert any(r.startswith("properdocs==") for r in requirements), "requirements.lock no longer pins properdocs"
    without_mkdocs = tmp_path / "requirements-without-mkdocs.txt"
    without_mkdocs.write_text("".join(r for r in requirements if not r.startswith("mkdocs==")), encoding="utf-8")

    venv = tmp_path / "venv"
    made = run(sys.executable, "-m", "venv", venv)
    assert made.returncode == 0, made.stderr
    pip = venv / "bin" / "pip"
    installed = run(pip, "install", "--quiet", "--no-deps", "--require-hashes", "-r", without_mkdocs)
    assert installed.returncode == 0, installed.stderr
    project = run(pip, "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", ROOT)
    assert project.returncode == 0, project.stderr
    assert run(venv / "bin" / "python", "-c", "import mkdocs").returncode != 0, "MkDocs is installed: not a fallback"

    site = tmp_path / "site"
    built = run(venv / "bin" / "properdocs", "build", "--strict", "-f", ROOT / "mkdocs.yml", "-d", site)
    assert built.returncode == 0, built.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs' in home
    day_pages = [p for p in site.glob(f"{edition_prefix(PAPER)}/*/index.html")  # in the paper's edition
                 if re.fullmatch(r"\d+-[a-z]+", p.parent.name)]
    assert sorted(p.parent.name for p in day_pages) == sorted(day.slug for day in paper_days(PAPER))
    assert list(site.glob("*-offline.zip")), "the offline copy plugin did not run"
