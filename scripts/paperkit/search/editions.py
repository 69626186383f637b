"""The ``paper-edition-search`` plugin: a reader of one edition searches that edition, not every year's at once.

Material's search fetches one index of the whole site. With ten editions it is ten times the size (its gzip
412 KB against 48 KB, ``scripts/dev.py bench --parts editions``) and the worker builds it before the first result:
a delegate reading this year's paper would wait for every other year's. So, when the site holds more than one
edition, this plugin writes beside Material's index one per edition, ``search/edition-2030.json``: that edition's
entries and the shared pages' (the home page, Sources, Topics, where a subject is followed across the years), in
Material's own format. Each page of an edition names its index in ``page.meta.search_index``;
``overrides/partials/search-scope.html`` says which edition is searched and links to searching every edition (the
site's home page with ``?q=``, whose search is the whole site's), and ``partials/search-on-demand.html`` has
Material fetch that index in place of the whole one. The offline copy (``file://``) keeps the whole index.

An entry belongs to an edition when its location is under the edition's folder (``2030/…``): an edition's pages
live there and nowhere else (:class:`paperkit.model.Edition`). The folders are read off the pages' own front
matter (``edition: {prefix: '2030'}``), never off this paper::

    >>> split({"config": {}, "docs": [{"location": "2030/3-march/"}, {"location": "2029/"},
    ...                                 {"location": "sources/#x"}]}, {"2030", "2029"})["2030"]["docs"]
    [{'location': '2030/3-march/'}, {'location': 'sources/#x'}]
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

SEARCH_PLUGIN = "material/search"
OFFLINE_PLUGIN = "material/offline"
INDEX = "search/search_index.json"


def index_of(prefix: str) -> str:
    """Where an edition's index is written, below the site's root: ``search/edition-2030.json``."""
    return f"search/edition-{prefix}.json"


def prefix_of(page: Page) -> str | None:
    """The edition a page belongs to, from its front matter (``edition: {prefix: '2030'}``); ``None`` for a page
    every edition shares."""
    edition = page.meta.get("edition")
    return str(edition["prefix"]) if isinstance(edition, dict) and edition.get("prefix") else None


def split(index: dict, prefixes: set[str]) -> dict[str, dict]:
    """Material's index as one index per edition: its own entries and the shared ones, in the same order."""
    def edition(location: str) -> str | None:
        return next((p for p in prefixes if location.startswith(f"{p}/")), None)

    return {p: {**index, "docs": [d for d in index["docs"] if edition(d["location"]) in (p, None)]}
            for p in sorted(prefixes)}


class EditionSearchPlugin(BasePlugin):
    def __init__(self) -> None:
        self.prefixes: set[str] = set()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.prefixes = set()
        return config

    def on_env(self, env, *, config: MkDocsConfig, files):
        # every page has been read (or, under `mkdocs serve --dirty`, kept from the last rebuild:
        # paper-unchanged-pages), and none rendered yet
        self.prefixes = {p for f in files.documentation_pages() if f.page is not None
                         and (p := prefix_of(f.page)) is not None}
        return env

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        if len(self.prefixes) > 1 and (prefix := prefix_of(page)) is not None and self._searching(config):
            page.meta["search_index"] = index_of(prefix)
        return context

    @event_priority(-100)  # after Material's search has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        written = {index_of(p) for p in self.prefixes} if len(self.prefixes) > 1 and self._searching(config) else set()
        for stale in site.glob(index_of("*")):  # `mkdocs serve --dirty` keeps the folder: an edition taken out
            if stale.relative_to(site).as_posix() not in written:
                stale.unlink()
        if not written:
            return
        whole = json.loads((site / INDEX).read_text(encoding="utf-8"))
        for prefix, index in split(whole, self.prefixes).items():
            (site / index_of(prefix)).write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                                                 encoding="utf-8")

    @staticmethod
    def _searching(config: MkDocsConfig) -> bool:
        """Material's search is on, and this is not the offline copy (Material's ``offline`` plugin enabled):
        from disk, search reads one inlined index of the whole site, and a link to ``/?q=`` opens no file."""
        search, offline = config.plugins.get(SEARCH_PLUGIN), config.plugins.get(OFFLINE_PLUGIN)
        return (search is not None and bool(search.config.enabled)
                and not (offline is not None and bool(offline.config.enabled)))
