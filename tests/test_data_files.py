"""The hand-kept data files fail loudly (issue 10, section 4): a bibliography, topic list, synonyms file or glossary
that is configured but missing, not UTF-8, or wrong in one line stops `paper2site` and `mkdocs build` with one
message ``FILE:LINE: what — how to fix``, a non-zero exit, and nothing written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config

from paperkit.errors import PaperError
from paperkit.snippets import appended_files

from .conftest import FIXTURES, ROOT

PAPER = FIXTURES / "papers" / "arc-2023-two-days.md"
BIB = FIXTURES / "papers" / "arc-2023-two-days.bib"
PAPER2SITE = Path(sys.executable).parent / "paper2site"


def paper2site(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path / "pages"
    done = subprocess.run([str(PAPER2SITE), str(PAPER), str(out), *args], capture_output=True, text=True,
                          cwd=tmp_path, timeout=300)
    return done, out


def project(where: Path) -> Path:
    """A copy of the project around the two-day fixture paper and its bibliography, with the real glossary and
    synonyms and a topic list of its own; its mkdocs.yml."""
    for name in ("overrides", "hooks", "docs", "footnotes"):
        shutil.copytree(ROOT / name, where / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    (where / "papers").mkdir()
    shutil.copyfile(PAPER, where / "papers" / PAPER.name)
    shutil.copyfile(BIB, where / "footnotes" / "sources.bib")
    (where / "footnotes" / "topics.yml").write_text("- topic: Glaciers\n  synonyms: [glacier melt]\n", encoding="utf-8")
    return where / "mkdocs.yml"


def mkdocs_build(config: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    site = config.parent / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
                          cwd=config.parent, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return done, site


def one_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode != 0, done.stdout + done.stderr
    lines = [line for line in done.stderr.splitlines() if "ERROR" in line or line.startswith("error:")]
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    return lines[0]


def test_the_project_copy_builds(tmp_path):
    done, site = mkdocs_build(project(tmp_path))
    assert done.returncode == 0, done.stderr
    assert (site / "sources" / "index.html").exists() and (site / "topics" / "index.html").exists()


# -- a configured file that does not exist -------------------------------------------------------------------

@pytest.mark.parametrize(("remove", "what"), [
    ("footnotes/sources.bib", "the bibliography was not found — create it, or point"),
    ("footnotes/topics.yml", "the topic list was not found — create it, or point"),
    ("footnotes/synonyms.yml", "the synonyms file was not found — create it"),
    ("footnotes/abbreviations.md", "the glossary was not found in any `base_path`"),
])
def test_a_missing_data_file_stops_the_build_naming_it(tmp_path, remove, what):
    config = project(tmp_path)
    (tmp_path / remove).unlink()
    done, site = mkdocs_build(config)
    message = one_error(done)
    assert f"{Path(remove).name}: {what}" in message, message
    assert not site.exists()


def test_a_missing_bibliography_stops_paper2site(tmp_path):
    done, out = paper2site(tmp_path, "--bibliography", str(tmp_path / "nowhere.bib"), "--topics", "")
    assert f"error: {tmp_path / 'nowhere.bib'}: the bibliography was not found" in one_error(done)
    assert not out.exists()


def test_no_bibliography_when_asked_for_none(tmp_path):
    done, out = paper2site(tmp_path, "--bibliography", "", "--topics", "")
    assert done.returncode == 0, done.stderr
    assert not (out / "sources.md").exists() and (out / "index.md").exists()


# -- a file that is there but wrong in one line --------------------------------------------------------------

def _bib(tmp_path: Path, data: bytes) -> str:
    bib = tmp_path / "sources.bib"
    bib.write_bytes(data)
    done, out = paper2site(tmp_path, "--bibliography", str(bib), "--topics", "")
    assert not out.exists()
    return one_error(done).removeprefix(f"error: {bib}")


def test_a_bibliography_that_is_not_utf8(tmp_path):
    data = BIB.read_bytes().replace(b"Alpine Rivers Commission}", "Alpine Rivers Commission – Genève}".encode("cp1252"), 1)
    line = data[: data.index(b"Gen")].count(b"\n") + 1
    assert _bib(tmp_path, data) == f":{line}: is not UTF-8 text (byte 0x96) — save the bibliography as UTF-8"


@pytest.mark.parametrize(("data", "what"), [
    (b"", "is empty"),
    (b"\n  \n", "is empty"),
    (b"% the sources of the 2030 paper, to come\n\n@comment{nothing yet}\n", "has only comments, no entry"),
])
def test_an_empty_bibliography_is_said_to_be_empty(tmp_path, data, what):
    assert _bib(tmp_path, data) == (f": the bibliography {what} — put the sources in it, one BibTeX entry each "
                                    "(`@book{key, title = {…}, …}`), or point the `paper` plugin's `bibliography:` "
                                    "in mkdocs.yml at the right file")


def test_a_missing_paper_stops_paper2site_naming_it(tmp_path):
    out = tmp_path / "pages"
    done = subprocess.run([str(PAPER2SITE), str(tmp_path / "paper.md"), str(out), "--bibliography", str(BIB),
                           "--topics", ""], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert one_error(done).startswith(f"error: {tmp_path / 'paper.md'}: the paper was not found — put the paper's "
                                      f"Markdown in this file, or give its path")
    assert not out.exists()


def test_a_missing_glossary_is_named_with_where_it_was_looked_for(tmp_path):
    config = load_config(str(project(tmp_path)))
    glossary = tmp_path / "footnotes" / "abbreviations.md"
    assert appended_files(config) == [glossary]
    glossary.unlink()
    with pytest.raises(PaperError) as info:
        appended_files(config)
    assert info.value.path == str(glossary)
    assert f"looked for `footnotes/abbreviations.md` in {tmp_path}" in info.value.message
    assert info.value.message.endswith("— create it, or fix `auto_append` in mkdocs.yml")


def test_one_base_path_may_be_written_without_a_list(tmp_path):
    """``base_path: footnotes`` is pymdownx.snippets' list of one: the glossary is found there."""
    config = load_config(str(project(tmp_path)))
    config.mdx_configs["pymdownx.snippets"].update(base_path="footnotes", auto_append=["abbreviations.md"])
    assert appended_files(config) == [tmp_path / "footnotes" / "abbreviations.md"]


def test_a_duplicate_bibtex_key_names_its_line(tmp_path):
    text = BIB.read_text(encoding="utf-8")
    first = text[text.index("@book{glacier"):text.index("@misc{abstraction")]
    line = text.count("\n") + 1
    message = _bib(tmp_path, (text + first.replace("Glacier Survey 2022", "Glacier Survey 2023")).encode())
    first_line = text[: text.index("@book{glacier")].count("\n") + 1
    assert message == (f":{line}: the key glacier-survey-2022 is used twice (first at line {first_line}) — "
                       "give one of the two entries another key")


@pytest.mark.parametrize(("text", "line", "what"), [
    ("# topics\n\ntopic: Glaciers\nsynonyms: [ice]\n", 3, "must be a YAML list"),
    ("- topic: Glaciers\n- synonyms: [ice]\n", 2, "entry 2 has no `topic:` name — write `- topic: <its name>`"),
])
def test_a_topic_list_that_is_not_a_list_names_its_line(tmp_path, text, line, what):
    topics = tmp_path / "topics.yml"
    topics.write_text(text, encoding="utf-8")
    done, out = paper2site(tmp_path, "--bibliography", str(BIB), "--topics", str(topics))
    message = one_error(done)
    assert message.startswith(f"error: {topics}:{line}: ") and what in message, message
    assert not out.exists()


@pytest.mark.parametrize(("bad", "fix"), [
    ("*[RWO] River Water Office", "write it as `*[RWO]: what it stands for`"),
    ("[RWO]: River Water Office", "write it as `*[RWO]: what it stands for`"),
    ("*[RWO]:", "write it as `*[RWO]: what it stands for`"),
    ("RWO means River Water Office", "write it as `*[ABBR]: what it stands for`"),
])
def test_a_glossary_line_that_does_not_parse_names_its_line(tmp_path, bad, fix):
    config = project(tmp_path)
    glossary = tmp_path / "footnotes" / "abbreviations.md"
    text = glossary.read_text(encoding="utf-8") + f"{bad}\n*[ARC]: Alpine Rivers Commission\n"
    glossary.write_text(text, encoding="utf-8")
    done, site = mkdocs_build(config)
    line = text.count("\n") - 1
    assert f"abbreviations.md:{line}: this line is not an abbreviation — {fix}" in one_error(done)
    assert not site.exists()
