"""Word in (issue 20): a paper as the secretariat's Word file (.docx) is read wherever a Markdown paper is — in
papers/, by paper2site, by `mkdocs build` — and builds the same site as the same paper in Markdown: the same pages,
sentences, note numbers and texts, questions, anchors and addresses.

The Word files in tests/fixtures/papers/word/ are made by make_docx.py there with pandoc's docx writer (real Word
footnotes, Heading styles, Word's lettered lists; or bold capitals and typed letters), from the models of the
Markdown papers they are compared with; the bad ones in tests/fixtures/bad_papers/word/ are the two-day paper with
one thing wrong, each named in the message by its place in Word, never by a line of Markdown.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from paperkit.editions import find_papers, read_editions
from paperkit.errors import PaperError
from paperkit.parse import read_paper

from .conftest import FIXTURES, ROOT, mkdocs_build
from .paper_text import paper_text
from .projects import paper_project
from .test_pandoc_markdown import assert_same_paper, pages

WORD = FIXTURES / "papers" / "word"
BAD = FIXTURES / "bad_papers" / "word"
ARC = FIXTURES / "papers" / "arc-2023-two-days.md"
ARC_BIB = FIXTURES / "papers" / "arc-2023-two-days.bib"
FIVE_DAYS = FIXTURES / "papers" / "cnd-2024-five-days.md"  # .ci/run's next year's paper, as Word (and as Markdown)
SYNTHETIC = FIXTURES / "synthetic"
PAPER_2021 = ROOT / "papers" / "2021.md"
PAPER2SITE = Path(sys.executable).parent / "paper2site"
PREVIOUS = "<p>the previous build</p>\n"

SAME = {  # the Word file: the Markdown paper it was made from, its bibliography, its topics
    "cnd-2021.docx": (PAPER_2021, ROOT / "footnotes" / "sources.bib", ROOT / "footnotes" / "topics.yml"),
    "arc-2023-two-days.docx": (ARC, ARC_BIB, None),
    "cnd-2024-five-days.docx": (FIVE_DAYS, FIVE_DAYS.with_suffix(".bib"), None),
    "wsc-2030-bold-typed.docx": (SYNTHETIC / "paper.md", SYNTHETIC / "sources.bib", None),
}


@pytest.mark.parametrize("name", sorted(SAME))
def test_a_word_paper_is_the_same_paper(name):
    word, original = read_paper(WORD / name), read_paper(SAME[name][0])
    assert_same_paper(word, original)
    assert word.notes and len(word.days) >= 2, "a paper without notes or days proves nothing"


@pytest.mark.parametrize("name", sorted(SAME))
def test_paper2site_writes_the_same_pages_from_the_word_file(name, tmp_path):
    original, bibliography, topics = SAME[name]
    written = pages(WORD / name, bibliography, topics, tmp_path / "word")
    assert written == pages(original, bibliography, topics, tmp_path / "markdown")
    days = read_paper(original).days
    assert all(f"{read_paper(original).days[0].date.year}/{d.page}" in written for d in days), sorted(written)


@pytest.mark.parametrize("name", sorted(SAME))
def test_a_word_paper_written_in_the_papers_format_is_the_same_paper(name, tmp_path):
    """How the tests read a Word paper of papers/ (tests/conftest.py): written back in the paper's Markdown
    format, it is the same paper as the Word file and makes the same pages."""
    word = read_paper(WORD / name)
    written = tmp_path / f"{name}.md"
    written.write_text(paper_text(word), encoding="utf-8")
    assert "[^" not in written.read_text(encoding="utf-8"), "note markers as the paper prints them"
    assert_same_paper(read_paper(written), word)
    _, bibliography, topics = SAME[name]
    assert pages(written, bibliography, topics, tmp_path / "text") == \
        pages(WORD / name, bibliography, topics, tmp_path / "word")


def test_the_fixtures_hold_what_they_stand_for():
    """Real Word footnotes and heading styles in the styled files; none in the bold-and-typed one, whose first
    title line is styled Title (which pandoc alone would move out of the text)."""
    def part(name: str, inside: str) -> str:
        with zipfile.ZipFile(WORD / name) as docx:
            return docx.read(inside).decode("utf-8")
    for name in ("cnd-2021.docx", "arc-2023-two-days.docx", "cnd-2024-five-days.docx"):
        document = part(name, "word/document.xml")
        assert document.count("<w:footnoteReference") == len(read_paper(SAME[name][0]).notes)
        assert 'w:val="Heading1"' in document and 'w:val="Heading2"' in document and "<w:numPr>" in document
    typed = part("wsc-2030-bold-typed.docx", "word/document.xml")
    assert "Heading" not in typed and "<w:numPr>" not in typed and "<w:b />" in typed
    assert 'w:pStyle w:val="Title"' in typed and "<w:footnoteReference" in typed


def test_mkdocs_builds_the_same_site_byte_for_byte_from_the_word_file(tmp_path):
    sites = {}
    for name, paper in (("markdown", ARC), ("word", WORD / "arc-2023-two-days.docx")):
        config = paper_project(tmp_path / name, paper=paper, bibliography=ARC_BIB)
        done = mkdocs_build(tmp_path / name / "site", config=config)
        assert done.returncode == 0, done.stderr
        sites[name] = {p.relative_to(tmp_path / name / "site").as_posix(): p.read_bytes()
                       for p in sorted((tmp_path / name / "site").rglob("*")) if p.is_file()}
    day = read_paper(ARC).days[-1]
    assert f"{day.date.year}/{day.page.removesuffix('.md')}/index.html" in sites["markdown"]
    assert sites["word"] == sites["markdown"]


def test_papers_takes_word_files_and_passes_over_words_lock_files(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "2023.md").write_bytes(ARC.read_bytes())
    (papers / "2030.docx").write_bytes((WORD / "wsc-2030-bold-typed.docx").read_bytes())
    (papers / "~$2030.docx").write_bytes(b"\x00lock")  # Word's lock file while the paper is open
    (papers / ".~lock.2030.docx#").write_bytes(b"lock")
    found = find_papers(papers)
    assert [p.name for p in found] == ["2023.md", "2030.docx"]
    editions = read_editions(found)
    assert [e.prefix for e in editions] == [str(read_paper(p).days[0].date.year) for p in reversed(found)]


def test_an_old_word_file_in_papers_is_no_paper(tmp_path):
    (tmp_path / "2030.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(PaperError) as info:
        find_papers(tmp_path)
    assert str(info.value).startswith(f"{tmp_path / '2030.doc'}: is not a paper")
    assert ".docx" in info.value.message


# -- bad Word papers ------------------------------------------------------------------------------------------

DAY_2 = "8 FEBRUARY 2023 - DATA ON WATER"
BAD_CASES = {  # the Word file: (where, in Word's terms; what is wrong; how to fix it)
    "footnote-without-text.docx": ("in footnote 5", "note 5 has no text",
                                   "write its text in footnote 5, or delete the footnote"),
    "day-heading-not-dated.docx": ("in the heading 'DATA ON WATER ABSTRACTION",
                                   "this day heading has no date: the introduction's item (b) gives its challenge "
                                   "for 8 February 2023", f"write it '{DAY_2}"),
    "day-heading-not-styled.docx": ("in the paragraph '8 February 2023 - Data on water",
                                    "a day heading is written in capitals", f"write it '{DAY_2}"),
    "questions-numbered.docx": ("in the list item '1. Which data could", "this question is not lettered 'a)'",
                                "make the questions a Word list lettered a), b), c)…"),
    "questions-bulleted.docx": ("in the list item '• Which data could", "this question is not lettered 'a)'",
                                "or type 'a) ', 'b) '… before each"),
    "questions-lettering-continues.docx": ("in the list item 'c) Which data could",
                                           "question (c) comes first: expected (a)", "letter the questions a), b)"),
    "footnote-in-heading.docx": ("in the heading 'POLICY COMMITMENTS'",
                                 "note marker 6 in the section heading 'POLICY COMMITMENTS'",
                                 "move the marker to the end of the first sentence below it"),
    "unknown-section-heading.docx": ("in the heading 'FINANCIAL IMPLICATIONS'",
                                     "unknown section heading 'FINANCIAL IMPLICATIONS'",
                                     "expected one of: POLICY COMMITMENTS"),
    "not-a-word-file.docx": ("", "is not a Word document (.docx)", "save the paper from Word as a Word document"),
}


def test_the_bad_word_papers_are_what_the_table_says():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(BAD_CASES)


def check(name: str, paper: Path, line: str) -> None:
    """``line`` is ``FILE: in <place>: what — fix``: no line number, the place and both halves said."""
    where, what, fix = BAD_CASES[name]
    assert line.startswith(f"{paper}: {where}"), line
    assert not re.match(rf"{re.escape(str(paper))}:\d", line), "a Markdown line number the editor cannot find"
    said, dash, how = line.removeprefix(f"{paper}: ").partition(" — ")
    assert dash and what in said and fix in how, line
    assert "[^" not in line and "line " not in line, f"Markdown's notation or lines in a Word message: {line}"


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory) -> dict[str, tuple[Path, Path, subprocess.CompletedProcess[str]]]:
    """The installed `paper2site PAPER OUT` on every bad Word paper, into a folder holding a previous page."""
    jobs = {}
    for name in BAD_CASES:
        where = tmp_path_factory.mktemp(f"word-{name.removesuffix('.docx')}")
        (where / name).write_bytes((BAD / name).read_bytes())
        (where / "pages").mkdir()
        (where / "pages" / "index.md").write_text(PREVIOUS, encoding="utf-8")
        jobs[name] = (where / name, where / "pages")

    def run(job: tuple[Path, Path]) -> subprocess.CompletedProcess[str]:
        return subprocess.run([PAPER2SITE, str(job[0]), str(job[1]), "--bibliography", str(ARC_BIB)],
                              capture_output=True, text=True, timeout=300)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        done = dict(zip(jobs, pool.map(run, jobs.values())))
    return {name: (*jobs[name], done[name]) for name in jobs}


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_a_bad_word_paper_is_one_error_in_words_terms(name, cli_runs):
    paper, out, done = cli_runs[name]
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: "), done.stderr
    check(name, paper, done.stderr.strip().removeprefix("error: "))
    assert [p.name for p in out.iterdir()] == ["index.md"]
    assert (out / "index.md").read_text(encoding="utf-8") == PREVIOUS
    assert sorted(p.name for p in paper.parent.iterdir()) == sorted([name, "pages"]), "temporary files left behind"


@pytest.mark.parametrize("name", ["footnote-without-text.docx", "questions-numbered.docx"])
def test_mkdocs_gives_one_error_for_a_bad_word_paper_and_keeps_the_site(name, tmp_path):
    config = paper_project(tmp_path, paper=BAD / name, bibliography=ARC_BIB)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(PREVIOUS, encoding="utf-8")
    done = mkdocs_build(site, config=config)
    assert done.returncode != 0
    paper = tmp_path / "inputs" / name
    assert done.stderr.count("ERROR") == 1, done.stderr
    check(name, paper, done.stderr[done.stderr.index(f"{paper}: "):].split("\n")[0])
    assert [p.name for p in site.iterdir()] == ["index.html"]


@pytest.mark.parametrize("data, fix", [
    pytest.param((WORD / "arc-2023-two-days.docx").read_bytes(), "if it is the paper's Word file, name it 2023.docx",
                 id=".docx"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 64, "open it in Word and save it as 2023.docx",
                 id=".doc"),  # an OLE file's signature, as Word 97-2003 writes it
])
def test_a_word_file_named_md_says_how_to_name_it(data, fix, tmp_path):
    (tmp_path / "2023.md").write_bytes(data)
    with pytest.raises(PaperError) as info:
        read_paper(tmp_path / "2023.md")
    assert info.value.message.partition(" — ")[2].startswith(fix), info.value.message


def test_a_damaged_word_file_is_one_error_naming_it(tmp_path):
    with zipfile.ZipFile(tmp_path / "2030.docx", "w") as docx:
        docx.writestr("word/document.xml", "<w:document>cut off here")
    with pytest.raises(PaperError) as info:
        read_paper(tmp_path / "2030.docx")
    assert str(info.value).startswith(f"{tmp_path / '2030.docx'}: pandoc could not read this Word file (")
    assert info.value.message.endswith("save it again as a Word document (.docx)")


def edited_docx(docx: Path, changes: dict[str, tuple[tuple[str, str], ...]]) -> bytes:
    """The Word file with each of its parts (``word/styles.xml``…) changed as given, each change made once."""
    import io
    out = io.BytesIO()
    with zipfile.ZipFile(docx) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            part = zin.read(info).decode("utf-8")
            for old, new in changes.get(info.filename, ()):
                assert part.count(old) == 1, (info.filename, old)
                part = part.replace(old, new)
            zout.writestr(info, part)
    return out.getvalue()


@pytest.mark.parametrize("caps", ["the style", "the text"])
def test_a_heading_in_all_caps_is_in_capitals_as_word_shows_it(caps, tmp_path):
    """Word's All Caps (Font › All caps) on the Heading 1 style or on the text itself: the heading typed in
    sentence case is shown in capitals, and read so; without it, it is a day heading not in capitals."""
    day = read_paper(ARC).days[1]
    typed = day.heading.split(" - ")[0].title() + " - " + day.heading.split(" - ", 1)[1].capitalize()
    assert typed != day.heading and typed.upper() == day.heading
    text = (f'<w:t xml:space="preserve">{day.heading}</w:t>', f'<w:t xml:space="preserve">{typed}</w:t>')
    on_style = {"word/styles.xml": (('<w:outlineLvl w:val="0" />\n    </w:pPr>\n    <w:rPr>',
                                     '<w:outlineLvl w:val="0" />\n    </w:pPr>\n    <w:rPr><w:caps />'),),
                "word/document.xml": (text,)}
    on_text = {"word/document.xml": ((f"<w:r>{text[0]}", f"<w:r><w:rPr><w:caps /></w:rPr>{text[1]}"),)}
    source = WORD / "arc-2023-two-days.docx"
    (tmp_path / "caps.docx").write_bytes(edited_docx(source, on_style if caps == "the style" else on_text))
    assert_same_paper(read_paper(tmp_path / "caps.docx"), read_paper(ARC))
    (tmp_path / "typed.docx").write_bytes(edited_docx(source, {"word/document.xml": (text,)}))
    with pytest.raises(PaperError) as info:
        read_paper(tmp_path / "typed.docx")
    assert info.value.message.startswith(f"in the heading '{typed[:20]}")
    assert "written in capitals" in info.value.message
