"""Other forms of a word find it: "confiscating" finds "confiscation", and "FATF" finds "Financial Action Task Force".

Material's search adds a wildcard to every word typed ("confiscating*"), and lunr never stems a wildcard term,
so a stemmer in the index (``pipeline: [stemmer]``) would make whole words miss ("laundering*" does not match the
stem "launder"). Instead the index keeps the words as written, and this hook adds to each entry a ``forms``
field (declared in mkdocs.yml under the search plugin's ``fields``) listing the other forms of its words::

    "text": "… the confiscation of proceeds …"   →   "forms": "confiscate confiscated confiscates confiscating …"

The forms come from ``paperkit.wordforms`` (common English endings swapped, kept only when the Snowball stemmer
gives them the word's own stem, so "station" never yields "stating").

An abbreviation is a form of what it stands for: an entry that spells out "Financial Action Task Force" without
saying "FATF" gets "fatf". The abbreviations are read from the glossary (Markdown's ``*[FATF]: Financial Action
Task Force``) that pymdownx.snippets appends to every page (``auto_append`` in mkdocs.yml): one list for the
hover and for search.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from paperkit.mkdocs_plugin import appended_snippets
from paperkit.synonyms import with_delegate_words
from paperkit.wordforms import WORD_RE, forms_of

SEARCH_PLUGIN = "material/search"
FIELD = "forms"
# "*[FATF]: Financial Action Task Force" — Markdown's abbreviation definition
ABBR_RE = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<title>\S.*)$", re.MULTILINE)

class Expansion(NamedTuple):
    first: str
    """Its first word, case-folded: a text without it cannot match ``pattern``."""
    pattern: re.Pattern[str]
    """Its words, whole, any case, any white space between them."""


glossary: dict[str, Expansion] = {}
"""Abbreviation → what it stands for; filled from the glossary in on_config."""


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


def entry_forms(text: str) -> str:
    """The forms an entry's text lacks: other forms of its words, and abbreviations it spells out."""
    text = re.sub(r"<[^>]+>", " ", text)
    folded = text.casefold()
    words = {w.casefold() for w in WORD_RE.findall(text)}
    abbreviations = {a.casefold() for a, (first, pattern) in glossary.items()  # a quick look for the first word
                     if first in folded and pattern.search(text)
                     and not re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text)}
    return " ".join(sorted({f for fs in forms_of(words).values() for f in fs} - words) + sorted(abbreviations))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    search = config.plugins.get(SEARCH_PLUGIN)
    if search is not None and FIELD not in search.config.fields:
        raise ValueError(f"search_word_forms: add `fields: {{{FIELD}: {{boost: 1}}}}` to the search plugin in mkdocs.yml")
    glossary.clear()
    for name, path in appended_snippets(config):
        if path is None:
            raise FileNotFoundError(f"search_word_forms: the glossary {name} is in no `base_path` of pymdownx.snippets")
        glossary.update(read_glossary(path.read_text(encoding="utf-8")))
    return config


def on_page_context(context, *, page, config: MkDocsConfig, nav):
    search = config.plugins.get(SEARCH_PLUGIN)
    if search is None or not search.config.enabled:
        return context
    for entry in search.search_index.entries:
        if FIELD not in entry:
            entry[FIELD] = with_delegate_words(entry_forms(text := f"{entry['title']} {entry['text']}"), text, config)
    return context
