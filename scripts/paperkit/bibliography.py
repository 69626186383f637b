"""The bibliography: ``footnotes/sources.bib`` read with pybtex and checked, one ``Entry`` per source.

Besides the usual BibTeX fields an entry carries ``symbol`` (a UN document's symbol), ``shortnames`` (the
paper's own names for it), ``match`` (other phrases notes use) and ``group`` (its section of the Sources
page). Every name a note may use is gathered in ``Entry.names``; one name on two entries is an error::

    @manual{a-res-70-1, title = {Transforming our world}, symbol = {A/RES/70/1},
            url = {https://undocs.org/en/A/RES/70/1}, group = {UN documents}, …}
      →  Entry(key="a-res-70-1", symbol="A/RES/70/1", names=("Transforming our world", "A/RES/70/1"), …)

    >>> _bib_text("{COVID-19} \\\\& Drugs")
    'COVID-19 & Drugs'
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from pybtex.database import parse_string
from pybtex.scanner import PybtexError, PybtexSyntaxError

from .datafiles import read_data
from .errors import PaperError
from .text import fold_name


class Group(enum.Enum):
    """The sections of the Sources page, in order; an entry's ``group`` field holds the value."""

    UN_DOCUMENTS = "UN documents"
    CONVENTIONS = "Conventions"
    REPORTS = "Reports and studies"


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    type: str
    """The BibTeX entry type: ``manual``, ``book``, ``misc``…"""
    title: str
    year: str
    url: str
    group: Group
    symbol: str | None
    shortnames: tuple[str, ...]
    """The names the paper itself uses for the source, as written in the bibliography."""
    names: tuple[str, ...]
    """Every name a note may use for the source: title (unless a cataloguer's "[…]"), symbol, short
    names and match phrases (these two without a leading "the", which notes write or leave out)."""
    authors: tuple[str, ...]
    """Persons, "First Last"; empty when an issuing body (``organization``/``institution``) is the author."""
    fields: Mapping[str, str]
    """Every field as plain text (braces and ``\\&`` undone), lower-case names."""
    line: int
    """Line of the entry's ``@type{key,`` in the bibliography."""


@dataclass(frozen=True)
class Bibliography:
    path: str
    entries: tuple[Entry, ...]

    @functools.cached_property
    def _by_key(self) -> dict[str, Entry]:
        return {e.key: e for e in self.entries}

    @functools.cached_property
    def _by_symbol(self) -> dict[str, Entry]:
        return {e.symbol: e for e in reversed(self.entries) if e.symbol}  # the first entry of a symbol wins

    def entry(self, key: str) -> Entry:
        """The entry of a key (``KeyError`` if none); looked up, not searched: a note per call."""
        return self._by_key[key]

    def with_symbol(self, symbol: str) -> Entry | None:
        """The entry of a UN document symbol, or ``None``."""
        return self._by_symbol.get(symbol)

    def grouped(self) -> tuple[tuple[Group, tuple[Entry, ...]], ...]:
        """The entries by group, groups in ``Group`` order, entries in file order; empty groups left out."""
        return tuple((g, es) for g in Group if (es := tuple(e for e in self.entries if e.group is g)))


_REQUIRED = ("title", "year", "url", "group")
_UNDOCS = "https://undocs.org/en/"
# "@manual{a-res-70-1," → the key and its line
_ENTRY_START = re.compile(r"^[ \t]*@\s*(\w+)\s*[{(]\s*([^,\s]+)\s*,", re.MULTILINE)
_NOT_ENTRIES = {"string", "preamble", "comment"}


def load_bibliography(path: str | Path) -> Bibliography:
    """Read and check a BibTeX bibliography; raise ``PaperError(path, line, message)`` on any problem."""
    where = str(path)
    text = read_data(Path(path), "the bibliography",
                     "create it, or point the `paper` plugin's `bibliography:` in mkdocs.yml at the right file")
    starts = _entry_starts(text)
    first_at: dict[str, int] = {}
    for kind, key, line in starts:
        if kind.lower() not in _NOT_ENTRIES and (first := first_at.setdefault(key.lower(), line)) != line:
            raise PaperError(where, line, f"the key {key} is used twice (first at line {first}) — "
                                          "give one of the two entries another key")
    try:
        data = parse_string(text, bib_format="bibtex")
    except PybtexSyntaxError as err:
        raise PaperError(where, err.lineno, f"BibTeX syntax error: {err.args[0] if err.args else err}") from None
    except PybtexError as err:
        raise PaperError(where, None, f"BibTeX error: {err}") from None
    if not data.entries:
        what = "has only comments, no entry" if text.strip() else "is empty"
        raise PaperError(where, None, f"the bibliography {what} — put the sources in it, one BibTeX entry each "
                                      f"(`@book{{key, title = {{…}}, …}}`), or point the `paper` plugin's "
                                      f"`bibliography:` in mkdocs.yml at the right file")
    lines = {key: line for _, key, line in starts}

    entries: list[Entry] = []
    owner: dict[str, str] = {}  # folded name → key, to refuse one name for two entries
    for key, raw in data.entries.items():
        line = lines.get(key)
        fields = {name.lower(): _bib_text(value) for name, value in raw.fields.items()}
        problem = _entry_problem(fields, raw.persons)
        if problem:
            raise PaperError(where, line, f"entry {key}: {problem}")
        symbol = fields.get("symbol") or None
        shortnames = _split(fields.get("shortnames", ""))
        phrases = (_drop_article(n) for n in (*shortnames, *_split(fields.get("match", ""))))
        title = None if re.fullmatch(r"\[.*\]", fields["title"]) else fields["title"]  # "[…]": supplied, not a name
        names = tuple(dict.fromkeys(n for n in (title, symbol, *phrases) if n))
        for name in names:
            folded = fold_name(name)
            if owner.setdefault(folded, key) != key:
                raise PaperError(where, line, f"entry {key}: the name “{name}” is also a name of entry {owner[folded]}"
                                 " — a note using it could mean either; keep it on one entry only")
        entries.append(Entry(
            key=key, type=raw.type, title=fields["title"], year=fields["year"], url=fields["url"],
            group=Group(fields["group"]), symbol=symbol, shortnames=shortnames, names=names,
            authors=tuple(_person(p) for p in raw.persons.get("author", ())),
            fields=MappingProxyType(fields), line=line or 0,
        ))
    return Bibliography(path=where, entries=tuple(entries))


def _entry_starts(text: str) -> list[tuple[str, str, int]]:
    """Each ``@type{key,`` with its line, counted as the text is read (once, not from the start each time)."""
    out, line, at = [], 1, 0
    for m in _ENTRY_START.finditer(text):
        line += text.count("\n", at, m.start())
        at = m.start()
        out.append((m.group(1), m.group(2), line))
    return out


def _entry_problem(fields: Mapping[str, str], persons: Mapping[str, Sequence[object]]) -> str | None:
    """What is wrong with an entry's fields, or ``None``."""
    missing = [f for f in _REQUIRED if not fields.get(f)]
    if missing:
        return f"missing field {', '.join(missing)}"
    if not (persons.get("author") or fields.get("organization") or fields.get("institution")):
        return "needs an author (persons) or an organization/institution (issuing body)"
    if fields["group"] not in {g.value for g in Group}:
        return f"group “{fields['group']}” is not one of {', '.join(g.value for g in Group)}"
    if not fields["url"].startswith("https://"):
        return f"url {fields['url']} is not an https:// address"
    symbol = fields.get("symbol")
    if symbol and fields["url"] != _UNDOCS + symbol:
        return f"a UN document's url is its permanent address {_UNDOCS + symbol}"
    return None


def _bib_text(value: str) -> str:
    """A BibTeX field as plain text: ``{COVID-19} \\& Drugs`` → ``COVID-19 & Drugs``."""
    return " ".join(value.replace("\\&", "&").replace("{", "").replace("}", "").split())


def _person(person: object) -> str:
    parts = ("first_names", "middle_names", "prelast_names", "last_names", "lineage_names")
    return " ".join(n for p in parts for n in getattr(person, p))


def _split(value: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in value.split(";") if s.strip())


def _drop_article(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
