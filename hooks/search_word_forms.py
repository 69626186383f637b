"""Other forms of a word find it: "confiscating" finds "confiscation", and "FATF" finds "Financial Action Task Force".

Material's search adds a wildcard to every word typed ("confiscating*"), and lunr never stems a wildcard term,
so a stemmer in the index (``pipeline: [stemmer]``) would make whole words miss ("laundering*" does not match the
stem "launder"). Instead the index keeps the words as written, and this hook adds to each entry a ``forms``
field (declared in mkdocs.yml under the search plugin's ``fields``) listing the other forms of its words::

    "text": "… the confiscation of proceeds …"   →   "forms": "confiscate confiscated confiscates confiscating …"

Forms are made by swapping common English endings and kept only when the Snowball English stemmer gives them
the word's own stem, so "station" never yields "stating".

An abbreviation is a form of what it stands for: an entry that spells out "Financial Action Task Force" without
saying "FATF" gets "fatf". The abbreviations are read from the glossary (Markdown's ``*[FATF]: Financial Action
Task Force``) that pymdownx.snippets appends to every page (``auto_append`` in mkdocs.yml): one list for the
hover and for search.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import snowballstemmer
from mkdocs.config.defaults import MkDocsConfig

SEARCH_PLUGIN = "material/search"
SNIPPETS = "pymdownx.snippets"
FIELD = "forms"
MIN_LENGTH = 5
"""Shorter words (and abbreviations) are left alone."""
# a word of the index: letters only, "confiscation"
WORD_RE = re.compile(r"[^\W\d_]{%d,}" % MIN_LENGTH)
# inflections only ("-ment", "-ity" would add words nobody types), in families: a word takes the endings of
# the families it already has an ending of, plus the plain ones ("confiscation" → "confiscating")
PLAIN = ("", "e", "s", "es", "ed", "d", "ing")
FAMILIES = (("ion", "ions", "ation", "ations", "ate", "ated", "ates", "ating"), ("y", "ies", "ied"))
ENDINGS = PLAIN + tuple(e for family in FAMILIES for e in family)
STEMMER = snowballstemmer.stemmer("english")
# "*[FATF]: Financial Action Task Force" — Markdown's abbreviation definition
ABBR_RE = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<title>\S.*)$", re.MULTILINE)

glossary: dict[str, re.Pattern[str]] = {}
"""Abbreviation → a pattern for its expansion (whole words, any case); filled from the glossary in on_config."""


@functools.lru_cache(maxsize=None)
def forms(word: str) -> frozenset[str]:
    """Other forms of ``word`` with its stem.

    >>> sorted(f for f in forms("confiscation") if f.startswith("confiscat"))
    ['confiscate', 'confiscated', 'confiscates', 'confiscating', 'confiscations']
    >>> "stating" in forms("station")
    False
    """
    word = word.casefold()
    stem = STEMMER.stemWord(word)
    bases = {word[: len(word) - len(e)] for e in ENDINGS if e and word.endswith(e)}
    endings = PLAIN + tuple(e for family in FAMILIES if word.endswith(family) for e in family)
    candidates = {word + "s"} | {base + e for base in bases if len(base) >= 3 for e in endings}
    return frozenset(c for c in candidates if c != word and STEMMER.stemWord(c) == stem)


def read_glossary(text: str) -> dict[str, re.Pattern[str]]:
    """Abbreviation → its expansion's words (up to a bracket or colon) as a pattern.

    >>> bool(read_glossary("*[FATF]: Financial Action Task Force")["FATF"].search("the financial action task force"))
    True
    """
    found = {}
    for m in ABBR_RE.finditer(text):
        words = m["title"].split("(")[0].split(":")[0].split()
        found[m["abbr"]] = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
    return found


def entry_forms(text: str) -> str:
    """The forms an entry's text lacks: other forms of its words, and abbreviations it spells out."""
    text = re.sub(r"<[^>]+>", " ", text)
    words = {w.casefold() for w in WORD_RE.findall(text)}
    abbreviations = {a.casefold() for a, pattern in glossary.items()
                     if pattern.search(text) and not re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text)}
    return " ".join(sorted({f for w in words for f in forms(w)} - words) + sorted(abbreviations))


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
