"""The bibliography as files a reference manager imports: BibTeX, CSL-JSON and RIS.

Written at build time from the checked bibliography (``footnotes/sources.bib`` as loaded by
:mod:`paperkit.resolve`), so the files always say what the Sources page says. Each entry keeps its key, its
UN document symbol (as the report number) and its address; the project's own fields (``shortnames``,
``match``, ``group``) stay out::

    @manual{a-res-70-1, title = {Transforming Our World}, symbol = {A/RES/70/1}, url = {https://…}, …}
      →  sources.bib   @manual{a-res-70-1, title = {{Transforming Our World}}, number = {A/RES/70/1}, …
         sources.json  [{"id": "a-res-70-1", "type": "report", "title": "Transforming Our World",
                         "number": "A/RES/70/1", "URL": "https://…", …}]
         sources.ris   TY  - RPRT / TI  - Transforming Our World / SN  - A/RES/70/1 / UR  - https://… / ER  -

    >>> _latex("Crime & Drugs: 5% of $")
    'Crime \\\\& Drugs: 5\\\\% of \\\\$'
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable

from pybtex.database import Person

from .bibliography import Bibliography, Entry
from .text import MONTHS

FILES = {"bibtex": "sources.bib", "csl-json": "sources.json", "ris": "sources.ris"}
"""Each format's file name, beside the Sources page."""
MEDIA_TYPES = {"bibtex": "application/x-bibtex", "csl-json": "application/vnd.citationstyles.csl+json",
               "ris": "application/x-research-info-systems"}
"""Each format's media type, as a link to it says (``type``)."""

# fields the project keeps for itself (matching notes, grouping the Sources page): never exported
_PRIVATE = frozenset({"shortnames", "match", "group", "symbol"})
# standard BibTeX fields, in the order they are written; the symbol is written as the report number
_BIBTEX_ORDER = ("title", "organization", "institution", "journal", "series", "volume", "number", "pages",
                 "publisher", "address", "year", "month", "type", "howpublished", "url", "note")
# "Crime & Drugs" → "Crime \& Drugs": the characters LaTeX reads as commands
_LATEX_SPECIAL = re.compile(r"([\\{}&%$#_~^])")
_LATEX_ESCAPE = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}

_CSL_TYPE = {"manual": "report", "techreport": "report", "book": "book", "article": "article-journal",
             "misc": "document", "incollection": "chapter", "inproceedings": "paper-conference"}
_RIS_TYPE = {"manual": "RPRT", "techreport": "RPRT", "book": "BOOK", "article": "JOUR", "misc": "GEN",
             "incollection": "CHAP", "inproceedings": "CPAPER"}


def write_files(bib: Bibliography) -> dict[str, str]:
    """Every export, keyed by its file name."""
    writers: dict[str, Callable[[Iterable[Entry]], str]] = {"bibtex": bibtex, "csl-json": csl_json, "ris": ris}
    return {FILES[name]: write(bib.entries) for name, write in writers.items()}


# ---------------------------------------------------------------- BibTeX


def bibtex(entries: Iterable[Entry]) -> str:
    """The entries as BibTeX: standard fields only, text escaped for LaTeX, titles' case kept (``{{…}}``)."""
    return "\n".join(_bibtex_entry(e) for e in entries)


def _bibtex_entry(entry: Entry) -> str:
    fields = _standard_fields(entry)
    lines = [f"@{entry.type}{{{entry.key},"]
    if entry.authors:
        lines.append(f"  author = {{{' and '.join(_latex(a) for a in entry.authors)}}},")
    for name, value in fields.items():
        if name == "url":
            text = value.replace("{", "%7B").replace("}", "%7D")  # an address is written as it is
        elif name == "title":
            text = "{" + _latex(value) + "}"  # double braces: styles keep the title's own capitals
        else:
            text = _latex(value)
        lines.append(f"  {name} = {{{text}}},")
    return "\n".join(lines) + "\n}\n"


def _standard_fields(entry: Entry) -> dict[str, str]:
    fields = {k: v for k, v in entry.fields.items() if k not in _PRIVATE and v}
    if entry.symbol:
        fields["number"] = entry.symbol  # a UN document's symbol is its number (Zotero: report number)
    ordered = {k: fields[k] for k in _BIBTEX_ORDER if k in fields}
    ordered.update((k, v) for k, v in sorted(fields.items()) if k not in ordered and k != "author")
    return ordered


def _latex(text: str) -> str:
    return _LATEX_SPECIAL.sub(lambda m: _LATEX_ESCAPE.get(m.group(1), "\\" + m.group(1)), text)


# ---------------------------------------------------------------- CSL-JSON


def csl_json(entries: Iterable[Entry]) -> str:
    """The entries as CSL-JSON (what Zotero, Mendeley and citation processors read)."""
    return json.dumps([_csl_item(e) for e in entries], ensure_ascii=False, indent=1) + "\n"


def _csl_item(entry: Entry) -> dict[str, object]:
    f = entry.fields
    item: dict[str, object] = {"id": entry.key, "type": _CSL_TYPE.get(entry.type, "document"), "title": entry.title}
    body = f.get("organization") or f.get("institution")
    if entry.authors:
        item["author"] = [_csl_name(a) for a in entry.authors]
    elif body:
        item["author"] = [{"literal": body}]
    date = [int(entry.year)] if entry.year.isdigit() else []
    if date and f.get("month", "").capitalize() in MONTHS:
        date.append(MONTHS.index(f["month"].capitalize()) + 1)
    item["issued"] = {"date-parts": [date]} if date else {"literal": entry.year}
    mapped = {"publisher": f.get("publisher") or (body if entry.authors else None),
              "publisher-place": f.get("address"), "container-title": f.get("journal"),
              "collection-title": f.get("series"), "volume": f.get("volume"),
              "issue": f.get("number") if f.get("journal") else None, "page": f.get("pages"),
              "number": entry.symbol or (None if f.get("journal") else f.get("number")),
              "URL": entry.url, "note": f.get("note")}
    item.update((k, v) for k, v in mapped.items() if v)
    return item


def _csl_name(name: str) -> dict[str, str]:
    """``"John van Roe"`` → ``{"family": "Roe", "given": "John", "non-dropping-particle": "van"}``
    (BibTeX's own reading of a name, by pybtex)."""
    person = Person(name)
    parts = {"family": " ".join(person.last_names), "given": " ".join(person.first_names + person.middle_names),
             "non-dropping-particle": " ".join(person.prelast_names), "suffix": " ".join(person.lineage_names)}
    return {k: v for k, v in parts.items() if v} if parts["family"] else {"literal": name}


# ---------------------------------------------------------------- RIS


def ris(entries: Iterable[Entry]) -> str:
    """The entries as RIS (EndNote, Zotero, Mendeley), one record per entry, CRLF line ends as the format has."""
    return "".join(_ris_record(e) for e in entries)


def _ris_record(entry: Entry) -> str:
    f = entry.fields
    tags: list[tuple[str, str | None]] = [("TY", _RIS_TYPE.get(entry.type, "GEN")), ("ID", entry.key),
                                          ("TI", entry.title)]
    body = f.get("organization") or f.get("institution")
    tags += [("AU", a) for a in entry.authors] or [("AU", body)]
    tags += [("T2", f.get("journal") or f.get("series")), ("VL", f.get("volume")),
             ("IS", f.get("number") if f.get("journal") else None), ("SP", f.get("pages")),
             ("PY", entry.year), ("PB", f.get("publisher")), ("CY", f.get("address")),
             ("SN", entry.symbol), ("UR", entry.url), ("N1", f.get("note"))]
    lines = [f"{tag}  - {' '.join(value.split())}" for tag, value in tags if value]
    return "\r\n".join([*lines, "ER  - ", ""]) + "\r\n"
