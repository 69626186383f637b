"""A reference manager saves any page with its metadata, and a shared question link previews the question.

Citation metadata (``overrides/partials/citation.html``) is read back from every built page and compared with the
title block as the parser reads it: Zotero's "Embedded Metadata" translator makes an item a *report* when it finds
``citation_technical_report_institution`` (its ``institution``), its title from ``citation_title``, its date from
``citation_publication_date``, its address from ``citation_public_url``. Each discussion question's own short
address (``<edition>/<day>/<letter>/``, ``scripts/paperkit/pages/question_links.py``) exists, and its preview tags
carry the question's text, read from the paper with plain code (``tests/paperdays.py``), not from the model.

Each edition's pages (``2021/…``) cite that edition's paper; the pages the editions share (the series home, Sources,
Topics) cite none of them; a page that forwards (a published address that moved, ``latest/…``) is cited as the
page it forwards to, at that page's address.
"""

from __future__ import annotations

import html
import html.parser
import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import jinja2
import markupsafe
import pytest
import yaml

from paperkit import citation
from paperkit.parse import read_paper

from .conftest import EDITIONS, ROOT
from .paperdays import day_path, edition_prefix, paper_days

# "- d) What steps …?" — a discussion question as the paper prints it
QUESTION_RE = re.compile(r"^- ([a-z])\) (.+)$", re.MULTILINE)
# superscript note markers and the Markdown the paper may carry ("\$", "*italics*")
PAPER_MARKUP_RE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*|\\(?=\$)")
# tags whose presence makes Zotero's translator choose another item type than a report
OTHER_TYPES = ("citation_journal_title", "citation_conference_title", "citation_conference", "citation_book_title",
               "citation_inbook_title", "citation_dissertation_institution")
# the pages at the site's root that every edition shares: the series home, Sources, Topics
SHARED = ("index.html", "sources/index.html", "topics/index.html")
# every citation tag a page carries, Highwire Press and Dublin Core
CITATION_TAGS = ("citation_title", "citation_technical_report_institution", "citation_publisher",
                 "citation_publication_date", "citation_public_url", "citation_language", "DC.title", "DC.publisher",
                 "DC.date", "DC.identifier", "DC.language")
THEME_LANGUAGE = yaml.safe_load(re.search(r"^theme:\n(?:  .*\n)+", (ROOT / "mkdocs.yml").read_text("utf-8"),
                                          re.MULTILINE)[0].replace("!ENV", ""))["theme"]["language"]


class _Head(html.parser.HTMLParser):
    """The ``<meta>`` tags of a page (name or property → every content, in order), its ``<title>``, its links."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[tuple[str, str]] = []
        self.title = ""
        self._in_title = False
        self.h1 = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("name") or a.get("property")):
            self.meta.setdefault(a.get("name") or a.get("property"), []).append(a.get("content") or "")
        if tag == "a" and a.get("href"):
            self.links.append((a["href"], a.get("class") or ""))
        self._in_title = tag == "title"
        self.h1 += tag == "h1"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def head(path: Path) -> _Head:
    p = _Head()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def one(page: _Head, name: str) -> str:
    values = page.meta.get(name, [])
    assert len(values) == 1, f"{name}: {values}"
    return values[0]


def address(site_dir: Path, path: Path) -> str:
    """The page's address in a site served from ``https://host/site/``."""
    rel = path.relative_to(site_dir).as_posix()
    return "https://host/site/" + rel.removesuffix("index.html")


def site_pages(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html") if p.relative_to(site_dir).parts[0] != "assets")


def from_paper(text: str) -> str:
    return " ".join(PAPER_MARKUP_RE.sub("", text).split())


def edition_pages(site_dir: Path, prefix: str) -> list[Path]:
    """The pages in an edition's folder (``2021/…``)."""
    return [p for p in site_pages(site_dir) if p.relative_to(site_dir).parts[0] == prefix]


@pytest.mark.parametrize("paper_file", EDITIONS, ids=[p.stem for p in EDITIONS])
def test_every_page_of_an_edition_carries_the_citation_of_its_report(site_dir, paper_file):
    t = read_paper(paper_file).title
    paper_title = f"{t.kind}: {t.title} ({t.dates})"
    body = next(line for line in t.issuer if not line.isupper())  # the body's name, after its acronym
    year = re.search(r"\d{4}", t.dates)[0]
    days = {d.slug: d for d in paper_days(paper_file)}
    prefix = edition_prefix(paper_file)
    pages = edition_pages(site_dir, prefix)
    assert len(pages) >= len(days) + 2  # its home page, its days, its questions
    for path in pages:
        page = head(path)
        where = path.relative_to(site_dir / prefix).as_posix()  # inside the edition's folder
        title = one(page, "citation_title")
        assert title.startswith(paper_title), where
        assert one(page, "citation_technical_report_institution") == body == one(page, "citation_publisher")
        assert one(page, "citation_publication_date") == year
        assert one(page, "citation_language") == THEME_LANGUAGE
        # without site_url, the page itself, relative: a reference manager resolves it against the page's address
        url = one(page, "citation_public_url")
        assert urljoin(address(site_dir, path), url) == address(site_dir, path), where
        assert not any(name in page.meta for name in (*OTHER_TYPES, "citation_author")), where
        # Dublin Core says the same
        assert (one(page, "DC.title"), one(page, "DC.publisher"), one(page, "DC.date"), one(page, "DC.identifier"),
                one(page, "DC.language")) == (title, body, year, url, THEME_LANGUAGE)
        parts = where.split("/")
        if parts[0] in days and len(parts) == 2:  # a day: its date and its challenge (the heading's words)
            day = days[parts[0]]
            assert title.startswith(f"{paper_title}, {day.date}: "), where
            assert title.casefold().endswith(day.heading.casefold()), where
        elif parts[0] in days:  # a question's own page
            assert title == f"{paper_title}, {days[parts[0]].date}, discussion question {parts[1]})", where
        elif where == "index.html":
            assert title == paper_title
        else:  # the Discussion questions, …: the page's name after the paper's
            assert title == f"{paper_title}, {page.title.split(' - ')[0]}", where


def test_the_pages_the_editions_share_claim_no_citation(site_dir):
    """The series home, Sources and Topics belong to no one edition: a reference manager would save them as one
    paper's, so they say none."""
    shared = [site_dir / p for p in SHARED if (site_dir / p).is_file()]
    assert {"index.html", "sources/index.html"} <= {p.relative_to(site_dir).as_posix() for p in shared}
    for path in shared:
        assert not [n for n in head(path).meta if n.startswith(("citation_", "DC."))], path


def test_a_page_that_forwards_is_cited_as_the_page_it_forwards_to(site_dir):
    """Every other page (a published address that moved, an alias under latest/) forwards to an edition's page,
    and a reference manager that saves it saves that page, at that page's address."""
    prefixes = {edition_prefix(p) for p in EDITIONS}
    pages = [p for p in site_pages(site_dir) if p.name != "404.html" and p.relative_to(site_dir).parts[0] not in
             prefixes and p.relative_to(site_dir).as_posix() not in SHARED]
    assert pages  # the newest edition's aliases at least
    for path in pages:
        where = path.relative_to(site_dir).as_posix()
        page = head(path)
        (forward,) = [href for href, cls in page.links if "paper-forward" in cls]
        to = urljoin(address(site_dir, path), forward)
        rel = to.removeprefix("https://host/site/")
        assert rel.split("/")[0] in prefixes, (where, to)  # into an edition's folder
        target = head(site_dir / rel / "index.html")
        url = one(page, "citation_public_url")
        assert urljoin(address(site_dir, path), url) == to, where
        assert urljoin(address(site_dir, path), one(page, "DC.identifier")) == to, where
        for name in CITATION_TAGS:
            if name not in ("citation_public_url", "DC.identifier"):
                assert one(page, name) == one(target, name), (where, name)


def test_the_404_page_claims_no_citation(site_dir):
    assert not [n for n in head(site_dir / "404.html").meta if n.startswith(("citation_", "DC."))]


@pytest.mark.parametrize("paper_file", EDITIONS, ids=[p.stem for p in EDITIONS])
def test_every_question_has_its_own_address_that_previews_it(site_dir, paper_file):
    days = paper_days(paper_file)
    asked = [(d, m[1], from_paper(m[2])) for d in days
             for m in QUESTION_RE.finditer(d.text[d.text.index("DISCUSSION QUESTIONS"):])]
    assert asked and all(any(d is day for day, _, _ in asked) for d in days)
    for day, letter, text in asked:
        path = site_dir / day_path(paper_file, day) / letter / "index.html"
        assert path.is_file(), f"{day_path(paper_file, day)}{letter}/ is missing"
        page = head(path)
        title = one(page, "og:title")
        assert title == page.title == one(page, "twitter:title")
        assert title.startswith(f"{day.date}, ") and f"question {letter})" in title  # the day with its year
        assert text in title, (title, text)
        for name in ("og:description", "description", "twitter:description"):
            assert one(page, name).startswith(text[:250]), name
        assert one(page, "og:type") == "article" and one(page, "robots") == "noindex"
        # a visible heading, and a link into the day at the question's id, relative
        assert page.h1 == 1
        (forward,) = [href for href, cls in page.links if "paper-forward" in cls]
        assert urljoin(address(site_dir, path), forward) == \
            f"https://host/site/{day_path(paper_file, day)}#question-{letter}"


# The templates on their own, with values a paper could hold: quotes, angle brackets, ampersands.
HOSTILE = 'A "quoted" <b>title</b> & co\'s'


@pytest.fixture(scope="module")
def env() -> jinja2.Environment:
    """Our templates over Material's, as MkDocs loads them (no autoescape: every value escapes itself)."""
    import material
    loader = jinja2.FileSystemLoader([ROOT / "overrides", Path(material.__file__).parent / "templates"])
    e = jinja2.Environment(loader=loader)
    e.filters["url"] = lambda value: f"relative:{value}"
    return e


def _stub_page(**meta):
    return SimpleNamespace(meta=meta, title=meta.get("title"), is_homepage=False, url="x/y/",
                           canonical_url="https://example.org/sub/x/y/?a=1&b=<2>", content="<p>Text</p>")


def _citation_meta(cite: citation.Citation) -> dict[str, str]:
    """The citation as an edition's page hands it to the templates, in its front matter (plain text)."""
    return {"title": cite.title, "institution": cite.institution, "date": cite.date}


def test_the_citation_partial_escapes_every_value_and_uses_the_canonical_address(env):
    cite = citation.Citation(title=HOSTILE, institution="Body <x> & \"y\"", date="2030")
    # MkDocs sets canonical_url only with site_url (as here); Zensical sets it without too, root-relative
    config = SimpleNamespace(extra={}, theme={"language": "en"}, site_url="https://example.org/sub/")
    page = _stub_page(title="Discussion questions", citation=_citation_meta(cite))
    out = env.get_template("partials/citation.html").render(config=config, page=page)
    p = _Head()
    p.feed(out)
    assert one(p, "citation_title") == f"{HOSTILE}, Discussion questions"
    assert one(p, "citation_technical_report_institution") == cite.institution
    assert one(p, "citation_public_url") == page.canonical_url == one(p, "DC.identifier")
    assert "<b>" not in out and "<x>" not in out
    page = _stub_page(title="Discussion questions", citation_title=HOSTILE, citation=_citation_meta(cite))
    page.canonical_url = None
    p = _Head()
    p.feed(env.get_template("partials/citation.html").render(config=config, page=page))
    assert one(p, "citation_title") == HOSTILE and one(p, "citation_public_url") == "relative:x/y/"
    # without site_url the page's own relative address, whatever canonical_url an engine sets (Zensical's "/x/y/")
    page.canonical_url = "/x/y/"
    p = _Head()
    p.feed(env.get_template("partials/citation.html").render(config=SimpleNamespace(**{**vars(config), "site_url": ""}),
                                                             page=page))
    assert one(p, "citation_public_url") == "relative:x/y/" == one(p, "DC.identifier")
    # a page without the citation of an edition (a page the editions share) claims none
    out = env.get_template("partials/citation.html").render(config=config, page=_stub_page(title="Sources"))
    assert "citation_" not in out and "DC." not in out


def test_the_question_template_escapes_every_value(env):
    edition = {"prefix": "2030", "title": HOSTILE, "dates": "3 & 4 March 2030", "kind": "Paper <kind>"}
    cite = citation.Citation(title=HOSTILE, institution="Body", date="2030")
    # as the paper plugin and the writer hand them over: site_name, the front matter's title and description
    # already HTML-escaped (Material prints them as HTML), the rest plain text (the edition, its citation)
    config = SimpleNamespace(extra={}, theme={"language": "en"}, site_url="https://example.org/sub/",
                             site_name=markupsafe.Markup(html.escape(HOSTILE)))
    page = _stub_page(title=html.escape(HOSTILE), description=html.escape(HOSTILE),
                      question={"day": "3 <March>", "letter": "b"}, edition=edition, citation=_citation_meta(cite))
    out = env.get_template("question.html").render(config=config, page=page)
    p = _Head()
    p.feed(out)
    assert p.title == HOSTILE
    for name in ("og:title", "og:description", "description", "og:site_name", "twitter:title"):
        assert one(p, name) == HOSTILE, name
    assert one(p, "og:url") == page.canonical_url
    assert "<b>" not in out and "<kind>" not in out and "<March>" not in out
    assert f"Paper <kind> · {HOSTILE} · 3 & 4 March 2030" in html.unescape(out)  # the kicker, escaped
