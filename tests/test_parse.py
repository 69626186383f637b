"""Parser unit tests on the small synthetic paper and hand-made variations of it."""

from __future__ import annotations

import datetime as dt

import pytest

from paperkit.errors import PaperError
from paperkit.model import LetteredList, Paragraph, SectionKind
from paperkit.parse import SUPERSCRIPTS, parse_paper, read_paper, sentence_case

from .conftest import FIXTURES

SYNTHETIC = FIXTURES / "synthetic" / "paper.md"
TEXT = SYNTHETIC.read_text(encoding="utf-8")


def parse(text: str):
    return parse_paper(text, source="p.md")


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing needle (computed from the input, not the output)."""
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


def error_of(text: str) -> PaperError:
    with pytest.raises(PaperError) as info:
        parse(text)
    return info.value


# -- structure -------------------------------------------------------------------------------------

def test_title_block_is_made_readable_from_the_prose():
    title = parse(TEXT).title
    assert title.title == "WSC harbour dialogues spring 2030"
    assert title.kicker[:2] == ("WSC", "World Sea Council")
    assert title.dates == "3-4 March 2030"
    assert title.kind == "Background paper"
    assert title.issuer == ("HSO", "Harbour Statistics Office", "Secretariat to the Council")


def test_days_take_date_and_sentence_case_wording_from_the_introduction():
    paper = parse(TEXT)
    assert [d.date for d in paper.days] == [dt.date(2030, 3, 3), dt.date(2030, 3, 4)]
    assert [d.slug for d in paper.days] == ["3-march", "4-march"]
    assert paper.days[1].challenge == "The cost of dredging shared channels remains unevenly borne"
    assert [d.letter for d in paper.days] == ["a", "b"]


def test_sections_subheadings_and_questions():
    day = parse(TEXT).days[0]
    assert [s.kind for s in day.sections] == [SectionKind.POLICY, SectionKind.BACKGROUND, SectionKind.QUESTIONS]
    background = day.sections[1]
    assert [sub.title for sub in background.subsections] == ["Measuring walls"]
    assert background.subsections[0].blocks[0].text.startswith("Wall heights are measured")
    questions = day.sections[2]
    assert [q.letter for q in questions.questions] == ["a", "b"]
    assert questions.questions[1].text == "How can small harbours share pumps?"
    assert questions.blocks[0].text == "Possible questions for discussion include:"


def test_introduction_keeps_its_lettered_list():
    intro = parse(TEXT).introduction
    lists = [b for b in intro.blocks if isinstance(b, LetteredList)]
    assert [it.letter for it in lists[0].items] == ["a", "b"]
    assert intro.title == "Introduction"


# -- notes and joins -------------------------------------------------------------------------------

def test_paragraph_cut_by_a_note_block_is_joined():
    background = parse(TEXT).days[0].sections[1]
    first = background.blocks[0]
    assert isinstance(first, Paragraph)
    assert "small harbours with old walls were flooded most often." in first.text
    assert first.line == line_of(TEXT, "Tides rose by ten centimetres")
    assert len(background.blocks) == 1  # the continuation is not a paragraph of its own


def test_paragraph_ending_a_sentence_is_not_joined_across_notes():
    text = TEXT.replace("were\n", "were flooded.\n").replace("\nflooded most often.", "\nOther harbours were spared.")
    blocks = parse(text).days[0].sections[1].blocks
    assert [b.text[:5] for b in blocks] == ["Tides", "Other"]


def test_markers_become_note_tokens_with_the_papers_numbers():
    paper = parse(TEXT)
    policy = paper.days[1].sections[0].blocks[0]
    assert policy.text.endswith("dredging.[^6]")
    assert policy.notes == (6,)
    assert [n.number for n in paper.notes] == list(range(1, 9))
    assert paper.note(4).text == "*Tide Atlas 2029*, figure 2."
    assert paper.note(4).referenced_at == line_of(TEXT, "Tides rose by ten")


def test_multi_digit_markers():
    text = TEXT
    for old in range(8, 3, -1):  # make room: notes 4-8 become 14-18
        text = text.replace(_sup(old), _sup(old + 10))
    sentences = " ".join(f"Sentence {n}.{_sup(n)}" for n in range(4, 14))
    defs = "".join(f"\n{_sup(n)} Note {n}.\n" for n in range(4, 14))
    text = text.replace("rises fastest.³", "rises fastest.³ " + sentences)
    text = text.replace("³ Ibid., para. 4.\n", "³ Ibid., para. 4.\n" + defs)
    paper = parse(text)
    assert [n.number for n in paper.notes] == list(range(1, 19))
    assert paper.days[0].sections[0].blocks[0].notes == tuple(range(3, 14))
    assert "Sentence 13.[^13]" in paper.days[0].sections[0].blocks[0].text
    assert paper.note(18).text == "Ibid., figure 6."


def test_crlf_and_bom_simply_work(tmp_path):
    path = tmp_path / "p.md"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode())
    assert read_paper(path) == parse_paper(TEXT, source=str(path))


# -- errors: one clear message naming the line and what to fix ---------------------------------------

def test_marker_without_note():
    text = TEXT.replace("\n⁸ Ibid., figure 6.\n", "\n")
    err = error_of(text)
    assert err.line == line_of(text, "fuel for dredgers rose too.⁸")
    assert "note 8 is referenced but never defined" in err.message


def test_note_never_referenced():
    text = TEXT.replace("rose too.⁸", "rose too.")
    err = error_of(text)
    assert err.line == line_of(text, "⁸ Ibid., figure 6.")
    assert "note 8 is never referenced" in err.message and "add the marker ⁸" in err.message


def test_duplicate_marker():
    text = TEXT.replace("dredging.⁶", "dredging.⁵")
    err = error_of(text)
    assert err.line == line_of(text, "dredging.⁵")
    assert "note 5 is referenced twice" in err.message


def test_out_of_order_marker():
    text = TEXT.replace("dredging.⁶", "dredging.⁹")
    err = error_of(text)
    assert err.line == line_of(text, "dredging.⁹")
    assert "out of order: expected 6" in err.message


def test_out_of_order_note():
    text = TEXT.replace("⁷ *Tide Atlas 2029*, figure 5.\n\n⁸ Ibid., figure 6.",
                        "⁸ Ibid., figure 6.\n\n⁷ *Tide Atlas 2029*, figure 5.")
    err = error_of(text)
    assert err.line == line_of(text, "⁸ Ibid., figure 6.")
    assert "note 8 is out of order: expected note 7" in err.message


def test_duplicate_note():
    text = TEXT.replace("⁸ Ibid., figure 6.", "⁸ Ibid., figure 6.\n\n⁸ Ibid., figure 7.")
    err = error_of(text)
    assert err.line == line_of(text, "⁸ Ibid., figure 7.")
    assert "note 8 is defined twice" in err.message


def test_day_heading_that_no_introduction_item_names():
    text = TEXT.replace("4 MARCH 2030 - THE COST OF DREDGING SHARED CHANNELS REMAINS UNEVENLY BORNE",
                        "5 MARCH 2030 - PUMPS ARE OLD")
    err = error_of(text)
    assert err.line == line_of(text, "5 MARCH 2030 - PUMPS")
    assert "no item of the introduction's list names 5 March 2030" in err.message


def test_day_heading_whose_date_differs_from_its_item():
    text = TEXT.replace("4 MARCH 2030 - THE COST", "5 MARCH 2030 - THE COST")
    err = error_of(text)
    assert err.line == line_of(text, "5 MARCH 2030 - THE COST")
    assert ("the day heading gives 5 March 2030, but the introduction's item (b) with this challenge "
            f"(line {line_of(text, '- b) The cost')}) gives 4 March 2030 — make the two dates agree") in err.message


def test_day_heading_whose_wording_differs_from_the_introduction():
    text = TEXT.replace("REMAINS UNEVENLY BORNE", "REMAINS FAIRLY BORNE")
    err = error_of(text)
    assert err.line == line_of(text, "REMAINS FAIRLY BORNE")
    assert "does not match the introduction's item (b)" in err.message


def test_unknown_section_heading():
    text = TEXT.replace("BACKGROUND INFORMATION\n\nDredging", "CONTEXT\n\nDredging")
    err = error_of(text)
    assert err.line == line_of(text, "CONTEXT")
    assert "unknown section heading 'CONTEXT'" in err.message


@pytest.mark.parametrize("text", ["", "\n\n  \n"])
def test_empty_paper(text):
    err = error_of(text)
    assert err.line == 1 and "the paper is empty" in err.message


def test_non_utf8_paper(tmp_path):
    path = tmp_path / "p.md"
    path.write_bytes(TEXT.encode().replace(b"Harbour Statistics Office", b"Harbour Statistics Office \xe9"))
    with pytest.raises(PaperError) as info:
        read_paper(path)
    assert info.value.line == line_of(TEXT, "Harbour Statistics Office")
    assert "not UTF-8" in info.value.message


def test_sentence_case_prefers_the_proses_usual_casing():
    prose = "the small harbours met. Safer Harbours were built by the small harbours and the Sea Council."
    assert sentence_case("SMALL HARBOURS OF THE SEA COUNCIL", prose) == "Small harbours of the Sea Council"


def _sup(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def test_a_marker_left_out_names_the_note_it_leaves_unreferenced():
    text = TEXT.replace("dredging.⁶", "dredging.")
    err = error_of(text)
    assert err.line == line_of(text, "⁶ See [H/2028/9](#), chap. III.")
    assert "note 6 is never referenced — add the marker ⁶" in err.message
    assert f"the next marker, ⁷, is at line {line_of(text, 'since 2020,⁷')}" in err.message


# -- the parts of the parser on their own ---------------------------------------------------------------

def test_each_block_is_classified_once_by_its_own_lines():
    from paperkit.parse.blocks import Kind, split_blocks

    text = ("3 MARCH 2030 - TIDES\n\nPOLICY COMMITMENTS\n\nTides rose.¹\n\n¹ Atlas.\n\n- a) One?\n- b) Two?\n\n"
            "- a) One?\nNot an item\n\nMeasuring walls\n")
    raws = split_blocks(text)
    assert [r.kind for r in raws] == [Kind.DAY, Kind.HEADING, Kind.TEXT, Kind.NOTES, Kind.LIST, Kind.MIXED,
                                      Kind.TEXT]
    assert [r.prose for r in raws] == [False, False, True, False, False, False, False]
    assert [r.line for r in raws] == [1, 3, 5, 7, 9, 12, 15]


def test_the_ledger_checks_numbering_in_one_pass():
    from paperkit.parse.ledger import NoteLedger

    ledger = NoteLedger("p.md", definitions={1: 10, 2: 12})
    ledger.refer(1, line=3)
    with pytest.raises(PaperError) as info:
        ledger.refer(3, line=4)
    assert info.value.line == 4 and "note marker 3 is out of order: expected 2" in info.value.message
    ledger.refer(2, line=5)
    ledger.define(1, "A.", line=10)
    with pytest.raises(PaperError) as info:
        ledger.footnotes()
    assert info.value.line == 5 and "note 2 is referenced but never defined" in info.value.message
    ledger.define(2, "B.", line=12)
    assert [(n.number, n.referenced_at) for n in ledger.footnotes()] == [(1, 3), (2, 5)]


def test_recasing_does_not_depend_on_what_was_read_before():
    from paperkit.parse.recase import Recaser

    recase = Recaser("Members of the World Sea Council met.", frozenset({"WSC"}))
    first = recase("THE WORLD SEA COUNCIL AND WSC:")
    recase("SOMETHING ELSE ENTIRELY")
    assert recase("THE WORLD SEA COUNCIL AND WSC:") == first == "The World Sea Council and WSC"


def test_the_parsers_docstring_examples_hold():
    import doctest
    import importlib
    import pkgutil

    import paperkit.parse

    names = ["paperkit.parse", *(f"paperkit.parse.{m.name}" for m in pkgutil.iter_modules(paperkit.parse.__path__))]
    examples = 0
    for name in names:
        result = doctest.testmod(importlib.import_module(name), verbose=False)
        assert result.failed == 0, name
        examples += result.attempted
    assert examples >= 8


def test_characters_are_named_with_their_line_and_column():
    text = TEXT.replace("Wall heights are measured", "Wall heights are\u200b measured")
    err = error_of(text)
    assert err.line == line_of(text, "Wall heights are")
    assert err.message.startswith("U+200B ZERO WIDTH SPACE at column 17 — ")


def test_harmless_characters_are_normalised():
    text = TEXT.replace("rises fastest.³", "rises fastest.\u00a0³").replace("POLICY COMMITMENTS", "POLICY\u00a0COMMITMENTS")
    text = text.replace("Measuring walls", "Measuring\u00a0walls")
    paper = parse(text)
    assert paper.days[0].sections[0].blocks[0].text.endswith("rises fastest.[^3]")
    assert paper.days[0].sections[1].subsections[0].title == "Measuring walls"


def test_a_wrapped_question_is_one_question():
    text = TEXT.replace("- a) Which walls should be raised first?", "- a) Which walls should\nbe raised first?")
    questions = parse(text).days[0].sections[2].questions
    assert [(q.letter, q.text) for q in questions][:1] == [("a", "Which walls should be raised first?")]
    assert questions[0].line == line_of(text, "- a) Which walls")


def test_a_section_heading_in_sentence_case_is_that_section():
    text = TEXT.replace("BACKGROUND INFORMATION\n\nTides", "Background information\n\nTides")
    day = parse(text).days[0]
    assert [s.kind for s in day.sections] == [SectionKind.POLICY, SectionKind.BACKGROUND, SectionKind.QUESTIONS]
    assert day.sections[1].heading == "Background information"


@pytest.mark.parametrize("cut", ["after", "inside"])
def test_a_paper_cut_off_in_a_note_block_is_named_where_it_ends(cut):
    """Not at the heading of the day (or introduction) it cut short: at the end, where the rest is missing."""
    lines = TEXT.split("\n")
    first_day = line_of(TEXT, "3 MARCH 2030 - ")
    notes = [n for n, s in enumerate(lines, 1) if s[:1] in SUPERSCRIPTS and s[:1]]
    in_days = [n for n in notes if n > first_day]
    assert len(in_days) >= 4
    for n in [notes[0], *in_days]:  # the first: a note of the introduction, a note after it still to come
        kept = lines[:n - 1] + [lines[n - 1] if cut == "after" else lines[n - 1][:6]]
        error = error_of("\n".join(kept) + "\n")
        assert error.line == n, (n, str(error))
        assert "the paper ends here, in a note block" in error.message and "cut short" in error.message, str(error)


def test_a_missing_paper_file_is_one_message_naming_it(tmp_path):
    with pytest.raises(PaperError) as info:
        read_paper(tmp_path / "nowhere.md")
    assert str(info.value).startswith(f"{tmp_path / 'nowhere.md'}: the paper was not found — ")
    with pytest.raises(PaperError) as info:
        read_paper(tmp_path)
    assert str(info.value).startswith(f"{tmp_path}: cannot read the paper (")
