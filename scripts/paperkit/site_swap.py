"""Put a finished build in the site folder's place, or leave the site folder as it was.

Shared by the two atomic builds: hooks/atomic_site.py (`mkdocs build`) and `scripts/dev.py build --engine
zensical`. Standard library only: dev.py imports it before anything is installed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def building_beside(site: Path) -> Path:
    """A new empty folder beside ``site`` (``.site-building-…``) to build into."""
    site.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{site.name}-building-", dir=site.parent))


def swap_in(new: Path, site: Path) -> None:
    """Rename ``new`` to ``site``, the old ``site`` kept aside until the rename has succeeded: when it fails, the
    old site goes back, ``new`` is removed and the error is raised. ``new`` must be beside ``site`` (one file
    system, so each rename is atomic)."""
    old = site.with_name(f".{site.name}-old-{os.getpid()}")
    if site.exists():
        site.rename(old)
    try:
        new.rename(site)
    except OSError:
        if old.exists():
            old.rename(site)
        shutil.rmtree(new, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
