"""Write what the resolved notes say: linked notes, "Ibid." spelled out, the Sources page, per-page lists.

Given the notes resolved against the bibliography (:mod:`paperkit.resolve`):

    [^5]: Ibid., para. 9.
      →  [^5]: Ibid., para. 9. <span class="paper-ibid">— that is, [General Assembly resolution
           70/1](sources.md#a-res-70-1), annex, para. 9 ([A/RES/70/1](https://undocs.org/…))</span>
    [^4]: General Assembly resolution [A/RES/70/1](#), annex.
      →  [^4]: General Assembly resolution [A/RES/70/1](https://undocs.org/en/A/RES/70/1), annex. …

A UN document symbol links to the document itself; every other name of a source links to its entry on the
Sources page, which lists the entries by group with a stable anchor (the BibTeX key) and links back to
every note that cites them, labelled by note number and page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .model import Footnote, Paper
from .resolve import Bibliography, Entry, ResolvedNote, citing_notes, locator_text
from .write import PLACEHOLDER_LINK_RE, inline, slugify

PAGE = "sources.md"
TITLE = "Sources"
# "[H/2028/9](#)" standing alone — the span of a name that is a placeholder link
WHOLE_PLACEHOLDER_RE = re.compile(rf"^{PLACEHOLDER_LINK_RE.pattern}$")
MAX_AUTHORS = 3


@dataclass(frozen=True, slots=True)
class Sources:
    """Everything the writer needs to say about notes and their sources."""

    paper: Paper
    bib: Bibliography
    resolved: tuple[ResolvedNote, ...]

    def entry_href(self, key: str) -> str:
        return f"{PAGE}#{key}"

    def link_symbol(self, symbol: str) -> str:
        """Body text: a placeholder link whose text is a known symbol links to the document, else plain text."""
        entry = next((e for e in self.bib.entries if e.symbol == symbol), None)
        return f"[{symbol}]({entry.url})" if entry else symbol

    def note_markdown(self, note: Footnote) -> str:
        """The note's own words with each named source linked, then what an "Ibid." stands for."""
        resolved = self.resolved[note.number - 1]
        text, out, at = note.text, [], 0
        for citation in sorted((c for c in resolved.citations if c.span), key=lambda c: c.span):
            start, end = citation.span  # type: ignore[misc]
            out.append(inline(text[at:start], self.link_symbol))
            out.append(self._named(text[start:end], self.bib.entry(citation.key)))
            at = end
        out.append(inline(text[at:], self.link_symbol))
        if resolved.ibid:
            out.append(self._ibid(resolved))
        return "".join(out)

    def _named(self, markdown: str, entry: Entry) -> str:
        """A source's name as the note writes it, linked: a placeholder symbol to the document itself, the
        rest of the name to the source's entry."""
        out, at = [], 0
        for m in PLACEHOLDER_LINK_RE.finditer(markdown):
            out.append(self._to_entry(markdown[at:m.start()], entry))
            if entry.symbol:
                out.append(f'[{m.group(1)}]({entry.url} "{_attr(entry.symbol)} on the UN Official Document System")')
            else:
                out.append(self._to_entry(m.group(1), entry))
            at = m.end()
        out.append(self._to_entry(markdown[at:], entry))
        return "".join(out)

    def _to_entry(self, markdown: str, entry: Entry) -> str:
        core = markdown.strip()
        if not core:
            return markdown
        lead, trail = markdown[: markdown.index(core)], markdown[markdown.index(core) + len(core):]
        return f'{lead}[{inline(core)}]({self.entry_href(entry.key)} "{_attr(_short_title(entry))}"){trail}'

    def _ibid(self, resolved: ResolvedNote) -> str:
        parts = []
        for c in resolved.citations:
            entry = self.bib.entry(c.key)
            name = f"[{inline(c.name)}]({self.entry_href(c.key)})"
            parts.append(", ".join(filter(None, (name, locator_text(c.locator)))))
            if entry.symbol:
                parts[-1] += f' ([{entry.symbol}]({entry.url} "{_attr(entry.symbol)} on the UN Official Document System"))'
        return f' <span class="paper-ibid">— that is, {"; ".join(parts)}</span>'

    # -- per page --------------------------------------------------------------------------------

    def page_sources(self, numbers: Iterable[int]) -> str:
        """"Sources cited on this page": each entry once, in order of first citation, with its notes."""
        order: dict[str, list[int]] = {}
        for n in numbers:
            for c in self.resolved[n - 1].citations:
                notes = order.setdefault(c.key, [])
                if n not in notes:
                    notes.append(n)
        if not order:
            return ""
        out = ["## Sources cited on this page { #sources-cited }\n\n", '<div class="paper-page-sources" markdown>\n\n']
        for key, notes in order.items():
            entry = self.bib.entry(key)
            refs = ", ".join(f"[{n}](#fn:{n})" for n in notes)
            label = "note" if len(notes) == 1 else "notes"
            out.append(f"- [{inline(_short_title(entry))}]({self.entry_href(key)}) — {label} {refs}\n")
        out.append("\n</div>\n\n")
        return "".join(out)

    # -- the Sources page ------------------------------------------------------------------------

    def write_page(self, page_of: Callable[[int], tuple[str, str]]) -> str:
        """The Sources page. ``page_of(n)`` gives the page (``3-march.md``) and label (``3 March``)
        that note n is on."""
        cited = citing_notes(self.resolved)
        # search: the list of references ranks after the paper's own text that names the same body or report
        out = ['---\ntitle: "Sources"\ndescription: "Every document the paper\'s notes cite, with the notes '
               'that cite it."\nsearch:\n  boost: 0.02\n---\n\n', f"# {TITLE}\n\n",
               "Every source the paper's notes cite, grouped by kind. UN documents link to the UN's Official "
               "Document System; each entry links back to every note that relies on it.\n\n"]
        for group, entries in self.bib.grouped():
            out.append(f"## {group.value} {{ #{slugify(group.value)} }}\n\n")
            for entry in entries:
                out.append(self._entry(entry, cited.get(entry.key, ()), page_of))
        return "".join(out)

    def _entry(self, entry: Entry, notes: tuple[int, ...], page_of: Callable[[int], tuple[str, str]]) -> str:
        f = entry.fields
        lines = [f'<div class="paper-source" id="{entry.key}" markdown>\n\n{reference(entry)}\n']
        if entry.shortnames:
            names = "; ".join(f"“{inline(s)}”" for s in entry.shortnames)
            lines.append(f'\n<span class="paper-source-also">The paper also calls it {names}.</span>\n')
        if f.get("note"):
            lines.append(f'\n<span class="paper-source-note">{inline(f["note"])}</span>\n')
        if notes:
            label = "note" if len(notes) == 1 else "notes"
            lines.append(f'\n<span class="paper-source-cited">Cited in {label} {_backlinks(notes, page_of)}</span>\n')
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


def _authors(authors: tuple[str, ...]) -> str:
    if len(authors) > MAX_AUTHORS:
        return f"{authors[0]} and others"
    return " and ".join(filter(None, (", ".join(authors[:-1]), authors[-1]))) if authors else ""


def _backlinks(notes: tuple[int, ...], page_of: Callable[[int], tuple[str, str]]) -> str:
    """``[4](index.md#fn:4) · Introduction; [5](3-march.md#fn:5), [6](…) · 3 March``"""
    runs: list[tuple[str, str, list[int]]] = []
    for n in notes:
        page, label = page_of(n)
        if runs and runs[-1][0] == page:
            runs[-1][2].append(n)
        else:
            runs.append((page, label, [n]))
    return "; ".join(", ".join(f"[{n}]({page}#fn:{n})" for n in ns) + f" · {label}" for page, label, ns in runs)


def _short_title(entry: Entry) -> str:
    """How a reader recognises the entry: the paper's own short name, the symbol, else the title."""
    if entry.symbol:
        return f"{entry.symbol}: {entry.title}"
    return entry.title


def _display_url(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def _attr(text: str) -> str:
    return text.replace('"', "&quot;")

