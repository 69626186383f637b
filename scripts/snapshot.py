#!/usr/bin/env python3
"""Prove a refactoring changed nothing a reader gets: build every paper, compare sha256 of every file.

    $ .venv/bin/python scripts/snapshot.py save build/snapshot.json     # before the change
    $ .venv/bin/python scripts/snapshot.py check build/snapshot.json    # after each step
    2021 paper (papers/2021.md): 212 files, identical
    …

Each paper — the bundled one, every ``tests/fixtures/papers/*.md`` (with the ``.bib`` beside it) and
``tests/fixtures/synthetic/paper.md`` — is built with the project's own ``mkdocs.yml`` by
``mkdocs build --strict``, pointed at the paper through ``!ENV`` (``PAPERS``, ``PAPER_BIBLIOGRAPHY``), with
``SOURCE_DATE_EPOCH`` fixed so the sitemap and the offline zip are dated the same on every run. The offline zip
is compared member by member as well as whole, so a difference inside it is named. ``check`` exits 1 and lists
every file added, removed or changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EPOCH = "1700000000"


def papers() -> dict[str, tuple[Path, Path]]:
    """Name → (paper, bibliography) of every paper built."""
    found = {"2021 paper": (max((ROOT / "papers").glob("*.md")), ROOT / "footnotes" / "sources.bib")}
    for paper in sorted((FIXTURES / "papers").glob("*.md")):
        found[paper.stem] = (paper, paper.with_suffix(".bib"))
    found["synthetic"] = (FIXTURES / "synthetic" / "paper.md", FIXTURES / "synthetic" / "sources.bib")
    return found


def build(paper: Path, bibliography: Path, out: Path) -> None:
    env = dict(os.environ, PAPERS=str(paper), PAPER_PUBLISHED="none.txt", PAPER_BIBLIOGRAPHY=str(bibliography), SOURCE_DATE_EPOCH=EPOCH,
               NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    mkdocs = Path(sys.executable).parent / "mkdocs"
    done = subprocess.run([str(mkdocs), "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"snapshot: building {paper} failed:\n{done.stderr}")


def manifest(site: Path) -> dict[str, str]:
    """Path → sha256 of every file of the site, and of every member of its zips (``x.zip!member``)."""
    found = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as z:
                for info in z.infolist():
                    found[f"{rel}!{info.filename}"] = hashlib.sha256(z.read(info)).hexdigest()
    return found


def snapshot() -> dict[str, dict[str, str]]:
    out = {}
    with tempfile.TemporaryDirectory(prefix="snapshot-") as tmp:
        for name, (paper, bib) in papers().items():
            site = Path(tmp) / name
            build(paper, bib, site)
            out[name] = manifest(site)
    return out


def compare(before: dict[str, dict[str, str]], after: dict[str, dict[str, str]]) -> bool:
    same = True
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name, {}), after.get(name, {})
        changed = sorted(p for p in set(old) | set(new) if old.get(p) != new.get(p))
        print(f"{name}: {len(new)} files, " + ("identical" if not changed else f"{len(changed)} DIFFER"))
        for p in changed:
            what = "added" if p not in old else "removed" if p not in new else "changed"
            print(f"    {what}: {p}")
        same = same and not changed
    return same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("manifest", type=Path)
    args = parser.parse_args(argv)
    now = snapshot()
    if args.action == "save":
        args.manifest.parent.mkdir(parents=True, exist_ok=True)
        args.manifest.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"saved {sum(map(len, now.values()))} hashes of {len(now)} sites to {args.manifest}")
        return 0
    return 0 if compare(json.loads(args.manifest.read_text(encoding="utf-8")), now) else 1


if __name__ == "__main__":
    sys.exit(main())
