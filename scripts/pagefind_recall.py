#!/usr/bin/env python3
"""The delegates' queries against Pagefind, on a bare Material build of the same pages: the third system of
issue 19's comparison (this site, bare Material, Pagefind), with the same figures as ``search_recall.py``.

    .venv/bin/python scripts/pagefind_recall.py --site <a built bare site>     (scripts/bench.py runs it)

Pagefind (PyPI ``pagefind[bin]``, pinned below, installed on first use into ``.tools/pagefind-venv``, never into
the project's venv) indexes the built site's article of each page (``--root-selector article``: Material's
navigation and header would be indexed on every page otherwise), into a copy of the site. Each query is asked
through Pagefind's own JavaScript API in Chromium (``pagefind.search``, its results' ``data()`` in order, as its
Default UI lists them); a page counts at its first result. "Lands": its Default UI's first link is the first
result's page (``url``): opened, is the case's phrase inside the window? (Pagefind's highlighting script is not
on a bare build's pages, so the page opens at its top, as a delegate following that link sees it.)
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import search_recall as sr

ROOT = Path(__file__).resolve().parent.parent
PAGEFIND = "pagefind[bin]==1.5.2"
VENV = ROOT / ".tools" / "pagefind-venv"

ASK = """async ({ bundle, queries }) => {
  const pagefind = await import(bundle)
  await pagefind.init()
  const found = []
  for (const query of queries) {
    const search = await pagefind.search(query)
    const data = await Promise.all(search.results.slice(0, 10).map(r => r.data()))
    found.push(data.map(d => d.url))
  }
  return found
}"""


def pagefind() -> Path:
    """The Pagefind command's Python, installed on first use."""
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", PAGEFIND], check=True)
    return python


def index(site: Path, out: Path) -> Path:
    """A copy of ``site`` with Pagefind's bundle in ``pagefind/``, of the pages Material's search indexes there (not
    the pages its front matter keeps out of search: forwarding pages, the questions' short addresses)."""
    shutil.copytree(site, out)
    searched = {d["location"].split("#")[0] for d in
                json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]}
    for html in out.rglob("index.html"):
        folder = html.parent.relative_to(out).as_posix()
        if (f"{folder}/" if folder != "." else "") not in searched:
            html.unlink()
    subprocess.run([str(pagefind()), "-m", "pagefind", "--site", str(out), "--root-selector", "article", "--quiet"],
                   check=True, capture_output=True)
    return out


def lands(browser, base_url: str, cases, urls, viewport: dict) -> list[bool]:
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        out = []
        for case, found in zip(cases, urls):
            if not case.phrase or not found:
                out.append(False)
                continue
            page.goto(base_url + found[0].lstrip("/"), wait_until="load")
            out.append(sr.is_day(sr.page_of(page.url, base_url), case.day) and page.evaluate(sr.PHRASE_IN_VIEW, case.phrase))
        return out
    finally:
        context.close()


def recall(site: Path, *, cases=None, with_lands: bool = True) -> sr.Figures:
    """The figures of Pagefind on ``site`` (a bare Material build), as ``search_recall.recall`` gives them."""
    from playwright.sync_api import sync_playwright

    cases = sr.read_cases(sr.DELEGATES_SET) if cases is None else cases
    with tempfile.TemporaryDirectory(prefix="pagefind-") as tmp:
        indexed = index(site, Path(tmp) / "site")
        bundle = list((indexed / "pagefind").rglob("*"))
        raw = sum(p.stat().st_size for p in bundle if p.is_file())
        start = time.perf_counter()
        with sr.served(indexed) as base_url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=sr.CHROMIUM, args=sr.CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.goto(base_url)
                urls = page.evaluate(ASK, {"bundle": base_url + "pagefind/pagefind.js",
                                           "queries": [c.query for c in cases]})
                landed = list(zip(*(lands(browser, base_url, cases, urls, v) for v in (sr.DESKTOP, sr.PHONE)))) \
                    if with_lands else [()] * len(cases)
            finally:
                browser.close()
        outcomes = tuple(sr.Outcome(c, sr.pages_in_order([sr.page_of(base_url + u.lstrip("/"), base_url)
                                                          for u in found]), tuple(ls))
                         for c, found, ls in zip(cases, urls, landed))
        # the bundle's files are fetched as needed; their sum, compressed one by one, is its whole size
        gz = sum(len(gzip.compress(p.read_bytes(), 6, mtime=0)) for p in bundle if p.is_file())
        return sr.Figures(outcomes=outcomes, seconds=time.perf_counter() - start, index_bytes=raw,
                          index_gzip_bytes=gz)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="a built bare Material site")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    figures = recall(args.site)
    print(sr.report(figures, relevance_set=sr.DELEGATES_SET, verbose=args.verbose)
          .replace("searched with Material's worker", "searched with Pagefind 1.5.2"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
