"""What a learner downloads to run the lessons without the repository, written without network or build
backend and byte for byte the same on every build: the learner package as a wheel (``course_lib`` without ``build/``,
depending only on torch, torchvision, matplotlib and koreanize-matplotlib), one zip per language (its lessons, the
wheel, requirements.txt, a README) and, first in each downloadable ``.ipynb`` (not the one the build executes), a
cell that installs the wheel when ``course_lib`` is missing (Colab).
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import tomllib
import zipfile
from pathlib import Path

from course_lib.build import text
from course_lib.build.cache import write_atomic
from course_lib.build.lessons import LANGS, repo_root

LEARNER_DEPENDENCIES = ("torch", "torchvision", "matplotlib", "koreanize-matplotlib")
INSTALL_CELL_ID = "course-install"


def project_metadata(root: Path | None = None) -> dict:
    return tomllib.loads((Path(root or repo_root()) / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def learner_requirements(root: Path | None = None) -> list[str]:
    """The project's requirements on the four learner dependencies, as pyproject.toml states them."""
    reqs = [req for req in project_metadata(root)["dependencies"]
            if re.split(r"[<>=!~ \[;]", req, maxsplit=1)[0].strip().lower() in LEARNER_DEPENDENCIES]
    assert len(reqs) == len(LEARNER_DEPENDENCIES), f"pyproject.toml lacks one of {LEARNER_DEPENDENCIES}"
    return reqs


def wheel_name(root: Path | None = None) -> str:
    return f"torch_nn_course-{project_metadata(root)['version']}-py3-none-any.whl"


def zip_name(lang: str) -> str:
    return f"torch-nn-course-{lang}.zip"


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # fixed: the same inputs give the same bytes
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            info.create_system = 3  # unix, whatever machine builds it
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buf.getvalue()


def wheel_bytes(root: Path | None = None) -> bytes:
    """The learner package as a wheel (PEP 427), built without network or build backend."""
    meta = project_metadata(root)
    dist_info = f"torch_nn_course-{meta['version']}.dist-info"
    learner = sorted((Path(root or repo_root()) / "course_lib").glob("*.py"))  # course_lib/build/ is the site's
    files = {f"course_lib/{p.name}": p.read_bytes() for p in learner}
    metadata = ["Metadata-Version: 2.1", "Name: torch-nn-course", f"Version: {meta['version']}",
                "Summary: The helpers the lessons of the torch.nn course import (device, seed, data, figures)",
                f"Requires-Python: {meta['requires-python']}",
                *(f"Requires-Dist: {req}" for req in learner_requirements(root))]
    files[f"{dist_info}/METADATA"] = ("\n".join(metadata) + "\n").encode()
    files[f"{dist_info}/WHEEL"] = (b"Wheel-Version: 1.0\nGenerator: course_lib.build.downloads\n"
                                   b"Root-Is-Purelib: true\nTag: py3-none-any\n")
    files[f"{dist_info}/top_level.txt"] = b"course_lib\n"
    record = ""
    for name, data in files.items():  # RECORD is CSV; no name here needs quoting
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record += f"{name},sha256={digest},{len(data)}\n"
    # dist-info last, RECORD last of all (as installers expect)
    files[f"{dist_info}/RECORD"] = f"{record}{dist_info}/RECORD,,\n".encode()
    return _zip(files)


def course_zip_bytes(lang: str, wheel: bytes, lessons_dir: Path | None = None, root: Path | None = None) -> bytes:
    """One language's lessons, the wheel, requirements.txt and a README, in ``torch-nn-course-<lang>/``."""
    lessons = sorted(Path(lessons_dir or Path(root or repo_root()) / "lessons").glob(f"{lang}/[0-9][0-9]_*.py"))
    top, name = zip_name(lang)[:-4], wheel_name(root)
    # torch and torchvision, then the wheel beside the file (a learner runs pip in that folder)
    requirements = [r for r in learner_requirements(root) if re.match(r"torch(vision)?\b", r)] + [f"./{name}"]
    files = {f"{top}/README.md": text(lang)["readme"].format(wheel=name).encode(),
             f"{top}/requirements.txt": ("\n".join(requirements) + "\n").encode(),
             f"{top}/{name}": wheel, **{f"{top}/lessons/{p.name}": p.read_bytes() for p in lessons}}
    return _zip(files)


def write_downloads(site_dir: Path, lessons_dir: Path | None = None, root: Path | None = None) -> None:
    """Write the wheel and the two zips into ``site_dir/downloads``."""
    folder = Path(site_dir) / "downloads"
    wheel = wheel_bytes(root)
    write_atomic(folder / wheel_name(root), wheel)
    for lang in LANGS:
        write_atomic(folder / zip_name(lang), course_zip_bytes(lang, wheel, lessons_dir, root))


def install_cell_source(lang: str, wheel_url: str | None, wheel: str) -> str:
    """Code that installs the wheel when ``course_lib`` is missing; with no URL (unknown site address), it says how."""
    if wheel_url:
        body = (f'    subprocess.run([sys.executable, "-m", "pip", "install", "-q", {wheel_url!r}], check=True)\n'
                "    importlib.invalidate_caches()\n")
    else:
        body = f"    raise ModuleNotFoundError({text(lang)['install_missing'].format(wheel=wheel)!r})\n"
    return (text(lang)["install_cell"] + "import importlib\nimport importlib.util\nimport subprocess\nimport sys\n\n"
            'if importlib.util.find_spec("course_lib") is None:\n' + body)


def wheel_url(site_url: str | None, root: Path | None = None) -> str | None:
    return f"{site_url.rstrip('/')}/downloads/{wheel_name(root)}" if site_url else None


def add_install_cell(notebook: dict, lang: str, wheel_url: str | None, wheel: str) -> dict:
    """The notebook with the install cell first (replacing an earlier one)."""
    cells = [c for c in notebook["cells"] if c.get("id") != INSTALL_CELL_ID]
    cell = {"cell_type": "code", "execution_count": None, "id": INSTALL_CELL_ID,
            "metadata": {"tags": ["course-install"]}, "outputs": [],
            "source": install_cell_source(lang, wheel_url, wheel)}
    return {**notebook, "cells": [cell, *cells], "nbformat": 4,
            "nbformat_minor": max(5, notebook.get("nbformat_minor", 5))}


def standalone_notebooks(site_dir: Path, site_url: str | None, root: Path | None = None) -> int:
    """Give every downloadable lesson notebook under ``site_dir`` its install cell; return how many it changed."""
    url, name = wheel_url(site_url, root), wheel_name(root)
    count = 0
    for path in sorted(site_dir.glob("**/lessons/*/*.ipynb")):
        lang = "en" if path.relative_to(site_dir).parts[0] == "en" else "ko"
        raw = path.read_text(encoding="utf-8")
        source = json.dumps(install_cell_source(lang, url, name), ensure_ascii=False)
        if f'"id": "{INSTALL_CELL_ID}"' in raw[:300] and source in raw[:len(source) + 400]:
            continue  # already has it (a dirty rebuild copies only the notebooks that changed)
        nb = json.loads(raw)
        write_atomic(path, json.dumps(add_install_cell(nb, lang, url, name), ensure_ascii=False, indent=1) + "\n")
        count += 1
    return count
