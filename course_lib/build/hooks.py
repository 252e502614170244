"""MkDocs hooks (``hooks:`` in mkdocs.yml, so plain ``mkdocs build``/``serve`` execute the lessons
too): execute, then render lessons as course pages in both languages, working around
mkdocs-static-i18n + mkdocs-jupyter (pages copied raw, i18n #198; renders evicted per language)."""
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

from course_lib.build import cache, downloads, generated, internals, postprocess, render
from course_lib.build.cache import write_atomic
from course_lib.build.execute import execute_course
from course_lib.build.lessons import DEFAULT_LANG, LANGS, find_lessons

log = logging.getLogger("mkdocs.hooks.course")
_state: dict = {"renders": internals.Renders(), "styles": {}}  # styles: an ordered set


def _project(config) -> Path:
    """The folder of mkdocs.yml: its ``lessons/`` are the ones built (also in a scratch copy)."""
    return Path(config.config_file_path).resolve().parent


def _nav(lang: str, docs_dir: Path, lessons_dir: Path) -> list:
    """The nav of one language: home, the executed lessons (titles from their H1), glossary, build report."""
    lessons = [{title: f"lessons/{stem}.ipynb"} for stem, title in generated.lesson_titles(lang, lessons_dir).items()
               if (docs_dir / lang / "lessons" / f"{stem}.ipynb").exists()]
    docs = docs_dir / lang
    home = "홈" if lang == "ko" else "Home"
    nav = [{home: "index.md"}, {"직접 실행하기" if lang == "ko" else "Run it yourself": "run.md"},
           {"강의" if lang == "ko" else "Lessons": lessons}]
    for page, ko, en in (("glossary.md", "용어집", "Glossary"), ("build.md", "이 빌드에 대하여", "About this build")):
        if (docs / page).exists():
            nav.append({ko if lang == "ko" else en: page})
    return nav


def on_serve(server, config, builder):
    """``make serve``: saved files noticed within 0.1 s; no second rebuild for the files a build
    writes into ``docs/``."""
    import nbclient  # noqa: F401 - imported now (~0.3 s), not when the first edited lesson runs
    docs = os.path.abspath(config.docs_dir)
    internals.tune_server(server, docs, lambda path: _written_by_the_build(docs, path))
    return server


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


def on_config(config):
    """Execute what changed (once per build, for both languages), stop on a failure, and give each
    language its nav built from the executed lessons."""
    if internals.nested_language_build(config):
        return config  # i18n's build of the next language: all done already
    _state.update(renders=internals.Renders(), styles={}, search_before=_read_search_index(Path(config.site_dir)))
    internals.stop_search_merge(config)  # see _merge_search_index
    Path(render.TEMPLATES.directory).mkdir(parents=True, exist_ok=True)
    internals.reuse_nbconvert_templates(render.TEMPLATES)
    docs_dir, lessons_dir = Path(config.docs_dir), _project(config) / "lessons"
    report = execute_course(lessons_dir=lessons_dir, out_dir=docs_dir, cache_dir=_cache(config, "execute"), log=log.info)
    log.info(f"lessons: {len(report.executed)} executed in {report.kernels} kernel(s), "
             f"{len(report.cached)} cached, {len(report.written)} notebook(s) updated")
    if report.errors:
        raise PluginError("lesson failed, site not built:\n" + "\n".join(f"  {e}" for e in report.errors))
    generated.write_generated_pages(docs_dir, lessons_dir)
    for lang_config in config.plugins["i18n"].config.languages:
        if lang_config.locale in LANGS:
            lang_config.nav = _nav(lang_config.locale, docs_dir, lessons_dir)
    config.nav = _nav(DEFAULT_LANG, docs_dir, lessons_dir)
    return config


@event_priority(-200)
def on_files(files, config):
    """Runs after i18n (priority -100): repair the notebook files it rebuilt (i18n issue #198)."""
    internals.repair_notebook_files(files, config)
    return files


def _lesson_of(page):
    src = PurePosixPath(page.file.src_uri)
    if src.suffix != ".ipynb" or "lessons" not in src.parts:
        return None
    return src.parts[0] if src.parts[0] in LANGS else DEFAULT_LANG, src.stem


_REPO_BLOCK = re.compile(r"<!-- repo -->\n?(.*?)<!-- /repo -->\n?", re.S)


def on_page_markdown(markdown, page, config, files):
    """Hand-written pages: ``@@WHEEL@@``, ``@@DOWNLOADS@@`` (the downloads folder, relative to the
    page) and ``@@REPO_URL@@``; a ``<!-- repo -->…<!-- /repo -->`` block stays only when the
    repository is known (``COURSE_REPO_URL``), so no page refers to a repository it cannot name."""
    if page.file.src_uri.endswith(".ipynb") or ("@@" not in markdown and "<!-- repo -->" not in markdown):
        return markdown
    return fill_page(markdown, page.url, config.repo_url)


def fill_page(markdown: str, url: str, repo_url: str | None) -> str:
    markdown = _REPO_BLOCK.sub(lambda m: m.group(1) if repo_url else "", markdown)
    return (markdown.replace("@@WHEEL@@", downloads.wheel_name())
            .replace("@@DOWNLOADS@@", "../" * url.count("/") + "downloads")
            .replace("@@ZIP_KO@@", downloads.zip_name("ko")).replace("@@ZIP_EN@@", downloads.zip_name("en"))
            .replace("@@REPO_URL@@", repo_url or ""))


def on_page_content(html, page, config, files):
    """Course features on lesson pages (cached by content); MathML on every page."""
    lesson = _lesson_of(page)
    if lesson is None:
        return postprocess.process_page_html(html)
    lang, stem = lesson
    inputs = render.page_inputs(Path(page.file.abs_src_path), lang, stem, _project(config) / "lessons")
    html, tokens, figures, styles = render.processed_lesson(_cache(config, "pages"), html, lang, stem, *inputs)
    for css in styles:
        _state["styles"].setdefault(css, None)
    page.toc = get_toc(tokens)
    folder = Path(page.file.abs_dest_path).parent
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in figures.items():
        (folder / name).write_bytes(data)
    return html


def _cache(config, name: str) -> Path:
    """``.cache/<name>`` beside mkdocs.yml."""
    return _project(config) / ".cache" / name


def on_env(env, config, files):
    env.bytecode_cache = render.TEMPLATES  # compile the theme's templates once
    return env


@event_priority(-200)
def on_page_context(context, page, config, nav):
    """Runs after i18n: the language switcher links to the same page in the other language — for
    notebook pages too, and from English back to Korean (i18n left those at the site root)."""
    same = page.url[3:] if page.url.startswith("en/") else page.url
    internals.set_language_links(config, {"ko": same or "./", "en": f"en/{same}"})
    return context


_HREFLANG = re.compile(r'(<a href="[^"]*") hreflang="([a-z]{2})" class="md-select__link"')
_ALT_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[a-z]{2}">')


def on_post_page(output, page, config):
    """Language links become plain links (``lang`` instead of ``hreflang``, no ``<link rel=alternate>``):
    Material's script would otherwise fetch ``<link>/sitemap.xml`` for each of them, a 404 on every page."""
    return _ALT_LINK.sub("", _HREFLANG.sub(r'\1 lang="\2" class="md-select__link"', output))


@event_priority(-100)
def on_pre_build(config):
    """Runs after mkdocs-jupyter's: it records the renders it uses, for both languages, and evicts none."""
    internals.record_renders(config, _state["renders"])


@event_priority(-200)
def on_post_build(config):
    """After the last language (i18n builds the others inside the first one's post_build): copy each
    lesson's ``.py`` beside its page, write the downloads (wheel, zips) and give each downloadable
    notebook its install cell (``downloads.py``), merge the search index, evict renders (``cache.py``'s policy)."""
    if internals.nested_language_build(config):
        return
    site_dir = Path(config.site_dir)
    if _state["styles"]:
        write_atomic(site_dir / "assets" / "jupyter.css", "\n".join(_state["styles"]))
    for lesson in find_lessons(_project(config) / "lessons"):
        target = (site_dir if lesson.lang == DEFAULT_LANG else site_dir / lesson.lang) / "lessons" / lesson.stem
        if target.is_dir():
            shutil.copyfile(lesson.path, target / f"{lesson.stem}.py")
    downloads.write_downloads(site_dir, _project(config) / "lessons", _project(config))
    downloads.standalone_notebooks(site_dir, config.site_url, _project(config))
    _merge_search_index(site_dir)
    renders = Path(config.plugins["mkdocs-jupyter"].config["cache_dir"])
    for used in _state["renders"]:
        if used.exists():
            os.utime(used)  # mkdocs-jupyter reads its cache without marking what it used
    cache.evict(renders)
    cache.evict(render.TEMPLATES.directory, pattern="__jinja2_*")
    _state.update(renders=internals.Renders(), styles={})


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
