"""What every page writer shares: escaping for where text lands, slugs and ids, front matter.

The model keeps the paper's own Markdown as plain text; a writer escapes it once, here, at the last step:

    >>> inline("<b>worth</b> see [H/2028/9](#)")
    '&lt;b&gt;worth&lt;/b&gt; see H/2028/9'
    >>> block_text("1. not a list")
    '1\\\\. not a list'
    >>> escape_markdown("a_b [c] <d>")
    'a\\\\_b \\\\[c\\\\] &lt;d&gt;'
    >>> inline("*x*{ onclick=go }")
    '*x*\\\\{ onclick=go }'
    >>> link_url('https://x.org/a b(c)"<d>')
    'https://x.org/a%20b%28c%29%22%3Cd%3E'
    >>> html_text('"Drugs" & <b>')
    Markup('&quot;Drugs&quot; &amp; &lt;b&gt;')
    >>> plain("*Ibid.*, [H/2028/9](#)[^4]")
    'Ibid., H/2028/9'
    >>> slugify("Background information")
    'background-information'
    >>> print(front_matter(title="3 March: Tides & <b>", search={"exclude": True}), end="")
    ---
    title: '3 March: Tides &amp; &lt;b&gt;'
    search:
      exclude: true
    ---
    <BLANKLINE>

Nothing here knows a page: it sits below every writer (:mod:`paperkit.pages`) and imports only the standard
library and PyYAML.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from collections.abc import Callable

import yaml
from markupsafe import Markup

# "[H/2028/9](#)" — the PDF export's placeholder links
PLACEHOLDER_LINK_RE = re.compile(r"\[([^\]\n]+)\]\(#\)")
# "Available at www.example.org." — a bare web address (its final full stop is the sentence's)
BARE_WWW_RE = re.compile(r"(?<![\w/.\[])(www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?=[.,;:)]?(?:\s|$))")
# characters that would start a Markdown block at the start of a paragraph ("# ", "> ", "- ", "2. ")
# ("[x]: address" would be a link reference definition)
BLOCK_START_RE = re.compile(r"^(#|>|[-+*](?=\s)|\d+(?=[.)]\s)|\[(?=[^\]]*\]:))")
# "[a link](javascript:alert(1))" — a link that would run code or carry a document: kept as text
SCRIPT_LINK_RE = re.compile(r"\]\((?=\s*<?\s*(?:javascript|vbscript|data):)", re.IGNORECASE)
# "[^25]" — a note marker in the model's text
NOTE_MARKER_RE = re.compile(r"\[\^\d+\]")
# characters that Markdown would read as markup inside text written from plain text (a snippet, a name)
MARKDOWN_SPECIAL_RE = re.compile(r"([\\`*_\[\]<>&|{])")
# "*x*{ onclick=go }" — the start of an attribute list (attr_list), which would give an element attributes
ATTR_LIST_RE = re.compile(r"\{")
# what a URL may keep as it is inside a Markdown link destination (no space, bracket, quote, angle or backslash)
URL_SAFE = ":/?#@!$&'*+,;=%~-._"
# front matter fields that MkDocs and Material print as HTML (<title>, the header, meta tags, the search index)
HTML_FIELDS = ("title", "description")

LinkSymbol = Callable[[str], str]
"""Turns the text of a placeholder link (a document symbol) into Markdown: plain text until the notes are
resolved, a link to the document afterwards."""


def inline(text: str, link_symbol: LinkSymbol | None = None) -> str:
    """The paper's inline Markdown, made safe: raw HTML shown as text, placeholder links resolved."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = ATTR_LIST_RE.sub(r"\\{", text)
    text = SCRIPT_LINK_RE.sub(r"]\\(", text)
    text = PLACEHOLDER_LINK_RE.sub(lambda m: (link_symbol or (lambda s: s))(m.group(1)), text)
    return BARE_WWW_RE.sub(r"[\1](https://\1)", text)


def block_text(text: str, link_symbol: LinkSymbol | None = None) -> str:
    """A paragraph's text, with a first character that Markdown would read as block syntax escaped."""
    return BLOCK_START_RE.sub(lambda m: "\\" + m.group(0) if m.group(0)[0] in "#>-+*[" else m.group(0) + "\\",
                              inline(text, link_symbol), count=1)


def escape_markdown(text: str) -> str:
    """Plain text written into Markdown: markup characters escaped, ``<``, ``>`` and ``&`` as entities."""
    return MARKDOWN_SPECIAL_RE.sub(lambda m: {"<": "&lt;", ">": "&gt;", "&": "&amp;"}.get(m.group(1), "\\" + m.group(1)),
                                   text)


def attr(text: str) -> str:
    """Text inside a Markdown link title (``[x](url "title")``): its double quotes as ``&quot;``."""
    return text.replace('"', "&quot;")


def html_attr(text: str) -> str:
    """Text inside an HTML attribute value, quotes included."""
    return html.escape(text)


def html_text(text: str) -> Markup:
    """Plain text handed to MkDocs and Material where their templates print it as HTML — ``site_name``, nav
    titles — escaped for HTML text and attribute values alike, and marked safe (:class:`markupsafe.Markup`):
    the templates that print it raw show it as written, and those that pass it through Jinja's ``| e`` (the
    logo's ``title``, the footer's ``aria-label``) do not escape it a second time."""
    return Markup(html.escape(text, quote=True))


def link_url(url: str) -> str:
    """An address inside a Markdown link destination: spaces, brackets, quotes and angles percent-encoded, so
    that the address can neither end the link early nor carry markup (``%`` already in it is kept)."""
    return urllib.parse.quote(url, safe=URL_SAFE)


def plain(text: str, limit: int = 300) -> str:
    """The model's inline Markdown as plain text (notes, links and emphasis dropped), cut to ``limit``."""
    text = NOTE_MARKER_RE.sub("", text)
    text = PLACEHOLDER_LINK_RE.sub(r"\1", text).replace("*", "").replace("\\$", "$")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def slugify(text: str) -> str:
    """``Background information`` → ``background-information``."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def question_id(letter: str) -> str:
    """Stable id from the paper's structure (the letter), never from the wording: ``question-d``."""
    return f"question-{letter}"


def front_matter(**fields: object) -> str:
    """A page's YAML front matter (MkDocs reads ``title``, ``description``, ``search``), then a blank line.
    Give plain text: ``title`` and ``description`` are HTML-escaped here, once, since Material prints them as
    HTML (``<title>``, the header, ``<meta content="…">``, the search index's title)."""
    fields = {k: html.escape(v, quote=True) if k in HTML_FIELDS and isinstance(v, str) else v
              for k, v in fields.items()}
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000) + "---\n\n"
