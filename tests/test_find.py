"""Finding and linking, on the built site: stable question and paragraph ids, the Discussion questions and
Topics pages, link previews, abbreviations, one search entry per question."""

from __future__ import annotations

import html.parser
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from paperkit import topics
from paperkit.anchors import anchors
from paperkit.errors import PaperError
from paperkit.markup import plain
from paperkit.parse import read_paper
from paperkit.pipeline import build_site

from .conftest import FIXTURES, PAPER, ROOT
from .paperdays import day_path, edition_prefix, paper_days

BIB = ROOT / "footnotes" / "sources.bib"
# "- d) What steps …" under a "DISCUSSION QUESTIONS" heading, read straight from the paper, not the model
QUESTION_LINE_RE = re.compile(r"^- ([a-z])\) ", re.MULTILINE)
EDITION = edition_prefix(PAPER)
"""The newest edition's folder on the site ("2021"), read from its paper: its pages are below it."""


def at(page: str) -> str:
    """An edition page's address below the site's root: ``"19-october"`` → ``"2021/19-october"``, ``""`` (its
    home) → ``"2021"``."""
    return f"{EDITION}/{page}" if page else EDITION


class _Ids(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[tuple[str, str]] = []
        """(href, class) of every link."""
        self.meta: dict[str, str] = {}
        self.abbrs: dict[str, str] = {}
        self._abbr: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append((a["href"], a.get("class") or ""))
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta[a.get("property") or a.get("name")] = a.get("content") or ""
        if tag == "abbr":
            self._abbr = a.get("title") or ""

    def handle_data(self, data):
        if self._abbr is not None:
            self.abbrs[data] = self._abbr
            self._abbr = None


def parsed(site_dir: Path, url: str) -> _Ids:
    p = _Ids()
    p.feed((site_dir / url.strip("/") / "index.html" if url.strip("/") else site_dir / "index.html").read_text("utf-8"))
    return p


def day_questions(paper_text: str) -> dict[str, list[str]]:
    """Per day slug ("21-october"), the letters of its discussion questions, as the paper prints them."""
    return {day.slug: QUESTION_LINE_RE.findall(day.text[day.text.index("DISCUSSION QUESTIONS"):])
            for day in paper_days(paper_text)}


@pytest.fixture(scope="module")
def paper_questions() -> dict[str, list[str]]:
    return day_questions(PAPER.read_text(encoding="utf-8"))


@pytest.mark.paper_facts
def test_the_paper_has_17_questions(paper_questions):
    assert sum(len(v) for v in paper_questions.values()) == 17


def test_every_question_has_its_id_and_a_permalink(site_dir, paper_questions):
    assert len(paper_questions) >= 2 and all(paper_questions.values())
    for slug, letters in paper_questions.items():
        page = parsed(site_dir, at(slug))
        for letter in letters:
            assert f"question-{letter}" in page.ids, (slug, letter)
            # the permalink: the question's own short address (its page forwards to #question-<letter>)
            assert (f"{letter}/", "paper-question-link") in page.links


def test_ids_are_unique_on_every_page(site_dir):
    pages = [p for p in site_dir.rglob("index.html") if "assets" not in p.parts]
    assert len(pages) >= len(paper_days(PAPER)) + 2  # the home page, the days, the questions
    for path in pages:
        p = _Ids()
        p.feed(path.read_text("utf-8"))
        twice = {i for i in p.ids if p.ids.count(i) > 1}
        assert not twice, (path, twice)


def test_all_questions_page_links_each_question_in_context(site_dir, paper_questions):
    page = parsed(site_dir, at("questions"))
    in_context = [href for href, cls in page.links if cls == "paper-question-link"]
    # each question's own short address, which forwards to it in its day (test_question_links.py)
    expected = [f"../{slug}/{letter}/" for slug, letters in paper_questions.items() for letter in letters]
    assert in_context == expected
    # its own ids differ from the day pages' ones, so a link to either page is unambiguous
    assert {f"{slug}-question-{letter}" for slug, letters in paper_questions.items() for letter in letters} \
        <= set(page.ids)


def _question_ids(site) -> dict[str, list[str]]:
    return {path: re.findall(r"\{ #([\w-]+) \.paper-question \}", text) for path, text in site.pages.items()}


def _paragraph_ids(site) -> dict[str, list[str]]:
    return {path: re.findall(r"^\{: #([\w-]+) \}$", text, re.MULTILINE) for path, text in site.pages.items()}


def test_ids_stay_when_the_wording_changes(tmp_path, paper_questions):
    """Reword every question and the first paragraph of every section: no id moves."""
    text = PAPER.read_text(encoding="utf-8")
    days = paper_days(text)
    sections = sum(f"\n{name}\n" in day.text for day in days for name in ("POLICY COMMITMENTS", "BACKGROUND INFORMATION"))
    reworded = re.sub(r"^- [a-z]\) (?=.*\?$)", lambda m: f"{m[0]}Reworded: ", text, flags=re.MULTILINE)
    reworded = re.sub(r"^(POLICY COMMITMENTS|BACKGROUND INFORMATION)\n\n", r"\1\n\nA sentence added in front. ",
                      reworded, flags=re.MULTILINE)
    assert reworded.count("Reworded: ") == sum(len(v) for v in paper_questions.values())
    assert reworded.count("A sentence added in front.") == sections
    copy = tmp_path / "paper.md"
    copy.write_text(reworded, encoding="utf-8")
    before, after = build_site(PAPER, bibliography=BIB), build_site(copy, bibliography=BIB)
    last = f"{edition_prefix(PAPER)}/{days[-1].slug}.md"  # the reworded copy is of the same edition
    assert before.pages[last] != after.pages[last]
    assert _question_ids(after) == _question_ids(before)
    assert _paragraph_ids(after) == _paragraph_ids(before)
    assert sum(len(v) for v in _paragraph_ids(before).values()) > len(days)


def test_paragraph_ids_come_from_section_and_position():
    found = {(a.page, a.id) for a in anchors(read_paper(PAPER))}
    assert ("index.md", "introduction-p1") in found
    assert {(f"{day.slug}.md", "background-information-p1") for day in paper_days(PAPER)} <= found
    assert len(found) == len(anchors(read_paper(PAPER)))


@pytest.mark.paper_facts
def test_paragraph_ids_count_on_through_sub_headings():
    found = {(a.page, a.id) for a in anchors(read_paper(PAPER))}
    # the 21 October background keeps counting through its sub-headings
    assert ("21-october.md", "background-information-p4") in found


def test_every_topic_link_resolves(site_dir):
    if not (site_dir / "topics" / "index.html").exists():  # no topic of footnotes/topics.yml is in the paper
        for day in paper_days(PAPER):
            assert not [h for h, cls in parsed(site_dir, day_path(PAPER, day)).links
                        if "md-tag" in cls or "topics/" in h]
        return
    topics = parsed(site_dir, "topics")
    targets = [urljoin("/topics/", href) for href, _ in topics.links if "#" in href and not href.startswith("#")]
    cache: dict[str, list[str]] = {}
    for target in targets:
        url = urlparse(target)
        ids = cache.setdefault(url.path, parsed(site_dir, url.path).ids)
        assert url.fragment in ids, target
    # the index at the top and every day's topic tags point at topic headings that exist
    own = [h[1:] for h, _ in topics.links if h.startswith("#")]
    assert own and set(own) <= set(topics.ids)
    for day in paper_days(PAPER):
        tags = [h for h, cls in parsed(site_dir, day_path(PAPER, day)).links if "md-tag" in cls]
        assert {urlparse(h).fragment for h in tags} <= set(topics.ids)


# A paper whose words are the topic list's (drug markets, medicines, alternative development): the test finds
# something to compare whatever paper is newest in papers/ (the topic list may know none of a new paper's words yet)
TOPICAL_PAPER = FIXTURES / "papers" / "cnd-2024-five-days.md"


@pytest.mark.parametrize("paper_file", [PAPER, TOPICAL_PAPER], ids=["paper", "topical-fixture"])
def test_topic_occurrences_are_every_match_of_the_topic_patterns(paper_file):
    """The quick first-word test before each topic's regex drops no match."""
    paper = read_paper(paper_file)
    listed = topics.read_topics(ROOT / "footnotes" / "topics.yml")
    found = topics.find_occurrences(paper, listed)
    for topic in listed:
        expected = [a.id for a in anchors(paper) if topic.pattern.search(plain(a.text, limit=len(a.text) + 1))]
        assert [o.anchor.id for o in found[topic.slug]] == expected, topic.name
    if paper_file == TOPICAL_PAPER:
        assert any(found.values())


@pytest.mark.parametrize("text, line, what", [
    ("- topic: Money laundering\n  synonyms: [proceeds of crime\n- topic: Firearms\n", 3, "not valid YAML"),
    ("topic: Money laundering\n", 1, "must be a YAML list"),
    ("# the topics\n\ntopic: Money laundering\n", 3, "must be a YAML list"),
    ("- topic: Money laundering\n- synonyms: [x]\n", 2, "entry 2 has no `topic:`"),
    ("- topic: Firearms\n- topic: firearms\n", 2, "same name: firearms"),
])
def test_a_bad_topic_list_names_what_to_fix(tmp_path, text, line, what):
    bad = tmp_path / "topics.yml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(PaperError) as caught:
        topics.read_topics(bad)
    assert caught.value.line == line and what in str(caught.value), str(caught.value)


@pytest.mark.paper_facts
def test_topics_of_the_2021_days(site_dir):
    topics = parsed(site_dir, "topics")
    assert len([href for href, _ in topics.links if "#" in href and not href.startswith("#")]) > 100
    for slug in ("19-october", "20-october", "21-october"):
        tags = [h for h, cls in parsed(site_dir, at(slug)).links if "md-tag" in cls]
        assert 3 <= len(tags) <= 8, slug
        assert {urlparse(h).fragment for h in tags} <= set(topics.ids)


@pytest.mark.paper_facts
def test_topics_page_lists_the_question_on_cryptocurrency(site_dir):
    text = (site_dir / "topics" / "index.html").read_text("utf-8")
    section = text[text.index('id="cryptocurrencies"'):]
    section = section[: section.index("<h2")]
    assert f'href="../{at("21-october")}/#question-d"' in section  # from the shared page into the edition
    assert "<strong>cryptocurrency</strong>" in section


@pytest.mark.paper_facts
def test_link_previews_show_the_day_and_its_challenge(site_dir):
    page = parsed(site_dir, at("20-october"))
    assert page.meta["og:title"].startswith("20 October 2021: ")  # the day with its edition's year
    for key in ("description", "og:description", "twitter:description"):
        assert "20 October 2021" in page.meta[key] and "confiscated proceeds of crime" in page.meta[key]
    assert page.meta["twitter:card"] == "summary"
    assert parsed(site_dir, at("questions")).meta["og:title"] == "Discussion questions, 19-21 October 2021"
    assert parsed(site_dir, at("")).meta["og:description"] != page.meta["og:description"]


@pytest.mark.paper_facts
@pytest.mark.parametrize(("page", "abbr", "expansion"), [
    ("20-october", "Europol", "European Union Agency for Law Enforcement Cooperation"),
    ("21-october", "MDMA", "methylenedioxymethamphetamine"),
    ("21-october", "Tor", "onion router"),
    ("", "UNODC", "United Nations Office on Drugs and Crime"),
])
def test_abbreviations_are_explained(site_dir, page, abbr, expansion):
    assert expansion in parsed(site_dir, at(page)).abbrs[abbr]


def test_each_question_is_its_own_search_entry(site_dir, paper_questions):
    docs = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))["docs"]
    by_location = {d["location"]: d for d in docs}
    for slug, letters in paper_questions.items():
        for letter in letters:
            title = by_location[f"{at(slug)}/#question-{letter}"]["title"]
            assert title.startswith(f"{letter}) ") and "¶" not in title
    # nor the pages that repeat them: the Discussion questions, the Topics, the forwarding addresses
    assert not any(d["location"].startswith((f"{at('questions')}/", "questions/", "topics/", "latest/"))
                   for d in docs)


@pytest.mark.paper_facts
def test_the_question_on_cryptocurrency_is_its_own_search_entry(site_dir, paper_questions):
    docs = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))["docs"]
    by_location = {d["location"]: d for d in docs}
    crypto = by_location[f"{at('21-october')}/#question-d"]
    assert crypto["title"].startswith("d) What steps") and "cryptocurrency markets" in crypto["title"]
    assert "¶" not in crypto["title"]
    for slug, letters in paper_questions.items():
        assert all(f"{at(slug)}/#question-{letter}" in by_location for letter in letters)
        # the questions are not also in the section's text
        assert "cryptocurrency markets" not in by_location[f"{at(slug)}/#discussion-questions"]["text"]


@pytest.mark.paper_facts
def test_search_knows_other_forms_and_spelled_out_abbreviations(site_dir):
    docs = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))["docs"]
    # the section's paragraphs, each its own entry (paperkit/search/passages.py)
    in_background = lambda locations: any(l.startswith(f"{at('20-october')}/#background-information-p")
                                          for l in locations)
    confiscating = [d["location"] for d in docs if "confiscating" in d.get("forms", "").split()]
    assert in_background(confiscating)
    assert not any("confiscating" in d["text"] for d in docs)        # the paper never says it
    fatf = [d["location"] for d in docs if "fatf" in d.get("forms", "").split()]
    assert in_background(fatf)
