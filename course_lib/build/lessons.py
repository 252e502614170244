"""Finding lessons, reading their cells, and comparing the Korean and English twins."""
from __future__ import annotations

import functools
import io
import json
import re
import tokenize
from pathlib import Path
from typing import NamedTuple

from course_lib.build.cache import file_version

LANGS = ("ko", "en")
DEFAULT_LANG = "ko"
OTHER = {"ko": "en", "en": "ko"}
LESSON_RE = re.compile(r"^(\d\d)_[a-z0-9_]+\.py$")
#: ``comment_magics: False``: a markdown line such as ``# # What is it?`` stays a heading (by default
#: jupytext takes a trailing ``?`` for IPython help and strips the ``# ``); ``jupytext.toml`` says the same.
JUPYTEXT_FORMAT = {"extension": ".py", "format_name": "percent", "comment_magics": False}


def repo_root() -> Path:
    return Path(__file__).resolve().parents[2]  # the folder holding lessons/ and course_lib/


class Lesson(NamedTuple):
    """One lesson file: ``lessons/<lang>/<stem>.py``, ``NN_slug`` its stem."""

    path: Path
    lang: str
    stem = property(lambda self: self.path.stem)
    number = property(lambda self: self.path.stem[:2])


def find_lessons(lessons_dir: Path | None = None) -> list[Lesson]:
    """Every ``lessons/{ko,en}/NN_slug.py``, sorted by language then number."""
    lessons_dir = lessons_dir or repo_root() / "lessons"
    return [Lesson(p, lang) for lang in LANGS for p in sorted((lessons_dir / lang).glob("*.py"))
            if LESSON_RE.match(p.name)]


def read_notebook(path: Path):
    """A percent-format lesson as an nbformat notebook (read once per file version); don't modify it."""
    return _read_notebook(*file_version(path))


@functools.lru_cache(maxsize=256)
def _read_notebook(path: str, mtime_ns: int, size: int):
    import jupytext

    return jupytext.reads(Path(path).read_text(encoding="utf-8"), fmt=dict(JUPYTEXT_FORMAT))


def executed_notebook_facts(path: Path) -> tuple[dict | None, list[list[str]]]:
    """An executed lesson notebook's run record (``metadata.course.run``) and each cell's tags."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    return nb["metadata"].get("course", {}).get("run"), [c["metadata"].get("tags", []) for c in nb["cells"]]


@functools.lru_cache(maxsize=4096)
def strip_comments(source: str) -> str:
    """Python source without comments, trailing spaces or blank lines (the code a cache key sees)."""
    lines = source.splitlines()
    try:
        for tok in reversed(list(tokenize.generate_tokens(io.StringIO(source).readline))):
            if tok.type == tokenize.COMMENT:
                lines[tok.start[0] - 1] = lines[tok.start[0] - 1][:tok.start[1]]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        lines = source.splitlines()  # not Python: compared as it is
    return "\n".join(line.rstrip() for line in lines if line.strip())


def code_cells(nb) -> list[str]:
    """The code cells' sources with comments stripped, in order."""
    return [strip_comments(c.source) for c in nb.cells if c.cell_type == "code"]


def parity_problems(ko_path: Path, en_path: Path) -> list[str]:
    """What differs between a Korean lesson and its English twin, beyond prose and comments."""
    ko, en = read_notebook(ko_path), read_notebook(en_path)
    problems = []
    kinds = {lang: [c.cell_type for c in nb.cells] for lang, nb in (("ko", ko), ("en", en))}
    if kinds["ko"] != kinds["en"]:
        problems.append(f"cell kinds differ: ko {kinds['ko']} vs en {kinds['en']}")
    if [sorted(c.metadata.get("tags", [])) for c in ko.cells] != [sorted(c.metadata.get("tags", [])) for c in en.cells]:
        problems.append("cell tags differ")
    for i, (a, b) in enumerate(zip(code_cells(ko), code_cells(en)), start=1):
        if a != b:
            problems.append(f"code cell {i} differs:\n--- ko\n{a}\n--- en\n{b}")
    return problems
