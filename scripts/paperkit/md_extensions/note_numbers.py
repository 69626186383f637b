"""Show the paper's own note numbers instead of each page's count from 1.

Python-Markdown's footnotes extension labels notes by position on the page, so on a day page the
paper's note ``[^25]`` would read "1". This treeprocessor puts the label back::

    Text.[^25]            →  <sup id="fnref:25"><a class="footnote-ref" href="#fn:25">25</a></sup>
    [^25]: General …      →  <div class="footnote"><ol><li id="fn:25" value="25">…

Labels that are not whole numbers are left as the footnotes extension made them.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

REF_PREFIX = "fnref"
NOTE_PREFIX = "fn"


class NoteNumberTreeprocessor(Treeprocessor):
    """Replace the position shown in each footnote reference and list item by the note's label."""

    def __init__(self, md: Markdown, separator: str) -> None:
        super().__init__(md)
        self.separator = separator

    def run(self, root: etree.Element) -> None:
        note_id = f"{NOTE_PREFIX}{self.separator}"
        for sup in root.iter("sup"):
            if not sup.get("id", "").startswith(REF_PREFIX):
                continue
            for a in sup.iter("a"):
                label = a.get("href", "").removeprefix("#").removeprefix(note_id)
                if label.isdigit():
                    a.text = label
        for li in root.iter("li"):
            label = li.get("id", "").removeprefix(note_id)
            if li.get("id", "").startswith(note_id) and label.isdigit():
                li.set("value", label)
                for back in li.iter("a"):
                    if "footnote-backref" in back.get("class", ""):
                        back.set("title", f"Back to note {label} in the text")


class NoteNumberExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"separator": [":", "Footnote id separator, as configured for footnotes - Default: ':'"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After 'footnote' (50), which builds the note list, and after 'footnote-duplicate' (15), which
        # copies references; before 'attr_list' (8) and 'toc' (5), which need no note numbers.
        md.treeprocessors.register(NoteNumberTreeprocessor(md, self.getConfig("separator")), "paper-note-numbers", 12)


def makeExtension(**kwargs) -> NoteNumberExtension:
    return NoteNumberExtension(**kwargs)
