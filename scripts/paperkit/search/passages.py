"""Each paragraph with an id of its own is its own search entry (done by the ``paper-question-search`` plugin,
:mod:`.questions`, before it adds the questions' entries; its option ``paragraphs: false`` leaves the sections whole).

Material's search index has one entry per heading's section, and a day's section runs to 3,000–8,000 characters: a
query's words are then found together in a section that holds them pages apart, and its result opens the section
at its heading, screens away from the sentence. After the search plugin has indexed a page, this plugin splits each
section that holds paragraphs with an id (the paper's blocks: ``background-information-p5``) into one entry per
paragraph, linking to it, with the section's title; the section's own entry keeps its title and loses its text
(a heading still finds its section)::

    {"location": "4-march/#background", "title": "Background", "text": "<p1> <p2> …"}
        →  {"location": "4-march/#background", "title": "Background", "text": ""}
           {"location": "4-march/#background-p1", "title": "Background", "text": "<p1>"} …

The paragraphs are read from the page's HTML (``page.content``), notes' markers left out; what the page keeps out of
search (``data-search-exclude``) stays out. Their text is escaped for HTML, as Material's own entries are.

    >>> blocks('<h2 id="a">A</h2><p id="a-p1">One<sup id="fnref:1"><a>1</a></sup> &amp; two</p><p>no id</p>'
    ...        '<div data-search-exclude><p id="x">hidden</p></div><h2 id="b">B</h2><p id="b-p1">Three</p>')
    {'a': (('a-p1', 'One &amp; two'),), 'b': (('b-p1', 'Three'),)}
"""

from __future__ import annotations

import functools
import html
from html.parser import HTMLParser

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Blocks(HTMLParser):
    """Section id → its paragraphs with an id, in order, as (id, text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, list[tuple[str, str]]] = {}
        self.section: str | None = None
        self.stack: list[tuple[str, bool]] = []   # open elements: (tag, starts something left out of the text)
        self.hidden = 0                           # depth inside data-search-exclude or a note's marker
        self.block: tuple[str, list[str]] | None = None
        self.block_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        a = dict(attrs)
        if tag in HEADINGS and a.get("id") and not self.hidden:
            self.section = a["id"]
        hides = "data-search-exclude" in a or tag == "sup"
        self.stack.append((tag, hides))
        self.hidden += hides
        if tag == "p" and a.get("id") and self.section and not self.hidden and self.block is None:
            self.block, self.block_depth = (a["id"], []), len(self.stack)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            open_tag, hides = self.stack.pop()
            self.hidden -= hides
            if self.block is not None and len(self.stack) < self.block_depth:
                block_id, parts = self.block
                self.found.setdefault(self.section, []).append((block_id, " ".join("".join(parts).split())))
                self.block = None
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.block is not None and not self.hidden:
            self.block[1].append(data)


@functools.lru_cache(maxsize=1024)  # `mkdocs serve` rebuilds every page: an unchanged one is not parsed again
def blocks(content: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each section's (its heading's id) paragraphs with an id, as (id, text escaped for HTML). Kept for the same
    content: not to be changed by its callers."""
    parser = _Blocks()
    parser.feed(content)
    parser.close()
    return {section: tuple((i, html.escape(text, quote=False)) for i, text in found if text)
            for section, found in parser.found.items()}


def split_sections(entries: list[dict], url: str, content: str) -> list[dict]:
    """The page's entries (at ``url``) with each section that holds paragraphs split into one entry each."""
    found = blocks(content)
    result = []
    for entry in entries:
        page, _, section = entry.get("location", "").partition("#")
        if page != url or section not in found:
            result.append(entry)
            continue
        result.append({**entry, "text": ""})
        keep = {"boost": entry["boost"]} if "boost" in entry else {}  # the page's weight (an older edition's)
        result.extend({"location": f"{url}#{block_id}", "title": entry["title"], "text": text, **keep}
                      for block_id, text in found[section])
    return result
