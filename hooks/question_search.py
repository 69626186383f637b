"""Each discussion question is its own search result, linking to its id.

Material's search index splits a page only at headings. The paper's question lists are kept out of the
index (``write.py`` marks them ``data-search-exclude``, so their text does not swell the section's entry);
after the search plugin has indexed a page, this hook adds one entry per question::

    <li id="question-d" class="paper-question">d) What steps … <a class="paper-question-link">¶</a></li>
        →  {"location": "4-march/#question-b", "title": "b) Who should pay …", "text": "<day's title>"}

The question's words are the entry's title, which Material weighs most, so a query that a question
answers offers that question first.
"""

from __future__ import annotations

from html.parser import HTMLParser

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

SEARCH_PLUGIN = "material/search"
QUESTION_CLASS = "paper-question"
# text of these elements is not part of the question: its permalink and note references
SKIP = {"sup", "button"}
SKIP_CLASSES = {"paper-question-link"}


class QuestionParser(HTMLParser):
    """Collects ``(id, text)`` of every element with class ``paper-question``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.questions: list[tuple[str, str]] = []
        self._stack: list[str] = []
        self._question_depth: int | None = None
        self._skip_depth: int | None = None
        self._id = ""
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "img", "input", "hr", "wbr"):
            return
        self._stack.append(tag)
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if self._question_depth is None and QUESTION_CLASS in classes and a.get("id"):
            self._question_depth, self._id, self._text = len(self._stack), a["id"] or "", []
        elif self._question_depth is not None and self._skip_depth is None and (tag in SKIP or classes & SKIP_CLASSES):
            self._skip_depth = len(self._stack)

    def handle_endtag(self, tag: str) -> None:
        if not self._stack or tag not in self._stack:
            return
        while self._stack:
            depth = len(self._stack)
            closed = self._stack.pop()
            if self._skip_depth == depth:
                self._skip_depth = None
            if self._question_depth == depth:
                self.questions.append((self._id, " ".join("".join(self._text).split())))
                self._question_depth = None
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._question_depth is not None and self._skip_depth is None:
            self._text.append(data)


def questions(html: str) -> list[tuple[str, str]]:
    # from the first question's tag on: what comes before it (most of a day page) holds no question, and the
    # parser's time grows with what it reads
    first = html.find(QUESTION_CLASS)
    if first == -1:
        return []
    parser = QuestionParser()
    parser.feed(html[html.rfind("<", 0, first):])
    parser.close()
    return parser.questions


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    search = config.plugins.get(SEARCH_PLUGIN)
    if search is None or not search.config.enabled or (page.meta.get("search") or {}).get("exclude"):
        return context
    for id, text in questions(page.content or ""):
        search.search_index.entries.append({"location": f"{page.url}#{id}", "title": text,
                                            "text": str(page.meta.get("title", page.title))})
    return context
