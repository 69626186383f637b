"""A day page printed: no navigation, search, header or footer; notes with the paper's numbers; the address of
every link to another site; the paper's title and dates and the page's address on every sheet."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PAPER
from tests.paperdays import edition_prefix
from paperkit.parse import read_paper
from reader import as_printed

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search",
          ".md-top", ".md-skip"]


@pytest.fixture(scope="module")
def day_path(site_dir: Path) -> str:
    """The path of the newest edition's built page with the most notes: a day page."""
    edition = site_dir / edition_prefix(PAPER)
    pages = {p.parent.relative_to(site_dir).as_posix() + "/": p.read_text(encoding="utf-8").count('id="fn:')
             for p in edition.glob("*/index.html")}
    return max(pages, key=pages.get)


@pytest.fixture
def printed(page, base_url, day_path):
    """The day page as the printer sees it (print media, after the browser's beforeprint event)."""
    page.goto(base_url + day_path, wait_until="networkidle")
    as_printed(page)
    return page


def test_print_hides_navigation_search_and_chrome(printed):
    shown = [s for s in CHROME if printed.locator(s).count() and printed.locator(s).first.is_visible()]
    assert shown == []
    assert printed.locator("article h1").is_visible()


def test_print_keeps_the_notes_with_the_papers_numbers(printed):
    refs = [int(t) for t in printed.locator("sup[id^='fnref'] a").all_inner_texts()]
    notes = printed.locator(".footnote li")
    assert notes.first.is_visible()
    values = [int(v) for v in notes.evaluate_all("els => els.map(e => e.value)")]
    assert values == sorted(set(refs)) and values[0] > 1  # the paper's numbers, not 1, 2, 3 again
    marker = notes.first.evaluate("e => getComputedStyle(e.parentElement).listStyleType")
    assert marker == "decimal"


def test_print_shows_the_address_of_links_to_other_sites(printed, base_url):
    links = printed.locator(".md-typeset a[href^='http']").evaluate_all("""els => els.map(a => ({
        href: a.getAttribute('href'), external: a.host !== location.host,
        after: getComputedStyle(a, '::after').content}))""")
    external = [a for a in links if a["external"]]
    assert external, "the day page has no link to another site to print"
    assert all(a["href"] in a["after"] for a in external)
    assert all(a["after"] in ("none", "normal", "") for a in links if not a["external"])


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext); .ci/run installs it")
def test_every_printed_sheet_has_title_dates_and_address(page, base_url, day_path, tmp_path):
    title = read_paper(PAPER).title
    page.goto(base_url + day_path, wait_until="networkidle")
    pdf = tmp_path / "day.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    sheets = [s for s in text.split("\f") if s.strip()]
    assert sheets  # several for the 2021 paper's longest day, one for a short paper's
    for n, sheet in enumerate(sheets, 1):
        assert title.title in sheet and title.dates in sheet, f"sheet {n}: no title or dates"
        assert base_url + day_path in sheet, f"sheet {n}: no address"
        assert re.search(rf"\b{n}\s*/\s*{len(sheets)}\s*$", sheet), f"sheet {n}: no sheet number"
