"""Nothing of the paper is lost or changed: the built HTML holds every sentence, heading and note, in order,
on the right page, with the paper's own note numbers.

The paper is read here on its own, with a few lines of plain code that share nothing with the converter,
so a converter bug cannot hide itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .conftest import EDITIONS, PAPER
from .htmltext import PageText
from .paperdays import edition_prefix

SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
NOTE = re.compile(rf"^([{SUP}]+)\s+(.*)$")
MARKER = re.compile(rf"(?<=\S)([{SUP}]+)")
DAY = re.compile(r"^(\d{1,2}) ([A-Z]+) (\d{4}) [-–] (.*)$")  # a hyphen or an en dash
ENDS_SENTENCE = re.compile(rf"[.?!:][”’\"')*]*[{SUP}]*$")


def plain(markdown: str) -> str:
    """What a reader sees of the paper's inline Markdown."""
    text = MARKER.sub("", markdown)
    text = re.sub(r"\[([^\]]+)\]\(#\)", r"\1", text)
    text = re.sub(r"\*([^*]+)\*", r"\1", text)
    text = text.replace("\\$", "$")
    text = re.sub(r"^- ", "", text)
    return re.sub(r"\s+", " ", text).strip()


def number(sup: str) -> str:
    return sup.translate(str.maketrans(SUP, "0123456789"))


@dataclass
class SourcePage:
    headings: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    markers: list[str] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    joins: list[tuple[str, str]] = field(default_factory=list)


def read_source(path: Path) -> dict[str, SourcePage]:
    """The paper split where its day headings are: {"index": …, "19-october": …}."""
    pages: dict[str, SourcePage] = {"index": SourcePage()}
    page = pages["index"]
    notes_since_paragraph = False
    for line in path.read_text(encoding="utf-8").split("\n"):
        line = line.strip()
        if not line:
            continue
        if m := DAY.match(line):
            page = pages.setdefault(f"{int(m.group(1))}-{m.group(2).lower()}", SourcePage())
            page.headings.append(m.group(4))
            continue
        if m := NOTE.match(line):
            page.notes[number(m.group(1))] = plain(m.group(2))
            notes_since_paragraph = True
            continue
        page.markers.extend(number(s) for s in MARKER.findall(line))
        if line.isupper() or not any(c.isalpha() and c.islower() for c in line):
            page.headings.append(line.rstrip(":"))
        elif notes_since_paragraph and page.paragraphs and not ENDS_SENTENCE.search(page.paragraphs[-1]):
            page.joins.append((plain(page.paragraphs[-1])[-40:], plain(line)[:40]))
            page.paragraphs[-1] += " " + line
        else:
            page.paragraphs.append(line)
        notes_since_paragraph = False
    return pages


SOURCE = read_source(PAPER)
SOURCES = {edition_prefix(p): read_source(p) for p in EDITIONS}
"""Every edition's paper, split into its pages, by the edition's folder on the site ("2021")."""
PAGES = [(edition, name) for edition, source in SOURCES.items() for name in source]
"""Every page of every edition: ("2021", "index"), ("2021", "19-october"), …"""
PAGE_IDS = [f"{edition}/{name}" for edition, name in PAGES]


def sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z(“\"])", plain(paragraph)) if s]


def html_of(site_dir: Path, edition: str, page: str) -> str:
    """An edition's page as built: its home (``page`` "index") or a day, in the edition's folder."""
    path = site_dir / edition / ("index.html" if page == "index" else f"{page}/index.html")
    return path.read_text(encoding="utf-8")


@pytest.mark.paper_facts
def test_the_paper_has_the_parts_this_test_expects():
    """Guards the reader above: three days, 57 notes, five cut paragraphs (facts of this paper)."""
    assert list(SOURCE) == ["index", "19-october", "20-october", "21-october"]
    assert sum(len(p.notes) for p in SOURCE.values()) == 57
    assert sum(len(p.joins) for p in SOURCE.values()) == 5


@pytest.mark.parametrize(("edition", "name"), PAGES, ids=PAGE_IDS)
def test_every_sentence_in_order_on_its_page(site_dir, edition, name):
    text = PageText.parse(html_of(site_dir, edition, name)).main
    at = 0
    for paragraph in SOURCES[edition][name].paragraphs:
        for sentence in sentences(paragraph):
            found = text.find(sentence, at)
            assert found >= 0, f"missing or out of order on {name}: {sentence!r}"
            at = found + len(sentence)


@pytest.mark.parametrize(("edition", "name"), PAGES, ids=PAGE_IDS)
def test_every_heading_in_order_on_its_page(site_dir, edition, name):
    text = PageText.parse(html_of(site_dir, edition, name)).main.casefold()
    at = 0
    for heading in SOURCES[edition][name].headings:
        found = text.find(plain(heading).casefold(), at)
        assert found >= 0, f"heading missing or out of order on {name}: {heading!r}"
        at = found + 1


@pytest.mark.parametrize(("edition", "name"), PAGES, ids=PAGE_IDS)
def test_cut_paragraphs_are_one_paragraph_again(site_dir, edition, name):
    page = html_of(site_dir, edition, name)
    for end, start in SOURCES[edition][name].joins:
        paragraphs = [PageText.parse(f"<article>{p}</article>").main for p in re.findall(r"<p[ >].*?</p>", page, re.S)]
        assert any(end in p and start in p and p.index(end) < p.index(start) for p in paragraphs), (end, start)


@pytest.mark.parametrize(("edition", "name"), PAGES, ids=PAGE_IDS)
def test_every_note_with_the_papers_number(site_dir, edition, name):
    page = PageText.parse(html_of(site_dir, edition, name))
    assert page.refs == SOURCES[edition][name].markers
    assert sorted(page.notes, key=lambda i: int(i[3:])) == [f"fn:{n}" for n in SOURCES[edition][name].notes]
    for n, text in SOURCES[edition][name].notes.items():
        assert page.note_values[f"fn:{n}"] == n
        assert page.notes[f"fn:{n}"].startswith(text), f"note {n} on {name}"


def test_no_escaped_dollar_and_no_placeholder_links(site_dir):
    for path in site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "\\$" not in html, path
        assert "#" not in PageText.parse(html).hrefs, path
