#!/usr/bin/env python3
"""Benchmark: prints figures, asserts nothing (speed and size are measured here, never in the tests).

    python3 scripts/dev.py bench                      everything (long: Lighthouse runs 3 times per page and site)
    python3 scripts/dev.py bench --no-lighthouse      no Lighthouse
    python3 scripts/dev.py bench --parts taps --pages october,topics   first taps only, on some pages

Every figure of the site is measured beside a bare Material build of the same pages (`paper2site`'s Markdown,
built with Material's own templates and scripts and the same theme settings: palette, features, no web fonts; no
overrides, no extra CSS or JS, no hooks), in the same run, alternating, with the load average printed beside it:
the machine is shared, and only figures taken side by side compare.

1. build: `mkdocs build --strict` of the whole pipeline next to the bare build; the ratio of the medians.
   scale: the cost per note of `paper2site` and of `mkdocs build` on generated papers of 1,000 and 10,000 notes.
2. serve: `mkdocs serve`, from saving the paper to the browsers' reload.
3. views: per page, every file Chromium fetches until the network is idle, raw and gzip (level 6).
4. search: recall@1 and recall@2 of the delegates' queries (tests/data/search_relevance.yml) with Material's own
   search worker (scripts/search_recall.py), and the search index's size; then the delegates' set of issue 19
   (tests/data/search_delegates.yml) on the site, on the bare build and with Pagefind on the bare build
   (scripts/pagefind_recall.py): recall@1/@2, typos found, and "lands" (the first result, clicked, shows the
   query's passage in the window, at 1,280 and 390 px). Last, what a delegate waits for at each key while the results follow the
   typing: from a key to the result list's change, the index already in (390 px, 4 × CPU slowdown), beside bare
   Material.
5. taps: what a reader's thumb feels. Playwright drives Debian's Chromium as a 390 px phone with its CPU slowed
   4 × (CDP `Emulation.setCPUThrottlingRate`): a fresh load, wait for the load event and an idle main thread,
   then one tap on a header control (search, menu, palette); the Event Timing API (PerformanceObserver "event",
   durationThreshold 16) gives that interaction's duration, input to next paint, the figure INP is made of.
   Median of 5 per control, page and site.
6. lighthouse: Lighthouse (npm `lighthouse`, installed under .tools/, Debian's Chromium), mobile, median of 3:
   performance, accessibility, best practices, SEO, and its metrics, per page and site.

Targets (issue 11): first tap ≤ 100 ms on every control of every page; LCP ≤ 1.5 s, CLS ≤ 0.02, performance
≥ 97 on every page. Earlier: a day page's first view ≤ 100 KB gzip; build ≤ 1.5 × bare (scripts/BENCHMARKS-HISTORY.md).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

import editions_bench
import pagefind_recall  # scripts/pagefind_recall.py: the same queries against Pagefind on the bare build
import scale_bench  # scripts/scale_bench.py, beside this file: cost per note at 1,000 and 10,000 notes
import search_recall  # scripts/search_recall.py, beside this file: recall@1/@2 of the relevance set

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / ".tools"
LIGHTHOUSE_VERSION = "12.2.3"  # 13.x needs Node 22.19+; Debian 12 ships Node 18/20
LIGHTHOUSE = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
TEMPLATE_CACHE = Path(".cache") / "templates"  # hooks/template_cache.py
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGET_KB = 100
BUILD_RATIO = 1.5

TAP_RUNS = 5
TAP_TARGET_MS = 100
PERFORMANCE_TARGET = 97

# The bare build: the generated pages' Markdown needs these extensions; the theme section is mkdocs.yml's own
# (palette, features, font: false) without custom_dir, so both sites show the same controls.
BARE_EXTENSIONS = ["abbr", "attr_list", "footnotes", "md_in_html", "toc"]


def bare_mkdocs_yml() -> str:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)  # site_url: unused here
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    theme = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    return yaml.safe_dump({"site_name": "Bare", "theme": theme, "markdown_extensions": BARE_EXTENSIONS},
                          sort_keys=False, allow_unicode=True)


ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(config: Path, site: Path) -> float:
    """Seconds of one `mkdocs build --strict` (wall clock, the whole process, as a user runs it)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)],
                   cwd=config.parent, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def write_bare(work: Path) -> Path:
    """The bare Material project of the same pages: its mkdocs.yml, beside the generated Markdown."""
    bare = work / "bare"
    subprocess.run([sys.executable, "-m", "paperkit.cli", str(max((ROOT / "papers").glob("*.md"))),
                    str(bare / "docs")], cwd=ROOT, env=ENV, check=True, capture_output=True)
    for short in (bare / "docs").rglob("*.md"):  # the questions' short addresses and the forwarding pages (not
        text = short.read_text(encoding="utf-8")  # measured) have a template of ours: in the bare build, Material's
        short.write_text(re.sub(r"(?m)^template: .*\n", "", text, count=1), encoding="utf-8")  # own page
    (bare / "mkdocs.yml").write_text(bare_mkdocs_yml(), encoding="utf-8")
    return bare


def build_times(work: Path, runs: int) -> tuple[list[float], list[float], list[float]]:
    bare = write_bare(work)
    full, cold, plain = [], [], []
    mkdocs_build(ROOT / "mkdocs.yml", work / "warm")  # warm the disk cache for both
    for _ in range(runs):  # alternate, so that a busy machine slows all alike
        full.append(mkdocs_build(ROOT / "mkdocs.yml", work / "site"))
        shutil.rmtree(ROOT / TEMPLATE_CACHE, ignore_errors=True)  # as on a fresh clone: templates compiled
        cold.append(mkdocs_build(ROOT / "mkdocs.yml", work / "cold"))
        plain.append(mkdocs_build(bare / "mkdocs.yml", bare / "site"))
    return full, cold, plain


def serve_reloads(work: Path, runs: int, papers: Path | None = None) -> tuple[list[float], list[float]]:
    """Seconds from saving the paper to `mkdocs serve` reloading the browsers, and the rebuild's own part.

    `mkdocs serve --dirty` (as `scripts/dev.py serve` runs it) on a copy of the paper (`PAPERS=…`, read by mkdocs.yml); each run saves the
    copy with one word added to a paragraph, then as it was (written beside it and renamed over it, as editors save)
    and waits for "Reloading browsers" in the log. With ``papers`` (a folder of editions), its newest paper is the one
    saved, every edition served."""
    if papers is None:
        inputs = work / "serve-inputs"
        inputs.mkdir()
        paper = inputs / "paper.md"
        paper.write_text((max((ROOT / "papers").glob("*.md"))).read_text(encoding="utf-8"), encoding="utf-8")
    else:
        paper = max(papers.glob("*.md"))
    text = paper.read_text(encoding="utf-8")
    # an editor's edit: one word more in one paragraph (the longest line of the paper's middle third)
    lines_of = text.split("\n")
    third = len(lines_of) // 3
    at = max(range(third, 2 * third), key=lambda n: len(lines_of[n]))
    lines_of[at] = lines_of[at].replace(" ", " also ", 1)
    edited = "\n".join(lines_of)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=ROOT, env={**ENV, "PAPERS": str(papers or paper), "PAPER_PUBLISHED": "none.txt"}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: list[tuple[float, str]] = []
    threading.Thread(target=lambda: lines.extend((time.monotonic(), ln) for ln in server.stderr), daemon=True).start()

    def after(word: str, since: float) -> tuple[float, str]:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            for t, ln in list(lines):
                if t > since and word in ln:
                    return t, ln
            time.sleep(0.01)
        raise RuntimeError(f"mkdocs serve: no {word!r} in 120 s:\n" + "".join(ln for _, ln in lines))

    reloads, builds = [], []
    try:
        after("Serving on", 0)
        for i in range(runs):
            time.sleep(1.5)  # the log is quiet: the last rebuild is over
            saved = time.monotonic()
            draft = work / "draft.tmp"  # saved as editors save: written, then renamed over it
            draft.write_text(edited if i % 2 == 0 else text, encoding="utf-8")
            os.replace(draft, paper)
            building, _ = after("Building documentation", saved)
            reloaded, _ = after("Reloading browsers", building)
            reloads.append(reloaded - saved)
            builds.append(reloaded - building)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return reloads, builds


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static host: HTTP/1.1 with keep-alive, text files gzip-compressed when the browser accepts it.

    HTTP/1.1 matters to Lighthouse: over HTTP/1.0 (http.server's default) every request opens a new
    connection, which its simulated slow network charges with a round trip each; any real static host keeps
    connections open. Every response with a body therefore says its length (http.server's own 200s, redirects
    and errors do; a 304 has no body)."""

    protocol_version = "HTTP/1.1"
    TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in self.TEXT and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=3600")
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().send_head()


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


NOINDEX = '<meta name="robots" content="noindex">'


def pages_of(site: Path) -> list[str]:
    """The pages a reader reads: not the forwarding pages (an address published before the editions, `latest/`) nor
    the questions' short addresses, which are kept out of search engines (`noindex`) and forward or preview."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.relative_to(site).as_posix()
        if not rel.startswith("assets/") and NOINDEX not in html.read_text(encoding="utf-8"):
            pages.append(rel.removesuffix("index.html"))
    return pages


def kind(path: str) -> str:
    if path.endswith(".html") or path.endswith("/"):
        return "html"
    if "search_index" in path:
        return "index"
    return {".css": "css", ".js": "js"}.get(Path(path).suffix, "other")


def first_views(site: Path, base: str, pages: list[str]) -> dict[str, dict[str, tuple[int, int]]]:
    """Per page: {kind: (raw bytes, gzip bytes)} of every same-host file fetched until the network is idle."""
    from playwright.sync_api import sync_playwright

    views = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for page_path in pages:
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
            page = context.new_page()
            fetched: list[str] = []
            page.on("request", lambda r: fetched.append(r.url))
            page.goto(base + page_path, wait_until="networkidle")
            sizes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            for url in dict.fromkeys(fetched):
                parts = urlparse(url)
                if not url.startswith(base):
                    continue
                file = site / parts.path.lstrip("/")
                if file.is_dir():
                    file = file / "index.html"
                data = file.read_bytes()
                k = kind(parts.path)
                sizes[k][0] += len(data)
                sizes[k][1] += len(gzip.compress(data, 6))
            views[page_path] = {k: (v[0], v[1]) for k, v in sizes.items()}
            context.close()
        browser.close()
    return views


# The header controls a phone reader taps, in Material's header at 390 px
CONTROLS = {
    "search": "label.md-header__button[for=__search]",
    "menu": "label.md-header__button[for=__drawer]",
    "palette": "form[data-md-component=palette] label.md-header__button:not([hidden])",
}

# Before the tap: record every event of an interaction that lasts 16 ms or more (the Event Timing API's
# threshold; INP is made of these durations) and the first input's duration, which is reported whatever its length
OBSERVE_JS = """() => {
  window.__bench = { events: [], first: null }
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (e.interactionId) __bench.events.push(e.duration)
  }).observe({ type: "event", durationThreshold: 16 })
  new PerformanceObserver(list => { __bench.first = list.getEntries()[0].duration })
    .observe({ type: "first-input", buffered: true })
}"""

# An idle main thread: three idle periods in a row with their whole 50 ms free (no task waiting, none running)
IDLE_JS = """() => new Promise(resolve => {
  let quiet = 0
  const check = deadline => (quiet = deadline.timeRemaining() >= 45 ? quiet + 1 : 0) >= 3
    ? resolve() : requestIdleCallback(check)
  requestIdleCallback(check)
})"""

# What each control changed once it answered (the tap did what the reader asked)
STATE_JS = """() => [document.getElementById("__search")?.checked, document.getElementById("__drawer")?.checked,
  [...document.querySelectorAll("form[data-md-component=palette] label")].findIndex(l => !l.hidden)].join()"""


def first_tap(browser, url: str, control: str) -> tuple[float, bool]:
    """Milliseconds of the first tap on `control` after a fresh load of `url` (390 px, 4 × CPU slowdown), and
    whether the page answered it."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    try:
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        page.evaluate(IDLE_JS)
        page.evaluate(OBSERVE_JS)
        before = page.evaluate(STATE_JS)
        page.tap(CONTROLS[control])
        page.wait_for_function("() => __bench.first !== null", timeout=30_000)
        page.evaluate(IDLE_JS)  # the interaction's entries are reported after its paint
        events, first = page.evaluate("() => [__bench.events, __bench.first]")
        return max([first, *events]), page.evaluate(STATE_JS) != before
    finally:
        context.close()


# Each key of a query: from its keydown to the next change of the result list (Material renders each answer of
# its worker there), on the page's own clock
KEYS_JS = """(() => {
  window.__keys = { down: null, times: [] }
  addEventListener("keydown", () => { __keys.down = performance.now() }, true)
  addEventListener("DOMContentLoaded", () => new MutationObserver(() => {
    if (__keys.down === null) return
    __keys.times.push(performance.now() - __keys.down)
    __keys.down = null
  }).observe(document.querySelector(".md-search-result"), { childList: true, subtree: true, characterData: true }))
})()"""
KEY_GAP_MS = 400  # between two keys: more than an answer takes here, so that each key's answer is its own


def results_per_key(browser, url: str, query: str) -> list[float]:
    """Milliseconds from each key of `query` (after the first) to the result list's next change, on `url` at 390 px
    with 4 × CPU slowdown, the index already in (the query typed once and cleared first): what a delegate waits
    for at each key while the results follow the typing."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.add_init_script(KEYS_JS)
        page.goto(url, wait_until="load")
        page.tap(CONTROLS["search"])
        field = page.locator("input.md-search__input")
        field.press_sequentially(query)
        page.locator(".md-search-result__item").first.wait_for()
        field.press("Control+a")
        field.press("Backspace")
        page.locator(".md-search-result__item").first.wait_for(state="detached")
        page.evaluate("() => { __keys.down = null; __keys.times = [] }")
        for key in query:
            page.keyboard.type(key)
            page.wait_for_timeout(KEY_GAP_MS)
        return page.evaluate("() => __keys.times")[1:]   # the first key opens the list: not a search's answer
    finally:
        context.close()


def keys_to_results(sites: dict[str, str], page_path: str, queries: list[str], runs: int) -> None:
    """Print the median and slowest key-to-results time of each query on each site (the sites alternate)."""
    from playwright.sync_api import sync_playwright

    print(f"\nResults as the query is typed, ms from a key to the result list's change, /{page_path} at 390 px, "
          f"4 × CPU slowdown, index loaded; {runs} runs (target: first result ≤ 100 ms after a key press):")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            for query in queries:
                times: dict[str, list[float]] = defaultdict(list)
                for _ in range(runs):
                    for name, base in sites.items():
                        times[name].extend(results_per_key(browser, base + page_path, query))
                cells = [f"{name} median {statistics.median(t):.0f}, slowest {max(t):.0f}" if t else f"{name}: none"
                         for name, t in times.items()]
                print(f"  {query!r:<40} " + "; ".join(cells) + f"   (load {os.getloadavg()[0]:.1f})", flush=True)
        finally:
            browser.close()


def first_taps(sites: dict[str, str], pages: list[str], runs: int, controls: list[str]) -> None:
    """Print the median first tap per page, control and site; the sites alternate run by run."""
    from playwright.sync_api import sync_playwright

    names = list(sites)
    print(f"\nFirst tap, ms (Event Timing: input to next paint, as INP counts it), 390 px phone, 4 × CPU slowdown,"
          f" fresh load, load + idle, then one tap; median of {runs} (target ≤ {TAP_TARGET_MS} ms):")
    width = max(len(f"{c} {' / '.join(names)}") for c in controls) + 3
    print(f"  {'page':<14}" + "".join(f"{c + ' ' + ' / '.join(names):>{width}}" for c in controls) + "   load average")
    worst: dict[str, float] = defaultdict(float)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            for page_path in pages:
                cells, loads, missed = [], [], []
                for control in controls:
                    times: dict[str, list[float]] = defaultdict(list)
                    for _ in range(runs):
                        for name in names:  # alternate, so that a busy moment slows both alike
                            ms, answered = first_tap(browser, sites[name] + page_path, control)
                            times[name].append(ms)
                            if not answered:
                                missed.append(f"{name} {control}")
                        loads.append(os.getloadavg()[0])
                    medians = [statistics.median(times[n]) for n in names]
                    for n, m in zip(names, medians):
                        worst[n] = max(worst[n], m)
                    cells.append(" / ".join(f"{m:.0f}" for m in medians))
                print(f"  /{page_path:<13}" + "".join(f"{c:>{width}}" for c in cells)
                      + f"   {min(loads):.1f}–{max(loads):.1f}"
                      + (f"  NO ANSWER: {', '.join(sorted(set(missed)))}" if missed else ""), flush=True)
        finally:
            browser.close()
    for n in names:
        print(f"  {n}: slowest median {worst[n]:.0f} ms  "
              f"{'ok' if worst[n] <= TAP_TARGET_MS else 'MISSED'} (target ≤ {TAP_TARGET_MS} ms)")


def ensure_lighthouse() -> Path:
    if not LIGHTHOUSE.is_file():
        print(f"installing lighthouse {LIGHTHOUSE_VERSION} under {TOOLS.relative_to(ROOT)}/ …", flush=True)
        subprocess.run(["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund",
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True, capture_output=True)
    return LIGHTHOUSE


METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT",
           "speed-index": "SI", "cumulative-layout-shift": "CLS"}


def lighthouse(url: str, out: Path) -> dict:
    """Mobile scores (0–100) and performance metrics of one page, Lighthouse's default simulated slow 4G and
    mid-range phone."""
    subprocess.run(["node", str(ensure_lighthouse()), url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=--headless --no-sandbox"],
                   env={**ENV, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    scores.update({name: report["audits"][audit]["numericValue"] for audit, name in METRICS.items()})
    # Lighthouse's measure of the host's CPU speed: its 4× slowdown assumes ≈ 1500 (a faster host is slowed
    # less than it should be, a slower one more), so a low index reads as too much blocking time
    scores["BI"] = report["environment"]["benchmarkIndex"]
    scores["failing"] = {  # the audits that cost points, to know what to fix
        a["id"] for c in CATEGORIES for ref in report["categories"][c]["auditRefs"]
        if ref["weight"] and (a := report["audits"][ref["id"]])["score"] is not None and a["score"] < 1}
    return scores


def lighthouse_median(url: str, out: Path, runs: int) -> dict:
    """Median scores and metrics of `runs` Lighthouse runs (scores vary between runs; Lighthouse's own advice
    is the median of several), and every audit that cost points in any run."""
    results = [lighthouse(url, out) for _ in range(runs)]
    median = {k: statistics.median(r[k] for r in results) for k in [*CATEGORIES, *METRICS.values(), "BI"]}
    median["failing"] = sorted(set().union(*(r["failing"] for r in results)))
    median["performance runs"] = [r["performance"] for r in results]
    return median


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


PARTS = ("build", "scale", "editions", "serve", "views", "search", "taps", "lighthouse")


def print_lighthouse(sites: dict[str, str], pages: list[str], work: Path, runs: int) -> None:
    print(f"\nLighthouse {LIGHTHOUSE_VERSION}, mobile (served with gzip over HTTP/1.1), median of {runs} runs; "
          f"metrics in ms (CLS unitless); targets: performance ≥ {PERFORMANCE_TARGET}, LCP ≤ 1500, CLS ≤ 0.02:")
    print(f"  {'page':<14}{'site':<7}" + "".join(f"{c:>15}" for c in CATEGORIES)
          + "".join(f"{m:>7}" for m in METRICS.values()) + "  host CPU  load  performance per run")
    for page_path in pages:
        for name, base in sites.items():  # one page on each site in turn
            s = lighthouse_median(base + page_path, work / "lighthouse.json", runs)
            ok = s["performance"] >= PERFORMANCE_TARGET and s["LCP"] <= 1500 and s["CLS"] <= 0.02
            print(f"  /{page_path:<13}{name:<7}" + "".join(f"{s[c]:>15g}" for c in CATEGORIES)
                  + "".join(f"{s[m]:>7.0f}" if m != "CLS" else f"{s[m]:>7.2f}" for m in METRICS.values())
                  + f"  {s['BI']:>8.0f}  {os.getloadavg()[0]:>4.1f}  {s['performance runs']}"
                  + ("" if ok or name != "site" else "  MISSED")
                  + (f"  losing points: {', '.join(s['failing'])}" if s["failing"] else ""), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="builds and serve saves of each kind (default 5)")
    parser.add_argument("--parts", default=",".join(PARTS),
                        help=f"what to measure, comma-separated (default: all of {','.join(PARTS)})")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse runs")
    parser.add_argument("--lighthouse-runs", type=int, default=3, metavar="N",
                        help="Lighthouse runs per page and site, median reported (default 3)")
    parser.add_argument("--tap-runs", type=int, default=TAP_RUNS, metavar="N",
                        help=f"fresh loads per control, page and site, median reported (default {TAP_RUNS})")
    parser.add_argument("--controls", default=",".join(CONTROLS), metavar="NAMES",
                        help=f"the header controls to tap (default: {','.join(CONTROLS)})")
    parser.add_argument("--pages", default="", metavar="WORDS",
                        help="only the pages whose path holds one of these comma-separated words ('home': /)")
    parser.add_argument("--also", action="append", default=[], metavar="NAME=DIR",
                        help="another built site to tap and score beside the two (a variant being tried)")
    args = parser.parse_args(argv)
    parts = set(args.parts.split(","))
    if args.no_lighthouse:
        parts.discard("lighthouse")
    if unknown := parts - set(PARTS):
        parser.error(f"unknown part(s): {', '.join(sorted(unknown))}")

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        site, bare = work / "site", work / "bare"
        if "build" in parts:
            print(f"Build time, {args.runs} runs each, alternating (wall clock, whole `mkdocs build --strict`):")
            full, cold, plain = build_times(work, args.runs)
            f, c, b = statistics.median(full), statistics.median(cold), statistics.median(plain)
            print(f"  whole pipeline  median {f:.2f} s  (min {min(full):.2f}, max {max(full):.2f})")
            print(f"  same, templates not yet compiled (fresh clone)  median {c:.2f} s  (min {min(cold):.2f})")
            print(f"  bare Material   median {b:.2f} s  (min {min(plain):.2f}, max {max(plain):.2f})")
            for name, x in (("", f), ("fresh clone ", c)):
                print(f"  {name}ratio {x / b:.2f}×  (target ≤ {BUILD_RATIO}×)  {'ok' if x / b <= BUILD_RATIO else 'MISSED'}")
            print(f"  load average {os.getloadavg()[0]:.1f}")
        else:
            mkdocs_build(ROOT / "mkdocs.yml", site)
            mkdocs_build(write_bare(work) / "mkdocs.yml", bare / "site")

        if "scale" in parts:  # scripts/scale_bench.py: the cost per note at 1,000 and 10,000 generated notes
            print("\nCost per note as the paper grows (generated papers, scripts/scale_bench.py):")
            scale_bench.main([])

        if "editions" in parts:  # scripts/editions_bench.py: ten editions beside one
            print("\nTen editions beside one (the newest paper, its dates moved back, scripts/editions_bench.py):")
            editions_bench.main([])

        if "serve" in parts:
            print(f"\n`mkdocs serve`, {args.runs} saves of the paper (from the save to the browsers' reload):")
            reloads, builds = serve_reloads(work, args.runs)
            r, rb = statistics.median(reloads), statistics.median(builds)
            print(f"  save → reload  median {r:.2f} s  (min {min(reloads):.2f}, max {max(reloads):.2f})  "
                  f"{'ok' if r < 1 else 'MISSED'} (target < 1 s)")
            print(f"  of which the rebuild  median {rb:.2f} s; the rest is noticing the save")

        servers = {"site": serve(site), "bare": serve(bare / "site")}
        for also in args.also:
            name, _, folder = also.partition("=")
            servers[name] = serve(Path(folder).resolve())
        bases = {name: base for name, (base, _) in servers.items()}
        words = [w for w in args.pages.split(",") if w]
        pages = [p for p in pages_of(site)
                 if not words or any(w in p or (w == "home" and p == "") for w in words)]

        if "views" in parts:
            views = first_views(site, bases["site"], pages)
            kinds = ["html", "css", "js", "index", "other"]
            print("\nFirst view per page, KB raw / gzip (every file fetched until the network is idle):")
            print(f"  {'page':<14}" + "".join(f"{k:>16}" for k in [*kinds, "total"]))
            for page_path, sizes in views.items():
                total = (sum(v[0] for v in sizes.values()), sum(v[1] for v in sizes.values()))
                cells = [sizes.get(k, (0, 0)) for k in kinds] + [total]
                flag = "" if total[1] <= BUDGET_KB * 1024 else f"  over {BUDGET_KB} KB"
                print(f"  /{page_path:<13}" + "".join(f"{kb(r) + ' / ' + kb(g):>16}" for r, g in cells) + flag)
            for z in sorted(site.glob("*.zip")):
                print(f"  offline copy {z.name}: {kb(z.stat().st_size)} KB")

        if "search" in parts:  # scripts/search_recall.py: the delegates' queries, Material's own worker
            print("\nSearch in a delegate's own words (tests/data/search_relevance.yml):")
            print("  " + search_recall.report(search_recall.recall(site)).replace("\n", "\n  "))
            delegates = search_recall.read_cases(search_recall.DELEGATES_SET)
            for name, folder in (("site", site), ("bare Material", bare / "site")):
                print(f"\nSearch as delegates type it, {name} (tests/data/search_delegates.yml; first results clicked):")
                figures = search_recall.recall(folder, cases=delegates, lands=True)
                print("  " + search_recall.report(figures, relevance_set=search_recall.DELEGATES_SET)
                      .replace("\n", "\n  "))
            print("\nSearch as delegates type it, Pagefind 1.5.2 on the bare Material build (scripts/pagefind_recall.py):")
            figures = pagefind_recall.recall(bare / "site", cases=delegates)
            print("  " + search_recall.report(figures, relevance_set=search_recall.DELEGATES_SET)
                  .replace("searched with Material's worker", "searched with Pagefind").replace("\n", "\n  "))

            kinds: dict[str, str] = {}
            for case in delegates:
                kinds.setdefault(case.kind, case.query)
            if day := next((p for p in pages if re.search(r"/\d+-[a-z]+/$", "/" + p)), None):
                keys_to_results({"site": bases["site"], "bare": bases["bare"]}, day,
                                [kinds[k] for k in ("question", "typo") if k in kinds], 3)

        if "taps" in parts:
            first_taps(bases, pages, args.tap_runs, args.controls.split(","))

        if "lighthouse" in parts:
            if shutil.which("node") is None:
                print("\nLighthouse: skipped, Node.js is not installed")
            else:
                print_lighthouse(bases, pages, work, args.lighthouse_runs)
            print(f"  (load average {' '.join(f'{x:.2f}' for x in os.getloadavg())})")
        for _, server in servers.values():
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
