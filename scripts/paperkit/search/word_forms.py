"""The ``paper-word-forms`` plugin: other forms of a word find it — "confiscating" finds "confiscation", and
"FATF" finds "Financial Action Task Force".

Material's search adds a wildcard to every word typed ("confiscating*"), and lunr never stems a wildcard term,
so a stemmer in the index (``pipeline: [stemmer]``) would make whole words miss ("laundering*" does not match the
stem "launder"). Instead the index keeps the words as written, and this plugin adds to each entry a ``forms``
field (declared in mkdocs.yml under the search plugin's ``fields``) listing what the entry's text lacks::

    "text": "… the confiscation of proceeds …"   →   "forms": "confiscate confiscated confiscates confiscating …"

- other forms of its words (:mod:`paperkit.inflections`: common English endings swapped, kept only when the
  Snowball stemmer gives them the word's own stem, so "station" never yields "stating");
- the abbreviations it spells out: an entry that says "Financial Action Task Force" without "FATF" gets "fatf".
  They are read from the glossary (Markdown's ``*[FATF]: Financial Action Task Force``) that pymdownx.snippets
  appends to every page (``auto_append`` in mkdocs.yml): one list for the hover and for search.

Each kind is one function of an entry's text (``other_forms``, ``abbreviations``) joined in ``entry_forms``;
another kind of form is one more call there.

A result found by such a word sends the reader to a page that does not hold it: the page is opened with the words
typed (Material's ``?h=guns``), and ``docs/assets/javascripts/search-lands.js`` looks for the passage to show. So the
plugin also writes ``search/words.json`` beside the index: each abbreviation and delegate's word → the paper's words
for it (``{"guns": ["firearm"], "fatf": ["financial action task force"]}``), fetched only by a page opened from a
result (:func:`paper_words`).

    >>> glossary = read_glossary("*[FATF]: Financial Action Task Force")
    >>> entry_forms("The financial action task force confiscation", glossary).split()[-1]
    'fatf'
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ..datafiles import read_data
from ..errors import PaperError
from ..inflections import WORD_RE, forms_of
from ..snippets import appended_files
from ..synonyms import DATA, synonyms_for, with_delegate_words

SEARCH_PLUGIN = "material/search"
FIELD = "forms"
# "*[FATF]: Financial Action Task Force" — Markdown's abbreviation definition
ABBR_RE = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<title>\S.*)$", re.MULTILINE)


class Expansion(NamedTuple):
    first: str
    """Its first word, case-folded: a text without it cannot match ``pattern``."""
    pattern: re.Pattern[str]
    """Its words, whole, any case, any white space between them."""
    words: str = ""
    """Its words, case-folded, one space between them: "financial action task force"."""


Glossary = Mapping[str, Expansion]
"""Abbreviation → what it stands for."""


def read_glossary(text: str) -> dict[str, Expansion]:
    """Abbreviation → its expansion's words (up to a bracket or colon).

    >>> bool(read_glossary("*[FATF]: Financial Action Task Force")["FATF"].pattern.search("the financial action task force"))
    True
    """
    found = {}
    for m in ABBR_RE.finditer(text):
        words = m["title"].split("(")[0].split(":")[0].split()
        if words:
            pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
            found[m["abbr"]] = Expansion(words[0].casefold(), pattern, " ".join(words).casefold())
    return found


WORDS_FILE = "search/words.json"
"""Beside the search index: what a typed word stands for in the paper (search-lands.js reads it)."""


def paper_words(glossary: Glossary, synonyms) -> dict[str, list[str]]:
    """Each abbreviation of the glossary and each delegate's word (case-folded) → the paper's words for it.

    >>> from paperkit.synonyms import Synonym
    >>> paper_words(read_glossary("*[FATF]: Financial Action Task Force (FATF)"),
    ...             [Synonym(("firearm", "arms"), ("guns",), None, frozenset())])
    {'fatf': ['financial action task force'], 'guns': ['firearm', 'arms']}
    """
    found: dict[str, list[str]] = {}
    for abbr, expansion in glossary.items():
        found.setdefault(abbr.casefold(), []).append(expansion.words)
    for synonym in synonyms:
        for word in synonym.delegates:
            found.setdefault(word, []).extend(" ".join(t.casefold().split()) for t in synonym.paper)
    return {word: list(dict.fromkeys(terms)) for word, terms in found.items()}


def other_forms(words: set[str]) -> list[str]:
    """Other forms of the (case-folded) words, those already there left out, sorted."""
    return sorted({f for fs in forms_of(words).values() for f in fs} - words)


def abbreviations(text: str, glossary: Glossary) -> list[str]:
    """The abbreviations (case-folded, sorted) whose expansion the text spells out without the abbreviation."""
    folded = text.casefold()
    return sorted({a.casefold() for a, (first, pattern, _) in glossary.items()  # a quick look for the first word
                   if first in folded and pattern.search(text)
                   and not re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text)})


def entry_forms(text: str, glossary: Glossary) -> str:
    """The forms an entry's text lacks: other forms of its words, then abbreviations it spells out."""
    text = re.sub(r"<[^>]+>", " ", text)
    words = {w.casefold() for w in WORD_RE.findall(text)}
    return " ".join(other_forms(words) + abbreviations(text, glossary))


def check_glossary(text: str, path: str) -> None:
    """Every line of the glossary is blank, inside an HTML comment, or one abbreviation; else :class:`PaperError`
    naming the line (Markdown would silently show it as a paragraph at the foot of every page, and drop the
    abbreviation).

    >>> check_glossary("<!-- notes -->\\n*[FATF]: Financial Action Task Force\\n\\n*[CND] Commission", "g.md")
    Traceback (most recent call last):
    ...
    paperkit.errors.PaperError: g.md:4: this line is not an abbreviation — write it as `*[CND]: what it stands for`
    """
    in_comment = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if in_comment or stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            continue
        if stripped and not ABBR_RE.fullmatch(stripped):
            name = m[1] if (m := re.match(r"^\*?\[([^\]]+)\]", stripped)) else "ABBR"
            raise PaperError(path, number, f"this line is not an abbreviation — write it as `*[{name}]: what it stands for`")


class WordFormsPluginConfig(Config):
    synonyms = c.Type(str, default=str(DATA))
    """The delegates' words for the paper's terms (YAML), relative to ``mkdocs.yml``; ``''`` for none."""


class WordFormsPlugin(BasePlugin[WordFormsPluginConfig]):
    def __init__(self) -> None:
        self.glossary: dict[str, Expansion] = {}
        self.seen = 0
        """Entries of the index already given their forms (the earlier pages')."""
        self.known: dict[str, str] = {}
        """Each entry text's forms, kept while the glossary and the synonyms stay the same: `mkdocs serve`'s
        rebuild finds the forms of only the entries that changed (10 editions: 1.7 s of each rebuild before)."""
        self.known_for: tuple = ()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        search = config.plugins.get(SEARCH_PLUGIN)
        if search is not None and FIELD not in search.config.fields:
            raise PluginError(f"paper-word-forms: add `fields: {{{FIELD}: {{boost: 1}}}}` to the search plugin in mkdocs.yml")
        self.glossary = {}
        try:
            for path in appended_files(config):
                text = read_data(path, "the glossary", "create it, or fix `auto_append` in mkdocs.yml")
                check_glossary(text, str(path))
                self.glossary.update(read_glossary(text))
        except PaperError as exc:
            raise PluginError(str(exc)) from None
        words = synonyms_for(config)  # a missing or bad synonyms file stops the build now, not at the first page
        if self.known_for != (self.glossary, words):
            self.known, self.known_for = {}, (dict(self.glossary), words)
        self.seen = 0
        return config

    def on_page_context(self, context, *, page, config: MkDocsConfig, nav):
        search = config.plugins.get(SEARCH_PLUGIN)
        if search is None or not search.config.enabled:
            return context
        self._fill(search.search_index.entries, config)
        return context

    def _fill(self, entries: list[dict], config: MkDocsConfig, start: int | None = None) -> None:
        """Give the entries added since the last call their forms."""
        for entry in entries[min(self.seen, len(entries)) if start is None else start:]:
            if FIELD not in entry:
                text = f"{entry['title']} {entry['text']}"
                if text not in self.known:
                    self.known[text] = with_delegate_words(entry_forms(text, self.glossary), text, config)
                entry[FIELD] = self.known[text]
        self.seen = len(entries)

    @event_priority(100)  # before Material's search writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        search = config.plugins.get(SEARCH_PLUGIN)
        if search is None or not search.config.enabled:
            return
        if (index := getattr(search, "search_index", None)) is not None:
            self._fill(index.entries, config, start=0)  # any entries a plugin listed after this one added
        path = Path(config.site_dir) / WORDS_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        words = paper_words(self.glossary, synonyms_for(config))
        path.write_text(json.dumps(words, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
