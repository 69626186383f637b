#!/usr/bin/env python3
"""The project's tasks, on a machine with nothing but Python 3.11+.

    python3 scripts/dev.py serve         build the site and serve it on http://127.0.0.1:8000/
    python3 scripts/dev.py build         mkdocs build --strict, into site/ (replaced only by a build that succeeds)
    python3 scripts/dev.py build --engine zensical   the same site built by Zensical instead (README, "Zensical")
    python3 scripts/dev.py test [ARGS]   every test (browser tests included); ARGS go to pytest
    python3 scripts/dev.py bench [ARGS]  scripts/bench.py

Each task first makes sure `.venv` matches `requirements.lock`: when the venv is missing, or the lock (or the
Python running this script) changed since it was made, it is made anew with
`pip install --require-hashes -r requirements.lock`; then `pip install --no-deps -e .` installs the project
whenever `pyproject.toml` changed. Standard library only: this file runs before anything is installed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
PYPROJECT = ROOT / "pyproject.toml"
VENV = ROOT / ".venv"
BIN = VENV / "bin"
LOCK_STAMP = VENV / "requirements.lock.stamp"  # sha256 of the lock + Python version the venv was made from
PROJECT_STAMP = VENV / "pyproject.toml.stamp"  # sha256 of the pyproject.toml last installed with -e .
LOG = VENV / "setup.log"
CHROMIUM = Path("/usr/bin/chromium")  # Debian's; Playwright drives it, never downloads its own
ADDRESS = "127.0.0.1:8000"
MIN_PYTHON = (3, 11, 5)  # pymdown-extensions 13.1 requires it
# The second engine, apart from the main stack (README, "Zensical"): its own venv, from its own lock
ZENSICAL_LOCK = ROOT / "requirements-zensical.lock"
ZENSICAL_VENV = ROOT / ".tools" / "zensical"
ZENSICAL_CONFIG = ROOT / "zensical.yml"  # written by paper2site --config, beside mkdocs.yml (it inherits it)
ZENSICAL_DOCS = ROOT / "build" / "zensical" / "docs"
# overrides/ but for what reaches into Material's search (README, "Material's internals"): Zensical's search is
# another (its own dialog in a shadow root, index search.json, worker protocol), which these break: its dialog
# never opens with Material's form, and stays at "Loading search…" with its worker wrapped in Material's protocol
MATERIAL_SEARCH = {
    "partials/search.html": None,             # Material's form, copied with edits: Zensical's own partial instead
    "partials/search-answers.html": "",       # wraps Material's search worker (typos, quoted phrases): left out
    "partials/search-on-demand.html": "",     # holds back Material's index request and worker: left out
}


class TaskError(Exception):
    """A task could not go on; the message says what to do."""


def say(message: str) -> None:
    print(f"dev.py: {message}", flush=True)


def environment() -> dict[str, str]:
    """The environment of every command run here: the venv first on PATH, banners off."""
    env = dict(os.environ)
    env.pop("PYTHONHOME", None)
    env.update(
        VIRTUAL_ENV=str(VENV),
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        NO_MKDOCS_2_WARNING="1",  # Material 9.8 prints an end-of-life banner on every mkdocs run otherwise
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        DEBIAN_FRONTEND="noninteractive",
    )
    return env


def setup_step(what: str, *args: str | Path) -> None:
    """Run one setup command with its output in .venv/setup.log; on failure, show the end of the log."""
    say(what)
    with LOG.open("a", encoding="utf-8") as log:
        log.write(f"\n$ {' '.join(map(str, args))}\n")
        log.flush()
        code = subprocess.run(args, stdout=log, stderr=subprocess.STDOUT, env=environment(), cwd=ROOT).returncode
    if code:
        print("\n".join(LOG.read_text(errors="replace").splitlines()[-30:]), file=sys.stderr)
        raise TaskError(f"`{' '.join(map(str, args[:4]))} …` failed (exit {code}); whole log: {LOG.relative_to(ROOT)}")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stamp_matches(stamp: Path, wanted: str) -> bool:
    return stamp.is_file() and stamp.read_text() == wanted


def ensure_venv() -> Path:
    """Make .venv match requirements.lock and pyproject.toml; return its python."""
    python = BIN / "python"
    wanted = f"{sha256(LOCK)} python{sys.version_info.major}.{sys.version_info.minor}\n"
    if not (python.exists() and stamp_matches(LOCK_STAMP, wanted)):
        say(f"setting up {VENV.name} from {LOCK.name} (about a minute)…")
        shutil.rmtree(VENV, ignore_errors=True)
        VENV.mkdir()
        try:
            setup_step("creating the virtual environment…", sys.executable, "-m", "venv", VENV)
        except TaskError:
            raise TaskError("could not create .venv: on Debian/Ubuntu install python3-venv "
                            "(`sudo apt-get install python3-venv`), then run this again") from None
        setup_step(f"installing {LOCK.name} (hashes checked)…",
                   python, "-m", "pip", "install", "--require-hashes", "-r", LOCK)
        LOCK_STAMP.write_text(wanted)
    if not stamp_matches(PROJECT_STAMP, sha256(PYPROJECT)):
        setup_step("installing the project (pip install --no-deps -e .)…",
                   python, "-m", "pip", "install", "--no-deps", "-e", ROOT)
        PROJECT_STAMP.write_text(sha256(PYPROJECT))
    return python


def ensure_zensical() -> Path:
    """Make .tools/zensical/ match requirements-zensical.lock (Zensical and what it needs, hashes checked), apart
    from .venv, whose requirements.lock it never changes; return its `zensical`. Raises TaskError, with pip's
    last lines, where it cannot be installed."""
    zensical = ZENSICAL_VENV / "bin" / "zensical"
    stamp = ZENSICAL_VENV / "requirements-zensical.lock.stamp"
    wanted = f"{sha256(ZENSICAL_LOCK)} python{sys.version_info.major}.{sys.version_info.minor}\n"
    if zensical.exists() and stamp_matches(stamp, wanted):
        return zensical
    say(f"setting up {ZENSICAL_VENV.relative_to(ROOT)} from {ZENSICAL_LOCK.name}…")
    shutil.rmtree(ZENSICAL_VENV, ignore_errors=True)
    ZENSICAL_VENV.parent.mkdir(parents=True, exist_ok=True)
    for args in ([sys.executable, "-m", "venv", ZENSICAL_VENV],
                 [ZENSICAL_VENV / "bin" / "python", "-m", "pip", "install", "--require-hashes", "-r", ZENSICAL_LOCK]):
        done = subprocess.run(args, capture_output=True, text=True, env=environment(), cwd=ROOT, check=False)
        if done.returncode:
            shutil.rmtree(ZENSICAL_VENV, ignore_errors=True)
            last = "\n".join((done.stderr or done.stdout).strip().splitlines()[-3:])
            raise TaskError(f"could not install Zensical from {ZENSICAL_LOCK.name}: {last}")
    stamp.write_text(wanted)
    return zensical


def zensical_environment() -> dict[str, str]:
    """What `zensical build` runs with: the project's Markdown extension (paperkit.md_extensions) importable."""
    env = environment()
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT / "scripts"), env.get("PYTHONPATH"))))
    return env


def zensical_build(site: Path, *, papers: str = "papers", bibliography: str = "footnotes/sources.bib",
                   published: str | None = None, config: Path = ZENSICAL_CONFIG, docs: Path = ZENSICAL_DOCS,
                   python: Path = BIN / "python") -> subprocess.CompletedProcess[str]:
    """`paper2site` the papers into ``docs`` (with docs/'s CSS and JavaScript) and write ``config`` (mkdocs.yml
    inherited, the site name and navigation added, overrides/ but for Material's search beside ``docs``),
    then `zensical build` it into ``site``. Both must be inside
    the project (Zensical builds nothing outside its config's folder). Returns the first step that failed, or
    the build."""
    zensical = ensure_zensical()
    overrides = docs.with_name("overrides")
    shutil.rmtree(overrides, ignore_errors=True)
    shutil.copytree(ROOT / "overrides", overrides)
    for name, stand_in in MATERIAL_SEARCH.items():
        if stand_in is None:
            (overrides / name).unlink()
        else:
            (overrides / name).write_text("{#- left out for Zensical, whose search is its own (scripts/dev.py) -#}\n"
                                          + stand_in, encoding="utf-8")
    args = [python, "-m", "paperkit.cli", papers, docs, "--assets", ROOT / "docs", "--bibliography", bibliography,
            "--config", config, "--site-dir", site, "--custom-dir", overrides]
    if published is not None:
        args += ["--published", published]
    written = subprocess.run(args, capture_output=True, text=True, env=zensical_environment(), cwd=ROOT,
                             check=False)
    if written.returncode:
        return written
    return subprocess.run([zensical, "build", "-f", config], capture_output=True, text=True,
                          env=zensical_environment(), cwd=ROOT, check=False)


def ensure_chromium() -> None:
    """The browser tests drive Debian's Chromium: install it with apt-get when root, else say what to do."""
    if CHROMIUM.exists():
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise TaskError(f"the browser tests need Debian's Chromium at {CHROMIUM}: "
                        "install it (`sudo apt-get install chromium`), then run this again")
    setup_step("installing Debian's chromium for the browser tests (apt-get update)…", "apt-get", "update", "-q")
    setup_step("installing Debian's chromium for the browser tests (apt-get install)…",
               "apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium")
    if not CHROMIUM.exists():
        raise TaskError(f"apt-get installed chromium but {CHROMIUM} is still missing; see {LOG.relative_to(ROOT)}")


def run(*args: str | Path) -> int:
    """Run a command in the foreground; its exit code is the task's. Stopping this script stops it too."""
    process = subprocess.Popen(args, env=environment(), cwd=ROOT)
    try:
        return process.wait()
    except KeyboardInterrupt:
        return 130
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait()


def serve(extra: list[str]) -> int:
    ensure_venv()
    say(f"serving the site: open http://{ADDRESS}/ in a browser (Ctrl+C stops)")
    return run(BIN / "mkdocs", "serve", "--dirty", "-a", ADDRESS, *extra)  # see hooks/quick_reload.py


def build(extra: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python3 scripts/dev.py build", description=TASKS["build"][1])
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml", help="default: mkdocs.yml")
    parser.add_argument("-d", "--site-dir", type=Path, default=ROOT / "site", help="default: site/")
    parser.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs",
                        help="mkdocs (MkDocs + Material, the default) or zensical (README, \"Zensical\")")
    args = parser.parse_args(extra)
    ensure_venv()
    site = args.site_dir.resolve()
    if args.engine == "zensical":
        say(f"building the site into {_shown(site)} with Zensical (paper2site, then zensical build)…")
        return build_atomically(args.config_file.resolve(), site, engine="zensical")
    say(f"building the site into {_shown(site)} (mkdocs build --strict, beside it first: hooks/atomic_site.py)…")
    os.environ["PAPER_RECORD_ADDRESSES"] = "true"  # a new edition's addresses go into papers/published.txt
    return build_atomically(args.config_file.resolve(), site)


def build_atomically(config: Path, site: Path, *, engine: str = "mkdocs") -> int:
    """Build into ``site``, put in place only when the build succeeds: a build that fails (a paper error, or a
    warning in strict mode) leaves it as it was. MkDocs: `mkdocs build --strict`, which hooks/atomic_site.py (named
    in mkdocs.yml) builds beside ``site`` and swaps in; Zensical (no MkDocs hooks): into a new folder beside it,
    swapped in here."""
    if engine != "zensical":
        code = run(BIN / "mkdocs", "build", "--strict", "--config-file", config, "--site-dir", site)
        say(f"the build failed (exit {code}): {_shown(site)} is left as it was" if code else f"built into {_shown(site)}")
        return code
    sys.path.insert(0, str(ROOT / "scripts"))  # site_swap: standard library only, like this file
    from paperkit.site_swap import building_beside, swap_in

    new = building_beside(site)
    try:
        done = zensical_build(new)
        print((done.stdout + done.stderr).rstrip(), file=sys.stderr if done.returncode else sys.stdout)
        if done.returncode:
            say(f"the build failed (exit {done.returncode}): {_shown(site)} is left as it was")
            return done.returncode
        swap_in(new, site)
        say(f"built into {_shown(site)}")
        return 0
    finally:
        shutil.rmtree(new, ignore_errors=True)


def _shown(path: Path) -> str:
    try:
        return f"{path.relative_to(ROOT)}/"
    except ValueError:
        return f"{path}/"


def test(extra: list[str]) -> int:
    python = ensure_venv()
    ensure_chromium()
    say("running the tests (pytest)…")
    code = run(python, "-m", "pytest", *extra)
    if code == 5:
        say("pytest collected no tests (exit 5)")
    return code


def bench(extra: list[str]) -> int:
    script = ROOT / "scripts" / "bench.py"
    if not script.exists():
        raise TaskError(f"{script.relative_to(ROOT)} does not exist yet")
    python = ensure_venv()
    say(f"running {script.relative_to(ROOT)}…")
    return run(python, script, *extra)


TASKS: dict[str, tuple[Callable[[list[str]], int], str]] = {
    "serve": (serve, f"build the site and serve it on http://{ADDRESS}/ (live reload)"),
    "build": (build, "mkdocs build --strict into a folder beside site/, swapped in for site/ only if the build "
                     "succeeds (-f CONFIG, -d SITE_DIR as for mkdocs)"),
    "test": (test, "run every test; extra arguments go to pytest (e.g. -k footnotes -x; -- before pytest's own -h)"),
    "bench": (bench, "run scripts/bench.py; extra arguments go to it"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 scripts/dev.py",
        description="Set up .venv from requirements.lock (when needed), then run a task.",
    )
    tasks = parser.add_subparsers(dest="task", required=True, metavar="TASK")
    for name, (_, help_text) in TASKS.items():
        tasks.add_parser(name, help=help_text, description=help_text)
    args, extra = parser.parse_known_args(argv)
    if extra[:1] == ["--"]:
        extra = extra[1:]
    if extra and args.task not in ("test", "bench", "build"):
        parser.error(f"{args.task} takes no arguments: {' '.join(extra)}")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so `finally` stops a running command
    if sys.version_info < MIN_PYTHON:
        parser.exit(1, f"dev.py: error: needs Python {'.'.join(map(str, MIN_PYTHON))} or newer "
                       f"(pymdown-extensions 13.1); this is {sys.version.split()[0]}\n")
    try:
        return TASKS[args.task][0](extra)
    except TaskError as error:
        print(f"dev.py: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
