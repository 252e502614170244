"""What a learner downloads: the wheel, the zips, the install cell of a notebook, the pages that
name the site's and repository's addresses (fast: no site build)."""
from __future__ import annotations

import email.parser
import importlib.util
import io
import os
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT
from course_lib.build import downloads
from course_lib.build.hooks import fill_page

LEARNER_MODULES = {"__init__.py", "data.py", "device.py", "plotting.py", "seed.py"}


@pytest.fixture(scope="module")
def wheel() -> bytes:
    return downloads.wheel_bytes()


def test_wheel_holds_only_the_learner_modules_and_is_reproducible(wheel):
    assert downloads.wheel_bytes() == wheel, "two builds of the wheel differ"
    names = zipfile.ZipFile(io.BytesIO(wheel)).namelist()
    version = downloads.project_metadata()["version"]
    dist_info = f"torch_nn_course-{version}.dist-info"
    assert {n for n in names if not n.startswith(dist_info)} == {f"course_lib/{m}" for m in LEARNER_MODULES}
    assert {n for n in names if n.startswith(dist_info)} == {f"{dist_info}/{f}" for f in ("METADATA", "WHEEL", "RECORD", "top_level.txt")}
    assert names[-1] == f"{dist_info}/RECORD"
    assert downloads.wheel_name() == f"torch_nn_course-{version}-py3-none-any.whl"
    assert len(wheel) < 30_000, f"wheel is {len(wheel)} bytes"


def test_wheel_depends_only_on_torch_torchvision_matplotlib_koreanize(wheel):
    zf = zipfile.ZipFile(io.BytesIO(wheel))
    meta = email.parser.Parser().parsestr(zf.read(next(n for n in zf.namelist() if n.endswith("/METADATA"))).decode())
    assert meta["Name"] == "torch-nn-course" and meta["Requires-Python"] == ">=3.10"
    names = sorted(r.split(">")[0].split("=")[0].strip() for r in meta.get_all("Requires-Dist"))
    assert names == ["koreanize-matplotlib", "matplotlib", "torch", "torchvision"]
    # RECORD lists every file with its hash (pip checks them)
    record = zf.read(next(n for n in zf.namelist() if n.endswith("/RECORD"))).decode()
    for name in zf.namelist():
        assert name in record


def test_wheel_installs_and_works_away_from_the_repository(wheel, tmp_path):
    """pip installs it; the package imports from the install, without course_lib.build, and keeps its
    data in the current folder."""
    whl = tmp_path / downloads.wheel_name()
    whl.write_bytes(wheel)
    target = tmp_path / "target"
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                           "--target", str(target), str(whl)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    work = tmp_path / "work"
    work.mkdir()
    code = ("import course_lib, importlib.util as u; print(course_lib.__file__); print(course_lib.data_dir());"
            "print(u.find_spec('course_lib.build'))")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "COURSE_DATA_DIR")}
    env["PYTHONPATH"] = str(target)
    # -S: without site-packages, where the shared venv's editable install would find the repository's
    # course_lib.build (test_learner.py runs the wheel in a fresh environment with its dependencies)
    proc = subprocess.run([sys.executable, "-S", "-c", code], cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    where, data, build = proc.stdout.splitlines()
    assert where.startswith(str(target)) and data == str(work / "data") and build == "None"


def test_each_zip_holds_its_lessons_the_wheel_requirements_and_a_readme(wheel):
    for lang in ("ko", "en"):
        zf = zipfile.ZipFile(io.BytesIO(downloads.course_zip_bytes(lang, wheel)))
        top = f"torch-nn-course-{lang}/"
        names = set(zf.namelist())
        lessons = {f"{top}lessons/{p.name}" for p in (ROOT / "lessons" / lang).glob("[0-9][0-9]_*.py")}
        assert lessons and names == lessons | {f"{top}README.md", f"{top}requirements.txt", top + downloads.wheel_name()}
        assert zf.read(top + downloads.wheel_name()) == wheel
        for path in lessons:
            assert zf.read(path) == (ROOT / "lessons" / lang / path.rsplit("/", 1)[1]).read_bytes()
        reqs = zf.read(f"{top}requirements.txt").decode().split()
        assert [r.split(">")[0] for r in reqs[:2]] == ["torch", "torchvision"] and reqs[2] == f"./{downloads.wheel_name()}"
        readme = zf.read(f"{top}README.md").decode()
        for needed in ("pip install -r requirements.txt", "python lessons/01_neural_networks.py", "3.10",
                       "jupytext", "VS Code", "COURSE_DATA_DIR", "dataset-fashion-mnist"):
            assert needed in readme, f"{lang} README lacks {needed!r}"
    assert downloads.course_zip_bytes("en", wheel) == downloads.course_zip_bytes("en", wheel)


def _run_cell(source: str, monkeypatch, installed: bool) -> list:
    """Execute an install cell; return the commands it ran (none are really run)."""
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda cmd, **kw: calls.append(cmd))
    if not installed:
        real = importlib.util.find_spec
        monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "course_lib" else real(name, *a))
    exec(compile(source, "install-cell", "exec"), {})
    return calls


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_install_cell_installs_the_wheel_only_when_course_lib_is_missing(lang, monkeypatch):
    name = downloads.wheel_name()
    url = downloads.wheel_url("https://example.org/course/")
    assert url == f"https://example.org/course/downloads/{name}"
    source = downloads.install_cell_source(lang, url, name)
    assert _run_cell(source, monkeypatch, installed=True) == []
    calls = _run_cell(source, monkeypatch, installed=False)
    assert calls == [[sys.executable, "-m", "pip", "install", "-q", url]]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_install_cell_without_the_site_address_says_what_to_do(lang, monkeypatch):
    name = downloads.wheel_name()
    source = downloads.install_cell_source(lang, None, name)
    assert _run_cell(source, monkeypatch, installed=True) == []
    with pytest.raises(ModuleNotFoundError) as info:
        _run_cell(source, monkeypatch, installed=False)
    assert name in str(info.value) and "pip install torch torchvision" in str(info.value)
    assert "http" not in source


def test_install_cell_comes_first_once_and_leaves_the_lesson_as_it_was():
    nb = {"cells": [{"cell_type": "markdown", "id": "en-0", "metadata": {}, "source": "# T"}], "metadata": {},
          "nbformat": 4, "nbformat_minor": 5}
    once = downloads.add_install_cell(nb, "en", None, "x.whl")
    twice = downloads.add_install_cell(once, "en", None, "x.whl")
    assert once == twice and once["cells"][1:] == nb["cells"] and once["cells"][0]["id"] == downloads.INSTALL_CELL_ID
    import nbformat

    nbformat.validate(nbformat.from_dict(once))


def test_repository_block_only_when_the_repository_is_named():
    text = "intro\n<!-- repo -->\nSee <a href=\"@@REPO_URL@@\">it</a>, `git clone`.\n<!-- /repo -->\nend @@WHEEL@@\n"
    without = fill_page(text, "", None)
    assert "clone" not in without and "REPO" not in without and "intro" in without and "end torch_nn_course" in without
    named = fill_page(text, "", "https://git.example.org/course")
    assert 'href="https://git.example.org/course"' in named and "<!--" not in named


def test_downloads_link_is_relative_to_the_page():
    assert fill_page("@@DOWNLOADS@@", "run/", None) == "../downloads"
    assert fill_page("@@DOWNLOADS@@", "en/run/", None) == "../../downloads"
    assert fill_page("@@DOWNLOADS@@", "", None) == "downloads"


@pytest.mark.parametrize("site_url,repo_url", [(None, None), ("https://example.org/torch-nn/", "https://git.example.org/torch-nn")])
def test_site_and_repository_addresses_come_from_the_environment(site_url, repo_url, monkeypatch):
    from mkdocs.config import load_config

    for var, value in (("COURSE_SITE_URL", site_url), ("COURSE_REPO_URL", repo_url)):
        if value:
            monkeypatch.setenv(var, value)
        else:
            monkeypatch.delenv(var, raising=False)
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert (config.site_url or None) == site_url
    assert config.repo_url == repo_url
    assert not config.edit_uri  # generated lesson pages: no "edit this page" link


def test_site_notebooks_get_the_cell_once_and_follow_the_site_address(tmp_path):
    import json

    nb = {"cells": [{"cell_type": "code", "id": "ko-0", "metadata": {}, "outputs": [], "execution_count": 1,
                     "source": "print(1)"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    for lang_dir in (tmp_path / "lessons" / "01_x", tmp_path / "en" / "lessons" / "01_x"):
        lang_dir.mkdir(parents=True)
        (lang_dir / "01_x.ipynb").write_text(json.dumps(nb))
    assert downloads.standalone_notebooks(tmp_path, None) == 2
    assert downloads.standalone_notebooks(tmp_path, None) == 0  # already there: untouched
    assert downloads.standalone_notebooks(tmp_path, "https://example.org/c/") == 2
    for path, lang in ((tmp_path / "lessons" / "01_x" / "01_x.ipynb", "ko"), (tmp_path / "en" / "lessons" / "01_x" / "01_x.ipynb", "en")):
        cells = json.loads(path.read_text())["cells"]
        assert len(cells) == 2 and cells[1] == nb["cells"][0]
        assert cells[0]["source"] == downloads.install_cell_source(lang, downloads.wheel_url("https://example.org/c/"),
                                                                   downloads.wheel_name())


def test_make_build_rebuilds_when_the_addresses_change(monkeypatch):
    """`make build` is a no-op only when nothing it reads changed: the addresses are read too."""
    from course_lib.build.__main__ import INPUTS, fingerprint

    assert "pyproject.toml" in INPUTS  # the wheel's version and requirements
    monkeypatch.delenv("COURSE_SITE_URL", raising=False)
    monkeypatch.delenv("COURSE_REPO_URL", raising=False)
    plain = fingerprint(ROOT)
    monkeypatch.setenv("COURSE_SITE_URL", "https://example.org/c/")
    with_site = fingerprint(ROOT)
    monkeypatch.setenv("COURSE_REPO_URL", "https://git.example.org/c")
    assert len({plain, with_site, fingerprint(ROOT)}) == 3
