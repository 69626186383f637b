"""The Topics page as a reader meets it. Its lists of passages are rendered only as they near the screen
(`content-visibility: auto` in docs/assets/find.css, which keeps a tap on the page's controls fast): a reader who
follows a topic from a day page still sees that topic's passages at once, and a printed copy still has every
passage. Topics and pages are read from the build, not named here."""

from __future__ import annotations

import pytest
from reader import as_printed

# the last link of each topic's list of passages (the lists follow the index of topics at the top)
LAST_PASSAGES = ".paper-topic-index ~ ul > li:last-child > a"


@pytest.fixture(scope="module", autouse=True)
def topics_page(site_dir) -> None:
    """A paper in which no topic of footnotes/topics.yml occurs has no Topics page (pages/topics.py), and nothing
    here to test: next year's paper before its topic list is brought up to date, or a small fixture paper."""
    if not (site_dir / "topics" / "index.html").is_file():
        pytest.skip("this paper has no Topics page: no topic of footnotes/topics.yml occurs in it")


@pytest.fixture(scope="module")
def day_with_topics(site_dir) -> str:
    """A built page that shows a day's main topics under its heading."""
    for html in sorted(site_dir.glob("*/*/index.html")):
        if 'class="paper-topics"' in html.read_text(encoding="utf-8"):
            return html.parent.relative_to(site_dir).as_posix() + "/"
    pytest.fail("the Topics page is built, but no page shows a day's main topics")


def test_a_topic_followed_from_a_day_shows_its_passages(page, base_url, day_with_topics):
    page.goto(base_url + day_with_topics)
    tag = page.locator(".paper-topics a.md-tag").last
    slug = tag.get_attribute("href").rsplit("#", 1)[1]
    tag.click()
    page.wait_for_url(f"**/topics/#{slug}")
    heading = page.locator(f"h2#{slug}")
    passages = heading.locator("xpath=following-sibling::ul[1]/li/a")
    assert passages.count() > 0
    # a link that is not rendered has no box, and Playwright calls it hidden
    for i in range(passages.count()):
        assert passages.nth(i).is_visible(), f"passage {i + 1} of topic {slug!r} not shown on arrival"


def test_the_printed_topics_page_has_every_passage(page, base_url):
    page.goto(base_url + "topics/", wait_until="networkidle")
    as_printed(page)
    last = page.locator(LAST_PASSAGES)
    assert last.count() > 1
    unrendered = [last.nth(i).get_attribute("href") for i in range(last.count()) if not last.nth(i).is_visible()]
    assert unrendered == []


def test_lists_far_down_are_rendered_when_scrolled_to(page, base_url):
    page.goto(base_url + "topics/")
    last = page.locator(LAST_PASSAGES).last
    last.scroll_into_view_if_needed()
    assert last.is_visible()
