"""Lesson pages: post-processed once per content, rendered ahead of MkDocs by worker processes.

A lesson page costs ~0.8 s: mkdocs-jupyter's conversion and the course's post-processing
(``postprocess.py``). ``processed_lesson`` keeps the post-processed page by its inputs
(``.cache/pages``); ``search_sections`` keeps what Material's search finds in a page
(``.cache/search``); ``TEMPLATE_CODE`` keeps compiled templates (``.cache/jinja``). After lessons
execute, ``prerender`` renders the new pages side by side, one worker per core, into the caches
MkDocs reads first; a page no worker rendered is rendered by MkDocs, from the same inputs, the same.
``COURSE_PRERENDER=off`` turns the workers off (``all``: use them for any number of pages).
"""
from __future__ import annotations

import base64
import functools
import hashlib
import json
import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import jinja2

from course_lib.build import cache, internals, postprocess
from course_lib.build.lessons import executed_notebook_facts, package_version, repo_root

log = logging.getLogger("mkdocs.hooks.course")

#: mkdocs-jupyter options passed to ``nb2html``, as its plugin passes them.
NB2HTML_OPTIONS = ("kernel_name", "theme", "allow_errors", "show_input", "no_input", "no_prompt",
                   "remove_tag_config", "highlight_extra_classes", "include_requirejs", "custom_mathjax_url")
#: new pages worth sending to running workers (``make serve``), or worth starting them for (a one-off build)
MIN_PAGES, MIN_PAGES_FOR_A_COLD_POOL = 2, 4
_POOL: ProcessPoolExecutor | None = None


@functools.lru_cache(maxsize=1)
def _postprocess_digest() -> str:
    return hashlib.sha256(Path(postprocess.__file__).read_bytes()).hexdigest()


def page_inputs(notebook: Path, lang: str, stem: str, lessons_dir: Path) -> tuple[dict | None, bool, list[list[str]]]:
    """What post-processing needs besides the HTML: run record, outdated translation?, cell tags."""
    from course_lib.build import i18n

    run, cell_tags = executed_notebook_facts(notebook)
    outdated = lang != "en" and i18n.status(lessons_dir / lang / f"{stem}.py",
                                            lessons_dir / "en" / f"{stem}.py") == i18n.OUTDATED
    return run, outdated, cell_tags


def processed_lesson(folder: Path, html: str, lang: str, stem: str, run: dict | None, outdated: bool,
                     cell_tags: list[list[str]]) -> tuple[str, list[dict], dict[str, bytes], list[str]]:
    """``postprocess.process_lesson_html``, kept in ``folder`` by its inputs."""
    key = json.dumps([html, lang, stem, run, outdated, cell_tags, _postprocess_digest()])
    path = Path(folder) / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"
    try:
        e = json.loads(cache.read(path))
        return e["html"], e["toc"], {n: base64.b64decode(d) for n, d in e["figures"].items()}, e["styles"]
    except (TypeError, ValueError, KeyError):
        pass
    out, toc, figures, styles = postprocess.process_lesson_html(html, lang, stem, run, outdated, cell_tags)
    entry = {"html": out, "toc": toc, "figures": {n: base64.b64encode(d).decode() for n, d in figures.items()},
             "styles": styles}
    cache.write_atomic(path, json.dumps(entry), keep=cache.KEEP)
    return out, toc, figures, styles


class TemplateCodeCache(jinja2.BytecodeCache):
    """Compiled Jinja templates, kept in memory and in ``folder``: MkDocs makes a new template
    environment for every build and language (Material's templates: ~0.3 s to compile), and
    mkdocs-jupyter a new nbconvert exporter for every page (~0.25 s). Jinja checks each template's
    checksum, so an edited template is compiled again."""

    def __init__(self, folder: Path | None = None) -> None:
        self.code: dict[str, bytes] = {}
        self.folder = folder

    def load_bytecode(self, bucket) -> None:
        code = self.code.get(bucket.key)
        if code is None and self.folder is not None:
            code = cache.read(self.folder / f"{bucket.key}.code")
        if code is not None:
            try:
                bucket.bytecode_from_string(code)
            except Exception:  # noqa: BLE001 - unreadable: compile the template again
                bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        self.code[bucket.key] = code = bucket.bytecode_to_string()
        if self.folder is not None:
            try:
                cache.write_atomic(self.folder / f"{bucket.key}.code", code, keep=cache.KEEP)
            except OSError:
                pass  # a read-only checkout still builds


TEMPLATE_CODE = TemplateCodeCache(repo_root() / ".cache" / "jinja")


def search_sections(html: str, folder: Path) -> list:
    """What Material's search parser finds in a page (0.1-0.2 s a lesson page), kept in ``folder``
    by the page's content."""
    digest = hashlib.sha256(f"{package_version('mkdocs-material')}\0{html}".encode()).hexdigest()[:32]
    path = Path(folder) / f"{digest}.pickle"
    try:
        return pickle.loads(cache.read(path))
    except Exception:  # noqa: BLE001 - not there yet, or unreadable: parse the page
        pass
    sections = internals.parse_search_sections(html)
    try:
        cache.write_atomic(path, pickle.dumps(sections), keep=cache.KEEP)
    except OSError:
        pass  # a read-only checkout still builds
    return sections


# ---------------------------------------------------------------------------- workers


def render_page(notebook: str, options: dict, toc_depth: int, jupyter_cache_file: str, pages_cache: str,
                lang: str, stem: str, lessons_dir: str) -> str:
    """Render a notebook as mkdocs-jupyter would and post-process it as the hooks would, into both caches."""
    internals.reuse_nbconvert_templates(TEMPLATE_CODE)
    body, toc_tokens, title = internals.render_notebook(notebook, options, toc_depth)
    run, outdated, cell_tags = page_inputs(Path(notebook), lang, stem, Path(lessons_dir))
    html = processed_lesson(Path(pages_cache), body, lang, stem, run, outdated, cell_tags)[0]
    # last: MkDocs takes a page from this cache only once the post-processed page is there too
    cache.write_atomic(Path(jupyter_cache_file), json.dumps({"content": body, "toc_tokens": toc_tokens, "title": title}))
    return html


def _warm() -> int:
    """Import and compile what a worker's first page needs (~0.5 s), caching nothing."""
    import tempfile

    import nbformat

    internals.reuse_nbconvert_templates(TEMPLATE_CODE)
    nb = nbformat.v4.new_notebook(metadata={"language_info": {"name": "python"}})
    nb.cells = [nbformat.v4.new_markdown_cell("# Warm-up\n\n$y = Wx + b$"), nbformat.v4.new_code_cell("print(1)")]
    with tempfile.TemporaryDirectory(prefix="course-warm-") as folder:
        nbformat.write(nb, Path(folder) / "warm.ipynb")
        html = internals.render_notebook(str(Path(folder) / "warm.ipynb"), {}, 6)[0]
        internals.parse_search_sections(postprocess.process_lesson_html(html, "en", "warm", None)[0])
    return os.getpid()


def _exit_with_parent() -> None:
    """Worker initializer: exit as soon as the build process is gone, however it ended (SIGKILL included)."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=lambda: (multiprocessing.connection.wait([parent.sentinel]), os._exit(0)),
                         name="exit-with-parent", daemon=True).start()


def pool_size() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def start_pool(warm: bool = True) -> ProcessPoolExecutor:
    """The worker pool (one per process). ``warm``: have every worker import its modules now."""
    global _POOL
    if _POOL is None:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        _POOL = ProcessPoolExecutor(max_workers=pool_size(), mp_context=context, initializer=_exit_with_parent)
        for _ in range(pool_size() if warm else 0):
            _POOL.submit(_warm)
    return _POOL


def stop_pool() -> None:
    global _POOL
    if _POOL is not None:
        _POOL.shutdown(wait=False, cancel_futures=True)
        _POOL = None


def prerender(notebooks: list[tuple[Path, str, str]], jupyter_config, lessons_dir: Path, pages_cache: Path,
              search_cache: Path | None = None) -> int:
    """Render the ``(notebook, lang, stem)`` pages mkdocs-jupyter's cache lacks, in parallel; return
    how many. Then, with ``search_cache``, the workers parse them for search while MkDocs builds."""
    mode = os.environ.get("COURSE_PRERENDER", "")
    if mode == "off" or jupyter_config["execute"] or not jupyter_config["cache"]:
        return 0
    todo = [(str(nb), str(internals.render_cache_file(nb, jupyter_config).resolve()), lang, stem)
            for nb, lang, stem in notebooks if not internals.render_cache_file(nb, jupyter_config).exists()]
    if not todo or (mode != "all" and len(todo) < (MIN_PAGES if _POOL is not None else MIN_PAGES_FOR_A_COLD_POOL)):
        return 0
    options = {name: jupyter_config[name] for name in NB2HTML_OPTIONS}
    pool = start_pool(warm=False)
    futures = {pool.submit(render_page, nb, options, jupyter_config["toc_depth"], cache_file, str(pages_cache),
                           lang, stem, str(lessons_dir)): nb for nb, cache_file, lang, stem in todo}
    rendered = 0
    for future, notebook in futures.items():
        try:
            html = future.result()
            rendered += 1
            if search_cache is not None:
                pool.submit(search_sections, html, search_cache)
        except Exception as exc:  # noqa: BLE001 - MkDocs renders the page itself
            log.warning(f"pre-rendering {notebook} failed ({type(exc).__name__}: {exc}); MkDocs renders it")
            if isinstance(exc, BrokenProcessPool):
                stop_pool()
                break
    return rendered
