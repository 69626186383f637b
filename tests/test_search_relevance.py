"""The relevance set of the site's search (tests/data/search_relevance.yml) is what delegates type, for the
paper's days: checked here without a browser; tests/browser/test_search_recall.py runs it."""

from __future__ import annotations

from collections import Counter

import pytest

from .conftest import PAPER
from .paperdays import paper_days
from .searchrecall import search_recall

pytestmark = pytest.mark.paper_facts


KINDS = {"form", "synonym", "abbreviation", "body", "phrase", "spelling"}


@pytest.fixture(scope="module")
def cases():
    return search_recall.read_cases()


def test_at_least_60_queries_as_delegates_type_them(cases):
    assert len(cases) >= 60
    for case in cases:
        assert case.query == case.query.strip().lower() and 1 <= len(case.query.split()) <= 4, case
    twice = [q for q, n in Counter(c.query for c in cases).items() if n > 1]
    assert not twice


def test_each_query_names_a_day_of_the_paper_and_what_it_tests(cases):
    days = {day.slug for day in paper_days(PAPER)}
    assert {c.day for c in cases} == days                      # every day is asked for
    assert all(c.kind in KINDS for c in cases)
    kinds = Counter(c.kind for c in cases)
    assert all(kinds[k] >= 5 for k in KINDS), kinds            # a delegate's words of every kind


def test_a_bad_relevance_set_is_refused(tmp_path):
    bad = tmp_path / "set.yml"
    bad.write_text("- {query: guns, day: 19-october}\n", encoding="utf-8")
    with pytest.raises(search_recall.RelevanceSetError, match="entry 1 needs"):
        search_recall.read_cases(bad)


@pytest.mark.parametrize(("locations", "pages"), [
    (["21-october/#question-d", "21-october/", "sources/#conventions", "#introduction", ""],
     ("21-october", "sources", "")),
    ([], ()),
])
def test_pages_are_counted_at_their_first_result(locations, pages):
    assert search_recall.pages_in_order(locations) == pages


def test_recall_counts_a_day_found_first_or_second():
    case = search_recall.Case("guns", "19-october", "synonym")
    first, second, third = (search_recall.Outcome(case, pages) for pages in
                            (("19-october", "sources"), ("sources", "19-october"), ("", "sources", "19-october")))
    figures = search_recall.Figures(outcomes=(first, second, third), seconds=0, index_bytes=0, index_gzip_bytes=0)
    assert figures.recall_at_1 == pytest.approx(1 / 3) and figures.recall_at_2 == pytest.approx(2 / 3)
    assert figures.misses(2) == (third,)
