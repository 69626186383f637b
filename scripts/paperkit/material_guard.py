"""The Material release that ``overrides/`` was written for, checked before a build starts.

``overrides/`` reaches into Material for MkDocs' internals in a few places (a copied partial, scripts that know
how its bundle fetches the search index): README, "Material's internals" lists them. They were written and
tested against one release; another one may render or behave differently without any error. So the ``paper``
plugin stops at once, with one message, when the installed Material is any other:

    >>> check_material_version("9.8.1")
    >>> check_material_version("9.9.0")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    mkdocs.exceptions.PluginError: overrides/ was written for Material for MkDocs 9.8.1, but 9.9.0 is installed: ...
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from mkdocs.exceptions import PluginError

WRITTEN_FOR = "9.8.1"
"""The release of Material whose templates and scripts ``overrides/`` was written and tested against."""


def installed_material() -> str | None:
    try:
        return version("mkdocs-material")
    except PackageNotFoundError:
        return None


def check_material_version(installed: str | None = None) -> None:
    """Raise ``PluginError`` unless Material ``WRITTEN_FOR`` is the installed one (``installed``: for tests)."""
    installed = installed if installed is not None else installed_material()
    if installed == WRITTEN_FOR:
        return
    raise PluginError(
        f"overrides/ was written for Material for MkDocs {WRITTEN_FOR}, but {installed or 'no Material'} is "
        f"installed: install {WRITTEN_FOR} (`python3 scripts/dev.py build` makes .venv from requirements.lock), "
        f"or, to move to {installed or 'another release'}, check each override listed in the README "
        f"(\"Material's internals\") against it, run tests/test_material_overrides.py, then set WRITTEN_FOR in "
        f"scripts/paperkit/material_guard.py")
