"""Lesson pages: rendered ahead of MkDocs by worker processes (the same pages MkDocs renders
itself), the caches behind them, workers that never outlive their build, and ``make serve``."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from bs4 import BeautifulSoup

from course_lib.build import internals, postprocess, render
from course_lib.build.bench import edit_prose, fetch_until, scratch_copy, served

ROOT = Path(__file__).resolve().parent.parent


def executed_notebook(path: Path) -> Path:
    nb = nbformat.v4.new_notebook(metadata={"language_info": {"name": "python"},
                                            "course": {"run": {"device": "cpu: 1 thread", "torch": "2.x",
                                                               "wall_time_s": 1.0, "date": "today"}}})
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Demo\n\nThe affine map $y = Wx + b$."),
        nbformat.v4.new_code_cell("print(6 * 7)", execution_count=1,
                                  outputs=[nbformat.v4.new_output("stream", name="stdout", text="42\n")]),
        nbformat.v4.new_markdown_cell("**Pitfall.** Something to avoid.", metadata={"tags": ["pitfall"]}),
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


@pytest.fixture
def jupyter_config(tmp_path):
    """mkdocs-jupyter's options as mkdocs.yml sets them, with the caches in ``tmp_path``."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    options = dict(config.plugins["mkdocs-jupyter"].config)
    options["cache_dir"] = str(tmp_path / "jupyter-cache")
    return options


@pytest.mark.slow
def test_prerendered_pages_are_the_pages_mkdocs_renders_itself(built_site, tmp_path):
    """The oracle is MkDocs itself: the same course built with pre-rendering off."""
    project = scratch_copy(tmp_path / "course", warm=True)
    sites = {}
    for mode in ("all", "off"):
        for name in ("mkdocs-jupyter", "pages", "search"):
            shutil.rmtree(project / ".cache" / name, ignore_errors=True)
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / mode)],
                              cwd=project, capture_output=True, text=True, timeout=900,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "COURSE_PRERENDER": mode})
        assert proc.returncode == 0, proc.stderr[-4000:]
        assert ("pre-rendered" in proc.stderr) == (mode == "all") and ("Converting notebook" in proc.stderr) == (mode == "off")
        sites[mode] = {p.relative_to(tmp_path / mode): p.read_bytes() for p in (tmp_path / mode).glob("**/lessons/*/*")}
    assert sites["all"].keys() == sites["off"].keys() and len(sites["all"]) > len(list(project.glob("lessons/*/*.py")))
    assert [p for p in sites["all"] if sites["all"][p] != sites["off"][p]] == []


def test_compiled_templates_are_kept_on_disk_and_compiled_again_when_a_template_changes(tmp_path):
    import jinja2

    templates, code = tmp_path / "templates", tmp_path / "code"
    templates.mkdir()
    (templates / "page.html").write_text("Hello {{ name }}", encoding="utf-8")
    compiled = []

    class Environment(jinja2.Environment):
        def compile(self, source, *args, **kwargs):
            compiled.append(source)
            return super().compile(source, *args, **kwargs)

    def page(name: str) -> str:  # a new process each time: a new environment and a new cache object
        env = Environment(loader=jinja2.FileSystemLoader(templates), bytecode_cache=render.TemplateCodeCache(code))
        return env.get_template("page.html").render(name=name)

    assert page("a") == "Hello a" and len(compiled) == 1
    assert page("b") == "Hello b" and len(compiled) == 1  # from disk
    (templates / "page.html").write_text("Bye {{ name }}", encoding="utf-8")
    assert page("c") == "Bye c" and len(compiled) == 2
    for kept in code.iterdir():
        kept.write_bytes(kept.read_bytes()[:20])  # torn
    assert page("d") == "Bye d" and len(compiled) == 3


def test_search_sections_are_materials_own_kept_by_page_content(tmp_path, monkeypatch):
    """``render.search_sections``: what Material's search parser finds in a page, parsed once per
    content; Material's search index takes it from there once ``take_search_sections`` is on."""
    from types import SimpleNamespace

    from material.plugins.search import plugin as material_search

    monkeypatch.setattr(material_search, "Parser", material_search.Parser)  # put back afterwards
    parser = getattr(material_search.Parser, "material_parser", material_search.Parser)
    page = ('<h1 id="demo">Demo</h1><p>The affine map <code>y = Wx + b</code>.</p>'
            '<div data-search-exclude><p>not indexed</p></div><h2 id="more">More</h2><p>Text</p>')

    def view(sections) -> list:
        return [(s.el.tag, s.id, s.title, s.text, s.is_excluded()) for s in sections]

    def parsed(html: str) -> list:
        p = parser()
        p.feed(html)
        p.close()
        return view(p.data)

    assert view(render.search_sections(page, tmp_path)) == parsed(page) and len(parsed(page)) == 2
    (kept,) = tmp_path.glob("*.pickle")
    monkeypatch.setattr(material_search, "Parser", lambda: pytest.fail("parsed again"))
    assert view(render.search_sections(page, tmp_path)) == parsed(page)  # from the file
    monkeypatch.setattr(material_search, "Parser", parser)
    edited = page.replace("Text", "Other text")
    assert view(render.search_sections(edited, tmp_path)) == parsed(edited)
    kept.write_bytes(kept.read_bytes()[:30])  # torn
    assert view(render.search_sections(page, tmp_path)) == parsed(page)

    def entries(index_page) -> list:
        index = material_search.SearchIndex(lang=["en"], separator=" ", pipeline=[], fields={})
        index.add_entry_from_context(index_page)
        return index.entries

    fake = SimpleNamespace(meta={}, content=edited, toc=[], url="lessons/demo/", title="Demo")
    expected = entries(fake)
    internals.take_search_sections(lambda html: render.search_sections(html, tmp_path / "kept"))
    assert material_search.Parser is not parser
    assert entries(fake) == entries(fake) == expected and len(list((tmp_path / "kept").iterdir())) == 1


def test_a_one_off_build_starts_no_workers_for_a_few_pages(tmp_path, jupyter_config, monkeypatch):
    monkeypatch.delenv("COURSE_PRERENDER", raising=False)
    notebook = executed_notebook(tmp_path / "docs" / "en" / "lessons" / "01_demo.ipynb")
    assert render.prerender([(notebook, "en", "01_demo")], jupyter_config, tmp_path / "lessons", tmp_path / "pages") == 0
    assert render._POOL is None


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_workers_exit_when_their_build_process_is_killed(tmp_path):
    script = ("import os, time\n"
              "from course_lib.build import render\n"
              "if __name__ == '__main__':\n"
              "    pool = render.start_pool(warm=False)\n"
              "    pids = {f.result() for f in [pool.submit(render._warm) for _ in range(render.pool_size())]}\n"
              "    print(*pids, flush=True)\n"
              "    time.sleep(120)\n")
    (tmp_path / "serve_like.py").write_text(script)
    proc = subprocess.Popen([sys.executable, "serve_like.py"], cwd=tmp_path, stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(pid) for pid in proc.stdout.readline().split()]
        assert workers and all(_alive(pid) for pid in workers)
    finally:
        proc.send_signal(signal.SIGKILL)  # no cleanup at all, as with `kill -9` on `make serve`
        proc.wait()
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers), "render workers outlived their build process"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is gone for our purpose
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return True


@pytest.mark.slow
def test_a_dirty_build_keeps_the_renders_and_search_entries_of_the_other_pages(built_site, tmp_path):
    """``make serve`` rebuilds only edited pages (``--dirty``); the renders of every other page must
    survive it, or the next build converts every notebook again, and so must their search entries."""
    from mkdocs.config import load_config

    project = scratch_copy(tmp_path / "course", warm=True)

    def build(*flags: str) -> str:
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", *flags, "--site-dir", str(tmp_path / "site")],
                              cwd=project, capture_output=True, text=True, timeout=600,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        assert proc.returncode == 0, proc.stderr[-4000:]
        return proc.stderr

    def search_entries() -> list[str]:
        index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
        return sorted(entry["location"] for entry in index["docs"])

    build()
    full_index = search_entries()
    ko = project / "lessons" / "ko" / "02_activation_functions.py"
    for edit in range(3):  # a few edits, as in a `make serve` session
        edit_prose(ko)  # one sentence longer each time
        log = build("--dirty")
        assert log.count("Converting notebook") == 1  # the edited page only
        # the search index still covers every page, once (a dirty build indexes only what it rebuilt)
        assert search_entries() == full_index
    jupyter = load_config(str(project / "mkdocs.yml")).plugins["mkdocs-jupyter"].config
    notebooks = sorted((project / "docs").glob("*/lessons/*.ipynb"))
    assert len(notebooks) == len(list((project / "lessons").glob("*/*.py")))
    jupyter["cache_dir"] = str(project / jupyter["cache_dir"])
    missing = [nb.name for nb in notebooks if not internals.render_cache_file(nb, jupyter).exists()]
    assert missing == []
    log = build()  # a full build after the session: every page still rendered
    assert "Converting notebook" not in log and "pre-rendered" not in log


@pytest.mark.slow
def test_serve_shows_each_prose_edit_and_keeps_the_search_index_whole(built_site, tmp_path):
    """A ``make serve`` session: every saved edit reaches the page, and the search index keeps one
    entry per section however many times pages are rebuilt."""
    project = scratch_copy(tmp_path / "course", warm=True)
    lesson = "lessons/02_activation_functions/"
    with served(project, tmp_path / "serve.log") as site:

        def locations() -> list[str]:
            index = fetch_until(site + "search/search_index.json", lambda text: True, 120)
            return sorted(e["location"] for e in json.loads(index)["docs"])

        fetch_until(site + lesson, lambda text: "run-record" in text, 120)
        full_index = locations()
        ko = project / "lessons" / "ko" / "02_activation_functions.py"
        for edit in range(1, 4):
            edit_prose(ko)
            fetch_until(site + lesson, lambda text: text.count("(bench edit)") >= edit, 120)
            assert locations() == full_index


def test_serve_rebuilds_for_sources_not_for_what_the_build_writes():
    from course_lib.build.hooks import _written_by_the_build as written

    docs = "/course/docs"
    for path in ("/course/docs/ko/lessons/01_a.ipynb", "/course/docs/en/build.md", "/course/docs/ko/glossary.md",
                 "/course/docs/ko/.build.md.x1y2.tmp", "/course/docs/en/lessons/.01_a.ipynb.x1y2.tmp"):
        assert written(docs, path), path
    for path in ("/course/docs/ko/index.md", "/course/docs/en/index.md", "/course/docs/assets/course.css",
                 "/course/docs/glossary.yml", "/course/docs/ko/lessons/notes.md", "/course/lessons/ko/01_a.py"):
        assert not written(docs, path), path


def test_served_files_are_revalidated_and_pages_served_as_before():
    """``make serve`` answers a reload's request for an unchanged stylesheet or script with 304;
    a changed file, a page (MkDocs injects its reload script) and MkDocs' reload polls are sent whole."""
    from course_lib.build.hooks import revalidated

    files = {"/assets/jupyter.css": (b".jp-Cell { margin: 0 }", "text/css"),
             "/lessons/demo/": (b"<html><body>page</body></html>", "text/html"),
             "/livereload/1/2": (b"1", "text/plain")}

    def site(environ, start_response):
        body, kind = files[environ["PATH_INFO"]]
        start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(body)))])
        return [body]

    app = revalidated(site)

    def get(path: str, etag: str | None = None) -> tuple[str, dict, bytes]:
        answer = {}
        environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, **({"HTTP_IF_NONE_MATCH": etag} if etag else {})}
        body = b"".join(app(environ, lambda status, headers, exc_info=None: answer.update(status=status, headers=dict(headers))))
        return answer["status"], answer["headers"], body

    status, headers, body = get("/assets/jupyter.css")
    assert status == "200 OK" and body == files["/assets/jupyter.css"][0] and headers["Cache-Control"] == "no-cache"
    etag = headers["ETag"]
    assert get("/assets/jupyter.css", etag)[0] == "304 Not Modified" and get("/assets/jupyter.css", etag)[2] == b""
    files["/assets/jupyter.css"] = (b".jp-Cell { margin: 1px }", "text/css")
    status, headers, body = get("/assets/jupyter.css", etag)
    assert status == "200 OK" and body == b".jp-Cell { margin: 1px }" and headers["ETag"] != etag
    for path in ("/lessons/demo/", "/livereload/1/2"):
        status, headers, body = get(path, '"anything"')
        assert status == "200 OK" and body == files[path][0] and "ETag" not in headers


def test_korean_math_next_to_a_particle_is_found():
    soup = BeautifulSoup('<div class="jp-MarkdownCell"><p>입력 $x$를 받아 $n$개를 돌려줍니다. US$5 그대로. '
                         '$a +\nb$ wraps</p></div>', "html.parser")
    assert postprocess.render_math(soup) == 3
    assert len(soup.select("math")) == 3 and "US$5" in soup.get_text()
