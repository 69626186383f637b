"""The reader's first interaction answers: Material's bundle and our scripts load as Material loads them, so the
first hover on a note shows its tooltip and the first tap on each header control does what it says; and a reader
whose device is dark gets the dark scheme and the palette toggle from the first paint, before Material's bundle has
run (overrides/partials/palette-at-once.html). How fast the first tap answers is measured in scripts/bench.py."""

from __future__ import annotations

import re

import pytest

from reader import watch_errors

BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
STARTED_JS = "() => typeof window.component$ !== 'undefined'"  # published by Material's bundle when it has run


@pytest.fixture(scope="module")
def note_page(site_dir) -> str:
    """The built page with the most note markers (a day page), found in the build."""
    counts = {p.parent.relative_to(site_dir).as_posix() + "/": p.read_text(encoding="utf-8").count('id="fnref:')
              for p in site_dir.glob("*/*/index.html")}
    return max(counts, key=counts.get)


def test_the_first_hover_on_a_note_shows_its_tooltip_and_escape_closes_it(page, base_url, note_page):
    errors = watch_errors(page)
    page.goto(base_url + note_page)
    marker = page.locator("sup[id^='fnref'] a").first
    marker.scroll_into_view_if_needed()
    marker.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip()
    page.keyboard.press("Escape")                          # docs/assets/javascripts/tooltips.js
    tooltip.wait_for(state="hidden")
    assert errors == []


# Each header control a phone reader taps, and what shows that it answered
CONTROLS = {
    "search": ("label.md-header__button[for=__search]", "() => document.activeElement?.matches('.md-search__input')"),
    "menu": ("label.md-header__button[for=__drawer]", "() => document.getElementById('__drawer').checked"),
}
PALETTE_TOGGLE = "form[data-md-component=palette] label.md-header__button:not([hidden])"


@pytest.mark.parametrize("control", sorted(CONTROLS))
def test_the_first_tap_on_a_header_control_answers(phone_page, base_url, note_page, control):
    errors = watch_errors(phone_page)
    phone_page.goto(base_url + note_page)
    selector, answered = CONTROLS[control]
    phone_page.locator(selector).tap()
    phone_page.wait_for_function(answered)
    assert errors == []


def test_the_first_tap_on_the_palette_toggle_switches_the_scheme(phone_page, base_url, note_page):
    errors = watch_errors(phone_page)
    phone_page.emulate_media(color_scheme="light")
    phone_page.goto(base_url + note_page)
    toggle = phone_page.locator(PALETTE_TOGGLE)
    first = toggle.get_attribute("title")                  # the automatic scheme's: "Switch to light mode"
    toggle.tap()
    phone_page.wait_for_function("([selector, title]) => document.querySelector(selector).title !== title",
                                 arg=[PALETTE_TOGGLE, first])
    toggle.tap()                                            # light → dark: the page's colours follow
    phone_page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    assert errors == []


def test_a_dark_device_is_dark_from_the_first_paint(page, base_url, note_page):
    """Material's bundle is held back (as a slow network would): the scheme and the toggle are right already."""
    held = []
    page.route(BUNDLE, lambda route: held.append(route))
    page.emulate_media(color_scheme="dark")
    page.goto(base_url + note_page, wait_until="commit")
    page.wait_for_function("() => document.body?.dataset.mdColorScheme === 'slate'")
    assert page.locator(PALETTE_TOGGLE).count() == 1
    assert held and not page.evaluate(STARTED_JS)
    held[0].continue_()
    page.wait_for_function(STARTED_JS)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert page.locator(PALETTE_TOGGLE).count() == 1       # Material agrees: the same toggle shown
