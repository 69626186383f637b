"""Text from the paper or footnotes/ never becomes markup (issue 10, section 1).

The payload set (``tests/payloads.py``: ``<script>``, ``<img onerror>``, ``"><b>``, ``javascript:``, an attribute
list, a lone ``"``, ``&``, ``'``, an accent) goes into every field the site shows — each title-block line, the
introduction's items (the days' challenges), sub-headings, paragraphs, notes, questions, the bibliography's
fields, topic names and synonyms, the delegates' words, the glossary — and the site is built with the real
``mkdocs build --strict``. Then every page, ``sitemap.xml`` and the search index are parsed:

- no element or attribute that a payload brings (a script running ``alert``, an ``on…`` attribute, an ``img``,
  a ``<b>x</b>``, a ``javascript:`` address) and, page by page, no kind of element or attribute that the same
  paper with harmless words in place of the payloads does not have;
- the payloads read as written: in the page's text, the ``<title>``, the link previews' and the description's
  ``content``, the logo's ``aria-label``, nav titles and search entries; and nothing shows an entity
  (``&amp;``, ``&quot;``) where the paper has a plain ``&`` or ``"``: escaped once, never twice.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .payloads import HARMLESS, MARK, PAYLOAD, PAYLOADS, SHOWN, payload_project

# what the payloads would be if they became markup
ENTITY_SHOWN_RE = re.compile(r"&(amp|quot|lt|gt|#\d+|#x[0-9a-f]+|apos);", re.IGNORECASE)
RAW_TEXT = {"script", "style", "template"}  # contents not text the reader sees (Material's data, CSS)


class Element:
    def __init__(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tag, self.attrs, self.text = tag, {k: v or "" for k, v in attrs}, ""


class Collect(HTMLParser):
    """Every element with its attributes and the text directly inside it; the text outside raw-text elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.stack: list[Element] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        el = Element(tag, attrs)
        self.elements.append(el)
        if tag not in {"meta", "link", "img", "br", "hr", "input", "source"}:
            self.stack.append(el)

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop().tag == tag:
                break

    def handle_data(self, data):
        if self.stack:
            self.stack[-1].text += data
        if not any(e.tag in RAW_TEXT for e in self.stack):
            self.text.append(data)


def parse(markup: str) -> Collect:
    c = Collect()
    c.feed(markup)
    c.close()
    return c


def payload_born(c: Collect) -> list[str]:
    """Elements and attributes that only a payload would bring."""
    found = []
    for el in c.elements:
        if el.tag == "script" and "alert(" in el.text.lower():
            found.append(f"<script>{el.text[:60]}")
        if el.tag == "img" and el.attrs.get("src", "").lower() == "x":
            found.append("<img src=x>")
        if el.tag == "b" and el.text.strip().lower() == "x":
            found.append("<b>x</b>")
        for name, value in el.attrs.items():
            if name.startswith("on"):
                found.append(f"<{el.tag} {name}={value[:40]!r}>")
            if name in ("href", "src", "action", "formaction") and re.match(r"\s*(javascript|data|vbscript):", value, re.I):
                found.append(f"<{el.tag} {name}={value[:40]!r}>")
    return found


def shapes(c: Collect) -> set[tuple[str, str]]:
    """The kinds of element and attribute a page has (but emphasis: ``*x*`` is the paper's own Markdown)."""
    return {(el.tag, name) for el in c.elements for name in ("", *el.attrs)} - {("em", "")}


def build(where: Path, text: str) -> Path:
    config = payload_project(where, text)
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", "site"],
                          cwd=where, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://example.org/paper/"}, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return where / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("payloads")
    return build(root / "hostile", PAYLOAD), build(root / "harmless", HARMLESS)


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))
            if not p.relative_to(site).as_posix().startswith("assets/")}


def folded(text: str) -> str:
    return " ".join(text.casefold().split())


def test_no_page_gains_an_element_or_attribute_from_a_payload(sites):
    hostile, harmless = sites
    plain = pages(harmless)
    found = defaultdict(list)
    for path, markup in pages(hostile).items():
        c = parse(markup)
        assert path in plain, f"{path}: no such page in the harmless build"
        theirs = payload_born(parse(plain[path]))  # the theme's own (Material's share link is javascript:void(0))
        found[path] += [x for x in payload_born(c) if x not in theirs]
        found[path] += [f"new {tag} {attr}".strip() for tag, attr in shapes(c) - shapes(parse(plain[path]))]
    assert len(found) >= 8  # home, five days, questions, sources, topics, 404
    assert not {p: f for p, f in found.items() if f}


def test_every_field_shows_the_payloads_as_written(sites):
    hostile, _ = sites
    every_page = pages(hostile)
    for path, markup in every_page.items():
        c = parse(markup)
        shown = [folded(s) for s in [" ".join(c.text), *(v for el in c.elements for v in el.attrs.values())]]
        double = [s for s in shown if ENTITY_SHOWN_RE.search(s)]
        assert not double, f"{path}: an entity shows as text: {double[0][:200]}"
    # the days' pages: the challenge (heading, title, description, previews) and every body field
    day = next(p for p in every_page if re.match(r"\d{4}/\d+-[a-z]+/index\.html$", p))  # in its edition
    c = parse(every_page[day])
    text = folded("".join(c.text))
    assert text.count(folded(SHOWN)) >= 5, "a day's heading, paragraphs, sub-headings, notes, questions"
    metas = {el.attrs.get("property") or el.attrs.get("name"): el.attrs.get("content", "") for el in c.elements
             if el.tag == "meta"}
    for name in ("description", "og:description", "twitter:description"):
        assert folded(SHOWN) in folded(metas[name]), name
    for name in ("og:title", "twitter:title", "og:site_name"):  # the day's short title, the paper's title
        assert folded(MARK) in folded(metas[name]) and '"><b>x</b>' in folded(metas[name]), (name, metas[name])
    home = parse(every_page["index.html"])
    for name in ("og:title", "twitter:title", "description"):
        content = next(el.attrs["content"] for el in home.elements if name in (el.attrs.get("property"), el.attrs.get("name")))
        assert '<script>alert(1)</script> <img src=x onerror=alert(1)> "><b>x</b>' in folded(content), (name, content)
    title = next(el.text for el in c.elements if el.tag == "title")
    assert '"><b>x</b>' in folded(title) and "<script>" in folded(title), title
    logo = next(el for el in c.elements if "md-logo" in el.attrs.get("class", ""))
    assert '"><b>x</b>' in folded(logo.attrs["aria-label"]) and logo.attrs["aria-label"] == logo.attrs["title"]
    nav = " ".join(el.text for el in c.elements if el.tag == "span" and "md-ellipsis" in el.attrs.get("class", ""))
    assert "2 december: zqmark <script>alert(1)</script>" in folded(nav) and '"><b>x</b>' in nav  # short titles
    # the Sources page: every field of the hostile entry and the addresses with markup
    sources = folded("".join(parse(every_page["sources/index.html"]).text))
    bib_shown = folded(SHOWN.replace("{", "").replace("}", ""))  # BibTeX's braces group, and do not show
    assert sources.count(bib_shown) >= 5 and f"h/2024/{MARK}" in sources
    assert '"><b>x</b>' in sources  # a displayed address
    # the topics page: the topic's name and synonyms; the glossary's definitions on every page
    assert folded(PAYLOAD) in folded("".join(parse(every_page["topics/index.html"]).text))  # data: no emphasis
    titles = [el.attrs.get("title", "") for el in c.elements if el.tag == "abbr"]
    assert any(folded(PAYLOAD) in folded(t) for t in titles), "a glossary definition (plain text)"


def test_the_search_index_holds_text_not_markup(sites):
    hostile, harmless = sites
    index = json.loads((hostile / "search" / "search_index.json").read_text(encoding="utf-8"))
    calm = json.loads((harmless / "search" / "search_index.json").read_text(encoding="utf-8"))
    calm_shapes = set().union(*(shapes(parse(d["title"] + d["text"])) for d in calm["docs"]))
    problems, questions = [], 0
    for doc in index["docs"]:
        c = parse(doc["title"] + " " + doc["text"])
        problems += payload_born(c) + [f"new {t} {a}" for t, a in shapes(c) - calm_shapes]
        title = folded("".join(parse(doc["title"]).text))
        if "#question-" in doc["location"]:
            questions += 1
            assert folded(SHOWN) in title, doc  # Material shows the title as HTML: it reads as written
        assert not ENTITY_SHOWN_RE.search(title), doc
    assert questions >= 10 and not problems, problems


def test_the_sitemap_is_well_formed(sites):
    hostile, _ = sites
    root = ET.fromstring((hostile / "sitemap.xml").read_bytes())
    locs = [e.text or "" for e in root.iter() if e.tag.endswith("loc")]
    assert locs and not any(set(loc) & set("<>\"' ") for loc in locs)


def test_nothing_else_in_the_payload_set_is_lost():
    # the payload set this module relies on: a change to it must keep every kind
    assert {"<script>alert(1)</script>", '"', "&", "'", "javascript:alert(1)"} <= set(PAYLOADS)
    assert html.escape(PAYLOAD) != PAYLOAD
