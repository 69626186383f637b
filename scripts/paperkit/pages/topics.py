"""The Topics page, ``topics.md`` (each topic with links to every paragraph and question that mentions it and a
short snippet), and the tags of a day's main topics under its heading::

    ## Money-laundering { #money-laundering }
    - [**3 March 2030** · Background information, ¶ 7](2030/3-march.md#background-information-p7) — …the **money …

No page when no topic is found in the paper.
"""

from __future__ import annotations

from ..markup import escape_markdown, front_matter
from ..model import Day
from ..topics import Occurrence, main_topics
from . import ROOT, Context, SiteContext

PAGE = "topics.md"
TITLE = "Topics"
SNIPPET_BEFORE = 60
SNIPPET_AFTER = 110


def write(site: SiteContext) -> dict[str, str]:
    # each topic's passages, edition by edition (newest first), each with its link from this page
    passages: dict[str, list[tuple[Context, Occurrence]]] = {t.slug: [] for t in site.topics}
    for ctx in site.editions:
        for slug, found_in in ctx.occurrences.items():
            passages.setdefault(slug, []).extend((ctx, occ) for occ in found_in)
    if not any(passages.values()):
        return {}
    found = [t for t in sorted(site.topics, key=lambda t: t.name.casefold()) if passages[t.slug]]
    several = len(site.editions) > 1
    of = "of the papers, edition by edition" if several else f"of {site.newest.paper.title.title}"
    out = [front_matter(title=TITLE,
                        description=f"{len(found)} topics {of}, each with every paragraph and "
                                    "discussion question that mentions it.",
                        search={"exclude": True}),
           f"# {TITLE} {{ #title }}\n\n",
           '<p class="paper-topic-index" markdown>',
           " · ".join(f"[{escape_markdown(t.name)}](#{t.slug}) ({len(passages[t.slug])})" for t in found),
           "</p>\n\n"]
    for topic in found:
        out.append(f"## {escape_markdown(topic.name)} {{ #{topic.slug} }}\n\n")
        if len(topic.synonyms) > 1:
            out.append(f'<p class="paper-topic-synonyms">Also: {escape_markdown(", ".join(topic.synonyms[1:]))}</p>\n\n')
        if several:  # "In 2031 (4) · 2030 (7)": the subject through the years
            counts = {}
            for ctx, _ in passages[topic.slug]:
                counts[ctx.edition.label] = counts.get(ctx.edition.label, 0) + 1
            out.append(f'<p class="paper-topic-editions">In {" · ".join(f"{k} ({v})" for k, v in counts.items())}'
                       "</p>\n\n")
        for ctx, occ in passages[topic.slug]:
            where = occ.anchor.day.date_label if occ.anchor.day else ctx.edition.label
            href = ctx.edition.path(occ.anchor.href)
            out.append(f"- [**{escape_markdown(where)}** · {escape_markdown(occ.anchor.place)}]({href}) — {snippet(occ)}\n")
        out.append("\n")
    return {PAGE: "".join(out)}


def day_tags(ctx: Context, day: Day) -> str:
    """The Markdown of a day's main topics, as tags linking to this page, shown under the day's heading."""
    main = main_topics(day, ctx.occurrences, ctx.topics)
    if not main:
        return ""
    tags = " ".join(f"[{escape_markdown(t.name)}]({ROOT}{PAGE}#{t.slug}){{ .md-tag }}" for t in main)
    return (f'<nav class="paper-topics" aria-label="Main topics" data-search-exclude markdown>\n'
            f"[{TITLE}]({ROOT}{PAGE}): {tags}\n</nav>\n\n")


def snippet(occ: Occurrence) -> str:
    """A few words either side of the first match, the match in bold, as Markdown."""
    text = occ.plain
    start = max(0, occ.start - SNIPPET_BEFORE)
    end = min(len(text), occ.end + SNIPPET_AFTER)
    if start > 0:
        start = text.find(" ", start, occ.start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", occ.end, end) if text.rfind(" ", occ.end, end) > 0 else end
    before, match, after = text[start:occ.start], text[occ.start:occ.end], text[occ.end:end]
    return ("…" if start > 0 else "") + escape_markdown(before) + f"**{escape_markdown(match)}**" + \
        escape_markdown(after) + ("…" if end < len(text) else "")
