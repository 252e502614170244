"""Shared fixtures: the repository, and one strict site build reused by the site and browser tests."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from course_lib.build.lessons import find_lessons  # noqa: E402

LESSONS = find_lessons(ROOT / "lessons")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """``mkdocs build --strict`` of the real course (lessons executed through the real cache).
    Every test that uses it is marked ``slow``."""
    site_dir = ROOT / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )
    assert proc.returncode == 0, f"mkdocs build failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-8000:]}"
    return site_dir


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


# Lessons run by a learner's fresh environment (test_learner.py), each instead of its script run in
# test_lessons_run_as_scripts.py: every lesson's code still runs at most twice per test session
# (the build's kernel, then one run outside it). (lang, stem, how)
LEARNER_RUNS = [
    ("ko", "09_train_and_evaluate", "py"),   # FashionMNIST
    ("en", "03_building_models", "py"),
    ("ko", "02_activation_functions", "ipynb"),
    ("en", "04_layers", "ipynb"),
]
ZIP_RUN = ("ko", "01_neural_networks")  # test_learner.py follows the Korean zip's README with it
COVERED_BY_LEARNER = {stem for _, stem, _ in LEARNER_RUNS} | {ZIP_RUN[1]}
FIGURE_SAVED = re.compile(r"^\[figure saved: (.+?)\]\n", re.M)
MAIN_FROM = re.compile(r"<module '__main__' from '[^']*'>")


def build_notebook(stem: str, lang: str = "ko") -> dict:
    return json.loads((ROOT / "docs" / lang / "lessons" / f"{stem}.ipynb").read_text(encoding="utf-8"))


def printed_by_the_build(stem: str) -> re.Pattern:
    """What the executed notebook's cells printed, in order; a ``variable`` cell matches anything."""
    parts = []
    for cell in build_notebook(stem)["cells"]:
        if cell["cell_type"] == "code":
            text = "".join("".join(o["text"]) for o in cell["outputs"] if o.get("name") == "stdout")
            parts.append(".*?" if "variable" in cell["metadata"].get("tags", []) else re.escape(text))
    return re.compile("".join(parts), re.S)


def check_script_run(proc, path: Path, cwd: Path, stem: str) -> None:
    """A lesson run as a script: exit 0, no traceback, headless, its figures saved, and it printed
    what its page shows (the build's run)."""
    assert proc.returncode == 0, f"{path} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
    assert "Traceback" not in proc.stderr
    # headless: no "cannot show the figure" warnings, and each saved figure is announced and exists
    assert "non-interactive" not in proc.stderr and "FigureCanvasAgg" not in proc.stderr
    for saved in FIGURE_SAVED.findall(proc.stdout):
        assert (cwd / saved).is_file(), saved
    printed = MAIN_FROM.sub("<module '__main__'>", FIGURE_SAVED.sub("", proc.stdout))
    expected = printed_by_the_build(stem)
    if not expected.fullmatch(printed):
        import difflib

        build = expected.pattern.replace("\\", "")
        diff = "\n".join(list(difflib.unified_diff(build.splitlines(), printed.splitlines(), "build", "script", lineterm=""))[:40])
        pytest.fail(f"{path.name} prints differently as a script than in the build:\n{diff}")
