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
so nothing is fetched from another host. Where the system can fork (Linux, macOS), the copy is built in a
child process started once the paper is read (``on_pre_build``), alongside the main build, and collected in
``on_post_build``; elsewhere it is built after the main build, in the same process, sharing its Jinja
environment (compiled templates). Either way the paper is read once. The copy itself has no "Read offline"
section: it has no zip to link to. ``mkdocs serve`` does not build the copy (an editor's rebuild stays fast).
"""

from __future__ import annotations

import html
import logging
import os
import shutil
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
from .markup import slugify

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

OFFLINE = "material/offline"


class OfflineCopyConfig(Config):
    shim = c.Type(str, default="assets/vendor/iframe-worker/shim.js")
    """The iframe-worker shim, under ``docs/``: Material's offline search needs it on ``file://``."""
    zip_name = c.Optional(c.Type(str))
    """File name of the zip; default: the site name, slugified, + ``-offline.zip``."""


def slug(text: str) -> str:
    """``Thematic discussions, autumn`` → ``thematic-discussions-autumn``."""
    return slugify(text)[:60].rstrip("-") or "site"


class OfflineCopyPlugin(BasePlugin[OfflineCopyConfig]):
    def __init__(self) -> None:
        self.nested = False
        """True in the second build (the offline copy), where this plugin only adds the shim."""
        self.shared_env: jinja2.Environment | None = None
        self.serving = False
        self.child: tuple[int, Path] | None = None
        """The process building the copy alongside the main build, and the folder it leaves the zip in."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # A plugin with on_startup is one instance for every build of the process (MkDocs caches it): the
        # offline copy's build and each `mkdocs serve` rebuild get this same instance. Hence `nested` is set
        # anew in every on_config, and shared_env is forgotten at the start of every main build.
        self.serving = command == "serve"

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
            return
        config.extra["offline_copy"] = self.config.zip_name or f"{slug(html.unescape(config.site_name))}-offline.zip"
        self.shared_env = None
        if not self.serving and hasattr(os, "fork"):
            self.child = self._start_copy(config)

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
        if self.nested:
            return
        target = Path(config.site_dir) / config.extra["offline_copy"]
        if self.serving:
            log.info(f"Offline copy: not built by `mkdocs serve` (`mkdocs build` makes {target.name})")
            return
        if self.child is None:
            # In the same process, after, not during, the main build: MkDocs hands both builds the same
            # instance of plugins that have on_startup (search among them, and this one).
            self._build_copy(config, target)
        else:
            (pid, folder), self.child = self.child, None
            try:
                if os.waitpid(pid, 0)[1] != 0:
                    raise PluginError("The offline copy could not be built: see the messages above")
                shutil.move(folder / target.name, target)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
        log.info(f"Offline copy: {target.name} ({target.stat().st_size // 1024} KB)")

    def on_build_error(self, *, error: Exception) -> None:
        if self.child is not None:  # the main build failed: its copy is not wanted
            (pid, folder), self.child = self.child, None
            os.kill(pid, 15)  # SIGTERM
            os.waitpid(pid, 0)
            shutil.rmtree(folder, ignore_errors=True)

    def _start_copy(self, config: MkDocsConfig) -> tuple[int, Path]:
        """Fork a process that builds the copy into a new folder and exits; the main build goes on."""
        folder = Path(tempfile.mkdtemp(prefix="offline-zip-"))
        for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
            handler.flush()
        pid = os.fork()
        if pid:
            return pid, folder
        status = 1
        try:
            self._build_copy(config, folder / config.extra["offline_copy"])
            status = 0
        except SystemExit as exc:  # mkdocs' Abort (a warning in --strict), already reported
            log.error(str(exc))
        except BaseException:
            log.exception("The offline copy failed")
        finally:
            logging.shutdown()
            os._exit(status)

    def _build_copy(self, config: MkDocsConfig, target: Path) -> None:
        with tempfile.TemporaryDirectory(prefix="offline-copy-") as tmp:
            copy = load_config(config.config_file_path, site_dir=tmp, site_url=config.site_url,
                               docs_dir=config.docs_dir, strict=config.strict)
            self._offline(copy).config.enabled = True
            for name, plugin in copy.plugins.items():
                if isinstance(plugin, OfflineCopyPlugin) and plugin is not self:  # a MkDocs that made a new one
                    plugin.shared_env = self.shared_env
                elif isinstance(plugin, PaperPlugin):  # the paper, already read, is not read twice
                    plugin.site = config.plugins[name].site
            log.info("Building the offline copy")
            build(copy)
            _zip(Path(tmp), target, root=slug(html.unescape(config.site_name)), skip=_unused(copy))


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
