"""A learner with only the site: a fresh virtual environment outside the repository (torch and
torchvision from the registry, ipykernel as Jupyter would bring, nothing else), the wheel installed
from ``site/downloads`` by the downloaded notebook's own install cell, then downloaded lessons run
in a temporary folder: ``.py`` files with ``python``, ``.ipynb`` files through nbclient, in both
languages, the FashionMNIST lesson among them; and a zip unpacked and its README followed.

Budget: each lesson here runs instead of its script run in test_lessons_run_as_scripts.py
(``conftest.LEARNER_RUNS``, ``conftest.ZIP_RUN``), with the same comparison against the build, so
every lesson's code still runs at most twice per test session.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import LEARNER_RUNS, LESSONS, ROOT, ZIP_RUN, build_notebook, check_script_run
from course_lib.build import downloads
from course_lib.build.cache import package_version
from course_lib.build.execute import thread_share

pytestmark = pytest.mark.slow
THREADS = str(thread_share(len([ls for ls in LESSONS if ls.lang == "ko"])))  # as the build's kernels had


def learner_env(**extra) -> dict:
    """The environment of a learner's shell: nothing pointing at the repository's code; the data
    found where a learner would put it (COURSE_DATA_DIR, here the repository's copy)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "MPLBACKEND", "DISPLAY", "COURSE_OUTPUT_DIR", "JUPYTER_PATH")}
    env.update(COURSE_DATA_DIR=str((ROOT / "data").resolve()), PYTHONHASHSEED="0",
               OMP_NUM_THREADS=THREADS, MKL_NUM_THREADS=THREADS, **extra)
    return env


def pip(python: Path, *args: str) -> None:
    proc = subprocess.run([str(python), "-m", "pip", "install", "-q", *args], cwd=python.parent, env=learner_env(),
                          capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, f"pip install {' '.join(args)} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"


@pytest.fixture(scope="session")
def learner_python(built_site, tmp_path_factory):
    """A fresh venv under the system's temporary folder, with torch and torchvision (the versions the
    build ran, from the registry: the pip cache makes this quick) and ipykernel; then the course
    helpers, installed by a downloaded notebook's first cell from site/downloads."""
    folder = tmp_path_factory.mktemp("learner-venv")
    assert not folder.resolve().is_relative_to(ROOT.resolve())
    venv.EnvBuilder(with_pip=True).create(folder)
    python = folder / "bin" / "python"
    pip(python, f"torch=={package_version('torch')}", f"torchvision=={package_version('torchvision')}", "ipykernel")
    # (every command runs outside the repository: `python -c` would find its course_lib in the current folder)
    check = subprocess.run([str(python), "-c", "import importlib.util as u; print(u.find_spec('course_lib'))"],
                           cwd=folder, env=learner_env(), capture_output=True, text=True, timeout=300)
    assert check.stdout.strip() == "None", "the fresh environment already has course_lib"
    # the install cell of a downloaded notebook, pointed at the site's wheel (a file: URL here, the
    # site's https: URL when COURSE_SITE_URL is set)
    wheel = built_site / "downloads" / downloads.wheel_name()
    cell = downloads.install_cell_source("en", wheel.resolve().as_uri(), downloads.wheel_name())
    for _ in range(2):  # the second time, it does nothing
        proc = subprocess.run([str(python), "-c", cell], cwd=folder, env=learner_env(), capture_output=True, text=True, timeout=1800)
        assert proc.returncode == 0, proc.stderr[-4000:]
    where = subprocess.run([str(python), "-c", "import course_lib; print(course_lib.__file__)"], cwd=folder,
                           env=learner_env(), capture_output=True, text=True, timeout=300)
    assert where.stdout.startswith(str(folder)), where.stdout + where.stderr
    yield python
    shutil.rmtree(folder, ignore_errors=True)  # ~6 GB with CUDA's torch; pytest keeps its last three temp folders


def test_the_fresh_environment_has_only_what_a_learner_installed(learner_python, tmp_path):
    proc = subprocess.run([str(learner_python), "-m", "pip", "list", "--format=json"], cwd=tmp_path, env=learner_env(),
                          capture_output=True, text=True, timeout=300)
    names = {p["name"].lower() for p in json.loads(proc.stdout)}
    assert {"torch", "torchvision", "matplotlib", "koreanize-matplotlib", "torch-nn-course", "ipykernel"} <= names
    assert not names & {"mkdocs", "jupytext", "nbclient", "nbconvert", "beautifulsoup4", "pytest"}
    proc = subprocess.run([str(learner_python), "-c", "import course_lib.build"], cwd=tmp_path, env=learner_env(),
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0 and "No module named 'course_lib.build'" in proc.stderr


def downloaded(site: Path, lang: str, stem: str, suffix: str) -> Path:
    return (site if lang == "ko" else site / "en") / "lessons" / stem / f"{stem}.{suffix}"


PY_RUNS = [(lang, stem) for lang, stem, how in LEARNER_RUNS if how == "py"]
NB_RUNS = [(lang, stem) for lang, stem, how in LEARNER_RUNS if how == "ipynb"]


@pytest.mark.parametrize("lang,stem", PY_RUNS, ids=[f"{l}/{s}" for l, s in PY_RUNS])
def test_a_downloaded_script_runs_in_the_fresh_environment(built_site, learner_python, lang, stem, tmp_path):
    script = tmp_path / f"{stem}.py"
    shutil.copyfile(downloaded(built_site, lang, stem, "py"), script)
    proc = subprocess.run([str(learner_python), script.name], cwd=tmp_path, env=learner_env(),
                          capture_output=True, text=True, timeout=1800)
    check_script_run(proc, script, tmp_path, stem)
    assert list((tmp_path / "outputs" / "figures" / stem).glob("*.png")), "no figure written"


def _stdout(cell: dict) -> str:
    return "".join("".join(o["text"]) for o in cell.get("outputs", []) if o.get("name") == "stdout")


@pytest.mark.parametrize("lang,stem", NB_RUNS, ids=[f"{l}/{s}" for l, s in NB_RUNS])
def test_a_downloaded_notebook_runs_all_in_the_fresh_environment(built_site, learner_python, lang, stem, tmp_path,
                                                                 monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    # the learner environment's kernel, as Jupyter would list it
    spec = tmp_path / "jupyter" / "kernels" / "learner"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [str(learner_python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "learner", "language": "python"}))
    for key in list(os.environ):
        if key not in (env := learner_env()):
            monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    work = tmp_path / "work"
    work.mkdir()
    notebook = work / f"{stem}.ipynb"
    shutil.copyfile(downloaded(built_site, lang, stem, "ipynb"), notebook)
    nb = nbformat.read(notebook, as_version=4)
    assert nb.cells[0].id == downloads.INSTALL_CELL_ID  # the notebook stands alone
    NotebookClient(nb, kernel_name="learner", timeout=900, allow_errors=False,
                   resources={"metadata": {"path": str(work)}}).execute()  # "Run all"
    install, *cells = nb.cells
    assert install.outputs == [], "the install cell did something although course_lib is installed"
    built = [c for c in build_notebook(stem, lang)["cells"]]
    assert [c.source for c in cells] == ["".join(c["source"]) for c in built]
    figures = 0
    for mine, theirs in zip(cells, built):
        if mine.cell_type != "code":
            continue
        assert not [o for o in mine.outputs if o.get("name") == "stderr" and "Traceback" in "".join(o["text"])]
        figures += sum("image/png" in o.get("data", {}) for o in mine.outputs)
        if "variable" not in theirs["metadata"].get("tags", []):
            assert _stdout(mine) == _stdout(theirs), f"cell {theirs.get('id')} prints differently than in the build"
    assert figures, "no figure shown"


def test_a_zip_unpacked_and_its_readme_followed(built_site, learner_python, tmp_path):
    """The Korean zip: the README's commands, run in the unpacked folder (its `python -m venv .venv`
    and activation are the fresh environment above)."""
    lang, stem = ZIP_RUN
    with zipfile.ZipFile(built_site / "downloads" / downloads.zip_name(lang)) as zf:
        zf.extractall(tmp_path)
    folder = tmp_path / downloads.zip_name(lang)[:-4]
    readme = (folder / "README.md").read_text(encoding="utf-8")
    commands = [line.split("#")[0].strip() for block in re.findall(r"```bash\n(.*?)```", readme, re.S)
                for line in block.splitlines()]
    commands = [c for c in commands if c]
    assert commands[:2] == ["python -m venv .venv", "source .venv/bin/activate"], commands
    python = str(learner_python)
    for command in commands[2:]:
        args = command.split()
        assert args[0] in ("python", "pip"), command
        args = [python, "-m", "pip", *args[1:]] if args[0] == "pip" else [python, *args[1:]]
        proc = subprocess.run(args, cwd=folder, env=learner_env(), capture_output=True, text=True, timeout=1800)
        if args[1] == "-m":
            assert proc.returncode == 0, f"{command}:\n{proc.stderr[-4000:]}"
        else:
            assert args[1] == f"lessons/{stem}.py", f"the README runs {args[1]}, the budget counts {stem}"
            check_script_run(proc, folder / args[1], folder, stem)
            assert list((folder / "outputs" / "figures" / stem).glob("*.png")), "no figure written"


def test_missing_data_in_the_fresh_environment_is_one_clear_message(learner_python, tmp_path):
    """Offline with no data anywhere (no download, the Debian folder unseen): one message, no traceback."""
    code = ("import course_lib, course_lib.data as d, pathlib;"
            f"d.DEBIAN_DIR = pathlib.Path({str(tmp_path / 'nowhere')!r});"
            "course_lib.load_fashion_mnist(download=False)")
    proc = subprocess.run([str(learner_python), "-c", code], cwd=tmp_path,
                          env={k: v for k, v in learner_env().items() if k != "COURSE_DATA_DIR"},
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    assert "DataNotFoundError" in proc.stderr and "apt-get install dataset-fashion-mnist" in proc.stderr
    assert str(tmp_path / "data" / "FashionMNIST" / "raw") in proc.stderr
