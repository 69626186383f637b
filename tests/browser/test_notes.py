"""A reader hovers a note marker: the tooltip shows the note, an "Ibid." says what it means, and a document
named by its symbol alone says what it is."""

import pytest

from paperkit.bibliography import load_bibliography
from paperkit.model import page_url
from paperkit.parse import read_paper
from paperkit.resolve import resolve_notes
from tests.conftest import PAPER, ROOT
from tests.paperdays import day_path, edition_prefix, paper_days


@pytest.mark.paper_facts
def test_hovering_the_first_note_of_the_first_day_shows_its_resolved_source(page, base_url, offsite_requests):
    page.goto(base_url + day_path(PAPER, paper_days(PAPER)[0]))
    marker = page.locator("sup[id^='fnref'] a").first
    assert marker.inner_text() == "5"  # the paper's own number, not 1
    marker.hover()  # scrolled into the window first, wherever the fonts put it
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active").first
    tooltip.wait_for(state="visible")
    text = " ".join(tooltip.inner_text().split())
    assert text.startswith("Ibid., recommendation 3 (k).")
    assert "that is, General Assembly resolution S-30/1, annex, recommendation 3 (k)" in text
    assert offsite_requests == []


def test_hovering_a_note_that_cites_a_symbol_says_what_the_document_is(page, base_url, offsite_requests):
    """The first note of the paper on a day page that names a document by its symbol alone: its tooltip holds the
    document's title, and the symbol still opens the document on the UN's system."""
    paper, bib = read_paper(PAPER), load_bibliography(ROOT / "footnotes" / "sources.bib")
    found = [(n.number, c) for n in resolve_notes(paper.notes, bib, source=str(PAPER))
             for c in n.citations if c.by_symbol and c.span and paper.page_of_note(n.number) is not None]
    if not found:
        pytest.skip("no day page note names a document by its symbol alone")
    number, citation = found[0]
    entry = bib.entry(citation.key)
    page.goto(base_url + f"{edition_prefix(PAPER)}/" + page_url(paper.note_place(number)[0]))
    marker = page.locator(f"sup[id='fnref:{number}'] a")
    marker.hover()
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active").first
    tooltip.wait_for(state="visible")
    assert entry.title in " ".join(tooltip.inner_text().split())
    assert tooltip.locator(f"a[href='{entry.url}']").count() == 1
    assert tooltip.locator(f"a[href$='sources/#{entry.key}']").count() == 1
    assert offsite_requests == []
