"""Every lesson runs as a plain script, headless, as a learner would run it, and prints what its
page shows: a second execution of the lesson, compared with the build's (reproducibility).

Each lesson's code runs twice per test session: in the build's kernel (unless cached) and once
outside it, per ko/en pair — here (the Korean file: the kernel ran the English one; their code is the
same, see test_parity.py), or, for the lessons in ``conftest.COVERED_BY_LEARNER``, in a learner's
fresh environment from the downloaded files (test_learner.py, with the same checks). Cells tagged
``variable`` (timings) may print anything, and a script's ``__main__`` module names its file where a
kernel's does not.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import COVERED_BY_LEARNER, LESSONS, check_script_run
from course_lib.build.execute import thread_share

pytestmark = pytest.mark.slow
KO = [ls for ls in LESSONS if ls.lang == "ko"]
HERE = [ls for ls in KO if ls.stem not in COVERED_BY_LEARNER]


def script_env(threads: int) -> dict:
    """A learner's script run, with as many CPU threads as its kernel had: the same arithmetic."""
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "DISPLAY")}
    env.update(COURSE_OUTPUT_DIR="outputs", PYTHONHASHSEED="0", OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
    return env


@pytest.mark.parametrize("lesson", HERE, ids=[ls.stem for ls in HERE])
def test_lesson_runs_as_a_script_and_prints_what_its_page_shows(built_site, lesson, tmp_path):
    proc = subprocess.run([sys.executable, str(lesson.path)], cwd=tmp_path, env=script_env(thread_share(len(KO))),
                          capture_output=True, text=True, timeout=900)
    check_script_run(proc, lesson.path, tmp_path, lesson.stem)
