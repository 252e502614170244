"""Two clean executions of the course on one machine give identical text outputs in every lesson.

The first is the session's site build (clean in CI); the second executes every lesson again into an
empty cache. Cells tagged ``variable`` (timings) are left out, as are images.
"""
from __future__ import annotations

import json

import pytest

from conftest import ROOT
from course_lib.execute import execute_course

pytestmark = pytest.mark.slow


def text_outputs(nb_path):
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    out = []
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code" or "variable" in cell["metadata"].get("tags", []):
            continue
        for o in cell["outputs"]:
            if o["output_type"] == "stream":
                out.append((i, o["name"], "".join(o["text"])))
            elif "data" in o and "text/plain" in o["data"]:
                out.append((i, "data", "".join(o["data"]["text/plain"])))
            elif o["output_type"] == "error":
                out.append((i, "error", o["ename"]))
    return out


def test_two_clean_builds_have_identical_text_outputs(built_site, tmp_path):
    report = execute_course(lessons_dir=ROOT / "lessons", out_dir=tmp_path / "docs",
                            cache_dir=tmp_path / "cache", log=lambda *_: None)
    assert not report.errors and report.kernels >= 1
    first = sorted((ROOT / "docs").glob("*/lessons/*.ipynb"))
    assert first
    differ = []
    for nb_path in first:
        second = tmp_path / "docs" / nb_path.relative_to(ROOT / "docs")
        a, b = text_outputs(nb_path), text_outputs(second)
        if a != b:
            diff = next(((x, y) for x, y in zip(a, b) if x != y), (a[len(b):], b[len(a):]))
            differ.append(f"{nb_path.relative_to(ROOT)}: {diff}")
    assert not differ, "outputs differ between two clean builds:\n" + "\n".join(differ)
