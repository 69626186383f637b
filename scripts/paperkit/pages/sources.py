"""The Sources page, ``sources.md``: every entry of the bibliography the notes cite, by group, each with a
stable id (its BibTeX key) and links back to every note that cites it, labelled by note number and page::

    ## UN documents { #un-documents }
    <div class="paper-source" id="a-res-70-1" markdown>
    General Assembly, *Transforming our world* (2015). [A/RES/70/1](https://undocs.org/en/A/RES/70/1).
    <span class="paper-source-cited">Cited in the 2030 paper, notes [4](2030/index.md#fn:4) · Introduction;
      [5](2030/3-march.md#fn:5) · 3 March — the 2029 paper, note [7](2029/12-may.md#fn:7) · 12 May</span>
    </div>

Under the introduction, the whole bibliography as files for a reference manager (RIS, BibTeX, CSL-JSON), which
:mod:`paperkit.bibfiles` writes beside this page. No page without a bibliography (``Context.notes`` is ``None``).
"""

from __future__ import annotations

import re

from ..bibfiles import FILES, MEDIA_TYPES
from ..markup import escape_markdown, front_matter, html_attr, inline, link_url, slugify
from ..model import Paper
from ..notes import SOURCES_PAGE
from ..bibliography import Bibliography, Entry
from ..resolve import citing_notes
from . import Context, SiteContext

PAGE = SOURCES_PAGE
TITLE = "Sources"
MAX_AUTHORS = 3


def write(site: SiteContext) -> dict[str, str]:
    if site.bib is None:
        return {}
    cited: dict[str, list[tuple[Context, tuple[int, ...]]]] = {}  # each entry's citing notes, edition by edition
    for ctx in site.editions:
        for key, notes in citing_notes(ctx.notes.resolved).items() if ctx.notes else ():
            cited.setdefault(key, []).append((ctx, notes))
    papers = "paper's" if len(site.editions) == 1 else "papers'"
    # search: the list of references ranks after the paper's own text that names the same body or report
    out = [front_matter(title=TITLE, description=f"Every document the {papers} notes cite, with the notes that cite it.",
                        search={"boost": 0.02}),
           f"# {TITLE}\n\n",
           f"Every source the {papers} notes cite, grouped by kind. UN documents link to the UN's Official "
           "Document System; each entry links back to every note that relies on it.\n\n",
           _downloads(site.bib, site.name)]
    for group, entries in site.bib.grouped():
        out.append(f"## {group.value} {{ #{slugify(group.value)} }}\n\n")
        for entry in entries:
            out.append(_entry(entry, cited.get(entry.key, [])))
    return {PAGE: "".join(out)}


# each file for a reference manager: its format, as a delegate's office knows it, and the programs that read it
DOWNLOADS = (("ris", "RIS", "EndNote, Mendeley, Zotero"), ("bibtex", "BibTeX", "JabRef, LaTeX, Zotero"),
             ("csl-json", "CSL-JSON", "Zotero, Pandoc"))


def _downloads(bib: Bibliography, site_name: str) -> str:
    """"Save all 32 sources in a reference manager: RIS (EndNote, …) · BibTeX (…) · CSL-JSON (…)", each a
    download (``paperkit.bibfiles`` writes the files beside this page) saved under the site's name."""
    name = slugify(site_name)[:60].rstrip("-") or "paper"
    links = []
    for fmt, label, readers in DOWNLOADS:
        path = FILES[fmt]
        saved = f"{name}-{path}"
        links.append(f'[{label}]({path}){{ download="{saved}" type="{MEDIA_TYPES[fmt]}" }} ({readers})')
    count = len(bib.entries)
    return (f'<p class="paper-source-files" markdown>Save all {count} sources in a reference manager: '
            f'{" · ".join(links)}.</p>\n\n')


def _entry(entry: Entry, cited: list[tuple[Context, tuple[int, ...]]]) -> str:
    f = entry.fields
    lines = [f'<div class="paper-source" id="{html_attr(entry.key)}" markdown>\n\n{reference(entry)}\n']
    if entry.shortnames:
        names = "; ".join(f"“{inline(s)}”" for s in entry.shortnames)
        lines.append(f'\n<span class="paper-source-also">The paper also calls it {names}.</span>\n')
    if f.get("note"):
        lines.append(f'\n<span class="paper-source-note">{inline(f["note"])}</span>\n')
    if cited:
        lines.append(f'\n<span class="paper-source-cited">Cited in {cited_in(cited)}</span>\n')
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
        volume = ", ".join(filter(None, (f.get("volume") and f"vol. {inline(f['volume'])}",
                                         f.get("number") and f"No. {inline(f['number'])}")))
        parts.append(", ".join(filter(None, (journal, volume))))
    if f.get("series"):
        parts.append(inline(f["series"]))
    where = ", ".join(filter(None, (f.get("address"), f.get("publisher"), entry.year)))
    text = ", ".join(parts) + (f" ({inline(where)})" if where else "") + "."
    if entry.symbol:
        text += f" [{escape_markdown(entry.symbol)}]({link_url(entry.url)})."
    elif entry.url:
        text += f" Available at [{escape_markdown(_display_url(entry.url))}]({link_url(entry.url)})."
    return text


def cited_in(cited: list[tuple[Context, tuple[int, ...]]]) -> str:
    """``the 2030 paper, notes [4](2030/index.md#fn:4) · Introduction; [5](2030/3-march.md#fn:5) · 3 March``,
    then ``— the 2029 paper, note …`` for each other edition that cites the entry, newest first."""
    said = []
    for ctx, notes in cited:
        label = "note" if len(notes) == 1 else "notes"
        said.append(f"the {ctx.edition.label} paper, {label} {backlinks(notes, ctx.paper, ctx.edition.prefix + '/')}")
    return " — ".join(said)


def backlinks(notes: tuple[int, ...], paper: Paper, folder: str = "") -> str:
    """``[4](2030/index.md#fn:4) · Introduction; [5](2030/3-march.md#fn:5), [6](…) · 3 March``, the pages in
    ``folder`` (an edition's, from the Sources page)."""
    runs: list[tuple[str, str, list[int]]] = []
    for n in notes:
        page, label = paper.note_place(n)
        page = folder + page
        if runs and runs[-1][0] == page:
            runs[-1][2].append(n)
        else:
            runs.append((page, label, [n]))
    return "; ".join(", ".join(f"[{n}]({page}#fn:{n})" for n in ns) + f" · {escape_markdown(label)}" for page, label, ns in runs)


def _authors(authors: tuple[str, ...]) -> str:
    if len(authors) > MAX_AUTHORS:
        return f"{authors[0]} and others"
    return " and ".join(filter(None, (", ".join(authors[:-1]), authors[-1]))) if authors else ""


def _display_url(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
