"""Pages that forward: each published address that moved (the list's ``/old/ -> /new/`` lines,
:mod:`paperkit.addresses`), and ``latest/…``, the newest edition's pages under an address that always means the
newest (the W3C's "latest version" beside "this version")::

    3-march.md           → forwards to 2030/3-march/    (a line of the list)
    latest/3-march.md    → forwards to 2031/3-march/    (the newest edition's page of that name)

A forwarding page is a copy of its target's front matter (title, description, citation, the question it
asks), so a link pasted in a chat previews what it leads to, with ``template: forward.html``
(``overrides/forward.html``), which sends a browser on with the address's ``#fragment`` and names the target as
the canonical address. It loads nothing but itself; out of the navigation, the search index and the list of
published addresses (an alias moves by design).
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Mapping

import yaml

from ..model import HOME, page_url
from . import SiteContext

TEMPLATE = "forward.html"
LATEST = "latest"
"""The folder of the newest edition's aliases."""
# what a forwarding page takes over from the page it forwards to
COPIED = ("title", "description", "citation_title", "edition", "citation", "question")


def write(site: SiteContext, pages: Mapping[str, str]) -> dict[str, str]:
    """The forwarding pages, given every other page of the site (``pages``, to copy their front matter)."""
    out: dict[str, str] = {}
    for f in site.published.forwards if site.published else ():
        if f.source == "/":
            continue  # the home page forwards its lost fragments itself (pages.series)
        target = source_path(f.target, pages)
        if target is not None:  # a target the site lost stops the build at its line (addresses.check)
            out[path_of(f.source)] = _forward(path_of(f.source), target, pages[target])
    prefix = site.newest.edition.prefix + "/"
    for path, markdown in pages.items():
        if path.startswith(prefix):
            alias = f"{LATEST}/{path.removeprefix(prefix)}"
            out.setdefault(alias, _forward(alias, path, markdown))
    return out


def path_of(address: str) -> str:
    """The page under ``docs/`` that MkDocs serves at ``address``: ``/3-march/`` → ``3-march.md``, ``/3-march/b/`` →
    ``3-march/b.md``."""
    stem = address.strip("/")
    return f"{stem}.md" if stem else HOME


def source_path(address: str, pages: Mapping[str, str]) -> str | None:
    """The page of ``pages`` served at ``address`` (``/2030/`` is ``2030/index.md``), or ``None``."""
    return next((p for p in pages if f"/{page_url(p)}" == address), None)


@functools.lru_cache(maxsize=4096)  # `mkdocs serve`: a rebuild forwards to the same pages, mostly unchanged
def _forward(path: str, target: str, target_markdown: str) -> str:
    meta = _front_matter(target_markdown)
    fields = {k: meta[k] for k in COPIED if k in meta}
    fields.update(template=TEMPLATE, forward=page_url(target), search={"exclude": True})
    link = posixpath.relpath(target, posixpath.dirname(path) or ".")
    return ("---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000)
            + f"---\n\n[Open this page at its permanent address]({link}){{ .paper-forward }}\n")


def _front_matter(markdown: str) -> dict:
    if not markdown.startswith("---\n"):
        return {}
    end = markdown.index("\n---\n", 4)
    return yaml.safe_load(markdown[4:end]) or {}
