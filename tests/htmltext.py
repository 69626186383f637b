"""Read a built page as a reader sees it, with the standard library only.

``PageText.parse(html)`` gives the main text (without notes, permalinks, buttons, note references),
the note references in order, and each note's text by its ``fn:N`` id.
"""

from __future__ import annotations

import html.parser
import re
from dataclasses import dataclass, field

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# parts of the page that are controls, not the paper's text
SKIP_CLASSES = {"headerlink", "footnote-backref", "md-clipboard"}
SKIP_TAGS = {"button", "script", "style", "template", "svg", "nav"}
# tags that separate words when a browser lays the page out
BREAKS = {"br", "p", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "section", "header", "footer"}


@dataclass
class PageText:
    main: str = ""
    """The article's text, notes and controls left out, white space folded."""
    refs: list[str] = field(default_factory=list)
    """The text of each note reference (``<sup id="fnref:N">``), in order."""
    notes: dict[str, str] = field(default_factory=dict)
    """Each note's text by its id (``fn:25``)."""
    note_values: dict[str, str] = field(default_factory=dict)
    """Each note list item's ``value`` (the number a reader sees) by its id."""
    hrefs: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, page: str) -> PageText:
        p = _Parser()
        p.feed(page)
        return cls(main=_fold("".join(p.main)), refs=p.refs,
                   notes={k: _fold("".join(v)) for k, v in p.notes.items()}, note_values=p.note_values,
                   hrefs=p.hrefs)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Parser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []  # (tag, role): role in {"", "skip", "ref", "note:<id>"}
        self.in_article = 0
        self.main: list[str] = []
        self.refs: list[str] = []
        self.notes: dict[str, list[str]] = {}
        self.note_values: dict[str, str] = {}
        self.hrefs: list[str] = []
        self._ref: list[str] | None = None

    def _roles(self) -> set[str]:
        return {r for _, r in self.stack}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "href" in a:
            self.hrefs.append(a["href"])
        if tag in BREAKS:
            self.handle_data(" ")
        if tag in VOID:
            return
        classes = set(a.get("class", "").split())
        role = ""
        if tag == "article":
            self.in_article += 1
        if tag in SKIP_TAGS or classes & SKIP_CLASSES or a.get("aria-hidden") == "true":
            role = "skip"
        elif tag == "sup" and a.get("id", "").startswith("fnref"):
            role = "ref"
            self._ref = []
        elif tag == "li" and a.get("id", "").startswith("fn:"):
            role = f"note:{a['id']}"
            self.notes[a["id"]] = []
            self.note_values[a["id"]] = a.get("value", "")
        elif tag == "div" and "footnote" in classes:
            role = "footnotes"
        self.stack.append((tag, role))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if tag in BREAKS:
            self.handle_data(" ")
        while self.stack:
            t, role = self.stack.pop()
            if role == "ref" and self._ref is not None:
                self.refs.append("".join(self._ref).strip())
                self._ref = None
            if t == "article":
                self.in_article -= 1
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        roles = self._roles()
        if "skip" in roles:
            return
        if "ref" in roles and self._ref is not None:
            self._ref.append(data)
            return
        note = next((r for r in roles if r.startswith("note:")), None)
        if note:
            self.notes[note[5:]].append(data)
            return
        if "footnotes" in roles or not self.in_article:
            return
        self.main.append(data)
