"""Lesson pages' caches: each post-processed page (``postprocess.py``, ~0.2 s a page) kept by its
inputs (``.cache/pages``), and the compiled theme and nbconvert templates (``.cache/jinja``: 0.5 s
of a 2.4 s no-op build). mkdocs-jupyter keeps its own conversions (``.cache/mkdocs-jupyter``)."""
from __future__ import annotations

import base64
import functools
import hashlib
import json
from pathlib import Path

import jinja2

from course_lib.build import cache, postprocess
from course_lib.build.lessons import executed_notebook_facts, repo_root

TEMPLATES = jinja2.FileSystemBytecodeCache(str(repo_root() / ".cache" / "jinja"))


@functools.lru_cache(maxsize=1)
def _postprocess_digest() -> str:
    return hashlib.sha256(Path(postprocess.__file__).read_bytes()).hexdigest()


def page_inputs(notebook: Path, lang: str, stem: str, lessons_dir: Path) -> tuple[dict | None, bool, list[list[str]], list]:
    """What post-processing needs besides the HTML: run record, outdated translation?, cell tags, glossary."""
    from course_lib.build import generated, i18n

    run, cell_tags = executed_notebook_facts(notebook)
    outdated = lang != "en" and i18n.status(lessons_dir / lang / f"{stem}.py",
                                            lessons_dir / "en" / f"{stem}.py") == i18n.OUTDATED
    return run, outdated, cell_tags, generated.load_glossary(notebook.parents[2] / "glossary.yml")


def processed_lesson(folder: Path, html: str, lang: str, stem: str, run: dict | None, outdated: bool,
                     cell_tags: list[list[str]], glossary: list) -> tuple[str, list[dict], dict[str, bytes]]:
    """``postprocess.process_lesson_html``, kept in ``folder`` by its inputs."""
    key = json.dumps([html, lang, stem, run, outdated, cell_tags, glossary, _postprocess_digest()])
    path = Path(folder) / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"
    try:
        e = json.loads(cache.read(path))
        return e["html"], e["toc"], {n: base64.b64decode(d) for n, d in e["figures"].items()}
    except (TypeError, ValueError, KeyError):
        pass
    out, toc, figures = postprocess.process_lesson_html(html, lang, stem, run, outdated, cell_tags, glossary)
    entry = {"html": out, "toc": toc, "figures": {n: base64.b64encode(d).decode() for n, d in figures.items()}}
    cache.write_atomic(path, json.dumps(entry), keep=cache.KEEP)
    return out, toc, figures
