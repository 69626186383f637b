"""The site's home page, ``index.md``: the newest edition — its title, dates and days — then every edition, each
at its own address::

    # WSC harbour dialogues spring 2031 { #newest }
    [Read the 2031 paper, from its introduction](2031/index.md)
    ## The thematic days of 2031 { #newest-days data-search-exclude }   (searched on 2031/ only, not twice)
    - [**3 March 2031** — Rising tides are flooding …](2031/3-march.md)
    ## Every edition { #editions }
    - [**2031** — WSC harbour dialogues spring 2031 (3-4 March 2031)](2031/index.md), the newest
    - [**2030** — …](2030/index.md)

Its ids are its own (``newest``, ``editions``): a link published when the home page was a paper's own home
(``/#introduction-p3``) is forwarded to that paper (``fragments_to``, from the list of published addresses'
``/ -> /2030/`` line), since this page has no such id.
"""

from __future__ import annotations

from ..markup import escape_markdown, front_matter, inline
from ..model import HOME, page_url
from . import SiteContext, home


def write(site: SiteContext) -> dict[str, str]:
    newest = site.newest
    paper, edition = newest.paper, newest.edition
    t = paper.title
    forward = site.published.forward_of("/") if site.published else None
    meta = {"fragments_to": forward.target.lstrip("/")} if forward else {}
    # the site's home: a link preview of a website, not an article (partials/link-preview.html; said here, not
    # read off MkDocs's page.is_homepage, which Zensical's pages do not have)
    out = [front_matter(title=site.name, description=home.description(paper), og_type="website", **meta),
           '<div class="paper-title" markdown>\n']
    if t.kicker:
        out.append(f'<p class="paper-kicker">{" · ".join(inline(s) for s in t.kicker[:2])}</p>\n')
    out.append(f"\n# {inline(t.title)} {{ #newest }}\n\n")
    out.append(f'<p class="paper-meta"><span class="paper-dates">{inline(t.dates)}</span> · '
               f'<span class="paper-kind">{inline(t.kind)}</span></p>\n\n</div>\n\n')
    out.append(f"[Read the {edition.label} paper, from its introduction]({edition.path(HOME)})"
               "{ .md-button .md-button--primary }\n\n")
    out.append(f"## The thematic days of {edition.label} {{ #newest-days data-search-exclude }}\n\n")
    for day in paper.days:
        out.append(f"- [**{day.date_label}** — {inline(day.challenge)}]({edition.path(day.page)})\n")
    out.append("\n## Every edition { #editions }\n\n")
    for n, ctx in enumerate(site.editions):
        e, et = ctx.edition, ctx.paper.title
        newest_note = ", the newest" if n == 0 and len(site.editions) > 1 else ""
        out.append(f"- [**{escape_markdown(e.label)}** — {inline(et.title)} ({inline(et.dates)})]"
                   f"({e.path(HOME)}){newest_note}: {len(ctx.paper.days)} days, at "
                   f"`/{page_url(e.path(HOME))}`\n")
    out.append("\n")
    return {HOME: "".join(out)}
