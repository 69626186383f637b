"""Property: however the real paper is damaged, the pipeline either builds it or raises its own PaperError —
never another exception (an IndexError, a KeyError, an AssertionError…) that would leave an editor with a traceback.

Mutations, one to three per example: delete, duplicate or swap lines, insert random text (any Unicode), remove
blank lines (gluing blocks together), change or drop a superscript note marker. Derandomized: the same examples
every run, so a failure is reproducible and CI never flakes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paperkit.errors import PaperError
from paperkit.parse import SUPERSCRIPTS
from paperkit.pipeline import build_site

from .conftest import PAPER, ROOT

LINES = PAPER.read_text(encoding="utf-8").split("\n")
BIBLIOGRAPHY = ROOT / "footnotes" / "sources.bib"
WORK = Path(tempfile.mkdtemp(prefix="paper-fuzz-"))

index = st.integers(min_value=0, max_value=len(LINES) - 1)
mutation = st.one_of(
    st.tuples(st.just("delete"), index),
    st.tuples(st.just("duplicate"), index),
    st.tuples(st.just("swap"), index, index),
    st.tuples(st.just("insert"), index, st.text(max_size=40)),
    st.tuples(st.just("unblank"), index),
    st.tuples(st.just("superscript"), index, st.sampled_from(["", *SUPERSCRIPTS])),
)


def mutate(lines: list[str], change: tuple) -> list[str]:
    lines = list(lines)
    kind, i, *rest = change
    i %= len(lines) or 1
    if not lines:
        return lines
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "swap":
        j = rest[0] % len(lines)
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "insert":
        line = lines[i]
        at = len(line) // 2
        lines[i] = line[:at] + rest[0] + line[at:]
    elif kind == "unblank":  # the next blank line at or after i goes: two blocks become one
        blank = next((k for k in range(i, len(lines)) if not lines[k].strip()), None)
        if blank is not None:
            del lines[blank]
    elif kind == "superscript":  # the first superscript digit at or after line i is changed or dropped
        k = next((k for k in range(i, len(lines)) if any(c in SUPERSCRIPTS for c in lines[k])), None)
        if k is not None:
            at = next(n for n, c in enumerate(lines[k]) if c in SUPERSCRIPTS)
            lines[k] = lines[k][:at] + rest[0] + lines[k][at + 1:]
    return lines


@settings(max_examples=60, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutation, min_size=1, max_size=3))
def test_a_damaged_paper_fails_only_with_a_paper_error(changes):
    lines = LINES
    for change in changes:
        lines = mutate(lines, change)
    paper = WORK / "paper.md"
    paper.write_text("\n".join(lines), encoding="utf-8")
    try:
        site = build_site(paper, bibliography=BIBLIOGRAPHY)
    except PaperError as exc:
        assert exc.path == str(paper) and str(exc).startswith(str(paper))
    else:
        assert "index.md" in site.pages
