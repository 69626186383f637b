"""A delegate's own words in search (scripts/paperkit/synonyms.py, footnotes/synonyms.yml)."""

from __future__ import annotations

import json
import os
import re
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from paperkit import synonyms
from paperkit.errors import PaperError
from paperkit.text import first_words, terms_pattern

from .conftest import PAPER, ROOT

DATA = ROOT / synonyms.DATA


def entry(paper: tuple[str, ...], delegates: tuple[str, ...]) -> synonyms.Synonym:
    return synonyms.Synonym(paper, delegates, terms_pattern(paper),
                            first_words(paper))


@pytest.mark.parametrize(("term", "text", "matches"), [
    ("money-laundering", "Money laundering and", True),
    ("money laundering", "anti-money–laundering", True),
    ("firearm", "trafficking in firearms", True),
    ("beneficial owner", "beneficial ownership", False),
    ("Tor", "a tortoise", False),
    ("bank secrecy", "bank  secrecy laws", True),
])
def test_a_term_matches_whole_words_any_case_hyphen_or_space_plural(term, text, matches):
    assert bool(terms_pattern((term,)).search(text)) is matches


def test_the_delegates_words_come_with_the_paper_s_term():
    guns = entry(("firearm",), ("guns", "weapons"))
    aml = entry(("money-laundering",), ("aml",))
    text = "Firearms seizures; trafficking in firearms and money laundering."
    assert synonyms.delegate_words(text, (guns, aml)) == {"guns", "weapons", "aml"}
    assert synonyms.delegate_words("Drug trafficking", (guns, aml)) == set()


def _config(folder):
    return SimpleNamespace(config_file_path=str(folder / "mkdocs.yml"))


def _write(folder, text: str) -> None:
    (folder / "footnotes").mkdir(exist_ok=True)
    (folder / synonyms.DATA).write_text(text, encoding="utf-8")


def test_forms_get_the_words_the_entry_lacks(tmp_path):
    _write(tmp_path, "- paper: firearm\n  delegates: [guns, small arms]\n")
    config = _config(tmp_path)
    text = "<p>Small quantities of <abbr title='firearms'>arms</abbr> and firearms.</p>"
    # "small" and "arms" are in the text already; the <abbr>'s title is markup, not a use of the term
    assert synonyms.with_delegate_words("quantity", text, config) == "quantity guns"
    assert synonyms.with_delegate_words("", "Firearm, firearms.", config) == "arms guns small"
    assert synonyms.with_delegate_words("drugs", "Drug trafficking", config) == "drugs"


def test_a_missing_file_stops_the_build_and_an_edit_is_read_again(tmp_path):
    config = _config(tmp_path)
    with pytest.raises(PluginError, match=r"synonyms\.yml: the synonyms file was not found — create it"):
        synonyms.with_delegate_words("x", "firearms", config)
    _write(tmp_path, "- paper: firearm\n  delegates: [guns]\n")
    assert synonyms.with_delegate_words("x", "firearms", config) == "x guns"
    _write(tmp_path, "- paper: firearm\n  delegates: [weapons]\n")
    path = tmp_path / synonyms.DATA
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))   # a later save
    assert synonyms.with_delegate_words("x", "firearms", config) == "x weapons"


@pytest.mark.parametrize(("text", "line", "what"), [
    ("- paper: firearm\n  delegates: [guns\n- paper: bribery\n", 3, "not valid YAML"),
    ("paper: firearm\n", 1, "must be a YAML list"),
    ("- paper: firearm\n  delegates: [guns]\n- delegates: [bribes]\n", 3, "needs `paper:`"),
    ("- paper: firearm\n  delegates: guns\n", 1, "`delegates` must be a list"),
    ("- paper: firearm\n  delegates: []\n", 1, "`delegates` must be a list"),
    ("- paper: firearm\n  delegate: [guns]\n", 1, "`delegates` must be a list"),
    ("- paper: firearm\n  delegates: [guns]\n  note: x\n", 1, "unknown key note"),
])
def test_bad_synonyms_name_the_line_to_fix(tmp_path, text, line, what):
    bad = tmp_path / "synonyms.yml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(PaperError) as caught:
        synonyms.read_synonyms(bad)
    assert caught.value.line == line and what in str(caught.value), str(caught.value)


def test_bad_synonyms_stop_the_build_with_the_line(tmp_path):
    _write(tmp_path, "- paper: firearm\n")
    with pytest.raises(PluginError, match=r"synonyms\.yml:1: this entry needs|`delegates` must be a list"):
        synonyms.with_delegate_words("", "firearms", _config(tmp_path))


def test_the_projects_synonyms_are_read_as_lower_case_words():
    read = synonyms.read_synonyms(DATA)
    assert len(read) >= 40
    for s in read:
        assert s.delegates and all(w == w.casefold() and w.strip() and " " not in w for w in s.delegates), s


@pytest.mark.paper_facts
def test_every_term_of_the_synonyms_is_one_the_paper_uses():
    """A term the paper never uses would be dead data (a typo, or a term of another paper)."""
    paper = PAPER.read_text(encoding="utf-8")
    unused = [t for s in synonyms.read_synonyms(DATA) for t in s.paper if not terms_pattern((t,)).search(paper)]
    assert not unused


@pytest.mark.paper_facts
def test_the_index_finds_guns_where_the_paper_says_firearms_and_only_there(site_dir):
    docs = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))["docs"]
    firearm = re.compile(r"\bfirearms?\b", re.IGNORECASE)
    with_guns = 0
    for doc in docs:
        text = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")
        uses = bool(firearm.search(text))
        assert ("guns" in doc.get("forms", "").split()) is uses, doc["location"]
        with_guns += uses
    assert with_guns >= 2
