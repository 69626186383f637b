"""The ``paper-unchanged-pages`` plugin: ``mkdocs serve --dirty`` rebuilds only the pages a save has changed.

MkDocs' ``--dirty`` skips a page whose source file is older than its HTML, but every page here is generated in
memory (``File.generated``), and MkDocs counts such a page as changed on every rebuild: with ten editions, a save
of one paper rendered all 245 pages again, Material's search read every one, and the reload took 2 s (README,
Benchmarks: Editions). This plugin tells MkDocs which pages are the same as at the last rebuild, through the
method ``--dirty`` asks (``File.is_modified``), so that MkDocs neither renders nor writes them: their HTML from the
last rebuild stays in the served folder.

A page counts as unchanged only while everything that shapes its HTML is: its own Markdown (or file), and what
every page shares — the config file and the settings the plugins set in it (the navigation, whose titles and
addresses every page prints, the site's name), the theme's overrides, the snippets appended to every page (the
glossary), and the set of files (links between pages). Anything else changed renders every page. (A change to
the project's Python — plugins, hooks — needs a new ``mkdocs serve`` in any case: MkDocs does not reload them.)

What a page that is not rendered again would have given the others is given back from the last rebuild: its
Markdown, front matter, HTML, table of contents and anchors (for the pages around it and the plugins that read
them), and its entries in Material's search index, in the pages' order, as a full build lists them (Material's
own answer to ``--dirty``, merging a rebuild's entries with the last ones, assumes a single page was rebuilt).
A page that is no longer in the site has its HTML removed. ``mkdocs build``, and ``mkdocs serve`` without
``--dirty`` (``scripts/dev.py serve`` passes it), render every page as before; so does any rebuild after a failed one.

A page that is rendered again (under any ``mkdocs serve``) but whose Markdown, as every plugin left it, is the same
as at the last rebuild is not converted again: its HTML is reused while the config file, the snippets appended to
every page and the set of files (links between pages) are unchanged too — when only the navigation changed, say.
``mkdocs build`` always converts every page.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .snippets import shared_stamps, stamp

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

SEARCH_PLUGIN = "material/search"


class _Unchanged(File):
    """A generated page whose HTML from the last rebuild still stands: ``--dirty`` neither renders nor writes it."""

    def is_modified(self) -> bool:
        return False


@dataclass(frozen=True)
class _Converted:
    """A page's Markdown converted at the last rebuild."""
    key: str
    content: str
    toc: object
    present_anchor_ids: set[str] | None
    title: str | None


@dataclass
class _Kept:
    """A page as the last rebuild left it."""
    key: str
    markdown: str | None
    meta: dict
    content: str | None
    toc: object
    present_anchor_ids: set[str] | None
    title: str | None
    dest: str
    entries: list[dict] = field(default_factory=list)
    """Its entries in Material's search index."""


class UnchangedPagesPlugin(BasePlugin):
    def __init__(self) -> None:
        self.serving = False
        self.active = False
        """Serving with ``--dirty``: pages may be left as they are."""
        self.converted: dict[str, _Converted] = {}
        """Under ``mkdocs serve``: each page's HTML as converted at the last rebuild, by source path."""
        self.reused: dict[str, _Converted] = {}
        """Pages of this rebuild whose conversion is the last one's."""
        self.markdown_keys: dict[str, str] = {}
        self.surroundings = ""
        """What shapes every page's conversion besides its Markdown, at this rebuild (:func:`_surroundings`)."""
        self.kept: dict[str, _Kept] = {}
        """Under ``mkdocs serve --dirty``: each page of the last rebuild, by source path."""
        self.keys: dict[str, str] = {}
        self.unchanged: set[str] = set()
        self.entries: dict[str, list[dict]] = {}
        """This rebuild's search entries, by the page that added them."""
        self.seen = 0
        self.files: Files | None = None
        self.order: list[str] = []
        """Every page's source path, in the order MkDocs renders them (and lists them in the search index)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # (MkDocs keeps a plugin that has on_startup for every rebuild of `mkdocs serve`)
        self.serving = command == "serve"
        self.active = self.serving and dirty

    @event_priority(-1000)  # last: the files as every plugin left them (the `paper` plugin adds the pages)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.keys, self.unchanged, self.entries, self.seen, self.files = {}, set(), {}, 0, files
        if self.serving:
            self.surroundings = _surroundings(config, files)
        if not self.active:
            return files
        self.order = [f.src_uri for f in files.documentation_pages()]
        shared = _shared(config, files)
        for file in list(files.documentation_pages()):
            if file.generated_by is None:
                continue  # a page of docs/: MkDocs' own --dirty judges it by its file's time
            key = _digest(shared, file.content_string)
            self.keys[file.src_uri] = key
            last = self.kept.get(file.src_uri)
            if last is not None and last.key == key and Path(file.abs_dest_path).is_file():
                file.__class__ = _Unchanged  # the same file, in the same place among the files; only is_modified
                self.unchanged.add(file.src_uri)
        if self.kept:
            log.info("paper-unchanged-pages: %d of %d pages to render again, the others as at the last rebuild",
                     len(self.keys) - len(self.unchanged), len(self.keys))
        return files

    @event_priority(1000)  # first: every plugin's on_env, and every page rendered now, sees the kept pages whole
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        for uri in self.unchanged:
            page, last = files.get_file_from_path(uri).page, self.kept[uri]
            assert page is not None
            page.markdown, page.meta, page.content = last.markdown, dict(last.meta), last.content
            page.toc, page.present_anchor_ids = last.toc, last.present_anchor_ids  # type: ignore[assignment]
            page._title_from_render = last.title
        return env

    @event_priority(-1000)  # last: the Markdown as every plugin left it
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.serving:
            return markdown
        key = _digest(self.surroundings, markdown)
        self.markdown_keys[page.file.src_uri] = key
        last = self.converted.get(page.file.src_uri)
        if last is None or last.key != key:
            return markdown
        self.reused[page.file.src_uri] = last
        return ""  # converted in no time; on_page_content puts the last HTML back

    @event_priority(1000)  # first: every other plugin sees the page as if converted now
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.serving:
            return html
        uri = page.file.src_uri
        if (last := self.reused.pop(uri, None)) is not None:
            page.toc, page.present_anchor_ids = last.toc, last.present_anchor_ids  # type: ignore[assignment]
            page._title_from_render = last.title
            return last.content
        if uri in self.markdown_keys:
            self.converted[uri] = _Converted(self.markdown_keys[uri], html, page.toc, page.present_anchor_ids,
                                             getattr(page, "_title_from_render", None))
        return html

    @event_priority(-1000)  # last: the entries every search plugin has added for this page
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        if self.active and (index := _search_index(config)) is not None:
            self.seen = min(self.seen, len(index.entries))
            self.entries[page.file.src_uri] = index.entries[self.seen:]
            self.seen = len(index.entries)
        return context

    @event_priority(200)  # before the search plugins complete and write the index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.active:
            return
        index = _search_index(config)
        if index is not None:
            if self.unchanged:
                index.entries[:] = [e for uri in self.order for e in
                                    (self.kept[uri].entries if uri in self.unchanged else self.entries.get(uri, []))]
            config.plugins[SEARCH_PLUGIN].search_index_prev = None  # no merging with the last one: this one is whole
        self._keep(config)

    def _keep(self, config: MkDocsConfig) -> None:
        assert self.files is not None
        dests = {f.abs_dest_path for f in self.files}
        for gone in set(self.kept) - set(self.keys):  # a page no longer in the site: its HTML goes too
            if self.kept[gone].dest not in dests:
                Path(self.kept[gone].dest).unlink(missing_ok=True)
        kept = {}
        for uri, key in self.keys.items():
            if uri in self.unchanged:
                kept[uri] = self.kept[uri]
            elif (page := self.files.get_file_from_path(uri).page) is not None and page.content is not None:
                kept[uri] = _Kept(key, page.markdown, dict(page.meta), page.content, page.toc,
                                  page.present_anchor_ids, page._title_from_render, page.file.abs_dest_path,
                                  self.entries.get(uri, []))
        self.kept = kept

    def on_build_error(self, *, error: Exception) -> None:
        self.kept = {}  # the next rebuild renders every page


def _search_index(config: MkDocsConfig):
    search = config.plugins.get(SEARCH_PLUGIN)
    if search is None or not search.config.enabled:
        return None
    return getattr(search, "search_index", None)


def _surroundings(config: MkDocsConfig, files: Files) -> str:
    """What shapes a page's converted Markdown besides the Markdown: the config file, the snippets appended to
    every page (the glossary), the pages and files that links may point at."""
    return "\n".join([*shared_stamps(config), *sorted(f.src_uri for f in files)])


def _shared(config: MkDocsConfig, files: Files) -> str:
    """What shapes every page's HTML besides its own Markdown."""
    parts = shared_stamps(config)
    parts += [repr(config.get(name)) for name in ("nav", "site_name", "site_description", "site_url", "extra",
                                                  "extra_css", "extra_javascript", "markdown_extensions")]
    if config.theme.custom_dir:
        parts += [stamp(p) for p in sorted(Path(config.theme.custom_dir).rglob("*")) if p.is_file()]
    parts += sorted(f.src_uri if f.generated_by is not None or f.abs_src_path is None
                    else f"{f.src_uri} {stamp(Path(f.abs_src_path))}" for f in files)
    return "\n".join(parts)


def _digest(shared: str, content: str) -> str:
    return hashlib.sha256(f"{shared}\0{content}".encode()).hexdigest()
