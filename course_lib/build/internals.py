"""Every use of a private or undocumented attribute of MkDocs, Material, mkdocs-jupyter, mkdocs-static-i18n,
nbconvert and watchdog, each listed in ``USED`` with its reason. They are pinned in pyproject.toml;
tests/test_internals.py names the package, version and attribute that is gone."""
from __future__ import annotations

from pathlib import Path

#: (distribution, "module:owner", attribute, why the build uses it)
USED = [
    ("mkdocs", "mkdocs.livereload:LiveReloadServer", "_watch_refs",
     "make serve: swap the docs/ watch for one that ignores the files the build writes itself"),
    ("mkdocs", "mkdocs.livereload:LiveReloadServer", "_rebuild_cond", "make serve: ask for a rebuild as MkDocs does"),
    ("mkdocs", "mkdocs.livereload:LiveReloadServer", "_want_rebuild", "make serve: ask for a rebuild as MkDocs does"),
    ("mkdocs", "mkdocs.livereload:LiveReloadServer", "observer", "make serve: the watchdog observer to watch docs/ with"),
    ("watchdog", "watchdog.observers.api:EventEmitter", "_timeout", "make serve: notice a saved file within 0.1 s, not 0.5 s"),
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
     "keep compiled nbconvert templates: mkdocs-jupyter makes a new exporter for every page"),
]


def tune_server(server, docs: str, ignore) -> None:
    """Watch ``docs`` ignoring the files ``ignore(path)`` says the build wrote, and poll every 0.1 s (not 0.5 s);
    left as it is when MkDocs' server is not the one this was written for."""
    refs, observer = getattr(server, "_watch_refs", {}), getattr(server, "observer", None)
    if docs in refs and observer is not None and hasattr(server, "_rebuild_cond"):
        from watchdog.events import FileSystemEventHandler

        def on_any_event(event):
            paths = [p for p in (event.src_path, getattr(event, "dest_path", "")) if p]
            if not event.is_directory and not all(ignore(p) for p in paths):
                with server._rebuild_cond:
                    server._want_rebuild = True
                    server._rebuild_cond.notify_all()

        handler = FileSystemEventHandler()
        handler.on_any_event = on_any_event
        observer.unschedule(refs[docs])
        refs[docs] = observer.schedule(handler, docs, recursive=True)
    for emitter in [observer, *getattr(observer, "emitters", ())]:  # the observer's own: for watches added later
        if isinstance(getattr(emitter, "_timeout", None), (int, float)):
            emitter._timeout = min(emitter._timeout, 0.1)


def nested_language_build(config) -> bool:
    """True while i18n builds a further language inside the first one's build."""
    return config.plugins["i18n"].building


def repair_notebook_files(files, config) -> None:
    """Make the ``.ipynb`` files i18n rebuilt documentation pages again, at ``<stem>/index.html`` (i18n #198),
    and list the language's pages, lesson pages included, for i18n's sitemap.xml."""
    from mkdocs_jupyter.plugin import NotebookFile

    for f in [f for f in files if f.src_uri.endswith(".ipynb") and not isinstance(f, NotebookFile)]:
        for file in (f, *getattr(f, "alternates", {}).values()):
            if file.src_uri.endswith(".ipynb") and not getattr(file, "course_fixed", False):
                dest = Path(file.dest_uri)
                if dest.suffix == ".ipynb":  # else mkdocs-jupyter had given it a page path
                    dest = dest.with_suffix("") / "index.html" if config.use_directory_urls else dest.with_suffix(".html")
                file.dest_uri, file.abs_dest_path = dest.as_posix(), str(Path(config.site_dir) / dest)
                file.url = file._get_url(config.use_directory_urls)
                file.is_documentation_page = lambda: True
                file.course_fixed = True
    i18n = config.plugins["i18n"]
    i18n.i18n_files_per_language[i18n.current_language] = files.documentation_pages()


def set_language_links(config, links: dict[str, str]) -> None:
    """Point the language switcher at ``links`` (``{lang: url}``): i18n keeps them in ``config.extra.alternate``."""
    for alt in getattr(config.extra, "alternate", None) or config.extra.get("alternate", []):
        alt["link"] = links.get(alt.get("lang"), alt["link"])


class Renders(set):
    """The renders mkdocs-jupyter used, as it records them; it finds every render in use, so it evicts none."""

    def __contains__(self, item) -> bool:
        return True


def record_renders(config, renders: Renders) -> None:
    """Have mkdocs-jupyter record the renders it uses in ``renders`` and evict none itself: each language's
    build would evict the other's; the hooks evict once, after the last language."""
    config.plugins["mkdocs-jupyter"]._used_cache_paths = renders


def stop_search_merge(config) -> None:
    """Switch off Material's own dirty-build merge of the search index (the hooks merge it)."""
    search = config.plugins["material/search"]
    search.is_dirty, search.search_index_prev = False, None


def reuse_nbconvert_templates(bytecode_cache) -> None:
    """Give every nbconvert template environment ``bytecode_cache`` (compiling them is half a page's conversion)."""
    from nbconvert.exporters.templateexporter import TemplateExporter

    original = getattr(TemplateExporter._create_environment, "original", TemplateExporter._create_environment)

    def create_environment(self):
        env = original(self)
        env.bytecode_cache = bytecode_cache
        return env

    create_environment.original = original
    TemplateExporter._create_environment = create_environment
