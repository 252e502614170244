"""``make bench``: on a scratch copy, time a clean build, a no-op, a prose edit and a code edit
(``make build``; a no-op through mkdocs too), then ``make serve``: seconds from saving an edit until
the page shows it. Per build: wall time, kernels started, CPU/wall. Checks the targets, writes
``bench.json``; nothing in the working tree is touched."""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from course_lib.build.lessons import find_lessons, read_notebook, repo_root

COPY = ("lessons", "docs", "course_lib", "mkdocs.yml", "jupytext.toml", "pyproject.toml")
GENERATED = ("docs/ko/lessons", "docs/en/lessons", "docs/ko/glossary.md", "docs/en/glossary.md",
             "docs/ko/build.md", "docs/en/build.md")


def scratch_copy(dest: Path, warm: bool = False) -> Path:
    """Copy what a build reads into ``dest``; with ``warm``, the caches and generated pages too."""
    root = repo_root()
    for name in (*COPY, ".cache") if warm else COPY:
        src = root / name
        if src.is_dir():
            skip = ("__pycache__", "run") if warm else ("__pycache__", "*.ipynb")
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns(*skip))
        else:
            shutil.copy2(src, dest / name)
    for name in () if warm else GENERATED:
        target = dest / name
        shutil.rmtree(target, ignore_errors=True) if target.is_dir() else target.unlink(missing_ok=True)
    return dest


def timed_build(project: Path) -> dict:
    """One ``make build`` in ``project``: wall time, kernels started, CPU/wall."""
    runs = project / ".cache" / "execute" / "runs.jsonl"
    before = len(runs.read_text().splitlines()) if runs.exists() else 0
    usage0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "course_lib.build", "-q"], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    wall = time.perf_counter() - t0
    usage1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"bench: build failed in {project}:\n{proc.stderr[-4000:]}")
    new = [json.loads(line) for line in runs.read_text().splitlines()[before:]] if runs.exists() else []
    cpu = (usage1.ru_utime - usage0.ru_utime) + (usage1.ru_stime - usage0.ru_stime)
    return {"wall_s": round(wall, 2), "kernels": sum(r["kernels"] for r in new),
            "executed": sorted({s for r in new for s in r["executed"]}), "cpu_per_wall": round(cpu / wall, 2)}


def edit_prose(path: Path, words: str = "(bench edit)") -> None:
    """Make one sentence of a markdown cell longer (not a heading, list or table)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    in_markdown = False
    for i, line in enumerate(lines):
        if line.startswith("# %%"):
            in_markdown = line.startswith("# %% [markdown]")
        elif in_markdown and line.startswith("# ") and line[2:3] not in "#-|<>!*`$ " and len(line) > 20:
            lines[i] = f"{line.rstrip()} {words}\n"
            break
    else:
        raise SystemExit(f"bench: no prose line to edit in {path}")
    path.write_text("".join(lines), encoding="utf-8")


def edit_code(paths: list[Path], value: int = 42) -> str:
    """Append one small code cell to a lesson pair; returns what it prints."""
    for path in paths:
        with open(path, "a", encoding="utf-8") as f:
            f.write(f'\n# %%\nprint("bench edit:", {value})\n')
    return f"bench edit: {value}"


CHROMIUM = os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium")


@contextlib.contextmanager
def served(project: Path, log_file: Path):
    """``make serve``'s ``mkdocs serve`` in ``project`` on a free port, logging to ``log_file``; yields its URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with open(log_file, "w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--livereload",
                                 "--dirty"], cwd=project, stdout=log, stderr=subprocess.STDOUT,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def fetch_until(url: str, until, timeout: float) -> str:
    """The text at ``url`` once ``until(text)`` holds; TimeoutError after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            text = urllib.request.urlopen(url, timeout=timeout).read().decode("utf-8")
            if until(text):
                return text
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} never showed what was expected in {timeout} s")
        time.sleep(0.05)


def wait_for(url: str, text: str, since: float, timeout: float, page=None) -> float:
    """Seconds from ``since`` until the page at ``url`` shows ``text``: in Chromium (``page``, which
    ``mkdocs serve`` reloads), else over HTTP (the server answers once a rebuild is complete)."""
    if page is not None:
        page.wait_for_function("t => document.body && document.body.innerText.includes(t)", arg=text,
                               polling=20, timeout=timeout * 1000)
    else:
        fetch_until(url, lambda html: text in html, timeout)
    return round(time.perf_counter() - since, 2)


def serve_latency(project: Path, stem: str, rounds: int = 3, timeout: float = 600) -> dict:
    """Seconds from saving an edit to the page showing it, ``rounds`` times each: a prose edit, then
    a code edit, with the lesson's run time in that rebuild."""
    prose, code, run = [], [], []
    with served(project, project / "serve.log") as site, contextlib.ExitStack() as stack:
        url = f"{site}lessons/{stem}/"
        fetch_until(url, lambda text: "run-record" in text, timeout)  # the first build
        page = None
        if Path(CHROMIUM).exists():
            from playwright.sync_api import sync_playwright

            browser = stack.enter_context(sync_playwright()).chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
            page = browser.new_page()
            page.goto(url, timeout=timeout * 1000)
        time.sleep(2)  # a person reads before editing
        for i in range(rounds):
            marker, t0 = f"serve-edit-{i}-{int(time.time())}", time.perf_counter()
            edit_prose(project / "lessons" / "ko" / f"{stem}.py", marker)
            prose.append(wait_for(url, marker, t0, timeout, page))
            time.sleep(1)
            t0 = time.perf_counter()  # a value new to the page even in a project served before:
            shown = edit_code([project / "lessons" / lang / f"{stem}.py" for lang in ("ko", "en")], int(time.time()) * 10 + i)
            code.append(wait_for(url, shown, t0, timeout, page))
            notebook = json.loads((project / "docs" / "ko" / "lessons" / f"{stem}.ipynb").read_text(encoding="utf-8"))
            run.append(notebook["metadata"]["course"]["run"]["wall_time_s"])
            time.sleep(1)
    return {"measured_in": "chromium" if page else "http", "prose_edit_s": prose, "code_edit_s": code, "lesson_run_s": run}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course_lib.build.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=repo_root() / "bench.json")
    args = parser.parse_args(argv)

    from course_lib.data import ensure_fashion_mnist

    os.environ.setdefault("COURSE_DATA_DIR", str(ensure_fashion_mnist()))
    tmp = Path(tempfile.mkdtemp(prefix="course-bench-"))
    project = scratch_copy(tmp)
    lessons = find_lessons(project / "lessons")
    small = min((ls for ls in lessons if ls.lang == "ko"),
                key=lambda ls: len(read_notebook(ls.path).cells))  # a short lesson to edit
    print(f"bench: scratch copy in {project}; {len(lessons)} lesson files; {os.cpu_count()} cores", flush=True)

    results = {}
    for name, edit in (("clean", None), ("noop", None), ("noop_mkdocs", lambda: (project / "site" / ".build-stamp").unlink()),
                       ("prose_edit", lambda: edit_prose(small.path)),
                       ("code_edit", lambda: edit_code([small.path, project / "lessons" / "en" / small.path.name]))):
        print(f"bench: {name} ({small.stem}) ...", flush=True)
        if edit:
            edit()
        results[name] = timed_build(project)
    print(f"bench: make serve — edit {small.stem}, wait for the served page ...", flush=True)
    serve = serve_latency(project, small.stem)
    serve["prose_edit_median_s"] = statistics.median(serve["prose_edit_s"])
    serve["code_edit_over_run_median_s"] = round(statistics.median(
        c - r for c, r in zip(serve["code_edit_s"], serve["lesson_run_s"])), 2)

    clean = results["clean"]["wall_s"]
    pairs = len({ls.stem for ls in lessons})
    checks = {
        "noop_over_clean": round(results["noop"]["wall_s"] / clean, 4),
        "prose_over_clean": round(results["prose_edit"]["wall_s"] / clean, 4),
        "clean_kernels_per_pair": round(results["clean"]["kernels"] / pairs, 2),
    }
    targets = {
        "no-op rebuild <= 5% of clean": checks["noop_over_clean"] <= 0.05,
        "prose edit: 0 kernels": results["prose_edit"]["kernels"] == 0,
        "prose edit <= 10% of clean": checks["prose_over_clean"] <= 0.10,
        "code edit: 1 kernel, that lesson only": results["code_edit"]["kernels"] == 1
        and results["code_edit"]["executed"] == [small.stem],
        "clean: one kernel per lesson pair": results["clean"]["kernels"] == pairs,
        "clean: more than one core busy": results["clean"]["cpu_per_wall"] > 1.0 or (os.cpu_count() or 1) == 1,
        "serve: prose edit shown within 3 s (median)": serve["prose_edit_median_s"] <= 3.0,
        "serve: code edit shown within run time + 3 s (median)": serve["code_edit_over_run_median_s"] <= 3.0,
    }
    for name, r in results.items():
        print(f"{name:<12} {r['wall_s']:>7.2f} s  {r['kernels']} kernel(s)  cpu/wall {r['cpu_per_wall']:.2f}  {r['executed']}")
    print(f"\n{checks}\nmake serve, seconds from saving an edit to the page showing it: {serve}")
    for name, ok in targets.items():
        print(f"  [{'ok' if ok else 'MISSED'}] {name}")
    report = {"machine": {"cores": os.cpu_count()}, "lesson_pairs": pairs, "edited_lesson": small.stem,
              "results": results, "serve": serve, "ratios": checks, "targets": targets,
              "date": time.strftime("%Y-%m-%d %H:%M:%S")}
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nbench: wrote {args.out}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if all(targets.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
