"""``paper2site`` — write the site's Markdown pages from a paper, for inspection or another generator.

    $ paper2site papers build/pages
    wrote 47 pages to build/pages

The output folder is replaced whole, only once every page is written: on an error in the paper it is
left as it was, and the error names the line to fix (exit status 1).

For another engine than MkDocs (README, "Zensical"), which runs none of our MkDocs plugins, the output can be a
whole docs folder and come with its config: ``--assets docs`` copies the hand-kept files of ``docs/`` (CSS,
JavaScript) in beside the pages, ``--config zensical.yml`` writes beside ``mkdocs.yml`` a config that inherits it
and adds what the ``paper`` plugin sets at build time (site name, description, navigation: :mod:`.site_config`),
with ``docs_dir`` the output folder and ``site_dir`` ``--site-dir``::

    $ paper2site papers build/zensical/docs --assets docs --config zensical.yml --site-dir build/zensical/site
    $ zensical build -f zensical.yml
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from .errors import PaperError
from .pipeline import build_site
from .site_config import config_text, settings

DEFAULT_PAPER = Path("papers")
DEFAULT_PUBLISHED = Path("papers/published.txt")
DEFAULT_BIBLIOGRAPHY = Path("footnotes/sources.bib")
DEFAULT_TOPICS = Path("footnotes/topics.yml")
DEFAULT_OUT = Path("build/pages")


def write_folder(pages: dict[str, str], out_dir: Path, *, assets: Path | None = None) -> None:
    """Write pages into a temporary sibling folder, then swap it in for ``out_dir``; the files of ``assets`` are
    copied in first (a page of the same path is the one kept, as the plugin keeps its own)."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        if assets is not None:
            shutil.copytree(assets, tmp, dirs_exist_ok=True)
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
    parser.add_argument("--assets", type=Path, default=None,
                        help="a folder whose files are copied in beside the pages (docs/: the site's CSS and "
                             "JavaScript), so that OUT_DIR is a whole docs folder")
    parser.add_argument("--config", type=Path, default=None,
                        help="also write this config file (zensical.yml, beside mkdocs.yml): mkdocs.yml with the "
                             "site name, description and navigation the `paper` plugin sets, docs_dir OUT_DIR")
    parser.add_argument("--inherit", type=Path, default=Path("mkdocs.yml"),
                        help="the config that --config inherits; default: mkdocs.yml")
    parser.add_argument("--site-dir", type=Path, default=None,
                        help="the site_dir --config names; default: 'site' beside OUT_DIR")
    parser.add_argument("--custom-dir", type=Path, default=None,
                        help="the theme's custom_dir --config names, in place of the inherited one")
    args = parser.parse_args(argv)
    if args.assets is not None and not args.assets.is_dir():
        print(f"error: {args.assets}: --assets names no folder", file=sys.stderr)
        return 1
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
    write_folder({**site.pages, **site.files}, args.out_dir, assets=args.assets)  # the files the pages link to
    print(f"wrote {len(site.pages)} pages to {args.out_dir}")
    if args.config is not None:
        here = args.config.resolve().parent
        site_dir = args.site_dir if args.site_dir is not None else args.out_dir.with_name("site")
        values = settings(site, site_description=_description(args.inherit))
        text = config_text(values, inherit=_relative(args.inherit, here), docs_dir=_relative(args.out_dir, here),
                           site_dir=_relative(site_dir, here),
                           custom_dir=_relative(args.custom_dir, here) if args.custom_dir is not None else None)
        args.config.write_text(text, encoding="utf-8")
        print(f"wrote {args.config}")
    return 0


def _relative(path: Path, start: Path) -> str:
    """``path`` relative to the folder ``start`` (a config file's), as a config file names it."""
    return Path(os.path.relpath(path.resolve(), start)).as_posix()


def _description(config: Path) -> str | None:
    """The ``site_description`` the inherited config sets, if any: the plugin keeps it, and so does this."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, tag, node: None)  # !ENV and the like: not needed here
    try:
        value = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader)  # a SafeLoader
    except (OSError, yaml.YAMLError):
        return None
    return value.get("site_description") or None if isinstance(value, dict) else None

if __name__ == "__main__":
    sys.exit(main())
