"""The Korean and English twin of each lesson: same files, same cells, same code; full lesson shape."""
from __future__ import annotations

import re

import pytest

from conftest import LESSONS, ROOT
from course_lib.build.lessons import LANGS, parity_problems, read_notebook

STEMS = sorted({ls.stem for ls in LESSONS})
HEADINGS = {
    "ko": ("## 요약", "## 연습 문제", "## 더 읽을거리"),
    "en": ("## Summary", "## Exercises", "## Further reading"),
}


def test_there_are_lessons():
    assert STEMS, "no lessons found in lessons/"


@pytest.mark.parametrize("stem", STEMS)
def test_both_languages_exist(stem):
    missing = [lang for lang in LANGS if not (ROOT / "lessons" / lang / f"{stem}.py").exists()]
    assert not missing, f"{stem} is missing in {missing}"


@pytest.mark.parametrize("stem", STEMS)
def test_same_cells_and_code(stem):
    problems = parity_problems(ROOT / "lessons" / "ko" / f"{stem}.py", ROOT / "lessons" / "en" / f"{stem}.py")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lesson", LESSONS, ids=[f"{ls.lang}/{ls.stem}" for ls in LESSONS])
def test_lesson_shape(lesson):
    """One H1, a pitfall box, 2-3 exercises with solutions, and the closing sections, in order."""
    nb = read_notebook(lesson.path)
    md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert len(re.findall(r"^# ", md, re.M)) == 1, "exactly one H1 title"
    positions = [md.find(h) for h in HEADINGS[lesson.lang]]
    assert all(p >= 0 for p in positions), f"missing one of {HEADINGS[lesson.lang]}"
    assert positions == sorted(positions), "summary, exercises, further reading: in that order"
    tags = [t for c in nb.cells for t in c.metadata.get("tags", [])]
    assert "pitfall" in tags, "a pitfall box"
    solutions = [c for c in nb.cells if "solution" in c.metadata.get("tags", []) and c.cell_type == "code"]
    assert len(solutions) >= 2, "2-3 exercises with executed solutions"
    assert "docs.pytorch.org" in md or "pytorch.org/docs" in md, "further reading links to the PyTorch docs"


@pytest.mark.parametrize("lesson", LESSONS, ids=[f"{ls.lang}/{ls.stem}" for ls in LESSONS])
def test_imports_only_allowed_packages(lesson):
    import sys

    allowed = {"torch", "torchvision", "matplotlib", "course_lib"} | set(sys.stdlib_module_names)
    nb = read_notebook(lesson.path)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    imported = set(re.findall(r"^\s*(?:from|import)\s+([A-Za-z_][\w]*)", code, re.M))
    assert imported <= allowed, f"not allowed: {imported - allowed}"
