"""`mkdocs serve --dirty` renders again only the pages a save changed (paperkit/unchanged_pages.py), and serves
exactly what a fresh `mkdocs serve` of the saved papers serves: every page of every edition, byte for byte but
the live-reload script, and the same search index, entry for entry, in the same order.

Two editions (the fixture papers of two other years), served; one paper edited, then the bibliography; after each
rebuild every page and the search index are compared with those of a second server started afresh on the edited
copies. The log must show that the rebuild rendered fewer pages than the site has, or nothing was tested. And an
edition taken out while serving: its pages are no longer served (``--dirty`` alone would leave their HTML).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.structure.files import File

from paperkit import pipeline
from paperkit.search.editions import INDEX, index_of

from .conftest import FIXTURES, config_for
from .test_serve import fetch, free_port, wait_for

PAPERS = (FIXTURES / "papers" / "arc-2023-two-days.md", FIXTURES / "papers" / "cnd-2024-five-days.md")
RENDERED = re.compile(r"paper-unchanged-pages: (\d+) of (\d+) pages to render again")
LIVE_RELOAD = re.compile(r"livereload\(\d+,\s*\d+\)")  # the script MkDocs adds: its epoch and request


def project(where: Path) -> tuple[Path, Path, Path]:
    """A folder of the two papers, their bibliographies in one file, and a config that builds them."""
    papers = where / "papers"
    papers.mkdir(parents=True)
    for paper in PAPERS:
        shutil.copyfile(paper, papers / paper.name)
    bibliography = where / "sources.bib"
    bibliography.write_text("\n".join(p.with_suffix(".bib").read_text(encoding="utf-8") for p in PAPERS),
                            encoding="utf-8")
    return papers, bibliography, config_for(papers, bibliography, Path(f"{where.parent.name}-{where.name}"))


@contextmanager
def serving(config: Path, log: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    url = f"http://127.0.0.1:{free_port()}/"
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(config),
                                   "-a", url[7:-1]], cwd=config.parent,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for("the first build", lambda: "Serving on" in log.read_text(encoding="utf-8"), server)
        yield url, server
    finally:
        server.terminate()
        server.wait(timeout=30)


def addresses(papers: Path, bibliography: Path) -> tuple[list[str], list[str]]:
    """Every page the site has, as its address below the root, and every search index (the whole site's, each
    edition's): read from the pipeline, not from the site."""
    site = pipeline.build_site(papers, bibliography=bibliography, topic_list=None, published=None)
    return (sorted(File(p, src_dir=None, dest_dir="", use_directory_urls=True).url for p in site.pages),
            [INDEX, *(index_of(e.prefix) for e in site.editions)])


def snapshot(url: str, pages: tuple[list[str], list[str]]) -> dict[str, object]:
    html, indexes = pages
    got: dict[str, object] = {p: LIVE_RELOAD.sub("", fetch(url + p) or "") for p in html}
    got.update({i: json.loads(fetch(url + i) or "null") for i in indexes})
    return got


def rebuilds(log: Path) -> list[tuple[int, int]]:
    """Each rebuild's pages rendered again, of all, as the plugin logged them."""
    return [(int(a), int(b)) for a, b in RENDERED.findall(log.read_text(encoding="utf-8"))]


def reloads(log: Path) -> int:
    return log.read_text(encoding="utf-8").count("Reloading browsers")


def test_a_rebuild_serves_what_a_fresh_start_serves(tmp_path: Path):
    papers, bibliography, config = project(tmp_path / "site")
    edited = papers / PAPERS[0].name
    paragraph = max((ln for ln in edited.read_text(encoding="utf-8").split("\n") if ln[:1].isalpha()), key=len)
    title = re.search(r"title\s*=\s*\{([^{}]+)\}", bibliography.read_text(encoding="utf-8"))
    assert title is not None, "no title in the fixtures' bibliography"
    changes = [(edited, paragraph, paragraph.replace(" ", " also ", 1)),
               (bibliography, title.group(0), title.group(0).replace(title.group(1), title.group(1) + " (revised)"))]
    log = tmp_path / "serve.log"
    with serving(config, log) as (url, server):
        pages = addresses(papers, bibliography)
        before = snapshot(url, pages)
        assert all(before.values()), f"not served: {[p for p, v in before.items() if not v]}"
        for done, (path, old, new) in enumerate(changes, 1):
            seen = reloads(log)
            path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
            wait_for("the rebuild", lambda: reloads(log) > seen and len(rebuilds(log)) >= done, server)
            rendered, total = rebuilds(log)[-1]
            assert 0 < rendered < total, f"after {path.name} was saved: {rendered} of {total} pages rendered"
            after = snapshot(url, pages)
            assert after != before, f"the edit of {path.name} shows nowhere"
            differ = unlike_a_fresh_start(after, config, url, pages, tmp_path / f"fresh-{done}.log")
            assert not differ, f"after {path.name} was saved, these differ from a fresh start: {differ}"
            before = after


def test_an_edition_taken_out_is_no_longer_served(tmp_path: Path):
    papers, bibliography, config = project(tmp_path / "site")
    log = tmp_path / "serve.log"
    with serving(config, log) as (url, server):
        both = addresses(papers, bibliography)
        seen = reloads(log)
        (papers / PAPERS[1].name).rename(tmp_path / PAPERS[1].name)
        wait_for("the rebuild", lambda: reloads(log) > seen, server)
        one = addresses(papers, bibliography)
        gone = sorted(set(both[0]) - set(one[0]))
        assert gone, "taking an edition out removed no page"
        assert not [p for p in gone if fetch(url + p) is not None], "a page of the edition taken out is still served"
        differ = unlike_a_fresh_start(snapshot(url, one), config, url, one, tmp_path / "fresh.log")
        assert not differ, f"after an edition was taken out, these differ from a fresh start: {differ}"


def unlike_a_fresh_start(served: dict[str, object], config: Path, url: str, pages: tuple[list[str], list[str]],
                         log: Path) -> list[str]:
    """What of ``served`` (a snapshot of the server at ``url``) a server started afresh on ``config`` serves
    otherwise."""
    with serving(config, log) as (fresh_url, _):
        fresh = snapshot(fresh_url, pages)
    fresh = {p: v.replace(fresh_url, url) if isinstance(v, str) else v for p, v in fresh.items()}
    return [p for p in served if served[p] != fresh[p]]
