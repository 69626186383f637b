"""The two hooks that make builds and `mkdocs serve` quicker without changing what they make.

hooks/template_cache.py: compiled templates are kept on disk and reused only while a template's source is
unchanged; a cache that goes missing is never an error. hooks/quick_reload.py: every folder `mkdocs serve`
watches is polled every tenth of a second, the ones watched after it too.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path
from types import ModuleType, SimpleNamespace

import jinja2
import pytest
from mkdocs.livereload import LiveReloadServer

from .conftest import ROOT


def hook(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"hook_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


template_cache = hook("template_cache")
quick_reload = hook("quick_reload")


def environment(project: Path) -> jinja2.Environment:
    """A fresh environment, as MkDocs makes one per build, with the hook applied."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(project / "templates")))
    config = SimpleNamespace(config_file_path=str(project / "mkdocs.yml"))
    return template_cache.on_env(env, config=config, files=None)


def refuse_to_compile(env: jinja2.Environment) -> None:
    def compile(*args, **kwargs):
        raise AssertionError("the template was compiled again")

    env.compile = compile


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text("<h1>{{ title | upper }}</h1>", encoding="utf-8")
    return tmp_path


def test_a_second_build_reuses_the_compiled_template(project):
    first = environment(project).get_template("page.html").render(title="day one")
    assert list((project / template_cache.FOLDER).iterdir()), "nothing kept in the cache folder"
    again = environment(project)
    refuse_to_compile(again)
    assert again.get_template("page.html").render(title="day one") == first == "<h1>DAY ONE</h1>"


def test_an_edited_template_is_compiled_again(project):
    environment(project).get_template("page.html").render(title="x")
    (project / "templates" / "page.html").write_text("<h2>{{ title }}</h2>", encoding="utf-8")
    assert environment(project).get_template("page.html").render(title="x") == "<h2>x</h2>"
    edited = environment(project)
    refuse_to_compile(edited)  # and the new code is what is kept now
    assert edited.get_template("page.html").render(title="x") == "<h2>x</h2>"


def test_a_cache_folder_deleted_meanwhile_is_no_error(project):
    env = environment(project)
    (project / template_cache.FOLDER).rmdir()
    assert env.get_template("page.html").render(title="y") == "<h1>Y</h1>"


def test_a_project_where_the_cache_cannot_be_made_builds_without_one(project):
    (project / template_cache.FOLDER.parts[0]).write_text("a file where the cache folder would go")
    env = environment(project)
    assert env.bytecode_cache is None
    assert env.get_template("page.html").render(title="z") == "<h1>Z</h1>"


def test_serve_polls_every_watched_folder_quickly(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "papers").mkdir()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.watch(str(tmp_path / "docs"))  # watched by MkDocs before the plugins' on_serve
    before = {e.timeout for e in server.observer.emitters}
    assert before and min(before) > quick_reload.INTERVAL, "MkDocs' own interval is already this short"
    server = quick_reload.on_serve(server, config=None, builder=None)
    server.watch(str(tmp_path / "papers"))  # watched after it (`watch:` in mkdocs.yml)
    assert len(server.observer.emitters) == 2
    assert {e.timeout for e in server.observer.emitters} == {quick_reload.INTERVAL}


@pytest.mark.parametrize("own_page, shown", [(False, False), (True, True)])
def test_the_dirty_build_warning_is_left_out_only_while_every_page_is_generated(tmp_path, own_page, shown):
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "site.css").write_text("p {}")
    if own_page:
        (docs / "about.md").write_text("# About\n")
    logger = logging.getLogger("mkdocs.commands.build")
    try:
        for _ in range(2):  # every rebuild loads the hook again: one filter all the same
            hook("quick_reload").on_config(SimpleNamespace(docs_dir=str(docs)))
        assert len(logger.filters) == (0 if own_page else 1)
        record = logger.makeRecord(logger.name, logging.WARNING, __file__, 1,
                                   "A 'dirty' build is being performed, this will likely lead to inaccurate navigation",
                                   None, None)
        assert bool(logger.filter(record)) is shown
        other = logger.makeRecord(logger.name, logging.WARNING, __file__, 1, "Something else", None, None)
        assert bool(logger.filter(other))
    finally:
        for f in list(logger.filters):
            logger.removeFilter(f)
