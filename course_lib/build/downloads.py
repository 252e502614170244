"""What a learner downloads from the site to run the lessons without the repository.

- ``site/downloads/torch_nn_course-<version>-py3-none-any.whl``: the learner package (``course_lib``
  without ``build/``), depending only on torch, torchvision, matplotlib and koreanize-matplotlib.
  Written directly as a zip (no network, no build backend), byte for byte the same on every build.
- ``site/downloads/torch-nn-course-<lang>.zip``: that language's lessons, the wheel, a requirements
  file and a README.
- The first cell of every downloadable ``.ipynb``: installs the wheel when ``course_lib`` is missing
  (Colab), does nothing when it is there. The build executes the lesson as written; only the copy
  offered for download gets the cell.
"""
from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import tomllib
import zipfile
from pathlib import Path

from course_lib.build.lessons import repo_root

LEARNER_DEPENDENCIES = ("torch", "torchvision", "matplotlib", "koreanize-matplotlib")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same inputs give the same bytes
INSTALL_CELL_ID = "course-install"


def project_metadata(root: Path | None = None) -> dict:
    return tomllib.loads((Path(root or repo_root()) / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def learner_requirements(root: Path | None = None) -> list[str]:
    """The project's requirements on the four learner dependencies, as pyproject.toml states them."""
    reqs = []
    for req in project_metadata(root)["dependencies"]:
        name = re.split(r"[<>=!~ \[;]", req, maxsplit=1)[0].strip().lower()
        if name in LEARNER_DEPENDENCIES:
            reqs.append(req)
    assert len(reqs) == len(LEARNER_DEPENDENCIES), f"pyproject.toml lacks one of {LEARNER_DEPENDENCIES}"
    return reqs


def wheel_name(root: Path | None = None) -> str:
    return f"torch_nn_course-{project_metadata(root)['version']}-py3-none-any.whl"


def learner_files(root: Path | None = None) -> list[Path]:
    """The learner modules: every ``course_lib/*.py`` (``course_lib/build/`` is the site's, not a learner's)."""
    return sorted((Path(root or repo_root()) / "course_lib").glob("*.py"))


def _zip_write(zf: zipfile.ZipFile, name: str, data: bytes, mode: int = 0o644) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o100000 | mode) << 16
    info.create_system = 3  # unix, whatever machine builds it
    zf.writestr(info, data, compresslevel=9)


def _record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def wheel_bytes(root: Path | None = None) -> bytes:
    """The learner package as a wheel (PEP 427), built without network or build backend."""
    meta = project_metadata(root)
    dist_info = f"torch_nn_course-{meta['version']}.dist-info"
    files = {f"course_lib/{p.name}": p.read_bytes() for p in learner_files(root)}
    metadata = "\n".join([
        "Metadata-Version: 2.1",
        "Name: torch-nn-course",
        f"Version: {meta['version']}",
        "Summary: The helpers the lessons of the torch.nn course import (device, seed, data, figures)",
        f"Requires-Python: {meta['requires-python']}",
        *(f"Requires-Dist: {req}" for req in learner_requirements(root)),
        "",
    ])
    files[f"{dist_info}/METADATA"] = metadata.encode()
    files[f"{dist_info}/WHEEL"] = (b"Wheel-Version: 1.0\nGenerator: course_lib.build.downloads\n"
                                   b"Root-Is-Purelib: true\nTag: py3-none-any\n")
    files[f"{dist_info}/top_level.txt"] = b"course_lib\n"
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    for name, data in files.items():
        writer.writerow([name, _record_hash(data), len(data)])
    writer.writerow([f"{dist_info}/RECORD", "", ""])
    files[f"{dist_info}/RECORD"] = record.getvalue().encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():  # dist-info last, RECORD last of all (as installers expect)
            _zip_write(zf, name, data)
    return buf.getvalue()


def zip_name(lang: str) -> str:
    return f"torch-nn-course-{lang}.zip"


README = {
    "en": """# torch.nn course: the lessons in English

Each lesson is a plain Python file in `lessons/`. You need Python {python} and, once, the packages
in `requirements.txt`: PyTorch, torchvision and the course helpers (`{wheel}`, the `course_lib`
package the lessons import).

## Set up once

Open a terminal in this folder (the one with this README), then:

```bash
python -m venv .venv
source .venv/bin/activate          # Windows: .venv\\Scripts\\activate
pip install -r requirements.txt
```

## Run a lesson

```bash
python lessons/01_neural_networks.py
```

The lesson prints what its page on the site shows. Figures are saved as PNG files under
`outputs/figures/<lesson>/` (set `COURSE_OUTPUT_DIR` to change that) and each path is printed.
The lessons use CUDA with an NVIDIA GPU, MPS on an Apple-silicon Mac, otherwise the CPU; the
code is the same on all three.

The lessons from 09 on train on FashionMNIST. It is looked for in `data/` under the current folder (or the
folder named by `COURSE_DATA_DIR`), then in `/usr/share/datasets/fashion-mnist/` (Debian/Ubuntu:
`sudo apt-get install dataset-fashion-mnist`), and is otherwise downloaded by torchvision (about
30 MB). Offline with none of these, the lesson stops with one message saying where to put the files.

## Open a lesson as a notebook

The files are in Jupytext's percent format: each `# %%` line starts a cell.

- **Jupyter**: `pip install jupyterlab jupytext`, then `jupyter lab`; right-click a lesson,
  *Open With → Notebook*. The outputs and figures appear under each cell.
- **VS Code**: install the *Python* and *Jupyter* extensions, open a lesson and choose this
  folder's `.venv` as the interpreter; click *Run Cell* above a `# %%` line (or *Run All* in the
  Interactive window). VS Code asks to install `ipykernel` the first time.
- The executed notebooks (`.ipynb`, with every output) can be downloaded from each lesson's page.
""",
    "ko": """# torch.nn 강좌: 한국어 강의

강의는 `lessons/` 폴더에 있는 일반 파이썬 파일입니다. 파이썬 {python}이 필요하고,
`requirements.txt`에 적힌 패키지를 한 번 설치해야 합니다. PyTorch, torchvision, 그리고 강의가
불러오는 도우미 패키지 `course_lib`(`{wheel}`)입니다.

## 처음 한 번 준비하기

이 README가 있는 폴더에서 터미널을 열고 다음을 실행합니다.

```bash
python -m venv .venv
source .venv/bin/activate          # Windows: .venv\\Scripts\\activate
pip install -r requirements.txt
```

## 강의 실행하기

```bash
python lessons/01_neural_networks.py
```

강의는 사이트의 해당 페이지에 보이는 내용을 그대로 화면에 표시합니다. 그림은 `outputs/figures/<강의>/`
폴더에 PNG 파일로 저장되고(`COURSE_OUTPUT_DIR`로 위치를 바꿀 수 있습니다), 저장한 경로가 표시됩니다.
NVIDIA GPU가 있으면 CUDA를, Apple 실리콘 Mac이면 MPS를, 그 밖에는 CPU를 씁니다. 어느 장치에서나
코드는 같습니다.

강의 09부터는 FashionMNIST로 학습합니다. 데이터는 현재 폴더의 `data/`(또는 `COURSE_DATA_DIR`로 지정한
폴더), 그다음 `/usr/share/datasets/fashion-mnist/`(Debian/Ubuntu에서는
`sudo apt-get install dataset-fashion-mnist`)에서 찾고, 없으면 torchvision이 내려받습니다(약 30 MB).
인터넷이 없는데 어디에도 파일이 없으면, 파일을 어디에 두어야 하는지 알려 주는 메시지 하나를 보여
주고 멈춥니다.

## 노트북으로 열기

강의 파일은 Jupytext의 percent 형식입니다. `# %%` 줄마다 셀이 하나 시작됩니다.

- **Jupyter**: `pip install jupyterlab jupytext`를 설치하고 `jupyter lab`을 실행한 뒤, 강의 파일을
  마우스 오른쪽 버튼으로 눌러 *Open With → Notebook*을 고릅니다. 셀마다 출력과 그림이 아래에 나타납니다.
- **VS Code**: *Python*과 *Jupyter* 확장을 설치하고, 강의 파일을 연 다음 이 폴더의 `.venv`를
  인터프리터로 고릅니다. `# %%` 줄 위의 *Run Cell*을 누르면 셀이 실행됩니다(대화형 창의 *Run All*은
  전체 실행). 처음에는 VS Code가 `ipykernel` 설치를 묻습니다.
- 출력이 모두 담긴 실행된 노트북(`.ipynb`)은 사이트의 각 강의 페이지에서 내려받을 수 있습니다.
""",
}
PYTHON = "3.10 or newer"
PYTHON_KO = "3.10 이상"


def requirements_txt(root: Path | None = None) -> str:
    """torch and torchvision, then the wheel beside the file (a learner runs pip in that folder)."""
    torch_reqs = [r for r in learner_requirements(root) if re.match(r"torch(vision)?\b", r)]
    return "\n".join([*torch_reqs, f"./{wheel_name(root)}"]) + "\n"


def course_zip_bytes(lang: str, wheel: bytes, lessons_dir: Path | None = None, root: Path | None = None) -> bytes:
    """One language's lessons, the wheel, requirements.txt and a README, in ``torch-nn-course-<lang>/``."""
    lessons_dir = Path(lessons_dir or Path(root or repo_root()) / "lessons")
    top = zip_name(lang)[:-4]
    name = wheel_name(root)
    readme = README[lang].format(python=PYTHON_KO if lang == "ko" else PYTHON, wheel=name)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        _zip_write(zf, f"{top}/README.md", readme.encode())
        _zip_write(zf, f"{top}/requirements.txt", requirements_txt(root).encode())
        _zip_write(zf, f"{top}/{name}", wheel)
        for path in sorted((lessons_dir / lang).glob("[0-9][0-9]_*.py")):
            _zip_write(zf, f"{top}/lessons/{path.name}", path.read_bytes())
    return buf.getvalue()


def write_downloads(site_dir: Path, lessons_dir: Path | None = None, root: Path | None = None) -> dict[str, Path]:
    """Write the wheel and the two zips into ``site_dir/downloads``; return ``{what: path}``."""
    from course_lib.build.cache import write_atomic
    from course_lib.build.lessons import LANGS

    folder = Path(site_dir) / "downloads"
    lessons_dir = Path(lessons_dir or Path(root or repo_root()) / "lessons")
    inputs = [Path(root or repo_root()) / "pyproject.toml", *learner_files(root), *sorted(lessons_dir.glob("*/*.py"))]
    key = (str(folder.resolve()), tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in inputs))
    written = {"wheel": folder / wheel_name(root), **{lang: folder / zip_name(lang) for lang in LANGS}}
    if _written_for.get(key[0]) == key[1] and all(p.is_file() for p in written.values()):
        return written  # make serve's rebuilds: nothing a download holds has changed
    wheel = wheel_bytes(root)
    write_atomic(written["wheel"], wheel)
    for lang in LANGS:
        write_atomic(written[lang], course_zip_bytes(lang, wheel, lessons_dir, root))
    _written_for[key[0]] = key[1]
    return written


_written_for: dict = {}  # site folder -> the inputs its downloads were last written from


# --- the first cell of a downloaded notebook -------------------------------------------------------

_CELL = {
    "en": ("# Run it yourself: installs the course helpers (course_lib) when they are missing, e.g. in Colab,\n"
           "# and does nothing when they are installed. See the course site's \"Run it yourself\" page.\n"),
    "ko": ("# 직접 실행하기: 강의 도우미 패키지(course_lib)가 없으면(Colab 등) 설치하고, 이미 있으면 아무것도\n"
           "# 하지 않습니다. 자세한 내용은 강좌 사이트의 「직접 실행하기」 페이지를 보세요.\n"),
}
_MISSING = {
    "en": ("course_lib (the course helpers) is not installed. Download {wheel} from the course site's "
           "'Run it yourself' page and run: pip install torch torchvision {wheel}"),
    "ko": ("강의 도우미 패키지 course_lib가 설치되어 있지 않습니다. 강좌 사이트의 「직접 실행하기」 페이지에서 "
           "{wheel} 파일을 내려받은 뒤 다음을 실행하세요: pip install torch torchvision {wheel}"),
}


def install_cell_source(lang: str, wheel_url: str | None, wheel: str) -> str:
    """Code that installs the wheel from ``wheel_url`` when ``course_lib`` is missing; with no URL
    (the site's address is unknown), a clear message instead."""
    head = _CELL[lang] + "import importlib\nimport importlib.util\nimport subprocess\nimport sys\n\n"
    head += 'if importlib.util.find_spec("course_lib") is None:\n'
    if wheel_url:
        return head + (f'    subprocess.run([sys.executable, "-m", "pip", "install", "-q", {wheel_url!r}], check=True)\n'
                       "    importlib.invalidate_caches()\n")
    return head + f"    raise ModuleNotFoundError({_MISSING[lang].format(wheel=wheel)!r})\n"


def wheel_url(site_url: str | None, root: Path | None = None) -> str | None:
    return f"{site_url.rstrip('/')}/downloads/{wheel_name(root)}" if site_url else None


def add_install_cell(notebook: dict, lang: str, wheel_url: str | None, wheel: str) -> dict:
    """The notebook with the install cell first (replacing an earlier one)."""
    cells = [c for c in notebook["cells"] if c.get("id") != INSTALL_CELL_ID]
    cell = {"cell_type": "code", "execution_count": None, "id": INSTALL_CELL_ID,
            "metadata": {"tags": ["course-install"]}, "outputs": [],
            "source": install_cell_source(lang, wheel_url, wheel)}
    return {**notebook, "cells": [cell, *cells], "nbformat": 4, "nbformat_minor": max(5, notebook.get("nbformat_minor", 5))}


def standalone_notebooks(site_dir: Path, site_url: str | None, root: Path | None = None) -> int:
    """Give every downloadable lesson notebook under ``site_dir`` its install cell; return how many
    notebooks it changed."""
    from course_lib.build.cache import write_atomic

    site_dir = Path(site_dir)
    url, name = wheel_url(site_url, root), wheel_name(root)
    count = 0
    for path in sorted(site_dir.glob("**/lessons/*/*.ipynb")):
        lang = "en" if path.relative_to(site_dir).parts[0] == "en" else "ko"
        text = path.read_text(encoding="utf-8")
        source = json.dumps(install_cell_source(lang, url, name), ensure_ascii=False)
        if f'"id": "{INSTALL_CELL_ID}"' in text[:300] and source in text[:len(source) + 400]:
            continue  # already has it (a dirty rebuild copies only the notebooks that changed)
        nb = json.loads(text)
        write_atomic(path, json.dumps(add_install_cell(nb, lang, url, name), ensure_ascii=False, indent=1) + "\n")
        count += 1
    return count
