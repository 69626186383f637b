"""A reader opens each day page: it loads, shows its notes with the paper's numbers, asks no other host."""

import re


def test_day_page_loads_with_notes_and_nothing_offsite(page, base_url, offsite_requests):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base_url + "20-october/")
    first_ref = page.locator("sup[id^='fnref'] a").first
    assert re.fullmatch(r"\d+", first_ref.inner_text())
    assert int(first_ref.inner_text()) > 1  # a day page does not start again at 1
    assert offsite_requests == []
    assert errors == []
