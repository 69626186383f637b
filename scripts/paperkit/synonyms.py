"""A delegate's own words find the paper's: "guns" finds "firearms", "AML" finds "money-laundering".

The equivalents are data (``footnotes/synonyms.yml``, beside ``mkdocs.yml``): each entry names a term as the paper
writes it and the words a delegate may type for it::

    - paper: firearm
      delegates: [guns, weapons]

A search entry (a section, a discussion question) whose text uses the paper's term gets the delegates' words in
its ``forms`` field (the ``paper-word-forms`` plugin, :mod:`paperkit.search.word_forms`), as other forms of its
words are added there::

    "text": "… trafficking in firearms …"   →   "forms": "… guns weapons"

Once each, whatever the number of uses: repeating a word as often as the entry uses its term (so that it would
weigh as the term does) changed no day found among the first two for the relevance set, and cost 0.4 KB gzip.

A term matches whole words in any case, with a hyphen, dash or space between its words, and an optional plural
ending, as the topics do (``footnotes/topics.yml``): "money-laundering" matches "money laundering" too. A paper
without the term gets nothing from the entry; a project without the file gets no synonyms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from .datafiles import read_yaml
from .errors import PaperError
from .text import first_words, terms_pattern


DATA = Path("footnotes") / "synonyms.yml"
PLUGIN = "paper-word-forms"
"""The synonyms, relative to ``mkdocs.yml``."""
# a word a delegate types, as the search index splits it (mkdocs.yml's separator: hyphens, slashes, brackets …)
TOKEN_RE = re.compile(r"[^\s\-–—,:;!?()\[\]\"“”‘’/.]+")


@dataclass(frozen=True, slots=True)
class Synonym:
    paper: tuple[str, ...]
    """The paper's terms, as it writes them: ("firearm",)."""
    delegates: tuple[str, ...]
    """The words a delegate types for them, as the index keeps them (lower case, one word each): ("guns", …)."""
    pattern: re.Pattern[str]
    """Any of the paper's terms, whole words, any case, any hyphen or space between its words, a plural ending."""
    first_words: frozenset[str]
    """The first word of each of the paper's terms, case-folded: a text holding none cannot match ``pattern``."""


def read_synonyms(path: Path) -> tuple[Synonym, ...]:
    """Read the synonyms; raise :class:`PaperError` naming the entry to fix."""
    data, root = read_yaml(path, "the synonyms file", "create it (`[]` for none), or point the paper-word-forms "
                           "plugin's `synonyms:` in mkdocs.yml at the right file ('' for none)",
                           invalid="the synonyms are not valid YAML")
    if data is None:
        return ()
    if not isinstance(data, list):
        raise PaperError(str(path), 1, "the synonyms must be a YAML list of `- paper: … delegates: […]`")
    synonyms = []
    for entry, node in zip(data, root.value):
        line = node.start_mark.line + 1
        paper = entry.get("paper") if isinstance(entry, dict) else None
        paper = [paper] if isinstance(paper, str) else paper
        delegates = entry.get("delegates") if isinstance(entry, dict) else None
        if not paper or not all(isinstance(t, str) and t.strip() for t in paper):
            raise PaperError(str(path), line, "this entry needs `paper:`, the paper's term (or a list of them)")
        if not delegates or not isinstance(delegates, list) or not all(isinstance(w, str) and w.strip()
                                                                       for w in delegates):
            raise PaperError(str(path), line, f"{paper[0]!r}: `delegates` must be a list of the words delegates type")
        if unknown := set(entry) - {"paper", "delegates"}:
            raise PaperError(str(path), line, f"{paper[0]!r}: unknown key {', '.join(sorted(map(str, unknown)))} — "
                                              "an entry has `paper` and `delegates`")
        words = tuple(dict.fromkeys(t.casefold() for w in delegates for t in TOKEN_RE.findall(w)))
        synonyms.append(Synonym(paper=tuple(paper), delegates=words, pattern=terms_pattern(tuple(paper)),
                                first_words=first_words(tuple(paper))))
    return tuple(synonyms)


def delegate_words(text: str, synonyms: tuple[Synonym, ...]) -> set[str]:
    """The delegates' words for the paper's terms that ``text`` uses.

    >>> s = (Synonym(("firearm",), ("guns",), terms_pattern(("firearm",)), frozenset({"firearm"})),)
    >>> delegate_words("Firearms seizures", s), delegate_words("Drug seizures", s)
    ({'guns'}, set())
    """
    folded = text.casefold()
    return {word for synonym in synonyms
            if any(w in folded for w in synonym.first_words) and synonym.pattern.search(text)
            for word in synonym.delegates}


_loaded: dict[Path, tuple[int, tuple[Synonym, ...]]] = {}
"""Synonyms read so far, by file, with the file's modification time: read again only when it changes."""


def synonyms_for(config: MkDocsConfig) -> tuple[Synonym, ...]:
    """The site's synonyms: the paper-word-forms plugin's ``synonyms:`` (default ``footnotes/synonyms.yml``,
    beside ``mkdocs.yml``; ``''`` for none). A file named there that does not exist stops the build."""
    plugin = (getattr(config, "plugins", None) or {}).get(PLUGIN)
    name = plugin.config.synonyms if plugin is not None and "synonyms" in plugin.config else str(DATA)
    if not name:
        return ()
    path = Path(config.config_file_path).parent / name
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = None  # read_synonyms names the missing file
    if path not in _loaded or _loaded[path][0] != mtime or mtime is None:
        try:
            _loaded[path] = (mtime, read_synonyms(path))
        except PaperError as exc:
            raise PluginError(str(exc)) from None
    return _loaded[path][1]


def with_delegate_words(forms: str, text: str, config: MkDocsConfig) -> str:
    """An entry's ``forms`` field, followed by the delegates' words for the paper's terms in its ``text``
    (those the entry does not already hold)."""
    text = re.sub(r"<[^>]+>", " ", text)  # the words of the entry, not of its markup (an <abbr>'s title)
    words = set(TOKEN_RE.findall(text.casefold())) | set(forms.split())
    extra = sorted(delegate_words(text, synonyms_for(config)) - words)
    return " ".join([forms, *extra]) if extra and forms else forms or " ".join(extra)
