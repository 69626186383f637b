"""Scripts on interaction (overrides/partials/scripts-on-interaction.html): a fresh page runs none of Material's
JavaScript nor our held scripts until the reader first moves, touches, scrolls or types; that first interaction
starts them (a note's tooltip shows on the first hover), the page looks the same before and after, and an address
that asks for search starts them at once."""

from __future__ import annotations

import pytest

from reader import watch_errors

# Material's bundle publishes its observables on window when it starts; our Escape handler for tooltips is in a
# held script: neither may exist before the first interaction.
STARTED_JS = "() => typeof window.component$ !== 'undefined'"

# Where the page's main parts are, to the pixel: header, tabs or title, sidebars, content, footer
LAYOUT_JS = """() => [...document.querySelectorAll(
    '.md-header, .md-header__button, .md-search, .md-sidebar, .md-content, .md-typeset > *, .md-footer')]
  .filter(el => el.getClientRects().length)
  .map(el => { const r = el.getBoundingClientRect();
               return `${el.className.split(' ')[0]}:${[r.x, r.y, r.width, r.height].map(Math.round)}` })"""


def _day_path(site_pages: list[str]) -> str:
    """A page with note markers (a day page), found in the build."""
    return next(p for p in site_pages if p.endswith("-october/"))


def test_nothing_runs_before_the_first_interaction_and_a_hover_starts_it(page, base_url, site_pages):
    errors = watch_errors(page)
    page.goto(base_url + _day_path(site_pages), wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not page.evaluate(STARTED_JS)
    assert page.locator(".md-sidebar__scrollwrap[style*=height]").count() == 0  # Material sizes them when started
    assert page.locator("template#__scripts").count() == 1 and page.locator("#__config").count() == 1

    marker = page.locator("sup[id^='fnref'] a").first
    box = marker.bounding_box()
    page.mouse.move(box["x"] - 40, box["y"] - 40)          # a pointer crossing the page to the note
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)
    assert page.evaluate(STARTED_JS)
    page.keyboard.press("Escape")                          # tooltips.js, held with the bundle, runs too
    tooltip.wait_for(state="hidden", timeout=3000)
    assert errors == []


@pytest.mark.parametrize("fixture", ["page", "phone_page"])
def test_the_page_looks_the_same_before_and_after_the_scripts_start(request, base_url, site_pages, fixture):
    page = request.getfixturevalue(fixture)
    page.goto(base_url + _day_path(site_pages), wait_until="networkidle")
    before = page.evaluate(LAYOUT_JS)
    assert not page.evaluate(STARTED_JS)
    page.dispatch_event("body", "pointerdown")            # the first interaction, without moving the view
    page.wait_for_function(STARTED_JS)
    page.wait_for_timeout(300)
    assert page.evaluate(LAYOUT_JS) == before


def test_listeners_of_the_page_load_run_once(page, base_url, site_pages):
    """Material waits for DOMContentLoaded, long past when it starts: it must start without the page's other
    listeners of that event (here one the browser test adds first) running a second time."""
    page.add_init_script("window.__loaded = 0; document.addEventListener('DOMContentLoaded', () => __loaded++)")
    page.goto(base_url + _day_path(site_pages), wait_until="networkidle")
    page.keyboard.press("Tab")
    page.wait_for_function(STARTED_JS)
    page.wait_for_timeout(300)
    assert page.evaluate("__loaded") == 1
    # and Material did start its components, which wait for that event: its sidebars are sized to the window
    assert page.locator(".md-sidebar__scrollwrap[style*=height]").count() > 0


def test_a_search_address_starts_the_scripts_at_once(page, base_url):
    page.goto(base_url + "?q=anything", wait_until="networkidle")
    page.wait_for_function(STARTED_JS, timeout=10_000)
