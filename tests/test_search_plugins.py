"""The search plugins inside the package (``paperkit.search``), loaded by import: each question's entry is
made from the model, the word forms from an entry's text and the glossary, and a wrong setup is a clear error."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from paperkit import pipeline
from paperkit.markup import question_id
from paperkit.pages import day as day_page
from paperkit.search.questions import question_entries, reader_text
from paperkit.search.word_forms import FIELD, WordFormsPlugin, entry_forms, read_glossary

from .conftest import FIXTURES
from .paperdays import edition_prefix, paper_days

SYNTHETIC = FIXTURES / "synthetic"


@pytest.mark.parametrize(("markdown", "seen"), [
    ("d) What *steps* could be taken?[^57]", "d) What steps could be taken?"),
    ("a) Who pays \\$12 million for [H/2028/9](#)?", "a) Who pays $12 million for H/2028/9?"),
    ("b) Is &lt;b&gt; text &amp; kept?", "b) Is <b> text & kept?"),
    ("c) Two\n   lines", "c) Two lines"),
])
def test_a_question_entry_title_is_the_text_a_reader_sees(markdown: str, seen: str) -> None:
    assert reader_text(markdown) == seen


def test_one_entry_per_question_of_the_day_from_the_model() -> None:
    paper = pipeline.build_site(SYNTHETIC / "paper.md").paper
    day = next(d for d in paper.days if d.questions)
    # the day's page in its edition's folder, as MkDocs gives it ("2030/3-march/"), and its date as the paper
    # prints it, with the year: a result names the edition it is from
    url = f"{edition_prefix(SYNTHETIC / 'paper.md')}/{day.slug}/"
    (date,) = [d.date for d in paper_days(SYNTHETIC / "paper.md") if d.slug == day.slug]
    entries = question_entries(day, url)
    assert [e["location"] for e in entries] == [f"{url}#{question_id(q.letter)}" for q in day.questions]
    assert all(e["title"].startswith(f"{q.letter}) ") and "[^" not in e["title"]
               for e, q in zip(entries, day.questions))
    assert {e["text"] for e in entries} == {f"{date}: {day_page.short_title(day)}"}


def test_forms_hold_other_forms_and_spelled_out_abbreviations() -> None:
    glossary = read_glossary("*[FATF]: Financial Action Task Force\n*[UN]: United Nations")
    forms = entry_forms("The Financial Action Task Force on confiscation", glossary).split()
    assert "confiscating" in forms and "fatf" in forms and "un" not in forms
    assert "fatf" not in entry_forms("The FATF, or Financial Action Task Force", glossary).split()


def config(fields: dict, *, auto_append: list[str], where) -> SimpleNamespace:
    search = SimpleNamespace(config=SimpleNamespace(fields=fields, enabled=True))
    return SimpleNamespace(plugins={"material/search": search}, config_file_path=str(where / "mkdocs.yml"),
                           mdx_configs={"pymdownx.snippets": {"auto_append": auto_append}})


def test_a_search_plugin_without_the_forms_field_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(PluginError, match=f"fields: {{{FIELD}"):
        WordFormsPlugin().on_config(config({}, auto_append=[], where=tmp_path))


def test_a_missing_glossary_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(PluginError, match="missing.md: the glossary was not found in any `base_path`"):
        WordFormsPlugin().on_config(config({FIELD: {}}, auto_append=["missing.md"], where=tmp_path))


def test_the_glossary_is_read_into_the_plugin(tmp_path) -> None:
    (tmp_path / "abbreviations.md").write_text("*[FATF]: Financial Action Task Force\n", encoding="utf-8")
    (tmp_path / "footnotes").mkdir()
    (tmp_path / "footnotes" / "synonyms.yml").write_text("[]\n", encoding="utf-8")
    plugin = WordFormsPlugin()
    plugin.on_config(config({FIELD: {}}, auto_append=["abbreviations.md"], where=tmp_path))
    assert set(plugin.glossary) == {"FATF"}


def test_each_paragraph_with_an_id_is_its_own_entry() -> None:
    from paperkit.search.passages import split_sections

    content = ('<h2 id="background">Background</h2><p id="background-p1">One<sup id="fnref:1"><a>1</a></sup></p>'
               '<p id="background-p2">Two &lt;b&gt;</p><h2 id="questions">Questions</h2><div data-search-exclude>'
               '<p id="q">hidden</p></div>')
    entries = [{"location": "4-march/", "title": "Day", "text": ""},
               {"location": "4-march/#background", "title": "Background", "text": "One Two"},
               {"location": "4-march/#questions", "title": "Questions", "text": ""},
               {"location": "5-march/#background", "title": "Background", "text": "another page's"}]
    assert split_sections(entries, "4-march/", content) == [
        {"location": "4-march/", "title": "Day", "text": ""},
        {"location": "4-march/#background", "title": "Background", "text": ""},
        {"location": "4-march/#background-p1", "title": "Background", "text": "One"},
        {"location": "4-march/#background-p2", "title": "Background", "text": "Two &lt;b&gt;"},
        {"location": "4-march/#questions", "title": "Questions", "text": ""},
        {"location": "5-march/#background", "title": "Background", "text": "another page's"}]


def test_the_words_file_maps_what_delegates_type_to_the_papers_words(tmp_path) -> None:
    import json

    (tmp_path / "abbreviations.md").write_text("*[FATF]: Financial Action Task Force\n", encoding="utf-8")
    (tmp_path / "footnotes").mkdir()
    (tmp_path / "footnotes" / "synonyms.yml").write_text("- {paper: firearm, delegates: [guns, small arms]}\n",
                                                         encoding="utf-8")
    plugin = WordFormsPlugin()
    cfg = config({FIELD: {}}, auto_append=["abbreviations.md"], where=tmp_path)
    plugin.on_config(cfg)
    cfg.site_dir = str(tmp_path / "site")
    plugin.on_post_build(config=cfg)
    words = json.loads((tmp_path / "site" / "search" / "words.json").read_text(encoding="utf-8"))
    assert words == {"fatf": ["financial action task force"], "guns": ["firearm"], "small": ["firearm"],
                     "arms": ["firearm"]}


def test_forms_follow_the_glossary_across_rebuilds_and_reach_entries_added_late(tmp_path) -> None:
    """`mkdocs serve` keeps one plugin for every rebuild: an entry's forms are kept only while the glossary is the
    same, and an entry that a plugin listed after this one adds (after this page's turn) still gets its forms."""
    glossary = tmp_path / "abbreviations.md"
    glossary.write_text("*[FATF]: Financial Action Task Force\n", encoding="utf-8")
    (tmp_path / "footnotes").mkdir()
    (tmp_path / "footnotes" / "synonyms.yml").write_text("[]\n", encoding="utf-8")
    plugin = WordFormsPlugin()
    cfg = config({FIELD: {}}, auto_append=["abbreviations.md"], where=tmp_path)
    cfg.site_dir = str(tmp_path / "site")
    search = cfg.plugins["material/search"]

    def rebuild() -> list[dict]:
        search.search_index = SimpleNamespace(entries=[{"title": "A", "text": "The Financial Action Task Force"}])
        plugin.on_config(cfg)
        plugin.on_page_context({}, page=None, config=cfg, nav=None)
        search.search_index.entries.append({"title": "B", "text": "The Financial Action Task Force, again"})
        plugin.on_post_build(config=cfg)
        return search.search_index.entries

    first = rebuild()
    assert all("fatf" in e[FIELD].split() for e in first)
    glossary.write_text("*[TF]: Task Force\n", encoding="utf-8")
    second = rebuild()
    assert all("tf" in e[FIELD].split() and "fatf" not in e[FIELD].split() for e in second)
