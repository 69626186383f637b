"""Search on demand (overrides/partials/search-on-demand.html): a reader who never searches never downloads the
search index nor starts the search worker; the first sign of searching fetches both, and search then works at once,
whether the reader clicks and types fast, taps the phone's search button, uses the keyboard shortcut or opens a
shared search link."""

from __future__ import annotations

import pytest

SEARCH_FILES = ("search/search_index.json", "/workers/search.")


def _watch_search_files(page) -> list[str]:
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if any(f in r.url for f in SEARCH_FILES) else None)
    return fetched


def _results(page) -> int:
    page.locator("a.md-search-result__link").first.wait_for()
    return page.locator("a.md-search-result__link").count()


def _query_word(site_dir) -> str:
    """A word of the site's own text (the home page's title, from the build), so the query finds something."""
    import json

    docs = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))["docs"]
    return max((w for w in docs[0]["title"].split() if w.isalpha()), key=len)


@pytest.mark.parametrize("path_kind", ["home", "page"])
def test_reading_fetches_no_search_files(page, base_url, site_pages, path_kind):
    path = "" if path_kind == "home" else next(p for p in site_pages if p and p.endswith("/"))
    fetched = _watch_search_files(page)
    page.goto(base_url + path, wait_until="networkidle")
    page.mouse.move(10, 300)
    page.mouse.wheel(0, 2000)                       # reading: scrolling is no intent to search
    page.wait_for_function("() => scrollY > 0")     # the scroll happened: its listeners have run
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")  # and a frame
    page.wait_for_load_state("networkidle")
    assert fetched == []


def test_click_and_type_fast_finds(page, base_url, site_dir):
    fetched = _watch_search_files(page)
    page.goto(base_url, wait_until="networkidle")
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(_query_word(site_dir))  # no delay: before the index is in
    assert _results(page) > 0
    assert {f for f in SEARCH_FILES if any(f in url for url in fetched)} == set(SEARCH_FILES)


def test_keyboard_shortcut_finds(page, base_url, site_dir):
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type(_query_word(site_dir))
    assert _results(page) > 0


def test_phone_search_button_finds(phone_page, base_url, site_dir):
    phone_page.goto(base_url, wait_until="networkidle")
    phone_page.locator("label.md-header__button[for=__search]").tap()
    phone_page.locator(".md-search__input").press_sequentially(_query_word(site_dir))
    assert _results(phone_page) > 0


def test_shared_search_link_shows_results(page, base_url, site_dir):
    page.goto(f"{base_url}?q={_query_word(site_dir)}")
    assert _results(page) > 0
