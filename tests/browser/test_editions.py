"""A link that was shared before editions had their own addresses, opened years later: it lands on the same
content, with its #fragment; a mistyped or retired address offers the pages it may mean.

Every address comes from the list of published ones (papers/published.txt) and from the paper, never from here.
"""

from __future__ import annotations

import re

import pytest

from collections import Counter

from reader import search, watch_search
from tests.conftest import EDITIONS, PAPER, PUBLISHED
from tests.paperdays import edition_prefix, paper_days


def forwards() -> list[tuple[str, str]]:
    lines = [line.split(" -> ") for line in PUBLISHED.read_text(encoding="utf-8").splitlines()
             if " -> " in line and not line.startswith("#")]
    return [(old.strip(), new.strip()) for old, new in lines]


def served_ids(address: str) -> list[str]:
    """The ids the list says the page at ``address`` has (a line may end with the words it opens, quoted)."""
    return [line.split(' "')[0].split("#", 1)[1] for line in PUBLISHED.read_text(encoding="utf-8").splitlines()
            if line.startswith(f"{address}#")]


PAGE_FORWARDS = [(old, new) for old, new in forwards() if old != "/" and served_ids(new)]


@pytest.mark.skipif(not PAGE_FORWARDS, reason="no published address forwards to a page with ids")
@pytest.mark.parametrize("fixture", ["page", "phone_page"])
def test_a_moved_address_lands_on_the_same_place_with_its_fragment(request, base_url, fixture):
    page = request.getfixturevalue(fixture)
    old, new = PAGE_FORWARDS[0]
    fragment = served_ids(new)[-1]
    page.goto(base_url + old.lstrip("/") + "#" + fragment)
    page.wait_for_url(base_url + new.lstrip("/") + "#" + fragment)
    assert page.locator(f"[id='{fragment}']").count() == 1


@pytest.mark.skipif(not any(old == "/" for old, _ in forwards()), reason="the home page forwards no fragment")
def test_a_fragment_of_the_old_home_page_goes_on_to_its_paper(page, base_url, site_dir):
    target = next(new for old, new in forwards() if old == "/")
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    fragment = next(i for i in served_ids(target) if f'id="{i}"' not in home)
    page.goto(base_url + "#" + fragment)
    page.wait_for_url(base_url + target.lstrip("/") + "#" + fragment)
    # and an id the home page has stays there
    page.goto(base_url + "#editions")
    page.locator("#editions").wait_for()
    assert page.url == base_url + "#editions"


def test_a_mistyped_day_offers_the_day_of_each_edition(page, base_url):
    day = paper_days(PAPER)[0]
    typo = day.slug[:-1]  # one letter missing: "19-octobe"
    response = page.goto(base_url + f"{edition_prefix(PAPER)}/{typo}/")
    assert response is not None and response.status == 404
    offered = page.locator("#paper-maybe a")
    offered.first.wait_for()
    hrefs = offered.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any(h.rstrip("/").endswith(f"{edition_prefix(PAPER)}/{day.slug}") for h in hrefs), hrefs
    texts = offered.evaluate_all("els => els.map(e => e.textContent)")
    assert any(day.date.rsplit(" ", 1)[1] in t.split(" (/")[0] for t in texts), texts  # its title names the year


def test_latest_goes_to_the_newest_edition(page, base_url):
    day = paper_days(PAPER)[-1]
    page.goto(base_url + f"latest/{day.slug}/#discussion-questions")
    page.wait_for_url(re.compile(re.escape(base_url + f"{edition_prefix(PAPER)}/{day.slug}/") + "#discussion-questions$"))


def _shared_word(older, newer) -> str:
    """A long word both papers use, the older one's most frequent of them."""
    def words(paper):
        return Counter(w.lower() for w in re.findall(r"[A-Za-z]{8,}", paper.read_text(encoding="utf-8")))
    both = words(older)
    both = {w: n for w, n in both.items() if w in words(newer)}
    return max(sorted(both), key=both.get)


@pytest.mark.skipif(len(EDITIONS) < 2, reason="papers/ holds one edition: every page searches the whole site")
def test_an_editions_search_covers_it_and_offers_every_edition(page, base_url):
    older, newest = EDITIONS[1], EDITIONS[0]
    folder, word = edition_prefix(older), _shared_word(older, newest)
    watch_search(page)
    page.goto(f"{base_url}{folder}/{paper_days(older)[0].slug}/")
    search(page, word)
    found = page.locator("a.md-search-result__link").evaluate_all("els => els.map(a => a.pathname)")
    assert found and any(p.startswith(f"/{folder}/") for p in found)
    editions = {edition_prefix(p) for p in EDITIONS}
    assert not [p for p in found if p.strip("/").split("/")[0] in editions - {folder}], found
    assert page.locator(".paper-search-scope").is_visible()
    page.locator("[data-paper-search-every]").click()
    page.wait_for_url(re.compile(r"\?q="))
    search_done = page.locator("a.md-search-result__link").first
    search_done.wait_for()
    everywhere = page.locator("a.md-search-result__link").evaluate_all("els => els.map(a => a.pathname)")
    assert any(p.startswith(f"/{edition_prefix(newest)}/") for p in everywhere), everywhere
