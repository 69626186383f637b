"""Stage "resolve notes to sources": each note → the bibliography entries it cites, with locators.

The bibliography is read by :mod:`paperkit.bibliography`, locators by :mod:`paperkit.locators`, the
sources' names found in a note by :mod:`paperkit.source_names`.

Input: the paper's notes (``Footnote`` records) and a BibTeX bibliography whose entries carry, besides
the usual fields, ``symbol``, ``shortnames``, ``match`` and ``group`` (see ``footnotes/sources.bib``).
Output: one ``ResolvedNote`` per note. For example, with an entry ``a-res-70-1`` whose ``symbol`` is
``A/RES/70/1``::

    note 3  "See [A/RES/70/1](#), annex, para. 5."  →  ResolvedNote(3, (CitedSource("a-res-70-1",
                                                        annex, para. 5),))
    note 4  "*Ibid.*, para. 7."                      →  ResolvedNote(4, (CitedSource("a-res-70-1",
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
  ones from the first of equal or narrower rank on (``locators.LocatorKind.rank``): "Ibid., para. 9" after
  "chap. II, sect. A, resolution 1/2, para. 4" means "chap. II, sect. A, resolution 1/2, para. 9".

Problems are ``PaperError``s naming the note, its line and text: a note or segment that names no
entry, an "Ibid." with no note before it, an "Ibid." after a note that cites several sources.
``resolve_notes`` raises them all at once; ``note_problems`` lists them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .bibliography import Bibliography
from .errors import PaperError
from .locators import LocatorPart, locator_text, narrow, parts, parts_before
from .markup import PLACEHOLDER_LINK_RE
from .model import Footnote
from .source_names import NameIndex, find_names, markup_span, name_index, plain_text
from .text import fold_name


@dataclass(frozen=True, slots=True)
class CitedSource:
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
    by_symbol: bool = False
    """The name is only a document symbol (``[A/RES/70/1](#)``): it does not say what the document is. An
    "Ibid." inherits it with the name."""


@dataclass(frozen=True, slots=True)
class ResolvedNote:
    number: int
    citations: tuple[CitedSource, ...]
    ibid: bool = False
    ibid_of: int | None = None
    """For an "Ibid.": the note before it, the one "Ibid." refers to."""


def citation_text(citation: CitedSource) -> str:
    """What a citation means, in words: ``General Assembly resolution 70/1, annex, para. 7``."""
    return ", ".join(filter(None, (citation.name, locator_text(citation.locator))))


def citing_notes(resolved: Iterable[ResolvedNote]) -> dict[str, tuple[int, ...]]:
    """For each cited entry, the numbers of the notes that cite it, "Ibid."s included, in order."""
    found: dict[str, dict[int, None]] = {}  # each entry's notes as an ordered set
    for note in resolved:
        for citation in note.citations:
            found.setdefault(citation.key, {})[note.number] = None
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
    names = name_index(bib)
    resolved: list[ResolvedNote | None] = []
    problems: list[PaperError] = []
    for i, note in enumerate(notes):
        before = (notes[i - 1].number, resolved[-1]) if i else None
        outcome = _resolve_one(note, before, names, bib.path)
        resolved.append(outcome if isinstance(outcome, ResolvedNote) else None)
        if isinstance(outcome, str):
            problems.append(PaperError(source, note.line, f"note {note.number} “{note.text}”: {outcome}"))
    return resolved, problems


@dataclass(frozen=True, slots=True)
class Mention:
    """A source's name found in a note's plain text, with the locator written just before it."""

    start: int
    end: int
    """Where the name stands in the plain text."""
    key: str
    """The bibliography entry it names."""
    lead: int
    """Where its locator-before starts (``start`` when it has none): "art. 3, of the" + name."""
    before: tuple[LocatorPart, ...]


Outcome = ResolvedNote | str | None
"""A note resolved; or what is wrong with it, in words for the editor; or ``None`` for an "Ibid." after a
note in error (that note's error says it all)."""

# "; " and "See also" cut a note into the citations it makes
_SEPARATOR = re.compile(r";|\bsee also\b", re.IGNORECASE)
_IBID = re.compile(r"^\s*ibid\b\.?", re.IGNORECASE)


def _resolve_one(note: Footnote, before: tuple[int, ResolvedNote | None] | None,
                 names: NameIndex, bib_path: str) -> Outcome:
    """One note's citations; ``before`` is the previous note's number and resolution (``None`` if in error)."""
    plain, where = plain_text(note.text)
    spans = find_names(fold_name(plain), names)
    ibid = _IBID.match(plain)

    citations: list[CitedSource] = []
    for n, (start, end) in enumerate(_segments(plain, spans)):
        mentions = _mentions(plain, spans, start, end)
        if ibid and n == 0:
            own = tuple(p for _, p in parts(plain[ibid.end():mentions[0].lead if mentions else end]))
            followed = _follow(note, before, own)
            if not isinstance(followed, CitedSource):
                return followed
            citations.append(followed)
        elif not mentions:
            return _unnamed(note.text, slice(*markup_span(note.text, where, start, end)), bib_path)
        for i, m in enumerate(mentions):
            after = plain[m.end:(mentions[i + 1].lead if i + 1 < len(mentions) else end)]
            locator = m.before + tuple(p for _, p in parts(after))
            span = markup_span(note.text, where, m.start, m.end)
            citations.append(CitedSource(m.key, locator, plain[m.start:m.end], note.number, span,
                                      _symbol_only(note.text[slice(*span)])))
    return ResolvedNote(note.number, tuple(citations), ibid=bool(ibid),
                        ibid_of=before[0] if ibid and before else None)


def _mentions(plain: str, spans: Sequence[tuple[int, int, str]], start: int, end: int) -> list[Mention]:
    """The names inside the segment ``[start, end)``, each with the locator between it and the name before."""
    found, at = [], start
    for s, e, key in spans:
        if start <= s and e <= end:
            offset, locator = parts_before(plain[at:s])
            found.append(Mention(s, e, key, at + offset, locator))
            at = e
    return found


def _follow(note: Footnote, before: tuple[int, ResolvedNote | None] | None,
            own: tuple[LocatorPart, ...]) -> CitedSource | str | None:
    """The citation an "Ibid." note makes: the previous note's single source, its locator narrowed; or the
    problem; or ``None`` when the previous note is in error."""
    if before is None:
        return "“Ibid.” but no note comes before it — write the source out in full"
    number, previous = before
    if previous is None:
        return None
    if len(previous.citations) != 1:
        keys = ", ".join(c.key for c in previous.citations)
        return (f"“Ibid.” but note {number} cites {len(previous.citations)} sources ({keys})"
                f" — write out which one note {note.number} means")
    base = previous.citations[0]
    return CitedSource(base.key, narrow(base.locator, own), base.name, base.named_in, None, base.by_symbol)


def _symbol_only(markdown: str) -> bool:
    """``[H/2028/9](#)`` names a document by its symbol alone; ``General Assembly resolution [70/1](#)`` and
    ``*A Study of Things*`` say what it is."""
    return PLACEHOLDER_LINK_RE.search(markdown) is not None and not re.search(r"\w", PLACEHOLDER_LINK_RE.sub("", markdown))


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
