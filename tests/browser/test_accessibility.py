"""axe-core (WCAG 2.2 A/AA and best practice) finds no violation on any page, in the states a reader puts it in:
light and dark, desktop and phone, search open, navigation drawer open. Nothing is allow-listed: a violation
Material's defaults bring is fixed in docs/assets/access.css or overrides/, not ignored here.

axe-core comes bundled in the axe-playwright-python package (no network)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import _context

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}

axe = Axe()


def violations(page) -> list[str]:
    """One line per failing element: rule, impact, the element and axe's summary of what to fix."""
    found = axe.run(page, options=OPTIONS).response["violations"]
    return [f"{v['id']} ({v['impact']}): {n['target']} — {n['failureSummary'].splitlines()[-1].strip()}"
            for v in found for n in v["nodes"]]


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, browser, base_url):
    offsite: list[str] = []
    context = _context(browser, base_url, offsite, viewport={"width": 1280, "height": 900},
                       color_scheme=request.param)
    yield context.new_page()
    context.close()


def test_no_violation_on_any_page(scheme_page, base_url, site_pages):
    found = []
    for path in site_pages:
        scheme_page.goto(base_url + path)
        found += [f"/{path}: {v}" for v in violations(scheme_page)]
    assert not found, "\n".join(found)


def test_no_violation_with_search_open_and_results_shown(scheme_page, base_url):
    page = scheme_page
    page.goto(base_url)
    title = page.locator("h1").first.inner_text()
    word = max(title.split(), key=len).strip(",.;:").lower()  # a word the site surely contains
    query = page.locator("input[data-md-component='search-query']")
    query.click()
    query.press_sequentially(word)
    page.locator(".md-search-result__item").first.wait_for()
    found = violations(page)
    assert not found, "\n".join(found)


def test_no_violation_on_a_phone_with_the_drawer_open(phone_page, base_url, site_pages):
    found = []
    for path in site_pages[:2]:
        phone_page.goto(base_url + path)
        found += [f"/{path} (page): {v}" for v in violations(phone_page)]
        phone_page.locator(".md-header label[for='__drawer']").click()
        phone_page.locator(".md-sidebar--primary").wait_for(state="visible")
        phone_page.wait_for_timeout(300)  # the drawer slides in
        found += [f"/{path} (drawer): {v}" for v in violations(phone_page)]
    assert not found, "\n".join(found)
