"""axe-core (WCAG 2.2 A/AA and best practice) finds no violation on any page, in the states a reader puts it in:
light and dark, desktop and phone, search open, navigation drawer open. Nothing is allow-listed: a violation
Material's defaults bring is fixed in docs/assets/access.css or overrides/, not ignored here.

Colours are measured at rest: every context here asks for reduced motion (Material then drops its CSS
transitions) and each check waits until no animation or transition is running, since axe reads the colour an
element has at that instant. (A search result's text read 4.37:1 in dark when axe ran while the results panel was
still fading in, `.md-search__output`'s 0.4 s opacity transition; at rest it is 4.92:1.)

axe-core comes bundled in the axe-playwright-python package (no network)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import DESKTOP, _context
from reader import lay_out_everything, search, settle, watch_search

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}

axe = Axe()


def violations(page) -> list[str]:
    """One line per failing element: rule, impact, the element and axe's summary of what to fix; once the page has
    stopped moving, and with every part of it rendered (axe cannot judge the colours of what is not)."""
    lay_out_everything(page)
    settle(page)
    found = axe.run(page, options=OPTIONS).response["violations"]
    return [f"{v['id']} ({v['impact']}): {n['target']} — {n['failureSummary'].splitlines()[-1].strip()}"
            for v in found for n in v["nodes"]]


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, browser, base_url):
    offsite: list[str] = []
    context = _context(browser, base_url, offsite, viewport=DESKTOP, color_scheme=request.param,
                       reduced_motion="reduce")
    yield context.new_page()
    context.close()


@pytest.fixture
def calm_phone_page(browser, base_url):
    """A phone-sized page (390×844, touch) that asks for reduced motion."""
    offsite: list[str] = []
    context = _context(browser, base_url, offsite, viewport={"width": 390, "height": 844}, is_mobile=True,
                       has_touch=True, device_scale_factor=2, reduced_motion="reduce")
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
    watch_search(page)
    page.goto(base_url)
    title = page.locator("h1").first.inner_text()
    word = max(title.split(), key=len).strip(",.;:").lower()  # a word the site surely contains
    search(page, word)  # the results of the whole word, shown
    found = violations(page)
    assert not found, "\n".join(found)


def test_no_violation_on_a_phone_with_the_drawer_open(calm_phone_page, base_url, site_pages):
    phone_page = calm_phone_page
    found = []
    for path in site_pages[:2]:
        phone_page.goto(base_url + path)
        found += [f"/{path} (page): {v}" for v in violations(phone_page)]
        phone_page.locator(".md-header label[for='__drawer']").click()
        phone_page.locator(".md-sidebar--primary").wait_for(state="visible")  # violations() waits for it to settle
        found += [f"/{path} (drawer): {v}" for v in violations(phone_page)]
    assert not found, "\n".join(found)
