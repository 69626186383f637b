"""Browser fixtures: the built site served on 127.0.0.1, Debian's Chromium driven by Playwright.

Every page opened through the `page` fixture has every request to another host aborted and recorded;
`offsite_requests` lists them so a test can assert there were none. Never `playwright install`:
the browser is /usr/bin/chromium (Debian's `chromium` package).
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# The desktop page's size: 1280×900 unless TEST_DESKTOP_VIEWPORT says otherwise ("1024x700"), so the suite can be run
# at another size to show that no test depends on where an element falls in the window.
DESKTOP = dict(zip(("width", "height"), map(int, os.environ.get("TEST_DESKTOP_VIEWPORT", "1280x900").split("x"))))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass

    def send_error(self, code, message=None, explain=None) -> None:
        """A missing page answers with the site's 404.html, as static hosts (GitHub Pages, nginx's error_page) do."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The built site, served by a static file server on 127.0.0.1 (a free port)."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is not installed: run `apt-get install chromium` (scripts/dev.py test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def offsite_requests() -> list[str]:
    return []


def _context(browser, base_url: str, offsite: list[str], **options):
    context = browser.new_context(**options)
    host = urlparse(base_url).netloc

    def route(r) -> None:
        url = urlparse(r.request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != host:
            offsite.append(r.request.url)
            r.abort()
        else:
            r.continue_()

    context.route("**/*", route)
    return context


@pytest.fixture
def page(browser, base_url: str, offsite_requests: list[str]):
    """A desktop-sized page (1280×900, or TEST_DESKTOP_VIEWPORT)."""
    context = _context(browser, base_url, offsite_requests, viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_page(browser, base_url: str, offsite_requests: list[str]):
    """A phone-sized page (390×844, touch)."""
    context = _context(browser, base_url, offsite_requests, viewport={"width": 390, "height": 844},
                       is_mobile=True, has_touch=True, device_scale_factor=2)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the built site as a path under the site root (``""``, ``2021/19-october/``, ``404.html``),
    found in the build's files, so that pages added later are checked too."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        if rel.startswith("assets/") or 'http-equiv="refresh"' in html.read_text(encoding="utf-8"):
            continue  # a page that forwards (a moved address, a latest/ alias) shows its target, checked itself
        pages.append(rel.removesuffix("index.html"))
    assert "" in pages, "the built site has no home page"
    return pages

