"""Compiled templates kept between builds: Jinja's bytecode cache, under ``.cache/templates/``.

Every ``mkdocs build`` and every ``mkdocs serve`` rebuild makes a new Jinja environment and compiles
Material's templates again (about 40 of them; a quarter of a bare build's time). Jinja can keep the compiled
code on disk (``FileSystemBytecodeCache``): a template is looked up by its name and file, and its cached code
is used only if the template's source is byte-for-byte the one it was compiled from (Jinja stores a checksum
of the source, and its own and Python's version), so an edited override or an upgraded theme is simply
compiled again. The output does not change, only the time it takes.

The folder sits beside ``mkdocs.yml`` (Material's own plugins keep their caches under ``.cache/`` too) and can
be deleted at any time, even while ``mkdocs serve`` runs: a cache that cannot be read or written is skipped,
never an error. Where the folder cannot be made (a read-only checkout) templates are compiled as before.
"""

from __future__ import annotations

import logging
from pathlib import Path

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

log = logging.getLogger(f"mkdocs.hooks.{__name__}")

FOLDER = Path(".cache") / "templates"


class _Cache(jinja2.FileSystemBytecodeCache):
    """Jinja's, but a failed write (the folder deleted meanwhile, a full disk) only costs the next compile."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError as error:
            log.debug(f"Compiled template not kept: {error}")


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    folder = Path(config.config_file_path).parent / FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        log.debug(f"Templates compiled without a cache: {error}")
        return env
    env.bytecode_cache = _Cache(str(folder))
    return env
