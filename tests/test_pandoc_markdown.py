"""pandoc's Markdown in (issue 20): a paper converted from Word by pandoc reads into the same model as the paper
exported from the PDF — the same notes (numbers and texts), days, sections, paragraphs and questions; only the
lines differ, and those name the pandoc file's own lines.

The fixtures in tests/fixtures/papers/pandoc/ are pandoc's real output (made by make.py there from a Word file)
but the hand-written one, which holds what pandoc may also write: "(a)" and "- a)" items, a loose list, hard line
breaks, a heading's identifier, a note over two paragraphs.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from paperkit import cli
from paperkit.errors import PaperError
from paperkit.model import LetteredList, Paper
from paperkit.parse import parse_paper, read_paper

from .conftest import FIXTURES, PAPER, ROOT, mkdocs_build
from .projects import paper_project

PANDOC = FIXTURES / "papers" / "pandoc"
LINES = {"line", "referenced_at", "source"}


def without_lines(thing):
    """The model with every line number (and the file's name) left out."""
    if dataclasses.is_dataclass(thing):
        return {f.name: without_lines(getattr(thing, f.name)) for f in dataclasses.fields(thing)
                if f.name not in LINES}
    if isinstance(thing, tuple):
        return tuple(without_lines(x) for x in thing)
    return thing


def paragraphs(paper: Paper) -> list[str]:
    parts = [paper.introduction.blocks, *(s.blocks for d in paper.days for s in d.sections),
             *(sub.blocks for d in paper.days for s in d.sections for sub in s.subsections)]
    return [b.text for blocks in parts for b in blocks if not isinstance(b, LetteredList)]


def assert_same_paper(pandoc: Paper, original: Paper) -> None:
    assert [(n.number, n.text) for n in pandoc.notes] == [(n.number, n.text) for n in original.notes]
    assert [(d.date, d.heading, d.challenge, d.letter) for d in pandoc.days] == \
        [(d.date, d.heading, d.challenge, d.letter) for d in original.days]
    assert [[(s.kind, s.heading, [sub.title for sub in s.subsections]) for s in d.sections] for d in pandoc.days] == \
        [[(s.kind, s.heading, [sub.title for sub in s.subsections]) for s in d.sections] for d in original.days]
    assert paragraphs(pandoc) == paragraphs(original)
    assert [(q.letter, q.text, q.notes) for d in pandoc.days for q in d.questions] == \
        [(q.letter, q.text, q.notes) for d in original.days for q in d.questions]
    assert pandoc.title.lines == original.title.lines
    assert without_lines(pandoc) == without_lines(original)  # and everything else


@pytest.mark.paper_facts
def test_the_2021_paper_from_word_through_pandoc_is_the_same_paper():
    pandoc = read_paper(PANDOC / "cnd-2021-pandoc.md")
    assert_same_paper(pandoc, read_paper(PAPER))
    assert pandoc.notes, "a paper without notes proves nothing"


@pytest.mark.parametrize("pandoc, original", [
    ("arc-2023-pandoc-block-notes.md", FIXTURES / "papers" / "arc-2023-two-days.md"),
    ("wsc-2030-hand-written.md", FIXTURES / "synthetic" / "paper.md"),
])
def test_a_pandoc_paper_is_the_same_paper(pandoc, original):
    assert_same_paper(read_paper(PANDOC / pandoc), read_paper(original))


def pages(paper: Path, bibliography: Path, topics: Path | None, out: Path) -> dict[str, str]:
    args = [str(paper), str(out), "--bibliography", str(bibliography), "--topics", str(topics or "")]
    assert cli.main(args) == 0
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*"))
            if p.is_file()}


@pytest.mark.parametrize("pandoc, original, bibliography, topics", [
    pytest.param("cnd-2021-pandoc.md", PAPER, ROOT / "footnotes" / "sources.bib", ROOT / "footnotes" / "topics.yml",
                 marks=pytest.mark.paper_facts, id="2021"),
    pytest.param("arc-2023-pandoc-block-notes.md", FIXTURES / "papers" / "arc-2023-two-days.md",
                 FIXTURES / "papers" / "arc-2023-two-days.bib", None, id="two days"),
])
def test_paper2site_writes_the_same_pages_from_pandoc_markdown(pandoc, original, bibliography, topics, tmp_path):
    written = pages(PANDOC / pandoc, bibliography, topics, tmp_path / "pandoc")
    assert written == pages(original, bibliography, topics, tmp_path / "original")
    assert len(written) > 5


def test_mkdocs_builds_the_same_site_byte_for_byte_from_pandoc_markdown(tmp_path):
    sites = {}
    for name, paper in (("pdf", FIXTURES / "papers" / "arc-2023-two-days.md"),
                        ("pandoc", PANDOC / "arc-2023-pandoc-block-notes.md")):
        config = paper_project(tmp_path / name, paper=paper, bibliography=FIXTURES / "papers" / "arc-2023-two-days.bib")
        done = mkdocs_build(tmp_path / name / "site", config=config)
        assert done.returncode == 0, done.stderr
        sites[name] = {p.relative_to(tmp_path / name / "site").as_posix(): p.read_bytes()
                       for p in sorted((tmp_path / name / "site").rglob("*")) if p.is_file()}
    assert "2023/8-february/index.html" in sites["pdf"]  # the two-day paper of 2023
    assert sites["pandoc"] == sites["pdf"]


@pytest.mark.parametrize("name", sorted(p.name for p in PANDOC.glob("*.md")))
def test_lines_name_the_pandoc_files_own_lines(name):
    """Each note's line holds its definition; its marker is on the line the model says, however the paragraph is
    wrapped; each question and day heading is on its line."""
    text = (PANDOC / name).read_text(encoding="utf-8")
    lines = text.split("\n")
    paper = read_paper(PANDOC / name)
    for note in paper.notes:
        assert lines[note.line - 1].startswith(f"[^{note.number}]:"), note
        assert f"[^{note.number}]" in lines[note.referenced_at - 1].replace(f"[^{note.number}]:", ""), note
    for day in paper.days:
        assert lines[day.line - 1] == f"# {day.heading}"
        for question in day.questions:
            assert re.match(rf"(- )?\(?{question.letter}\)\s", lines[question.line - 1]), question


def test_notes_after_the_paragraph_do_not_join_it_to_the_next():
    """In the PDF's export a paragraph that ends no sentence, then notes, goes on after them; pandoc's paragraphs
    are whole."""
    text = (PANDOC / "arc-2023-pandoc-block-notes.md").read_text(encoding="utf-8")
    old = "abstraction data every quarter.[^6]\n\n[^6]: See [R/2019/1](#), art.\n    12.\n"
    assert old in text
    cut = text.replace(old, "abstraction data[^6]\n\n[^6]: See [R/2019/1](#), art.\n    12.\n\nand met every "
                            "quarter.\n")
    policy = parse_paper(cut).days[1].sections[0]
    assert [b.text for b in policy.blocks] == ["Riparian States agreed to exchange abstraction data[^6]",
                                               "and met every quarter."]
    pdf = (FIXTURES / "papers" / "arc-2023-two-days.md").read_text(encoding="utf-8")
    old, note = "abstraction data every quarter.⁶\n", "⁶ See [R/2019/1](#), art. 12.\n\n"
    assert old in pdf and note in pdf
    pdf = pdf.replace(note, "").replace(old, f"abstraction data⁶\n\n{note}and met every quarter.\n")
    joined = parse_paper(pdf).days[1].sections[0]
    assert [b.text for b in joined.blocks] == ["Riparian States agreed to exchange abstraction data[^6] and met "
                                               "every quarter."]


def test_a_wrapped_item_is_one_item_wherever_pandoc_wraps_it():
    """An item wrapped after a question mark, which in the PDF's export would end the item."""
    text = (PANDOC / "arc-2023-pandoc-block-notes.md").read_text(encoding="utf-8")
    old = "a)  Which data could be exchanged in near real time?\n"
    assert old in text
    wrapped = text.replace(old, "a)  Which data could be exchanged in near real time?\n    Daily? Hourly?\n")
    questions = parse_paper(wrapped).days[1].questions
    assert questions[0].text == "Which data could be exchanged in near real time? Daily? Hourly?"
    assert [q.letter for q in questions] == ["a", "b", "c"]


def test_a_marker_at_the_start_of_a_wrapped_line_stays_with_its_word():
    text = (PANDOC / "wsc-2030-hand-written.md").read_text(encoding="utf-8")
    old = "where\nthe tide rises fastest.[^3]"
    assert old in text
    paper = parse_paper(text.replace(old, "where\nthe tide rises fastest.\n[^3]"))
    assert paper.days[0].sections[0].blocks[0].text.endswith("rises fastest.[^3]")
    assert paper.notes[2].referenced_at == text.split("\n").index("the tide rises fastest.[^3]") + 2


def test_a_mix_of_notations_is_one_error_naming_the_rarer():
    text = (PANDOC / "wsc-2030-hand-written.md").read_text(encoding="utf-8")
    mixed = text.replace("dredging.[^6]", "dredging.⁶")
    with pytest.raises(PaperError) as info:
        parse_paper(mixed, source="p.md")
    line = next(n for n, s in enumerate(mixed.split("\n"), 1) if "dredging.⁶" in s)
    assert info.value.line == line
    assert "'⁶' at column" in info.value.message and "Markdown footnotes" in info.value.message


def test_pandoc_escapes_at_the_start_of_a_paragraph_are_undone():
    text = (PANDOC / "wsc-2030-hand-written.md").read_text(encoding="utf-8")
    old = "Wall heights are measured at low tide.[^5]"
    paper = parse_paper(text.replace(old, "\\(a) Wall heights are measured at low tide.[^5]"))
    assert paper.days[0].sections[1].subsections[0].blocks[0].text == "(a) Wall heights are measured at low " \
                                                                      "tide.[^5]"


def hand_written(*changes: tuple[str, str]) -> str:
    text = (PANDOC / "wsc-2030-hand-written.md").read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


SYNTHETIC = FIXTURES / "synthetic" / "paper.md"


@pytest.mark.parametrize("variant", [
    pytest.param(hand_written(("WSC\n\nWORLD", "---\ntitle: WSC harbour dialogues\nauthor: HSO\n---\n\nWSC\n\nWORLD")),
                 id="pandoc -s: YAML metadata first"),
    pytest.param(hand_written(("# INTRODUCTION {#introduction}\n\n", "# INTRODUCTION\n"),
                              ("## POLICY COMMITMENTS\n\nMembers", "## POLICY COMMITMENTS\nMembers")),
                 id="a heading with no blank line after it"),
    pytest.param(hand_written(("# 4 MARCH 2030 - THE COST", "**4 MARCH 2030 - THE COST"),
                              ("UNEVENLY BORNE\n\n## POLICY", "UNEVENLY BORNE**\n\n## POLICY")),
                 id="a day heading in bold capitals"),
    pytest.param(hand_written(("[^1]: See [H/2028/9](#), chap. II.\n", "[^1]: See [H/2028/9](#), chap.\nII.\n")),
                 id="a note's line not indented"),
    pytest.param(hand_written(("\n\n[^1]: See", "\n\n[^1]:See")), id="a note without the space after its colon"),
    pytest.param(hand_written(("[^1]: See [H/2028/9](#), chap. II.\n\n", ""),
                              ("# INTRODUCTION", "[^1]: See [H/2028/9](#), chap. II.\n\n# INTRODUCTION")),
                 id="a note before its marker, above the introduction"),
    pytest.param(hand_written(("[^7]: *Tide Atlas 2029*, figure 5.\n\n", ""),
                              ("[^2]: *Tide", "[^7]: *Tide Atlas 2029*, figure 5.\n\n[^2]: *Tide")),
                 id="the notes at the end not in order"),
])
def test_what_pandoc_may_also_write_is_the_same_paper(variant):
    assert_same_paper(parse_paper(variant), read_paper(SYNTHETIC))


def test_a_message_names_the_notes_as_the_pandoc_file_writes_them():
    text = hand_written(("## POLICY COMMITMENTS\n\nMembers", "## POLICY COMMITMENTS[^6]\n\nMembers"),
                        ("dredging.[^6]", "dredging."))
    with pytest.raises(PaperError) as info:
        parse_paper(text, source="p.md")
    assert str(info.value).startswith(f"p.md:{text.split(chr(10)).index('## POLICY COMMITMENTS[^6]') + 1}: note "
                                      f"marker [^6] in the section heading 'POLICY COMMITMENTS[^6]'")


def test_a_superscript_in_a_pandoc_paper_is_no_note_and_is_said_so():
    """pandoc writes Word's superscript formatting as '^2^': in a paper of footnotes, that is text, not a note."""
    text = hand_written(("fuel for dredgers rose", "fuel for 10^3^ dredgers rose"))
    with pytest.raises(PaperError) as info:
        parse_paper(text, source="p.md")
    assert info.value.line == next(n for n, s in enumerate(text.split("\n"), 1) if "10^3^" in s)
    what, _, fix = info.value.message.partition(" — ")
    assert what.endswith("is a superscript in caret notation, not a footnote")
    assert "make it a footnote in Word" in fix and "superscript digits" not in fix
