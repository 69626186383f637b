"""Robust input: every bad paper gives one clear error, `FILE:LINE: what — how to fix`, exits non-zero through the
installed command line (`paper2site paper out`) and through `mkdocs build --strict`, and leaves the previous output
as it was. Harmless variations (sentence-case section headings, no-break spaces, a note run into its paragraph…)
build exactly the pages of the paper as written. Raw HTML in a paper is shown as text and never run; CRLF line ends
and a BOM simply work. The README's build command never leaves a half-written site/.

The bad papers in tests/fixtures/bad_papers/ are each the synthetic two-day paper
(tests/fixtures/papers/arc-2023-two-days.md) with one thing broken (but pdf-file.md, binary.md; the pandoc-*.md
ones are that paper as pandoc writes it from Word, tests/fixtures/papers/pandoc/arc-2023-pandoc-block-notes.md,
with one thing broken; the bad Word files in word/ are tests/test_word.py's); the very large ones are made here. CASES says, for each, the line the error names (found in the bad file itself, by its text),
words of what is wrong and words of the fix.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from paperkit import cli

from .conftest import FIXTURES, ROOT, mkdocs_build
from .projects import paper_project, resolver_wired

BAD = FIXTURES / "bad_papers"
GOOD = FIXTURES / "papers" / "arc-2023-two-days.md"
GOOD_BIB = FIXTURES / "papers" / "arc-2023-two-days.bib"
PREVIOUS = "<p>the previous build</p>\n"
PAPER2SITE = Path(sys.executable).parent / "paper2site"


@dataclass(frozen=True)
class Bad:
    at: int | str
    """The line the error names: a number, or text that only that line of the bad paper holds."""
    what: str
    """Words the message must say about what is wrong (before its dash)."""
    fix: str
    """Words the message must say about how to fix it (after its dash)."""
    resolver: bool = False
    """Found by the note resolver (issue 3), not the parser."""


CASES: dict[str, Bad] = {
    # -- not a paper at all: encoding, binary, size -------------------------------------------------------------
    "binary.md": Bad(1, "is not UTF-8 text (byte 0x89)", "save the paper as UTF-8"),
    "latin-1.md": Bad("Rh", "is not UTF-8 text (byte 0xf4)", "save the paper as UTF-8"),
    "utf-16.md": Bad(1, "is UTF-16 text", "saved as UTF-8"),
    "pdf-file.md": Bad(1, "is a PDF file", "export the paper as Markdown"),
    "nul-byte.md": Bad("Riparian\x00States", "contains a NUL byte", "export the paper as Markdown"),
    "empty.md": Bad(1, "the paper is empty", "put the background paper's Markdown in this file"),
    "whitespace-only.md": Bad(1, "the paper is empty", "put the background paper's Markdown in this file"),
    "not-a-paper.md": Bad("We met on Tuesday", "found no introduction: expected a heading in capitals",
                          "put the introduction's heading, in capitals, above its first paragraph"),
    # -- characters: invisible, damaged, mojibake, notes in another notation ------------------------------------
    "zero-width-space-in-heading.md": Bad("BACKGROUND IN\u200b", "U+200B ZERO WIDTH SPACE at column 14", "delete it"),
    "zero-width-space-in-paragraph.md": Bad("abstraction\u200b data", "U+200B ZERO WIDTH SPACE at column 47",
                                            "delete it"),
    "word-joiner-before-marker.md": Bad("in dry years.\u2060", "U+2060 WORD JOINER at column 187", "delete it"),
    "byte-order-mark-mid-file.md": Bad("\ufeffINTRODUCTION", "U+FEFF ZERO WIDTH NO-BREAK SPACE at column 1",
                                       "delete it"),
    "bidi-override.md": Bad("What prevents", "U+202E RIGHT-TO-LEFT OVERRIDE at column 6", "delete it"),
    "soft-hyphen.md": Bad("abstrac\u00adtion", "U+00AD SOFT HYPHEN at column 43", "delete it"),
    "line-separator.md": Bad("each other\u2028of", "U+2028 LINE SEPARATOR at column 117", "delete it"),
    "form-feed-page-break.md": Bad("plan their withdrawals", "U+000C FORM FEED at column 1",
                                   "a page break left by the PDF's export: delete it"),
    "private-use-bullet.md": Bad("In practice, most States", "U+F0B7 PRIVATE USE CHARACTER at column 1",
                                 "replace it with the character it shows in the PDF"),
    "replacement-character.md": Bad("Secretariat pr", "U+FFFD REPLACEMENT CHARACTER at column 19",
                                    "type the character the PDF shows there"),
    "mojibake-quotes.md": Bad("â€œSurvey", "'â€œ' at column 23 is mojibake: UTF-8 text that was read as "
                                           "Windows-1252", "export the paper again as UTF-8, or replace every 'â€œ' "
                                                           "with '“'"),
    "mojibake-apostrophe.md": Bad("Statesâ€™", "'â€™' at column 142 is mojibake", "replace every 'â€™' with '’'"),
    "mojibake-accent.md": Bad("GenÃ¨ve", "'Ã¨' at column 26 is mojibake", "replace every 'Ã¨' with 'è'"),
    "markdown-footnote-marker.md": Bad("every quarter.[^6]", "'[^6]' at column 67 is a Markdown footnote",
                                       "write the marker as superscript digits right after the text"),
    "markdown-footnote-definition.md": Bad("[^6]: See", "'[^6]:' at column 1 is a Markdown footnote",
                                           "the note as a paragraph of its own that starts with them"),
    "html-superscript-marker.md": Bad("<sup>6</sup>", "'<sup>6</sup>' at column 67 is an HTML superscript",
                                      "write the marker as superscript digits"),
    "caret-superscript-marker.md": Bad("^5^", "'^5^' at column 187 is a superscript in caret notation",
                                       "write the marker as superscript digits"),
    # -- the title block, the introduction and its list of challenges -------------------------------------------
    "missing-title-block.md": Bad(1, "found no title block before the introduction's heading",
                                  "the paper must start with its title lines"),
    "missing-title-block-dates.md": Bad(1, "the title block has no line of dates", "add it below the title line"),
    "title-dates-misspelt-month.md": Bad("7-8 FEBUARY 2023", "'FEBUARY' in the title block's dates is not a month "
                                                             "(did you mean FEBRUARY?)", "correct it"),
    "marker-in-title-block.md": Bad("WINTER 2023¹", "note marker ¹ in the title block",
                                    "move the marker to the end of the first sentence below it"),
    "missing-introduction-heading.md": Bad("In its founding charter",
                                           "found no introduction: expected a heading in capitals",
                                           "put the introduction's heading, in capitals, above its first paragraph"),
    "intro-list-letter-skipped.md": Bad("- c) Data on water", "item (c) follows (a): expected (b)",
                                        "letter the items a), b), c)… in order"),
    "intro-item-misspelt-month.md": Bad("(8 Febuary 2023)", "'Febuary' in '8 Febuary 2023' is not a month (did you "
                                                            "mean February?)",
                                        "correct it (the day heading at line 52, 8 February 2023, matches no item"),
    "intro-item-impossible-date.md": Bad("(31 February 2023)", "item (b) of the introduction's list: '31 February "
                                                               "2023' is not a date", "correct it (the day heading "
                                                                                      "at line 52"),
    "intro-list-as-paragraphs.md": Bad("(a) Glacier", "the introduction gives 7 February 2023 in a paragraph, not in "
                                                      "its lettered list of challenges",
                                       "write each challenge on a line of its own: '- a) <the challenge>"),
    "intro-item-without-date.md": Bad("- b) Data on water", "item (b) of the introduction's list has no date in "
                                                            "brackets at its end", "end it with '(8 February 2023);'"),
    "intro-item-abbreviated-month.md": Bad("(8 Feb 2023)", "'Feb' in '8 Feb 2023' is not a month (did you mean "
                                                           "February?)", "correct it"),
    "two-challenges-same-date.md": Bad("- b) Data on water", "items (a) (line 20) and (b) of the introduction's list "
                                                             "both give 7 February 2023",
                                       "correct the date of item (b)"),
    "truncated-after-a-day.md": Bad("- b) Data on water", "the introduction announces (b) for 8 February 2023, but "
                                                          "no day heading for it follows",
                                    "add the day ('8 FEBRUARY 2023 - DATA ON WATER"),
    # -- day headings -------------------------------------------------------------------------------------------
    "no-thematic-day.md": Bad("INTRODUCTION", "found no thematic day", "start each day with such a heading"),
    "day-heading-matches-no-item.md": Bad("9 FEBRUARY 2023 - DATA", "the day heading gives 9 February 2023, but the "
                                                                    "introduction's item (b) with this challenge "
                                                                    "(line 21) gives 8 February 2023",
                                          "make the two dates agree"),
    "day-heading-not-in-introduction.md": Bad("FISH LADDERS", "no item of the introduction's list names 9 February "
                                                              "2023", "add '- x) <the challenge> (9 February 2023);'"),
    "day-heading-wrong-date.md": Bad("30 FEBRUARY 2023", "'30 FEBRUARY 2023' is not a date", "correct the day heading"),
    "day-heading-other-wording.md": Bad("DATA ON WATER QUALITY",
                                        "the day heading's wording does not match the introduction's item (b)",
                                        "make the two say the same"),
    "day-heading-wrapped.md": Bad("7 FEBRUARY 2023 - GLACIER MELT IS CHANGING",
                                  "this day heading goes on over 2 lines", "write it on one line"),
    "day-heading-wrapped-with-a-blank-line.md": Bad("7 FEBRUARY 2023 - GLACIER MELT IS CHANGING\n",
                                                    "this day heading goes on at line 31 ('THE TIMING OF RIVER "
                                                    "FLOWS')", "write it on one line"),
    "day-heading-runs-into-text.md": Bad("7 FEBRUARY 2023 - GLACIER", "the day heading runs into the text below it",
                                         "put a blank line after the day heading"),
    "day-heading-misspelt-month.md": Bad("8 FEBUARY 2023", "'FEBUARY' in this day heading is not a month (did you "
                                                           "mean FEBRUARY?)", "correct it"),
    "day-heading-sentence-case.md": Bad("8 February 2023 - Data", "a day heading is written in capitals",
                                        "write it '8 FEBRUARY 2023 - DATA ON WATER"),
    "day-heading-no-dash.md": Bad("8 FEBRUARY 2023 DATA", "the day heading has no dash between its date and its "
                                                          "challenge", "write it '8 FEBRUARY 2023 - DATA ON WATER"),
    "day-heading-month-first.md": Bad("FEBRUARY 8, 2023", "this day heading's date is not written '<day> <MONTH> "
                                                          "<year>'", "write it as the paper does"),
    "day-heading-without-year.md": Bad("8 FEBRUARY - DATA", "this day heading has no year",
                                       "write it '<day> <MONTH> <year> - <THE CHALLENGE>'"),
    "day-heading-with-weekday.md": Bad("WEDNESDAY, 8 FEBRUARY", "this day heading's date is not written '<day> "
                                                                "<MONTH> <year>'", "write it as the paper does"),
    "day-heading-wrapped-after-date.md": Bad("7 FEBRUARY 2023\n- GLACIER", "this day heading goes on over 2 lines",
                                             "write it on one line"),
    "day-twice.md": Bad("RIPARIAN STATES\n\nPOLICY COMMITMENTS\n\nRiparian States met again",
                        "a second day heading for 8 February 2023 (the first is at line 52)",
                        "correct this date or remove the repeated part"),
    "marker-in-day-heading.md": Bad("RIPARIAN STATES⁶", "note marker ⁶ in the day heading",
                                    "move the marker to the end of the first sentence below it"),
    # -- sections -----------------------------------------------------------------------------------------------
    "day-without-section-heading.md": Bad("Riparian States agreed", "a day must start with a section heading",
                                          "put the section's heading, on a line of its own, above this text"),
    "section-before-day-heading.md": Bad("POLICY COMMITMENTS\n\nIn the founding", "'POLICY COMMITMENTS' comes before any day heading",
                                         "is the day heading above it missing?"),
    "unknown-section-heading.md": Bad("FINANCIAL IMPLICATIONS", "unknown section heading 'FINANCIAL IMPLICATIONS'",
                                      "expected one of: POLICY COMMITMENTS, BACKGROUND INFORMATION"),
    "unknown-section-misspelt.md": Bad("INFROMATION", "(did you mean BACKGROUND INFORMATION?)",
                                       "expected one of: POLICY COMMITMENTS"),
    "duplicate-section.md": Bad("POLICY COMMITMENTS\n\nIn practice", "a second 'POLICY COMMITMENTS' in this day "
                                                                      "(the first is at line 54)",
                                "merge the two, or correct this heading"),
    "marker-in-section-heading.md": Bad("POLICY COMMITMENTS³", "note marker ³ in the section heading",
                                        "move the marker to the end of the first sentence below it"),
    "marker-in-subheading.md": Bad("Earlier floods⁴", "note marker in the sub-heading 'Earlier floods⁴'",
                                   "move the marker to the end of the first sentence below it"),
    # -- discussion questions -----------------------------------------------------------------------------------
    "questions-missing.md": Bad("7 FEBRUARY 2023 - GLACIER", "this day has no 'DISCUSSION QUESTIONS:' section",
                                "add it at the end of the day"),
    "questions-empty.md": Bad(68, "the list of discussion questions is empty",
                              "write the day's questions below this heading as lettered items"),
    "truncated-in-a-day.md": Bad("8 FEBRUARY 2023 - DATA", "this day has no 'DISCUSSION QUESTIONS:' section",
                                 "add it at the end of the day"),
    "truncated-in-a-note-block.md": Bad("⁶ See [R/20", "the paper ends here, in a note block, before the "
                                                      "discussion questions of the day at line 52",
                                        "is the paper cut short? Put back the rest of it"),
    "questions-letter-skipped.md": Bad("- c) What prevents", "question (c) follows (a): expected (b)",
                                       "letter the questions a), b), c)… in order, none left out"),
    "questions-letters-out-of-order.md": Bad("- b) How are reservoirs", "question (b) comes first: expected (a)",
                                             "letter the questions a), b), c)… in order"),
    "questions-letter-repeated.md": Bad("- b) How could", "question (b) follows (b): expected (c)",
                                        "letter the questions a), b), c)… in order"),
    "questions-numbered.md": Bad("1. Which data", "this question is not written '- x) …'",
                                 "write each question on a line of its own as '- a) …', '- b) …'"),
    "questions-bulleted.md": Bad("- Which data", "this question is not written '- x) …'",
                                 "write each question on a line of its own as '- a) …'"),
    "questions-capital-letters.md": Bad("- A) Which data", "this question is not written '- x) …'",
                                        "a dash, a space, a small letter and a bracket"),
    "questions-letters-in-brackets.md": Bad("(a) How are", "this question is not written '- x) …'",
                                            "a dash, a space, a small letter and a bracket"),
    "questions-mixed-forms.md": Bad("- b. What prevents", "this question is not written '- x) …'",
                                    "write each question on a line of its own"),
    "question-without-space.md": Bad("- b)What prevents", "this question is not written '- x) …'",
                                     "a dash, a space, a small letter and a bracket"),
    "list-line-mixed-with-text.md": Bad("These questions are indicative.",
                                        "a line inside a lettered list is not an item",
                                        "separate it from the list with a blank line"),
    # -- notes --------------------------------------------------------------------------------------------------
    "orphan-marker.md": Bad("three weeks earlier", "note 5 is referenced but never defined",
                            "add its text ('⁵ …') in the note block below the paragraph"),
    "orphan-marker-last-note.md": Bad("In practice, most States", "note 7 is referenced but never defined",
                                      "add its text ('⁷ …')"),
    "orphan-note.md": Bad("⁸ A note", "note 8 is never referenced", "add the marker ⁸ after the sentence it supports"),
    "orphan-note-marker-dropped.md": Bad("⁵ Ibid.", "note 5 is never referenced", "add the marker ⁵"),
    "duplicate-marker.md": Bad("in dry years.⁴", "note 4 is referenced twice", "each marker needs its own note number"),
    "duplicate-note.md": Bad("figure 5.", "note 4 is defined twice", "renumber or remove one"),
    "skipped-marker-number.md": Bad("every quarter.⁹", "note marker 9 is out of order: expected 6",
                                    "notes are numbered through the whole paper"),
    "skipped-note-number.md": Bad("⁹ See", "note 9 is out of order: expected note 6",
                                  "notes are numbered through the whole paper"),
    "note-number-without-space.md": Bad("⁴*Glacier", "the note number ⁴ is not followed by a space",
                                        "write '⁴ *Glacier Survey 2022*, figure 3.'"),
    "note-number-mixed-digits.md": Bad("⁵0 Ibid.", "the note number mixes superscript and ordinary digits ('⁵0')",
                                       "write it in superscript digits only"),
    "two-notes-on-one-line.md": Bad("³ Ibid., p. 12. ⁴", "note 3 holds another note number (⁴): two notes on one "
                                                          "line?", "put each note on a line of its own"),
    "note-without-text.md": Bad(43, "note 5 has no text", "write its text after the number, or delete the line"),
    "ibid-with-nothing-before.md": Bad("¹ Ibid.", "note 1", "write the source out in full", resolver=True),
    "ibid-after-two-sources.md": Bad("⁷ Ibid.", "note 7", "write out which one note 7 means", resolver=True),
    "unknown-source.md": Bad("⁷ Lake Board", "Atlas of Lakes 2021", "add an entry whose title or symbol is",
                             resolver=True),
    # -- pandoc's Markdown (tests/fixtures/papers/pandoc/arc-2023-pandoc-block-notes.md with one thing broken) --
    "pandoc-note-undefined.md": Bad("dry years.[^5]", "note 5 is referenced but never defined",
                                    "add its text ('[^5]: …') below the paragraph"),
    "pandoc-note-never-referenced.md": Bad("[^6]: See", "note 6 is never referenced",
                                           "add the marker [^6] after the sentence it supports"),
    "pandoc-note-number-skipped.md": Bad("every quarter.[^9]", "note marker 9 is out of order: expected 6",
                                         "notes are numbered through the whole paper"),
    "pandoc-note-without-text.md": Bad("[^5]:", "note [^5] has no text", "write its text after '[^5]: '"),
    "pandoc-note-not-numbered.md": Bad("dry years.[^glacier]", "the note '[^glacier]' is not numbered",
                                       "write it '[^1]', '[^2]', … in the order of the markers"),
    "pandoc-mixed-notations.md": Bad("every quarter.⁶", "'⁶' at column 67 is a superscript note number, but the "
                                                       "paper's other notes are Markdown footnotes (the first at "
                                                       "line 23: '[^1]')", "write every note in one notation"),
    "pandoc-question-list-numbered.md": Bad("1.  Which data", "this question is not lettered 'a)'",
                                            "letter each question 'a)', 'b)', 'c)'…"),
}

# made here, not committed: a 5 MB paper and a line of 1 MB
FILLER = "Riparian States compared their flood records over many years of joint work.\n\n"
HUGE_LINE = "Gauges " * 150_000


def generated(name: str) -> bytes:
    good = GOOD.read_text(encoding="utf-8")
    if name == "huge-paper.md":
        return good.replace("POLICY COMMITMENTS\n\nRiparian",
                            "POLICY COMMITMENTS\n\n" + FILLER * (5_000_000 // len(FILLER)) + "Riparian").encode()
    if name == "huge-line.md":
        return good.replace("Riparian States agreed", HUGE_LINE + "\n\nRiparian States agreed").encode()
    raise KeyError(name)


GENERATED: dict[str, Bad] = {
    "huge-paper.md": Bad(1, "characters long; a background paper is at most", "is this the right file?"),
    "huge-line.md": Bad("Gauges Gauges", "characters long; a paragraph is at most",
                        "did the export lose its line breaks?"),
}
ALL = {**CASES, **GENERATED}


def test_the_corpus_is_what_the_table_says():
    assert sorted(p.name for p in BAD.iterdir() if p.is_file()) == sorted(CASES)  # word/: tests/test_word.py
    assert len(ALL) >= 50


def paper_bytes(name: str) -> bytes:
    return generated(name) if name in GENERATED else (BAD / name).read_bytes()


def expected_line(name: str) -> int:
    bad = ALL[name]
    if isinstance(bad.at, int):
        return bad.at
    text = paper_bytes(name).decode("utf-8", errors="replace")
    if "\n" in bad.at:
        assert text.count(bad.at) == 1, f"{name}: '{bad.at}' must be in the paper exactly once"
        return text[:text.index(bad.at)].count("\n") + 1
    found = [n for n, line in enumerate(text.split("\n"), 1) if bad.at in line]
    assert len(found) == 1, f"{name}: '{bad.at}' must be on exactly one line, is on {found}"
    return found[0]


def check_message(name: str, message: str) -> None:
    """One message, ``what — how to fix``, that says both."""
    bad = ALL[name]
    what, dash, fix = message.partition(" — ")
    assert dash, f"no ' — ' between what is wrong and how to fix it: {message}"
    assert bad.what in what, message
    assert bad.fix in fix, message


def skip_unless_resolved(name: str) -> None:
    if ALL[name].resolver and not resolver_wired():
        pytest.skip("the pipeline does not resolve notes yet (issue 3)")


@pytest.fixture(scope="module")
def mkdocs_runs(tmp_path_factory) -> dict[str, tuple[Path, Path, subprocess.CompletedProcess[str]]]:
    """`mkdocs build --strict` of every bad paper, into a site folder holding a previous build (run in parallel)."""
    jobs = {}
    for name in ALL:
        where = tmp_path_factory.mktemp(name.removesuffix(".md"))
        config = paper_project(where, paper=paper_bytes(name), bibliography=GOOD_BIB)
        site = where / "site"
        site.mkdir()
        (site / "index.html").write_text(PREVIOUS, encoding="utf-8")
        jobs[name] = (where / "inputs" / "paper.md", site, config)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        done = dict(zip(jobs, pool.map(lambda j: mkdocs_build(j[1], config=j[2]), jobs.values())))
    return {name: (paper, site, done[name]) for name, (paper, site, _) in jobs.items()}


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory) -> dict[str, tuple[Path, Path, subprocess.CompletedProcess[str]]]:
    """The installed `paper2site PAPER OUT` on every bad paper, into an output folder holding a previous page (run
    in parallel)."""
    jobs = {}
    for name in ALL:
        where = tmp_path_factory.mktemp(f"cli-{name.removesuffix('.md')}")
        paper = where / name
        paper.write_bytes(paper_bytes(name))
        out = where / "pages"
        out.mkdir()
        (out / "index.md").write_text(PREVIOUS, encoding="utf-8")
        jobs[name] = (paper, out)

    def run(job: tuple[Path, Path]) -> subprocess.CompletedProcess[str]:
        paper, out = job
        return subprocess.run([PAPER2SITE, str(paper), str(out), "--bibliography", str(GOOD_BIB)],
                              capture_output=True, text=True, timeout=300)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        done = dict(zip(jobs, pool.map(run, jobs.values())))
    return {name: (paper, out, done[name]) for name, (paper, out) in jobs.items()}


@pytest.mark.parametrize("name", sorted(ALL))
def test_cli_gives_one_error_and_keeps_the_output(name, cli_runs):
    """`paper2site paper out`: exit 1, one line `error: FILE:LINE: what — fix`, the output folder as it was."""
    skip_unless_resolved(name)
    paper, out, done = cli_runs[name]
    assert done.returncode == 1, done.stderr
    first, *more = done.stderr.strip().split("\n")
    assert first.startswith(f"error: {paper}:{expected_line(name)}: "), done.stderr
    check_message(name, first.removeprefix(f"error: {paper}:{expected_line(name)}: "))
    if not ALL[name].resolver:  # the resolver lists every unresolved note below its first line
        assert more == [], done.stderr
    assert [p.name for p in out.iterdir()] == ["index.md"]
    assert (out / "index.md").read_text(encoding="utf-8") == PREVIOUS
    assert sorted(p.name for p in paper.parent.iterdir()) == sorted([name, "pages"]), "temporary folders left behind"


def test_the_installed_command_exits_non_zero_and_writes_nothing(tmp_path):
    out = tmp_path / "pages"
    done = subprocess.run([PAPER2SITE, str(BAD / "orphan-marker.md"), str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.startswith(f"error: {BAD / 'orphan-marker.md'}:{expected_line('orphan-marker.md')}: ")
    assert not out.exists()


@pytest.mark.parametrize("name", sorted(ALL))
def test_mkdocs_gives_one_error_and_keeps_the_site(name, mkdocs_runs):
    skip_unless_resolved(name)
    paper, site, done = mkdocs_runs[name]
    assert done.returncode != 0
    assert f"{paper}:{expected_line(name)}: " in done.stderr, done.stderr
    message = done.stderr.split(f"{paper}:{expected_line(name)}: ", 1)[1].split("\n")[0]
    check_message(name, message)
    assert done.stderr.count("ERROR") == 1, done.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == PREVIOUS


# -- input that is not an error ---------------------------------------------------------------------------------

def cli_pages(paper: Path, tmp_path: Path) -> dict[str, str]:
    out = tmp_path / f"pages-{paper.name}"
    assert cli.main([str(paper), str(out), "--bibliography", str(GOOD_BIB)]) == 0
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")  # a question's own page is in its day's folder
            for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("variant", ["crlf", "bom", "bom+crlf", "cr"])
def test_crlf_and_bom_simply_work(variant, tmp_path):
    text = GOOD.read_text(encoding="utf-8")
    data = text.replace("\n", "\r\n" if "crlf" in variant else "\r" if variant == "cr" else "\n").encode()
    if "bom" in variant:
        data = b"\xef\xbb\xbf" + data
    assert data != GOOD.read_bytes()
    odd = tmp_path / "odd.md"
    odd.write_bytes(data)
    assert cli_pages(odd, tmp_path) == cli_pages(GOOD, tmp_path)
    done = mkdocs_build(tmp_path / "site", config=paper_project(tmp_path, paper=data,
                                                                 bibliography=GOOD_BIB))
    assert done.returncode == 0, done.stderr


def edited(*changes: tuple[str, str]) -> str:
    text = GOOD.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    return text


DAY_1 = "7 FEBRUARY 2023 - GLACIER MELT"
# Harmless variations an editor's export may bring: each builds exactly the site of the paper as written.
ACCEPTED = {
    "section headings in sentence case": edited(("POLICY COMMITMENTS", "Policy commitments"),
                                                ("BACKGROUND INFORMATION", "Background Information"),
                                                ("DISCUSSION QUESTIONS:", "Discussion questions:")),
    "Markdown heading marks": edited(("INTRODUCTION", "# INTRODUCTION"), (DAY_1, f"## {DAY_1}"),
                                     ("8 FEBRUARY 2023 - DATA", "## 8 FEBRUARY 2023 - DATA"),
                                     ("POLICY COMMITMENTS", "### POLICY COMMITMENTS")),
    "no-break spaces around markers and in headings": edited(("in dry years.⁵", "in dry years.\u00a0⁵"),
                                                             ("every quarter.⁶", "every quarter.\u202f⁶"),
                                                             ("POLICY COMMITMENTS", "POLICY\u00a0COMMITMENTS"),
                                                             (DAY_1, DAY_1.replace(" ", "\u00a0", 2))),
    "a space before a marker": edited(("in dry years.⁵", "in dry years. ⁵")),
    "notes without blank lines around them": edited(("in dry years.⁵\n\n³", "in dry years.⁵\n³"),
                                                    ("p. 12.\n\n⁴", "p. 12.\n⁴")),
    "a heading run into its text": edited(("POLICY COMMITMENTS\n\n", "POLICY COMMITMENTS\n")),
    "indented lines": edited(("- a) ", "  - a) "), ("⁴ *Glacier", "\t⁴ *Glacier")),
    "lettered items wrapped onto more lines": edited(("timing of river flows (7 February", "timing\nof river flows (7 "
                                                                                          "February"),
                                                     ("being operated for earlier", "being operated\nfor earlier")),
    "a dash other than the hyphen in a day heading": edited(("7 FEBRUARY 2023 - GLACIER", "7 FEBRUARY 2023 − GLACIER")),
}


@pytest.mark.parametrize("variant", sorted(ACCEPTED))
def test_harmless_variations_build_the_same_site(variant, tmp_path):
    odd = tmp_path / "odd.md"
    odd.write_text(ACCEPTED[variant], encoding="utf-8")
    assert cli_pages(odd, tmp_path) == cli_pages(GOOD, tmp_path)


HOSTILE = {
    "paragraph": 'They wrote <script>alert("paragraph")</script> and <img src=x onerror="alert(1)"> in <b>bold</b>.',
    "note": '<script>document.title="note"</script> and [a link](javascript:alert(2)).',
    "definition": "[evil]: javascript:alert(3).",
    "reference": "Read [the map][evil] or [this](JavaScript:alert(4)).",
    "question": "<iframe src=\"https://example.org/\"></iframe> What now?",
}


def hostile_paper() -> str:
    text = GOOD.read_text(encoding="utf-8")
    text = text.replace("every quarter.⁶", f"every quarter. {HOSTILE['paragraph']}⁶")
    text = text.replace('(Geneva, 2022).', f"(Geneva, 2022). {HOSTILE['note']}")
    text = text.replace("plan their withdrawals on figures that are months old.",
                        f"plan their withdrawals on figures that are months old.\n\n{HOSTILE['definition']}\n\n"
                        f"{HOSTILE['reference']}")
    return text.replace("- b) What prevents quarterly reporting today?", f"- b) {HOSTILE['question']}")


def test_raw_html_in_the_paper_is_shown_as_text_and_never_run(tmp_path):
    config = paper_project(tmp_path, paper=hostile_paper(), bibliography=GOOD_BIB)
    done = mkdocs_build(tmp_path / "site", config=config)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "site" / "2023" / "8-february" / "index.html").read_text(encoding="utf-8")  # the 2023 paper
    for tag in ("<script>alert", "<script>document", "<img src=x", "<iframe", "<b>bold"):
        assert tag not in page, tag
    assert not re.search(r'href="\s*(javascript|vbscript|data):(?!void\(0\))', page, re.I), "a link that runs code"
    assert "[the map][evil]" in page and "[evil]: javascript:alert(3)." in page
    for shown in ("&lt;script&gt;alert", "&lt;img src=x onerror=", "&lt;b&gt;bold&lt;/b&gt;",
                  "&lt;script&gt;document.title", "&lt;iframe src="):
        assert shown in page, shown


# -- atomic builds: the README's build command never leaves a half-written site/ --------------------------------

DEV = ROOT / "scripts" / "dev.py"
LINK_TO_A_MISSING_FILE = ("every quarter.⁶", "every quarter (see [the annex](annex.md)).⁶")


def folder_state(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b"/"
            for p in sorted(folder.rglob("*"))}


def previous_site(where: Path) -> Path:
    site = where / "site"
    (site / "old-page").mkdir(parents=True)
    (site / "index.html").write_text(PREVIOUS, encoding="utf-8")
    (site / "old-page" / "index.html").write_text(PREVIOUS, encoding="utf-8")
    return site


def dev_build(config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(DEV), "build", "-f", str(config), "-d", str(site)],
                          capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("failure", ["a strict-mode warning", "a paper error"])
def test_a_failed_build_leaves_the_site_as_it_was(failure, tmp_path):
    paper = edited(LINK_TO_A_MISSING_FILE) if failure == "a strict-mode warning" else paper_bytes("orphan-marker.md")
    config = paper_project(tmp_path, paper=paper, bibliography=GOOD_BIB)
    site = previous_site(tmp_path)
    before = folder_state(site)
    done = dev_build(config, site)
    assert done.returncode != 0
    assert "annex.md" in done.stderr if failure == "a strict-mode warning" else "note 5" in done.stderr
    assert f"{site}/ is left as it was" in done.stdout
    assert folder_state(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inputs", "site"], "a temporary folder left behind"


@pytest.mark.parametrize("failure", ["a strict-mode warning", "a paper error"])
def test_plain_mkdocs_build_leaves_the_site_as_it_was_too(failure, tmp_path):
    """Plain `mkdocs build --strict` (hooks/atomic_site.py): MkDocs would empty the site folder and write the new
    pages into it before the strict-mode warning stops it; the hook builds beside it and swaps only on success."""
    paper = edited(LINK_TO_A_MISSING_FILE) if failure == "a strict-mode warning" else paper_bytes("orphan-marker.md")
    config = paper_project(tmp_path, paper=paper, bibliography=GOOD_BIB)
    site = previous_site(tmp_path)
    before = folder_state(site)
    done = mkdocs_build(site, config=config)
    assert done.returncode != 0
    assert "annex.md" in done.stderr if failure == "a strict-mode warning" else "note 5" in done.stderr
    assert folder_state(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inputs", "site"], "a temporary folder left behind"


def test_plain_mkdocs_build_puts_the_new_site_in_place(tmp_path):
    config = paper_project(tmp_path, paper=GOOD, bibliography=GOOD_BIB)
    site = previous_site(tmp_path)
    done = mkdocs_build(site, config=config)
    assert done.returncode == 0, done.stderr
    assert not (site / "old-page").exists()                                    # the old site is gone, whole
    assert (site / "index.html").read_text(encoding="utf-8") != PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inputs", "site"], "a temporary folder left behind"


def test_a_build_that_succeeds_replaces_the_site_whole(tmp_path):
    config = paper_project(tmp_path, paper=GOOD, bibliography=GOOD_BIB)
    site = previous_site(tmp_path)
    done = dev_build(config, site)
    assert done.returncode == 0, done.stderr
    assert not (site / "old-page").exists()
    assert "7-february" in {p.name for p in (site / "2023").iterdir()}  # the two-day paper: 2023
    assert (site / "index.html").read_text(encoding="utf-8") != PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inputs", "site"], "a temporary folder left behind"
