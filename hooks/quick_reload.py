"""`mkdocs serve` notices a saved file within a tenth of a second, not half a second; `--dirty` says no false alarm.

MkDocs watches the docs, ``mkdocs.yml`` and (through the ``paper`` plugin) the paper's and the bibliography's
folders with watchdog's polling observer, which looks at each folder every 0.5 s: an editor waits up to half a
second before the rebuild even starts. This hook polls every ``INTERVAL`` instead — every folder watched so far
and any watched later. Polling a handful of small folders ten times a second costs well under 1 % of a core.

`scripts/dev.py serve` runs ``mkdocs serve --dirty``: static files (CSS, JS, Material's assets) are copied again
only when they have changed, which saves about a tenth of a second per rebuild. MkDocs then warns on every
rebuild that a dirty build "will likely lead to inaccurate navigation" — true of hand-written pages, which it
skips when their file is unchanged, but not here: every page of the site is generated, and the
``paper-unchanged-pages`` plugin skips one only while its Markdown and everything every page shares (the
navigation among it) are unchanged. While ``docs/`` holds no Markdown page of its own, this hook leaves that
warning out.

It relies on watchdog's emitters reading their interval (``timeout``) on every poll, from ``_timeout`` (watchdog
6 and 7); if a watchdog release drops that attribute, serving goes on at MkDocs' own pace.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

log = logging.getLogger(f"mkdocs.hooks.{__name__}")

INTERVAL = 0.1
"""Seconds between two looks at a watched folder."""


DIRTY_WARNING = "A 'dirty' build is being performed"


def _no_false_alarm(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(DIRTY_WARNING)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    logger = logging.getLogger("mkdocs.commands.build")
    if any(Path(config.docs_dir).rglob("*.md")):  # a page of its own: MkDocs' warning is right again
        logger.removeFilter(_known_filter(logger))
    elif _known_filter(logger) is None:
        logger.addFilter(_no_false_alarm)
    return config


def _known_filter(logger: logging.Logger):
    """This hook's filter on ``logger`` (from this or an earlier rebuild's copy of the hook), or ``None``."""
    return next((f for f in logger.filters if getattr(f, "__name__", "") == _no_false_alarm.__name__), None)


@event_priority(-100)  # after the plugins' own `on_serve`, which add folders to watch
def on_serve(server, *, config: MkDocsConfig, builder):
    observer = server.observer
    for thing in (observer, *observer.emitters):
        if not hasattr(thing, "_timeout"):
            log.debug("watchdog has no polling interval to set: saved files are noticed at MkDocs' pace")
            return server
        thing._timeout = min(thing._timeout, INTERVAL)
    return server
