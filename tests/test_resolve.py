"""Notes → sources: every note of the paper resolved as a reader of the paper reads it.

The expected values below were written from reading the paper's notes, not from the resolver's output.
Error cases run on small handwritten notes and the handwritten bibliographies in tests/fixtures/resolve/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from paperkit.bibliography import Bibliography, Group, load_bibliography
from paperkit.errors import PaperError
from paperkit.locators import locator_text
from paperkit.model import Footnote
from paperkit.parse import parse_paper
from paperkit.resolve import (
    CitedSource,
    ResolvedNote,
    citation_text,
    citing_notes,
    note_problems,
    resolve_notes,
)

from . import conftest

ROOT = conftest.ROOT
PAPER = str(conftest.PAPER)  # the source named in messages
"""The newest edition's paper (the 2021 one while the `paper_facts` tests run), as the build names it."""
BIB = ROOT / "footnotes" / "sources.bib"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "resolve"

# Every note of the paper → (entry, locator) for each source it cites, in the note's order.
EXPECTED: dict[int, list[tuple[str, str]]] = {
    1: [("e-2019-28", "chap. I, sect. B")],
    2: [("e-2009-28", "chap. I, sect. C")],
    3: [("e-2014-28", "chap. I, sect. C")],
    4: [("a-res-s-30-1", "annex")],
    5: [("a-res-s-30-1", "annex, recommendation 3 (k)")],
    6: [("a-res-s-30-1", "annex, recommendation 3 (l)")],
    7: [("a-res-s-30-1", "annex, recommendation 3 (u)")],
    8: [("wdr-2017-booklet-5", "")],
    9: [("convention-corruption-2003", "chapter III")],
    10: [("convention-1988", "art. 3, para. 1 (b)")],
    11: [("convention-organized-crime-2000", "arts. 6 and 8")],
    12: [("reed-2009", ""), ("buscaglia-van-dijk-2003", "")],
    13: [("unodc-unctad-iff-framework-2020", "")],
    14: [("unodc-iff-pilot-latin-america-2020", "")],
    15: [("glotip-2020", "")],
    16: [("glotip-2020", "figure 9")],
    17: [("smuggling-migrants-2018", "")],
    18: [("firearms-trafficking-2020", "")],
    19: [("s-2020-754", "")],
    20: [("s-2020-754", "paras. 1–5")],
    21: [("s-2020-754", "para. 6")],
    22: [("wdr-2021-booklet-5", "")],
    23: [("unodc-dmp-brief-afghanistan-2021", "")],
    24: [("unodc-covid-organized-crime-2020", "")],
    25: [("a-res-s-30-1", "annex, recommendation 3 (o)")],
    26: [("a-res-s-30-1", "annex, recommendation 3 (r)")],
    27: [("a-res-s-30-1", "annex, recommendation 3 (s)")],
    28: [("e-2021-28", "chap. I, sect. B, resolution 64/1, para. 6")],
    29: [("convention-1988", "art. 1, para. (f)"), ("convention-corruption-2003", "art. 2, para. (g)"),
         ("convention-organized-crime-2000", "art. 2, para. (g)")],
    30: [("unodc-iff-estimates-2011", "")],
    31: [("europol-crime-pay-2016", "")],
    32: [("convention-1988", "art. 1 (e)"), ("commentary-convention-1988", "para. 1.9")],
    33: [("unodc-manual-confiscation-2012", ""), ("stephenson-barriers-2011", ""), ("cac-cosp-wg2-2020-4", "")],
    34: [("convention-organized-crime-2000", "art. 7"), ("fatf-best-practices-bo-2019", "")],
    35: [("unodc-manual-confiscation-2012", "para. 5")],
    36: [("convention-1988", "art. 5, para. 3"), ("convention-organized-crime-2000", "art. 12, para. 6"),
         ("fatf-recommendations", "recommendation No. 9")],
    37: [("unodc-manual-confiscation-2012", "para. 46")],
    38: [("unodc-manual-confiscation-2012", "box 3")],
    39: [("unodc-manual-mla-extradition-2012", "paras. 39–40")],
    40: [("ctoc-cop-wg3-2021-2", "para. 17")],
    41: [("ctoc-cop-wg3-2021-2", "sect. IV")],
    42: [("a-res-s-30-1", "annex, recommendation 5 (p)")],
    43: [("a-res-s-30-1", "annex, recommendation 5 (q)")],
    44: [("a-res-s-30-1", "annex, recommendation 5 (r)")],
    45: [("a-res-s-30-1", "annex, recommendation 5 (s)")],
    46: [("a-res-s-30-1", "annex, recommendation 5 (t)")],
    47: [("e-2021-28", "chap. I, sect. B, resolution 64/1, para. 15")],
    48: [("e-2021-28", "chap. I, sect. B, resolution 64/1, para. 31")],
    49: [("e-2021-28", "chap. I, sect. B, resolution 64/1, para. 33")],
    50: [("wdr-2021-booklet-1", "")],
    51: [("wdr-2021-booklet-2", "")],
    52: [("wdr-2021-booklet-2", "")],
    53: [("wdr-2021-booklet-2", "")],
    54: [("wdr-2021-booklet-2", "")],
    55: [("wdr-2021-booklet-2", "")],
    56: [("wdr-2021-booklet-5", "")],
    57: [("wdr-2021-booklet-5", "")],
}

# The 21 "Ibid." notes → the note whose source they take over, and the note that names that source.
IBID_OF = {5: 4, 6: 5, 7: 6, 16: 15, 20: 19, 21: 20, 26: 25, 27: 26, 38: 37, 41: 40, 43: 42, 44: 43,
           45: 44, 46: 45, 48: 47, 49: 48, 52: 51, 53: 52, 54: 53, 55: 54, 57: 56}
NAMED_IN = {5: 4, 6: 4, 7: 4, 16: 15, 20: 19, 21: 19, 26: 25, 27: 25, 38: 37, 41: 40, 43: 42, 44: 42,
            45: 42, 46: 42, 48: 47, 49: 47, 52: 51, 53: 51, 54: 51, 55: 51, 57: 56}


@pytest.fixture(scope="module")
def bib() -> Bibliography:
    return load_bibliography(BIB)


@pytest.fixture(scope="module")
def notes() -> tuple[Footnote, ...]:
    return parse_paper(Path(PAPER).read_text(encoding="utf-8"), source=PAPER).notes


@pytest.fixture(scope="module")
def resolved(notes: tuple[Footnote, ...], bib: Bibliography) -> dict[int, ResolvedNote]:
    return {r.number: r for r in resolve_notes(notes, bib, source=PAPER)}


def as_pairs(note: ResolvedNote) -> list[tuple[str, str]]:
    return [(c.key, locator_text(c.locator)) for c in note.citations]


# ---------------------------------------------------------------- the paper's 57 notes


@pytest.mark.paper_facts
def test_the_table_covers_every_note(notes: tuple[Footnote, ...], resolved: dict[int, ResolvedNote]) -> None:
    assert [n.number for n in notes] == list(range(1, 58))
    assert sorted(resolved) == sorted(EXPECTED) == list(range(1, 58))
    assert note_problems(notes, load_bibliography(BIB), source=PAPER) == ()


@pytest.mark.paper_facts
@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_note_resolves_to_its_sources_and_locators(number: int, resolved: dict[int, ResolvedNote]) -> None:
    assert as_pairs(resolved[number]) == EXPECTED[number]


@pytest.mark.paper_facts
def test_ibid_notes_and_the_note_each_refers_to(resolved: dict[int, ResolvedNote]) -> None:
    assert len(IBID_OF) == 21
    assert {n: r.ibid_of for n, r in resolved.items() if r.ibid} == IBID_OF
    assert all(r.ibid_of is None for n, r in resolved.items() if n not in IBID_OF)


@pytest.mark.paper_facts
@pytest.mark.parametrize("number", sorted(NAMED_IN))
def test_ibid_chain_goes_back_to_the_note_that_names_the_source(number: int, resolved: dict[int, ResolvedNote]) -> None:
    (citation,) = resolved[number].citations
    root = resolved[NAMED_IN[number]].citations[0]
    assert (citation.key, citation.named_in, citation.name, citation.span) == (root.key, NAMED_IN[number], root.name, None)


@pytest.mark.paper_facts
def test_first_note_of_the_first_day_is_ibid_of_the_introductions_last(resolved: dict[int, ResolvedNote]) -> None:
    # The example: the hover text of note 5 must say what "Ibid." means.
    assert citation_text(resolved[5].citations[0]) == "General Assembly resolution S-30/1, annex, recommendation 3 (k)"
    assert citation_text(resolved[48].citations[0]) == "E/2021/28, chap. I, sect. B, resolution 64/1, para. 31"
    assert citation_text(resolved[38].citations[0]) == (
        "Manual on International Cooperation for the Purposes of Confiscation of Proceeds of Crime, box 3")


@pytest.mark.paper_facts
def test_notes_citing_several_sources(resolved: dict[int, ResolvedNote]) -> None:
    several = {n: len(r.citations) for n, r in resolved.items() if len(r.citations) > 1}
    assert several == {12: 2, 29: 3, 32: 2, 33: 3, 34: 2, 36: 3}


@pytest.mark.paper_facts
def test_short_names_the_notes_use(resolved: dict[int, ResolvedNote]) -> None:
    names = {(c.key, c.name) for n in (29, 32, 34, 36) for c in resolved[n].citations}
    assert {("convention-1988", "1988 Convention"), ("convention-corruption-2003", "Convention against Corruption"),
            ("convention-organized-crime-2000", "Organized Crime Convention"),
            ("fatf-recommendations", "Financial Action Task Force")} <= names
    assert resolved[4].citations[0].name == "General Assembly resolution S-30/1"


@pytest.mark.paper_facts
@pytest.mark.parametrize("number, markdown", [
    (1, "[E/2019/28](#)"),
    (4, "General Assembly resolution [S-30/1](#)"),
    (19, "[S/2020/754](#)"),
    (56, "*World Drug Report 2021*, booklet 5"),
    (8, "*World Drug Report 2017*, booklet 5, *The Drug Problem and Organized Crime, Illicit Financial Flows,"
        " Corruption and Terrorism*"),
    (34, "Financial Action Task Force, *Best Practices on Beneficial Ownership for Legal Persons*"),
    (33, "[CAC/COSP/WG.2/2020/4](#)"),
])
def test_span_is_the_name_with_its_markdown(number: int, markdown: str, notes: tuple[Footnote, ...],
                                            resolved: dict[int, ResolvedNote]) -> None:
    text = notes[number - 1].text
    spans = [text[c.span[0]:c.span[1]] for c in resolved[number].citations if c.span]
    assert markdown in spans


def test_back_links_reach_every_citing_note(bib: Bibliography) -> None:
    """Edition by edition, every back-link reaches a note citing the entry; the editions share one bibliography,
    whose every entry some edition's note cites."""
    keys: set[str] = set()
    for path in conftest.EDITIONS:
        source = str(path.relative_to(ROOT))
        notes = parse_paper(path.read_text(encoding="utf-8"), source=source).notes
        resolved = {r.number: r for r in resolve_notes(notes, bib, source=source)}
        cited = citing_notes(resolved.values())
        assert set(cited) <= {e.key for e in bib.entries}, f"{source}: every cited key is an entry"
        for key, numbers in cited.items():
            assert numbers and all(key in {c.key for c in resolved[n].citations} for n in numbers), (source, key)
        keys |= set(cited)
    assert keys == {e.key for e in bib.entries}, "every entry is cited"


@pytest.mark.paper_facts
def test_back_links_of_the_most_cited_entries(resolved: dict[int, ResolvedNote]) -> None:
    cited = citing_notes(resolved.values())
    assert cited["a-res-s-30-1"] == (4, 5, 6, 7, 25, 26, 27, 42, 43, 44, 45, 46)
    assert cited["convention-1988"] == (10, 29, 32, 36)
    assert cited["convention-organized-crime-2000"] == (11, 29, 34, 36)
    assert cited["convention-corruption-2003"] == (9, 29)
    assert cited["unodc-manual-confiscation-2012"] == (33, 35, 37, 38)
    assert cited["e-2021-28"] == (28, 47, 48, 49)
    assert cited["wdr-2021-booklet-2"] == (51, 52, 53, 54, 55)
    assert cited["wdr-2021-booklet-5"] == (22, 56, 57)


# ---------------------------------------------------------------- the bibliography


@pytest.mark.paper_facts
def test_bibliography_entries_and_groups(bib: Bibliography) -> None:
    assert len(bib.entries) == 32
    counts = {g: len(es) for g, es in bib.grouped()}
    assert counts == {Group.UN_DOCUMENTS: 8, Group.CONVENTIONS: 4, Group.REPORTS: 20}
    assert all(e.url.startswith("https://") and e.title and e.year for e in bib.entries)


@pytest.mark.paper_facts
def test_un_symbols_link_to_their_permanent_address(bib: Bibliography) -> None:
    symbols = {e.key: e.symbol for e in bib.entries if e.symbol}
    assert symbols["a-res-s-30-1"] == "A/RES/S-30/1"  # the paper's short form S-30/1, expanded
    assert bib.entry("a-res-s-30-1").url == "https://undocs.org/en/A/RES/S-30/1"
    assert all(bib.entry(k).url == f"https://undocs.org/en/{s}" for k, s in symbols.items())
    assert len(symbols) == 9


@pytest.mark.paper_facts
def test_full_titles_of_the_conventions(bib: Bibliography) -> None:
    assert bib.entry("convention-1988").title == (
        "United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances")
    assert bib.entry("convention-organized-crime-2000").title == "United Nations Convention against Transnational Organized Crime"
    assert bib.entry("convention-corruption-2003").title == "United Nations Convention against Corruption"


@pytest.mark.paper_facts
def test_persons(bib: Bibliography) -> None:
    assert bib.entry("buscaglia-van-dijk-2003").authors == ("Edgardo Buscaglia", "Jan van Dijk")
    assert bib.entry("stephenson-barriers-2011").authors[0] == "Kevin M. Stephenson"
    assert len(bib.entry("stephenson-barriers-2011").authors) == 6


@pytest.mark.parametrize("key, name", [(e.key, n) for e in load_bibliography(BIB).entries for n in e.names])
def test_every_name_of_every_entry_resolves_to_that_entry(key: str, name: str, bib: Bibliography) -> None:
    (note,) = resolve_notes((Footnote(1, f"See *{name}*, para. 4.", 1, 1),), bib, source="t.md")
    assert as_pairs(note) == [(key, "para. 4")]


# ---------------------------------------------------------------- small handwritten cases


@pytest.fixture(scope="module")
def tiny() -> Bibliography:
    return load_bibliography(FIXTURES / "tiny.bib")


def run(tiny: Bibliography, *texts: str) -> list[list[tuple[str, str]]]:
    notes = tuple(Footnote(i, t, 10 * i, 1) for i, t in enumerate(texts, 1))
    return [as_pairs(r) for r in resolve_notes(notes, tiny, source="t.md")]


def test_ibid_narrows_the_previous_locator_by_rank(tiny: Bibliography) -> None:
    assert run(tiny,
               "See [A/RES/70/1](#), chap. II, sect. A, resolution 1/2, para. 4.",
               "*Ibid.*, para. 9.",
               "Ibid., sect. C.",
               "Ibid.",
               "Ibid., booklet 2.",
               ) == [[("a-res-70-1", "chap. II, sect. A, resolution 1/2, para. 4")],
                     [("a-res-70-1", "chap. II, sect. A, resolution 1/2, para. 9")],
                     [("a-res-70-1", "chap. II, sect. C")],
                     [("a-res-70-1", "chap. II, sect. C")],
                     [("a-res-70-1", "booklet 2")]]


def test_locators_before_and_after_names(tiny: Bibliography) -> None:
    assert run(tiny,
               "See art. 3, para. 1 (b), of the Convention on Examples; Jane Doe and John van Roe,"
               " *A Study of Things* (Geneva, 2020), figure 2; see also the 2030 Agenda, annex, paras. 5–7.",
               ) == [[("convention-examples", "art. 3, para. 1 (b)"), ("doe-2020", "figure 2"),
                      ("a-res-70-1", "annex, paras. 5–7")]]


def test_longest_name_wins(tiny: Bibliography) -> None:
    assert run(tiny, "*Study of Things, second edition*, box 1.") == [[("doe-2020", "box 1")]]


def test_unknown_source_fails_naming_note_text_and_what_to_add(tiny: Bibliography) -> None:
    notes = (Footnote(7, "See *A Report Nobody Wrote* (Nowhere, 2030), para. 2.", 212, 200),)
    with pytest.raises(PaperError) as caught:
        resolve_notes(notes, tiny, source="paper.md")
    err = caught.value
    assert (err.path, err.line) == ("paper.md", 212)
    assert "note 7" in err.message and "*A Report Nobody Wrote*" in err.message
    assert str(FIXTURES / "tiny.bib") in err.message and "“A Report Nobody Wrote”" in err.message


def test_a_citation_naming_nothing_fails_even_beside_a_known_one(tiny: Bibliography) -> None:
    notes = (Footnote(3, "See [A/RES/70/1](#), annex; see also [X/Y/2020/1](#).", 40, 30),)
    (err,) = note_problems(notes, tiny, source="paper.md")
    assert err.line == 40 and "X/Y/2020/1" in err.message and "note 3" in err.message


def test_ibid_with_no_note_before_fails(tiny: Bibliography) -> None:
    with pytest.raises(PaperError) as caught:
        resolve_notes((Footnote(1, "*Ibid.*, para. 3.", 36, 24),), tiny, source="paper.md")
    assert caught.value.line == 36
    assert "note 1" in caught.value.message and "no note comes before it" in caught.value.message


def test_ibid_after_a_note_with_several_sources_fails(tiny: Bibliography) -> None:
    notes = (Footnote(1, "See the Example Convention; *A Study of Things*.", 10, 5),
             Footnote(2, "Ibid., para. 2.", 12, 5))
    with pytest.raises(PaperError) as caught:
        resolve_notes(notes, tiny, source="paper.md")
    message = caught.value.message
    assert caught.value.line == 12
    assert "note 2" in message and "note 1 cites 2 sources" in message
    assert "convention-examples" in message and "doe-2020" in message


def test_every_problem_is_listed_at_once(tiny: Bibliography) -> None:
    notes = (Footnote(1, "Ibid.", 10, 5),
             Footnote(2, "See *Unknown One*.", 12, 5),
             Footnote(3, "Ibid., para. 4.", 14, 5),  # after a note in error: reported once, with note 2
             Footnote(4, "See “Unknown Two”, presentation (2020).", 16, 5),
             Footnote(5, "See [A/RES/70/1](#).", 18, 5))
    problems = note_problems(notes, tiny, source="paper.md")
    assert [p.line for p in problems] == [10, 12, 16]
    with pytest.raises(PaperError) as caught:
        resolve_notes(notes, tiny, source="paper.md")
    assert caught.value.line == 10
    assert "3 notes cannot be resolved" in caught.value.message
    assert all(str(p) in caught.value.message for p in problems)


# ---------------------------------------------------------------- bad bibliographies


def test_malformed_bibtex_fails_with_its_line() -> None:
    with pytest.raises(PaperError) as caught:
        load_bibliography(FIXTURES / "broken.bib")
    assert caught.value.path == str(FIXTURES / "broken.bib")
    assert caught.value.line == 8 and "syntax error" in caught.value.message


def test_missing_bibliography_fails(tmp_path: Path) -> None:
    with pytest.raises(PaperError, match="not found"):
        load_bibliography(tmp_path / "none.bib")


GOOD = "title = {T}, organization = {O}, year = {2020}, url = {https://example.org}, group = {Conventions}"


@pytest.mark.parametrize("body, problem", [
    ("title = {T}, organization = {O}, year = {2020}, group = {Conventions}", "missing field url"),
    ("title = {T}, year = {2020}, url = {https://example.org}, group = {Conventions}", "author"),
    ("title = {T}, organization = {O}, year = {2020}, url = {https://example.org}, group = {Misc}", "group"),
    ("title = {T}, organization = {O}, year = {2020}, url = {http://example.org}, group = {Conventions}", "https"),
    (GOOD + ", symbol = {A/1}", "https://undocs.org/en/A/1"),
])
def test_entry_problems_fail_at_the_entry(tmp_path: Path, body: str, problem: str) -> None:
    path = tmp_path / "s.bib"
    path.write_text(f"% one entry\n\n@manual{{k,\n  {body},\n}}\n", encoding="utf-8")
    with pytest.raises(PaperError) as caught:
        load_bibliography(path)
    assert caught.value.line == 3 and "entry k" in caught.value.message and problem in caught.value.message


def test_one_name_for_two_entries_fails(tmp_path: Path) -> None:
    path = tmp_path / "s.bib"
    path.write_text(f"@manual{{a,\n {GOOD}, shortnames = {{the Same}}}}\n@manual{{b,\n {GOOD.replace('{T}', '{U}')},"
                    " match = {same}}\n", encoding="utf-8")
    with pytest.raises(PaperError) as caught:
        load_bibliography(path)
    assert caught.value.line == 3 and "entry a" in caught.value.message


@pytest.mark.paper_facts
def test_sources_named_by_their_symbol_alone(resolved: dict[int, ResolvedNote]) -> None:
    """The notes that write only a symbol ("See [E/2019/28](#), chap. I, sect. B.") and the "Ibid."s after them,
    read off the paper: their notes say what the document is."""
    by_symbol = {(n, c.key) for n, r in resolved.items() for c in r.citations if c.by_symbol}
    assert by_symbol == {(1, "e-2019-28"), (2, "e-2009-28"), (3, "e-2014-28"), (19, "s-2020-754"),
                         (20, "s-2020-754"), (21, "s-2020-754"), (28, "e-2021-28"), (33, "cac-cosp-wg2-2020-4"),
                         (40, "ctoc-cop-wg3-2021-2"), (41, "ctoc-cop-wg3-2021-2"), (47, "e-2021-28"),
                         (48, "e-2021-28"), (49, "e-2021-28")}


@pytest.mark.parametrize("text, expected", [
    ("See [A/RES/70/1](#), annex.", True),
    ("*[A/RES/70/1](#)*.", True),
    ("General Assembly resolution [70/1](#), para. 3.", False),
    ("the 2030 Agenda, para. 3.", False),
])
def test_a_name_by_symbol_alone(text: str, expected: bool) -> None:
    tiny = load_bibliography(FIXTURES / "tiny.bib")
    (note,) = resolve_notes((Footnote(1, text, 10, 1),), tiny, source="t.md")
    assert [c.by_symbol for c in note.citations] == [expected]


def test_citing_notes_keeps_first_citation_order_once_each() -> None:
    notes = [ResolvedNote(3, (CitedSource("b"), CitedSource("a"), CitedSource("b"))), ResolvedNote(4, (CitedSource("a"),)),
             ResolvedNote(5, (CitedSource("b"),))]
    assert citing_notes(notes) == {"b": (3, 5), "a": (3, 4)}
