"""A delegate opens a link to one discussion question: its short address (``<day>/<letter>/``) lands on the question
in its day's page, highlighted, as the ``#question-<letter>`` links do; without JavaScript it shows the question and
a link into the day; the offline copy does the same from disk; the permalink on the day page stays on the page.

The questions are read from the paper (``tests/paperdays.py``); nothing waits a fixed time: each test waits for the
address and the target it expects."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import _context
from reader import watch_errors
from test_offline import offline_copy  # noqa: F401 (the unzipped offline copy, a fixture)

from tests.conftest import PAPER
from tests.paperdays import edition_prefix, paper_days

QUESTION_RE = re.compile(r"^- ([a-z])\) ", re.MULTILINE)
ASKED = [(f"{edition_prefix(PAPER)}/{d.slug}", letter) for d in paper_days(PAPER)  # "2021/19-october", "c"
         for letter in QUESTION_RE.findall(d.text[d.text.index("DISCUSSION QUESTIONS"):])]

# the element the address points at, and whether it is the :target and looks highlighted
TARGET_JS = """() => {
  // the :target first: Material's navigation.tracking may have moved the address's #fragment on to the section
  // scrolled to since (history.replaceState, which leaves :target as it was)
  const el = document.querySelector(':target') || document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!el) return null;
  const bg = getComputedStyle(el).backgroundColor;
  return {id: el.id, target: el.matches(':target'), highlighted: !['rgba(0, 0, 0, 0)', 'transparent'].includes(bg)};
}"""


def landing(page, day: str, letter: str) -> dict:
    """Wait for the browser to reach the question in its day's page; what the question element is there."""
    page.wait_for_url(re.compile(rf"/{day}(/|\.html)#question-{letter}$"))
    page.locator(f"#question-{letter}:target .paper-question-action").first.wait_for()  # questions.js has run
    return page.evaluate(TARGET_JS)


def test_every_questions_address_lands_on_it_highlighted(page, base_url, offsite_requests):
    assert ASKED, "the paper has no discussion question"
    errors = watch_errors(page)
    for day, letter in ASKED:
        response = page.goto(f"{base_url}{day}/{letter}/")
        assert response is not None and response.status == 200, (day, letter)
        target = landing(page, day, letter)
        assert target == {"id": f"question-{letter}", "target": True, "highlighted": True}, (day, letter)
        assert page.locator(".paper-question:target").count() == 1
    assert errors == [] and offsite_requests == []


def test_a_phone_lands_on_the_question_too(phone_page, base_url):
    day, letter = ASKED[-1]
    phone_page.goto(f"{base_url}{day}/{letter}/")
    assert landing(phone_page, day, letter)["highlighted"]


@pytest.fixture(params=["light", "dark"])
def no_script_page(request, browser, base_url):
    """A phone that runs no script on the question pages (as a reader without JavaScript, or a chat app's crawler,
    gets them): each is served without its <script> elements, so that axe, itself a script, can still run."""
    context = _context(browser, base_url, [], viewport={"width": 390, "height": 844}, color_scheme=request.param)
    page = context.new_page()

    def without_scripts(route) -> None:
        response = route.fetch()
        body = re.sub(r"<script\b.*?</script>", "", response.text(), flags=re.S)
        route.fulfill(response=response, body=body)

    page.route(re.compile(r"/[^/]+/[a-z]/$"), without_scripts)
    yield page
    context.close()


def test_without_javascript_the_question_shows_with_a_link_into_its_day(no_script_page, base_url):
    page = no_script_page
    day, letter = ASKED[0]
    page.goto(f"{base_url}{day}/{letter}/")
    assert page.url == f"{base_url}{day}/{letter}/"  # not forwarded
    assert page.locator("h1").count() == 1 and page.locator("h1").inner_text()
    assert page.locator(".paper-asked").inner_text().strip()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # fits a phone
    found = Axe().run(page, options={"resultTypes": ["violations"]}).response["violations"]
    assert [v["id"] for v in found] == []
    link = page.locator("a.paper-forward")
    box = link.bounding_box()
    assert box is not None and box["height"] >= 24  # a finger's target (WCAG 2.2, 2.5.8)
    link.click()
    page.wait_for_url(f"{base_url}{day}/#question-{letter}")
    assert page.evaluate(TARGET_JS)["target"]


def test_the_permalink_on_its_day_page_stays_on_the_page(page, base_url):
    day, letter = ASKED[-1]
    page.goto(f"{base_url}{day}/")
    page.evaluate("window.__same_document = true")
    link = page.locator(f"#question-{letter} a.paper-question-link")
    assert link.get_attribute("href") == f"{letter}/"  # what a reader copies with the browser's own menu
    link.click()
    page.wait_for_url(f"{base_url}{day}/#question-{letter}")
    assert page.evaluate("window.__same_document === true")  # no page load
    assert page.evaluate(TARGET_JS) == {"id": f"question-{letter}", "target": True, "highlighted": True}


def test_the_offline_copy_forwards_from_disk(page, offline_copy):  # noqa: F811
    day, letter = ASKED[0]
    question = offline_copy / day / f"{letter}.html"
    assert question.is_file()
    page.goto(question.as_uri())
    target = landing(page, day, letter)
    assert page.url == (offline_copy / f"{day}.html").as_uri() + f"#question-{letter}"
    assert target["target"] and target["highlighted"]
