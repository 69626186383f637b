#!/usr/bin/env python3
"""What ten editions cost, beside one: the newest paper of papers/ and nine copies of it with its dates moved a year
back each (only the dates: a document symbol keeps its year), built with the project's mkdocs.yml.

    python3 scripts/dev.py bench --parts editions        (or: .venv/bin/python scripts/editions_bench.py)

Prints, for 1 and 10 editions (median of --runs builds each, the two alternating): the build's wall time and their
ratio (target ≤ 10.5 ×, linear in editions), the search index's size gzipped (what a reader fetches before the first
result), and the HTML of one day page (what the first view costs: the navigation holds one edition's pages).
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--editions", type=int, default=10)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="editions-bench-") as tmp:
        work = Path(tmp)
        counts = (1, args.editions)
        for n in counts:
            papers(work / f"papers-{n}", n)
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
