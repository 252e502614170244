"""The executor: run lessons in real kernels, cache outputs by code, write executed notebooks.

A lesson's cache key hashes its code cells (comments stripped), the learner modules of course_lib
(what runs in its kernel), this executor's source, the torch/torchvision versions and the device
kind, so a prose or translation edit re-executes nothing and the Korean and English twins of a
lesson execute once.
"""
from __future__ import annotations

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

from course_lib.build import cache as cache_io
from course_lib.build.cache import package_version as version
from course_lib.build.cache import write_atomic
from course_lib.build.lessons import code_cells, find_lessons, read_notebook, repo_root

_RUNNING: set = set()  # kernel managers of lessons being executed (to stop them on Ctrl-C)
_CANCELLED = threading.Event()  # set on Ctrl-C: workers start no kernel and run no further cell
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
    """``cuda``, ``mps`` or ``cpu`` — what a lesson's ``get_device()`` will pick here, decided without
    importing torch: a CUDA build of torch plus an NVIDIA device node, or an Apple-silicon Mac."""
    import glob
    import platform

    local = version("torch").partition("+")[2]
    if (local.startswith("cu") or not local) and sys.platform.startswith("linux") and glob.glob("/dev/nvidia[0-9]*"):
        return "cuda"
    if sys.platform == "darwin" and platform.machine() == "arm64":
        return "mps"
    return "cpu"


def learner_digest(package: Path | None = None) -> str:
    """Hash of what runs in a lesson's kernel or runs the lesson: every file of the learner modules
    (all of ``course_lib/`` outside ``build/``) and this executor's own source."""
    package = package or Path(__file__).resolve().parents[1]
    files = sorted(p for p in package.rglob("*.py") if "build" not in p.relative_to(package).parts[:-1])
    h = hashlib.sha256()
    for p in [*files, package / "build" / "execute.py"]:
        h.update(p.relative_to(package).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def environment_key() -> dict:
    """Everything besides the lesson's own code that decides its outputs."""
    return {"course_lib": learner_digest(), "torch": version("torch"), "torchvision": version("torchvision"),
            "device": device_kind()}


def lesson_key(nb, env: dict) -> str:
    """Cache key of a lesson notebook: its comment-stripped code cells plus ``env``."""
    payload = json.dumps({"env": env, "code": code_cells(nb)}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


@dataclass
class Cache:
    """Executed outputs, one JSON file per key (``cache.py``'s writer and eviction)."""

    folder: Path

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str) -> dict | None:
        try:
            entry = json.loads(cache_io.read(self.path(key)))
        except (TypeError, ValueError):
            return None  # missing, or torn by a crash: not trusted
        return entry if entry.get("key") == key and entry.get("complete") is True else None

    def put(self, key: str, entry: dict) -> None:
        entry = {**entry, "key": key, "complete": True}
        write_atomic(self.path(key), json.dumps(entry, ensure_ascii=False), keep=cache_io.KEEP)


def run_notebook(nb, path: Path, workdir: Path, timeout: int,
                 threads: int | None = None) -> tuple[list[dict], float, str]:
    """Execute ``nb`` (read from ``path``) in a fresh kernel in ``workdir`` with ``threads`` CPU threads.

    Returns each code cell's ``{"outputs", "execution_count"}``, the wall time and the kernel's
    ``describe_device()``. Raises LessonError naming the cell on an exception or a timeout."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    if _CANCELLED.is_set():
        raise LessonError(path, None, None, "interrupted")
    nb = copy.deepcopy(nb)
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    # relative to the kernel's folder, so printed paths don't depend on where the build runs
    env = {**os.environ, "PYTHONHASHSEED": "0", "COURSE_OUTPUT_DIR": "outputs"}
    env.pop("MPLBACKEND", None)
    if threads:
        env["OMP_NUM_THREADS"] = env["MKL_NUM_THREADS"] = str(threads)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=False,
                            record_timing=False, shutdown_kernel="immediate", resources={"metadata": {"path": str(workdir)}})
    markers = [i for i, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1) if line.startswith("# %%")]
    offset = len(markers) - len(nb.cells)  # 0 when every cell has a marker

    def line(number: int | None) -> int | None:
        i = None if number is None else number - 1 + offset
        return markers[i] if i is not None and 0 <= i < len(markers) else None

    client.km = client.create_kernel_manager()
    client.km.transport = "ipc"  # a local socket file, not TCP (and no unencrypted-TCP warning)
    sockets = Path(tempfile.mkdtemp(prefix="course-k"))  # short: a socket path has ~100 bytes at most
    client.km.ip = str(sockets / "k")
    _RUNNING.add(client.km)
    start = time.perf_counter()
    number = None
    try:
        with client.setup_kernel(env=env, cwd=str(workdir)):
            for index, cell in enumerate(nb.cells):
                if _CANCELLED.is_set():
                    raise LessonError(path, number, None, "interrupted")
                if cell.cell_type != "code":
                    continue
                number = index + 1
                client.execute_cell(cell, index)
            wall = time.perf_counter() - start
            device = _kernel_device(client, nb, threads)
    except CellTimeoutError:
        raise LessonError(path, number, line(number), f"timed out after {timeout} s") from None
    except CellExecutionError as err:
        what = f"{err.ename}: {err.evalue}" if getattr(err, "ename", None) else str(err).strip().splitlines()[-1]
        raise LessonError(path, number, line(number), what) from None
    except DeadKernelError as err:
        raise LessonError(path, number, line(number), f"kernel died: {err}") from None
    finally:
        _RUNNING.discard(client.km)
        shutil.rmtree(sockets, ignore_errors=True)
    return [{"outputs": coalesce_streams(c.get("outputs", [])), "execution_count": c.get("execution_count")}
            for c in nb.cells if c.cell_type == "code"], wall, device


def _kernel_device(client, nb, threads: int | None) -> str:
    """``describe_device()`` as the kernel sees it (the build process never imports torch), from a
    cell run after the lesson's last one and not kept; the device kind if the kernel can't say."""
    import nbformat.v4

    probe = nbformat.v4.new_code_cell(
        "import course_lib.device as _course_device\n"
        f"print(_course_device.describe_device(threads={threads!r}), end='')\n"
        "del _course_device")
    nb.cells.append(probe)
    try:
        client.execute_cell(probe, len(nb.cells) - 1, store_history=False)
        text = "".join(o.get("text", "") for o in probe.outputs if o.get("name") == "stdout").strip()
    except Exception:  # the lesson broke its kernel's imports or printing: say less, don't fail
        text = ""
    finally:
        nb.cells.pop()
    return text.splitlines()[-1] if text else device_kind()


def coalesce_streams(outputs: list) -> list:
    """Join consecutive stdout (or stderr) chunks: how a kernel splits a stream varies run to run."""
    merged: list = []
    for out in outputs:
        if (out.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == out.get("name")):
            merged[-1] = {**merged[-1], "text": merged[-1]["text"] + out["text"]}
        else:
            merged.append(dict(out))
    return merged


def merge_outputs(nb, entry: dict, lang: str, stem: str):
    """A copy of ``nb`` with the cached outputs put into its code cells and the run record in its metadata."""
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
    """What one ``execute_course`` call did."""

    executed: list[str] = field(default_factory=list)  # lesson stems run in a kernel
    cached: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)  # notebooks whose content changed
    kernels: int = 0
    errors: list[LessonError] = field(default_factory=list)
    wall_s: float = 0.0


def thread_share(lessons: int, jobs: int | None = None) -> int:
    """CPU threads each lesson's kernel gets when ``lessons`` run ``jobs`` at a time (default: one per core)."""
    cores = os.cpu_count() or 1
    return max(1, cores // max(1, min(jobs or cores, lessons or 1)))


def execute_course(lessons_dir: Path | None = None, out_dir: Path | None = None, cache_dir: Path | None = None,
                   jobs: int | None = None, timeout: int | None = None, only: list[str] | None = None,
                   log=print) -> Report:
    """Execute what the cache lacks and write ``<out_dir>/<lang>/lessons/<stem>.ipynb`` for every lesson.

    A lesson that fails is reported in ``Report.errors``; nothing is cached and no notebook is
    written for it (its previous notebook, if any, stays). Other lessons still complete."""
    t0 = time.perf_counter()
    lessons_dir = Path(lessons_dir or repo_root() / "lessons")
    out_dir = Path(out_dir or repo_root() / "docs")
    cache = Cache(Path(cache_dir or repo_root() / ".cache" / "execute"))
    timeout = int(timeout or os.environ.get("COURSE_CELL_TIMEOUT", DEFAULT_TIMEOUT))
    env = environment_key()
    report = Report()

    # group by cache key: equal code (any language) executes once
    groups: dict[str, list] = {}
    for lesson in find_lessons(lessons_dir):
        if only and not any(o in lesson.stem for o in only):
            continue
        nb = read_notebook(lesson.path)
        groups.setdefault(lesson_key(nb, env), []).append((lesson, nb))

    todo = {k: v for k, v in groups.items() if cache.get(k) is None}
    # side by side, each kernel with its share of the cores (two with all threads each made lesson
    # 09's epochs 3x slower); the share depends only on the machine and the course
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(groups) or 1))
    threads = thread_share(len(groups), jobs)
    report.cached = sorted({ls.stem for k, v in groups.items() if k not in todo for ls, _ in v})

    def work(key: str):
        members = todo[key]
        lesson, nb = next(((ls, nb) for ls, nb in members if ls.lang == "en"), members[0])
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
        order = sorted(todo, key=lambda k: todo[k][0][0].stem, reverse=True)  # later lessons are longer: first
        pool = ThreadPoolExecutor(max_workers=min(jobs, len(order)))
        futures = {k: pool.submit(work, k) for k in order}
        try:
            pool.shutdown(wait=True)
        except KeyboardInterrupt:  # Ctrl-C: stop every kernel now; nothing unfinished gets cached
            _CANCELLED.set()
            pool.shutdown(wait=False, cancel_futures=True)
            deadline = time.monotonic() + 30
            while any(not f.done() for f in futures.values()) and time.monotonic() < deadline:
                for km in list(_RUNNING):  # kill kernel processes (also ones that started late)
                    pid = getattr(getattr(km, "provisioner", None), "pid", None)
                    if pid:
                        try:
                            os.kill(pid, signal.SIGKILL)
                        except OSError:
                            pass
                time.sleep(0.2)
            _CANCELLED.clear()
            raise
        report.kernels = len(futures)
        for key, fut in futures.items():
            try:
                report.executed.append(fut.result())
            except LessonError as err:
                report.errors.append(err)

    for key, members in groups.items():
        entry = None
        for lesson, nb in members:
            target = out_dir / lesson.lang / "lessons" / f"{lesson.stem}.ipynb"
            entry = entry or cache.get(key)
            if entry is None:
                break  # failed: keep whatever notebook was there before
            if write_atomic(target, nbformat.writes(merge_outputs(nb, entry, lesson.lang, lesson.stem)) + "\n"):
                report.written.append(target)
    report.executed.sort()
    report.errors.sort(key=lambda e: str(e.path))
    report.wall_s = time.perf_counter() - t0
    cache.folder.mkdir(parents=True, exist_ok=True)
    with open(cache.folder / "runs.jsonl", "a", encoding="utf-8") as f:  # for the bench: kernels started
        f.write(json.dumps({"executed": report.executed, "kernels": report.kernels, "wall_s": round(report.wall_s, 3),
                            "errors": [str(e) for e in report.errors]}) + "\n")
    return report


def ensure_data_quietly() -> None:
    """Fetch FashionMNIST before kernels start, so parallel lessons don't race to decompress it."""
    from course_lib.data import DataNotFoundError, ensure_fashion_mnist

    try:
        ensure_fashion_mnist()
    except DataNotFoundError:
        pass  # a lesson that needs the data will fail with the full message
