"""Lesson pages: the caches behind them (the same pages as rendered afresh), dirty builds and ``make serve``."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bs4 import BeautifulSoup

from course_lib.build import postprocess
from course_lib.build.bench import edit_prose, fetch_until, scratch_copy, served
from course_lib.build.hooks import _read_search_index

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_pages_from_the_caches_are_the_pages_rendered_afresh(built_site, tmp_path):
    """The oracle is MkDocs itself with nothing kept: the lesson pages, figures and search index of a
    build from the course's caches equal those of a build with every page cache empty."""
    project = scratch_copy(tmp_path / "course", warm=True)
    sites = {}
    for name in ("warm", "cold"):
        if name == "cold":
            for folder in ("mkdocs-jupyter", "pages", "jinja"):
                shutil.rmtree(project / ".cache" / folder, ignore_errors=True)
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / name)],
                              cwd=project, capture_output=True, text=True, timeout=900,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        assert proc.returncode == 0, proc.stderr[-4000:]
        assert ("Converting notebook" in proc.stderr) == (name == "cold")
        site = tmp_path / name
        sites[name] = {p.relative_to(site): p.read_bytes() for p in [*site.glob("**/lessons/*/*"), *site.glob("search/*")]}
    assert sites["warm"].keys() == sites["cold"].keys() and len(sites["warm"]) > len(list(project.glob("lessons/*/*.py")))
    assert [p for p in sites["warm"] if sites["warm"][p] != sites["cold"][p]] == []


@pytest.mark.slow
def test_a_dirty_build_keeps_the_renders_and_search_entries_of_the_other_pages(built_site, tmp_path):
    """``make serve`` rebuilds only edited pages (``--dirty``); the renders of every other page must
    survive it, or the next build converts every notebook again, and so must their search entries."""
    project = scratch_copy(tmp_path / "course", warm=True)

    def build(*flags: str) -> str:
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", *flags, "--site-dir", str(tmp_path / "site")],
                              cwd=project, capture_output=True, text=True, timeout=600,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        assert proc.returncode == 0, proc.stderr[-4000:]
        return proc.stderr

    def search_entries() -> list[str]:
        index = _read_search_index(tmp_path / "site")  # both languages
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
    log = build()  # a full build after the session: every page's render was kept, in both languages
    assert "Converting notebook" not in log and log.count("Cache hit") == len(list((project / "lessons").glob("*/*.py")))


@pytest.mark.slow
def test_serve_shows_each_prose_edit_and_keeps_the_search_index_whole(built_site, tmp_path):
    """A ``make serve`` session: every saved edit reaches the page, and the search index keeps one
    entry per section however many times pages are rebuilt."""
    project = scratch_copy(tmp_path / "course", warm=True)
    lesson = "lessons/02_activation_functions/"
    with served(project, tmp_path / "serve.log") as site:

        def locations() -> list[str]:
            return sorted(f"{prefix}{e['location']}" for prefix in ("", "en/")
                          for e in json.loads(fetch_until(f"{site}{prefix}search/search_index.json", lambda text: True, 120))["docs"])

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
                 "/course/docs/glossary.yml", "/course/docs/ko/lessons/notes.md", "/course/lessons/ko/01_a.py",
                 "/course/docs2/ko/build.md"):
        assert not written(docs, path), path


def test_korean_math_next_to_a_particle_is_found():
    soup = BeautifulSoup('<div class="jp-MarkdownCell"><p>입력 $x$를 받아 $n$개를 돌려줍니다. US$5 그대로. '
                         '$a +\nb$ wraps</p></div>', "html.parser")
    assert postprocess.render_math(soup) == 3
    assert len(soup.select("math")) == 3 and "US$5" in soup.get_text()


def test_a_lesson_page_is_post_processed_once_per_content(tmp_path, monkeypatch):
    """Pitfall boxes (titled by their bold words), collapsed solutions, MathML and the run record; the
    second time, from ``.cache/pages``."""
    import nbformat
    from mkdocs_jupyter import convert

    nb = nbformat.v4.new_notebook(metadata={"language_info": {"name": "python"}})
    nb.cells = [nbformat.v4.new_markdown_cell("# Demo\n\nThe map $y = Wx + b$."),
                nbformat.v4.new_markdown_cell("**Mixing up shapes.** Look:"),
                nbformat.v4.new_code_cell("print(6 * 7)", outputs=[nbformat.v4.new_output("stream", name="stdout", text="42\n")]),
                nbformat.v4.new_code_cell("print(1)")]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"en-{i}"
    nbformat.write(nb, tmp_path / "demo.ipynb")
    html = convert.nb2html(str(tmp_path / "demo.ipynb"), execute=False, no_prompt=True)
    run = {"device": "cpu: 1 thread", "torch": "2.x", "wall_time_s": 1.0, "date": "today"}
    tags = [[], ["pitfall"], ["pitfall"], ["solution"]]
    glossary = [{"en": "map", "ko": "사상", "def_en": "A function.", "def_ko": "함수입니다."}]
    out, toc, _ = postprocess.processed_lesson(tmp_path / "pages", html, "en", "demo", run, False, tags, glossary)
    soup = BeautifulSoup(out, "html.parser")
    box = soup.select_one(".admonition.pitfall")
    assert box.select_one(".admonition-title").get_text() == "Mixing up shapes" and box.select(".jp-CodeCell")
    assert soup.select_one("details.solution summary").get_text() == "Show solution"
    assert soup.select(".math math") and "1 thread" in soup.select_one(".run-record").get_text()
    assert toc[0]["id"] == "demo"
    term = soup.select_one(".gloss > dfn[tabindex='0']")  # the glossary term, described by its tip
    assert term.get_text() == "map" and soup.find(id=term["aria-describedby"]).get_text() == "사상: A function."
    assert not soup.select("style, .clipboard-copy-txt") and soup.select(".jp-CodeCell .highlight > pre > code")
    monkeypatch.setattr(postprocess, "process_lesson_html", lambda *a: pytest.fail("processed again"))
    assert postprocess.processed_lesson(tmp_path / "pages", html, "en", "demo", run, False, tags, glossary)[0] == out


def test_pitfall_title_keeps_code_and_korean_particles():
    """A bold pitfall title keeps its code spans, with no space slipped in before a Korean particle."""
    soup = BeautifulSoup('<div class="jp-Notebook"><div class="jp-Cell jp-MarkdownCell" id="cell-id=ko-0"><p><strong>흔한 실수: '
                         '<code>Variable(...)</code>과 <code>out.backward</code>.</strong></p><p>설명</p></div></div>',
                         "html.parser")
    assert postprocess.wrap_tagged_cells(soup, "ko", [["pitfall"]]) == (1, 0)
    title = soup.select_one(".admonition.pitfall .admonition-title")
    assert [c.get_text() for c in title.select("code")] == ["Variable(...)", "out.backward"]
    assert title.get_text() == "흔한 실수: Variable(...)과 out.backward"
    assert soup.select_one(".admonition.pitfall .jp-MarkdownCell").get_text(strip=True) == "설명"


def test_glossary_tips_mark_the_first_use_per_section():
    """Korean forms match before a particle; a term is marked once per ``##`` section, never in code or headings."""
    entries = [{"en": "neural network", "ko": "신경망", "def_en": "Layers of neurons.", "def_ko": "뉴런을 쌓은 함수입니다."}]
    soup = BeautifulSoup('<div class="jp-MarkdownCell"><h2 id="a">신경망</h2><p>신경망을 만듭니다. 신경망은 <code>신경망</code></p>'
                         '<h2 id="b">둘</h2><p>이 신경망도</p></div>', "html.parser")
    assert postprocess.glossary_tips(soup, "ko", entries) == 2
    tips = soup.select(".gloss__tip[role='tooltip']")
    assert [t.get_text() for t in tips] == ["neural network: 뉴런을 쌓은 함수입니다."] * 2
    assert tips[0].select_one("b[lang='en']") and soup.select_one("p").get_text().startswith("신경망neural network: ")
    assert soup.select_one("h2").get_text() == "신경망" and soup.code.get_text() == "신경망"


def test_english_glossary_tip_marks_the_whole_word():
    """"trained" is marked as one word (not "train" + "ed"); a Korean particle stays outside the term."""
    from course_lib.build.generated import load_glossary

    glossary = load_glossary(Path(__file__).resolve().parent.parent / "docs" / "glossary.yml")
    for lang, text, marked in (("en", "Lesson 07 trained a tiny model on minibatches.", ["trained", "minibatches"]),
                               ("en", "No training settings are listed; the layer is labelled.", ["training", "layer", "labelled"]),
                               ("ko", "가중치는 미니배치로 학습됩니다.", ["가중치", "미니배치", "학습"])):
        soup = BeautifulSoup(f'<div class="jp-MarkdownCell"><h2 id="a">A</h2><p>{text}</p></div>', "html.parser")
        postprocess.glossary_tips(soup, lang, glossary)
        assert [d.get_text() for d in soup.select("dfn")] == marked
