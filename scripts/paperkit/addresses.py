"""The addresses the site has published, kept in the repository (``papers/published.txt``), and the check that
every one of them still opens what it opened.

An address, once in an e-mail or a statement, is part of the site's interface: the list names each one, and a
build that would lose one stops, naming the list's line. Two kinds of line::

    /2030/3-march/#question-b               an address the site serves: the page and, after #, an id on it
    /2030/3-march/#question-b "how can the harbour"     … and the first words of what it opens
    /3-march/ -> /2030/3-march/             an address that forwards to another, keeping its #fragment

An address whose id counts (a paragraph's ``-p7``, a question's letter, a note's number) would open other content
if a paragraph, question or note were inserted or removed before it in a published paper: the list keeps the first
words of what each such address opens, and a build where they differ stops, naming the address and both texts.

A forwarding line is how an address outlives a move (the one-edition site's pages, before editions had
prefixes): the build writes a small page at the old address that previews what it forwards to and sends the
browser on with the fragment (:mod:`paperkit.pages.forwards`); ``/ -> /2030/`` forwards the fragments of the
home page that the home page itself no longer has. Removing an edition, or any address, is an explicit act:
delete its lines here (README, "Editions").

The ids an address may name are read from the Markdown the writers produced (``{ #question-b }``,
``id="…"``, a note's ``fn:4`` and ``fnref:4``), before MkDocs writes anything, so a build that would drop an
address stops with ``site/`` as it was; ``tests/test_addresses.py`` checks that the built HTML has every one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .anchors import anchors
from .datafiles import read_data
from .errors import PaperError
from .model import HOME, Edition, page_url

# "{ #question-b .paper-question }", "{: #introduction-p3 }" — an id given by attr_list
ATTR_ID_RE = re.compile(r"\{:?[^}\n]*?#([A-Za-z0-9][\w:.-]*)")
# 'id="a-res-70-1"' — an id given in raw HTML
HTML_ID_RE = re.compile(r'\bid="([^"]+)"')
# "[^4]: text" — a note's text (``fn:4``); "[^4]" elsewhere — its first marker (``fnref:4``)
NOTE_DEF_RE = re.compile(r"^\[\^(\d+)\]:", re.MULTILINE)
NOTE_REF_RE = re.compile(r"\[\^(\d+)\](?!:)")
# "/2030/3-march/#question-b", with the first words it opens "how can the harbour", or "/3-march/ -> /2030/3-march/";
# a file: "/sources.bib"
LINE_RE = re.compile(r'^(/\S*)(?:\s+->\s+(/\S*)|\s+"([^"\n]*)")?$')
OPENS_WORDS = 5
"""How many first words of a paragraph, question or note the list keeps for its address."""
MARKUP_RE = re.compile(r"\]\([^)]*\)|<[^>]+>")  # a link's target, an HTML tag: not words of the text


@dataclass(frozen=True, slots=True)
class Forward:
    source: str
    """The old address, from the site's root, no fragment: ``/3-march/``."""
    target: str
    """Where it forwards: ``/2030/3-march/``."""
    line: int


@dataclass(frozen=True, slots=True)
class Registry:
    """The list of published addresses as read from its file."""

    path: str
    served: Mapping[str, int]
    """Each address the site serves itself (``/2030/3-march/#question-b``), with its line."""
    forwards: tuple[Forward, ...]
    opens: Mapping[str, str] = field(default_factory=dict)
    """The first words each counted address opened when recorded (:func:`opening`), where the list has them."""

    def forward_of(self, address: str) -> Forward | None:
        return next((f for f in self.forwards if f.source == address), None)


def read_registry(path: Path) -> Registry:
    """Read the list; a line of neither kind, or an address listed twice, stops the build with its line. No file
    yet is an empty list: a new site has published nothing (``record`` makes the file)."""
    if not path.exists():
        return Registry(str(path), {}, ())
    served: dict[str, int] = {}
    opens: dict[str, str] = {}
    forwards: list[Forward] = []
    seen: dict[tuple[str, bool], int] = {}
    for number, raw in enumerate(read_data(path, "the list of published addresses",
                                                    "check its path and permissions").split("\n"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = LINE_RE.match(line)
        if not m or (m.group(2) and "#" in m.group(1) + m.group(2)):
            raise PaperError(str(path), number, "this line is not an address — write `/2030/3-march/#question-b`, "
                                                "or `/old/ -> /new/` for an address that forwards (no #fragment)")
        key = (m.group(1), bool(m.group(2)))  # "/" may be served and forward its lost fragments, once each
        if key in seen:
            raise PaperError(str(path), number, f"{m.group(1)} is listed twice (line {seen[key]}) — keep one")
        seen[key] = number
        if m.group(2):
            forwards.append(Forward(m.group(1), m.group(2), number))
        else:
            served[m.group(1)] = number
            if m.group(3) is not None:
                opens[m.group(1)] = m.group(3)
    return Registry(str(path), served, tuple(forwards), opens)


def words(text: str) -> str:
    """The first words of a text as the list keeps them: lower case, no markup or punctuation.

    >>> words("*Ibid.*, [para. 6](../sources.md#x \\"X\\"): the <b>harbour</b> pilots' rules.")
    'ibid para 6 the harbour'
    """
    return " ".join(re.findall(r"\w+", MARKUP_RE.sub(" ", text).casefold())[:OPENS_WORDS])


def opening(editions: Iterable[Edition]) -> dict[str, str]:
    """The first words that each address whose id counts opens: every paragraph and lettered list (``-p7``),
    question (``#question-b`` and its short page ``b/``) and note (``#fn:4``, ``#fnref:4``) of every edition."""
    found: dict[str, str] = {}
    for edition in editions:
        for anchor in anchors(edition.paper):
            found[f"/{edition.url(anchor.page)}#{anchor.id}"] = words(anchor.text)
            if anchor.question is not None and anchor.day is not None:
                found[f"/{edition.url(f'{anchor.day.slug}/{anchor.question.letter}.md')}"] = words(anchor.text)
        for note in edition.paper.notes:
            day = edition.paper.page_of_note(note.number)
            url = f"/{edition.url(HOME if day is None else day.page)}"
            found[f"{url}#fn:{note.number}"] = found[f"{url}#fnref:{note.number}"] = words(note.text)
    return found


def page_ids(markdown: str) -> set[str]:
    """The ids the Markdown of one page gives its elements."""
    ids = set(ATTR_ID_RE.findall(markdown)) | set(HTML_ID_RE.findall(markdown))
    ids |= {f"fn:{n}" for n in NOTE_DEF_RE.findall(markdown)}
    ids |= {f"fnref:{n}" for n in NOTE_REF_RE.findall(markdown)}
    return ids


def served(pages: Mapping[str, str], files: Iterable[str]) -> set[str]:
    """Every address the site serves: each page, each id on it, each file."""
    found = {f"/{name}" for name in files}
    for path, markdown in pages.items():
        url = f"/{page_url(path)}"
        found.add(url)
        found |= {f"{url}#{i}" for i in page_ids(markdown)}
    return found


def check(registry: Registry, found: set[str], opens: Mapping[str, str] | None = None) -> None:
    """Every listed address is still served, still opens the words it opened (``opens``: :func:`opening`), and
    every forward lands on a served address; else stop, at the first line that would break, saying how many more
    would."""
    lost = [(line, address) for address, line in registry.served.items() if address not in found]
    lost += [(f.line, f.target) for f in registry.forwards if f.target not in found]
    clash = [f for f in registry.forwards if f.source != "/" and f.source in found]
    if clash:
        f = clash[0]
        raise PaperError(registry.path, f.line, f"{f.source} forwards to {f.target}, but the site now has a page "
                                                f"of its own there — an address keeps one meaning: give the new "
                                                f"page another address")
    if lost:
        line, address = min(lost)
        more = f" (and {len(lost) - 1} more published addresses)" if len(lost) > 1 else ""
        raise PaperError(registry.path, line,
                         f"{address} has been published, but this build no longer has it{more} — put back the "
                         f"paper or the part it named (a removed paper, a renamed file is fine; a paragraph "
                         f"or question removed is not); to retire it on purpose, delete its line here")
    moved = sorted((line, address) for address, line in registry.served.items()
                   if opens and address in registry.opens and address in opens
                   and opens[address] != registry.opens[address])
    if moved:
        line, address = moved[0]
        more = f" (and {len(moved) - 1} more published addresses)" if len(moved) > 1 else ""
        raise PaperError(registry.path, line,
                         f"{address} opened “{registry.opens[address]} …” when it was published, but this build "
                         f"opens “{opens[address]} …” there{more} — a paragraph, question or note was inserted "
                         f"or removed before it, so the ones after it moved: put new ones after the published "
                         f"ones; if the words were only corrected, write the new ones on this line")


def unrecorded(registry: Registry, found: set[str], *, forwarded: set[str] = frozenset()) -> list[str]:
    """The served addresses the list does not hold yet (a new edition's), in order; pages at forwarding or alias
    addresses (``forwarded``) are never recorded: they move by design."""
    return sorted(a for a in found - set(registry.served)
                  if a.split("#")[0] not in forwarded and not a.startswith("/latest/"))


def record(path: Path, addresses: list[str], *, opens: Mapping[str, str] | None = None,
           today: dt.date | None = None) -> int:
    """Add new addresses at the end of the list, under a dated comment (those it holds already are left out), each
    with the first words it opens (``opens``), which are also written on listed lines that lack them; return how
    many lines were added or completed."""
    opens = opens or {}
    registry = read_registry(path)
    addresses = [a for a in addresses if a not in registry.served]
    lacking = {line: a for a, line in registry.served.items() if a not in registry.opens and a in opens}
    if not addresses and not lacking:
        return 0
    today = today or dt.date.today()
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    lines = text.split("\n")
    for line, address in lacking.items():
        lines[line - 1] = _line(address, opens)
    text = "\n".join(lines)
    if addresses:
        text = text.rstrip("\n") + f"\n\n# recorded {today.isoformat()}\n" + \
            "\n".join(_line(a, opens) for a in addresses) + "\n"
    path.write_text(text, encoding="utf-8")
    return len(addresses) + len(lacking)


def _line(address: str, opens: Mapping[str, str]) -> str:
    return f'{address} "{opens[address]}"' if address in opens else address


HEADER = """\
# Every address this site has published. The build stops if one would be lost or open other words (README, "Editions").
# `/<address>` is served by the site ("the first words it opens"); `/<old>/ -> /<new>/` forwards (keeping the #fragment).
# `python3 scripts/dev.py build` adds a new edition's addresses here: commit this file with the paper.
"""
