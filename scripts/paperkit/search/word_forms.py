"""The ``paper-word-forms`` plugin: other forms of a word find it — "confiscating" finds "confiscation", and
"FATF" finds "Financial Action Task Force".

Material's search adds a wildcard to every word typed ("confiscating*"), and lunr never stems a wildcard term,
so a stemmer in the index (``pipeline: [stemmer]``) would make whole words miss ("laundering*" does not match the
stem "launder"). Instead the index keeps the words as written, and this plugin adds to each entry a ``forms``
field (declared in mkdocs.yml under the search plugin's ``fields``) listing what the entry's text lacks::

    "text": "… the confiscation of proceeds …"   →   "forms": "confiscate confiscated confiscates confiscating …"

- other forms of its words (:mod:`paperkit.wordforms`: common English endings swapped, kept only when the
  Snowball stemmer gives them the word's own stem, so "station" never yields "stating");
- the abbreviations it spells out: an entry that says "Financial Action Task Force" without "FATF" gets "fatf".
  They are read from the glossary (Markdown's ``*[FATF]: Financial Action Task Force``) that pymdownx.snippets
  appends to every page (``auto_append`` in mkdocs.yml): one list for the hover and for search.

Each kind is one function of an entry's text (``other_forms``, ``abbreviations``) joined in ``entry_forms``;
another kind of form is one more call there.

    >>> glossary = read_glossary("*[FATF]: Financial Action Task Force")
    >>> entry_forms("The financial action task force confiscation", glossary).split()[-1]
    'fatf'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from ..snippets import appended_snippets
from ..synonyms import with_delegate_words
from ..wordforms import WORD_RE, forms_of

SEARCH_PLUGIN = "material/search"
FIELD = "forms"
# "*[FATF]: Financial Action Task Force" — Markdown's abbreviation definition
ABBR_RE = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<title>\S.*)$", re.MULTILINE)


class Expansion(NamedTuple):
    first: str
    """Its first word, case-folded: a text without it cannot match ``pattern``."""
    pattern: re.Pattern[str]
    """Its words, whole, any case, any white space between them."""


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
            found[m["abbr"]] = Expansion(words[0].casefold(), pattern)
    return found


def other_forms(words: set[str]) -> list[str]:
    """Other forms of the (case-folded) words, those already there left out, sorted."""
    return sorted({f for fs in forms_of(words).values() for f in fs} - words)


def abbreviations(text: str, glossary: Glossary) -> list[str]:
    """The abbreviations (case-folded, sorted) whose expansion the text spells out without the abbreviation."""
    folded = text.casefold()
    return sorted({a.casefold() for a, (first, pattern) in glossary.items()  # a quick look for the first word
                   if first in folded and pattern.search(text)
                   and not re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text)})


def entry_forms(text: str, glossary: Glossary) -> str:
    """The forms an entry's text lacks: other forms of its words, then abbreviations it spells out."""
    text = re.sub(r"<[^>]+>", " ", text)
    words = {w.casefold() for w in WORD_RE.findall(text)}
    return " ".join(other_forms(words) + abbreviations(text, glossary))


class WordFormsPlugin(BasePlugin):
    def __init__(self) -> None:
        self.glossary: dict[str, Expansion] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        search = config.plugins.get(SEARCH_PLUGIN)
        if search is not None and FIELD not in search.config.fields:
            raise PluginError(f"paper-word-forms: add `fields: {{{FIELD}: {{boost: 1}}}}` to the search plugin in mkdocs.yml")
        self.glossary = {}
        for name, path in appended_snippets(config):
            if path is None:
                raise PluginError(f"paper-word-forms: the glossary {name} is in no `base_path` of pymdownx.snippets")
            self.glossary.update(read_glossary(path.read_text(encoding="utf-8")))
        return config

    def on_page_context(self, context, *, page, config: MkDocsConfig, nav):
        search = config.plugins.get(SEARCH_PLUGIN)
        if search is None or not search.config.enabled:
            return context
        for entry in search.search_index.entries:
            if FIELD not in entry:
                text = f"{entry['title']} {entry['text']}"
                entry[FIELD] = with_delegate_words(entry_forms(text, self.glossary), text, config)
        return context
