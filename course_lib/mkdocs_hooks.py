"""MkDocs hooks: execute the lessons, then render them as course pages in both languages.

Listed under ``hooks:`` in mkdocs.yml, so plain ``mkdocs build`` and ``mkdocs serve`` run the
executor too. Also fixes two known problems of mkdocs-static-i18n + mkdocs-jupyter: lesson pages
copied as raw files (i18n issue #198) and each language build evicting the other's render cache.
"""
from __future__ import annotations

import json
import logging
import os
import re
import shutil
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc

from course_lib import pages, render, site
from course_lib.execute import execute_course, write_atomic
from course_lib.lessons import DEFAULT_LANG, LANGS, find_lessons

log = logging.getLogger("mkdocs.hooks.course")
_state: dict = {"used_cache": set(), "pages_used": set(), "lesson_pages": 0, "styles": {}}  # styles: ordered set


def _project(config) -> Path:
    """The folder of mkdocs.yml: its ``lessons/`` are the ones built (also in a scratch copy)."""
    return Path(config.config_file_path).resolve().parent


def _nav(lang: str, docs_dir: Path, lessons_dir: Path) -> list:
    """The nav of one language: home, the executed lessons (titles from their H1), glossary, build report."""
    lessons = [{title: f"lessons/{stem}.ipynb"} for stem, title in pages.lesson_titles(lang, lessons_dir).items()
               if (docs_dir / lang / "lessons" / f"{stem}.ipynb").exists()]
    docs = docs_dir / lang
    home = "홈" if lang == "ko" else "Home"
    nav = [{home: "index.md"}, {"강의" if lang == "ko" else "Lessons": lessons}]
    for page, ko, en in (("glossary.md", "용어집", "Glossary"), ("build.md", "이 빌드에 대하여", "About this build")):
        if (docs / page).exists():
            nav.append({ko if lang == "ko" else en: page})
    return nav


def on_serve(server, config, builder):
    """``make serve``: page-render workers warm from the start; file changes noticed within 0.1 s
    (MkDocs polls every 0.5 s); no second rebuild for the files a build writes into ``docs/``
    itself (a reload would wait for that rebuild); and stylesheets and scripts that a reload does
    not download again (``revalidated``). Uses LiveReloadServer internals of MkDocs 1.6, left alone
    if they are not there."""
    render.start_pool(warm=True)
    import nbclient  # noqa: F401 - imported now (~0.3 s), not when the first edited lesson runs
    docs = os.path.abspath(config.docs_dir)
    refs, observer = getattr(server, "_watch_refs", {}), getattr(server, "observer", None)
    if docs in refs and observer is not None and hasattr(server, "_rebuild_cond"):
        from watchdog.events import FileSystemEventHandler

        def on_any_event(event):
            paths = [p for p in (event.src_path, getattr(event, "dest_path", "")) if p]
            if event.is_directory or all(_written_by_the_build(docs, p) for p in paths):
                return
            with server._rebuild_cond:
                server._want_rebuild = True
                server._rebuild_cond.notify_all()

        handler = FileSystemEventHandler()
        handler.on_any_event = on_any_event
        observer.unschedule(refs[docs])
        refs[docs] = observer.schedule(handler, docs, recursive=True)
    for emitter in [observer, *getattr(observer, "emitters", ())]:
        if emitter is not None and isinstance(getattr(emitter, "_timeout", None), (int, float)):
            emitter._timeout = min(emitter._timeout, 0.1)
    if hasattr(server, "get_app") and hasattr(server, "set_app"):
        server.set_app(revalidated(server.get_app()))
    return server


def revalidated(app):
    """The served site's files other than pages, with an ``ETag`` (their content's hash) and
    ``Cache-Control: no-cache``, answered ``304 Not Modified`` when the browser has them already.

    MkDocs' server sends no validators, so every reload after a rebuild fetched and parsed the
    site's stylesheets and scripts again (the notebook CSS alone is 595 kB). Now the browser asks
    each time (nothing stale is ever shown) and keeps what did not change. Pages (HTML, where MkDocs
    injects its reload script) and MkDocs' reload polls are served as before."""
    import hashlib

    def serve(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if environ.get("REQUEST_METHOD") != "GET" or path.startswith("/livereload/"):
            return app(environ, start_response)
        answer: dict = {}

        def keep(status, headers, exc_info=None):
            answer.update(status=status, headers=headers, exc_info=exc_info)
            return lambda data: None

        body = app(environ, keep)
        if not answer:
            return body
        content_type = dict((k.lower(), v) for k, v in answer["headers"]).get("content-type", "")
        if not answer["status"].startswith("200") or content_type.startswith("text/html"):
            start_response(answer["status"], answer["headers"], answer["exc_info"])
            return body
        try:
            data = b"".join(body)
        finally:
            getattr(body, "close", lambda: None)()
        etag = f'"{hashlib.sha256(data).hexdigest()[:20]}"'
        if environ.get("HTTP_IF_NONE_MATCH") == etag:
            start_response("304 Not Modified", [("ETag", etag), ("Cache-Control", "no-cache")])
            return []
        start_response(answer["status"], [*answer["headers"], ("ETag", etag), ("Cache-Control", "no-cache")])
        return [data]

    return serve


def _written_by_the_build(docs: str, path) -> bool:
    """Executed notebooks, generated pages and the temporary files they are written through."""
    rel = PurePosixPath(Path(os.fsdecode(path)).relative_to(docs).as_posix()) if str(path).startswith(docs) else None
    if rel is None or len(rel.parts) < 2 or rel.parts[0] not in LANGS:
        return False
    name = rel.name
    if name.startswith(".") and name.endswith(".tmp"):  # write_atomic's temporary files
        return True
    return (rel.parts[1:] in (("glossary.md",), ("build.md",))
            or (len(rel.parts) == 3 and rel.parts[1] == "lessons" and rel.suffix == ".ipynb"))


def on_shutdown():
    render.stop_pool()


def on_config(config):
    """Execute what changed (once per build, for both languages), stop on a failure, and give
    each language its own nav built from the executed lessons."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return config  # i18n's nested build of the next language: all done already
    _state.update(used_cache=set(), pages_used=set(), lesson_pages=0, styles={})  # even if a build failed
    _state["search_before"] = _read_search_index(Path(config.site_dir))
    search = config.plugins.get("material/search")
    if search is not None:  # its own dirty-build merge; see _merge_search_index
        search.is_dirty, search.search_index_prev = False, None
    render.compile_nbconvert_templates_once()  # for the pages MkDocs converts itself
    render.read_installed_theme_once()  # theme file list, search defaults: read once per process
    render.keep_search_sections(_search_cache(config))  # parsed by the workers, or once
    docs_dir, lessons_dir = Path(config.docs_dir), _project(config) / "lessons"
    report = execute_course(lessons_dir=lessons_dir, out_dir=docs_dir,
                            cache_dir=_project(config) / ".cache" / "execute", log=log.info)
    log.info(f"lessons: {len(report.executed)} executed in {report.kernels} kernel(s), "
             f"{len(report.cached)} cached, {len(report.written)} notebook(s) updated")
    if report.errors:
        raise PluginError("lesson failed, site not built:\n" + "\n".join(f"  {e}" for e in report.errors))
    notebooks = [(docs_dir / ls.lang / "lessons" / f"{ls.stem}.ipynb", ls.lang, ls.stem) for ls in find_lessons(lessons_dir)]
    notebooks = [(path, lang, stem) for path, lang, stem in notebooks if path.exists()]
    rendered = render.prerender(notebooks, config.plugins["mkdocs-jupyter"].config, lessons_dir, _pages_cache(config),
                                _search_cache(config))
    if rendered:
        log.info(f"lessons: {rendered} page(s) pre-rendered by {render.pool_size()} worker(s)")
    pages.write_generated_pages(docs_dir, lessons_dir)
    for lang_config in i18n.config.languages:
        if lang_config.locale in LANGS:
            lang_config.nav = _nav(lang_config.locale, docs_dir, lessons_dir)
    config.nav = _nav(DEFAULT_LANG, docs_dir, lessons_dir)
    # mkdocs-jupyter evicts every cached render it did not use in *this* language's build; we evict
    # once, after all languages (see on_post_build), so the ko and en renders stay cached.
    jupyter = config.plugins.get("mkdocs-jupyter")
    events = config.plugins.events["post_build"]
    config.plugins.events["post_build"] = [e for e in events if getattr(e, "__self__", None) is not jupyter]
    return config


@event_priority(100)
def on_pre_build(config):
    """Remember which renders the previous language used, before mkdocs-jupyter forgets them."""
    jupyter = config.plugins.get("mkdocs-jupyter")
    _state["used_cache"] |= set(getattr(jupyter, "_used_cache_paths", set()))


def _fix_notebook_file(file, config) -> None:
    """Make an i18n-rebuilt ``.ipynb`` File a documentation page again, at ``<stem>/index.html``."""
    if not file.src_uri.endswith(".ipynb") or getattr(file, "_course_fixed", False):
        return
    dest = PurePosixPath(file.dest_uri)
    if dest.suffix == ".ipynb":  # otherwise mkdocs-jupyter had already given it a page path
        dest = dest.with_suffix("") / "index.html" if config.use_directory_urls else dest.with_suffix(".html")
    file.dest_uri = dest.as_posix()
    file.abs_dest_path = str(Path(config.site_dir) / dest)
    file.url = file._get_url(config.use_directory_urls)
    file.is_documentation_page = lambda: True
    file._course_fixed = True


@event_priority(-200)
def on_files(files, config):
    """Runs after i18n (priority -100): repair the notebook files it rebuilt (i18n issue #198)."""
    from mkdocs_jupyter.plugin import NotebookFile

    for f in files:
        if f.src_uri.endswith(".ipynb") and not isinstance(f, NotebookFile):
            _fix_notebook_file(f, config)
            for alt in getattr(f, "alternates", {}).values():
                _fix_notebook_file(alt, config)
    return files


def _lesson_of(page):
    src = PurePosixPath(page.file.src_uri)
    if src.suffix != ".ipynb" or "lessons" not in src.parts:
        return None
    return src.parts[0] if src.parts[0] in LANGS else DEFAULT_LANG, src.stem


def on_page_content(html, page, config, files):
    """Course features on lesson pages (cached, or pre-rendered by ``course_lib.render``); MathML on every page."""
    lesson = _lesson_of(page)
    if lesson is None:
        return site.process_page_html(html)
    lang, stem = lesson
    run, outdated, cell_tags = render.page_inputs(Path(page.file.abs_src_path), lang, stem, _project(config) / "lessons")
    html, tokens, figures, styles, used = render.processed_lesson(_pages_cache(config), html, lang, stem, run, outdated,
                                                                  cell_tags)
    _state["pages_used"] |= used
    _state["lesson_pages"] += 1
    for css in styles:
        _state["styles"].setdefault(css, None)
    page.toc = get_toc(tokens)
    folder = Path(page.file.abs_dest_path).parent
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in figures.items():
        (folder / name).write_bytes(data)
    return html


def _pages_cache(config) -> Path:
    """Post-processed lesson pages by their inputs: parsing ~1 MB of HTML per page is most of a no-op
    rebuild otherwise."""
    return _project(config) / ".cache" / "pages"


def _search_cache(config) -> Path:
    """What Material's search parser found in each page, by the page's content (``render.search_sections``)."""
    return _project(config) / ".cache" / "search"


def on_env(env, config, files):
    env.bytecode_cache = render.TEMPLATE_CODE  # compile the theme's templates once per process
    return env


@event_priority(-200)
def on_page_context(context, page, config, nav):
    """Runs after i18n: the language switcher links to the same page in the other language — for
    notebook pages too, and from English back to Korean (i18n left those at the site root)."""
    same = page.url[3:] if page.url.startswith("en/") else page.url
    links = {"ko": same or "./", "en": f"en/{same}"}
    # i18n sets ``config.extra.alternate`` as an attribute, which is what the theme reads
    for alt in getattr(config.extra, "alternate", None) or config.extra.get("alternate", []):
        if alt.get("lang") in links:
            alt["link"] = links[alt["lang"]]
    return context


_HREFLANG = re.compile(r'(<a href="[^"]*") hreflang="([a-z]{2})" class="md-select__link"')
_ALT_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[a-z]{2}">')


def on_post_page(output, page, config):
    """Language links become plain links (``lang`` instead of ``hreflang``, no ``<link rel=alternate>``):
    Material's script would otherwise fetch ``<link>/sitemap.xml`` for each of them, a 404 on every page."""
    return _ALT_LINK.sub("", _HREFLANG.sub(r'\1 lang="\2" class="md-select__link"', output))


@event_priority(-200)
def on_post_build(config):
    """After the last language (i18n runs the others inside the first one's post_build):
    copy each lesson's ``.py`` beside its page, and evict renders no page used."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return
    site_dir = Path(config.site_dir)
    if _state["styles"]:
        write_atomic(site_dir / "assets" / "jupyter.css", "\n".join(_state["styles"]))
        _state["styles"] = {}
    lessons = find_lessons(_project(config) / "lessons")
    for lesson in lessons:
        prefix = site_dir if lesson.lang == DEFAULT_LANG else site_dir / lesson.lang
        target = prefix / "lessons" / lesson.stem
        if target.is_dir():
            shutil.copyfile(lesson.path, target / f"{lesson.stem}.py")
    _merge_search_index(site_dir)
    # Evict only after a build that rendered every lesson page: a dirty build (``make serve``)
    # renders just the edited pages, and the renders of all the others are still good.
    if _state["lesson_pages"] >= len(lessons):
        jupyter = config.plugins.get("mkdocs-jupyter")
        used = _state["used_cache"] | set(getattr(jupyter, "_used_cache_paths", set()))
        cache_dir = Path(jupyter.config["cache_dir"])
        for f in cache_dir.glob("*.json") if cache_dir.is_dir() else []:
            if f not in used:
                f.unlink(missing_ok=True)
        pages_cache = _pages_cache(config)
        for f in pages_cache.iterdir() if pages_cache.is_dir() else []:
            if f.is_file() and f.name not in _state["pages_used"]:
                f.unlink(missing_ok=True)
    _state.update(used_cache=set(), pages_used=set(), lesson_pages=0)


def _read_search_index(site_dir: Path) -> dict | None:
    try:
        return json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _merge_search_index(site_dir: Path) -> None:
    """Keep the search index whole after a dirty build (``make serve``), which indexes only the pages
    it rebuilt: the entries of every other page come from the index as it was before the build.

    Material's own dirty-build merge assumes a single rebuilt page per build; with two languages
    (mkdocs-static-i18n) it re-added whole languages on every rebuild, and the index, and the time
    each rebuild took, doubled with every edit. It is switched off in ``on_config``.
    """
    before, after = _state.pop("search_before", None), _read_search_index(site_dir)
    if not before or not after:
        return

    def page(entry: dict) -> str:
        return entry["location"].split("#", 1)[0]

    def still_built(location: str) -> bool:
        return (site_dir / location / "index.html").exists() or (location != "" and (site_dir / location).is_file())

    rebuilt = {page(e) for e in after["docs"]}
    kept = [e for e in before["docs"] if page(e) not in rebuilt and still_built(page(e))]
    if kept:
        after["docs"] = kept + after["docs"]
        write_atomic(site_dir / "search" / "search_index.json",
                     json.dumps(after, separators=(",", ":"), default=str))
