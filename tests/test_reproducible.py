"""Reproducible builds: two builds of the same commit give byte-identical sites — every file, the sitemap (dated
by the last commit through hooks/source_date.py), its gzip, the search index and the offline zip included.

The builds run in turn into two temporary folders with SITE_URL set (so the sitemap lists every page with its
date), the second in another time zone: nothing but the commit may date the output.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT, mkdocs_build

SITE_URL = "https://example.org/cnd-2021/"


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    sites = []
    for n, tz in enumerate(("UTC", "Pacific/Kiritimati")):
        site = tmp_path_factory.mktemp(f"build{n}")
        done = mkdocs_build(site, env={"SITE_URL": SITE_URL, "TZ": tz})
        assert done.returncode == 0, done.stderr
        sites.append(files(site))
    return sites[0], sites[1]


def test_two_builds_are_byte_identical(two_builds):
    first, second = two_builds
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []
    assert any(name.endswith(".zip") for name in first), "no offline zip to compare"
    assert "search/search_index.json" in first and "sitemap.xml.gz" in first


def source_date() -> dt.datetime:
    """What must date the output: SOURCE_DATE_EPOCH if the caller set it, else the last commit's time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)


def test_the_sitemap_is_dated_by_the_last_commit(two_builds):
    sitemap = two_builds[0]["sitemap.xml"].decode()
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {source_date().strftime("%Y-%m-%d")}


def test_the_offline_zip_is_dated_by_the_last_commit(two_builds, tmp_path):
    name = next(n for n in two_builds[0] if n.endswith(".zip"))
    archive = tmp_path / "copy.zip"
    archive.write_bytes(two_builds[0][name])
    with zipfile.ZipFile(archive) as z:
        dates = {info.date_time for info in z.infolist()}
    d = source_date()
    assert dates == {(d.year, d.month, d.day, d.hour, d.minute, d.second // 2 * 2)}  # zip keeps even seconds
