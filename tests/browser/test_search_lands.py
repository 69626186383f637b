"""Which block a search result lands on (docs/assets/javascripts/search-lands.js), on small made-up pages.

Each case is a page of a few blocks, served beside the built site with the site's own search-lands.js, opened with
the words a search result carries (``?h=``); what is checked is the block it lands on (``data-paper-landed``).
The words are made up, so nothing of any paper is in them.
"""

from __future__ import annotations

import json
from html import escape

import pytest

LANDED = "() => document.documentElement.hasAttribute('data-paper-landed')"


def _landed(page, base_url: str, blocks: str, words: str, paper_words: dict | None = None) -> str:
    """Open a page holding ``blocks`` with ``?h=<words>``: the id of the block search-lands.js landed on."""
    html = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>case</title></head><body>'
            f'<article class="md-content__inner">{blocks}</article>'
            f'<script src="{escape(base_url)}assets/javascripts/search-lands.js" defer></script></body></html>')
    page.route(lambda url: "/lands-case/" in url,
               lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    page.route(lambda url: url.endswith("/search/words.json"),
               lambda route: route.fulfill(body=json.dumps(paper_words or {}), content_type="application/json"))
    page.goto(f"{base_url}lands-case/?h={words}")
    page.wait_for_function(LANDED)
    return page.evaluate("document.documentElement.dataset.paperLanded")


# the words apart, each twice: more of them than in the block holding them in a row once
APART = '<p id="apart">A quorx came first, then nothing, then a zendal. Later another quorx and another zendal.</p>'


@pytest.mark.parametrize(("row", "words", "expected"), [
    ("Here a quorx zendal stood.", "quorx+zendal", "row"),
    ("Here a quorx of zendal stood.", "quorx+zendal", "row"),              # a word between them
    ("Here a quorx of the zendal stood.", "quorx+zendal", "apart"),        # two words between: apart
    ("Here a quorx zendal stood.", "zendal+quorx", "apart"),               # not in the order asked
])
def test_the_words_asked_in_a_row_come_first(page, base_url, row, words, expected):
    assert _landed(page, base_url, f'{APART}<p id="row">{row}</p>', words) == expected


def test_the_paper_words_for_a_word_count_in_a_row(page, base_url):
    blocks = (APART.replace("quorx", "bel dorran") + '<p id="row">Here a bel dorran zendal stood.</p>')
    assert _landed(page, base_url, blocks, "qx+zendal", {"qx": ["bel dorran"]}) == "row"


def test_of_two_blocks_as_good_the_one_whose_note_holds_the_word_too(page, base_url):
    blocks = ('<p id="plain">The quorx was seen.</p>'
              '<p id="cited">The quorx was seen.<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>'
              '<div class="footnote"><ol><li id="fn:1"><p>A report on the quorx.</p></li></ol></div>')
    assert _landed(page, base_url, blocks, "quorx") == "cited"


def test_the_paper_words_for_a_word_are_marked(page, base_url):
    blocks = '<p id="one">Nothing here.</p><p id="two">The Bel Dorran-Keep met, and a bel dorran spoke.</p>'
    assert _landed(page, base_url, blocks, "qx", {"qx": ["bel dorran keep"]}) == "two"
    assert page.locator("#two mark[data-md-highlight]").all_inner_texts() == ["Bel Dorran-Keep"]
    assert page.locator("#one mark").count() == 0
