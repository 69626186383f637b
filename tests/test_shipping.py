"""Shipping: the site works served from a sub-path, and the GitHub Pages workflow builds and deploys it.

The site is built with SITE_URL=https://example.org/cnd-2021/ (mkdocs.yml reads it): the sitemap and every
page's canonical link name that address, and every link, script, style and image inside the site is relative,
so that it resolves, from the page that holds it, to a file of the site under /cnd-2021/.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from .conftest import ROOT, mkdocs_build

SITE_URL = "https://example.org/cnd-2021/"
WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yml"
# href="…" and src="…" of any element
URL_ATTR_RE = re.compile(r'\s(?:href|src)="([^"]*)"')


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("sub-path-site")
    done = mkdocs_build(site, env={"SITE_URL": SITE_URL})
    assert done.returncode == 0, done.stderr
    return site


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def address_of(site: Path, page: Path) -> str:
    """The page's address under the sub-path: ``…/cnd-2021/19-october/``."""
    rel = page.relative_to(site).as_posix()
    return SITE_URL + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel)


def file_at(site: Path, url: str) -> Path | None:
    """The file of the site a URL under the sub-path is served from, or ``None`` if it is outside the site."""
    path = urlsplit(url).path
    prefix = urlsplit(SITE_URL).path
    if not path.startswith(prefix):
        return None
    target = site / path[len(prefix):]
    return target / "index.html" if path.endswith("/") else target


def test_sitemap_names_every_page_under_the_sub_path(sub_path_site):
    sitemap = (sub_path_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locs and all(loc.startswith(SITE_URL) for loc in locs), locs
    assert sorted(locs) == sorted(address_of(sub_path_site, p) for p in pages(sub_path_site))
    for loc in locs:
        assert file_at(sub_path_site, loc).is_file(), loc


def canonical_of(site: Path, page: Path) -> str:
    """The address a page is known by: its own, or, for a page that forwards (an address that moved, a latest/
    alias), the address it forwards to."""
    refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)"', page.read_text(encoding="utf-8"))
    return urljoin(address_of(site, page), html.unescape(refresh.group(1))) if refresh else address_of(site, page)


def test_each_page_is_canonical_at_its_own_address(sub_path_site):
    forwarding = 0
    for page in pages(sub_path_site):
        canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', page.read_text(encoding="utf-8"))
        assert canonical == [canonical_of(sub_path_site, page)], page
        forwarding += canonical_of(sub_path_site, page) != address_of(sub_path_site, page)
        assert file_at(sub_path_site, canonical[0]).is_file(), page
    assert forwarding, "no page forwards: the latest/ aliases are missing"


def test_reference_managers_and_link_previews_get_the_canonical_address(sub_path_site):
    """citation_public_url and DC.identifier (partials/citation.html), og:url: each page's own address, a question's
    short address included (a preview that named the day's page would be fetched from there instead)."""
    for page in pages(sub_path_site):
        text = page.read_text(encoding="utf-8")
        cited = 'name="citation_title"' in text  # the pages the editions share cite no paper (test_citation)
        for tag in ('name="citation_public_url"', 'name="DC.identifier"', 'property="og:url"')[0 if cited else 2:]:
            assert re.findall(rf'<meta {tag} content="([^"]+)"', text) == [canonical_of(sub_path_site, page)], (page, tag)


def test_every_link_inside_the_site_is_relative_and_resolves(sub_path_site):
    checked = 0
    for page in [*pages(sub_path_site), sub_path_site / "404.html"]:
        base = address_of(sub_path_site, page) if page.name != "404.html" else SITE_URL
        for raw in URL_ATTR_RE.findall(page.read_text(encoding="utf-8")):
            url = html.unescape(raw)
            if not url or url.startswith(("#", "mailto:", "javascript:", "data:")):
                continue
            if urlsplit(url).scheme:  # another host (undocs.org…), or the canonical address checked above
                continue
            if page.name != "404.html":  # the 404 page is served at any depth: MkDocs gives it root links
                assert not url.startswith("/"), f"{page}: {url} is not relative"
            target = file_at(sub_path_site, urljoin(base, url))
            assert target is not None and target.is_file(), f"{page}: {url} → {target}"
            checked += 1
    assert checked > 100


def test_the_deploy_workflow_builds_with_the_readme_command_and_deploys_to_pages():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    build = workflow["jobs"]["build"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in build]
    assert uses[:2] == ["actions/checkout", "actions/setup-python"]
    assert next(s for s in build if "setup-python" in s.get("uses", ""))["with"]["python-version"] == "3.11"
    run = next(s for s in build if "run" in s)
    assert "python3 scripts/dev.py build" in run["run"] and "SOURCE_DATE_EPOCH" in run["run"]
    assert "SITE_URL" in run["env"]
    upload = next(s for s in build if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
