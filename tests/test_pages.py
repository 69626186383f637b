"""Each page writer (``paperkit.pages.*``) on its own: the synthetic paper in, the page's Markdown out.

Facts are read from the model (``paper.days``, ``day.questions``), never from this paper's text: the writers
must say what the model says, where plain Markdown can say it.
"""

from __future__ import annotations

import re

import pytest
import yaml

from paperkit import pipeline
from paperkit.markup import inline, plain, question_id
from paperkit.model import HOME
from paperkit import citation
from paperkit.pages import Context, SiteContext, day, forwards, home, parts, question_links, questions, series, sources, topics
from paperkit.topics import find_occurrences, read_topics

from .conftest import FIXTURES

SYNTHETIC = FIXTURES / "synthetic"


@pytest.fixture(scope="module")
def ctx() -> Context:
    return pipeline.read(SYNTHETIC / "paper.md", bibliography=SYNTHETIC / "sources.bib")


@pytest.fixture(scope="module")
def bare() -> Context:
    """No bibliography, no topic list: notes as the paper writes them, no Sources or Topics page."""
    return pipeline.read(SYNTHETIC / "paper.md")


def shared(*contexts: Context) -> SiteContext:
    """The site of these editions (newest first), for the writers of the pages they share."""
    first = contexts[0]
    return SiteContext(editions=contexts, name=first.paper.title.title, bib=first.notes.bib if first.notes else None,
                       topics=first.topics)


def front(markdown: str) -> dict:
    """A page's front matter, as MkDocs reads it."""
    m = re.match(r"---\n(.*?)\n---\n\n", markdown, re.S)
    assert m, markdown[:200]
    return yaml.safe_load(m.group(1))


def test_home_lists_every_day_and_the_introductions_notes(ctx: Context) -> None:
    page = home.write(ctx)[HOME]
    assert front(page)["title"] == ctx.paper.title.title
    for d in ctx.paper.days:
        assert f"**{d.date_label}**" in page and f"]({d.page})" in page
    intro_notes = [n for b in ctx.paper.introduction.blocks for n in parts.block_notes(b)]
    assert intro_notes and all(f"\n[^{n}]: " in page for n in intro_notes)


def test_one_page_per_day_with_its_questions_ids_and_notes(ctx: Context) -> None:
    pages = day.write(ctx)
    assert list(pages) == [d.page for d in ctx.paper.days]
    for d in ctx.paper.days:
        page = pages[d.page]
        # the tab, the search results, a preview: the day with its year; the edition's navigation: without
        assert front(page)["title"] == f"{d.date_label}: {day.short_title(d)}"
        assert day.title(d) == f"{d.label}: {day.short_title(d)}"
        assert front(page)["edition"]["prefix"] == str(d.date.year)
        for q in d.questions:
            assert f"{{ #{question_id(q.letter)} .paper-question }}" in page
            # the permalink is the question's own address; a click on it stays on this page (data-here)
            assert (f'[¶]({d.slug}/{q.letter}.md "Link to this question")'
                    f'{{ .paper-question-link data-here="{question_id(q.letter)}" }}') in page
        assert f'data-cite="{parts.citation(ctx.paper, d)}"' in page or not d.questions
        referenced = [n for s in d.sections for b in s.blocks for n in parts.block_notes(b)]
        assert all(f"\n[^{n}]: " in page for n in referenced)


def test_short_title_cuts_at_the_first_comma_and_never_on_a_dangling_word(ctx: Context) -> None:
    for d in ctx.paper.days:
        short = day.short_title(d)
        assert short.rstrip("…").split()[-1].casefold() not in day.DANGLING
        assert len(short.rstrip("…").split()) <= day.SHORT_TITLE_WORDS


def test_questions_page_links_each_question_to_its_day(ctx: Context) -> None:
    page = questions.write(ctx)[questions.PAGE]
    assert front(page)["search"] == {"exclude": True}
    for d in ctx.paper.days:
        for q in d.questions:
            assert f"]({question_links.page(d, q.letter)} " in page
            assert f"{{ #{questions.page_id(d, q.letter)} .paper-question }}" in page
    assert "[^" not in page  # the notes stay on the day pages


def test_sources_page_links_back_to_every_citing_note(ctx: Context) -> None:
    page = sources.write(shared(ctx))[sources.PAGE]
    assert front(page)["title"] == sources.TITLE
    for entry in ctx.notes.bib.entries:
        assert f'id="{entry.key}"' in page
    for n in range(1, len(ctx.paper.notes) + 1):
        where, label = ctx.paper.note_place(n)
        assert f"[{n}]({ctx.edition.prefix}/{where}#fn:{n})" in page  # into the edition's folder
        assert f" · {label}" in page
    assert f"the {ctx.edition.label} paper, note" in page


def test_no_bibliography_no_sources_page_and_notes_as_written(bare: Context) -> None:
    assert sources.write(shared(bare)) == {}
    page = home.write(bare)[HOME]
    first = bare.paper.note(1)
    assert f"[^1]: {inline(first.text)}\n" in page and "](#)" not in inline(first.text)
    assert "sources-cited" not in page


def test_topics_page_and_day_tags_from_a_topic_list(ctx: Context, tmp_path) -> None:
    listed = tmp_path / "topics.yml"
    listed.write_text("- topic: Tides\n  synonyms: [tide]\n- topic: Walls\n", encoding="utf-8")
    found = read_topics(listed)
    with_topics = Context(edition=ctx.edition, notes=ctx.notes, topics=found,
                          occurrences=find_occurrences(ctx.paper, found), block_ids=ctx.block_ids)
    page = topics.write(shared(with_topics))[topics.PAGE]
    assert "## Tides { #tides }" in page and "## Walls { #walls }" in page
    for occ in with_topics.occurrences["tides"]:
        assert f"]({ctx.edition.prefix}/{occ.anchor.href})" in page  # from the root into the edition
    tags = topics.day_tags(with_topics, ctx.paper.days[0])
    # from the day's page, in its edition's folder, to the shared Topics page at the root
    assert tags.startswith('<nav class="paper-topics"') and f"](../{topics.PAGE}#tides)" in tags
    assert topics.write(shared(ctx)) == {}  # the fixture has no topic list: no page


def test_build_site_is_the_writers_in_order(ctx: Context) -> None:
    site = pipeline.build_site(SYNTHETIC / "paper.md", bibliography=SYNTHETIC / "sources.bib")
    folder = ctx.edition.prefix
    written: dict[str, str] = {}
    for writer in pipeline.EDITION_WRITERS:
        written.update((f"{folder}/{p}", t) for p, t in writer.write(ctx).items())
    for writer in pipeline.SHARED_WRITERS:
        written.update(writer.write(shared(ctx)))
    written.update(forwards.write(shared(ctx), written))
    assert site.pages == written
    home_entry, edition_entry, *rest = site.nav
    assert home_entry == {"Home": HOME} and [next(iter(e.values())) for e in rest] == [sources.PAGE]
    # one section per edition, titled with its dates: its home, its days, its questions
    assert list(edition_entry) == [ctx.paper.title.dates]
    assert [next(iter(e.values())) for e in edition_entry[ctx.paper.title.dates]] == \
        [f"{folder}/{HOME}", *(f"{folder}/{d.page}" for d in ctx.paper.days), f"{folder}/{questions.PAGE}"]
    # each question's own page, out of the navigation, in its day's folder in the edition's
    assert {p for p in site.pages if p.count("/") == 2 and p.startswith(f"{folder}/")} == \
        {f"{folder}/{d.slug}/{q.letter}.md" for d in ctx.paper.days for q in d.questions}
    # the newest edition's aliases: every page of it, under latest/
    assert {p for p in site.pages if p.startswith("latest/")} == {p.replace(folder, "latest", 1) for p in written
                                                                  if p.startswith(f"{folder}/")}


def test_each_question_has_a_page_of_its_own_that_previews_it_and_leads_to_it(ctx: Context) -> None:
    pages = question_links.write(ctx)
    asked = [(d, q) for d in ctx.paper.days for q in d.questions]
    assert asked and list(pages) == [f"{d.slug}/{q.letter}.md" for d, q in asked]
    for d, q in asked:
        page = pages[question_links.page(d, q.letter)]
        meta = front(page)
        text = plain(q.text, limit=10_000)
        assert meta["title"] == f"{d.date_label}, question {q.letter}): {text}"  # the day with its year
        assert meta["description"].startswith(text[:200])
        assert meta["template"] == question_links.TEMPLATE and meta["search"] == {"exclude": True}
        assert meta["question"] == {"day": d.date_label, "letter": q.letter}
        assert meta["citation_title"] == citation.of_question(ctx.paper.title, d, q.letter).title
        # into its day, at the question's id; from docs/<day>/, hence "../"
        assert f"](../{d.page}#{question_id(q.letter)}){{ .paper-forward }}" in page
        assert "[^" not in page  # its notes stay on the day's page


def test_a_days_citation_and_a_questions_cite_text_are_the_metadata_s_words(ctx: Context) -> None:
    t = ctx.paper.title
    for d in ctx.paper.days:
        page = day.write(ctx)[d.page]
        assert front(page)["citation_title"] == citation.of_day(t, d).title
        for q in d.questions:
            # what questions.js makes of data-cite: "<data-cite> <letter>). <url>"
            url = f"https://example.org/{d.slug}/{q.letter}/"
            assert f"{parts.citation(ctx.paper, d)} {q.letter}). {url}" == citation.of_question(t, d, q.letter).text(url)


def test_text_from_the_paper_is_escaped_where_it_lands(ctx: Context) -> None:
    cite = parts.questions_div('A "quoted" <b>body</b>')
    assert 'data-cite="A &quot;quoted&quot; &lt;b&gt;body&lt;/b&gt;"' in cite


def test_month_names_do_not_depend_on_the_locale(ctx: Context, monkeypatch) -> None:
    import locale
    try:
        locale.setlocale(locale.LC_TIME, "fr_FR.UTF-8")
    except locale.Error:
        pass  # the table is used whatever the locale: the labels below hold either way
    try:
        d = ctx.paper.days[0]
        assert d.label.split()[1] in ("January February March April May June July August September October "
                                      "November December").split()
        assert d.page == f"{d.date.day}-{d.label.split()[1].lower()}.md"
    finally:
        locale.setlocale(locale.LC_TIME, "C")



def test_the_home_page_presents_the_newest_edition_and_forwards_the_old_homes_fragments(ctx: Context) -> None:
    from paperkit.addresses import Forward, Registry

    page = series.write(shared(ctx))[HOME]
    assert "fragments_to" not in front(page)  # no list of published addresses: nothing to forward
    folder = ctx.edition.prefix
    for d in ctx.paper.days:
        assert f"]({folder}/{d.page})" in page
    assert f"]({folder}/{HOME})" in page and "{ #editions }" in page
    old_home = Registry("published.txt", {}, (Forward("/", f"/{folder}/", 1),))
    with_list = SiteContext(editions=(ctx,), name="x", bib=None, topics=(), published=old_home)
    assert front(series.write(with_list)[HOME])["fragments_to"] == f"{folder}/"
