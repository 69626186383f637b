"""The files ``pymdownx.snippets`` appends to every page (``auto_append`` in ``mkdocs.yml``: the glossary).

Both the search's word forms (the glossary's abbreviations) and ``mkdocs serve``'s page caches (a changed
glossary changes every page: :func:`shared_stamps`) need to know which files those are and where they are found.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from .errors import PaperError


def appended_snippets(config: MkDocsConfig) -> list[tuple[str, Path | None]]:
    """The files pymdownx.snippets appends to every page, each with where it is found — the first
    ``base_path`` holding it, relative to ``mkdocs.yml`` — or ``None``."""
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    bases = _bases(config)
    return [(name, next((b / name for b in bases if (b / name).is_file()), None))
            for name in _listed(snippets.get("auto_append", []))]


def appended_files(config: MkDocsConfig) -> list[Path]:
    """Where each appended file is; :class:`PaperError` naming the first one that is nowhere, and where it was
    looked for."""
    found = []
    for name, path in appended_snippets(config):
        if path is None:
            bases = _bases(config)
            places = ", ".join(str(b) for b in bases)
            raise PaperError(str(bases[0] / name) if bases else name, None,
                             f"the glossary was not found in any `base_path` of pymdownx.snippets (looked for "
                             f"`{name}` in {places or 'none'}) — create it, or fix `auto_append` in mkdocs.yml")
        found.append(path)
    return found


def _bases(config: MkDocsConfig) -> list[Path]:
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    return [Path(config.config_file_path or ".").parent / b for b in _listed(snippets.get("base_path", ["."]))]


def _listed(value: str | list[str]) -> list[str]:
    """pymdownx.snippets takes one path for a list of one: ``base_path: footnotes``."""
    return [value] if isinstance(value, str) else list(value)


def shared_stamps(config: MkDocsConfig) -> list[str]:
    """What every page is made from besides its own Markdown, as :func:`stamp` says it: the config file and each
    file appended to every page (a missing one as ``<name> -``)."""
    parts = [stamp(Path(config.config_file_path))] if config.config_file_path else []
    return parts + [stamp(path) if path else f"{name} -" for name, path in appended_snippets(config)]


def stamp(path: Path) -> str:
    """A file's path, time of change and size: the same while the file is (``<path> -`` while it is missing)."""
    try:
        stat = path.stat()
    except OSError:
        return f"{path} -"
    return f"{path} {stat.st_mtime_ns} {stat.st_size}"
