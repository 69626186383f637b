#!/usr/bin/env python3
"""What ten editions cost, beside one: the newest paper of papers/ and nine copies of it with its dates moved a year
back each (only the dates: a document symbol keeps its year), built with the project's mkdocs.yml.

    python3 scripts/dev.py bench --parts editions        (or: .venv/bin/python scripts/editions_bench.py)

Prints, for 1 and 10 editions (median of --runs builds each, the two alternating): the build's wall time and their
ratio (target ≤ 10.5 ×, linear in editions), the search index's size gzipped, and the HTML of one day page (what the
first view costs: the navigation holds one edition's pages). Then, in Chromium at 390 px with 4 × CPU slowdown, on
the newest edition's first day page of each site: the first tap on search and on the menu, and a delegate's first
search (tapped and typed as soon as the page has loaded): the bytes fetched until the first result shows and the
time to it, from the page's start and from the last key. Last, `mkdocs serve`'s reload after a save of one
edition's paper, with 10 editions. ``--keep DIR`` keeps the built sites (``DIR/site-1``, ``DIR/site-10``).
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONTHS = "JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER".split()


def moved(text: str, year: int, earlier: int) -> str:
    for month in MONTHS:
        for m in (month, month.capitalize()):
            text = text.replace(f"{m} {year}", f"{m} {earlier}")
    return re.sub(rf"^(.*\b(?:AUTUMN|SPRING|SUMMER|WINTER) ){year}$", rf"\g<1>{earlier}", text, flags=re.M)


def papers(folder: Path, count: int) -> None:
    newest = max((ROOT / "papers").glob("*.md"))
    text = newest.read_text(encoding="utf-8")
    year = int(re.search(r"^\d{1,2} [A-Z]+ (\d{4}) [-–] ", text, re.M)[1])
    folder.mkdir(parents=True)
    for n in range(count):
        (folder / f"{year - n}.md").write_text(moved(text, year, year - n), encoding="utf-8")


def build(folder: Path, site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PAPERS": str(folder), "PAPER_PUBLISHED": "none.txt"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT,
                          env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(done.stderr)
    return elapsed


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


# A delegate's first search: the key presses' and the first result's times, on the page's own clock
FIRST_RESULT_JS = """(() => {
  window.__firstSearch = { key: null, result: null }
  addEventListener("keydown", () => { __firstSearch.key = performance.now() }, true)
  new MutationObserver(() => {
    if (__firstSearch.result === null && document.querySelector(".md-search-result__item"))
      __firstSearch.result = performance.now()
  }).observe(document, { childList: true, subtree: true })
})()"""


def query_of(paper: Path) -> str:
    """A word a delegate may search for: the longest word of the paper's first day heading."""
    text = paper.read_text(encoding="utf-8")
    heading = re.search(r"^\d{1,2} [A-Z]+ \d{4} [-–] .*$", text, re.M)[0]
    return max(re.findall(r"[A-Za-z]+", heading.split(" ", 4)[-1]), key=len).lower()


def first_search(browser, url: str, query: str) -> tuple[int, float, float]:
    """(bytes fetched, ms from the page's start, ms from the last key) until the first result of `query` shows,
    typed as soon as the page has loaded, at 390 px with 4 × CPU slowdown."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        fetched: list[int] = []
        page.on("requestfinished", lambda r: fetched.append(r.sizes()["responseBodySize"]
                                                            + r.sizes()["responseHeadersSize"]))
        page.add_init_script(FIRST_RESULT_JS)
        page.goto(url, wait_until="load")
        page.tap("label.md-header__button[for=__search]")
        page.locator("input.md-search__input").press_sequentially(query)
        page.wait_for_function("() => __firstSearch.result !== null", timeout=60_000)
        key, result = page.evaluate("() => [__firstSearch.key, __firstSearch.result]")
        return sum(fetched), result, max(0.0, result - key)
    finally:
        context.close()


def in_browser(sites: dict[str, Path], paper: Path, runs: int) -> None:
    """First taps and a delegate's first search on each site's newest first day page (sites alternate)."""
    from playwright.sync_api import sync_playwright

    import bench

    served = {name: bench.serve(site) for name, site in sites.items()}
    day = next(p for p in sorted(next(iter(sites.values())).glob(f"{paper.stem}/*/index.html"))
               if re.match(r"\d+-[a-z]+$", p.parent.name)).parent
    path = day.relative_to(next(iter(sites.values()))).as_posix() + "/"
    query = query_of(paper)
    taps: dict[tuple[str, str], list[float]] = {}
    searches: dict[str, list[tuple[int, float, float]]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=bench.CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                                                          "--disable-background-networking"])
        try:
            for _ in range(runs):
                for name, (base, _) in served.items():
                    for control in ("search", "menu"):
                        taps.setdefault((name, control), []).append(bench.first_tap(browser, base + path, control)[0])
                    searches.setdefault(name, []).append(first_search(browser, base + path, query))
        finally:
            browser.close()
    for _, server in served.values():
        server.shutdown()
    print(f"In Chromium, /{path} at 390 px, 4 × CPU slowdown, median of {runs} fresh loads "
          f"(load average {os.getloadavg()[0]:.1f}):")
    for name in served:
        fetched, since_start, since_key = (statistics.median(x[i] for x in searches[name]) for i in range(3))
        print(f"  {name:<14} first tap: search {statistics.median(taps[name, 'search']):.0f} ms, menu "
              f"{statistics.median(taps[name, 'menu']):.0f} ms (target ≤ {bench.TAP_TARGET_MS}); first search "
              f"{query!r}: {fetched / 1024:.0f} KB fetched, result {since_start:.0f} ms after the start, "
              f"{since_key:.0f} ms after the last key")


def serve_reload(folder: Path, runs: int) -> None:
    """`mkdocs serve`'s reload after a save of the newest paper of `folder`, all its editions served."""
    import bench

    reloads, builds = bench.serve_reloads(Path(tempfile.mkdtemp(dir=folder.parent)), runs, papers=folder)
    print(f"`mkdocs serve` with {len(list(folder.glob('*.md')))} editions, {runs} saves of one paper: save → reload "
          f"median {statistics.median(reloads):.2f} s (target < 1 s), of which the rebuild "
          f"{statistics.median(builds):.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--editions", type=int, default=10)
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build the sites in DIR and keep them")
    parser.add_argument("--no-browser", action="store_true", help="builds and sizes only")
    parser.add_argument("--serve-only", action="store_true", help="`mkdocs serve`'s reload only")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="editions-bench-") as tmp:
        work = args.keep.resolve() if args.keep else Path(tmp)
        if args.keep:
            shutil.rmtree(work, ignore_errors=True)
        counts = (1, args.editions)
        for n in counts:
            papers(work / f"papers-{n}", n)
        if args.serve_only:
            serve_reload(work / f"papers-{counts[1]}", args.runs)
            return 0
        times: dict[int, list[float]] = {n: [] for n in counts}
        for _ in range(args.runs):
            for n in counts:
                shutil.rmtree(work / f"site-{n}", ignore_errors=True)
                times[n].append(build(work / f"papers-{n}", work / f"site-{n}"))
        one, many = (statistics.median(times[n]) for n in counts)
        print(f"build, 1 edition: {one:.2f} s; {args.editions} editions: {many:.2f} s = {many / one:.2f} × "
              f"(target ≤ {args.editions + 0.5} ×; runs {[round(t, 2) for t in times[counts[1]]]})")
        for n in counts:
            site = work / f"site-{n}"
            index = gz(site / "search" / "search_index.json")
            day = next(p for p in sorted(site.glob("*/*/index.html")) if re.match(r"\d+-[a-z]+$", p.parent.name))
            print(f"{n} edition(s): search index {index / 1024:.1f} KB gzip; a day page's HTML {gz(day) / 1024:.1f} KB "
                  f"gzip; {sum(1 for _ in site.rglob('*.html'))} HTML files")
        if not args.no_browser:
            import bench

            bench.mkdocs_build(bench.write_bare(work) / "mkdocs.yml", work / "bare" / "site")
            newest = max((work / f"papers-{counts[1]}").glob("*.md"))
            in_browser({"1 edition": work / "site-1", f"{args.editions} editions": work / f"site-{args.editions}",
                        "bare Material": work / "bare" / "site"}, newest, args.runs)
            serve_reload(work / f"papers-{counts[1]}", args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
