"""``scripts/search_recall.py`` (a script, not part of the package) imported for the tests, once."""

from __future__ import annotations

import importlib.util
import sys

from .conftest import ROOT


def _load():
    if "search_recall" in sys.modules:
        return sys.modules["search_recall"]
    spec = importlib.util.spec_from_file_location("search_recall", ROOT / "scripts" / "search_recall.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["search_recall"] = module          # its dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


search_recall = _load()
