"""Finding lessons, reading their cells, and comparing the Korean and English twins."""
from __future__ import annotations

import functools
import io
import re
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

from course_lib.build.cache import file_version

LANGS = ("ko", "en")
DEFAULT_LANG = "ko"
LESSON_RE = re.compile(r"^(\d\d)_[a-z0-9_]+\.py$")


def repo_root() -> Path:
    """The repository root (the folder holding ``lessons/`` and ``course_lib/``)."""
    return Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Lesson:
    """One lesson file: ``lessons/<lang>/<stem>.py``."""

    path: Path
    lang: str

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def number(self) -> str:
        return self.stem[:2]


def find_lessons(lessons_dir: Path | None = None) -> list[Lesson]:
    """Every ``lessons/{ko,en}/NN_slug.py``, sorted by language then number."""
    lessons_dir = lessons_dir or repo_root() / "lessons"
    found = []
    for lang in LANGS:
        folder = lessons_dir / lang
        if folder.is_dir():
            found += [Lesson(p, lang) for p in sorted(folder.glob("*.py")) if LESSON_RE.match(p.name)]
    return found


#: How lessons are read. ``comment_magics: False``: a markdown line such as ``# # What is it?`` stays a
#: heading (by default jupytext takes a trailing ``?`` for IPython help syntax and strips the ``# ``).
#: ``jupytext.toml`` sets the same for Jupyter and the jupytext command.
JUPYTEXT_FORMAT = {"extension": ".py", "format_name": "percent", "comment_magics": False}


def read_notebook(path: Path):
    """Read a percent-format lesson into an nbformat notebook (jupytext); don't modify the result."""
    return _read_notebook(*file_version(path))


@functools.lru_cache(maxsize=256)
def _read_notebook(path: str, mtime_ns: int, size: int):  # once per file version
    import jupytext

    return jupytext.reads(Path(path).read_text(encoding="utf-8"), fmt=dict(JUPYTEXT_FORMAT))


def executed_notebook_facts(path: Path) -> tuple[dict | None, list[list[str]]]:
    """An executed lesson notebook's run record (``metadata.course.run``) and each cell's tags."""
    import json

    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    return (nb.get("metadata", {}).get("course", {}).get("run"),
            [c.get("metadata", {}).get("tags", []) for c in nb["cells"]])


@functools.lru_cache(maxsize=4096)
def strip_comments(source: str) -> str:
    """Python source without comments, trailing spaces or blank lines (the code a cache key sees)."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        tokens = None
    if tokens is not None:
        lines = source.splitlines()
        for tok in reversed(tokens):
            if tok.type == tokenize.COMMENT:
                row, col = tok.start
                lines[row - 1] = lines[row - 1][:col]
        source = "\n".join(lines)
    return "\n".join(line.rstrip() for line in source.splitlines() if line.strip())


def code_cells(nb) -> list[str]:
    """The code cells' sources with comments stripped, in order."""
    return [strip_comments(c.source) for c in nb.cells if c.cell_type == "code"]


def parity_problems(ko_path: Path, en_path: Path) -> list[str]:
    """What differs between a Korean lesson and its English twin, beyond prose and comments."""
    ko, en = read_notebook(ko_path), read_notebook(en_path)
    problems = []
    ko_kinds = [c.cell_type for c in ko.cells]
    en_kinds = [c.cell_type for c in en.cells]
    if ko_kinds != en_kinds:
        problems.append(f"cell kinds differ: ko {ko_kinds} vs en {en_kinds}")
    ko_tags = [sorted(c.metadata.get("tags", [])) for c in ko.cells]
    en_tags = [sorted(c.metadata.get("tags", [])) for c in en.cells]
    if ko_tags != en_tags:
        problems.append("cell tags differ")
    for i, (a, b) in enumerate(zip(code_cells(ko), code_cells(en)), start=1):
        if a != b:
            problems.append(f"code cell {i} differs:\n--- ko\n{a}\n--- en\n{b}")
    return problems


def main(argv: list[str]) -> int:
    """``python -m course_lib.build.lessons`` (``make parity``): report ko/en parity problems; exit 1 if any."""
    by_stem: dict[str, dict[str, Path]] = {}
    for lesson in find_lessons():
        by_stem.setdefault(lesson.stem, {})[lesson.lang] = lesson.path
    bad = 0
    for stem, paths in sorted(by_stem.items()):
        if argv and not any(a in stem for a in argv):
            continue
        missing = [lang for lang in LANGS if lang not in paths]
        problems = [f"missing in: {', '.join(missing)}"] if missing else parity_problems(paths["ko"], paths["en"])
        print(f"{stem}: {'ok' if not problems else 'MISMATCH'}")
        for p in problems:
            print("   ", p.replace("\n", "\n    "))
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
