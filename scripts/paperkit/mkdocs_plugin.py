"""The ``paper`` MkDocs plugin: runs the pipeline inside every ``mkdocs build`` and ``mkdocs serve``.

    plugins:
      paper:
        papers: papers                     # every edition's paper, one file each
        published: papers/published.txt    # the addresses the site has published

``on_config`` reads the papers and writes the pages in memory (an error in a paper, or a published address the
build would lose, stops the build with its line, before anything is written); ``on_files`` adds them as generated
files, with the files beside them (the bibliography's exports), the pages out of the navigation (each question's
short address, the forwarding pages) marked so; ``on_serve`` watches the papers so that editing one rebuilds the
site. Nothing is written into ``docs/``; ``record_addresses`` (``scripts/dev.py build``) adds a new edition's
addresses to the list of published ones.

What ``mkdocs serve`` keeps from one rebuild to the next (pages not rendered, or not converted, again) is the
``paper-unchanged-pages`` plugin's (:mod:`paperkit.unchanged_pages`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from . import addresses, pipeline, site_config
from .material_guard import check_material_version
from .errors import PaperError

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class PaperPluginConfig(Config):
    papers = c.Type(str, default="papers")
    """The folder of the editions' papers (one Markdown file each), or one paper file, relative to ``mkdocs.yml``."""
    published = c.Type(str, default="papers/published.txt")
    """The list of the addresses the site has published (:mod:`paperkit.addresses`); ``""`` for none."""
    record_addresses = c.Type(bool, default=False)
    """Add the addresses this build serves that the list does not hold yet (a new edition's) to the list."""
    bibliography = c.Type(str, default="footnotes/sources.bib")
    """The shared bibliography (BibTeX), relative to ``mkdocs.yml``; ``""`` for none (notes as the paper writes
    them, no Sources page). A bibliography named here that does not exist stops the build."""
    topics = c.Type(str, default="footnotes/topics.yml")
    """The topic list (YAML), relative to ``mkdocs.yml``; ``""`` for none (no Topics page). A topic list named
    here that does not exist stops the build."""
    set_site_name = c.Type(bool, default=True)
    """Take ``site_name`` and ``site_description`` from the paper's title block."""


class PaperPlugin(BasePlugin[PaperPluginConfig]):
    def __init__(self) -> None:
        self.site: pipeline.Site | None = None

    def _path(self, config: MkDocsConfig, value: str) -> Path:
        return Path(config.config_file_path).parent / value

    def _optional(self, config: MkDocsConfig, value: str) -> Path | None:
        return self._path(config, value) if value else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        check_material_version()  # overrides/ reaches into Material's internals: written for one release
        try:
            # a site handed over by the offline copy's second build (paper-offline) is reused, not re-read
            self.site = self.site or pipeline.build_site(self._path(config, self.config.papers),
                                                         bibliography=self._optional(config, self.config.bibliography),
                                                         topic_list=self._optional(config, self.config.topics),
                                                         published=self._optional(config, self.config.published))
        except PaperError as exc:
            raise PluginError(str(exc)) from None
        if self.site.unrecorded and self.config.published and not self.config.record_addresses:
            log.info("paper: %d addresses are not yet in %s (`python3 scripts/dev.py build` records them)",
                     len(self.site.unrecorded), self.config.published)
        # MkDocs and Material print site_name, site_description and nav titles as HTML (raw, or through `| e`):
        # the paper's text goes to them escaped, once, and marked safe (markup.html_text). The same settings
        # `paper2site --config` writes for an engine without plugins (site_config)
        values = site_config.settings(self.site, site_description=config.site_description)
        if self.config.set_site_name:
            config.site_name, config.site_description = values["site_name"], values["site_description"]
        if not config.nav:
            config.nav = values["nav"]
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        in_nav = set(site_config.nav_paths(self.site.nav))
        for path, text in {**self.site.pages, **self.site.files}.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            # a page out of the navigation on purpose (a question's short address, a forwarding page): no warning
            inclusion = InclusionLevel.NOT_IN_NAV if path in self.site.pages and path not in in_nav \
                else InclusionLevel.UNDEFINED
            files.append(File.generated(config, path, content=text, inclusion=inclusion))
        return files

    @event_priority(-300)  # after paper-offline's (-200), whose copy of the site reuses this one's pages
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site is not None and self.config.published and self.config.record_addresses:
            # only once the whole site is built: a failed build publishes nothing
            if written := addresses.record(self._path(config, self.config.published), list(self.site.unrecorded),
                                           opens=self.site.opens):
                log.info("paper: %d addresses recorded in %s — commit it with the paper", written,
                         self.config.published)
        self.site = None  # MkDocs may hand this same plugin to the next build in this process: it reads afresh

    def on_build_error(self, *, error: Exception) -> None:
        self.site = None

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # the papers and the hand-kept data beside the bibliography (sources, topics, glossary)
        for path in filter(None, (self.config.papers, self.config.bibliography, self.config.topics)):
            where = self._path(config, path)
            if where.exists():  # the folder of papers itself; a file's folder
                server.watch(str(where if where.is_dir() else where.parent))
        return server

