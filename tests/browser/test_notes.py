"""A reader hovers a note marker: the tooltip shows the note, and an "Ibid." says what it means."""

import pytest


@pytest.mark.paper_facts
def test_hovering_the_first_note_of_the_first_day_shows_its_resolved_source(page, base_url, offsite_requests):
    page.goto(base_url + "19-october/")
    marker = page.locator("sup[id^='fnref'] a").first
    assert marker.inner_text() == "5"  # the paper's own number, not 1
    marker.hover()
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active").first
    tooltip.wait_for(state="visible", timeout=5000)
    text = " ".join(tooltip.inner_text().split())
    assert text.startswith("Ibid., recommendation 3 (k).")
    assert "that is, General Assembly resolution S-30/1, annex, recommendation 3 (k)" in text
    assert offsite_requests == []
