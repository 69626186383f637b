"""A reader opens each day page: it loads, shows its notes with the paper's numbers, asks no other host."""

import re

from tests.conftest import PAPER
from tests.paperdays import day_path, paper_days

SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def test_day_page_loads_with_notes_and_nothing_offsite(page, base_url, offsite_requests):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    last = paper_days(PAPER)[-1]
    first_marker = re.search(rf"(?<=\S)([{SUP}]+)", last.text)  # its first note marker, as the paper prints it
    assert first_marker
    page.goto(base_url + day_path(PAPER, last))
    first_ref = page.locator("sup[id^='fnref'] a").first
    assert first_ref.inner_text() == first_marker[1].translate(str.maketrans(SUP, "0123456789"))
    assert int(first_ref.inner_text()) > 1  # a day page does not start again at 1
    assert offsite_requests == []
    assert errors == []
