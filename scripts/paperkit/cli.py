"""``paper2site`` — write the site's Markdown pages from a paper, for inspection or another generator.

    $ paper2site papers build/pages
    wrote 47 pages to build/pages

The output folder is replaced whole, only once every page is written: on an error in the paper it is
left as it was, and the error names the line to fix (exit status 1).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .errors import PaperError
from .pipeline import build_site

DEFAULT_PAPER = Path("papers")
DEFAULT_PUBLISHED = Path("papers/published.txt")
DEFAULT_BIBLIOGRAPHY = Path("footnotes/sources.bib")
DEFAULT_TOPICS = Path("footnotes/topics.yml")
DEFAULT_OUT = Path("build/pages")


def write_folder(pages: dict[str, str], out_dir: Path) -> None:
    """Write pages into a temporary sibling folder, then swap it in for ``out_dir``."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        for rel, text in sorted(pages.items()):
            target = tmp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        old = None
        if out_dir.exists():
            old = out_dir.with_name(f".{out_dir.name}-old-{os.getpid()}")
            out_dir.rename(old)
        tmp.rename(out_dir)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="paper2site", description=__doc__.split("\n\n")[0])
    parser.add_argument("paper", nargs="?", type=Path, default=DEFAULT_PAPER,
                        help=f"a folder of papers, one per edition, or one paper file; default: {DEFAULT_PAPER}")
    parser.add_argument("out_dir", nargs="?", type=Path, default=DEFAULT_OUT, help=f"default: {DEFAULT_OUT}")
    parser.add_argument("--bibliography", default=str(DEFAULT_BIBLIOGRAPHY),
                        help=f"default: {DEFAULT_BIBLIOGRAPHY}; '' for none")
    parser.add_argument("--topics", default=str(DEFAULT_TOPICS), help=f"default: {DEFAULT_TOPICS}; '' for none")
    parser.add_argument("--published", default=None,
                        help=f"the list of published addresses to check; default: {DEFAULT_PUBLISHED} for the "
                             f"default papers, none for others; '' for none")
    args = parser.parse_args(argv)
    published = args.published if args.published is not None else \
        (str(DEFAULT_PUBLISHED) if args.paper == DEFAULT_PAPER and DEFAULT_PUBLISHED.exists() else "")
    try:
        site = build_site(args.paper, bibliography=Path(args.bibliography) if args.bibliography else None,
                          topic_list=Path(args.topics) if args.topics else None,
                          published=Path(published) if published else None)
    except PaperError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc.filename or args.paper}: {exc.strerror}", file=sys.stderr)
        return 1
    write_folder({**site.pages, **site.files}, args.out_dir)  # the files the pages link to, too
    print(f"wrote {len(site.pages)} pages to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
