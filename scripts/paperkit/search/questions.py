"""The ``paper-question-search`` plugin: each discussion question is its own search result, linking to its id; and
(option ``paragraphs``, on by default) each paragraph with an id, in place of its section's text (:mod:`.passages`).

Material's search index splits a page only at headings. The paper's question lists are kept out of the index
(:mod:`paperkit.pages.parts` marks them ``data-search-exclude``, so their text does not swell the section's
entry); after the search plugin has indexed a day's page, this plugin adds one entry per question of that day,
made from the model (the ``paper`` plugin's site), not read back out of the HTML::

    Question(letter="b", text="Who should pay …?[^12]")   on 2030/4-march.md
        →  {"location": "2030/4-march/#question-b", "title": "b) Who should pay …?", "text": "4 March 2030: <…>"}

The question's words are the entry's title, which Material weighs most, so a query that a question
answers offers that question first. The title is the text a reader sees: the question's Markdown converted
by Python-Markdown, its note markers left out, escaped again for HTML: Material inserts an entry's title and
text as HTML, as it does for the entries it makes itself.

    >>> reader_text("b) Who pays *what* for [A/RES/70/1](#)?[^12] \\\\$5 &lt;cheap&gt;")
    'b) Who pays what for A/RES/70/1? $5 <cheap>'
"""

from __future__ import annotations

import functools
import html
import re

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..markup import NOTE_MARKER_RE, inline, question_id
from ..model import Day
from ..pages import day as day_page
from .passages import split_sections

SEARCH_PLUGIN = "material/search"
PAPER_PLUGIN = "paper"
# "<em>", "</a>" — any tag of the converted Markdown
TAG_RE = re.compile(r"<[^>]+>")


@functools.lru_cache(maxsize=None)
def reader_text(text: str) -> str:
    """Inline Markdown (as the writers emit it) as the text a reader sees, white space folded. Kept for the
    process: `mkdocs serve` converts a question again only once its text has changed."""
    md = markdown.Markdown(extensions=["pymdownx.escapeall"])  # the site's escapes: "\\$5" shows "$5"
    converted = md.convert(NOTE_MARKER_RE.sub("", text))
    return " ".join(html.unescape(TAG_RE.sub("", converted)).split())


def question_entries(day: Day, url: str) -> list[dict[str, str]]:
    """One search entry per question of the day, for the day's page at ``url`` (``2030/4-march/``); its text
    names the day with its year, so a result says which edition it is from."""
    return [{"location": f"{url}#{question_id(q.letter)}",
             "title": html.escape(reader_text(f"{q.letter}) {inline(q.text)}"), quote=False),
             "text": html.escape(f"{day.date_label}: {day_page.short_title(day)}", quote=False)}
            for q in day.questions]


class QuestionSearchPluginConfig(Config):
    paragraphs = c.Type(bool, default=True)
    """Each paragraph with an id its own entry too, in place of its section's text (:mod:`.passages`)."""


class QuestionSearchPlugin(BasePlugin[QuestionSearchPluginConfig]):
    def __init__(self) -> None:
        self.seen = 0
        """Entries of the index that earlier pages added: a page's own are after them (read only those: reading
        every entry at every page cost O(pages²), 1.1 s of a 10-edition rebuild)."""

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.seen = 0

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        search = config.plugins.get(SEARCH_PLUGIN)
        if search is None or not search.config.enabled:
            return context
        entries = search.search_index.entries
        self.seen = min(self.seen, len(entries))  # a new index (another build)
        if (page.meta.get("search") or {}).get("exclude"):
            self.seen = len(entries)
            return context
        if self.config.paragraphs and page.content:
            entries[self.seen:] = split_sections(entries[self.seen:], page.url, page.content)
        paper_plugin = config.plugins.get(PAPER_PLUGIN)
        site = getattr(paper_plugin, "site", None)
        if site is None:
            raise PluginError("paper-question-search: the `paper` plugin must be listed in mkdocs.yml, before it")
        day = next((d for e in site.editions for d in e.paper.days if e.path(d.page) == page.file.src_uri), None)
        if day is not None:
            entries = question_entries(day, page.url)
            if boost := (page.meta.get("search") or {}).get("boost"):  # an older edition's: as its page's
                entries = [{**e, "boost": boost} for e in entries]
            search.search_index.entries.extend(entries)
        self.seen = len(search.search_index.entries)
        return context
