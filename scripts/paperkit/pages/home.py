"""The home page, ``index.md``: the title block, the introduction with its notes, the list of days.

    # WSC harbour dialogues spring 2030 { #title }
    ## Introduction { #introduction }
    ## The thematic days { #days }
    - [**3 March 2030** — Rising tides are flooding …](3-march.md)
"""

from __future__ import annotations

from .. import citation
from ..markup import front_matter, inline, plain, slugify
from ..model import HOME, Paper
from . import Context, parts


def write(ctx: Context) -> dict[str, str]:
    paper = ctx.paper
    intro = paper.introduction
    out = [front_matter(title=paper.title.title, description=description(paper),
                        citation_title=citation.of_paper(paper.title).title, **parts.edition_meta(ctx, searched=True)),
           _title_block(paper)]
    out.append(f"## {inline(intro.title)} {{ #{slugify(intro.title)} }}\n\n")
    out.extend(parts.blocks(intro.blocks, ctx))
    out.append("## The thematic days { #days }\n\n")
    for day in paper.days:
        out.append(f"- [**{day.date_label}** — {inline(day.challenge)}]({day.page})\n")
    out.append("\n")
    out.extend(parts.notes([n for b in intro.blocks for n in parts.block_notes(b)], ctx))
    return {HOME: "".join(out)}


def description(paper: Paper) -> str:
    """The site's description: the paper's kind, title and dates, then each day's challenge."""
    days = "; ".join(f"{d.label}: {d.challenge}" for d in paper.days)
    return plain(f"{paper.title.kind}, {paper.title.title}, {paper.title.dates}. {days}")


def _title_block(paper: Paper) -> str:
    t = paper.title
    out = ['<div class="paper-title" markdown>\n']
    if t.kicker:
        out.append(f'<p class="paper-kicker">{" · ".join(inline(s) for s in t.kicker[:2])}</p>\n')
        if len(t.kicker) > 2:
            out.append("".join(f'<p class="paper-kicker-more">{inline(s)}</p>\n' for s in t.kicker[2:]))
    out.append(f"\n# {inline(t.title)} {{ #title }}\n\n")
    out.append(f'<p class="paper-meta"><span class="paper-dates">{inline(t.dates)}</span> · '
               f'<span class="paper-kind">{inline(t.kind)}</span></p>\n')
    if t.issuer:
        out.append(f'<p class="paper-issuer">{"<br>".join(inline(s) for s in t.issuer)}</p>\n')
    out.append("\n</div>\n\n")
    return "".join(out)
