"""Write what the resolved notes say: each source named in a note linked, an "Ibid." spelled out, and the list
of sources that ends a page.

Given the notes resolved against the bibliography (:mod:`paperkit.resolve`):

    [^5]: Ibid., para. 9.
      →  [^5]: Ibid., para. 9. <span class="paper-ibid">— that is, [General Assembly resolution
           70/1](sources.md#a-res-70-1), annex, para. 9 ([A/RES/70/1](https://undocs.org/…))</span>
    [^4]: General Assembly resolution [A/RES/70/1](#), annex.
      →  [^4]: General Assembly resolution [A/RES/70/1](https://undocs.org/en/A/RES/70/1), annex. …

A UN document symbol links to the document itself; every other name of a source links to its entry on the
Sources page (``sources.md#<BibTeX key>``, written by :mod:`paperkit.pages.sources`). A note that names a
document by its symbol alone also says what the document is, its title linked to the entry, so that every
note reaches every one of its entries on the Sources page (and the note's tooltip says what it cites)::

    [^3]: See [A/RES/70/1](#), annex.
      →  [^3]: See [A/RES/70/1](https://undocs.org/…), annex. <span class="paper-gloss">— that is,
           [Transforming Our World: …](sources.md#a-res-70-1)</span>
    [^6]: [E/2020/1](#), para. 2; Jane Doe, *A Study of Things*.
      →  [^6]: [E/2020/1](https://undocs.org/…), para. 2; Jane Doe, [*A Study of Things*](sources.md#doe-2020 …).
           <span class="paper-gloss">— E/2020/1 is [Report of …](sources.md#e-2020-1)</span>
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .bibliography import Bibliography, Entry
from .locators import locator_text
from .markup import PLACEHOLDER_LINK_RE, attr, escape_markdown, inline, link_url
from .model import Footnote
from .resolve import CitedSource, ResolvedNote

SOURCES_PAGE = "sources.md"
"""The Sources page, where every entry has its BibTeX key as id."""


def entry_href(key: str, root: str = "") -> str:
    """``sources.md#a-res-70-1``; from an edition's page, ``root`` is the way to the site's root (``../``)."""
    return f"{root}{SOURCES_PAGE}#{link_url(key)}"


def entry_label(entry: Entry) -> str:
    """How a reader recognises the entry: ``symbol: title`` for a UN document, else the title."""
    if entry.symbol:
        return f"{entry.symbol}: {entry.title}"
    return entry.title


def ods_link(entry: Entry, text: str) -> str:
    """``[A/RES/70/1](https://undocs.org/en/A/RES/70/1 "A/RES/70/1 on the UN Official Document System")``."""
    return f'[{text}]({link_url(entry.url)} "{attr(entry.symbol or "")} on the UN Official Document System")'


@dataclass(frozen=True, slots=True)
class Notes:
    """The paper's notes resolved against the bibliography, ready to be written."""

    bib: Bibliography
    resolved: tuple[ResolvedNote, ...]
    """One per note, in number order."""
    root: str = ""
    """The way from the pages the notes are written on to the site's root, where the Sources page is."""

    def link_symbol(self, symbol: str) -> str:
        """Body text: a placeholder link whose text is a known symbol links to the document, else plain text."""
        entry = self.bib.with_symbol(symbol)
        return f"[{symbol}]({link_url(entry.url)})" if entry else symbol

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
        else:
            out.append(self._gloss(resolved))
        return "".join(out)

    def _named(self, markdown: str, entry: Entry) -> str:
        """A source's name as the note writes it, linked: a placeholder symbol to the document itself, the
        rest of the name to the source's entry."""
        out, at = [], 0
        for m in PLACEHOLDER_LINK_RE.finditer(markdown):
            out.append(_to_entry(markdown[at:m.start()], entry, self.root))
            out.append(ods_link(entry, inline(m.group(1))) if entry.symbol else _to_entry(m.group(1), entry, self.root))
            at = m.end()
        out.append(_to_entry(markdown[at:], entry, self.root))
        return "".join(out)

    def _ibid(self, resolved: ResolvedNote) -> str:
        parts = []
        for c in resolved.citations:
            entry = self.bib.entry(c.key)
            name = f"[{_link_text(entry.title if _by_symbol(c, entry) else c.name)}]({entry_href(c.key, self.root)})"
            parts.append(", ".join(filter(None, (name, locator_text(c.locator)))))
            if entry.symbol:
                parts[-1] += f" ({ods_link(entry, escape_markdown(entry.symbol))})"
        return f' <span class="paper-ibid">— that is, {"; ".join(parts)}</span>'

    def _gloss(self, resolved: ResolvedNote) -> str:
        """What each document named by its symbol alone is: its title, linked to its entry. "— that is, …"
        when it is the only one and the note's last source (the gloss follows its name), else "— E/2020/1 is …"
        for each."""
        named = {c.key: e for c in resolved.citations if _by_symbol(c, e := self.bib.entry(c.key))}
        if not named:
            return ""
        titles = {key: f"[{_link_text(entry.title)}]({entry_href(key, self.root)})" for key, entry in named.items()}
        if list(named) == [resolved.citations[-1].key]:
            return f' <span class="paper-gloss">— that is, {titles[resolved.citations[-1].key]}</span>'
        said = "; ".join(f"{inline(entry.symbol or '')} is {titles[key]}" for key, entry in named.items())
        return f' <span class="paper-gloss">— {said}</span>'

    def page_sources(self, numbers: Iterable[int]) -> str:
        """"Sources cited on this page": each entry once, in order of first citation, with its notes."""
        order: dict[str, dict[int, None]] = {}  # each entry's notes as an ordered set
        for n in numbers:
            for c in self.resolved[n - 1].citations:
                order.setdefault(c.key, {})[n] = None
        if not order:
            return ""
        out = ["## Sources cited on this page { #sources-cited }\n\n", '<div class="paper-page-sources" markdown>\n\n']
        for key, notes in order.items():
            entry = self.bib.entry(key)
            refs = ", ".join(f"[{n}](#fn:{n})" for n in notes)
            label = "note" if len(notes) == 1 else "notes"
            out.append(f"- [{inline(entry_label(entry))}]({entry_href(key, self.root)}) — {label} {refs}\n")
        out.append("\n</div>\n\n")
        return "".join(out)


def _by_symbol(citation: CitedSource, entry: Entry) -> bool:
    """The note names a UN document by its symbol alone."""
    return citation.by_symbol and entry.symbol is not None


def _link_text(text: str) -> str:
    """Plain text as a link's text: a title's own square brackets (a supplied title) kept as text."""
    return inline(text.replace("[", "\\[").replace("]", "\\]"))


def _to_entry(markdown: str, entry: Entry, root: str) -> str:
    """Words of a note linked to the entry they name, the white space around them kept outside the link."""
    core = markdown.strip()
    if not core:
        return markdown
    lead, trail = markdown[: markdown.index(core)], markdown[markdown.index(core) + len(core):]
    return f'{lead}[{inline(core)}]({entry_href(entry.key, root)} "{attr(entry_label(entry))}"){trail}'
