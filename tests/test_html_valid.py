"""The W3C Nu HTML validator (npm vnu-jar, run with Java) finds no error in the built pages, except the theme's
own markup listed below with the reason it stays. An entry that no longer occurs fails the test too, so the
list stays true when Material changes.

The validator is installed on first use under .tools/ (gitignored) with npm; set VNU_JAR to use another copy."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU_VERSION = "26.9.27"
TOOLS = ROOT / ".tools"
VNU_JAR = Path(os.environ.get("VNU_JAR", TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"))

# (message pattern, the markup it is found in, why it stays)
THEME_ERRORS = [
    (r"Attribute “autocomplete” is only allowed when the input type is",
     r'<input class="md-toggle" [^>]*type="checkbox" id="__(drawer|search)" autocomplete="off">',
     "Material's base.html puts autocomplete=\"off\" on its drawer and search toggles (checkboxes) so that "
     "Firefox does not restore them open after Back; fixing it means copying base.html into overrides/."),
]


def vnu_jar() -> Path:
    if VNU_JAR.is_file():
        return VNU_JAR
    if shutil.which("npm") is None:
        pytest.skip("the HTML validator needs npm (to install vnu-jar) and Java")
    subprocess.run(["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund", f"vnu-jar@{VNU_VERSION}"],
                   check=True, capture_output=True, timeout=300)
    return VNU_JAR


@pytest.fixture(scope="module")
def vnu_errors(site_dir: Path) -> list[dict]:
    if shutil.which("java") is None:
        pytest.skip("the HTML validator needs Java (Debian: default-jre-headless)")
    done = subprocess.run(["java", "-jar", str(vnu_jar()), "--format", "json", "--skip-non-html", str(site_dir)],
                          capture_output=True, text=True, timeout=300)
    messages = json.loads(done.stderr or done.stdout)["messages"]
    return [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]


def _theme_entry(message: dict) -> int | None:
    for i, (pattern, markup, _) in enumerate(THEME_ERRORS):
        if re.search(pattern, message["message"]) and re.search(markup, message.get("extract", "")):
            return i
    return None


def test_our_markup_has_no_html_error(vnu_errors, site_dir):
    ours = [f"{m['url'].removeprefix('file:').removeprefix(str(site_dir))}:{m.get('lastLine')}: {m['message']}"
            for m in vnu_errors if _theme_entry(m) is None]
    assert not ours, "\n".join(ours)


def test_every_listed_theme_error_still_occurs(vnu_errors):
    seen = {_theme_entry(m) for m in vnu_errors}
    stale = [reason for i, (_, _, reason) in enumerate(THEME_ERRORS) if i not in seen]
    assert stale == [], "no longer an error: remove it from THEME_ERRORS"
