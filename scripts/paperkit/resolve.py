"""Stage "resolve notes to sources": each note → the bibliography entries it cites, with locators.

Input: the paper's notes (``Footnote`` records) and a BibTeX bibliography whose entries carry, besides
the usual fields, ``symbol``, ``shortnames``, ``match`` and ``group`` (see ``footnotes/sources.bib``).
Output: one ``ResolvedNote`` per note. For example, with an entry ``a-res-70-1`` whose ``symbol`` is
``A/RES/70/1``::

    note 3  "See [A/RES/70/1](#), annex, para. 5."  →  ResolvedNote(3, (Citation("a-res-70-1",
                                                        annex, para. 5),))
    note 4  "*Ibid.*, para. 7."                      →  ResolvedNote(4, (Citation("a-res-70-1",
                                                        annex, para. 7),), ibid=True, ibid_of=3)

How a note is read:

- Markdown is stripped (``*x*`` → ``x``, ``[x](#)`` → ``x``), then every name of every entry (its
  title, symbol, short names and match phrases, the last two without a leading "the"; case,
  typographic quotes and dashes ignored) is looked for; the longest names win, spans never overlap.
- The note is cut into segments at ``;`` and "see also". Every segment must name a source.
- A locator written before a name belongs to it when it ends in "of (the)": "art. 3, para. 1 (b),
  of the … Convention". Locator parts written after a name, up to the next name, belong to it:
  "A/70/100, chap. II, sect. A".
- "Ibid." takes the previous note's single source and locator; its own parts replace the previous
  ones from the first of equal or narrower rank on (``LocatorKind.rank``): "Ibid., para. 9" after
  "chap. II, sect. A, resolution 1/2, para. 4" means "chap. II, sect. A, resolution 1/2, para. 9".

Problems are ``PaperError``s naming the note, its line and text: a note or segment that names no
entry, an "Ibid." with no note before it, an "Ibid." after a note that cites several sources.
``resolve_notes`` raises them all at once; ``note_problems`` lists them.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import takewhile
from pathlib import Path
from types import MappingProxyType

from pybtex.database import parse_file
from pybtex.scanner import PybtexError, PybtexSyntaxError

from .errors import PaperError
from .model import Footnote
from .text import fold_case

# ---------------------------------------------------------------- bibliography


class Group(enum.Enum):
    """The sections of the Sources page, in order; an entry's ``group`` field holds the value."""

    UN_DOCUMENTS = "UN documents"
    CONVENTIONS = "Conventions"
    REPORTS = "Reports and studies"


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    type: str
    """The BibTeX entry type: ``manual``, ``book``, ``misc``…"""
    title: str
    year: str
    url: str
    group: Group
    symbol: str | None
    shortnames: tuple[str, ...]
    """The names the paper itself uses for the source, as written in the bibliography."""
    names: tuple[str, ...]
    """Every name a note may use for the source: title (unless a cataloguer's "[…]"), symbol, short
    names and match phrases (these two without a leading "the", which notes write or leave out)."""
    authors: tuple[str, ...]
    """Persons, "First Last"; empty when an issuing body (``organization``/``institution``) is the author."""
    fields: Mapping[str, str]
    """Every field as plain text (braces and ``\\&`` undone), lower-case names."""
    line: int
    """Line of the entry's ``@type{key,`` in the bibliography."""


@dataclass(frozen=True, slots=True)
class Bibliography:
    path: str
    entries: tuple[Entry, ...]

    def entry(self, key: str) -> Entry:
        for e in self.entries:
            if e.key == key:
                return e
        raise KeyError(key)

    def grouped(self) -> tuple[tuple[Group, tuple[Entry, ...]], ...]:
        """The entries by group, groups in ``Group`` order, entries in file order; empty groups left out."""
        return tuple((g, es) for g in Group if (es := tuple(e for e in self.entries if e.group is g)))


_REQUIRED = ("title", "year", "url", "group")
_UNDOCS = "https://undocs.org/en/"
# "@manual{a-res-70-1," → the key and its line
_ENTRY_START = re.compile(r"^[ \t]*@\s*(\w+)\s*[{(]\s*([^,\s]+)\s*,", re.MULTILINE)


def load_bibliography(path: str | Path) -> Bibliography:
    """Read and check a BibTeX bibliography; raise ``PaperError(path, line, message)`` on any problem."""
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = parse_file(str(path), bib_format="bibtex")
    except FileNotFoundError:
        raise PaperError(where, None, "bibliography not found") from None
    except PybtexSyntaxError as err:
        raise PaperError(where, err.lineno, f"BibTeX syntax error: {err.args[0] if err.args else err}") from None
    except PybtexError as err:
        raise PaperError(where, None, f"BibTeX error: {err}") from None
    lines = {m.group(2): text.count("\n", 0, m.start()) + 1 for m in _ENTRY_START.finditer(text)}

    entries: list[Entry] = []
    owner: dict[str, str] = {}  # folded name → key, to refuse one name for two entries
    for key, raw in data.entries.items():
        line = lines.get(key)
        fields = {name.lower(): _bib_text(value) for name, value in raw.fields.items()}
        problem = _entry_problem(fields, raw.persons)
        if problem:
            raise PaperError(where, line, f"entry {key}: {problem}")
        symbol = fields.get("symbol") or None
        shortnames = _split(fields.get("shortnames", ""))
        phrases = (_drop_article(n) for n in (*shortnames, *_split(fields.get("match", ""))))
        title = None if re.fullmatch(r"\[.*\]", fields["title"]) else fields["title"]  # "[…]": supplied, not a name
        names = tuple(dict.fromkeys(n for n in (title, symbol, *phrases) if n))
        for name in names:
            folded = _fold(name)
            if owner.setdefault(folded, key) != key:
                raise PaperError(where, line, f"entry {key}: the name “{name}” is also a name of entry {owner[folded]}"
                                 " — a note using it could mean either; keep it on one entry only")
        entries.append(Entry(
            key=key, type=raw.type, title=fields["title"], year=fields["year"], url=fields["url"],
            group=Group(fields["group"]), symbol=symbol, shortnames=shortnames, names=names,
            authors=tuple(_person(p) for p in raw.persons.get("author", ())),
            fields=MappingProxyType(fields), line=line or 0,
        ))
    return Bibliography(path=where, entries=tuple(entries))


def _entry_problem(fields: Mapping[str, str], persons: Mapping[str, Sequence[object]]) -> str | None:
    """What is wrong with an entry's fields, or ``None``."""
    missing = [f for f in _REQUIRED if not fields.get(f)]
    if missing:
        return f"missing field {', '.join(missing)}"
    if not (persons.get("author") or fields.get("organization") or fields.get("institution")):
        return "needs an author (persons) or an organization/institution (issuing body)"
    if fields["group"] not in {g.value for g in Group}:
        return f"group “{fields['group']}” is not one of {', '.join(g.value for g in Group)}"
    if not fields["url"].startswith("https://"):
        return f"url {fields['url']} is not an https:// address"
    symbol = fields.get("symbol")
    if symbol and fields["url"] != _UNDOCS + symbol:
        return f"a UN document's url is its permanent address {_UNDOCS + symbol}"
    return None


def _bib_text(value: str) -> str:
    """A BibTeX field as plain text: ``{COVID-19} \\& Drugs`` → ``COVID-19 & Drugs``."""
    return " ".join(value.replace("\\&", "&").replace("{", "").replace("}", "").split())


def _person(person: object) -> str:
    parts = ("first_names", "middle_names", "prelast_names", "last_names", "lineage_names")
    return " ".join(n for p in parts for n in getattr(person, p))


def _split(value: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in value.split(";") if s.strip())


# ---------------------------------------------------------------- locators


class LocatorKind(enum.Enum):
    """What a locator part points at. ``rank`` orders them from the widest (booklet) to the narrowest."""

    BOOKLET = "booklet"
    CHAPTER = "chapter"
    SECTION = "section"
    ARTICLE = "article"
    ANNEX = "annex"
    RESOLUTION = "resolution"
    RECOMMENDATION = "recommendation"
    PARAGRAPH = "paragraph"
    FIGURE = "figure"
    BOX = "box"
    TABLE = "table"
    PAGE = "page"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {
    LocatorKind.BOOKLET: 0, LocatorKind.CHAPTER: 1, LocatorKind.SECTION: 2, LocatorKind.ARTICLE: 2,
    LocatorKind.ANNEX: 3, LocatorKind.RESOLUTION: 3, LocatorKind.RECOMMENDATION: 4,
    LocatorKind.PARAGRAPH: 5, LocatorKind.FIGURE: 5, LocatorKind.BOX: 5, LocatorKind.TABLE: 5,
    LocatorKind.PAGE: 5,
}

# The words that start a locator part, as UN editorial style writes them ("chap.", "paras.", "Art.").
_WORDS = {
    "booklet": LocatorKind.BOOKLET, "chap.": LocatorKind.CHAPTER, "chapter": LocatorKind.CHAPTER,
    "sect.": LocatorKind.SECTION, "section": LocatorKind.SECTION, "art.": LocatorKind.ARTICLE,
    "arts.": LocatorKind.ARTICLE, "article": LocatorKind.ARTICLE, "articles": LocatorKind.ARTICLE,
    "annex": LocatorKind.ANNEX, "resolution": LocatorKind.RESOLUTION,
    "recommendation": LocatorKind.RECOMMENDATION, "para.": LocatorKind.PARAGRAPH,
    "paras.": LocatorKind.PARAGRAPH, "paragraph": LocatorKind.PARAGRAPH,
    "paragraphs": LocatorKind.PARAGRAPH, "figure": LocatorKind.FIGURE, "box": LocatorKind.BOX,
    "table": LocatorKind.TABLE, "p.": LocatorKind.PAGE, "pp.": LocatorKind.PAGE,
}
# A value: "I", "B", "3 (k)", "(f)", "1.9", "70/1", "No. 9", joined by "and", "to" or a dash: "1–5", "6 and 8"
_ATOM = r"(?:(?:No\.\s?)?(?:\d+(?:[./]\d+)*|[IVXLC]+|[A-Z])(?!\w)(?:\s?\([a-z]{1,4}\))*|\([a-z]{1,4}\))"
_VALUE = rf"{_ATOM}(?:\s?(?:[–-]|and|to)\s?{_ATOM})*"
# A part: "chap. I", "paras. 1–5", "recommendation 3 (k)", "annex"; the word case-insensitive ("Art. 1")
_PART = re.compile(
    rf"(?<![\w.])(?P<word>(?i:{'|'.join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True))}))"
    rf"(?:(?<=\.)|(?!\w))(?:\s(?P<value>{_VALUE}))?"
)
# What joins a locator to the name after it: "art. 3, para. 1 (b), of the" + name
_OF_THE = re.compile(r",?\s+of(?:\s+the)?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class LocatorPart:
    kind: LocatorKind
    label: str
    """The word as the note writes it, lower case: ``"paras."``, ``"chapter"``."""
    value: str
    """``"1–5"``, ``"3 (k)"``, ``"No. 9"``; empty for a bare "annex"."""

    @property
    def text(self) -> str:
        return f"{self.label} {self.value}" if self.value else self.label


def locator_text(parts: Iterable[LocatorPart]) -> str:
    """``annex, recommendation 3 (k)``."""
    return ", ".join(p.text for p in parts)


def _parts(text: str) -> list[tuple[re.Match[str], LocatorPart]]:
    """Every locator part in a stretch of note text, in order, with its match."""
    found = []
    for m in _PART.finditer(text):
        kind = _WORDS[m["word"].lower()]
        if m["value"] or kind is LocatorKind.ANNEX:
            found.append((m, LocatorPart(kind, m["word"].lower(), m["value"] or "")))
    return found


def _parts_before(text: str) -> tuple[int, tuple[LocatorPart, ...]]:
    """The locator a stretch of text ends with, when it leads into a name ("art. 5, para. 3, of the").

    Returns where that locator starts in ``text`` (``len(text)`` when there is none) and its parts.
    """
    of = _OF_THE.search(text)
    if not of:
        return len(text), ()
    head = text[: of.start()]
    found = _parts(head)
    chain: list[tuple[re.Match[str], LocatorPart]] = []
    end = len(head)
    for m, part in reversed(found):
        if not re.fullmatch(r",?\s*", head[m.end():end]):
            break
        chain.insert(0, (m, part))
        end = m.start()
    if not chain:
        return len(text), ()
    return chain[0][0].start(), tuple(p for _, p in chain)


def _narrow(previous: tuple[LocatorPart, ...], new: tuple[LocatorPart, ...]) -> tuple[LocatorPart, ...]:
    """An "Ibid." locator: the previous parts wider than the first new part, then the new parts."""
    if not new:
        return previous
    return tuple(takewhile(lambda p: p.kind.rank < new[0].kind.rank, previous)) + new


# ---------------------------------------------------------------- resolved notes


@dataclass(frozen=True, slots=True)
class Citation:
    key: str
    """The bibliography entry cited."""
    locator: tuple[LocatorPart, ...] = ()
    name: str = ""
    """The source's name as the note that names it writes it, Markdown stripped: ``"General Assembly resolution 70/1"``."""
    named_in: int = 0
    """The note that writes that name: this note, or for an "Ibid." the note its chain goes back to."""
    span: tuple[int, int] | None = None
    """Where the name stands in this note's ``Footnote.text``, its Markdown included
    (``[A/RES/70/1](#)``, ``*Title*``); ``None`` for a source inherited through "Ibid."."""


@dataclass(frozen=True, slots=True)
class ResolvedNote:
    number: int
    citations: tuple[Citation, ...]
    ibid: bool = False
    ibid_of: int | None = None
    """For an "Ibid.": the note before it, the one "Ibid." refers to."""


def citation_text(citation: Citation) -> str:
    """What a citation means, in words: ``General Assembly resolution 70/1, annex, para. 7``."""
    return ", ".join(filter(None, (citation.name, locator_text(citation.locator))))


def citing_notes(resolved: Iterable[ResolvedNote]) -> dict[str, tuple[int, ...]]:
    """For each cited entry, the numbers of the notes that cite it, "Ibid."s included, in order."""
    found: dict[str, list[int]] = {}
    for note in resolved:
        for citation in note.citations:
            numbers = found.setdefault(citation.key, [])
            if note.number not in numbers:
                numbers.append(note.number)
    return {key: tuple(numbers) for key, numbers in found.items()}


def resolve_notes(notes: Sequence[Footnote], bib: Bibliography, *, source: str) -> tuple[ResolvedNote, ...]:
    """Resolve every note; raise one ``PaperError`` that lists every note that cannot be resolved."""
    resolved, problems = _resolve_all(notes, bib, source)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        listing = "\n".join(f"  {p}" for p in problems)
        raise PaperError(source, problems[0].line, f"{len(problems)} notes cannot be resolved against {bib.path}:\n{listing}")
    return tuple(r for r in resolved if r is not None)


def note_problems(notes: Sequence[Footnote], bib: Bibliography, *, source: str) -> tuple[PaperError, ...]:
    """Every problem, one error per note; an "Ibid." after a note in error is not reported again."""
    return tuple(_resolve_all(notes, bib, source)[1])


def _resolve_all(notes: Sequence[Footnote], bib: Bibliography,
                 source: str) -> tuple[list[ResolvedNote | None], list[PaperError]]:
    names = _name_index(bib)
    resolved: list[ResolvedNote | None] = []
    problems: list[PaperError] = []
    for i, note in enumerate(notes):
        before = (notes[i - 1].number, resolved[-1]) if i else None
        try:
            resolved.append(_resolve_one(note, before, names, bib.path))
        except _Inherited:
            resolved.append(None)
        except _NoteProblem as problem:
            resolved.append(None)
            problems.append(PaperError(source, note.line, f"note {note.number} “{note.text}”: {problem}"))
    return resolved, problems


class _NoteProblem(Exception):
    """What is wrong with one note, in words for the editor."""


class _Inherited(Exception):
    """An "Ibid." after a note in error: that note's error says it all."""


# "; " and "See also" cut a note into the citations it makes
_SEPARATOR = re.compile(r";|\bsee also\b", re.IGNORECASE)
_IBID = re.compile(r"^\s*ibid\b\.?", re.IGNORECASE)


def _resolve_one(note: Footnote, before: tuple[int, ResolvedNote | None] | None,
                 names: Sequence[tuple[str, str]], bib_path: str) -> ResolvedNote:
    """One note's citations; ``before`` is the previous note's number and resolution (``None`` if in error)."""
    plain, where = _plain(note.text)
    spans = _find_names(_fold(plain), names)
    ibid = _IBID.match(plain)

    citations: list[Citation] = []
    for n, (start, end) in enumerate(_segments(plain, spans)):
        inside = [s for s in spans if start <= s[0] and s[1] <= end]
        starts = [inside[i - 1][1] if i else start for i in range(len(inside))]
        befores = [_parts_before(plain[a:s[0]]) for a, s in zip(starts, inside)]
        leads = [a + b[0] for a, b in zip(starts, befores)]  # where each name's locator-before starts
        if ibid and n == 0:
            own = tuple(p for _, p in _parts(plain[ibid.end():leads[0] if inside else end]))
            citations.append(_follow(note, before, own))
        elif not inside:
            raise _NoteProblem(_unnamed(note.text, slice(*_markup_span(note.text, where, start, end)), bib_path))
        for i, (s_start, s_end, key) in enumerate(inside):
            after = plain[s_end:(leads[i + 1] if i + 1 < len(inside) else end)]
            locator = befores[i][1] + tuple(p for _, p in _parts(after))
            span = _markup_span(note.text, where, s_start, s_end)
            citations.append(Citation(key, locator, plain[s_start:s_end], note.number, span))
    return ResolvedNote(note.number, tuple(citations), ibid=bool(ibid),
                        ibid_of=before[0] if ibid and before else None)


def _follow(note: Footnote, before: tuple[int, ResolvedNote | None] | None,
            own: tuple[LocatorPart, ...]) -> Citation:
    """The citation an "Ibid." note makes: the previous note's single source, its locator narrowed."""
    if before is None:
        raise _NoteProblem("“Ibid.” but no note comes before it — write the source out in full")
    number, previous = before
    if previous is None:
        raise _Inherited
    if len(previous.citations) != 1:
        keys = ", ".join(c.key for c in previous.citations)
        raise _NoteProblem(f"“Ibid.” but note {number} cites {len(previous.citations)} sources ({keys})"
                           f" — write out which one note {note.number} means")
    base = previous.citations[0]
    return Citation(base.key, _narrow(base.locator, own), base.name, base.named_in, None)


def _unnamed(text: str, segment: slice, bib_path: str) -> str:
    """The message for a stretch of a note that names no entry, with the name to add when one stands out."""
    markdown = text[segment].strip()
    candidate = re.search(r"\*([^*]+)\*|\[([^\]]+)\]\(|[“\"]([^”\"]+)[”\"]", markdown)
    what = ("names no source" if markdown == text.strip() else f"“{markdown}” names no source") + f" listed in {bib_path}"
    if candidate:
        name = next(g for g in candidate.groups() if g)
        return (f"{what} — add an entry whose title or symbol is “{name}”,"
                " or add that name to an existing entry's shortnames or match field")
    return f"{what} — add an entry for its source, or add the name it uses to an existing entry's shortnames or match field"


def _segments(plain: str, spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The note cut at separators that do not fall inside a name."""
    cuts = [m for m in _SEPARATOR.finditer(plain) if not any(s <= m.start() < e for s, e, _ in spans)]
    bounds = [0, *(x for m in cuts for x in (m.start(), m.end())), len(plain)]
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2) if plain[bounds[i]:bounds[i + 1]].strip(" .,")]


# ---------------------------------------------------------------- names in text


def _name_index(bib: Bibliography) -> list[tuple[str, str]]:
    """(folded name, key) for every name of every entry, longest first."""
    index = [(_fold(name), e.key) for e in bib.entries for name in e.names]
    return sorted(index, key=lambda item: len(item[0]), reverse=True)


def _find_names(folded: str, names: Sequence[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, key) spans of entry names in a folded note, longest names first."""
    taken: list[tuple[int, int, str]] = []
    for name, key in names:
        s = folded.find(name)
        while s != -1 and name:  # each occurrence, left to right, none overlapping (as re.finditer finds them)
            e = s + len(name)
            whole = (s == 0 or not folded[s - 1].isalnum()) and (e == len(folded) or not folded[e].isalnum())
            if whole and all(e <= ts or s >= te for ts, te, _ in taken):
                taken.append((s, e, key))
            s = folded.find(name, e)
    return sorted(taken)


def _drop_article(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)


_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-", "\u00a0": " "})


def _fold(text: str) -> str:
    """Case, typographic quotes and dashes folded, character for character (indices are kept)."""
    return fold_case(text).translate(_FOLD)


def _plain(markdown: str) -> tuple[str, list[int]]:
    """A note's Markdown as plain text, and for each plain character its index in the Markdown.

    ``*x*`` → ``x``; ``[x](url)`` → ``x``; ``\\$`` → ``$``; runs of white space → one space.
    """
    out: list[str] = []
    where: list[int] = []
    i = 0
    while i < len(markdown):
        c = markdown[i]
        if c == "\\" and i + 1 < len(markdown):
            out.append(markdown[i + 1])
            where.append(i + 1)
            i += 2
            continue
        if c == "]" and markdown.startswith("(", i + 1) and ")" in markdown[i + 1:]:
            i = markdown.index(")", i + 1) + 1
            continue
        if c in "*_[" or c == "]":
            i += 1
            continue
        if c.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                where.append(i)
            i += 1
            continue
        out.append(c)
        where.append(i)
        i += 1
    return "".join(out), where


def _markup_span(markdown: str, where: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """The Markdown span of plain ``[start, end)``, widened over the markup that opens and closes it."""
    first, last = where[start], where[end - 1] + 1
    while first > 0 and markdown[first - 1] in "*_[":
        first -= 1
    while last < len(markdown):
        if markdown[last] in "*_":
            last += 1
        elif markdown[last] == "]" and markdown.startswith("(", last + 1) and ")" in markdown[last + 1:]:
            last = markdown.index(")", last + 1) + 1
        else:
            break
    return first, last

