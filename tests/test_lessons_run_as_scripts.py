"""Every lesson runs as a plain script, headless, as a learner would run it, and prints what its
page shows: a second execution of the lesson, compared with the build's (reproducibility).

Each lesson's code runs twice per test session: in the build's kernel (unless cached) and here, once
per ko/en pair (the Korean file: the kernel ran the English one; their code is the same, see
test_parity.py). Cells tagged ``variable`` (timings) may print anything, and a script's ``__main__``
module names its file where a kernel's does not.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import LESSONS, ROOT
from course_lib.build.execute import thread_share

pytestmark = pytest.mark.slow
KO = [ls for ls in LESSONS if ls.lang == "ko"]
FIGURE_SAVED = re.compile(r"^\[figure saved: (.+?)\]\n", re.M)
MAIN_FROM = re.compile(r"<module '__main__' from '[^']*'>")


def printed_by_the_build(stem: str) -> re.Pattern:
    """What the executed notebook's cells printed, in order; a ``variable`` cell matches anything."""
    nb = json.loads((ROOT / "docs" / "ko" / "lessons" / f"{stem}.ipynb").read_text(encoding="utf-8"))
    parts = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            text = "".join("".join(o["text"]) for o in cell["outputs"] if o.get("name") == "stdout")
            parts.append(".*?" if "variable" in cell["metadata"].get("tags", []) else re.escape(text))
    return re.compile("".join(parts), re.S)


@pytest.mark.parametrize("lesson", KO, ids=[ls.stem for ls in KO])
def test_lesson_runs_as_a_script_and_prints_what_its_page_shows(built_site, lesson, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "DISPLAY")}
    threads = str(thread_share(len(KO)))  # as many CPU threads as its kernel had: the same arithmetic
    env.update(COURSE_OUTPUT_DIR="outputs", PYTHONHASHSEED="0", OMP_NUM_THREADS=threads, MKL_NUM_THREADS=threads)
    proc = subprocess.run([sys.executable, str(lesson.path)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"{lesson.path} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
    assert "Traceback" not in proc.stderr
    # headless: no "cannot show the figure" warnings, and each saved figure is announced and exists
    assert "non-interactive" not in proc.stderr and "FigureCanvasAgg" not in proc.stderr
    for path in FIGURE_SAVED.findall(proc.stdout):
        assert (tmp_path / path).is_file(), path
    printed = MAIN_FROM.sub("<module '__main__'>", FIGURE_SAVED.sub("", proc.stdout))
    expected = printed_by_the_build(lesson.stem)
    if not expected.fullmatch(printed):
        import difflib

        build = expected.pattern.replace("\\", "")
        diff = "\n".join(list(difflib.unified_diff(build.splitlines(), printed.splitlines(), "build", "script", lineterm=""))[:40])
        pytest.fail(f"{lesson.path.name} prints differently as a script than in the build:\n{diff}")
