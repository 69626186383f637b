"""A reader hovers a note marker: the tooltip shows the note, and an "Ibid." says what it means."""

import pytest

from tests.conftest import PAPER
from tests.paperdays import paper_days


@pytest.mark.paper_facts
def test_hovering_the_first_note_of_the_first_day_shows_its_resolved_source(page, base_url, offsite_requests):
    page.goto(base_url + f"{paper_days(PAPER)[0].slug}/")
    marker = page.locator("sup[id^='fnref'] a").first
    assert marker.inner_text() == "5"  # the paper's own number, not 1
    marker.hover()  # scrolled into the window first, wherever the fonts put it
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active").first
    tooltip.wait_for(state="visible")
    text = " ".join(tooltip.inner_text().split())
    assert text.startswith("Ibid., recommendation 3 (k).")
    assert "that is, General Assembly resolution S-30/1, annex, recommendation 3 (k)" in text
    assert offsite_requests == []
