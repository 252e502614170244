"""Every lesson runs as a plain script, headless, and exits 0 — as a learner would run it."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from conftest import LESSONS


@pytest.mark.parametrize("lesson", LESSONS, ids=[f"{ls.lang}/{ls.stem}" for ls in LESSONS])
def test_lesson_runs_as_script(lesson, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "DISPLAY")}
    env["COURSE_OUTPUT_DIR"] = str(tmp_path / "outputs")
    proc = subprocess.run([sys.executable, str(lesson.path)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"{lesson.path} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
    assert "Traceback" not in proc.stderr
    # headless: no "cannot show the figure" warnings, and each saved figure is announced and exists
    assert "non-interactive" not in proc.stderr and "FigureCanvasAgg" not in proc.stderr
    for path in re.findall(r"\[figure saved: (.+?)\]", proc.stdout):
        assert (tmp_path / path).is_file() or os.path.isfile(path), path
