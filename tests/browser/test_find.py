"""A delegate finds things and links to them: search, question links, copy link, abbreviations on hover.

Facts of the 2021 paper throughout (its words, its questions), so the whole module is `paper_facts`; the days
expected are found in the paper when a test runs, not when it is collected."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
import reader
from reader import watch_search

from tests.conftest import PAPER
from tests.paperdays import edition_prefix

PAPER_TEXT = PAPER.read_text(encoding="utf-8")
EDITION = f"{edition_prefix(PAPER)}/"  # the paper's folder on the site
pytestmark = pytest.mark.paper_facts


def day_slug_where(pattern: str) -> set[str]:
    """Slugs of the days whose heading (date and challenge, in capitals) matches ``pattern``, read from the paper."""
    return {f"{m[1]}-{m[2].lower()}" for m in re.finditer(r"^(\d{1,2}) ([A-Z]+) \d{4} - (.*)$", PAPER_TEXT, re.MULTILINE)
            if re.search(pattern, m[3])}


def day_of_line(needle: str) -> str:
    """Slug of the day whose part of the paper contains ``needle``."""
    before = PAPER_TEXT[: PAPER_TEXT.index(needle)]
    m = list(re.finditer(r"^(\d{1,2}) ([A-Z]+) \d{4} - ", before, re.MULTILINE))[-1]
    return f"{m[1]}-{m[2].lower()}"


def search(page, base_url: str, query: str) -> list[str]:
    """Type ``query`` into Material's search; the results' addresses (path and fragment) inside the paper's
    edition (``21-october/#question-d``), best first; a result of another edition or page keeps its whole path."""
    watch_search(page)
    page.goto(base_url)
    reader.search(page, query)          # the results of the whole query, not of its first letters
    hrefs = page.locator("a.md-search-result__link").evaluate_all("els => els.map(e => e.href)")
    return [urlparse(h).path.removeprefix(urlparse(base_url).path).removeprefix(EDITION)
            + (f"#{urlparse(h).fragment}" if urlparse(h).fragment else "") for h in hrefs]


@pytest.mark.parametrize(("query", "days_of"), [
    ("money-laundering", lambda: day_slug_where(r"MONEY-LAUNDERING")),
    ("money laundering", lambda: day_slug_where(r"MONEY-LAUNDERING")),
    ("Europol", lambda: {day_of_line("(Europol)")}),
    ("confiscating", lambda: day_slug_where(r"CONFISCATED")),
    ("Tor", lambda: {day_of_line("(Tor)")}),
    ("MDMA", lambda: {day_of_line("(MDMA")}),
    ("FATF", lambda: {day_of_line("Financial Action Task Force")}),
], ids=lambda v: v if isinstance(v, str) else "days")
def test_query_finds_its_day_first(page, base_url, query, days_of):
    expected_days = days_of()
    assert expected_days
    results = search(page, base_url, query)
    assert results[0].split("/")[0] in expected_days, results[:5]


def test_hyphen_and_space_find_the_same(page, base_url):
    assert search(page, base_url, "money-laundering")[:3] == search(page, base_url, "money laundering")[:3]


def test_cryptocurrency_offers_the_question_itself(page, base_url):
    """Two clicks: the question is the first place offered, and following it shows it highlighted."""
    day = day_of_line("regulate cryptocurrency markets")
    results = search(page, base_url, "cryptocurrency")
    assert results[0].split("/")[0] == day
    first_place = next(r for r in results if "#" in r)
    assert first_place == f"{day}/#question-d"
    page.locator("a.md-search-result__link[href*='#question-d']").click()
    question = page.locator("#question-d")
    question.wait_for()
    _wait_on_screen(page, question)
    assert _highlighted(question)


# The element's top, and its first 100 px, are in the window (below its top edge, above its bottom edge)
ON_SCREEN_JS = """el => { const r = el.getBoundingClientRect();
                          return r.top >= 0 && r.top + Math.min(r.height, 100) <= innerHeight }"""


def _wait_on_screen(page, locator) -> None:
    """Wait until the browser has scrolled ``locator`` into the window (it fails if it never does)."""
    page.wait_for_function(ON_SCREEN_JS, arg=locator.element_handle())


def _highlighted(locator) -> bool:
    return locator.evaluate("el => getComputedStyle(el).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")


@pytest.mark.parametrize("fixture", ["page", "phone_page"])
def test_a_question_link_shows_the_question_highlighted(request, base_url, fixture):
    page = request.getfixturevalue(fixture)
    page.goto(base_url + EDITION + "21-october/#question-d")
    question = page.locator("#question-d")
    _wait_on_screen(page, question)
    assert _highlighted(question)
    assert not _highlighted(page.locator("#question-c"))


def test_copy_link_puts_the_question_address_on_the_clipboard(page, base_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page.goto(base_url + EDITION + "questions/?h=anything")
    question = page.locator("[id='21-october-question-d']")
    copy = question.get_by_role("button", name="Copy link")
    assert copy.count() == 1
    copy = question.locator("button").first                # the same button, whatever it says next
    # what the button and its status say, each time it changes (it says "Copied" for a while, then its label again)
    question.evaluate("""q => { window.__said = [];
        new MutationObserver(() => __said.push([q.querySelector('button').textContent,
                                                q.querySelector('[role=status]').textContent]))
          .observe(q, {subtree: true, childList: true, characterData: true}) }""")
    copy.focus()
    page.keyboard.press("Enter")                     # reachable and usable from the keyboard
    page.wait_for_function("() => __said.length > 0")
    assert page.evaluate("__said[0]") == ["Copied", "Link copied to the clipboard"]
    # the question's own short address, whose link preview is the question (test_question_links.py)
    assert page.evaluate("navigator.clipboard.readText()") == base_url + EDITION + "21-october/d/"
    page.locator("[id='21-october-question-d']").get_by_role("button", name="Cite").click()
    citation = page.evaluate("navigator.clipboard.readText()")
    assert "21 October 2021" in citation and "question d)" in citation
    assert citation.endswith(base_url + EDITION + "21-october/d/")
    assert page.locator("[id='21-october-question-d'] textarea").input_value() == citation


def test_without_a_clipboard_the_link_is_shown_to_copy_by_hand(page, base_url):
    page.add_init_script("document.queryCommandSupported = () => false")
    page.goto(base_url + EDITION + "21-october/")
    page.locator("#question-b").get_by_role("button", name="Copy link").click()
    field = page.locator("#question-b textarea")
    assert field.input_value() == base_url + EDITION + "21-october/b/"
    assert field.evaluate("el => el === document.activeElement && el.selectionEnd === el.value.length")


@pytest.mark.parametrize(("day_needle", "abbr", "expansion"), [
    ("(Europol)", "Europol", "European Union Agency for Law Enforcement Cooperation"),
    ("(MDMA", "MDMA", "methylenedioxymethamphetamine"),
])
def test_hovering_an_abbreviation_shows_its_expansion(page, base_url, day_needle, abbr, expansion):
    page.goto(base_url + EDITION + day_of_line(day_needle) + "/")
    target = page.locator("article abbr", has_text=abbr).first
    target.scroll_into_view_if_needed()
    target.hover()
    tip = page.get_by_text(expansion, exact=False).locator("visible=true")
    tip.first.wait_for()
    assert tip.first.is_visible()
