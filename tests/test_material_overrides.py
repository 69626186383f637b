"""Material's internals that overrides/ depends on (README, "Material's internals"), held to what they were written
against: each partial copied from Material is the installed Material's own with exactly the edits listed here (so
an upgrade that changes the original fails here, naming the edit to redo), and the `paper` plugin stops with one
message on any other Material release than the one overrides/ was written for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import material
import pytest
from mkdocs.exceptions import PluginError

from paperkit import material_guard

from .conftest import ROOT

OVERRIDES = ROOT / "overrides"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
GENERATED = "{#-\n  This file was automatically generated - do not edit\n-#}\n"  # Material's first lines
OUR_HEADER = re.compile(r"\A\{#-.*?-#\}\n", re.S)  # our comment saying why the copy exists


@dataclass(frozen=True)
class Edit:
    material: str
    """The text in Material's partial (it must occur there exactly once)."""
    ours: str
    """What overrides/ has instead."""
    why: str


RESULTS = '        <div class="md-search-result" data-md-component="search-result">'
EDITS: dict[str, tuple[Edit, ...]] = {
    "partials/search.html": (
        Edit('role="dialog">', '''role="dialog" aria-label="{{ lang.t('search') }}">''',
             "a dialog without a name is announced as an unnamed dialog (axe: aria-dialog-name)"),
        Edit(RESULTS, '        {% include "partials/search-scope.html" %}\n' + RESULTS,
             "which edition a search covers, with a link to search every edition (paperkit/search/editions.py)"),
    ),
}


def copied_partials() -> list[str]:
    """Every file of overrides/ that replaces one of Material's templates of the same path (but main.html, the
    documented place to extend base.html's blocks, and a page template that, like Material's own 404.html,
    extends main.html and fills its blocks)."""
    return sorted(name for p in OVERRIDES.rglob("*.html")
                  if (name := p.relative_to(OVERRIDES).as_posix()) != "main.html"
                  and (MATERIAL_TEMPLATES / name).is_file()
                  and not p.read_text(encoding="utf-8").startswith('{% extends "main.html" %}'))


def test_every_copied_partial_has_its_edits_listed():
    assert copied_partials() == sorted(EDITS)


@pytest.mark.parametrize("name", sorted(EDITS))
def test_a_copied_partial_is_materials_own_with_the_listed_edits(name):
    original = (MATERIAL_TEMPLATES / name).read_text(encoding="utf-8")
    expected = original.removeprefix(GENERATED)
    for edit in EDITS[name]:
        assert expected.count(edit.material) == 1, (
            f"Material's {name} no longer has {edit.material!r} once: redo by hand the edit ({edit.why})")
        expected = expected.replace(edit.material, edit.ours)
    ours = (OVERRIDES / name).read_text(encoding="utf-8")
    assert OUR_HEADER.match(ours), f"overrides/{name} starts with a comment saying what it changes and why"
    assert OUR_HEADER.sub("", ours, count=1) == expected


def test_the_installed_material_is_the_one_overrides_were_written_for():
    assert material_guard.installed_material() == material_guard.WRITTEN_FOR


def test_the_plugin_stops_with_one_message_on_another_material(monkeypatch, tmp_path):
    from mkdocs.config.defaults import MkDocsConfig

    from paperkit.mkdocs_plugin import PaperPlugin

    monkeypatch.setattr(material_guard, "installed_material", lambda: "9.9.0")
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError) as stopped:
        PaperPlugin().on_config(config)  # before the paper is read: no paper here
    message = str(stopped.value)
    assert f"written for Material for MkDocs {material_guard.WRITTEN_FOR}, but 9.9.0 is installed" in message
    assert "\n" not in message
