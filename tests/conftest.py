"""Shared fixtures: the real site, built once per test session with the real `mkdocs build --strict`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAPER = ROOT / "paper" / "background-paper.md"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def mkdocs_build(site_dir: Path, *, config: Path = ROOT / "mkdocs.yml", env: dict[str, str] | None = None,
                 extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` as a user would; return the finished process (never raises)."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir), *extra],
        cwd=config.parent, env=full_env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `mkdocs build --strict` makes it from the bundled paper."""
    out = tmp_path_factory.mktemp("site")
    done = mkdocs_build(out)
    assert done.returncode == 0, done.stderr
    return out
