"""The editor's loop: `mkdocs serve` rebuilds when the paper or the bibliography changes; an error in the paper
is shown in the terminal with its file and line, and in the browser over the last good page
(hooks/serve_errors.py), the server keeps running, and the page is back once it is fixed.

A real `mkdocs serve` on 127.0.0.1 (a free port) over a temporary project whose paper and bibliography are copies
that the test edits. The time limits only keep a broken server from hanging the suite; nothing is timed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .conftest import FIXTURES
from .projects import paper_project

PAPER = FIXTURES / "papers" / "arc-2023-two-days.md"
BIBLIOGRAPHY = FIXTURES / "papers" / "arc-2023-two-days.bib"
PATIENCE = 90  # seconds before giving up on a rebuild: far beyond any real one, for a loaded CI machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.read().decode("utf-8")
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return None


def wait_for(what: str, check: Callable[[], bool], server: subprocess.Popen) -> None:
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        assert server.poll() is None, f"mkdocs serve stopped while waiting for {what}"
        if check():
            return
        time.sleep(0.2)
    pytest.fail(f"no {what} after {PATIENCE} s")


class Served:
    def __init__(self, where: Path) -> None:
        self.config = paper_project(where, paper=PAPER, bibliography=BIBLIOGRAPHY)
        self.paper = where / "inputs" / PAPER.name
        self.bibliography = where / "inputs" / BIBLIOGRAPHY.name
        self.log = where / "serve.log"
        self.url = f"http://127.0.0.1:{free_port()}/"

    def edit(self, path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def page(self, name: str) -> str:
        return fetch(self.url + name) or ""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Served, subprocess.Popen]]:
    s = Served(tmp_path)
    with s.log.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(s.config), "-a", s.url[7:-1]],
            cwd=s.config.parent, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for("first page", lambda: "Glacier melt" in s.page("2023/7-february/"), server)
        yield s, server
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_rebuilds_on_paper_and_bibliography_changes_and_survives_an_error(served):
    s, server = served
    # an edit of the paper shows on its page
    s.edit(s.paper, "Spring floods now peak", "Spring floods, edited, now peak")
    wait_for("edited paragraph", lambda: "Spring floods, edited, now peak" in s.page("2023/7-february/"), server)

    # an error: the terminal names the file and line; the server keeps running
    note = '⁷ River Water Office, "Survey of abstraction reporting" (Geneva, 2022).'
    s.edit(s.paper, note, "")
    marker_line = next(n for n, line in enumerate(s.paper.read_text(encoding="utf-8").split("\n"), 1)
                       if "only when asked,⁷" in line)
    expected = f"{s.paper}:{marker_line}: note 7 is referenced but never defined"
    wait_for("error in the terminal", lambda: expected in s.log.read_text(encoding="utf-8"), server)
    assert server.poll() is None  # still serving (the next edit's wait_for fails at once if it stopped)
    # …and in the browser, over the last good page
    wait_for("error in the browser", lambda: expected in s.page("2023/8-february/"), server)
    assert "only when asked," in s.page("2023/8-february/")  # the last good build's page, under the message

    # fixed: the page is back, with the fix
    s.edit(s.paper, "only when asked,⁷", "only when asked (fixed),⁷")
    s.edit(s.paper, "⁶ See [R/2019/1](#), art. 12.", f"⁶ See [R/2019/1](#), art. 12.\n\n{note}")
    wait_for("fixed page", lambda: "only when asked (fixed)," in s.page("2023/8-february/"), server)
    assert "paper-serve-error" not in s.page("2023/8-february/")  # the message is gone with the error

    # an edit of the bibliography shows too
    s.edit(s.bibliography, "title = {Survey of abstraction reporting},",
           "title = {Survey of abstraction reporting among riparian States},\n  match = {Survey of abstraction reporting},")
    wait_for("edited bibliography", lambda: "Survey of abstraction reporting among riparian States" in s.page("sources/"),
             server)
