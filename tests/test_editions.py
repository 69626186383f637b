"""Every year's paper on one site: editions added beside the papers of papers/ build strict with no other edit, each
under its own year, and every address the site has published (papers/published.txt) still opens what it opened.

The added editions: the two fixture papers (2023, 2024) and the newest paper of papers/ with its dates moved a year
back — the same days and months in another year, whose pages would have had the very same addresses before
editions had prefixes.
"""

from __future__ import annotations

import html

import re
import shutil
from pathlib import Path

import pytest

from .conftest import EDITIONS, FIXTURES, PAPER, PAPERS, PUBLISHED, ROOT, config_for, mkdocs_build
from .paperdays import edition_prefix, paper_days

BIB = ROOT / "footnotes" / "sources.bib"
FIXTURE_PAPERS = ("arc-2023-two-days", "cnd-2024-five-days")
# "<h1 …>", "<article …>…</article>": what a page shows of the paper
ARTICLE_RE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def moved(text: str, year: str, earlier: str) -> str:
    """The paper with its dates (and only its dates: a UN symbol keeps its year) moved from ``year`` to ``earlier``."""
    months = "JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER".split()
    for month in months:
        for m in (month, month.capitalize()):
            text = text.replace(f"{m} {year}", f"{m} {earlier}")
    return re.sub(rf"^(.*(?:AUTUMN|SPRING|SUMMER|WINTER) ){year}$", rf"\g<1>{earlier}", text, flags=re.M)


def project(where: Path, *, papers: dict[str, str], published: Path | None = PUBLISHED) -> Path:
    """papers/ with these papers (name → text), the shared bibliography with the fixtures' sources added."""
    folder = where / "papers"
    folder.mkdir(parents=True)
    for name, text in papers.items():
        (folder / name).write_text(text, encoding="utf-8")
    bib = where / "sources.bib"
    text = BIB.read_text(encoding="utf-8")
    for extra in (FIXTURES / "papers" / f"{n}.bib" for n in FIXTURE_PAPERS):
        keys = re.findall(r"^@\w+\{([^,]+),", extra.read_text(encoding="utf-8"), re.M)
        if not all(f"{{{key}," in text for key in keys):  # not in the shared bibliography already (CI's second run)
            text += "\n" + extra.read_text(encoding="utf-8")
    bib.write_text(text, encoding="utf-8")
    config = config_for(folder, bib, Path(f"{where.parent.name}-{where.name}"))
    if published is not None:
        config.write_text(config.read_text(encoding="utf-8").replace('"published": ""',
                                                                     f'"published": "{published}"'), encoding="utf-8")
    return config


def real_papers() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in PAPERS.glob("*.md")}


def one_per_year(*papers: dict[str, str]) -> dict[str, str]:
    """The papers, the first of each year kept (papers/ may hold a fixture paper already, as in CI's second run)."""
    kept: dict[str, tuple[str, str]] = {}
    for group in papers:
        for name, text in group.items():
            kept.setdefault(edition_prefix(text), (name, text))
    return dict(kept.values())


def fixtures() -> dict[str, str]:
    return {f"{n}.md": (FIXTURES / "papers" / f"{n}.md").read_text(encoding="utf-8") for n in FIXTURE_PAPERS}


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> tuple[Path, str]:
    """The real papers and three editions more, built with the real list of published addresses."""
    where = tmp_path_factory.mktemp("editions")
    papers = one_per_year(real_papers(), fixtures())
    free = str(min(int(edition_prefix(t)) for t in papers.values()) - 1)  # a year no paper has
    earlier = moved(PAPER.read_text(encoding="utf-8"), edition_prefix(PAPER), free)
    papers["earlier.md"] = earlier
    done = mkdocs_build(where / "site", config=project(where, papers=papers))
    assert done.returncode == 0, done.stderr
    return where / "site", earlier


def listed() -> list[tuple[str, str | None]]:
    """The lines of papers/published.txt: (address, None) or (old, new)."""
    out = []
    for line in PUBLISHED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            old, _, new = line.split(' "')[0].partition(" -> ")  # '/2030/#fn:1 "see the harbour"': its words
            out.append((old.strip(), new.strip() or None))
    return out


def served_file(site: Path, address: str) -> Path:
    path = address.split("#")[0]
    return site / path.lstrip("/") / "index.html" if path.endswith("/") else site / path.lstrip("/")


def test_each_edition_is_under_its_own_year(editions):
    site, earlier = editions
    for paper in (PAPER, earlier, *(FIXTURES / "papers" / f"{n}.md" for n in FIXTURE_PAPERS)):
        for day in paper_days(paper):
            assert (site / edition_prefix(paper) / day.slug / "index.html").is_file(), (edition_prefix(paper), day.slug)


def test_every_published_address_still_opens(editions, site_dir):
    site, _ = editions
    for address, forwards_to in listed():
        if forwards_to is None:
            page = served_file(site, address)
            assert page.is_file(), address
            if "#" in address:
                assert f'id="{address.split("#", 1)[1]}"' in page.read_text(encoding="utf-8"), address
        elif address != "/":
            stub = served_file(site, address).read_text(encoding="utf-8")
            # a forwarding page: to its target, with the fragment, named canonical there
            assert 'location.replace(' in stub and "+ location.hash" in stub, address
            assert served_file(site, forwards_to).is_file(), forwards_to


def test_an_edition_shows_the_same_content_with_other_editions_beside_it(editions, site_dir):
    """The newest real paper's pages, built alone (the session's site) and among four editions: the same text."""
    site, _ = editions
    folder = edition_prefix(PAPER)
    pages = [p.relative_to(site_dir / folder) for p in (site_dir / folder).rglob("index.html")]
    assert len(pages) > len(paper_days(PAPER))
    for rel in pages:
        alone = ARTICLE_RE.search((site_dir / folder / rel).read_text(encoding="utf-8"))
        among = ARTICLE_RE.search((site / folder / rel).read_text(encoding="utf-8"))
        if alone is None:  # a question's own short page (no Material article)
            alone = re.search(r"<main>(.*)</main>", (site_dir / folder / rel).read_text(encoding="utf-8"), re.S)
            among = re.search(r"<main>(.*)</main>", (site / folder / rel).read_text(encoding="utf-8"), re.S)
        assert alone and among and alone.group(1) == among.group(1), rel


def test_home_presents_the_newest_and_lists_every_edition(editions):
    site, earlier = editions
    home = (site / "index.html").read_text(encoding="utf-8")
    years = sorted({edition_prefix(p) for p in (*EDITIONS, earlier, *(FIXTURES / "papers" / f"{n}.md"
                                                                       for n in FIXTURE_PAPERS))}, reverse=True)
    editions_list = home[home.index('id="editions"'):]
    editions_list = editions_list[:editions_list.index("</ul>")]
    assert [y for y in re.findall(r'href="(\d{4})/"', editions_list)] == years
    newest = max(years)
    assert f'href="{newest}/"' in home[:home.index('id="editions"')]


def test_the_navigation_shows_the_readers_edition(editions):
    site, earlier = editions
    folder = edition_prefix(earlier)
    day = paper_days(earlier)[0]
    html = (site / folder / day.slug / "index.html").read_text(encoding="utf-8")
    start = html.index('class="md-nav md-nav--primary"')
    nav = html[start:html.index("md-sidebar--secondary", start)]
    # its own days are listed; the other editions' days are not in this page's HTML (navigation.prune)
    assert f'href="../{paper_days(earlier)[-1].slug}/"' in nav
    other = FIXTURES / "papers" / f"{FIXTURE_PAPERS[0]}.md"
    assert paper_days(other)[0].slug not in nav


def test_latest_is_the_newest_edition(editions):
    site, _ = editions
    newest_paper = max((FIXTURES / "papers" / f"{n}.md" for n in FIXTURE_PAPERS), key=edition_prefix)
    newest, day = edition_prefix(newest_paper), paper_days(newest_paper)[0]
    alias = (site / "latest" / day.slug / "index.html").read_text(encoding="utf-8")
    assert f"../../{newest}/{day.slug}/" in alias


def test_two_papers_of_one_year_stop_the_build_naming_both(tmp_path):
    text = PAPER.read_text(encoding="utf-8")
    config = project(tmp_path, papers={"a.md": text, "b.md": text}, published=None)
    done = mkdocs_build(tmp_path / "site", config=config)
    assert done.returncode != 0
    assert "b.md" in done.stderr and "a.md" in done.stderr and f"/{edition_prefix(PAPER)}/" in done.stderr


def test_a_file_that_is_no_paper_stops_the_build_naming_it(tmp_path):
    config = project(tmp_path, papers={"a.md": PAPER.read_text(encoding="utf-8"), "notes.txt": "to do"},
                     published=None)
    done = mkdocs_build(tmp_path / "site", config=config)
    assert done.returncode != 0 and "notes.txt: is not a paper" in done.stderr


def test_a_removed_edition_with_published_addresses_stops_the_build(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("before", encoding="utf-8")
    config = project(tmp_path, papers={"only.md": (FIXTURES / "papers" / "cnd-2024-five-days.md").read_text("utf-8")})
    done = mkdocs_build(tmp_path / "site", config=config)
    assert done.returncode != 0
    lines = PUBLISHED.read_text(encoding="utf-8").split("\n")
    m = re.search(r"published\.txt:(\d+): (\S+) has been published, but this build no longer has it", done.stderr)
    assert m, done.stderr
    assert lines[int(m[1]) - 1].split(" -> ")[-1].strip() == m[2].split("#")[0] or lines[int(m[1]) - 1] == m[2]
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "before"  # nothing written


def test_a_new_editions_addresses_are_recorded_once(tmp_path):
    listed_copy = tmp_path / "published.txt"
    shutil.copyfile(PUBLISHED, listed_copy)
    next_paper = FIXTURES / "papers" / "cnd-2024-five-days.md"
    papers = one_per_year(real_papers(), {"next.md": next_paper.read_text("utf-8")})
    config = project(tmp_path, papers=papers, published=listed_copy)
    text = config.read_text(encoding="utf-8").replace('"published":', '"record_addresses": true, "published":')
    config.write_text(text, encoding="utf-8")
    for _ in range(2):
        done = mkdocs_build(tmp_path / "site", config=config)
        assert done.returncode == 0, done.stderr
    added = listed_copy.read_text(encoding="utf-8").removeprefix(PUBLISHED.read_text(encoding="utf-8"))
    new = [line.split(' "')[0] for line in added.splitlines() if line.startswith("/")]
    day, folder = paper_days(next_paper)[0], edition_prefix(next_paper)
    if PAPER.read_text(encoding="utf-8") != next_paper.read_text(encoding="utf-8"):  # not published already
        assert f"/{folder}/{day.slug}/" in new and f"/{folder}/{day.slug}/#question-a" in new
    assert len(new) == len(set(new)) and not [a for a in new if a.startswith("/latest/")]
    assert PUBLISHED.read_text(encoding="utf-8") in listed_copy.read_text(encoding="utf-8")  # nothing removed


def recording(tmp_path: Path, papers: dict[str, str]) -> tuple[Path, Path]:
    """A project of these papers whose builds record their addresses in its own, new list: (config, list)."""
    published = tmp_path / "published.txt"
    config = project(tmp_path, papers=papers, published=published)
    text = config.read_text(encoding="utf-8").replace('"published":', '"record_addresses": true, "published":')
    config.write_text(text, encoding="utf-8")
    return config, published


def test_a_paragraph_inserted_into_a_published_edition_stops_the_build(tmp_path):
    paper = (FIXTURES / "papers" / "arc-2023-two-days.md").read_text(encoding="utf-8")
    config, published = recording(tmp_path, {"arc.md": paper})
    assert mkdocs_build(tmp_path / "site", config=config).returncode == 0
    recorded = published.read_text(encoding="utf-8")
    assert re.search(r'^/\S+#\S+-p1 "[a-z]', recorded, re.M), "no words recorded for a paragraph's address"

    heading = "BACKGROUND INFORMATION\n\n"
    added = "Harbour pilots, added after publication, report on every tide."
    (tmp_path / "papers" / "arc.md").write_text(paper.replace(heading, f"{heading}{added}\n\n", 1), encoding="utf-8")
    before = (tmp_path / "site" / "index.html").read_bytes()
    done = mkdocs_build(tmp_path / "site", config=config)
    assert done.returncode != 0
    m = re.search(r"published\.txt:(\d+): (\S+) opened “([^”]*) …” when it was published, but this build opens "
                  r"“([^”]*) …” there", done.stderr)
    assert m, done.stderr
    assert recorded.split("\n")[int(m[1]) - 1].startswith(f'{m[2]} "{m[3]}"')  # the line it names holds it
    assert m[4] == "harbour pilots added after publication"                    # the inserted paragraph, now there
    assert (tmp_path / "site" / "index.html").read_bytes() == before           # nothing written
    assert published.read_text(encoding="utf-8") == recorded


def test_a_word_corrected_in_a_published_edition_builds(tmp_path):
    paper = (FIXTURES / "papers" / "arc-2023-two-days.md").read_text(encoding="utf-8")
    config, published = recording(tmp_path, {"arc.md": paper})
    assert mkdocs_build(tmp_path / "site", config=config).returncode == 0
    recorded = published.read_text(encoding="utf-8")
    corrected = paper.replace("fall earlier and lower", "fall earlier and lower still", 1)
    assert corrected != paper
    (tmp_path / "papers" / "arc.md").write_text(corrected, encoding="utf-8")
    done = mkdocs_build(tmp_path / "site", config=config)
    assert done.returncode == 0, done.stderr
    assert published.read_text(encoding="utf-8") == recorded


def test_search_spans_every_edition_the_newest_first(editions):
    """Each edition's days are in the one search index; an older edition's entries weigh less than the newest's."""
    import json

    site, earlier = editions
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    newest = max((FIXTURES / "papers" / f"{n}.md" for n in FIXTURE_PAPERS), key=edition_prefix)
    weight: dict[str, set[float]] = {}
    for doc in docs:
        folder = doc["location"].split("/")[0]
        weight.setdefault(folder, set()).add(doc.get("boost", 1))
    for paper in (earlier, PAPER, newest):
        assert edition_prefix(paper) in weight, edition_prefix(paper)
    assert max(weight[edition_prefix(earlier)]) < min(weight[edition_prefix(newest)])
    assert "latest" not in weight  # the aliases forward, they are not searched twice


def test_the_home_page_does_not_search_the_newest_editions_days_twice(editions):
    """The site's home repeats the newest edition's list of days (with their challenges): that list is searched
    once, on the edition's own home page, or a query on a day's challenge would rank the site's home first."""
    import json

    site, _ = editions
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    newest = max((FIXTURES / "papers" / f"{n}.md" for n in FIXTURE_PAPERS), key=edition_prefix)
    challenge = " ".join(paper_days(newest)[0].heading.lower().split()[:5])  # its first words, any case
    def text(markup: str) -> str:
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).lower().split())
    holding = {d["location"].split("#")[0] for d in docs if challenge in text(d["text"])}
    assert f"{edition_prefix(newest)}/" in holding                        # the edition's home lists it
    assert "" not in holding, holding                                     # the site's home does not, in search
    assert challenge in text((site / "index.html").read_text(encoding="utf-8"))  # but shows it


def test_an_editions_pages_search_that_editions_index(editions):
    """Beside the whole site's index, one per edition: its own entries and the shared pages', none of another
    edition's; each of its pages names it (search-scope.html), the site's home page does not (it searches all)."""
    import json

    site, earlier = editions
    whole = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    folders = {p.name for p in site.iterdir() if (p / "index.html").is_file() and re.fullmatch(r"\d+", p.name)}
    assert {edition_prefix(earlier), edition_prefix(PAPER)} <= folders
    for folder in folders:
        index = json.loads((site / "search" / f"edition-{folder}.json").read_text(encoding="utf-8"))["docs"]
        own = [d for d in whole if d["location"].startswith(f"{folder}/")]
        shared = [d for d in whole if d["location"].split("/")[0] not in folders]
        assert own and shared
        assert index == [d for d in whole if d in own or d in shared]          # in the whole index's order
        day = paper_days(earlier)[0] if folder == edition_prefix(earlier) else None
        if day is not None:
            html = (site / folder / day.slug / "index.html").read_text(encoding="utf-8")
            assert f'data-paper-search-index="../../search/edition-{folder}.json"' in html
            assert f"Searching the {folder} paper" in html
    assert 'data-paper-search-index="' not in (site / "index.html").read_text(encoding="utf-8")
