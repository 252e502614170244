"""Lesson pages' caches: what a page costs once, kept by content.

``processed_lesson`` keeps each post-processed page (``postprocess.py``, ~0.2 s a page) by its inputs
(``.cache/pages``); ``search_sections`` what Material's search finds in a page (``.cache/search``:
1.3 s of a 1.9 s rebuild without them); ``TEMPLATES`` the compiled theme and nbconvert templates
(``.cache/jinja``: 0.5 s a build). mkdocs-jupyter keeps its own conversions (``.cache/mkdocs-jupyter``).
"""
from __future__ import annotations

import base64
import functools
import hashlib
import json
import pickle
from pathlib import Path

import jinja2

from course_lib.build import cache, internals, postprocess
from course_lib.build.cache import package_version
from course_lib.build.lessons import executed_notebook_facts, repo_root

TEMPLATES = jinja2.FileSystemBytecodeCache(str(repo_root() / ".cache" / "jinja"))


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


def search_sections(html: str, folder: Path) -> list:
    """What Material's search parser finds in a page, kept in ``folder`` by the page's content."""
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
