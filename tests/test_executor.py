"""The executor's cache: prose edits run nothing, code edits run once, failures name file and cell."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from course_lib.build import cache as cache_io
from course_lib.build import execute
from course_lib.build.execute import Cache, LessonError, execute_course

EN = '''# %% [markdown]
# # Demo
#
# Some English prose.

# %%
import torch  # make a tensor
x = torch.arange(3)
print("sum:", int(x.sum()))
'''
KO = EN.replace("# # Demo", "# # 데모").replace("Some English prose.", "한국어 설명입니다.").replace(
    "# make a tensor", "# 텐서를 만듭니다")


def write_pair(root: Path, stem: str = "01_demo", en: str = EN, ko: str = KO) -> None:
    for lang, text in (("en", en), ("ko", ko)):
        (root / "lessons" / lang).mkdir(parents=True, exist_ok=True)
        (root / "lessons" / lang / f"{stem}.py").write_text(text, encoding="utf-8")


def run(root: Path, **kw):
    return execute_course(lessons_dir=root / "lessons", out_dir=root / "docs", cache_dir=root / "cache",
                          log=lambda *_: None, **kw)


def outputs(root: Path, lang: str, stem: str = "01_demo") -> list[str]:
    nb = json.loads((root / "docs" / lang / "lessons" / f"{stem}.ipynb").read_text(encoding="utf-8"))
    return ["".join(o.get("text", "")) for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"]]


@pytest.fixture
def no_kernels(monkeypatch):
    """Fail the test if any kernel is started."""
    def boom(*a, **k):
        raise AssertionError("a kernel was started")
    monkeypatch.setattr(execute, "run_notebook", boom)


def test_pair_executes_once_then_prose_edit_is_a_cache_hit(tmp_path, monkeypatch):
    write_pair(tmp_path)
    first = run(tmp_path)
    assert first.kernels == 1 and first.executed == ["01_demo"] and not first.errors
    assert outputs(tmp_path, "en") == outputs(tmp_path, "ko") == ["sum: 3\n"]
    ko_nb = json.loads((tmp_path / "docs/ko/lessons/01_demo.ipynb").read_text(encoding="utf-8"))
    assert "한국어 설명입니다." in ko_nb["cells"][0]["source"]
    # the kernel's own describe_device(), e.g. "cpu: 2 threads" (not the bare kind of a fallback)
    assert re.fullmatch(r"cpu: \d+ threads?|cuda: .+|mps: .+", ko_nb["metadata"]["course"]["run"]["device"])

    # prose and comment edits: no kernel, but the new prose reaches the notebook
    monkeypatch.setattr(execute, "run_notebook", lambda *a, **k: (_ for _ in ()).throw(AssertionError("kernel")))
    write_pair(tmp_path, ko=KO.replace("한국어 설명입니다.", "고친 설명입니다.").replace("텐서를", "새 텐서를"))
    second = run(tmp_path)
    assert second.kernels == 0 and second.cached == ["01_demo"]
    assert "고친 설명입니다." in (tmp_path / "docs/ko/lessons/01_demo.ipynb").read_text(encoding="utf-8")
    assert outputs(tmp_path, "ko") == ["sum: 3\n"]
    third = run(tmp_path)
    assert third.kernels == 0 and third.written == []  # nothing changed: nothing rewritten


def test_the_build_process_never_imports_torch(tmp_path):
    """Importing torch costs the build process seconds before every kernel (``make serve`` after a
    code edit); the lessons import it in their kernels, the build never needs it."""
    write_pair(tmp_path)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from course_lib.build.execute import execute_course\n"
        f"root = Path({str(tmp_path)!r})\n"
        "r = execute_course(lessons_dir=root / 'lessons', out_dir=root / 'docs', cache_dir=root / 'cache', log=print)\n"
        "assert r.kernels == 1 and not r.errors, r.errors\n"
        "print('torch imported:', 'torch' in sys.modules)\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "torch imported: False" in proc.stdout


def test_code_edit_executes_that_lesson_once(tmp_path):
    write_pair(tmp_path)
    write_pair(tmp_path, stem="02_other", en=EN.replace("arange(3)", "arange(2)"), ko=KO.replace("arange(3)", "arange(2)"))
    assert run(tmp_path).kernels == 2
    write_pair(tmp_path, stem="02_other", en=EN.replace("arange(3)", "arange(4)"),
               ko=KO.replace("arange(3)", "arange(4)"))
    report = run(tmp_path)
    assert report.kernels == 1 and report.executed == ["02_other"] and report.cached == ["01_demo"]
    assert outputs(tmp_path, "ko", "02_other") == ["sum: 6\n"]


def test_failing_cell_names_file_and_cell_and_caches_nothing(tmp_path):
    write_pair(tmp_path)
    assert not run(tmp_path).errors
    before = (tmp_path / "docs/en/lessons/01_demo.ipynb").read_text(encoding="utf-8")
    cached_before = set((tmp_path / "cache").glob("[0-9a-f]*.json"))
    bad = EN + '\n# %%\nraise ValueError("broken on purpose")\n'
    write_pair(tmp_path, en=bad, ko=KO + '\n# %%\nraise ValueError("broken on purpose")\n')
    report = run(tmp_path)
    assert len(report.errors) == 1
    err = report.errors[0]
    assert isinstance(err, LessonError)
    message = str(err)
    assert "01_demo.py" in message and "cell 3 (line 11)" in message  # the cell's "# %%" line
    assert "ValueError: broken on purpose" in message
    assert set((tmp_path / "cache").glob("[0-9a-f]*.json")) == cached_before  # nothing stored for it
    # the previous page stays; it is not replaced by a broken one
    assert (tmp_path / "docs/en/lessons/01_demo.ipynb").read_text(encoding="utf-8") == before


def test_cell_timeout_is_an_error(tmp_path):
    quick = "# %% [markdown]\n# # Slow\n\n# %%\nx = 1\n\n# %%\nimport time\ntime.sleep(120)\n"
    write_pair(tmp_path, en=quick, ko=quick)
    report = run(tmp_path, timeout=2)
    assert len(report.errors) == 1 and "timed out after 2 s" in str(report.errors[0])
    assert "cell 3" in str(report.errors[0])
    assert not list((tmp_path / "cache").glob("[0-9a-f]*.json"))  # no cache entry


def test_torn_cache_entry_is_not_trusted(tmp_path):
    cache = Cache(tmp_path)
    cache.put("k1", {"cells": [], "run": {}})
    assert cache.get("k1") is not None
    text = cache.path("k1").read_text()
    cache.path("k1").write_text(text[: len(text) // 2])  # as if killed mid-write without the rename
    assert cache.get("k1") is None
    cache.path("k2").write_text(json.dumps({"key": "k2", "cells": []}))  # no completion mark
    assert cache.get("k2") is None


def test_cache_key_ignores_comments_and_prose_but_not_code():
    import jupytext

    from course_lib.build.lessons import JUPYTEXT_FORMAT

    env = {"torch": "x"}
    key = lambda text: execute.lesson_key(jupytext.reads(text, fmt=dict(JUPYTEXT_FORMAT)), env)  # noqa: E731
    assert key(EN) == key(KO)
    assert key(EN) != key(EN.replace("arange(3)", "arange(5)"))
    assert key(EN) != execute.lesson_key(jupytext.reads(EN, fmt=dict(JUPYTEXT_FORMAT)), {"torch": "y"})


def test_cache_key_covers_the_learner_modules_and_the_executor_not_the_rest_of_the_build(tmp_path):
    """Editing a learner module or the executor re-executes the lessons; editing a page-building
    module of the build does not (no hand-kept list: all of course_lib/ outside build/, plus execute.py)."""
    import shutil

    package = tmp_path / "course_lib"
    shutil.copytree(Path(execute.__file__).parents[1], package, ignore=shutil.ignore_patterns("__pycache__"))
    before = execute.learner_digest(package)
    for edited, changes in (("build/hooks.py", False), ("build/postprocess.py", False), ("build/lessons.py", False),
                            ("data.py", True), ("build/execute.py", True), ("new_helper.py", True)):
        path = package / edited
        path.write_text((path.read_text() if path.exists() else "") + "\n# edited\n")
        assert (execute.learner_digest(package) != before) is changes, edited
        before = execute.learner_digest(package)


def test_every_cache_keeps_its_most_recently_used_entries(tmp_path):
    """One policy for every cache, ``.cache/execute`` included: beyond ``keep`` entries, the least
    recently used go; reading an entry counts as using it."""
    cache = Cache(tmp_path)
    for i in range(5):
        cache.put(f"{i:02x}", {"cells": [], "run": {}})
        os.utime(cache.path(f"{i:02x}"), ns=(i * 10**9, i * 10**9))
    assert cache.get("00") is not None  # used: now the most recent
    cache_io.write_atomic(cache.path("ff"), "{}", keep=3)
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == ["00", "04", "ff"]


KILL_SCRIPT = """
import signal, sys
from pathlib import Path
# as in a terminal: a background job started by a non-interactive shell inherits SIGINT ignored
signal.signal(signal.SIGINT, signal.default_int_handler)
from course_lib.build.execute import execute_course
root = Path(sys.argv[1])
execute_course(lessons_dir=root / "lessons", out_dir=root / "docs", cache_dir=root / "cache", jobs=2)
"""
SLOW = "# %% [markdown]\n# # Slow\n\n# %%\nimport time\nprint('started', flush=True)\ntime.sleep(300)\n"


@pytest.mark.parametrize("how", ["SIGINT", "SIGKILL"])
def test_killed_build_leaves_a_cache_trusted_only_where_whole(tmp_path, how):
    import signal
    import subprocess
    import sys
    import time

    write_pair(tmp_path)                                   # quick: finishes and is cached
    write_pair(tmp_path, stem="02_slow", en=SLOW, ko=SLOW)  # still running when we kill the build
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(tmp_path)], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    entries = lambda: list((tmp_path / "cache").glob("[0-9a-f]*.json"))  # noqa: E731
    deadline = time.time() + 240
    while not entries() and time.time() < deadline:
        time.sleep(0.5)
    assert entries(), "the quick lesson never finished"
    if how == "SIGINT":
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) != 0  # stops promptly: the sleeping kernel is shut down
    else:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert len(entries()) == 1  # only the lesson that completed
    # next build: the whole entry is trusted, the interrupted lesson runs again
    write_pair(tmp_path, stem="02_slow", en=SLOW.replace("300", "0"), ko=SLOW.replace("300", "0"))
    report = run(tmp_path)
    assert report.cached == ["01_demo"] and report.executed == ["02_slow"] and not report.errors
