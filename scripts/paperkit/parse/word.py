"""Stage 1, from Word — the secretariat's ``.docx`` read by pandoc (the ``pypandoc-binary`` wheel ships it), into
pandoc's Markdown, which :mod:`.pandoc` and the rest of the parser read as they read any paper.

What Word holds, and what pandoc makes of it::

    a paragraph styled Heading 1/2/3            "# INTRODUCTION", "## POLICY COMMITMENTS"
    a paragraph all in bold, ending no sentence "**3 MARCH 2030 - RISING TIDES**": a heading, as if styled
    a Word list lettered a), b)…                "a)  Rising tides are flooding small harbours (3 March 2030);"
    a paragraph typed "a) …" or "(a) …"         the same item ("a\\) …" as pandoc escapes it, unescaped here)
    a footnote (Word numbers them itself)       "[^1]" in the text, "[^1]: See *Tide Atlas 2029*, p. 4." at the end
    a paragraph styled Title, Subtitle, Date…   a title line where it is (pandoc would move it to its metadata)
    text in All Caps (a style's or its own)     that text in capitals, as Word shows it (:mod:`.word_docx`)

Every paragraph is one line (``--wrap=none``), so a line of the Markdown is a paragraph, a heading, a list item or
a footnote of the Word file, and a problem found on that line is named as the editor sees it in Word
(:func:`.word_places.in_word_terms`): the heading's or the paragraph's first words, the footnote's number.

    >>> typed_letters("a\\\\) Which harbours flood first?")
    'a) Which harbours flood first?'
    >>> typed_letters("\\\\(b\\\\) What do walls cost?")
    '(b) What do walls cost?'
"""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path

from ..errors import PaperError
from ..model import Paper
from .word_docx import ready_for_pandoc
from .word_places import in_word_terms

WORD_SUFFIX = ".docx"
# "a\) Which …", "\(b\) What …": a letter typed at the start of a paragraph, as pandoc escapes it
TYPED_LETTER_RE = re.compile(r"^(\\?\()?([a-z])\\\)(?=[ \t])", re.MULTILINE)
# "[]{#_Toc123 .anchor}": a Word bookmark (headings and cross-references carry them); nothing to read
BOOKMARK_RE = re.compile(r"\[\]\{#[^}\s]+(?: \.anchor)?\}")
# "](#X3f…)": a link to a bookmark; kept only when the document has that bookmark
BOOKMARK_LINK_RE = re.compile(r"\]\(#([^)\s]+)\)")
# "[harbours]{.underline}": Word's underline, highlight or small capitals, which the paper does not carry
FORMATTING_RE = re.compile(r"\[([^\[\]]*)\]\{\.(?:underline|mark|smallcaps)\}")
# "**Measuring walls**": a paragraph all in bold that ends no sentence, Word's other way to make a heading
BOLD_PARAGRAPH_RE = re.compile(r"^\*\*([^*\n]*[^*.\s])\*\*$", re.MULTILINE)
TIMEOUT_S = 120


def read_word(path: Path, parse) -> Paper:
    """The Word paper at ``path``, its Markdown read by ``parse(text, source=…)``
    (:func:`paperkit.parse.parse_paper`);
    a problem is one :class:`PaperError` naming the place in Word's terms (no line: Word has none)."""
    data = path.read_bytes()
    markdown = word_markdown(data, str(path))
    try:
        return parse(markdown, source=str(path))
    except PaperError as exc:
        raise PaperError(exc.path, None, in_word_terms(exc.message, exc.line, markdown)) from None


@functools.lru_cache(maxsize=16)
def word_markdown(data: bytes, source: str) -> str:
    """The Word file's text as pandoc's Markdown, one line per paragraph, footnotes at the end. Kept for the same
    bytes: `mkdocs serve` reads every paper again on each save of any, and pandoc takes a quarter of a second."""
    docx = ready_for_pandoc(data, source)
    pandoc = _pandoc()
    try:
        done = subprocess.run([pandoc, "-f", "docx", "-t", "markdown-smart", "--wrap=none",
                               "--reference-location=document", "--track-changes=accept"],
                              input=docx, capture_output=True, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise PaperError(source, None, f"pandoc took over {TIMEOUT_S} s to read this Word file — is it the paper? "
                                       f"Save it again from Word as a Word document (.docx)") from None
    if done.returncode:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no reason given"]
        raise PaperError(source, None, f"pandoc could not read this Word file ({why[0]}) — open it in Word and save "
                                       f"it again as a Word document (.docx)")
    return tidy_markdown(done.stdout.decode("utf-8"))


def tidy_markdown(text: str) -> str:
    """What pandoc writes of a Word file that the paper's Markdown does not have, taken out or made plain.

    >>> tidy_markdown("# []{#_Toc7 .anchor}INTRODUCTION\\n\\nSee [H/2028/9](#X0f3), [one]{.underline}.")
    '# INTRODUCTION\\n\\nSee [H/2028/9](#), one.'
    >>> tidy_markdown("**Measuring walls**\\n\\n**Walls are measured at low tide.**")
    '### Measuring walls\\n\\n**Walls are measured at low tide.**'
    """
    text = FORMATTING_RE.sub(r"\1", text)
    bookmarks = set(re.findall(r"\{#([^}\s]+)", text))
    text = BOOKMARK_RE.sub("", text)
    text = BOOKMARK_LINK_RE.sub(lambda m: m.group(0) if m.group(1) in bookmarks else "](#)", text)
    return typed_letters(BOLD_PARAGRAPH_RE.sub(r"### \1", text))


def typed_letters(text: str) -> str:
    """A paragraph that starts with a typed letter ``a)`` or ``(a)`` is a lettered item, as in a Word list."""
    return TYPED_LETTER_RE.sub(lambda m: f"({m.group(2)})" if m.group(1) else f"{m.group(2)})", text)


def _pandoc() -> str:
    """The pandoc that the ``pypandoc-binary`` wheel ships (or pypandoc finds)."""
    try:
        import pypandoc
        return pypandoc.get_pandoc_path()
    except (ImportError, OSError) as exc:
        raise PaperError("pandoc", None, f"pandoc is not installed ({exc}) — reading a Word paper needs the "
                                         f"pypandoc-binary wheel: `python3 scripts/dev.py` installs it from "
                                         f"requirements.lock") from None
