"""Shared fixtures: the repository, and one strict site build reused by the site and browser tests."""
from __future__ import annotations

import os
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
