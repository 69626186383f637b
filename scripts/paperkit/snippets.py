"""The files ``pymdownx.snippets`` appends to every page (``auto_append`` in ``mkdocs.yml``: the glossary).

Both the search's word forms (the glossary's abbreviations) and ``mkdocs serve``'s page cache (a changed
glossary changes every page) need to know which files those are and where they are found.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


def appended_snippets(config: MkDocsConfig) -> list[tuple[str, Path | None]]:
    """The files pymdownx.snippets appends to every page, each with where it is found — the first
    ``base_path`` holding it, relative to ``mkdocs.yml`` — or ``None``."""
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    bases = [Path(config.config_file_path or ".").parent / b for b in snippets.get("base_path", ["."])]
    return [(name, next((b / name for b in bases if (b / name).is_file()), None))
            for name in snippets.get("auto_append", [])]
