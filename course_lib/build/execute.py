"""The executor: run lessons in real kernels, cache their outputs by code, write executed notebooks.
A prose or translation edit re-executes nothing; the Korean and English twins of a lesson execute once."""
from __future__ import annotations

import contextlib
import copy
import datetime as dt
import functools
import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import nbformat.v4

from course_lib.build import cache as cache_io
from course_lib.build.cache import package_version as version
from course_lib.build.cache import write_atomic
from course_lib.build.lessons import code_cells, find_lessons, read_notebook, repo_root

_RUNNING: set = set()  # kernel managers of lessons being executed (to stop them on Ctrl-C)
_CANCELLED = threading.Event()  # set on Ctrl-C: workers start no further kernel
DEFAULT_TIMEOUT = 600  # seconds a single cell may run (COURSE_CELL_TIMEOUT overrides)


class LessonError(RuntimeError):
    """A lesson failed to execute: which file, which cell, what happened."""

    def __init__(self, path: Path, cell: int | None, line: int | None, what: str):
        self.path, self.cell, self.line, self.what = path, cell, line, what
        where = f"cell {cell}" + (f" (line {line})" if line else "") if cell else "before the first cell"
        rel = Path(path).resolve()
        super().__init__(f"{rel.relative_to(repo_root()) if rel.is_relative_to(repo_root()) else path}: {where}: {what}")


@functools.lru_cache(maxsize=1)
def device_kind() -> str:
    """What a lesson's ``get_device()`` picks here (cuda, mps or cpu), decided without importing torch."""
    import glob
    import platform

    local = version("torch").partition("+")[2]
    if (local.startswith("cu") or not local) and sys.platform.startswith("linux") and glob.glob("/dev/nvidia[0-9]*"):
        return "cuda"
    if sys.platform == "darwin" and platform.machine() == "arm64":
        return "mps"
    return "cpu"


def learner_digest(package: Path | None = None) -> str:
    """Hash of the learner modules (all of ``course_lib/`` outside ``build/``) and this executor's source."""
    package = package or Path(__file__).resolve().parents[1]
    files = sorted(p for p in package.rglob("*.py") if "build" not in p.relative_to(package).parts[:-1])
    h = hashlib.sha256()
    for p in [*files, package / "build" / "execute.py"]:
        h.update(p.relative_to(package).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def environment_key() -> dict:
    """Everything besides the lesson's own code that decides its outputs (part of every cache key)."""
    return {"course_lib": learner_digest(), "torch": version("torch"), "torchvision": version("torchvision"),
            "device": device_kind()}


def lesson_key(nb, env: dict) -> str:
    payload = json.dumps({"env": env, "code": code_cells(nb)}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


@dataclass
class Cache:
    """Executed outputs, one JSON file per key (``cache.py``'s writer and eviction); a torn entry is not trusted."""

    folder: Path

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str) -> dict | None:
        try:
            entry = json.loads(cache_io.read(self.path(key)))
        except (TypeError, ValueError):
            return None
        return entry if entry.get("key") == key and entry.get("complete") is True else None

    def put(self, key: str, entry: dict) -> None:
        write_atomic(self.path(key), json.dumps({**entry, "key": key, "complete": True}, ensure_ascii=False), keep=cache_io.KEEP)


def run_notebook(nb, path: Path, workdir: Path, timeout: int,
                 threads: int | None = None) -> tuple[list[dict], float, str]:
    """Execute ``nb`` (read from ``path``) in a fresh kernel in ``workdir``; return each code cell's outputs and
    execution count, the wall time and the kernel's ``describe_device()``. LessonError names the failing cell."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    if _CANCELLED.is_set():
        raise LessonError(path, None, None, "interrupted")
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    # relative to the kernel's folder, so printed paths don't depend on where the build runs
    env = {**os.environ, "PYTHONHASHSEED": "0", "COURSE_OUTPUT_DIR": "outputs"}
    env.pop("MPLBACKEND", None)
    if threads:
        env["OMP_NUM_THREADS"] = env["MKL_NUM_THREADS"] = str(threads)
    nb = copy.deepcopy(nb)
    # after the last cell, not kept: the device as the kernel sees it (the build never imports torch)
    nb.cells.append(nbformat.v4.new_code_cell(
        f"try:\n    import course_lib.device\n    print(course_lib.device.describe_device(threads={threads!r}))\n"
        "except Exception:\n    pass"))
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=False, record_timing=False,
                            shutdown_kernel="immediate")
    client.km = client.create_kernel_manager()
    client.km.transport = "ipc"  # a local socket file, not TCP (and no unencrypted-TCP warning)
    sockets = Path(tempfile.mkdtemp(prefix="course-k"))  # short: a socket path has ~100 bytes at most
    client.km.ip = str(sockets / "k")
    _RUNNING.add(client.km)
    start = time.perf_counter()
    try:
        client.execute(env=env, cwd=str(workdir))
    except (CellTimeoutError, CellExecutionError, DeadKernelError) as err:
        ran = [i + 1 for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.get("execution_count")]
        number = ran[-1] if ran else None  # the cell that failed is the last one that started
        markers = [i for i, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1)
                   if line.startswith("# %%")]
        i = None if number is None else number - 1 + len(markers) - (len(nb.cells) - 1)  # a first cell may lack "# %%"
        line = markers[i] if i is not None and 0 <= i < len(markers) else None
        what = f"{err.ename}: {err.evalue}" if isinstance(err, CellExecutionError) else f"kernel died: {err}"
        what = f"timed out after {timeout} s" if isinstance(err, CellTimeoutError) else what
        raise LessonError(path, number, line, what) from None
    finally:
        _RUNNING.discard(client.km)
        shutil.rmtree(sockets, ignore_errors=True)
    wall = time.perf_counter() - start
    printed = "".join(o.get("text", "") for o in nb.cells.pop().outputs if o.get("name") == "stdout").strip()
    cells = [{"outputs": coalesce_streams(c.outputs), "execution_count": c.execution_count} for c in nb.cells
             if c.cell_type == "code"]
    return cells, wall, printed.splitlines()[-1] if printed else device_kind()


def coalesce_streams(outputs: list) -> list:
    """Join consecutive stdout (or stderr) chunks: how a kernel splits a stream varies run to run.
    (nbclient's own option also joins chunks across a figure, moving text printed after it.)"""
    merged: list = []
    for out in outputs:
        if out.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream" \
                and merged[-1].get("name") == out.get("name"):
            merged[-1] = {**merged[-1], "text": merged[-1]["text"] + out["text"]}
        else:
            merged.append(dict(out))
    return merged


def merge_outputs(nb, entry: dict, lang: str, stem: str):
    """A copy of ``nb`` with the cached outputs in its code cells and the run record in its metadata."""
    nb = copy.deepcopy(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    if len(code) != len(entry["cells"]):
        raise ValueError(f"{stem} ({lang}): {len(code)} code cells but {len(entry['cells'])} cached")
    for cell, cached in zip(code, entry["cells"]):
        cell.outputs = [nbformat.from_dict(o) for o in cached["outputs"]]
        cell.execution_count = cached["execution_count"]
        cell.metadata.pop("execution", None)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{lang}-{i}"  # stable ids: an unchanged lesson gives a byte-identical notebook
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata.pop("jupytext", None)
    nb.metadata["course"] = {**nb.metadata.get("course", {}), "lesson": stem, "lang": lang, "run": entry["run"]}
    return nb


@dataclass
class Report:
    """What one ``execute_course`` call did: stems executed and cached, notebooks rewritten, kernels, errors."""

    executed: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    kernels: int = 0
    errors: list[LessonError] = field(default_factory=list)


def thread_share(lessons: int, jobs: int | None = None) -> int:
    """CPU threads each lesson's kernel gets when ``lessons`` run ``jobs`` at a time (default: one per core)."""
    cores = os.cpu_count() or 1
    return max(1, cores // max(1, min(jobs or cores, lessons or 1)))


def execute_course(lessons_dir: Path | None = None, out_dir: Path | None = None, cache_dir: Path | None = None,
                   jobs: int | None = None, timeout: int | None = None, log=print) -> Report:
    """Execute what the cache lacks and write ``<out_dir>/<lang>/lessons/<stem>.ipynb`` for every lesson.
    A lesson that fails is in ``Report.errors``: nothing cached, its previous notebook stays; the others complete."""
    out_dir = Path(out_dir or repo_root() / "docs")
    cache = Cache(Path(cache_dir or repo_root() / ".cache" / "execute"))
    timeout = int(timeout or os.environ.get("COURSE_CELL_TIMEOUT", DEFAULT_TIMEOUT))
    env, report, groups = environment_key(), Report(), {}
    for lesson in find_lessons(lessons_dir):  # grouped by cache key: equal code (any language) executes once
        nb = read_notebook(lesson.path)
        groups.setdefault(lesson_key(nb, env), []).append((lesson, nb))
    todo = sorted((k for k in groups if cache.get(k) is None), key=lambda k: groups[k][0][0].stem, reverse=True)
    report.cached = sorted({ls.stem for k in groups if k not in todo for ls, _ in groups[k]})
    # side by side, each kernel with its share of the cores (two with all threads each made lesson 09's epochs
    # 3x slower); the share depends only on the machine and the course. Later lessons are longer: first.
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(groups) or 1))
    threads = thread_share(len(groups), jobs)

    def work(key: str) -> str:
        lesson, nb = next(((ls, nb) for ls, nb in groups[key] if ls.lang == "en"), groups[key][0])
        workdir = cache.folder.parent / "run" / f"{lesson.stem}-{key[:8]}"
        log(f"execute: {lesson.stem} ({lesson.lang}) ...")
        cells, wall, device = run_notebook(nb, lesson.path, workdir, timeout, threads=threads)
        shutil.rmtree(workdir, ignore_errors=True)
        run = {"device": device, "torch": env["torch"], "torchvision": env["torchvision"],
               "python": sys.version.split()[0], "wall_time_s": round(wall, 2),
               "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}
        cache.put(key, {"lesson": lesson.stem, "cells": cells, "run": run})
        log(f"execute: {lesson.stem} done in {wall:.1f} s")
        return lesson.stem

    if todo:
        ensure_data_quietly()
        pool = ThreadPoolExecutor(max_workers=min(jobs, len(todo)))
        futures = [pool.submit(work, k) for k in todo]
        try:
            pool.shutdown(wait=True)
        except KeyboardInterrupt:  # Ctrl-C: kill every kernel now (also one that starts late); nothing unfinished is cached
            _CANCELLED.set()
            pool.shutdown(wait=False, cancel_futures=True)
            deadline = time.monotonic() + 30
            while not all(f.done() for f in futures) and time.monotonic() < deadline:
                for km in list(_RUNNING):
                    with contextlib.suppress(OSError, TypeError, AttributeError):  # a kernel not started yet
                        os.kill(km.provisioner.pid, signal.SIGKILL)
                time.sleep(0.2)
            _CANCELLED.clear()
            raise
        report.kernels = len(futures)
        for fut in futures:
            try:
                report.executed.append(fut.result())
            except LessonError as err:
                report.errors.append(err)
    for key, members in groups.items():
        if (entry := cache.get(key)) is None:
            continue  # failed: keep whatever notebook was there before
        for lesson, nb in members:
            target = out_dir / lesson.lang / "lessons" / f"{lesson.stem}.ipynb"
            if write_atomic(target, nbformat.writes(merge_outputs(nb, entry, lesson.lang, lesson.stem)) + "\n"):
                report.written.append(target)
    report.executed.sort()
    report.errors.sort(key=lambda e: str(e.path))
    cache.folder.mkdir(parents=True, exist_ok=True)
    with open(cache.folder / "runs.jsonl", "a", encoding="utf-8") as f:  # for the bench: kernels started
        f.write(json.dumps({"executed": report.executed, "kernels": report.kernels}) + "\n")
    return report


def ensure_data_quietly() -> None:
    """Fetch FashionMNIST before kernels start, so parallel lessons don't race to decompress it."""
    from course_lib.data import DataNotFoundError, ensure_fashion_mnist

    with contextlib.suppress(DataNotFoundError):  # a lesson that needs the data fails with the full message
        ensure_fashion_mnist()
