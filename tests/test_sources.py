"""The notes on the built pages: each names its sources with links, an "Ibid." says what it means, the Sources
page links back to every citing note, and bad citations stop the build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from paperkit.parse import read_paper
from paperkit.bibliography import load_bibliography
from paperkit.resolve import citing_notes, resolve_notes

from .conftest import EDITIONS, FIXTURES, PAPER, ROOT, config_for, mkdocs_build
from .htmltext import PageText
from .paperdays import edition_prefix

BIB = ROOT / "footnotes" / "sources.bib"
SYNTHETIC = FIXTURES / "synthetic"
EDITION = edition_prefix(PAPER)
"""The newest edition's folder on the site, read from its paper."""


def page(site_dir: Path, name: str) -> str:
    return (site_dir / name / "index.html").read_text(encoding="utf-8") if name else \
        (site_dir / "index.html").read_text(encoding="utf-8")


def edition_page(edition: str, name: str) -> str:
    """An edition's page below the site's root: its home (``name`` "") or a day ("19-october")."""
    return f"{edition}/{name}" if name else edition


def note_html(site_dir: Path, name: str, number: int, *, edition: str = EDITION) -> str:
    """Note ``number`` on the page ``name`` of the edition (its home for "")."""
    where = edition_page(edition, name)
    html = page(site_dir, where)
    m = re.search(rf'<li id="fn:{number}"[^>]*>(.*?)</li>', html, re.S)
    assert m, f"note {number} not on {where}"
    return m.group(1)


def to_sources(name: str) -> str:
    """The relative link from an edition's page (``name`` as for :func:`note_html`) to the shared Sources page
    at the site's root: ``../sources/`` from the edition's home, ``../../sources/`` from a day."""
    return "../" * (2 if name else 1) + "sources/"


# Facts of this paper, read off the paper by hand (tests may hold them; code may not).
IBIDS = {
    ("19-october", 5): "General Assembly resolution S-30/1, annex, recommendation 3 (k)",
    ("19-october", 16): "Global Report on Trafficking in Persons 2020, figure 9",
    ("19-october", 21): "Action Taken by Member States and United Nations Entities to Address the Issue of Linkages "
                        "between Terrorism and Organized Crime: Report of the Secretary-General, para. 6 (S/2020/754)",
    ("20-october", 38): "Manual on International Cooperation for the Purposes of Confiscation of Proceeds of Crime, box 3",
    ("21-october", 49): "Commission on Narcotic Drugs: Report on the Sixty-fourth Session (4 December 2020 and 12–16 April "
                        "2021), chap. I, sect. B, resolution 64/1, para. 33 (E/2021/28)",
    ("21-october", 57): "World Drug Report 2021, booklet 5",
}


@pytest.mark.paper_facts
@pytest.mark.parametrize(("where", "meaning"), IBIDS.items(), ids=[f"note-{n}" for _, n in IBIDS])
def test_ibid_notes_say_what_they_mean(site_dir, where, meaning):
    text = PageText.parse(f"<article>{note_html(site_dir, *where)}</article>").main
    assert text.startswith("Ibid.")
    assert f"that is, {meaning}" in text


@pytest.mark.paper_facts
def test_un_symbols_link_to_the_un_document(site_dir):
    assert 'href="https://undocs.org/en/E/2019/28"' in note_html(site_dir, "", 1)
    assert 'href="https://undocs.org/en/A/RES/S-30/1"' in note_html(site_dir, "", 4)
    assert 'href="https://undocs.org/en/S/2020/754"' in note_html(site_dir, "19-october", 19)
    assert 'href="https://undocs.org/en/CTOC/COP/WG.3/2021/2"' in note_html(site_dir, "20-october", 40)


@pytest.mark.paper_facts
def test_named_sources_link_to_their_entry(site_dir):
    note = note_html(site_dir, "20-october", 29)  # three conventions by their short names
    for key in ("convention-1988", "convention-corruption-2003", "convention-organized-crime-2000"):
        assert f'href="{to_sources("20-october")}#{key}"' in note
    assert 'href="https://www.unodc.org"' in note_html(site_dir, "19-october", 14)


def _note_text(html: str) -> str:
    return PageText.parse(f"<article>{html}</article>").main


def _entries_linked(html: str, name: str) -> set[str]:
    """The Sources entries a note on the edition's page ``name`` links to (the shared page, one or two
    folders up)."""
    return set(re.findall(rf'href="{re.escape(to_sources(name))}#([\w.-]+)"', html))


@pytest.mark.parametrize("paper_file", EDITIONS, ids=[p.stem for p in EDITIONS])
def test_every_note_links_to_each_of_its_entries(site_dir, paper_file):
    """Every note of each edition's paper reaches the Sources entry of every source the resolver finds in it, and
    a note that names a document by its symbol alone says what the document is."""
    paper = read_paper(paper_file)
    bib = load_bibliography(BIB)
    edition = edition_prefix(paper_file)
    for note in resolve_notes(paper.notes, bib, source=str(paper_file)):
        where = paper.note_place(note.number)[0].removesuffix(".md").removesuffix("index")
        html = note_html(site_dir, where, note.number, edition=edition)
        assert _entries_linked(html, where) >= {c.key for c in note.citations}, f"note {note.number}"
        for c in note.citations:
            if c.by_symbol:
                assert bib.entry(c.key).title in _note_text(html), f"note {note.number}"


# Notes that name a document by its symbol alone, read off the paper and the bibliography by hand.
SYMBOL_ONLY = {
    ("", 1): ("See E/2019/28, chap. I, sect. B. — that is, Commission on Narcotic Drugs: Report on the Sixty-second "
              "Session (7 December 2018 and 14–22 March 2019)", {"e-2019-28"}),
    ("19-october", 19): ("S/2020/754. — that is, Action Taken by Member States and United Nations Entities to Address "
                         "the Issue of Linkages between Terrorism and Organized Crime: Report of the Secretary-General",
                         {"s-2020-754"}),
    ("20-october", 33): ("reported in document CAC/COSP/WG.2/2020/4. — that is, [Document of the Open-ended "
                         "Intergovernmental Working Group on Asset Recovery, 2020]",
                         {"unodc-manual-confiscation-2012", "stephenson-barriers-2011", "cac-cosp-wg2-2020-4"}),
}


@pytest.mark.paper_facts
@pytest.mark.parametrize(("where", "expected"), SYMBOL_ONLY.items(), ids=[f"note-{n}" for _, n in SYMBOL_ONLY])
def test_a_note_citing_a_symbol_says_what_the_document_is(site_dir, where, expected):
    text, keys = expected
    html = note_html(site_dir, *where)
    assert _note_text(html).endswith(text)
    assert _entries_linked(html, where[0]) == keys
    assert re.findall(r'href="(https://undocs\.org/[^"]+)"', html)  # the symbol still opens the document


@pytest.mark.parametrize("paper_file", EDITIONS, ids=[p.stem for p in EDITIONS])
def test_every_entry_links_back_to_every_citing_note(site_dir, paper_file):
    """Each entry of the shared Sources page links back to every note of each edition that cites it, in the
    edition's folder (the links into another edition's folder are that edition's)."""
    paper = read_paper(paper_file)
    bib = load_bibliography(BIB)
    edition = edition_prefix(paper_file)
    expected = citing_notes(resolve_notes(paper.notes, bib, source=str(paper_file)))
    sources = page(site_dir, "sources")
    for entry in bib.entries:
        m = re.search(rf'<div class="paper-source" id="{re.escape(entry.key)}">(.*?)</div>', sources, re.S)
        assert m, entry.key
        every = re.findall(r'href="\.\./([^"#]*)#fn:(\d+)"', m.group(1))
        assert {t.split("/")[0] for t, _ in every} <= {edition_prefix(p) for p in EDITIONS}, (entry.key, every)
        links = [(target, n) for target, n in every if target.split("/")[0] == edition]
        assert [int(n) for _, n in links] == list(expected.get(entry.key, ())), entry.key
        for target, n in links:  # each back-link lands on a note that exists on that page
            assert f'id="fn:{n}"' in page(site_dir, target.rstrip("/")), (entry.key, target, n)


@pytest.mark.paper_facts
def test_back_links_are_labelled_by_page(site_dir):
    sources = page(site_dir, "sources")
    m = re.search(r'id="a-res-s-30-1">(.*?)</div>', sources, re.S)
    text = PageText.parse(f"<article>{m.group(1)}</article>").main
    assert ("Cited in the 2021 paper, notes 4 · Introduction; 5, 6, 7 · 19 October; 25, 26, 27 · 20 October; "
            "42, 43, 44, 45, 46 · 21 October") in text


@pytest.mark.paper_facts
def test_each_day_ends_with_its_sources(site_dir):
    day = page(site_dir, edition_page(EDITION, "19-october"))
    listing = day.split('id="sources-cited"')[1].split('class="footnote"')[0]
    assert f'href="{to_sources("19-october")}#s-2020-754"' in listing
    assert f'href="{to_sources("19-october")}#e-2021-28"' not in listing  # cited on other days only


def _build_error(tmp_path, text: str) -> str:
    paper = tmp_path / "paper.md"
    paper.write_text(text, encoding="utf-8")
    done = mkdocs_build(tmp_path / "site", config=config_for(paper, SYNTHETIC / "sources.bib", tmp_path))
    assert done.returncode != 0
    return done.stderr


def test_unknown_source_fails_the_build_naming_the_note(tmp_path):
    text = (SYNTHETIC / "paper.md").read_text(encoding="utf-8")
    err = _build_error(tmp_path, text.replace("⁷ *Tide Atlas 2029*, figure 5.", "⁷ *Almanac of Currents*, table 1."))
    assert "note 7" in err and "Almanac of Currents" in err


def test_ibid_with_nothing_before_fails_the_build(tmp_path):
    text = (SYNTHETIC / "paper.md").read_text(encoding="utf-8")
    err = _build_error(tmp_path, text.replace("¹ See [H/2028/9](#), chap. II.", "¹ Ibid., chap. II."))
    assert "note 1" in err and "Ibid." in err


def test_ibid_after_a_note_with_several_sources_fails_the_build(tmp_path):
    text = (SYNTHETIC / "paper.md").read_text(encoding="utf-8")
    err = _build_error(tmp_path, text.replace("⁴ *Tide Atlas 2029*, figure 2.",
                                              "⁴ *Tide Atlas 2029*, figure 2; [H/2028/9](#), chap. IV."))
    assert "note 5" in err and "Ibid." in err


# A second paper, the synthetic one with a note that cites two sources, one by its symbol alone: what each note
# must link to and end with, written by hand from tests/fixtures/synthetic/ (not from the resolver).
TWO_SOURCES = ("⁶ See [H/2028/9](#), chap. III.", "⁶ See [H/2028/9](#), chap. III; *Tide Atlas 2029*, figure 1.")
SEA = "Report of the World Sea Council on its ninth session"
SYNTHETIC_NOTES = {
    ("", 1): ({"h-2028-9"}, f"See H/2028/9, chap. II. — that is, {SEA}"),
    ("", 2): ({"tide-atlas-2029"}, "Tide Atlas 2029 (Harbour publication, 2029)."),
    ("3-march", 3): ({"tide-atlas-2029"}, "Ibid., para. 4. — that is, Tide Atlas 2029, para. 4"),
    ("4-march", 6): ({"h-2028-9", "tide-atlas-2029"}, f"See H/2028/9, chap. III; Tide Atlas 2029, figure 1. — H/2028/9 is {SEA}"),
}


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic-notes")
    paper = folder / "paper.md"
    text = (SYNTHETIC / "paper.md").read_text(encoding="utf-8")
    assert TWO_SOURCES[0] in text
    paper.write_text(text.replace(*TWO_SOURCES), encoding="utf-8")
    done = mkdocs_build(folder / "site", config=config_for(paper, SYNTHETIC / "sources.bib", folder))
    assert done.returncode == 0, done.stderr
    return folder / "site"


@pytest.mark.parametrize(("where", "expected"), SYNTHETIC_NOTES.items(), ids=[f"note-{n}" for _, n in SYNTHETIC_NOTES])
def test_a_second_papers_notes_link_to_each_of_their_entries(synthetic_site, where, expected):
    keys, text = expected
    html = note_html(synthetic_site, *where, edition=edition_prefix(SYNTHETIC / "paper.md"))
    assert _entries_linked(html, where[0]) == keys
    assert _note_text(html).endswith(text)
