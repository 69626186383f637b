#!/usr/bin/env python3
"""Search relevance: recall@1 and recall@2 of the site's own search over a set of delegates' queries.

    python3 scripts/search_recall.py                  build the site, type every query, print the figures
    python3 scripts/search_recall.py --site site -v   an already built site; list every query that misses
    python3 scripts/search_recall.py --set tests/data/search_delegates.yml --lands
                                                      also click each query's first result: does the page show
                                                      the passage (its ``phrase``) in the window?

Each query of the relevance set (``tests/data/search_relevance.yml``: ``query``, ``day``, ``kind``) is searched with
Material's own search worker (the built site's ``assets/javascripts/workers/search.*.js``, named in the page's
``__config``), in Debian's Chromium, on the built site served on 127.0.0.1, fed as Material feeds it: the built
index, then each query exactly as typed. The worker does everything that ranks: Material's query transformation
(a trailing wildcard on every term), lunr over the index with the site's fields and boosts, Material's boosts and
its grouping by page. The pages are read from its answer in order: a page counts at its first result (its
article, a section or a discussion question), as the result list shows them. A query is found at k when its day
is among the first k pages.

Why the worker and not the search field: the field only hands its whole value to the worker at each keyup and
renders the worker's answer in its order, so the ranking is the same (``typed_pages`` types a query key by key
into the field and reads the list on screen; tests/browser/test_search_relevance.py checks the two agree), and
the whole set takes about a second instead of a minute (typing costs a worker search per keystroke).

The set may give each query a ``phrase`` of the passage that answers it (``tests/data/search_delegates.yml``):
with ``lands``, each such query is typed into the search field of the home page, key by key, as a delegate types
it, its first result clicked, and the query "lands" when the day page opened shows the phrase inside the window
(below the sticky header), once the page has settled (the site's search-lands.js has moved to the passage, or,
on a site without it, once the index is in and Material has marked the words). Once at a desktop's size and once
at a phone's. Misspelt queries (``kind: typo``) are also counted on their own.

The site's query side is part of what is measured: ``partials/search-answers.html`` (a retry at one edit for a
word that matches nothing) wraps the worker in every page, so the worker is asked through it here too, as the
page ships it (read from the built page; nothing when the site has none, as a bare Material build).

``recall(site_dir)`` returns the figures (for ``scripts/bench.py``); ``main()`` prints them. Prints figures,
asserts nothing: ``tests/browser/test_search_relevance.py`` holds the bar.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
RELEVANCE_SET = ROOT / "tests" / "data" / "search_relevance.yml"
DELEGATES_SET = ROOT / "tests" / "data" / "search_delegates.yml"
"""Queries with the phrase their first result must show (issue 19): recall, typos and "lands"."""
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]
SEARCH_INPUT = ".md-search__input"
RESULT_LINK = "a.md-search-result__link"
SEARCH_BUTTON = "label.md-header__button[for=__search]"
# an element a tap at its centre reaches (not off screen, not under the header)
ON_TOP = """el => { const r = el.getBoundingClientRect()
  return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)) }"""
TYPING_DELAY_MS = 10
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# the site's query side, inline in every page (overrides/partials/search-answers.html): the worker is asked through it
ANSWERS_SCRIPT_RE = re.compile(r"<script>(\(\(\) => \{\n  const SETUP = 0, QUERY = 2, RESULT = 3.*?)</script>", re.DOTALL)

# Material's search runs in a web worker (SearchMessageType: 0 setup, 1 ready, 2 query, 3 result): every keyup
# that changes the field posts the whole field's value as a query, and the result list is rendered, at once, when
# the worker's answer arrives. This counts the queries posted and the answers received (an answer is counted in a
# task after its message, once Material has rendered it), without touching either. Installed before the page's
# scripts, so the site's search-on-demand script and Material both create their worker through it.
WATCH_WORKER = """(() => {
  const Native = window.Worker, QUERY = 2, RESULT = 3
  const watch = window.__searchWatch = { queries: [], posted: 0, results: 0 }
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options)
      this.addEventListener("message", ({ data }) => {
        if (data && data.type === RESULT) setTimeout(() => { watch.results++ })
      })
    }
    postMessage(message, ...rest) {
      // a query asked again by the site (partials/search-answers.html: a misspelt word) is answered, not typed
      if (message && message.type === QUERY) { watch.posted++; if (!message.again) watch.queries.push(message.typed ?? message.data) }
      return super.postMessage(message, ...rest)
    }
  }
})()"""
# the list on screen answers `value`: it was the last query posted, and every query posted has had its answer
ANSWERED = """value => {
  const watch = window.__searchWatch
  return watch.queries.length > 0 && watch.queries[watch.queries.length - 1] === value
    && watch.results === watch.posted
}"""


@dataclass(frozen=True, slots=True)
class Case:
    query: str
    """As a delegate types it: "dark web shops"."""
    day: str
    """The day page it must bring up: its slug, "4-march"."""
    kind: str
    """What it tests: form, synonym, abbreviation, body, phrase, spelling; everyday, question, typo, symbol."""
    phrase: str = ""
    """Text of the passage that answers it, which must be in the window once its first result is clicked."""


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    pages: tuple[str, ...]
    """The pages of the result list, best first ("2030/4-march", "2030" for an edition's home page)."""
    lands: tuple[bool, ...] = ()
    """Whether clicking the first result showed the phrase in the window: at each width measured."""

    def found_at(self, k: int) -> bool:
        """The case's day is among the first k pages: in an edition's folder ("2030/4-march"), or the site's own."""
        return any(is_day(p, self.case.day) for p in self.pages[:k])


@dataclass(frozen=True, slots=True)
class Figures:
    outcomes: tuple[Outcome, ...]
    seconds: float
    """Time spent searching (the browser's start included, the build not)."""
    index_bytes: int
    index_gzip_bytes: int
    """The search index the queries ran against, raw and gzip-compressed (level 6, as web servers send it)."""

    def recall(self, k: int) -> float:
        return sum(o.found_at(k) for o in self.outcomes) / len(self.outcomes)

    @property
    def recall_at_1(self) -> float:
        return self.recall(1)

    @property
    def recall_at_2(self) -> float:
        return self.recall(2)

    def misses(self, k: int = 2) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if not o.found_at(k))

    def of_kind(self, kind: str) -> Figures:
        return Figures(tuple(o for o in self.outcomes if o.case.kind == kind), self.seconds, self.index_bytes,
                       self.index_gzip_bytes)

    def lands(self, width: int = 0) -> float | None:
        """The share of the queries with a phrase that land, at the ``width``-th width measured; None: not measured."""
        measured = [o for o in self.outcomes if o.case.phrase and len(o.lands) > width]
        return sum(o.lands[width] for o in measured) / len(measured) if measured else None


class RelevanceSetError(ValueError):
    """The relevance set is not a list of ``{query, day, kind}``."""


def read_cases(path: Path = RELEVANCE_SET) -> tuple[Case, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise RelevanceSetError(f"{path}: must be a YAML list of {{query, day, kind}}")
    cases = []
    for i, entry in enumerate(data, start=1):
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) and entry[k].strip()
                                                  for k in ("query", "day", "kind")):
            raise RelevanceSetError(f"{path}: entry {i} needs `query`, `day` and `kind`")
        if not isinstance(entry.get("phrase", ""), str):
            raise RelevanceSetError(f"{path}: entry {i}: `phrase` must be text")
        cases.append(Case(query=entry["query"], day=entry["day"], kind=entry["kind"], phrase=entry.get("phrase", "")))
    return tuple(cases)


def is_day(page: str, day: str) -> bool:
    """Whether a page ("2030/4-march", "4-march", "2030") is the set's day ("4-march"; "" for the home page): the
    day in an edition's folder, or at the site's root when the site holds one edition unprefixed."""
    return page == day or (page.endswith(f"/{day}") if day else page.isdigit())


def page_of(href: str, base_url: str) -> str:
    """The page a result link points into, as a path under the site root without slashes: "4-march", ""."""
    return unquote(urlparse(href).path).removeprefix(urlparse(base_url).path).strip("/").removesuffix("index.html")


def pages_in_order(locations: Sequence[str]) -> tuple[str, ...]:
    """The pages of result locations ("4-march/#question-b", "4-march/", ""), first appearance first."""
    pages: list[str] = []
    for location in locations:
        if (p := location.split("#")[0].strip("/").removesuffix("index.html")) not in pages:
            pages.append(p)
    return tuple(pages)


def typed_pages(page, base_url: str, query: str) -> tuple[str, ...]:
    """Type ``query`` into the search field of ``page`` (on the site, with ``WATCH_WORKER`` installed, the field
    empty), key by key; the pages of the result list on screen, best first. Leaves the field empty again."""
    field = page.locator(SEARCH_INPUT)
    field.click()
    field.press_sequentially(query, delay=TYPING_DELAY_MS)
    page.wait_for_function(ANSWERED, arg=query)
    hrefs = page.locator(RESULT_LINK).evaluate_all("links => links.map(a => a.href)")
    field.press("Control+a")
    field.press("Backspace")
    page.wait_for_function(ANSWERED, arg="")
    return pages_in_order([page_of(h, base_url) for h in hrefs])


# Material's worker, set up as Material sets it up (setupSearchWorker: the index's config and documents, the
# search.suggest feature), then one query at a time; the locations of each answer's results, group by group.
ASK_WORKER = """async ({ worker, index, suggest, queries }) => {
  const search = new Worker(worker)
  const answer = () => new Promise(resolve => search.addEventListener("message", ({ data }) => resolve(data), { once: true }))
  const { config, docs } = await (await fetch(index)).json()
  search.postMessage({ type: 0, data: { config, docs, options: { suggest } } })
  await answer()
  const found = []
  for (const query of queries) {
    search.postMessage({ type: 2, data: query })
    const { data } = await answer()
    found.push(data.items.flatMap(group => group.map(item => item.location)))
  }
  search.terminate()
  return found
}"""
CONFIG_RE = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)


def answers_script(site_dir: Path) -> str | None:
    """The site's own query side as its pages ship it (partials/search-answers.html), None for a site without."""
    found = ANSWERS_SCRIPT_RE.search((site_dir / "index.html").read_text(encoding="utf-8"))
    return found[1] if found else None


def worker_pages(browser, base_url: str, site_dir: Path, queries: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """The pages each query brings up, best first, from Material's search worker of the site in ``site_dir``,
    asked through the site's own query side when it has one (``typos_script``)."""
    config = json.loads(CONFIG_RE.search((site_dir / "index.html").read_text(encoding="utf-8"))[1])
    context = browser.new_context()
    if (script := answers_script(site_dir)) is not None:
        context.add_init_script(script)
    try:
        page = context.new_page()
        # a page of the site's origin that runs none of its scripts (they would hold the worker back until the
        # reader's first sign of searching), from where the worker and the index are fetched as on any page
        page.goto(base_url + "search/search_index.json")
        found = page.evaluate(ASK_WORKER, {"worker": urljoin(base_url, config["search"]),
                                           "index": base_url + "search/search_index.json",
                                           "suggest": "search.suggest" in config["features"], "queries": list(queries)})
    finally:
        context.close()
    return tuple(pages_in_order(locations) for locations in found)


# once the clicked page has settled: the site's search-lands.js says where it landed; a site without it has
# settled once the index is in (requested, with ?h=, by Material) and Material has marked the words
SETTLED = r"""() => {
  if (document.readyState !== "complete") return false
  if (document.querySelector("script[src*='search-lands']")) return document.documentElement.hasAttribute("data-paper-landed")
  return !!document.querySelector("mark[data-md-highlight]")
    || performance.getEntriesByType("resource").some(r => /search_index\.json$/.test(r.name) && r.responseEnd > 0)
}"""
# the phrase (any case, white space and quotes folded) inside the window, below the sticky header
PHRASE_IN_VIEW = r"""phrase => {
  const fold = s => s.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"')
  const article = document.querySelector("article") || document.body
  const nodes = [], starts = []
  let text = ""
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.offsetParent && getComputedStyle(node.parentElement).position !== "fixed") continue
    for (const [i, ch] of [...fold(node.textContent)].entries()) {
      if (/\s/.test(ch)) { if (text && !text.endsWith(" ")) { text += " "; nodes.push(node); starts.push(i) } continue }
      text += ch; nodes.push(node); starts.push(i)
    }
  }
  const wanted = fold(phrase).replace(/\s+/g, " ").trim()
  const header = document.querySelector(".md-header")?.getBoundingClientRect().bottom || 0
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
    const end = at + wanted.length - 1
    const range = document.createRange()
    range.setStart(nodes[at], starts[at])
    range.setEnd(nodes[end], Math.min(starts[end] + 1, nodes[end].textContent.length))
    const rects = [...range.getClientRects()].filter(r => r.width > 0)
    if (rects.length && rects.every(r => r.top >= header - 1 && r.bottom <= innerHeight + 1)) return true
  }
  return false
}"""


def first_result_lands(page, base_url: str, case: Case) -> bool:
    """Type the query into the search field of the home page, click the first result: is the phrase in view?"""
    page.goto(base_url)
    field = page.locator(SEARCH_INPUT)
    if not field.evaluate(ON_TOP):  # a phone: the header's search button opens the field
        page.locator(SEARCH_BUTTON).click()
    field.click()
    field.press_sequentially(case.query, delay=TYPING_DELAY_MS)
    page.wait_for_function(ANSWERED, arg=case.query)
    first = page.locator(RESULT_LINK).first
    if not first.count():
        return False
    first.click()
    page.wait_for_load_state("load")
    page.wait_for_function(SETTLED)
    return is_day(page_of(page.url, base_url), case.day) and page.evaluate(PHRASE_IN_VIEW, case.phrase)


def landings(browser, base_url: str, cases: Sequence[Case], viewport: dict) -> tuple[bool, ...]:
    """For each case with a phrase (the others: False), whether its first result lands, at ``viewport``."""
    context = browser.new_context(viewport=viewport)
    try:
        context.add_init_script(WATCH_WORKER)
        page = context.new_page()
        return tuple(bool(case.phrase) and first_result_lands(page, base_url, case) for case in cases)
    finally:
        context.close()


def evaluate(browser, base_url: str, site_dir: Path, cases: Sequence[Case], *,
             lands: bool = False) -> tuple[Outcome, ...]:
    ranked = worker_pages(browser, base_url, site_dir, [case.query for case in cases])
    landed = list(zip(*(landings(browser, base_url, cases, v) for v in (DESKTOP, PHONE)))) if lands else [()] * len(cases)
    return tuple(Outcome(case, pages, tuple(ls)) for case, pages, ls in zip(cases, ranked, landed))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def served(site_dir: Path, port: int = 0) -> Iterator[str]:
    """``site_dir`` served on 127.0.0.1 (``port`` 0: any free one); yields its address."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build(site_dir: Path) -> None:
    """The site as `mkdocs build --strict` makes it."""
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)], cwd=ROOT,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"mkdocs build failed:\n{done.stderr}")


def recall(site_dir: Path | None = None, *, cases: Sequence[Case] | None = None, port: int = 0,
           lands: bool = False) -> Figures:
    """recall@1 and @2 of the built site in ``site_dir`` (built into a temporary folder when None); with ``lands``,
    whether each first result shows its passage, at a desktop's and a phone's width."""
    from playwright.sync_api import sync_playwright

    cases = read_cases() if cases is None else cases
    with tempfile.TemporaryDirectory(prefix="search-recall-") as tmp:
        if site_dir is None:
            site_dir = Path(tmp) / "site"
            build(site_dir)
        index = (site_dir / "search" / "search_index.json").read_bytes()
        start = time.perf_counter()
        with served(site_dir, port) as base_url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                outcomes = evaluate(browser, base_url, site_dir, cases, lands=lands)
            finally:
                browser.close()
        return Figures(outcomes=outcomes, seconds=time.perf_counter() - start, index_bytes=len(index),
                       index_gzip_bytes=len(gzip.compress(index, compresslevel=6, mtime=0)))


def report(figures: Figures, *, relevance_set: Path = RELEVANCE_SET, verbose: bool = False) -> str:
    """The figures as printed: recall@1 and @2, the index's size, the queries that miss (all of them: ``verbose``)."""
    n = len(figures.outcomes)
    name = relevance_set.relative_to(ROOT) if relevance_set.is_relative_to(ROOT) else relevance_set
    lines = [
        f"search relevance: {n} queries ({name}), searched with Material's worker in Chromium",
        f"  recall@1 {figures.recall_at_1:.1%} ({sum(o.found_at(1) for o in figures.outcomes)}/{n})   "
        f"recall@2 {figures.recall_at_2:.1%} ({sum(o.found_at(2) for o in figures.outcomes)}/{n})   "
        f"in {figures.seconds:.1f} s",
        f"  search index {figures.index_bytes / 1000:.1f} KB, {figures.index_gzip_bytes / 1000:.1f} KB gzip",
    ]
    if typos := figures.of_kind("typo").outcomes:
        lines.append(f"  typos: recall@2 {figures.of_kind('typo').recall_at_2:.1%} "
                     f"({sum(o.found_at(2) for o in typos)}/{len(typos)})")
    if (desktop := figures.lands(0)) is not None:
        with_phrase = sum(bool(o.case.phrase) for o in figures.outcomes)
        lines.append(f"  lands (first result shows the passage): {desktop:.1%} at {DESKTOP['width']} px, "
                     f"{figures.lands(1):.1%} at {PHONE['width']} px, of {with_phrase}")
    for o in figures.outcomes:
        lost = o.case.phrase and not all(o.lands)
        if not (verbose or not o.found_at(2) or lost):
            continue
        mark = "ok  " if o.found_at(1) else "2nd " if o.found_at(2) else "MISS"
        landed = "" if not o.lands else "  lands " + "/".join("yes" if x else "NO" for x in o.lands)
        lines.append(f"  {mark} {o.case.query!r} [{o.case.kind}] → {o.case.day}; got {', '.join(o.pages[:3]) or 'nothing'}{landed}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one in a temporary folder)")
    parser.add_argument("--set", type=Path, default=RELEVANCE_SET, help="the relevance set (YAML)")
    parser.add_argument("--port", type=int, default=0, help="serve on this port of 127.0.0.1 (default: any free one)")
    parser.add_argument("--lands", action="store_true",
                        help="also click each first result and check its `phrase` is in view (slower: types each query)")
    parser.add_argument("-v", "--verbose", action="store_true", help="every query, not only the misses")
    args = parser.parse_args(argv)
    figures = recall(args.site, cases=read_cases(args.set), port=args.port, lands=args.lands)
    print(report(figures, relevance_set=args.set.resolve(), verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
