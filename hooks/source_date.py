"""Reproducible builds: the same commit gives the same bytes, whatever the day of the build.

MkDocs dates the sitemap's ``<lastmod>`` and the gzip header of ``sitemap.xml.gz`` with the build's date,
unless ``SOURCE_DATE_EPOCH`` is set (the reproducible-builds.org convention). When it is not set, this hook
sets it to the time of the last commit of the repository the site is built from, so that the sitemap says
when the content last changed::

    $ git log -1 --format=%ct        →  SOURCE_DATE_EPOCH=1730000000  →  <lastmod>2024-10-27</lastmod>

Outside a git checkout (or without git) nothing is set and MkDocs keeps its default, the build's date.
Other stages that date their output (the offline zip) read the same variable.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

VARIABLE = "SOURCE_DATE_EPOCH"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if VARIABLE not in os.environ:
        when = last_commit_time(Path(config.config_file_path).parent)
        if when is not None:
            os.environ[VARIABLE] = str(when)
    return config


def last_commit_time(folder: Path) -> int | None:
    """Unix time of the last commit of the repository holding ``folder``, or ``None``."""
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=folder, capture_output=True, text=True,
                              timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    value = done.stdout.strip()
    return int(value) if done.returncode == 0 and value.isdigit() else None
