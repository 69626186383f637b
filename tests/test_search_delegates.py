"""The delegates' relevance set (tests/data/search_delegates.yml, issue 19) is what its header says: at least 60
queries of six kinds as delegates type them, each with a day of the paper and a phrase of that day's page, and its
typos one edit from a word of that page. Checked here without a browser; tests/browser/test_search_delegates.py
runs it. The set holds the 2021 paper's words: the module is `paper_facts`."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape

import pytest

from .conftest import PAPER
from .paperdays import edition_prefix
from .paperdays import paper_days
from .searchrecall import search_recall

pytestmark = pytest.mark.paper_facts

KINDS = {"everyday", "form", "question", "body", "typo", "symbol"}


@pytest.fixture(scope="module")
def cases():
    return search_recall.read_cases(search_recall.DELEGATES_SET)


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split())


def _page_text(site_dir, day: str) -> str:
    html = (site_dir / edition_prefix(PAPER) / day / "index.html").read_text(encoding="utf-8")  # in its edition
    article = html[html.index("<article"):html.index("</article>")]
    return _fold(unescape(re.sub(r"<[^>]+>", "", article)))


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i:i + 2] == b[i:i + 2][::-1] and a[i + 2:] == b[i + 2:])
    long, short = (a, b) if len(a) > len(b) else (b, a)
    return long[i + 1:] == short[i:]


def test_sixty_queries_or_more_of_six_kinds(cases):
    assert len(cases) >= 60
    kinds = Counter(c.kind for c in cases)
    assert set(kinds) == KINDS and all(n >= 10 for n in kinds.values()), kinds
    assert not [q for q, n in Counter(c.query for c in cases).items() if n > 1]
    assert all(c.query == c.query.strip().lower() for c in cases)


def test_each_query_names_a_day_and_a_phrase_of_its_page(cases, site_dir):
    days = {day.slug for day in paper_days(PAPER)}
    assert {c.day for c in cases} == days
    texts = {day: _page_text(site_dir, day) for day in days}
    missing = [(c.query, c.phrase) for c in cases if not c.phrase or _fold(c.phrase) not in texts[c.day]]
    assert not missing


def test_each_typo_is_one_edit_from_a_word_of_its_page(cases, site_dir):
    for case in (c for c in cases if c.kind == "typo"):
        words = set(re.findall(r"[a-z]+", _page_text(site_dir, case.day)))
        typed = [w for w in case.query.split() if len(w) >= 5 and w not in words]
        assert typed and all(any(_one_edit(t, w) for w in words) for t in typed), case


def test_one_edit_is_a_letter_wrong_missing_doubled_or_swapped():
    assert all(_one_edit(t, "confiscation") for t in ("confiscatoin", "confiscaton", "confiscattion", "confiscasion"))
    assert not _one_edit("confsicaton", "confiscation") and not _one_edit("confiscation", "confiscation")
