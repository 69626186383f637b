"""The ``paper`` MkDocs plugin: runs the pipeline inside every ``mkdocs build`` and ``mkdocs serve``.

    plugins:
      - paper:
          paper: paper/background-paper.md

``on_config`` reads the paper and writes the pages in memory (an error in the paper stops the build with
its line); ``on_files`` adds them as generated files; ``on_serve`` watches the paper so that editing it
rebuilds the site. Nothing is written into ``docs/``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import pipeline
from .errors import PaperError


class PaperPluginConfig(Config):
    paper = c.Type(str, default="paper/background-paper.md")
    """The paper's Markdown, relative to ``mkdocs.yml``."""
    bibliography = c.Type(str, default="footnotes/sources.bib")
    """The shared bibliography (BibTeX), relative to ``mkdocs.yml``."""
    topics = c.Type(str, default="footnotes/topics.yml")
    """The topic list (YAML), relative to ``mkdocs.yml``; no Topics page when the file does not exist."""
    set_site_name = c.Type(bool, default=True)
    """Take ``site_name`` and ``site_description`` from the paper's title block."""


class PaperPlugin(BasePlugin[PaperPluginConfig]):
    def __init__(self) -> None:
        self.site: pipeline.Site | None = None

    def _path(self, config: MkDocsConfig, value: str) -> Path:
        return Path(config.config_file_path).parent / value

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            # a site handed over by the offline copy's second build (paper-offline) is reused, not re-read
            self.site = self.site or pipeline.build_site(self._path(config, self.config.paper),
                                                         bibliography=self._path(config, self.config.bibliography),
                                                         topic_list=self._path(config, self.config.topics))
        except PaperError as exc:
            raise PluginError(str(exc)) from None
        if self.config.set_site_name:
            config.site_name = self.site.site_name
            config.site_description = config.site_description or self.site.description
        config.extra["paper"] = self.site.paper.title  # templates: the print header's title and dates
        if not config.nav:
            config.nav = list(self.site.nav)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        for path, markdown in self.site.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, path, content=markdown))
        return files

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # the paper and the hand-kept data beside the bibliography (sources, topics, glossary)
        for path in (self.config.paper, self.config.bibliography, self.config.topics):
            if self._path(config, path).exists():
                server.watch(str(self._path(config, path).parent))
        return server
