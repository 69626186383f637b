"""Search forgives a typo and lands on the passage, on the built site, in Chromium, typed key by key.

- overrides/partials/search-answers.html: a word of five letters or more with one letter wrong, missing, doubled or
  two letters swapped finds the word's page, marked as the word; a correctly spelt query is never asked again.
- docs/assets/javascripts/search-lands.js: the first result opens on the paragraph that holds the words, in the
  window and marked (``:target``), at a desktop's and a phone's width.

The words come from the built site (its paragraphs), not from this paper: any paper's site passes or fails alike.
"""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest

from conftest import DESKTOP
from reader import search, watch_search

PARAGRAPH_RE = re.compile(r'<p id="([^"]+)">(.*?)</p>', re.DOTALL)
WORD_RE = re.compile(r"[a-z]+")
FIRST_RESULT = "a.md-search-result__link"
LANDED = "() => document.documentElement.hasAttribute('data-paper-landed')"
IN_VIEW = """id => { const r = document.getElementById(id).getBoundingClientRect()
  const header = document.querySelector(".md-header").getBoundingClientRect().bottom
  return r.top >= header - 1 && r.top < innerHeight && getComputedStyle(document.getElementById(id)).backgroundColor
    !== getComputedStyle(document.body).backgroundColor }"""


def _paragraph_texts(site_dir):
    """(page, paragraph id, its text in lower case, notes' markers left out) of every page of every edition: the
    paragraphs with an id, in order; the page as its path below the site's root (``2030/3-march``)."""
    found = []
    for html_file in sorted(site_dir.glob("*/**/index.html")):
        text = html_file.read_text(encoding="utf-8")
        article = text[text.find("<article"):text.find("</article>")]
        for pid, body in PARAGRAPH_RE.findall(article):
            plain = unescape(re.sub(r"<sup.*?</sup>|<[^>]+>", " ", body)).lower()
            found.append((html_file.parent.relative_to(site_dir).as_posix(), pid, plain))
    return found


def _paragraphs(site_dir):
    """(page, paragraph id, its words), as :func:`_paragraph_texts`."""
    return [(page, pid, WORD_RE.findall(plain)) for page, pid, plain in _paragraph_texts(site_dir)]


@pytest.fixture(scope="module")
def rare_word(site_dir):
    """A long word of one paragraph only, far down its page (not its first three paragraphs), in no heading:
    (page, paragraph id, word)."""
    paragraphs = _paragraphs(site_dir)
    counts = Counter(w for _, _, words in paragraphs for w in set(words))
    index = {}
    for page, pid, _ in paragraphs:
        index.setdefault(page, []).append(pid)
    for page, pid, words in paragraphs:
        if index[page].index(pid) < 3:
            continue
        for word in words:
            if len(word) >= 9 and counts[word] == 1 and word not in (site_dir / page / "index.html").read_text(
                    encoding="utf-8").lower().split("<article")[0]:
                return page, pid, word
    pytest.skip("no paragraph holds a long word of its own")


def _typos(word: str) -> dict[str, str]:
    middle = len(word) // 2
    return {"wrong": word[:middle] + ("x" if word[middle] != "x" else "z") + word[middle + 1:],
            "missing": word[:middle] + word[middle + 1:],
            "doubled": word[:middle] + word[middle] + word[middle:],
            "swapped": word[:middle] + word[middle + 1] + word[middle] + word[middle + 2:]}


def _asked_again(page) -> int:
    """Queries the site asked the worker again (search-answers.html), beyond those typed."""
    return page.evaluate("""() => performance.getEntriesByName('paper-again').length""")


COUNT_AGAIN = """(() => {
  const Native = window.Worker
  window.Worker = class extends Native {
    postMessage(message, ...rest) {
      if (message && message.type === 2 && message.again) performance.mark('paper-again')
      return super.postMessage(message, ...rest)
    }
  }
})()"""


@pytest.mark.parametrize("kind", ["wrong", "missing", "doubled", "swapped"])
def test_one_letter_off_finds_the_word(page, base_url, rare_word, kind):
    day, _, word = rare_word
    misspelt = _typos(word)[kind]
    watch_search(page)
    page.goto(base_url)
    search(page, misspelt)
    first = page.locator(FIRST_RESULT).first
    href = first.get_attribute("href")
    assert f"{day}/" in href, (misspelt, href)
    assert re.search(rf"[?&]h=[^#]*\b{word}\b", href), (misspelt, href)     # carried to the page as the word
    assert page.locator(".md-search-result mark", has_text=re.compile(word, re.I)).count() > 0
    assert page.locator(".md-search-result__terms del", has_text=misspelt).count() == 0  # not listed as missing


def test_a_correctly_spelt_query_is_asked_once(page, base_url, rare_word):
    _, _, word = rare_word
    page.add_init_script(COUNT_AGAIN)
    watch_search(page)
    page.goto(base_url)
    search(page, word)
    assert _asked_again(page) == 0
    page.goto(base_url)
    search(page, _typos(word)["swapped"])                             # and the count does count
    assert _asked_again(page) >= 1


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_first_result_lands_on_the_paragraph(browser, base_url, rare_word, width):
    day, pid, word = rare_word
    viewport = DESKTOP if width == "desktop" else {"width": 390, "height": 844}
    context = browser.new_context(viewport=viewport, has_touch=width == "phone")
    try:
        page = context.new_page()
        watch_search(page)
        page.goto(base_url)
        if width == "phone":
            page.locator("label.md-header__button[for=__search]").click()
        search(page, word)
        page.locator(FIRST_RESULT).first.click()
        page.wait_for_function(LANDED)
        assert page.evaluate("document.documentElement.dataset.paperLanded") == pid
        assert page.url.endswith(f"#{pid}") and f"/{day}/" in page.url
        assert page.evaluate(IN_VIEW, pid)                                # in the window, below the header, marked
        assert page.locator(f"#{pid} mark").count() > 0                   # its word marked too
    finally:
        context.close()


NOTE_RE = re.compile(r'<li id="(fn:[^"]+)"[^>]*>(.*?)</li>', re.DOTALL)


@pytest.fixture(scope="module")
def note_word(site_dir):
    """A long word that only one note of a day page holds (in none of the page's paragraphs, nowhere else on the
    page but that note): (page, the paragraph citing the note, word)."""
    for html_file in sorted(site_dir.glob("*/**/index.html")):
        text = html_file.read_text(encoding="utf-8")
        article = unescape(re.sub(r"<[^>]+>", " ", text[text.find("<article"):text.find("</article>")])).lower()
        for note_id, body in NOTE_RE.findall(text):
            citing = re.search(rf'<p id="([^"]+)">(?:(?!</p>).)*?href="#{re.escape(note_id)}"', text, re.DOTALL)
            if not citing:
                continue
            for word in WORD_RE.findall(unescape(re.sub(r"<[^>]+>", " ", body)).lower()):
                if len(word) >= 8 and len(re.findall(rf"\b{word}\b", article)) == 1:
                    return html_file.parent.relative_to(site_dir).as_posix(), citing[1], word
    pytest.skip("no note holds a long word of its own")


def test_a_word_of_a_note_lands_on_the_sentence_citing_it(page, base_url, note_word):
    day, pid, word = note_word
    page.goto(f"{base_url}{day}/?h={word}")
    page.wait_for_function(LANDED)
    assert page.evaluate("document.documentElement.dataset.paperLanded") == pid, word
    assert page.evaluate(IN_VIEW, pid)


def test_a_page_opened_without_search_words_stays_put(page, base_url, rare_word):
    day, _, _ = rare_word
    page.goto(f"{base_url}{day}/")
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.hasAttribute('data-paper-landed')") is False
    assert page.evaluate("scrollY") == 0


def test_a_result_that_is_a_list_shows_its_first_items_only(page, base_url, note_word):
    """A word of a note finds the page's "Sources cited" section, its list of sources and its notes: the result shows
    their first lines (find.css), not the whole list, so the results after it stay in reach."""
    _, _, word = note_word
    watch_search(page)
    page.goto(base_url)
    search(page, word)
    lists = page.locator(".md-search-result__article > ul, .md-search-result__article > ol")
    assert lists.count() > 0, f"no result for {word!r} is a list"
    for i in range(lists.count()):
        style = lists.nth(i).evaluate("el => [getComputedStyle(el).maxHeight, getComputedStyle(el).overflowY]")
        assert style[0] != "none" and style[1] == "hidden", style


ASKED = """(() => {
  const Native = window.Worker
  const asked = window.__asked = []
  window.Worker = class extends Native {
    postMessage(message, ...rest) {
      if (message && message.type === 2) asked.push(message.data)
      return super.postMessage(message, ...rest)
    }
  }
})()"""


def test_stop_words_are_left_out_of_the_query(page, base_url, rare_word):
    """lunr leaves stop words out of the index, but Material's trailing wildcard makes "of" match "offline" and
    "official": the site asks the worker without them, and ranks "the <word> of" as "<word>"."""
    day, _, word = rare_word
    page.add_init_script(ASKED)
    watch_search(page)
    page.goto(base_url)
    search(page, word)
    alone = page.locator(FIRST_RESULT).first.get_attribute("href")
    page.goto(base_url)
    search(page, f"the {word} of")
    assert page.evaluate("window.__asked.at(-1)") == word
    assert page.locator(FIRST_RESULT).first.get_attribute("href") == alone and f"{day}/" in alone
    page.goto(base_url)
    search(page, "of the")                                            # nothing but stop words: asked as typed
    assert page.evaluate("window.__asked.at(-1)") == "of the"


QUESTION_RE = re.compile(r'<li class="paper-question" id="[^"]+">(.*?)</li>', re.DOTALL)


@pytest.fixture(scope="module")
def fuller_page(site_dir):
    """(page A, query "y x"): x a word of A's paragraphs and of no other page (nor the start of any other page's
    word), y a word of a discussion question of another page that A's paragraphs hold too. A holds both words of
    the query; every other page one at most."""
    paragraphs = _paragraphs(site_dir)
    pages: dict[str, set[str]] = {}
    for page, _, words in paragraphs:
        pages.setdefault(page, set()).update(words)
    everywhere = {page: set(WORD_RE.findall(unescape(re.sub(r"<[^>]+>", " ", (site_dir / page / "index.html")
                                                               .read_text(encoding="utf-8"))).lower()))
                  for page in pages}
    for other in pages:
        text = (site_dir / other / "index.html").read_text(encoding="utf-8")
        asked = {w for q in QUESTION_RE.findall(text) for w in WORD_RE.findall(unescape(re.sub(r"<[^>]+>", " ", q)).lower())
                 if len(w) >= 7}
        for page, words in pages.items():
            if page == other:
                continue
            for y in sorted(asked & words):
                for x in sorted(w for w in words if len(w) >= 8):
                    if not any(w.startswith(x[:6]) for p, ws in everywhere.items() if p != page for w in ws):
                        return page, f"{y} {x}"
    pytest.skip("no page holds a word of another page's question beside a word of its own")


def test_a_page_holding_every_word_comes_before_one_holding_some(page, base_url, fuller_page):
    """Material ranks each entry alone, so a short one (a question) holding one of two words came before a page
    holding both: the pages that hold more of the query's words come first (search-answers.html). Each page's
    first link carries the words its entries hold (``?h=``)."""
    holder, query = fuller_page
    watch_search(page)
    page.goto(base_url)
    search(page, query)
    links = page.locator(FIRST_RESULT).evaluate_all("els => els.map(a => [a.pathname, new URL(a.href).searchParams.get('h') || ''])")
    pages = list(dict.fromkeys(path for path, _ in links))
    assert pages[0].strip("/") == holder, (query, pages)
    first = {}
    for path, words in links:
        first.setdefault(path, words)
    held = [len(set(first[path].split())) for path in pages]
    assert held == sorted(held, reverse=True), (query, list(zip(pages, held)))


STOP_WORDS = {"a", "an", "and", "of", "the", "to", "in", "on", "or", "for", "by", "with", "at", "as", "is"}


@pytest.fixture(scope="module")
def hyphenated(site_dir):
    """A hyphenated word of the paper ("e-commerce") whose parts are no stop words."""
    found = Counter(w for _, _, plain in _paragraph_texts(site_dir)
                    for w in re.findall(r"\b[a-z]+(?:-[a-z]+)+\b", plain) if not set(w.split("-")) & STOP_WORDS)
    if not found:
        pytest.skip("the paper has no hyphenated word")
    return found.most_common(1)[0][0]


def test_a_hyphenated_word_is_asked_as_all_its_parts(page, base_url, hyphenated):
    """The index holds a hyphenated word as its parts, and Material asked for any of them ("e" of "e-commerce" is
    the letter of every fifth question): the site asks for every part, in quotation marks, and each page found
    holds every part."""
    page.add_init_script(ASKED)
    watch_search(page)
    page.goto(base_url)
    search(page, hyphenated)
    assert page.evaluate("window.__asked.at(-1)") == f'"{hyphenated.replace("-", " ")}"'
    links = page.locator(FIRST_RESULT).evaluate_all("els => els.map(a => a.href.split('#')[0].split('?')[0])")
    assert links
    for url in dict.fromkeys(links):
        holder = page.context.new_page()
        holder.goto(url)
        words = re.findall(r"[a-z]+", holder.locator("article").inner_text().lower())
        holder.close()
        assert set(hyphenated.split("-")) <= set(words), (hyphenated, url)


@pytest.mark.parametrize("typo_first", [True, False])
def test_a_result_carries_the_words_in_the_order_typed(page, base_url, site_dir, rare_word, typo_first):
    """search-lands.js looks for the words in a row in the order asked: a result's `?h=` keeps the order typed, a
    word found at one edit where it was typed (it was put last)."""
    day, pid, word = rare_word
    words = next(w for p, i, w in _paragraphs(site_dir) if (p, i) == (day, pid))
    other = max((w for w in words if w != word and w not in STOP_WORDS and word not in w), key=len)
    typed = [_typos(word)["swapped"], other] if typo_first else [other, _typos(word)["swapped"]]
    watch_search(page)
    page.goto(base_url)
    search(page, " ".join(typed))
    carried = [parse_qs(urlparse(href).query).get("h", [""])[0].split()
               for href in page.locator(FIRST_RESULT).evaluate_all("els => els.map(a => a.href)")]
    both = [h for h in carried if word in h and other in h]
    assert both, (typed, carried)
    expected = [word, other] if typo_first else [other, word]
    assert all([w for w in h if w in expected] == expected for h in both), (typed, both)
