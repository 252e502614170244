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
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from course_lib.build import cache, downloads, generated, internals, postprocess, render
from course_lib.build.cache import write_atomic
from course_lib.build.execute import execute_course
from course_lib.build.lessons import DEFAULT_LANG, LANGS, find_lessons

log = logging.getLogger("mkdocs.hooks.course")
SHIM = "assets/javascripts/iframe-worker-shim.js"  # Material's Web Worker shim for file:// (npm: iframe-worker)
_state: dict = {"renders": internals.Renders()}


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
    if _offline(config):  # the offline plugin's shim comes from unpkg.com; the site serves its own copy
        if not (_project(config) / "node_modules/iframe-worker/shim/index.js").exists():
            raise PluginError("the offline build needs node_modules/iframe-worker: run `make offline`")
        config.extra["polyfills"] = [p for p in config.extra["polyfills"] if "iframe-worker" not in str(p)] + [SHIM]
    _state.update(renders=internals.Renders(), search_before=_read_search_index(Path(config.site_dir)))
    internals.stop_search_merge(config)  # see _write_search_indexes
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
    internals.list_in_sitemap(config, files)
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
    html, tokens, figures = render.processed_lesson(_cache(config, "pages"), html, lang, stem, *inputs)
    page.toc = get_toc(tokens)
    folder = Path(page.file.abs_dest_path).parent
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in figures.items():
        (folder / name).write_bytes(data)
    return _LESSON_LINK.sub(lambda m: _lesson_href(m[1] or lang, m[2], page, config), html)


# a lesson's links to another (``05_x.ipynb``, as in the notebook) and to its English twin (the outdated notice)
_LESSON_LINK = re.compile(r'(?<!download="" )href="(?:\.\./\.\./([a-z]{2})/lessons/)?(\d\d_\w+)(?:\.ipynb|/)"')


def _lesson_href(lang: str, stem: str, page, config) -> str:
    """``href`` of a lesson page, relative to ``page``, with directory URLs or without (``make offline``)."""
    target = f"{'' if lang == DEFAULT_LANG else lang + '/'}lessons/{stem}{'/' if config.use_directory_urls else '.html'}"
    return f'href="{get_relative_url(target, page.url)}"'


def _offline(config) -> bool:
    """Is this the build for reading from disk (Material's offline plugin, ``make offline``)?"""
    offline = config.plugins.get("material/offline")
    return bool(offline and offline.config.enabled)


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
    """Lesson pages, and only they, link the notebook styles."""
    output = _page_output(output, page.url.split("/", 1)[0])
    if _lesson_of(page) is not None:
        css = get_relative_url("assets/notebook.css", page.url)
        output = output.replace("</head>", f'<link rel="stylesheet" href="{css}">\n</head>', 1)
    return output


def _page_output(output: str, lang: str) -> str:
    """Language links become plain links (``lang`` instead of ``hreflang``, no ``<link rel=alternate>``):
    Material's script would otherwise fetch ``<link>/sitemap.xml`` for each of them, a 404 on every page.
    Pages in another language than the default search their own index: Material's base is their language's folder.
    The search dialog gets a name."""
    if lang in LANGS and lang != DEFAULT_LANG:
        output = _BASE.sub(rf'\1\2/{lang}/"', output, count=1)
    output = _ALT_LINK.sub("", _HREFLANG.sub(r'\1 lang="\2" class="md-select__link"', output))
    label = "Search" if lang == "en" else "검색"
    return output.replace('<div class="md-search" data-md-component="search" role="dialog"',
                          f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{label}"', 1)


_BASE = re.compile(r'(<script id="__config" type="application/json">[^<]*?"base": ")([^"]*)"')
_404 = {"ko": '<h1>404 - 페이지를 찾을 수 없습니다</h1><p><a href="./">처음 페이지로</a></p>',
        "en": '<h1>404 - Page not found</h1><p><a href="./">Go to the home page</a></p>'}
# GitHub Pages serves the root 404.html for any missing path, at any depth: its links are relative to a
# <base> computed from that path (the site_url's path if set, else the part before the first top folder
# of the site, else the first folder, as in github.io/<project>/); a reader under en/ gets en/404.html
_ROOT_JS = """<script>(function(){var s=location.pathname.split("/").filter(Boolean),i=s.findIndex(function(x){
return TOP.indexOf(x)>=0}),r=FIXED||"/"+s.slice(0,i>=0?i:Math.min(1,s.length-1)).map(function(x){return x+"/"}).join("");
if(OTHER.indexOf(s[i])>=0)location.replace(r+s[i]+"/404.html");
var b=document.createElement("base");b.href=r;document.head.appendChild(b)})()</script>"""
_CONFIG = re.compile(r'<script id="__config"[^>]*>[^<]*</script>')


def on_template_context(context, template_name, config):
    """The 404 pages: links relative to the site root (the root one's through a ``<base>``, see
    ``on_post_template``), the language switcher to the home pages."""
    if template_name == "404.html":
        context["base_url"] = "." if config.theme["language"] == DEFAULT_LANG else ".."
        _state["top"] = sorted({f.dest_uri.split("/")[0] for f in context["pages"] if "/" in f.dest_uri} | {*LANGS, "assets"})
        internals.set_language_links(config, {lang: "./" if lang == DEFAULT_LANG else f"{lang}/" for lang in LANGS})
    return context


def on_post_template(output, template_name, config):
    """The 404 page in the language of the build: Korean at the root, English as ``en/404.html``."""
    if template_name != "404.html":
        return output
    lang, site_dir = config.theme["language"], Path(config.site_dir)
    output = _page_output(output, lang).replace("<h1>404 - Not found</h1>", _404[lang])
    if lang != DEFAULT_LANG:
        write_atomic(site_dir / lang / "404.html", output)
        return ""  # written: MkDocs would write it over the default language's
    values = {"TOP": _state["top"], "FIXED": urlsplit(config.site_url).path if config.site_url else None,
              "OTHER": [other for other in LANGS if other != DEFAULT_LANG]}
    script = re.sub("|".join(values), lambda m: json.dumps(values[m[0]]), _ROOT_JS)
    config_base = ('<script>var c=document.getElementById("__config"),j=JSON.parse(c.textContent);'
                   'j.base=document.baseURI;c.textContent=JSON.stringify(j)</script>')
    output = _CONFIG.sub(lambda m: m[0] + config_base, output.replace("<head>", "<head>" + script, 1), count=1)
    return output.replace('new URL(".",location)', 'new URL(".",document.baseURI)')  # where the palette is kept


@event_priority(-100)
def on_pre_build(config):
    """Runs after mkdocs-jupyter's: it records the renders it uses, for both languages, and evicts none."""
    internals.record_renders(config, _state["renders"])


@event_priority(-200)
def on_post_build(config):
    """After the last language (i18n builds the others inside the first one's post_build): copy each
    lesson's ``.py`` beside its page, write the downloads (wheel, zips) and give each downloadable
    notebook its install cell (``downloads.py``), write the search indexes, evict renders (``cache.py``'s policy)."""
    if internals.nested_language_build(config):
        return
    site_dir = Path(config.site_dir)
    for lesson in find_lessons(_project(config) / "lessons"):
        target = (site_dir if lesson.lang == DEFAULT_LANG else site_dir / lesson.lang) / "lessons"
        target = target / lesson.stem if config.use_directory_urls else target  # beside the page
        if target.is_dir():
            shutil.copyfile(lesson.path, target / f"{lesson.stem}.py")
    downloads.write_downloads(site_dir, _project(config) / "lessons", _project(config))
    downloads.standalone_notebooks(site_dir, config.site_url, _project(config))
    _write_search_indexes(site_dir, _offline(config))
    if _offline(config):
        shutil.copyfile(_project(config) / "node_modules/iframe-worker/shim/index.js", site_dir / SHIM)
    renders = Path(config.plugins["mkdocs-jupyter"].config["cache_dir"])
    for used in _state["renders"]:
        if used.exists():
            os.utime(used)  # mkdocs-jupyter reads its cache without marking what it used
    cache.evict(renders)
    cache.evict(render.TEMPLATES.directory, pattern="__jinja2_*")
    _state.update(renders=internals.Renders())


def _read_search_index(site_dir: Path, langs=LANGS) -> dict | None:
    """The search index of the languages ``langs`` (each in its folder's ``search/``) as one, locations from the site root."""
    index = None
    for lang in langs:
        prefix = "" if lang == DEFAULT_LANG else f"{lang}/"
        try:
            part = json.loads((site_dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        part["docs"] = [{**e, "location": prefix + e["location"]} for e in part["docs"]]
        index = part if index is None else {**index, "docs": index["docs"] + part["docs"]}
    return index


def _write_search_indexes(site_dir: Path, offline: bool) -> None:
    """One search index per language, in its own folder (``search/``, ``en/search/``), so that a reader
    searches pages in the language they read (``on_post_page`` points English pages at theirs).

    After a dirty build (``make serve``), which indexes only the pages it rebuilt, the entries of every
    other page come from the indexes as they were before the build. Material's own dirty-build merge
    assumes a single rebuilt page per build; with two languages (mkdocs-static-i18n) it re-added whole
    languages on every rebuild, and the index, and the time each rebuild took, doubled with every edit.
    It is switched off in ``on_config``.
    """
    before, index = _state.pop("search_before", None), _read_search_index(site_dir, (DEFAULT_LANG,))
    if index is None:
        return

    def page(entry: dict) -> str:
        return entry["location"].split("#", 1)[0]

    def still_built(location: str) -> bool:
        return (site_dir / location / "index.html").exists() or (location != "" and (site_dir / location).is_file())

    if before:
        rebuilt = {page(e) for e in index["docs"]}
        index["docs"] = [e for e in before["docs"] if page(e) not in rebuilt and still_built(page(e))] + index["docs"]
    def lang_of(entry: dict) -> str:
        first = entry["location"].split("/", 1)[0]
        return first if first in LANGS else DEFAULT_LANG

    for lang in LANGS:
        prefix = "" if lang == DEFAULT_LANG else f"{lang}/"
        docs = [{**e, "location": e["location"][len(prefix):]} for e in index["docs"] if lang_of(e) == lang]
        text = json.dumps({**index, "docs": docs}, separators=(",", ":"), default=str, ensure_ascii=False)
        write_atomic(site_dir / prefix / "search" / "search_index.json", text)
        if offline:  # what Material's offline plugin writes, for file:// (no fetch there)
            write_atomic(site_dir / prefix / "search" / "search_index.js", f"var __index = {text}")
