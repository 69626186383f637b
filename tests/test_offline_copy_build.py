"""The offline copy is made by `mkdocs build` (next to the main build), never by `mkdocs serve`, whose rebuilds
stay an editor's quick loop."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.test_serve import served  # noqa: F401  (a fixture: mkdocs serve of a small paper)


def test_build_makes_the_copy_and_serve_does_not(served, site_dir: Path):  # noqa: F811
    s, _ = served
    log = s.log.read_text(encoding="utf-8")
    assert "not built by `mkdocs serve`" in log
    assert "Building the offline copy" not in log
    zips = list(site_dir.glob("*-offline.zip"))
    assert len(zips) == 1
    with zipfile.ZipFile(zips[0]) as z:
        assert z.testzip() is None
        assert any(name.endswith("/index.html") for name in z.namelist())
