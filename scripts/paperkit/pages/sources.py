"""The Sources page, ``sources.md``: every entry of the bibliography the notes cite, by group, each with a
stable id (its BibTeX key) and links back to every note that cites it, labelled by note number and page::

    ## UN documents { #un-documents }
    <div class="paper-source" id="a-res-70-1" markdown>
    General Assembly, *Transforming our world* (2015). [A/RES/70/1](https://undocs.org/en/A/RES/70/1).
    <span class="paper-source-cited">Cited in notes [4](index.md#fn:4) · Introduction; [5](3-march.md#fn:5) · 3 March</span>
    </div>

Under the introduction, the whole bibliography as files for a reference manager (RIS, BibTeX, CSL-JSON), which
:mod:`paperkit.bibfiles` writes beside this page. No page without a bibliography (``Context.notes`` is ``None``).
"""

from __future__ import annotations

import re

from ..bibfiles import FILES, MEDIA_TYPES
from ..markup import front_matter, inline, slugify
from ..model import Paper
from ..notes import SOURCES_PAGE
from ..bibliography import Bibliography, Entry
from ..resolve import citing_notes
from . import Context

PAGE = SOURCES_PAGE
TITLE = "Sources"
MAX_AUTHORS = 3


def write(ctx: Context) -> dict[str, str]:
    if ctx.notes is None:
        return {}
    cited = citing_notes(ctx.notes.resolved)
    # search: the list of references ranks after the paper's own text that names the same body or report
    out = [front_matter(title=TITLE, description="Every document the paper's notes cite, with the notes that cite it.",
                        search={"boost": 0.02}),
           f"# {TITLE}\n\n",
           "Every source the paper's notes cite, grouped by kind. UN documents link to the UN's Official "
           "Document System; each entry links back to every note that relies on it.\n\n",
           _downloads(ctx.notes.bib, ctx.paper)]
    for group, entries in ctx.notes.bib.grouped():
        out.append(f"## {group.value} {{ #{slugify(group.value)} }}\n\n")
        for entry in entries:
            out.append(_entry(entry, cited.get(entry.key, ()), ctx.paper))
    return {PAGE: "".join(out)}


# each file for a reference manager: its format, as a delegate's office knows it, and the programs that read it
DOWNLOADS = (("ris", "RIS", "EndNote, Mendeley, Zotero"), ("bibtex", "BibTeX", "JabRef, LaTeX, Zotero"),
             ("csl-json", "CSL-JSON", "Zotero, Pandoc"))


def _downloads(bib: Bibliography, paper: Paper) -> str:
    """"Save all 32 sources in a reference manager: RIS (EndNote, …) · BibTeX (…) · CSL-JSON (…)", each a
    download (``paperkit.bibfiles`` writes the files beside this page) saved under the paper's name."""
    name = slugify(paper.title.title)[:60].rstrip("-") or "paper"
    links = []
    for fmt, label, readers in DOWNLOADS:
        path = FILES[fmt]
        saved = f"{name}-{path}"
        links.append(f'[{label}]({path}){{ download="{saved}" type="{MEDIA_TYPES[fmt]}" }} ({readers})')
    count = len(bib.entries)
    return (f'<p class="paper-source-files" markdown>Save all {count} sources in a reference manager: '
            f'{" · ".join(links)}.</p>\n\n')


def _entry(entry: Entry, notes: tuple[int, ...], paper: Paper) -> str:
    f = entry.fields
    lines = [f'<div class="paper-source" id="{entry.key}" markdown>\n\n{reference(entry)}\n']
    if entry.shortnames:
        names = "; ".join(f"“{inline(s)}”" for s in entry.shortnames)
        lines.append(f'\n<span class="paper-source-also">The paper also calls it {names}.</span>\n')
    if f.get("note"):
        lines.append(f'\n<span class="paper-source-note">{inline(f["note"])}</span>\n')
    if notes:
        label = "note" if len(notes) == 1 else "notes"
        lines.append(f'\n<span class="paper-source-cited">Cited in {label} {backlinks(notes, paper)}</span>\n')
    lines.append("\n</div>\n\n")
    return "".join(lines)


def reference(entry: Entry) -> str:
    """One entry in the style of UN documents: who, title, series, (place: publisher, year), symbol or address."""
    f = entry.fields
    who = _authors(entry.authors) or f.get("organization") or f.get("institution") or ""
    title = inline(entry.title)
    title = f"“{title}”" if entry.type in ("article", "misc", "unpublished", "incollection") else f"*{title}*"
    parts = [p for p in (inline(who), title) if p]
    if f.get("journal"):
        journal = f"*{inline(f['journal'])}*"
        volume = ", ".join(filter(None, (f.get("volume") and f"vol. {f['volume']}", f.get("number") and f"No. {f['number']}")))
        parts.append(", ".join(filter(None, (journal, volume))))
    if f.get("series"):
        parts.append(inline(f["series"]))
    where = ", ".join(filter(None, (f.get("address"), f.get("publisher"), entry.year)))
    text = ", ".join(parts) + (f" ({inline(where)})" if where else "") + "."
    if entry.symbol:
        text += f" [{entry.symbol}]({entry.url})."
    elif entry.url:
        text += f" Available at [{_display_url(entry.url)}]({entry.url})."
    return text


def backlinks(notes: tuple[int, ...], paper: Paper) -> str:
    """``[4](index.md#fn:4) · Introduction; [5](3-march.md#fn:5), [6](…) · 3 March``"""
    runs: list[tuple[str, str, list[int]]] = []
    for n in notes:
        page, label = paper.note_place(n)
        if runs and runs[-1][0] == page:
            runs[-1][2].append(n)
        else:
            runs.append((page, label, [n]))
    return "; ".join(", ".join(f"[{n}]({page}#fn:{n})" for n in ns) + f" · {label}" for page, label, ns in runs)


def _authors(authors: tuple[str, ...]) -> str:
    if len(authors) > MAX_AUTHORS:
        return f"{authors[0]} and others"
    return " and ".join(filter(None, (", ".join(authors[:-1]), authors[-1]))) if authors else ""


def _display_url(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
