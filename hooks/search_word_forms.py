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

import functools
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from paperkit.wordforms import WORD_RE, forms_of

SEARCH_PLUGIN = "material/search"
SNIPPETS = "pymdownx.snippets"
FIELD = "forms"
# "*[FATF]: Financial Action Task Force" — Markdown's abbreviation definition
ABBR_RE = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<title>\S.*)$", re.MULTILINE)

glossary: dict[str, re.Pattern[str]] = {}
"""Abbreviation → a pattern for its expansion (whole words, any case); filled from the glossary in on_config."""


def read_glossary(text: str) -> dict[str, re.Pattern[str]]:
    """Abbreviation → its expansion's words (up to a bracket or colon) as a pattern.

    >>> bool(read_glossary("*[FATF]: Financial Action Task Force")["FATF"].search("the financial action task force"))
    True
    """
    found = {}
    for m in ABBR_RE.finditer(text):
        words = m["title"].split("(")[0].split(":")[0].split()
        if words:
            found[m["abbr"]] = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
    return found


def entry_forms(text: str) -> str:
    """The forms an entry's text lacks: other forms of its words, and abbreviations it spells out."""
    text = re.sub(r"<[^>]+>", " ", text)
    folded = text.casefold()
    words = {w.casefold() for w in WORD_RE.findall(text)}
    abbreviations = {a.casefold() for a, pattern in glossary.items()  # first a quick look for the first word
                     if _first_word(pattern) in folded and pattern.search(text)
                     and not re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text)}
    return " ".join(sorted({f for fs in forms_of(words).values() for f in fs} - words) + sorted(abbreviations))


@functools.lru_cache(maxsize=None)
def _first_word(pattern: re.Pattern[str]) -> str:
    """The expansion's first word, case-folded, as :func:`read_glossary` put it at the start of ``pattern``."""
    return re.sub(r"\\(.)", r"\1", pattern.pattern.removeprefix(r"(?<!\w)").split(r"\s+")[0]).casefold()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    search = config.plugins.get(SEARCH_PLUGIN)
    if search is not None and FIELD not in search.config.fields:
        raise ValueError(f"search_word_forms: add `fields: {{{FIELD}: {{boost: 1}}}}` to the search plugin in mkdocs.yml")
    glossary.clear()
    snippets = config.mdx_configs.get(SNIPPETS, {})
    bases = [Path(config.config_file_path).parent / b for b in snippets.get("base_path", ["."])]
    for name in snippets.get("auto_append", []):
        path = next((b / name for b in bases if (b / name).is_file()), None)
        if path is None:
            raise FileNotFoundError(f"search_word_forms: the glossary {name} is not in {bases}")
        glossary.update(read_glossary(path.read_text(encoding="utf-8")))
    return config


def on_page_context(context, *, page, config: MkDocsConfig, nav):
    search = config.plugins.get(SEARCH_PLUGIN)
    if search is None or not search.config.enabled:
        return context
    for entry in search.search_index.entries:
        if FIELD not in entry:
            entry[FIELD] = entry_forms(f"{entry['title']} {entry['text']}")
    return context
