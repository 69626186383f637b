"""The Word file made ready for pandoc (:mod:`.word`): two things Word shows that pandoc's docx reader would lose.

- **Title, Subtitle, Author, Date, Abstract**: pandoc takes paragraphs of these styles out of the text into its
  metadata; their styles are renamed here, so the title block keeps them where they are.
- **All Caps** (Font › All caps, on a style or on a run of text): Word shows the text in capitals, pandoc gives it
  as typed. A day heading typed "3 March 2030 - Rising tides" in a Heading 1 style with All Caps *is* in capitals
  for the editor; it is written so here.

    >>> caps_applied(b'<w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>3 March &amp; tides</w:t></w:r></w:p>', set())
    b'<w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>3 MARCH &amp; TIDES</w:t></w:r></w:p>'
"""

from __future__ import annotations

import io
import re
import zipfile

from ..errors import PaperError

# Word's paragraph styles that pandoc's docx reader takes out of the text into its metadata
META_STYLE_RE = re.compile(rb'(<w:name w:val=")(Title|Subtitle|Author|Date|Abstract)(")')
STYLE_RE = re.compile(rb'<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>(.*?)</w:style>', re.S)
# <w:caps/>, <w:caps w:val="true"/> — on; <w:caps w:val="0"/>, "false" — off
CAPS_RE = re.compile(rb'<w:caps(?: w:val="(\w+)")?\s*/>')
PARAGRAPH_RE = re.compile(rb"<w:p\b(?:(?!<w:p\b).)*?</w:p>", re.S)
PARAGRAPH_STYLE_RE = re.compile(rb'<w:pStyle w:val="([^"]+)"')
RUN_RE = re.compile(rb"<w:r\b(?:(?!<w:r\b).)*?</w:r>", re.S)
RUN_STYLE_RE = re.compile(rb'<w:rStyle w:val="([^"]+)"')
TEXT_RE = re.compile(rb"(<w:t\b[^>]*>)([^<]*)(</w:t>)")
ENTITY_OR_TEXT_RE = re.compile(rb"&[^;]+;|[^&]+")


def ready_for_pandoc(data: bytes, source: str) -> bytes:
    """The Word file, its meta styles renamed and its All Caps text in capitals; a file that is no Word
    document is one :class:`PaperError`."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zin:
            if "word/document.xml" not in zin.namelist():
                raise PaperError(source, None, "is a ZIP archive but not a Word document (no word/document.xml) — "
                                               "save the paper from Word as a Word document (.docx)")
            styles = zin.read("word/styles.xml") if "word/styles.xml" in zin.namelist() else b""
            caps = capital_styles(styles)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
                for info in zin.infolist():
                    part = zin.read(info)
                    if info.filename == "word/styles.xml":
                        part = META_STYLE_RE.sub(rb"\1\2 (paper)\3", part)
                    elif info.filename in ("word/document.xml", "word/footnotes.xml"):
                        part = caps_applied(part, caps)
                    zout.writestr(info, part)
    except (zipfile.BadZipFile, EOFError, OSError, KeyError, ValueError):
        raise PaperError(source, None, "is not a Word document (.docx) — save the paper from Word as a Word "
                                       "document (.docx), or export it as Markdown (.md)") from None
    return out.getvalue()


def capital_styles(styles: bytes) -> set[bytes]:
    """The ids of the styles that set All Caps on, themselves or through the style they are based on."""
    own: dict[bytes, bool | None] = {}
    based: dict[bytes, bytes] = {}
    for m in STYLE_RE.finditer(styles):
        caps = CAPS_RE.search(m.group(2))
        own[m.group(1)] = None if caps is None else _on(caps)
        if parent := re.search(rb'<w:basedOn w:val="([^"]+)"', m.group(2)):
            based[m.group(1)] = parent.group(1)

    def on(style: bytes, depth: int = 0) -> bool:
        if own.get(style) is not None or style not in based or depth > 20:
            return bool(own.get(style))
        return on(based[style], depth + 1)
    return {style for style in own if on(style)}


def caps_applied(xml: bytes, caps: set[bytes]) -> bytes:
    """Every run that Word shows in All Caps (its paragraph's style, its character style, or its own setting)
    with its text in capitals."""
    def paragraph(p: re.Match[bytes]) -> bytes:
        style = PARAGRAPH_STYLE_RE.search(p.group(0))
        upper = style is not None and style.group(1) in caps
        return RUN_RE.sub(lambda r: run(r.group(0), upper), p.group(0))

    def run(r: bytes, upper: bool) -> bytes:
        own = CAPS_RE.search(r.split(b"<w:t", 1)[0])
        style = RUN_STYLE_RE.search(r)
        if own is not None:
            upper = _on(own)
        elif style is not None and style.group(1) in caps:
            upper = True
        return TEXT_RE.sub(lambda t: t.group(1) + _upper(t.group(2)) + t.group(3), r) if upper else r

    return PARAGRAPH_RE.sub(paragraph, xml)


def _on(caps: re.Match[bytes]) -> bool:
    return caps.group(1) not in (b"0", b"false", b"off")


def _upper(text: bytes) -> bytes:
    """XML text in capitals, its entities (``&amp;``) as they are."""
    return ENTITY_OR_TEXT_RE.sub(lambda m: m.group(0) if m.group(0).startswith(b"&") else
                                 m.group(0).decode("utf-8").upper().encode("utf-8"), text)
