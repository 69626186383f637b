"""The bibliography exports (paperkit.bibfiles) read back by the tools a reference manager's importer resembles:
pybtex for BibTeX, json for CSL-JSON, a line reader for RIS. Every entry of the bibliography is in each file, with
its key, its UN symbol and its address."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from pybtex.database import parse_string

from paperkit.bibfiles import FILES, MEDIA_TYPES, write_files
from paperkit.bibliography import load_bibliography
from paperkit.cli import main as cli_main

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests/fixtures/resolve/tiny.bib"

TRICKY = r"""
@manual{tricky,
  title        = {Drugs \& Crime: 5% of {COVID-19} cases_and #tags},
  organization = {Office on Drugs \& Crime},
  year         = {2020},
  month        = {April},
  url          = {https://example.org/a_b?x=1&y=%20},
  group        = {Reports and studies},
}
"""


def bibliographies() -> list[Path]:
    return [TINY, ROOT / "footnotes/sources.bib"]


def _ris_records(text: str) -> list[dict[str, list[str]]]:
    records, current = [], {}
    for line in text.split("\r\n"):
        if not line:
            continue
        tag, sep, value = line.partition("  - ")
        assert sep and len(tag) == 2, f"not an RIS line: {line!r}"
        if tag == "ER":
            records.append(current)
            current = {}
        else:
            current.setdefault(tag, []).append(value)
    assert not current, "the last record has no ER"
    return records


@pytest.mark.parametrize("path", bibliographies(), ids=lambda p: p.name)
def test_every_entry_is_in_every_file_with_its_symbol_and_address(path: Path) -> None:
    bib = load_bibliography(path)
    files = write_files(bib)
    assert set(files) == set(FILES.values())

    bibtex = parse_string(files[FILES["bibtex"]], "bibtex")
    csl = {item["id"]: item for item in json.loads(files[FILES["csl-json"]])}
    ris = {r["ID"][0]: r for r in _ris_records(files[FILES["ris"]])}
    for entry in bib.entries:
        back = bibtex.entries[entry.key]
        assert back.fields["url"] == entry.url
        assert back.fields["title"].strip("{}") == entry.title.replace("&", r"\&")
        assert csl[entry.key]["URL"] == ris[entry.key]["UR"][0] == entry.url
        assert csl[entry.key]["title"] == ris[entry.key]["TI"][0] == entry.title
        if entry.symbol:
            assert back.fields["number"] == csl[entry.key]["number"] == ris[entry.key]["SN"][0] == entry.symbol
        for private in ("group", "shortnames", "match", "symbol"):
            assert private not in {k.lower() for k in back.fields}
    assert list(bibtex.entries) == list(csl) == list(ris) == [e.key for e in bib.entries]


def test_authors_and_issuing_bodies() -> None:
    bib = load_bibliography(TINY)
    csl = {item["id"]: item for item in json.loads(write_files(bib)[FILES["csl-json"]])}
    assert csl["doe-2020"]["author"] == [{"family": "Doe", "given": "Jane"},
                                         {"family": "Roe", "given": "John", "non-dropping-particle": "van"}]
    assert csl["doe-2020"]["type"] == "book"
    assert csl["a-res-70-1"]["author"] == [{"literal": "United Nations General Assembly"}]
    assert csl["a-res-70-1"]["type"] == "report"
    bibtex = parse_string(write_files(bib)[FILES["bibtex"]], "bibtex")
    assert [str(p) for p in bibtex.entries["doe-2020"].persons["author"]] == ["Doe, Jane", "van Roe, John"]


def test_latex_specials_are_escaped_and_addresses_kept(tmp_path: Path) -> None:
    path = tmp_path / "tricky.bib"
    path.write_text(TRICKY, encoding="utf-8")
    bib = load_bibliography(path)
    files = write_files(bib)
    back = parse_string(files[FILES["bibtex"]], "bibtex").entries["tricky"]
    assert back.fields["title"] == r"{Drugs \& Crime: 5\% of COVID-19 cases\_and \#tags}"
    assert back.fields["organization"] == r"Office on Drugs \& Crime"
    assert back.fields["url"] == "https://example.org/a_b?x=1&y=%20"
    item = json.loads(files[FILES["csl-json"]])[0]
    assert item["title"] == "Drugs & Crime: 5% of COVID-19 cases_and #tags"
    assert item["issued"] == {"date-parts": [[2020, 4]]}


# ---------------------------------------------------------------- in the built site


def _keys_in_source(path: Path) -> list[str]:
    """The entry keys of a .bib file, read with pybtex alone (not through paperkit)."""
    return list(parse_string(path.read_text(encoding="utf-8"), "bibtex").entries)


def test_the_built_site_offers_every_entry_in_every_file(site_dir: Path) -> None:
    source = parse_string((ROOT / "footnotes/sources.bib").read_text(encoding="utf-8"), "bibtex").entries
    bibtex = parse_string((site_dir / "sources.bib").read_text(encoding="utf-8"), "bibtex").entries
    csl = {item["id"]: item for item in json.loads((site_dir / "sources.json").read_text(encoding="utf-8"))}
    ris = {r["ID"][0]: r for r in _ris_records((site_dir / "sources.ris").read_bytes().decode("utf-8"))}
    assert list(bibtex) == list(csl) == list(ris) == list(source)
    for key, entry in source.items():
        url, symbol = entry.fields["url"], entry.fields.get("symbol")
        assert bibtex[key].fields["url"] == csl[key]["URL"] == ris[key]["UR"][0] == url, key
        if symbol:
            assert bibtex[key].fields["number"] == csl[key]["number"] == ris[key]["SN"][0] == symbol, key


def test_the_sources_page_links_every_file_as_a_download(site_dir: Path) -> None:
    html = (site_dir / "sources" / "index.html").read_text(encoding="utf-8")
    for fmt, name in FILES.items():
        m = re.search(rf'<a ([^>]*)href="\.\./{re.escape(name)}"([^>]*)>', html)
        assert m, name
        attrs = m.group(1) + m.group(2)
        assert f'type="{MEDIA_TYPES[fmt]}"' in attrs
        assert re.search(rf'download="[\w-]+-{re.escape(name)}"', attrs), attrs
    assert "reference manager" in html


def test_the_offline_copy_holds_the_files_beside_its_sources_page(site_dir: Path) -> None:
    (archive,) = site_dir.glob("*-offline.zip")
    with zipfile.ZipFile(archive) as z:
        names = {n.split("/", 1)[1]: n for n in z.namelist()}
        page = z.read(names["sources.html"]).decode("utf-8")
        for name in FILES.values():
            assert z.read(names[name]) == (site_dir / name).read_bytes()
            assert f'href="{name}"' in page


def test_a_second_paper_offers_its_own_bibliography(tmp_path: Path) -> None:
    synthetic = ROOT / "tests/fixtures/synthetic"
    pages = tmp_path / "pages"
    assert cli_main([str(synthetic / "paper.md"), str(pages), "--bibliography", str(synthetic / "sources.bib")]) == 0
    assert _keys_in_source(pages / FILES["bibtex"]) == _keys_in_source(synthetic / "sources.bib")
    assert f"]({FILES['ris']})" in (pages / "sources.md").read_text(encoding="utf-8")
