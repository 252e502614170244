"""Every use of a private or undocumented attribute of MkDocs, Material, mkdocs-jupyter,
mkdocs-static-i18n, nbconvert and watchdog, each listed in ``USED`` with its reason. They are pinned
in pyproject.toml; tests/test_internals.py names the package, version and attribute that is gone."""
from __future__ import annotations

import importlib
import inspect
from pathlib import Path

#: (distribution, "module:owner", attribute, why the build uses it)
USED = [
    ("mkdocs", "mkdocs.livereload:LiveReloadServer", "_watch_refs",
     "make serve: swap the docs/ watch for one that ignores the files the build writes itself"),
    ("mkdocs", "mkdocs.livereload:LiveReloadServer", "_rebuild_cond", "make serve: ask for a rebuild as MkDocs does"),
    ("mkdocs", "mkdocs.livereload:LiveReloadServer", "_want_rebuild", "make serve: ask for a rebuild as MkDocs does"),
    ("mkdocs", "mkdocs.livereload:LiveReloadServer", "observer", "make serve: the watchdog observer to watch docs/ with"),
    ("watchdog", "watchdog.observers.api:EventEmitter", "_timeout",
     "make serve: notice a saved file within 0.1 s, not 0.5 s"),
    ("mkdocs", "mkdocs.structure.files:File", "_get_url", "the URL of a notebook file that i18n rebuilt (#198)"),
    ("mkdocs-material", "material.plugins.search.plugin:SearchPlugin", "is_dirty",
     "switch off Material's dirty-build index merge, which doubles the index with i18n"),
    ("mkdocs-material", "material.plugins.search.plugin:SearchPlugin", "search_index_prev",
     "switch off Material's dirty-build index merge (with is_dirty)"),
    ("mkdocs-jupyter", "mkdocs_jupyter.plugin:Plugin", "_used_cache_paths",
     "each language's build would evict the other's renders; the build evicts once, by its own policy"),
    ("mkdocs-jupyter", "mkdocs_jupyter.plugin", "NotebookFile", "tell its files from those i18n rebuilt (#198)"),
    ("mkdocs-static-i18n", "mkdocs_static_i18n.plugin:I18n", "building",
     "do the course's work once, not again in each nested language build"),
    ("mkdocs-static-i18n", "mkdocs_static_i18n.plugin:I18n", "i18n_files_per_language",
     "i18n lists each language's pages for sitemap.xml before the hooks repair the notebook files (#198)"),
    ("mkdocs-static-i18n", "mkdocs_static_i18n.reconfigure:ExtendedPlugin", "current_language",
     "the language being built, whose sitemap.xml list the hooks replace"),
    ("mkdocs-static-i18n", "mkdocs_static_i18n.folder", "alternates",
     "the other languages' files of a File i18n rebuilt need the same repair (#198)"),
    ("mkdocs-static-i18n", "mkdocs_static_i18n.reconfigure:ExtendedPlugin", "alternate",
     "i18n keeps the language switcher's links in config.extra.alternate; the hooks correct them"),
    ("nbconvert", "nbconvert.exporters.templateexporter:TemplateExporter", "_create_environment",
     "compiled nbconvert templates are kept: mkdocs-jupyter makes a new exporter for every page"),
]


def missing(entry: tuple[str, str, str, str]) -> str | None:
    """Why ``entry`` of ``USED`` is not usable with what is installed, or None."""
    from importlib.metadata import version

    dist, where, attr, _ = entry
    module, _, owner = where.partition(":")
    try:
        obj = importlib.import_module(module)
        for name in filter(None, owner.split(".")):
            obj = getattr(obj, name)
        ok = hasattr(obj, attr) or f".{attr}" in inspect.getsource(obj)  # or set on instances
    except (ImportError, AttributeError, OSError, TypeError):
        ok = False
    return None if ok else f"{dist} {version(dist)}: {where}.{attr} is gone (used to {entry[3]})"


# ---------------------------------------------------------------------------- MkDocs' server, watchdog


def tune_server(server, docs: str, ignore) -> None:
    """Watch ``docs`` ignoring what ``ignore(path)`` says the build wrote; poll for changes every
    0.1 s. Left as it is when MkDocs' server is not the one this was written for."""
    refs, observer = getattr(server, "_watch_refs", {}), getattr(server, "observer", None)
    if docs in refs and observer is not None and hasattr(server, "_rebuild_cond"):
        from watchdog.events import FileSystemEventHandler

        def on_any_event(event):
            paths = [p for p in (event.src_path, getattr(event, "dest_path", "")) if p]
            if event.is_directory or all(ignore(p) for p in paths):
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


# ---------------------------------------------------------------------------- mkdocs-static-i18n


def nested_language_build(config) -> bool:
    """True while i18n builds a further language inside the first one's build."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and i18n.building)


def repair_notebook_files(files, config) -> None:
    """Make the ``.ipynb`` files i18n rebuilt documentation pages again, at ``<stem>/index.html``."""
    from mkdocs_jupyter.plugin import NotebookFile

    for f in files:
        if f.src_uri.endswith(".ipynb") and not isinstance(f, NotebookFile):
            for file in (f, *getattr(f, "alternates", {}).values()):
                if file.src_uri.endswith(".ipynb") and not getattr(file, "course_fixed", False):
                    dest = Path(file.dest_uri)
                    if dest.suffix == ".ipynb":  # else mkdocs-jupyter had given it a page path
                        dest = dest.with_suffix("") / "index.html" if config.use_directory_urls else dest.with_suffix(".html")
                    file.dest_uri = dest.as_posix()
                    file.abs_dest_path = str(Path(config.site_dir) / dest)
                    file.url = file._get_url(config.use_directory_urls)
                    file.is_documentation_page = lambda: True
                    file.course_fixed = True


def list_in_sitemap(config, files) -> None:
    """List the language's pages for i18n's sitemap.xml again, lesson pages included, once repaired."""
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        i18n.i18n_files_per_language[i18n.current_language] = files.documentation_pages()


def set_language_links(config, links: dict[str, str]) -> None:
    """Point the language switcher at ``links`` (``{lang: url}``): i18n keeps them in ``config.extra.alternate``."""
    for alt in getattr(config.extra, "alternate", None) or config.extra.get("alternate", []):
        if alt.get("lang") in links:
            alt["link"] = links[alt["lang"]]


# ---------------------------------------------------------------------------- mkdocs-jupyter


class Renders(set):
    """The renders mkdocs-jupyter used, as it records them; it finds every render in use, so it evicts none."""

    def __contains__(self, item) -> bool:
        return True


def record_renders(config, renders: Renders) -> None:
    """Have mkdocs-jupyter record the renders it uses in ``renders`` and evict none itself: each
    language's build would evict the other's; the hooks evict once, after the last language."""
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is not None:
        jupyter._used_cache_paths = renders


# ---------------------------------------------------------------------------- Material's search


def stop_search_merge(config) -> None:
    """Switch off Material's own dirty-build merge of the search index (the hooks merge it)."""
    search = config.plugins.get("material/search")
    if search is not None:
        search.is_dirty, search.search_index_prev = False, None


# ---------------------------------------------------------------------------- nbconvert


def reuse_nbconvert_templates(bytecode_cache) -> None:
    """Give every nbconvert template environment ``bytecode_cache`` (compiling them is half a page's conversion)."""
    from nbconvert.exporters.templateexporter import TemplateExporter

    create = getattr(TemplateExporter, "_create_environment", None)
    if create is None or getattr(create, "_course_code_cache", False):
        return

    def create_environment(self):
        env = create(self)
        env.bytecode_cache = bytecode_cache
        return env

    create_environment._course_code_cache = True
    TemplateExporter._create_environment = create_environment
