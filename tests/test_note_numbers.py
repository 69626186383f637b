"""``paperkit.md_extensions.note_numbers``: Markdown in, HTML out, as pymdown-extensions tests its extensions.

Each ``tests/fixtures/note_numbers/<case>.md`` is converted with the footnotes extension and this one; the HTML
must equal ``<case>.html`` (written by hand: the paper's own number shown on every reference and note).
``UPDATE_EXPECTED=1`` rewrites the expected files from the output, to be read and checked before committing.
"""

from __future__ import annotations

import difflib
import os

import markdown
import pytest

from .conftest import FIXTURES

CASES = FIXTURES / "note_numbers"


def convert(text: str) -> str:
    return markdown.Markdown(extensions=["footnotes", "paperkit.md_extensions.note_numbers"]).convert(text)


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.md")))
def test_markdown_in_html_out(case: str) -> None:
    got = convert((CASES / f"{case}.md").read_text(encoding="utf-8")) + "\n"
    expected_file = CASES / f"{case}.html"
    if os.environ.get("UPDATE_EXPECTED"):
        expected_file.write_text(got, encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), got.splitlines(True), "expected", "got"))
    assert got == expected, diff


def test_a_custom_separator_is_followed() -> None:
    html = markdown.Markdown(extensions=["footnotes", "paperkit.md_extensions.note_numbers"],
                             extension_configs={"footnotes": {"SEPARATOR": "-"},
                                                "paperkit.md_extensions.note_numbers": {"separator": "-"}}
                             ).convert("Text.[^12]\n\n[^12]: A note.")
    assert '<a class="footnote-ref" href="#fn-12">12</a>' in html and '<li id="fn-12" value="12">' in html
