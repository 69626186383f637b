"""The Topics page, ``topics.md`` (each topic with links to every paragraph and question that mentions it and a
short snippet), and the tags of a day's main topics under its heading::

    ## Money-laundering { #money-laundering }
    - [**3 March** · Background information, ¶ 7](3-march.md#background-information-p7) — …the **money laundering** of…

No page when no topic is found in the paper.
"""

from __future__ import annotations

from ..markup import escape_markdown, front_matter
from ..model import Day
from ..topics import Occurrence, main_topics
from . import Context

PAGE = "topics.md"
TITLE = "Topics"
SNIPPET_BEFORE = 60
SNIPPET_AFTER = 110


def write(ctx: Context) -> dict[str, str]:
    if not any(ctx.occurrences.values()):
        return {}
    occurrences = ctx.occurrences
    found = [t for t in sorted(ctx.topics, key=lambda t: t.name.casefold()) if occurrences[t.slug]]
    out = [front_matter(title=TITLE,
                        description=f"{len(found)} topics of {ctx.paper.title.title}, each with every paragraph and "
                                    "discussion question that mentions it.",
                        search={"exclude": True}),
           f"# {TITLE} {{ #title }}\n\n",
           '<p class="paper-topic-index" markdown>',
           " · ".join(f"[{escape_markdown(t.name)}](#{t.slug}) ({len(occurrences[t.slug])})" for t in found),
           "</p>\n\n"]
    for topic in found:
        out.append(f"## {escape_markdown(topic.name)} {{ #{topic.slug} }}\n\n")
        if len(topic.synonyms) > 1:
            out.append(f'<p class="paper-topic-synonyms">Also: {escape_markdown(", ".join(topic.synonyms[1:]))}</p>\n\n')
        for occ in occurrences[topic.slug]:
            day = f"**{occ.anchor.day.label}** · " if occ.anchor.day else ""
            out.append(f"- [{day}{escape_markdown(occ.anchor.place)}]({occ.anchor.href}) — {snippet(occ)}\n")
        out.append("\n")
    return {PAGE: "".join(out)}


def day_tags(ctx: Context, day: Day) -> str:
    """The Markdown of a day's main topics, as tags linking to this page, shown under the day's heading."""
    main = main_topics(day, ctx.occurrences, ctx.topics)
    if not main:
        return ""
    tags = " ".join(f"[{escape_markdown(t.name)}]({PAGE}#{t.slug}){{ .md-tag }}" for t in main)
    return (f'<nav class="paper-topics" aria-label="Main topics" data-search-exclude markdown>\n'
            f"[{TITLE}]({PAGE}): {tags}\n</nav>\n\n")


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
