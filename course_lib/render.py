"""Lesson pages rendered ahead of MkDocs, in worker processes, into the caches MkDocs reads first.

A lesson page costs ~0.8 s to render: mkdocs-jupyter's conversion (nbconvert, plus a second pass
for its table of contents) and the course's post-processing (``site.process_lesson_html``); a
worker saves 0.1-0.2 s of it by reusing nbconvert's own parse of the page. Inside MkDocs the pages
render one after another, the Korean page, then the English one. After lessons
execute, ``prerender`` renders every new notebook at once, one worker process per core, and writes
the results where MkDocs looks first: mkdocs-jupyter's render cache (its own key and format) and the
course page cache. MkDocs then finds the pages already rendered.

Only an optimisation: a page no worker rendered is rendered by MkDocs as before, from the same
inputs, with the same result. ``make serve`` keeps a warm pool for its whole session; a one-off
build starts one only when enough pages are new to pay for starting it.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import jinja2
from bs4 import BeautifulSoup, NavigableString

from course_lib import site
from course_lib.execute import write_atomic
from course_lib.lessons import executed_notebook_facts, package_version, repo_root, write_atomic_bytes

log = logging.getLogger("mkdocs.hooks.course")

#: mkdocs-jupyter options passed to ``nb2html``, as its plugin passes them.
NB2HTML_OPTIONS = ("kernel_name", "theme", "allow_errors", "show_input", "no_input", "no_prompt",
                   "remove_tag_config", "highlight_extra_classes", "include_requirejs", "custom_mathjax_url")
#: pages worth sending to running workers (one page renders as fast in the build process itself)
MIN_PAGES = 2
#: a one-off build starts workers (~1.5 s of imports, side by side) only for this many new pages
MIN_PAGES_FOR_A_COLD_POOL = 4

_POOL: ProcessPoolExecutor | None = None


# ---------------------------------------------------------------------------- the course page cache


@functools.lru_cache(maxsize=1)
def _site_digest() -> str:
    return hashlib.sha256(Path(site.__file__).read_bytes()).hexdigest()


def page_inputs(notebook: Path, lang: str, stem: str, lessons_dir: Path) -> tuple[dict | None, bool, list[list[str]]]:
    """What the post-processing of a lesson page needs besides its HTML: the run record, whether the
    Korean translation is outdated, and each cell's tags."""
    from course_lib import i18n

    run, cell_tags = executed_notebook_facts(notebook)
    outdated = lang != "en" and i18n.status(lessons_dir / lang / f"{stem}.py",
                                            lessons_dir / "en" / f"{stem}.py") == i18n.OUTDATED
    return run, outdated, cell_tags


def processed_lesson(cache: Path, html: str, lang: str, stem: str, run: dict | None, outdated: bool,
                     cell_tags: list[list[str]], tree=None) -> tuple[str, list[dict], dict[str, bytes], list[str], set[str]]:
    """``site.process_lesson_html``, cached by its inputs in ``cache``; also returns the cache files
    used (for eviction). ``tree``: ``html`` already parsed, if at hand (it is changed)."""
    key = hashlib.sha256(json.dumps([html, lang, stem, run, outdated, cell_tags, _site_digest()]).encode()).hexdigest()[:32]
    entry_path = cache / f"{key}.json"
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        figures = {name: (cache / name).read_bytes() for name in entry["figures"]}
        return entry["html"], entry["toc"], figures, entry["styles"], {entry_path.name, *entry["figures"]}
    except (OSError, ValueError, KeyError):
        pass
    if tree is None:
        out, tokens, figures, styles = site.process_lesson_html(html, lang, stem, run, outdated, cell_tags)
    else:
        out, tokens, figures, styles = site.process_lesson_soup(tree, lang, stem, run, outdated, cell_tags)
    for name, data in figures.items():
        if not (cache / name).exists():
            write_atomic_bytes(cache / name, data)
    write_atomic(entry_path, json.dumps({"html": out, "toc": tokens, "figures": sorted(figures), "styles": styles}))
    return out, tokens, figures, styles, {entry_path.name, *figures}


# ---------------------------------------------------------------------------- theme templates


class TemplateCodeCache(jinja2.BytecodeCache):
    """Compiled Jinja templates, kept for the life of the process and on disk (``folder``).

    MkDocs makes a new template environment for every build and every language, and Material's
    templates take ~0.3 s to compile; nbconvert's, ~0.25 s. ``make serve`` compiles them once, and a
    new build process finds them on disk. Jinja checks each template's source checksum, and its
    own and Python's version, so an edited template is compiled again.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.code: dict[str, bytes] = {}
        self.folder = folder

    def load_bytecode(self, bucket) -> None:
        code = self.code.get(bucket.key)
        if code is None and self.folder is not None:
            try:
                code = (self.folder / f"{bucket.key}.code").read_bytes()
            except OSError:
                return
        if code is not None:
            try:
                bucket.bytecode_from_string(code)
            except Exception:  # noqa: BLE001 - unreadable: compile the template again
                bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        code = bucket.bytecode_to_string()
        self.code[bucket.key] = code
        if self.folder is not None:
            try:
                write_atomic_bytes(self.folder / f"{bucket.key}.code", code)
            except OSError:
                pass  # a read-only checkout still builds


TEMPLATE_CODE = TemplateCodeCache(repo_root() / ".cache" / "jinja")


def compile_nbconvert_templates_once() -> None:
    """Let nbconvert reuse compiled templates too: mkdocs-jupyter makes a new exporter, hence a new
    template environment, for every page, and compiling its templates is half of a page's
    conversion (~0.25 s of ~0.5 s). Uses a private nbconvert method; without it, nothing changes."""
    from nbconvert.exporters.templateexporter import TemplateExporter

    create = getattr(TemplateExporter, "_create_environment", None)
    if create is None or getattr(create, "_course_code_cache", False):
        return

    def create_environment(self):
        env = create(self)
        env.bytecode_cache = TEMPLATE_CODE
        return env

    create_environment._course_code_cache = True
    TemplateExporter._create_environment = create_environment


def _installed(folder: str) -> bool:
    """Whether ``folder`` belongs to an installed package (it does not change while MkDocs runs)."""
    import sysconfig

    folder = os.path.realpath(folder)
    roots = {os.path.realpath(sysconfig.get_paths()[name]) for name in ("purelib", "platlib")}
    return any(folder.startswith(root + os.sep) for root in roots)


def _installed_theme(config) -> tuple[str, ...] | None:
    """The theme's folders when they all belong to installed packages, else ``None``."""
    dirs = tuple(config.theme.dirs)
    return dirs if all(map(_installed, dirs)) else None


class _ListedOnce:
    """A template environment whose ``list_templates`` answers from ``_THEME_LISTINGS``."""

    def __init__(self, env, key) -> None:
        self._env, self._key = env, key

    def list_templates(self, extensions=None, filter_func=None):
        if self._key not in _THEME_LISTINGS:
            _THEME_LISTINGS[self._key] = self._env.list_templates(extensions, filter_func)
        return _THEME_LISTINGS[self._key]

    def __getattr__(self, name):
        return getattr(self._env, name)


_THEME_LISTINGS: dict[tuple, list[str]] = {}
_TRANSLATIONS: dict[tuple, str] = {}


def read_installed_theme_once() -> None:
    """Keep what MkDocs and Material read from an installed theme at every build, per language:
    MkDocs lists every theme file (a walk over Material's ~10,000 icons, then a pattern filter on
    each: ~0.15 s a time) and Material's search plugin loads the theme's language templates for
    its defaults (~0.05 s). An installed theme does not change while MkDocs runs, so both are kept
    for the life of the process; a theme with a folder elsewhere (``custom_dir``) is read every
    time, as before. Wraps MkDocs' and Material's methods; without them, nothing changes."""
    from mkdocs.structure.files import Files

    add = Files.add_files_from_theme
    if not getattr(add, "_course_kept", False):
        def add_files_from_theme(self, env, config):
            dirs = _installed_theme(config)
            if dirs is None:
                return add(self, env, config)
            # MkDocs' filter depends on the theme's static templates (and on nothing else that varies)
            return add(self, _ListedOnce(env, (dirs, tuple(sorted(config.theme.static_templates)))), config)

        add_files_from_theme._course_kept, add_files_from_theme.original = True, add
        Files.add_files_from_theme = add_files_from_theme
    try:
        from material.plugins.search.plugin import SearchPlugin
    except ImportError:
        return
    translate = getattr(SearchPlugin, "_translate", None)
    if translate is not None and not getattr(translate, "_course_kept", False):
        def _translate(self, config, value):
            dirs = _installed_theme(config)
            if dirs is None:
                return translate(self, config, value)
            key = (dirs, config.theme["language"], value)  # partials/language.html reads only these
            if key not in _TRANSLATIONS:
                _TRANSLATIONS[key] = translate(self, config, value)
            return _TRANSLATIONS[key]

        _translate._course_kept, _translate.original = True, translate
        SearchPlugin._translate = _translate


# ---------------------------------------------------------------------------- search sections

#: pages whose search sections are kept on disk (oldest first out)
SEARCH_SECTION_FILES = 512


def search_sections(html: str, folder: Path) -> list:
    """What Material's search plugin finds in a page (``Parser().data``: its sections, each with
    title and text), kept in ``folder`` by the page's content.

    Material parses every page it indexes with Python's HTMLParser: 0.1-0.2 s for a lesson page,
    two per edit and all of them in every full build. Workers parse the pages they render, and
    ``keep_search_sections`` lets the build process take their results: same content, same
    sections (a page whose content differs in any way is parsed as before)."""
    import pickle

    from material.plugins.search import plugin as material_search

    digest = hashlib.sha256(f"{package_version('mkdocs-material')}\0{html}".encode()).hexdigest()[:32]
    path = folder / f"{digest}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - not there yet, or unreadable: parse the page
        pass
    parser = getattr(material_search.Parser, "material_parser", material_search.Parser)()
    parser.feed(html)
    parser.close()
    try:
        write_atomic_bytes(path, pickle.dumps(parser.data), keep=SEARCH_SECTION_FILES)
    except OSError:
        pass  # a read-only checkout still builds
    return parser.data


class _KeptSectionsParser:
    """Stands in for Material's search ``Parser`` where its search index parses a page: the same
    sections, from ``search_sections``."""

    folder: Path  # set by keep_search_sections
    material_parser: type  # the parser it stands in for

    def __init__(self, *args, **kwargs) -> None:
        self._html: list[str] = []
        self.data: list = []

    def feed(self, data: str) -> None:
        self._html.append(data)

    def close(self) -> None:
        self.data = search_sections("".join(self._html), _KeptSectionsParser.folder)


def keep_search_sections(folder: Path) -> None:
    """Have Material's search index take each page's sections from ``search_sections`` (kept in
    ``folder``). Replaces the search plugin's ``Parser``; without it, nothing changes."""
    try:
        from material.plugins.search import plugin as material_search
    except ImportError:
        return
    _KeptSectionsParser.folder = Path(folder)
    if not hasattr(material_search, "Parser") or material_search.Parser is _KeptSectionsParser:
        return
    _KeptSectionsParser.material_parser = material_search.Parser
    material_search.Parser = _KeptSectionsParser


# ---------------------------------------------------------------------------- workers


def _warm() -> int:
    """Render a small notebook once, caching nothing: a worker's first real page would otherwise pay
    for imports, template compilation and syntax-highlighter setup (~0.5 s)."""
    import tempfile

    import nbformat
    from mkdocs_jupyter import convert
    from mkdocs_jupyter.plugin import _get_nb_toc_tokens

    compile_nbconvert_templates_once()
    nb = nbformat.v4.new_notebook(metadata={"language_info": {"name": "python"}})
    nb.cells = [nbformat.v4.new_markdown_cell("# Warm-up\n\nA formula: $y = Wx + b$.\n\n## Code"),
                nbformat.v4.new_code_cell("import torch\nprint(torch.ones(2))", outputs=[
                    nbformat.v4.new_output("stream", name="stdout", text="tensor([1., 1.])\n")])]
    with tempfile.TemporaryDirectory(prefix="course-warm-") as folder:
        path = Path(folder) / "warm.ipynb"
        nbformat.write(nb, path)
        html = convert.nb2html(str(path))
        _get_nb_toc_tokens(str(path), 6)
        search_sections(site.process_lesson_html(html, "en", "warm", None)[0], Path(folder))
    return os.getpid()


class _KeptSoup(BeautifulSoup):
    """nbconvert's parse of a page, kept with the text it printed from it (see ``nb2html_and_tree``)."""

    kept: list[tuple[BeautifulSoup, str]] | None = None  # a list while nb2html_and_tree converts

    def decode(self, *args, **kwargs) -> str:
        text = super().decode(*args, **kwargs)
        if _KeptSoup.kept is not None and not args and not kwargs:  # str(soup)
            _KeptSoup.kept.append((self, text))
        return text


def nb2html_and_tree(notebook: str, options: dict):
    """mkdocs-jupyter's ``nb2html``, and the same page parsed as ``site.process_lesson_html`` would
    parse it, or ``None``.

    nbconvert's last step parses its own page (``html.parser``), adds alt texts and tab stops, and
    prints the tree; mkdocs-jupyter appends a ``<style>``. The course's post-processing starts from
    that tree plus the appended part instead of parsing the whole page again (0.1-0.2 s a page). A
    test checks, on every lesson page, that the result is the same as parsing the page."""
    import nbconvert.exporters.html as nbconvert_html
    from mkdocs_jupyter import convert

    parse = nbconvert_html.BeautifulSoup
    _KeptSoup.kept = kept = []
    nbconvert_html.BeautifulSoup = _KeptSoup
    try:
        body = convert.nb2html(notebook, execute=False, **options)
    finally:
        nbconvert_html.BeautifulSoup, _KeptSoup.kept = parse, None
    if len(kept) != 1 or not body.startswith(kept[0][1]):
        return body, None  # not the nbconvert this was written for: parse the page as usual
    tree, text = kept[0]
    rest = list(BeautifulSoup(body[len(text):], "html.parser").contents)
    last = tree.contents[-1] if tree.contents else None
    if (rest and type(last) is NavigableString and type(rest[0]) is NavigableString
            and not last.strip() and not rest[0].strip()):
        # one parse would have made one string of the two, and Beautiful Soup keeps a string of
        # only white space as one newline (or one space when it has no newline)
        last.replace_with(NavigableString("\n" if "\n" in last + rest[0] else " "))
        rest = rest[1:]
    for node in rest:
        tree.append(node.extract())
    return body, tree


def render_page(notebook: str, options: dict, toc_depth: int, jupyter_cache_file: str, pages_cache: str,
                lang: str, stem: str, lessons_dir: str) -> str:
    """Render one executed notebook as mkdocs-jupyter would, and post-process it as the course hooks
    would; store both results in their caches. Runs in a worker process."""
    from mkdocs_jupyter.plugin import _get_nb_toc_tokens

    compile_nbconvert_templates_once()
    body, tree = nb2html_and_tree(notebook, options)
    toc_tokens, title = _get_nb_toc_tokens(notebook, toc_depth)
    run, outdated, cell_tags = page_inputs(Path(notebook), lang, stem, Path(lessons_dir))
    html = processed_lesson(Path(pages_cache), body, lang, stem, run, outdated, cell_tags, tree)[0]
    # last: MkDocs takes a page from this cache only once the post-processed page is there too
    write_atomic(Path(jupyter_cache_file), json.dumps({"content": body, "toc_tokens": toc_tokens, "title": title}))
    return html


def _exit_with_parent() -> None:
    """Worker initializer: exit as soon as the build process is gone, however it ended (a ``make
    serve`` stopped by SIGTERM or SIGKILL runs no cleanup; its idle workers would wait forever)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def pool_size() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def start_pool(warm: bool = True) -> ProcessPoolExecutor:
    """The worker pool (started once per process). ``warm``: have every worker import its modules now."""
    global _POOL
    if _POOL is None:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        _POOL = ProcessPoolExecutor(max_workers=pool_size(), mp_context=context, initializer=_exit_with_parent)
        if warm:
            for _ in range(pool_size()):
                _POOL.submit(_warm)
    return _POOL


def stop_pool() -> None:
    global _POOL
    if _POOL is not None:
        _POOL.shutdown(wait=False, cancel_futures=True)
        _POOL = None


def prerender(notebooks: list[tuple[Path, str, str]], jupyter_config, lessons_dir: Path, pages_cache: Path,
              search_cache: Path | None = None, force: bool = False) -> int:
    """Render ``(notebook, lang, stem)`` pages that mkdocs-jupyter's cache lacks, in parallel.

    Uses the running pool (``make serve``) for two pages or more, or starts one for
    ``MIN_PAGES_FOR_A_COLD_POOL`` pages or more; ``force``: for any page. Returns the number of pages
    rendered; a failure is logged and left to MkDocs. With ``search_cache``, the workers then parse
    the rendered pages for search (``search_sections``) while MkDocs builds, without being waited
    for: MkDocs parses a page itself if it comes to it first.
    """
    from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path

    if jupyter_config["execute"] or not jupyter_config["cache"]:
        return 0  # mkdocs-jupyter would execute the notebooks itself, or not look in its cache
    todo = []
    for notebook, lang, stem in notebooks:
        cache_file = _get_cache_path(jupyter_config["cache_dir"], _compute_cache_key(str(notebook), jupyter_config, False))
        if not cache_file.exists():
            todo.append((str(notebook), str(cache_file.resolve()), lang, stem))
    if not todo or (not force and len(todo) < (MIN_PAGES if _POOL is not None else MIN_PAGES_FOR_A_COLD_POOL)):
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
