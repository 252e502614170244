"""``python -m course_lib.build`` (``make build``): build the site unless nothing it reads has changed.

The inputs' fingerprint (paths, sizes and modification times of lessons/, docs/ without the generated
pages, course_lib/, mkdocs.yml, jupytext.toml, pyproject.toml (the wheel's version and requirements),
the site's and repository's addresses (``COURSE_SITE_URL``, ``COURSE_REPO_URL``) and the installed
torch/torchvision versions) is stored in ``site/.build-stamp`` after a successful ``mkdocs build --strict``. When it matches, the build is a
no-op; ``--force`` builds anyway.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from course_lib.build.cache import package_version as version

INPUTS = ("lessons", "docs", "course_lib", "mkdocs.yml", "jupytext.toml", "pyproject.toml")
GENERATED = ("lessons/", "glossary.md", "build.md")  # under docs/<lang>/, written by the build itself


def fingerprint(project: Path) -> str:
    h = hashlib.sha256()
    for name in INPUTS:
        root = project / name
        paths = sorted(root.rglob("*")) if root.is_dir() else [root]
        for p in paths:
            rel = p.relative_to(project).as_posix()
            if not p.is_file() or "__pycache__" in rel or (
                    rel.startswith("docs/") and any(g in rel.split("/", 2)[-1] for g in GENERATED)
                    and rel.count("/") >= 2 and rel.split("/")[1] in ("ko", "en")):
                continue
            st = p.stat()
            h.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    h.update(f"torch {version('torch')} torchvision {version('torchvision')}".encode())
    h.update(f"site {os.environ.get('COURSE_SITE_URL', '')} repo {os.environ.get('COURSE_REPO_URL', '')}".encode())
    return h.hexdigest()


def main(argv: list[str]) -> int:
    project = Path.cwd()
    stamp = project / "site" / ".build-stamp"
    current = fingerprint(project)
    if "--force" not in argv and stamp.exists() and stamp.read_text().strip() == current:
        print("site/ is up to date: nothing to build (make build FORCE=1 rebuilds)")
        return 0
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *[a for a in argv if a != "--force"]],
                          cwd=project, env=env)
    if proc.returncode == 0:
        stamp.write_text(current + "\n")
    else:
        stamp.unlink(missing_ok=True)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
