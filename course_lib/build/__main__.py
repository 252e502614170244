"""``python -m course_lib.build`` (``make build``): build the site unless nothing it reads has changed.

The fingerprint of the inputs (sizes and modification times of the ``INPUTS`` files, pyproject.toml for the wheel,
generated pages excepted; the torch/torchvision versions; ``COURSE_SITE_URL`` and ``COURSE_REPO_URL``) is stored in
``site/.build-stamp`` after a successful ``mkdocs build --strict``; when it matches, the build is a no-op.
"""
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

from course_lib.build.cache import package_version as version

INPUTS = ("lessons", "docs", "course_lib", "mkdocs.yml", "jupytext.toml", "pyproject.toml")
GENERATED = re.compile(r"docs/(ko|en)/(lessons/.*|glossary\.md|build\.md)")  # written by the build itself


def fingerprint(project: Path) -> str:
    h = hashlib.sha256()
    for name in INPUTS:
        for path in sorted((project / name).rglob("*")) if (project / name).is_dir() else [project / name]:
            rel = path.relative_to(project).as_posix()
            if path.is_file() and "__pycache__" not in rel and not GENERATED.fullmatch(rel):
                h.update(f"{rel}\0{path.stat().st_size}\0{path.stat().st_mtime_ns}\n".encode())
    h.update(f"torch {version('torch')} torchvision {version('torchvision')}".encode())
    h.update(f"site {os.environ.get('COURSE_SITE_URL', '')} repo {os.environ.get('COURSE_REPO_URL', '')}".encode())
    return h.hexdigest()


if __name__ == "__main__":
    args = sys.argv[1:]
    stamp, current = Path("site", ".build-stamp"), fingerprint(Path.cwd())
    if "--force" in args or not stamp.exists() or stamp.read_text().strip() != current:
        stamp.unlink(missing_ok=True)  # none while building: a failed or interrupted build is not up to date
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", *[a for a in args if a != "--force"]]
        build = subprocess.run(mkdocs, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        if build.returncode == 0:
            stamp.write_text(current + "\n")
        sys.exit(build.returncode)
    print("site/ is up to date: nothing to build (make build FORCE=1 rebuilds)")
