"""A whole project (paper, bibliography, topics, synonyms, glossary) with the same text put into every field the
site shows, for the output-safety tests (issue 10, section 1).

    project = payload_project(tmp_path / "hostile", PAYLOAD)    # every field ends in the payload set
    project = payload_project(tmp_path / "harmless", HARMLESS)  # the same paper with plain words instead

Each field keeps what the paper's format needs (a day heading in capitals, the introduction item's date, a note's
source named first) and gets ``MARK`` and the text added. ``MARK`` is a word found nowhere else: search for it, or
find where a field landed. The project is a copy of the real one (mkdocs.yml, overrides, hooks, docs) with its own
``papers/`` and ``footnotes/``, so that the glossary, the topic list and the synonyms are the project's own too.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

from .conftest import FIXTURES, ROOT

PAPER = FIXTURES / "papers" / "cnd-2024-five-days.md"
BIBLIOGRAPHY = FIXTURES / "papers" / "cnd-2024-five-days.bib"

PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><b>x</b>', "javascript:alert(1)",
            '"', "&", "'", "*x*{ onclick=alert(1) }", "[x](javascript:alert(1))", "é")
"""Markup, a script link, an attribute list, a lone quote, ampersand, apostrophe, an accent."""
MARK = "zqmark"
PAYLOAD = " ".join(PAYLOADS)
SHOWN = PAYLOAD.replace("*x*", "x")
"""The payloads as a reader sees them: all as written, but ``*x*``, the paper's own emphasis."""
HARMLESS = "plain words in place"

# a line of the paper, by kind
TITLE_END = "INTRODUCTION"
INTRO_ITEM_RE = re.compile(r"^(- [a-z]\) )(.*?)( \(\d{1,2} [A-Z][a-z]+ \d{4}\)[;.]?)$")
DAY_HEADING_RE = re.compile(r"^(\d{1,2} [A-Z]+ \d{4} [-–] )(.+)$")
SECTION_RE = re.compile(r"^(POLICY COMMITMENTS|BACKGROUND INFORMATION|DISCUSSION QUESTIONS:)$")
QUESTION_RE = re.compile(r"^(- [a-z]\) )(.*)$")
NOTE_RE = re.compile(r"^([¹²³⁴⁵⁶⁷⁸⁹⁰]+ )(.*)$")
DATES_RE = re.compile(r"^\d{1,2}(-\d{1,2})? [A-Z]+ \d{4}$")  # the title block's dates: a fixed format, no text
MARKER_RE = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


def added(text: str) -> str:
    return f"{MARK} {text}"


def paper_text(text: str) -> str:
    """The fixture paper with ``MARK text`` in every title-block line, the introduction's heading and items, day
    headings, sub-headings, paragraphs, notes and questions."""
    out, in_title, challenges = [], True, []
    # a title-block line longer than a heading would read as prose: each line takes a part of the text, in turn
    # (the title takes the longest: the first two parts)
    parts = textwrap.wrap(text, 45, break_long_words=False) or [text]
    # (the fixture's second kicker line is dropped: with any text added the two lines would read as prose)
    lines = [line for line in PAPER.read_text(encoding="utf-8").splitlines() if not line.startswith("POLICYMAKING")]
    title_at = next(i for i, line in enumerate(lines) if DATES_RE.match(line)) - 2
    for at, line in enumerate(lines):
        if line == TITLE_END:  # the introduction's heading: a heading of the paper's own wording
            in_title = False
            out.append(f"{line} {added(text).upper()}")
            continue
        if not line.strip() or SECTION_RE.match(line) or line.startswith("Possible questions") or DATES_RE.match(line):
            out.append(line)
        elif in_title and at > 0 and lines[at - 1].strip():  # a block of title lines reads as prose past 150
            out.append(line)                                   # characters: only its first line takes text
        elif in_title:
            part = " ".join(parts[:2]) if at == title_at else parts[at % len(parts)]
            out.append(f"{line} {added(part).upper() if line.isupper() else added(part)}")
        elif m := INTRO_ITEM_RE.match(line):
            challenges.append(m[2])
            out.append(f"{m[1]}{added(text)} {m[2]}{m[3]}")  # first: in the day's short title too
        elif m := DAY_HEADING_RE.match(line):
            out.append(f"{m[1]}{added(text).upper()} {m[2]}")
        elif m := QUESTION_RE.match(line):
            out.append(f"{m[1]}{m[2]} {added(text)}")
        elif m := NOTE_RE.match(line):
            out.append(f"{m[1]}{m[2]} {added(text)}")
        elif MARKER_RE.search(line) or len(line) > 60:  # a paragraph: the words before its text
            out.append(f"{added(text)} {line}")
        else:  # a sub-heading
            out.append(f"{line} {added(text)}")
    return "\n".join(out) + "\n"


def bibliography_text(text: str) -> str:
    """The fixture's bibliography with ``MARK text`` in every field the Sources page shows (the names that notes
    match by stay as they are: a note names its source first; ``note`` and ``shortnames`` are added)."""
    braced = added(text).replace("{", r"\{").replace("}", r"\}")
    out = []
    for line in BIBLIOGRAPHY.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^  (organization|publisher|address) = \{(.*)\},$", line)
        if m:
            line = f"  {m[1]} = {{{m[2]} {braced}}},"
        elif line.startswith("  url = {https://example.org/"):
            line = line[:-2] + '/"><b>x</b>' + "},"  # an address with markup (the bibliography keeps https://)
        out.append(line)
        if line.startswith("@"):
            out.append(f"  note = {{{braced}}},")
            out.append(f"  series = {{{braced}}},")
    # an entry whose title, symbol and short name carry it too, cited by its short name in a note of its own
    out.append("@misc{hostile-entry,\n"
               f"  title = {{Hostile entry {braced}}},\n"
               "  author = {Doe, Jane and Roe, Richard},\n"
               "  organization = {Commission},\n  year = {2024},\n"
               f"  shortnames = {{the {MARK} report}},\n"
               f"  symbol = {{H/2024/{MARK}}},\n  url = {{https://undocs.org/en/H/2024/{MARK}}},\n"
               "  group = {UN documents},\n}")
    return "\n".join(out) + "\n"


def payload_project(where: Path, text: str) -> Path:
    """A project in ``where`` whose every shown field carries ``text``; returns its ``mkdocs.yml``."""
    where.mkdir(parents=True)
    for name in ("overrides", "hooks", "docs"):
        shutil.copytree(ROOT / name, where / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    (where / "papers").mkdir()
    (where / "papers" / "paper.md").write_text(_cite_hostile(paper_text(text)), encoding="utf-8")
    foot = where / "footnotes"
    foot.mkdir()
    (foot / "sources.bib").write_text(bibliography_text(text), encoding="utf-8")
    (foot / "topics.yml").write_text(
        f"- topic: {_yaml('Early warning ' + added(text))}\n  synonyms: [early-warning, {_yaml(added(text) + ' two')}]\n"
        f"- topic: {_yaml(added(text) + ' topic')}\n  synonyms: [{MARK}]\n", encoding="utf-8")
    (foot / "synonyms.yml").write_text(
        f"- paper: precursor\n  delegates: [{_yaml(added(text))}]\n", encoding="utf-8")
    glossary = (ROOT / "footnotes" / "abbreviations.md").read_text(encoding="utf-8")
    (foot / "abbreviations.md").write_text(
        glossary + f"*[UNODC]: United Nations Office on Drugs and Crime {added(text)}\n"
        f"*[{MARK}]: {added(text)}\n", encoding="utf-8")
    return where / "mkdocs.yml"


def _cite_hostile(paper: str) -> str:
    """The first note that says "Ibid." alone cites the hostile entry instead, by its short name."""
    return re.sub(r"^([¹²³⁴⁵⁶⁷⁸⁹⁰]+) Ibid\. ", lambda m: f"{m[1]} See the {MARK} report. ", paper, count=1,
                  flags=re.MULTILINE)


def _yaml(value: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
