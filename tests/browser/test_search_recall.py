"""Search in a delegate's own words: the relevance set (tests/data/search_relevance.yml) finds its days.

Material's own search worker ranks every query of the set against the built site (``scripts/search_recall.py``):
recall@2 must reach 95 %. And the search field shows that ranking: a sample of the queries, typed key by key,
lists the pages on screen in the order the worker gave them, so what the gate measures is what a delegate sees.
The set holds the 2021 paper's words and days: the whole module is `paper_facts`.
"""

from __future__ import annotations


import pytest

from tests.searchrecall import search_recall

pytestmark = pytest.mark.paper_facts


RECALL_AT_2 = 0.95
TYPED_SAMPLE = 8
"""Queries typed into the field to compare with the worker's ranking: one in every len(set) / 8, all kinds."""


@pytest.fixture(scope="module")
def cases():
    return search_recall.read_cases()


@pytest.fixture(scope="module")
def worker_ranking(browser, base_url, site_dir, cases):
    return search_recall.worker_pages(browser, base_url, site_dir, [c.query for c in cases])


def test_recall_at_2_of_the_relevance_set(cases, worker_ranking):
    outcomes = [search_recall.Outcome(case, pages) for case, pages in zip(cases, worker_ranking, strict=True)]
    found = [o for o in outcomes if o.found_at(2)]
    missed = "\n".join(f"{o.case.query!r} → {o.case.day}, got {o.pages[:3]}" for o in outcomes if not o.found_at(2))
    assert len(found) / len(outcomes) >= RECALL_AT_2, f"recall@2 {len(found)}/{len(outcomes)}; missed:\n{missed}"


def test_the_list_on_screen_is_the_workers_ranking(browser, base_url, cases, worker_ranking):
    step = max(1, len(cases) // TYPED_SAMPLE)
    sample = list(range(0, len(cases), step))[:TYPED_SAMPLE]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        context.add_init_script(search_recall.WATCH_WORKER)
        page = context.new_page()
        page.goto(base_url)
        for i in sample:
            on_screen = search_recall.typed_pages(page, base_url, cases[i].query)
            # the list shows the first ten pages at once, the others as it is scrolled
            expected = worker_ranking[i][:10]
            assert on_screen[:10] == expected, (cases[i].query, on_screen, worker_ranking[i])
    finally:
        context.close()
