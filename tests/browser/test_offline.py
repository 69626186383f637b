"""The offline copy: the zip linked from the home page opens from disk (file://) and its search works, with no
request to any host."""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from reader import watch_errors


@pytest.fixture(scope="module")
def offline_copy(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip the home page links to, unzipped; returns the folder holding the copy's index.html."""
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+\.zip)" download', home)
    assert len(links) == 1, "the home page links no offline copy (or more than one)"
    archive = site_dir / links[0]
    assert archive.is_file(), f"the home page links {links[0]}, which the build did not write"
    out = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archive) as z:
        z.extractall(out)
    (root,) = [p.parent for p in out.glob("*/index.html")]
    return root


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)


def test_every_local_link_in_the_copy_opens_a_file(offline_copy: Path):
    broken = []
    for html in offline_copy.rglob("*.html"):
        parser = _Links()
        parser.feed(html.read_text(encoding="utf-8"))
        for url in parser.urls:
            parts = urlparse(url)
            if parts.scheme or parts.netloc or not parts.path:
                continue  # other hosts (not fetched, only linked) and same-page anchors
            target = Path(unquote(urlparse(urljoin(html.as_uri(), parts.path)).path))
            if not target.is_file():  # a folder opens as a file listing from disk, not as a page
                broken.append(f"{html.relative_to(offline_copy)}: {url}")
    assert broken == []


def test_copy_loads_the_search_shim_from_itself_not_from_unpkg(offline_copy: Path):
    html = (offline_copy / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html
    shims = re.findall(r'<script src="([^"]*iframe-worker[^"]*)"', html)
    assert len(shims) == 1 and (offline_copy / shims[0]).is_file()


def test_copy_has_no_zip_of_itself_and_no_link_to_one(offline_copy: Path):
    assert list(offline_copy.rglob("*.zip")) == []
    assert 'download>' not in (offline_copy / "index.html").read_text(encoding="utf-8")


def test_copy_opens_from_disk_and_search_finds_a_day(page, offline_copy: Path, offsite_requests):
    errors = watch_errors(page)
    page.goto((offline_copy / "index.html").as_uri())
    day = page.locator(".md-nav--primary a.md-nav__link[href$='.html']").nth(1)
    day_href = day.get_attribute("href")
    page.goto(urljoin(page.url, day_href))
    assert page.url.startswith("file://")
    # a word of the day's own heading: search must find this page
    word = max(re.findall(r"[A-Za-z]{6,}", page.locator("h1").inner_text()), key=len)
    query = page.locator("input[data-md-component='search-query']")
    query.click()
    query.press_sequentially(word.lower())
    day_folder = Path(day_href).parent.name  # "19-october/index.html": "19-october"
    # results come in as the word is typed: wait for the day among them (failing if it never comes)
    found = page.locator(f".md-search-result__item a[href*='{day_folder}/']")
    found.first.wait_for()
    found.first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and urlparse(page.url).path.endswith(".html")
    assert offsite_requests == []
    assert errors == []
