"""In Chromium, the payload set in every field (``tests/payloads.py``) runs nothing: no dialog on any page, nor when
a reader searches for a word of the payloads and the results (Material inserts them as HTML) are shown; and the
results read as written."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from urllib.parse import urljoin

import pytest

from tests.payloads import MARK, PAYLOAD
from tests.test_output_safety import build
from conftest import _context, _QuietHandler


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory) -> Iterator[tuple[str, list[str]]]:
    site = build(tmp_path_factory.mktemp("browser-payloads") / "hostile", PAYLOAD)
    pages = sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html")
                   if not p.relative_to(site).as_posix().startswith("assets/"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", pages
    server.shutdown()


@pytest.fixture
def hostile_page(browser, hostile_url):
    context = _context(browser, hostile_url[0], [], viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(f"{page.url}: {dialog.type} {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.dialogs = dialogs  # type: ignore[attr-defined]
    yield page
    context.close()


def test_no_page_opens_a_dialog(hostile_page, hostile_url):
    base, pages = hostile_url
    assert len(pages) >= 8
    for path in pages:
        hostile_page.goto(base + path)
        hostile_page.wait_for_load_state("load")
        hostile_page.mouse.move(200, 200)  # the first interaction: Material's bundle and our scripts start
        hostile_page.keyboard.press("Shift")
        hostile_page.wait_for_function("() => !document.getElementById('__scripts')"
                                       " || document.querySelector('[data-md-component=search]') !== null")
    assert hostile_page.dialogs == []  # type: ignore[attr-defined]


def test_searching_a_payload_word_opens_no_dialog_and_reads_as_written(hostile_page, hostile_url):
    base, _ = hostile_url
    hostile_page.goto(base)
    query = hostile_page.locator(".md-search__input")
    query.click()
    query.press_sequentially(MARK)
    results = hostile_page.locator(".md-search-result__item")
    results.first.wait_for()
    hostile_page.wait_for_function(  # a question's own entry among the results (its title holds the payloads)
        "() => [...document.querySelectorAll('.md-search-result__link')].some(a => a.href.includes('#question-'))")
    texts = results.all_inner_texts()
    assert any("<script>alert(1)</script>" in t for t in texts), texts[:3]
    href = hostile_page.locator(".md-search-result__link[href*='#question-']").first.get_attribute("href")
    hostile_page.goto(urljoin(hostile_page.url, href))  # (a question's entry may sit in a folded group)
    hostile_page.wait_for_load_state("load")
    assert "#question-" in hostile_page.url
    assert hostile_page.dialogs == []  # type: ignore[attr-defined]
