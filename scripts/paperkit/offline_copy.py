"""The ``paper-offline`` MkDocs plugin: a zip of the whole site that works opened from disk, search included.

    plugins:
      - search
      - offline:                       # Material's; stays off for the published site
          enabled: false
      - paper-offline:
          shim: assets/vendor/iframe-worker/shim.js

After the site is built, ``on_post_build`` builds it a second time, in the same process, with Material's
``offline`` plugin switched on (file URLs, the search index inlined as a script), into a temporary folder,
and zips that into the site as ``<site name>-offline.zip``; the home page gets a "Read offline" section
linking it. ``mkdocs build`` stays the one command.

The offline plugin loads its Web Worker shim from unpkg.com; the copy loads the vendored ``shim`` instead,
so nothing is fetched from another host. The two builds share one Jinja environment (compiled
templates) and the paper plugin's result, so that the copy costs little more than writing the pages again.
The copy itself has no "Read offline" section: it has no zip to link to.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import config_options as c
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .mkdocs_plugin import PaperPlugin

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

OFFLINE = "material/offline"


class OfflineCopyConfig(Config):
    shim = c.Type(str, default="assets/vendor/iframe-worker/shim.js")
    """The iframe-worker shim, under ``docs/``: Material's offline search needs it on ``file://``."""
    zip_name = c.Optional(c.Type(str))
    """File name of the zip; default: the site name, slugified, + ``-offline.zip``."""


def slug(text: str) -> str:
    """``Thematic discussions, autumn`` → ``thematic-discussions-autumn``."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60].rstrip("-") or "site"


class OfflineCopyPlugin(BasePlugin[OfflineCopyConfig]):
    def __init__(self) -> None:
        self.nested = False
        """True in the second build (the offline copy), where this plugin only adds the shim."""
        self.shared_env: jinja2.Environment | None = None

    def _offline(self, config: MkDocsConfig):
        plugin = config.plugins.get(OFFLINE)
        if plugin is None:
            raise PluginError(f"paper-offline needs Material's offline plugin listed in plugins: add `- offline:`"
                              f" with `enabled: false` before `- paper-offline` in {config.config_file_path}")
        return plugin

    @event_priority(50)  # before material/offline, which adds the unpkg.com shim unless one is already listed
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.nested = self._offline(config).config.enabled
        if self.nested:
            config.extra["polyfills"] = [*config.extra.get("polyfills", []), self.config.shim]
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # here, not in on_config: the paper plugin sets site_name in its on_config
        if self.nested:
            config.extra.pop("offline_copy", None)
        else:
            config.extra["offline_copy"] = self.config.zip_name or f"{slug(config.site_name)}-offline.zip"

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if self.shared_env is not None:
            return self.shared_env  # same theme, same templates: reuse the ones the first build compiled
        self.shared_env = env
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        name = config.extra.get("offline_copy")
        if not (name and page.is_homepage):
            return markdown
        return (f"{markdown.rstrip()}\n\n## Read offline {{ #offline }}\n\n"
                f'<a href="{name}" download>Download the whole site</a> (a ZIP file) to read it without a '
                "connection: unzip it and open `index.html` in a browser. Search works there too.\n")

    @event_priority(-200)  # last: the site is complete
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # After, not during, the main build: MkDocs hands both builds the same instance of plugins that have
        # on_startup (search among them), so the copy must not start before the main build has finished.
        if self.nested:
            return
        target = Path(config.site_dir) / config.extra["offline_copy"]
        with tempfile.TemporaryDirectory(prefix="offline-copy-") as tmp:
            copy = load_config(config.config_file_path, site_dir=tmp, site_url=config.site_url,
                               docs_dir=config.docs_dir, strict=config.strict)
            self._offline(copy).config.enabled = True
            for name, plugin in copy.plugins.items():
                if isinstance(plugin, OfflineCopyPlugin):
                    plugin.shared_env = self.shared_env
                elif isinstance(plugin, PaperPlugin):  # the paper, already read, is not read twice
                    plugin.site = config.plugins[name].site
            log.info("Building the offline copy")
            build(copy)
            _zip(Path(tmp), target, root=slug(config.site_name), skip=_unused(copy))
        log.info(f"Offline copy: {target.name} ({target.stat().st_size // 1024} KB)")


def _unused(config: MkDocsConfig) -> Callable[[str], bool]:
    """Files a reader of the copy never loads: the 404 page (a missing file on disk shows the browser's own
    page; ours has links from the server's root), the search index as JSON (from disk, search reads the
    offline plugin's search_index.js), source maps, and lunr's language files when search is in English only
    (Material's search worker loads none of them then)."""
    search = config.plugins.get("material/search")
    english_only = search is not None and list(search.config.lang or ["en"]) == ["en"]

    def unused(path: str) -> bool:
        return path in ("404.html", "search/search_index.json") or path.endswith(".map") or (english_only and path.startswith("assets/javascripts/lunr/"))
    return unused


def _zip(folder: Path, target: Path, *, root: str, skip: Callable[[str], bool]) -> None:
    """Zip ``folder`` into ``target`` under one top folder ``root``, in a stable order, every entry dated
    ``SOURCE_DATE_EPOCH`` (1980-01-01 without it) with the same permissions: the same site, the same bytes."""
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), 315532800)  # zip dates start in 1980
    date_time = time.gmtime(epoch)[:6]
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = path.relative_to(folder).as_posix()
            if not skip(name):
                entry = zipfile.ZipInfo(f"{root}/{name}", date_time=date_time)
                entry.create_system = 3  # Unix, wherever it is built
                entry.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
                entry.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(entry, path.read_bytes())
