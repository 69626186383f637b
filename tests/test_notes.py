"""Resolved notes written as Markdown (``paperkit.notes``) and a source's reference (``paperkit.pages.sources``),
on a tiny handwritten bibliography: what each note names is linked, an "Ibid." is spelled out."""

from __future__ import annotations

import re

import pytest
from paperkit.bibliography import Bibliography, load_bibliography
from paperkit.model import Footnote
from paperkit.notes import Notes, entry_href, entry_label
from paperkit.pages.sources import reference
from paperkit.resolve import resolve_notes

from .conftest import FIXTURES

TEXTS = (
    "See [A/RES/70/1](#), annex, para. 5.",
    "*Ibid.*, para. 7.",
    "Jane Doe, *A Study of Things*; see also the Example Convention, art. 3.",
    "Jane Doe, *A Study of Things*; see also [A/RES/70/1](#), para. 2.",
    "General Assembly resolution [70/1](#), para. 3.",
    "[A/RES/70/1](#), para. 2; Jane Doe, *A Study of Things*.",
)
# written by hand from tiny.bib
AGENDA = "Transforming Our World: the 2030 Agenda for Sustainable Development"


@pytest.fixture(scope="module")
def tiny() -> Bibliography:
    return load_bibliography(FIXTURES / "resolve" / "tiny.bib")


@pytest.fixture(scope="module")
def notes(tiny: Bibliography) -> tuple[Notes, tuple[Footnote, ...]]:
    footnotes = tuple(Footnote(i, t, 10 * i, 1) for i, t in enumerate(TEXTS, 1))
    return Notes(tiny, resolve_notes(footnotes, tiny, source="t.md")), footnotes


def test_a_symbol_links_to_the_document_itself(notes, tiny: Bibliography) -> None:
    written, footnotes = notes
    entry = tiny.entry("a-res-70-1")
    md = written.note_markdown(footnotes[0])
    assert md.startswith(f'See [A/RES/70/1]({entry.url} "A/RES/70/1 on the UN Official Document System"), annex, para. 5.')


def test_a_symbol_alone_says_what_the_document_is(notes) -> None:
    written, footnotes = notes
    md = written.note_markdown(footnotes[0])
    assert md.endswith(', annex, para. 5. <span class="paper-gloss">— that is, '
                       f'[{AGENDA}](sources.md#a-res-70-1)</span>')


def test_a_symbol_among_other_sources_says_which_document_it_is(notes) -> None:
    written, footnotes = notes
    last = written.note_markdown(footnotes[3])  # the gloss follows the symbol
    assert last.endswith(f', para. 2. <span class="paper-gloss">— that is, [{AGENDA}](sources.md#a-res-70-1)</span>')
    first = written.note_markdown(footnotes[5])  # another source's name comes between them
    assert first.endswith(f'. <span class="paper-gloss">— A/RES/70/1 is [{AGENDA}](sources.md#a-res-70-1)</span>')
    for md in (last, first):
        assert set(re.findall(r"\(sources\.md#([\w-]+)", md)) == {"doe-2020", "a-res-70-1"}


def test_a_symbol_with_words_that_say_what_it_is_needs_no_gloss(notes) -> None:
    written, footnotes = notes
    md = written.note_markdown(footnotes[4])
    assert "paper-gloss" not in md and md.endswith(", para. 3.")
    assert md.startswith('[General Assembly resolution](sources.md#a-res-70-1 ')


def test_a_supplied_title_keeps_its_brackets_as_text(tmp_path) -> None:
    bib = tmp_path / "supplied.bib"
    bib.write_text("@manual{x-1, title = {[Note by the Secretariat]}, organization = {Secretariat}, year = {2020}, symbol = {X/1},\n"
                   "  url = {https://undocs.org/en/X/1}, group = {UN documents}}\n", encoding="utf-8")
    loaded = load_bibliography(bib)
    footnote = Footnote(1, "[X/1](#).", 10, 1)
    md = Notes(loaded, resolve_notes((footnote,), loaded, source="t.md")).note_markdown(footnote)
    assert md.endswith(r"— that is, [\[Note by the Secretariat\]](sources.md#x-1)</span>")


def test_an_ibid_says_what_it_stands_for_with_the_narrowed_locator(notes, tiny: Bibliography) -> None:
    written, footnotes = notes
    md = written.note_markdown(footnotes[1])
    assert md.startswith("*Ibid.*, para. 7.")
    assert md.endswith(f'<span class="paper-ibid">— that is, [{AGENDA}]({entry_href("a-res-70-1")}), annex, para. 7 '
                       f'([A/RES/70/1](https://undocs.org/en/A/RES/70/1 "A/RES/70/1 on the UN Official Document System"))</span>')


def test_other_names_link_to_the_sources_page_entry(notes, tiny: Bibliography) -> None:
    written, footnotes = notes
    md = written.note_markdown(footnotes[2])
    doe = tiny.entry("doe-2020")
    assert f'[*A Study of Things*]({entry_href("doe-2020")} "{entry_label(doe)}")' in md
    assert f"[Example Convention]({entry_href('convention-examples')} " in md


def test_page_sources_lists_each_entry_once_in_order_of_first_citation(notes, tiny: Bibliography) -> None:
    written, _ = notes
    listing = written.page_sources([1, 2, 3])
    keys = [line.split("](sources.md#")[1].split(")")[0] for line in listing.splitlines() if line.startswith("- [")]
    assert keys == ["a-res-70-1", "doe-2020", "convention-examples"]
    assert "— notes [1](#fn:1), [2](#fn:2)" in listing
    assert written.page_sources([]) == ""


def test_entry_label_names_a_un_document_by_symbol_and_title(tiny: Bibliography) -> None:
    un = tiny.entry("a-res-70-1")
    assert entry_label(un) == f"{un.symbol}: {un.title}"
    assert entry_label(tiny.entry("doe-2020")) == tiny.entry("doe-2020").title


def test_reference_in_un_style(tiny: Bibliography) -> None:
    assert reference(tiny.entry("doe-2020")) == ("Jane Doe and John van Roe, *A Study of Things* (Geneva, Example Press, "
                                                 "2020). Available at [example.org/things](https://example.org/things).")
    un = tiny.entry("a-res-70-1")
    assert reference(un).endswith(f" [{un.symbol}]({un.url}).")
    assert reference(tiny.entry("convention-examples")).startswith("United Nations, “Convention on Examples”")
