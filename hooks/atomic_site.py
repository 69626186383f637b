"""`mkdocs build` never leaves a half-written site: it builds beside the site folder and swaps the new site in only
when the build has succeeded.

Plain MkDocs empties the site folder first and writes into it as it goes, so a build that fails after that — a
warning in strict mode (a link to a missing page), a plugin's error — leaves `site/` emptied or holding the failed
build, and a server publishing `site/` serves it. With this hook, `mkdocs build` builds into a new folder beside it
(``.site-building-…``); once MkDocs has finished with no error (its strict mode's closing check included), the
new folder takes the site folder's place; otherwise it is removed and `site/` is as it was. `scripts/dev.py
build` did this on its own before; now both ways are safe.

Only for `mkdocs build` without `--dirty` (a dirty build writes into the existing site on purpose), and only the
build the command started: the offline copy's second build (``paper-offline``, in the same process or a forked
one) writes where it is told. Stands on MkDocs' documented events: ``on_startup`` (the command), ``on_config``
(the site folder), ``on_post_build``/``on_build_error`` (the outcome) and ``on_shutdown`` (after MkDocs' strict
check, which comes after ``on_post_build`` and reports through ``on_build_error``).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from paperkit.site_swap import building_beside, swap_in

log = logging.getLogger(f"mkdocs.hooks.{__name__}")


class _Build:
    def __init__(self) -> None:
        self.pending = False
        """`mkdocs build` has started and its config is not yet seen."""
        self.site: Path | None = None
        """The site folder the command builds, and the new folder it builds into."""
        self.new: Path | None = None
        self.built = False


_build = _Build()


def on_startup(*, command: str, dirty: bool) -> None:
    _build.__init__()
    _build.pending = command == "build" and not dirty


@event_priority(100)  # first: every plugin sees the new folder as the site folder
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not _build.pending:  # `mkdocs serve`, a dirty build, or the offline copy's own build
        return config
    _build.pending = False
    _build.site = Path(config.site_dir)
    _build.new = building_beside(_build.site)
    config.site_dir = str(_build.new)
    return config


@event_priority(-1000)  # last: the site is complete
def on_post_build(config: MkDocsConfig) -> None:
    if _build.new is not None and Path(config.site_dir) == _build.new:
        _build.built = True


def on_build_error(error: Exception) -> None:
    _build.built = False


def on_shutdown() -> None:
    site, new, built = _build.site, _build.new, _build.built
    _build.__init__()
    if site is None or new is None or not new.exists():
        return
    if not built:
        shutil.rmtree(new, ignore_errors=True)
        log.info(f"The build failed: {site} is left as it was")
        return
    swap_in(new, site)
