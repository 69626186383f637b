"""The second engine: the same content builds with Zensical, from the Markdown and config `paper2site` writes.

Zensical (Material's authors' successor) reads mkdocs.yml and Material's templates, but runs no MkDocs plugin. Here
`paper2site` writes the pages into a docs folder (with docs/'s CSS and JavaScript) and a config that inherits the
project's mkdocs.yml and adds what the `paper` plugin sets at build time (site name, navigation), then the pinned
Zensical (requirements-zensical.lock, in its own venv .tools/zensical/, never .venv) builds it. Every page a
reader opens is compared with the MkDocs build of the same papers: its text, its note numbers and notes, the
question short pages and forwarding pages, the link previews and citation metadata, the glossary's abbreviations.
What Zensical does not do (our MkDocs plugins' search entries and the offline copy) is measured too, as the README
table "Zensical" says. The whole module skips itself, with the reason, where Zensical cannot be installed.
"""

from __future__ import annotations

import html
import importlib.util
import json
import os
import re
import shutil
import sys
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import PAPER, ROOT, mkdocs_build
from .htmltext import PageText
from .paperdays import edition_prefix, paper_days
from .test_editions import fixtures, project

# the link previews, the citation metadata (Highwire Press, Dublin Core), the description and robots tags
META_RE = re.compile(r"^(og:|twitter:|citation_|DC\.|description$|robots$)")
# the tags that hold an address: compared as the address they name, resolved against the page's own (MkDocs
# writes the page itself as "./", Zensical as "././")
ADDRESS_TAGS = ("og:url", "citation_public_url", "DC.identifier")
HOST = "https://host.invalid/"
MAIN_RE = re.compile(r"<main>(.*?)</main>", re.DOTALL)
TAG_RE = re.compile(r"<[^>]+>")
READ_OFFLINE = "Read offline"  # the home page's section on the offline copy, which only the MkDocs build makes


def _dev():
    spec = importlib.util.spec_from_file_location("dev", ROOT / "scripts" / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


dev = _dev()


@pytest.fixture(scope="module")
def zensical_installed() -> Path:
    try:
        return dev.ensure_zensical()
    except dev.TaskError as error:
        pytest.skip(f"Zensical cannot be installed here: {error}")


def build_with_zensical(name: str, *, papers: Path, bibliography: Path, published: str = "") -> Path:
    """The papers built by Zensical, as `python3 scripts/dev.py build --engine zensical` builds them, in a folder
    of build/ (Zensical builds nothing outside its config's folder, the project)."""
    where = ROOT / "build" / f".zensical-test-{name}-{os.getpid()}"
    shutil.rmtree(where, ignore_errors=True)
    config = ROOT / f".mkdocs-test-zensical-{name}-{os.getpid()}.yml"  # beside mkdocs.yml, which it inherits
    try:
        done = dev.zensical_build(where / "site", papers=str(papers), bibliography=str(bibliography),
                                  published=published, config=config, docs=where / "docs", python=Path(sys.executable))
    finally:
        config.unlink(missing_ok=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return where


@pytest.fixture(scope="module")
def real(zensical_installed, site_dir):
    """The real papers: the MkDocs site (conftest) and Zensical's."""
    where = build_with_zensical("real", papers=ROOT / "papers", bibliography=ROOT / "footnotes" / "sources.bib",
                                published=str(ROOT / "papers" / "published.txt"))
    yield site_dir, where / "site"
    shutil.rmtree(where, ignore_errors=True)


@pytest.fixture(scope="module")
def editions(zensical_installed, tmp_path_factory):
    """Two synthetic editions of other months and numbers of days, as one site: MkDocs's and Zensical's."""
    where = tmp_path_factory.mktemp("zensical-editions")
    config = project(where, papers=fixtures(), published=None)
    done = mkdocs_build(where / "site", config=config)
    assert done.returncode == 0, done.stderr
    built = build_with_zensical("editions", papers=where / "papers", bibliography=where / "sources.bib")
    yield where / "site", built / "site"
    shutil.rmtree(built, ignore_errors=True)


class _Head(HTMLParser):
    """A page's <title>, its meta tags of link previews and citation, and its abbreviations (the glossary)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title, self.meta, self.abbrs = "", {}, set()
        self._in_title, self._abbr = False, None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        key = a.get("name") or a.get("property") or ""
        if tag == "meta" and META_RE.match(key):
            self.meta[key] = a.get("content", "")
        self._in_title = self._in_title or tag == "title"
        if tag == "abbr":
            self._abbr = [a.get("title", ""), ""]

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "abbr" and self._abbr is not None:
            self.abbrs.add((self._abbr[1], self._abbr[0]))
            self._abbr = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._abbr is not None:
            self._abbr[1] += data


def view(page: str, path: str) -> dict[str, object]:
    """What a reader, a chat app's preview and a reference manager read off a page, whichever engine built it:
    entities decoded (Zensical writes `/` in an attribute as `&#x2f;`), white space folded."""
    head = _Head()
    head.feed(page)
    for tag in ADDRESS_TAGS:
        if tag in head.meta:
            head.meta[tag] = urllib.parse.urljoin(HOST + path, head.meta[tag])
    text = PageText.parse(page)
    body = text.main
    if not body and (main := MAIN_RE.search(page)):  # a question's short page, a forwarding page: no article
        body = " ".join(html.unescape(TAG_RE.sub(" ", re.sub(r"<script.*?</script>", "", main[1], flags=re.DOTALL))).split())
    return {"title": " ".join(head.title.split()), "meta": head.meta, "text": body, "refs": text.refs,
            "notes": text.notes, "note numbers": text.note_values, "abbreviations": sorted(head.abbrs)}


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def compare(mkdocs_site: Path, zensical_site: Path) -> None:
    built, other = pages(mkdocs_site), pages(zensical_site)
    assert built == other, f"only MkDocs: {sorted(built - other)[:5]}; only Zensical: {sorted(other - built)[:5]}"
    home = "index.html"
    for path in sorted(built):
        want = view((mkdocs_site / path).read_text(encoding="utf-8"), path)
        got = view((zensical_site / path).read_text(encoding="utf-8"), path)
        if path == home:  # the offline copy is MkDocs's alone (paper-offline): its section is the one difference
            shown, _, offline = str(want["text"]).partition(f" {READ_OFFLINE} ")
            assert offline, "the MkDocs home page no longer offers the offline copy"
            want["text"] = shown
        for what in want:
            assert got[what] == want[what], f"{path}: {what} differs\nMkDocs:   {want[what]}\nZensical: {got[what]}"


def test_every_page_reads_the_same_built_by_zensical(real):
    compare(*real)


def test_editions_of_other_papers_read_the_same_built_by_zensical(editions):
    compare(*editions)


def test_the_pages_zensical_builds_hold_the_papers_content(real):
    """Not empty pages that agree: the day pages have their notes and numbers, the short pages their question."""
    _, site = real
    days = [p for p in site.glob(f"{edition_prefix(PAPER)}/*/index.html") if re.fullmatch(r"\d+-[a-z]+", p.parent.name)]
    assert sorted(p.parent.name for p in days) == sorted(day.slug for day in paper_days(PAPER))
    for day in days:
        seen = view(day.read_text(encoding="utf-8"), day.relative_to(site).as_posix())
        assert seen["refs"] and seen["notes"] and seen["meta"].get("citation_title"), day
    short = next(site.glob(f"{edition_prefix(PAPER)}/*/[a-z]/index.html"))
    seen = view(short.read_text(encoding="utf-8"), short.relative_to(site).as_posix())
    assert "discussion question" in str(seen["text"]) and seen["meta"]["og:title"] and seen["meta"]["robots"]


def test_what_only_the_mkdocs_plugins_make_is_missing_from_zensicals_build(real, editions):
    """The README table's "missing" column, measured: Zensical's own search index, without our plugins' entries
    (a question each, a paragraph each, word forms); no offline copy; no index per edition."""
    mkdocs_site, site = real
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    locations = [item["location"] for item in index["items"]]
    assert any(loc.endswith("#policy-commitments") for loc in locations), "Zensical's search indexes the sections"
    assert not any("#question-" in loc for loc in locations), "Zensical now indexes each question: update README"
    assert not any("forms" in item for item in index["items"])
    assert not (site / "search" / "words.json").exists()
    assert list(mkdocs_site.glob("*-offline.zip")) and not list(site.glob("*-offline.zip"))
    assert list((editions[0] / "search").glob("edition-*.json")) and not (editions[1] / "search").exists()
