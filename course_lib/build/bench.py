"""``make bench``: time ``make build`` and ``make serve`` on a scratch copy, check the targets, write ``bench.json``."""
import contextlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from course_lib.build.lessons import executed_notebook_facts, find_lessons, read_notebook, repo_root
from course_lib.data import ensure_fashion_mnist

COPY = ("lessons", "docs", "course_lib", "mkdocs.yml", "jupytext.toml", "pyproject.toml")


def scratch_copy(dest: Path, warm: bool = False) -> Path:
    """Copy what a build reads into ``dest``; ``warm``: with the caches and the pages it writes in docs/<lang>/."""
    for name in (*COPY, ".cache") if warm else COPY:
        if (repo_root() / name).is_dir():  # names match at any depth: only docs/<lang>/ has these
            skip = ("__pycache__", "run") if warm else ("__pycache__", "*.ipynb", "lessons", "glossary.md", "build.md")
            shutil.copytree(repo_root() / name, dest / name, ignore=shutil.ignore_patterns(*skip))
        else:
            shutil.copy2(repo_root() / name, dest / name)
    return dest


def timed_build(project: Path) -> dict:
    runs = project / ".cache" / "execute" / "runs.jsonl"  # one line per build that started kernels
    runs.unlink(missing_ok=True)
    start = os.times()  # wall clock, and the CPU time of finished child processes
    proc = subprocess.run([sys.executable, "-m", "course_lib.build", "-q"], cwd=project, capture_output=True, text=True)
    end = os.times()
    if proc.returncode != 0:
        raise SystemExit(f"bench: build failed in {project}:\n{proc.stderr[-4000:]}")
    new = [json.loads(line) for line in runs.read_text().splitlines()] if runs.exists() else []
    wall = end.elapsed - start.elapsed
    cpu = end.children_user + end.children_system - start.children_user - start.children_system
    return {"wall_s": round(wall, 2), "kernels": sum(r["kernels"] for r in new),
            "executed": sorted({s for r in new for s in r["executed"]}), "cpu_per_wall": round(cpu / wall, 2)}


def edit_prose(path: Path, words: str = "(bench edit)") -> str:
    """Make one sentence of a markdown cell longer (not a heading, list or table); returns ``words``."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    in_markdown = False
    for i, line in enumerate(lines):
        if line.startswith("# %%"):
            in_markdown = line.startswith("# %% [markdown]")
        elif in_markdown and line.startswith("# ") and line[2:3] not in "#-|<>!*`$ " and len(line) > 20:
            lines[i] = f"{line.rstrip()} {words}\n"
            path.write_text("".join(lines), encoding="utf-8")
            return words
    raise SystemExit(f"bench: no prose line to edit in {path}")


def edit_code(paths: list[Path], value: int) -> str:
    for path in paths:
        with open(path, "a", encoding="utf-8") as f:
            f.write(f'\n# %%\nprint("bench edit:", {value})\n')
    return f"bench edit: {value}"


@contextlib.contextmanager
def served(project: Path, log_file: Path):
    with socket.create_server(("127.0.0.1", 0)) as sock:  # a free port
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--livereload", "--dirty"]
    with open(log_file, "w") as log, subprocess.Popen(command, cwd=project, stdout=log, stderr=log) as proc:
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            proc.terminate()  # leaving the block waits for it to exit


def fetch_until(url: str, until, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() <= deadline:
        with contextlib.suppress(OSError):
            if until(text := urllib.request.urlopen(url, timeout=timeout).read().decode("utf-8")):
                return text
        time.sleep(0.05)
    raise TimeoutError(f"{url} never showed what was expected in {timeout} s")


def serve_latency(project: Path, pair: list[Path], rounds: int = 3, timeout: float = 600) -> dict:
    """Save-to-shown seconds per edit, over HTTP: mkdocs serve holds a page request until its rebuild is done."""
    prose, code, run = [], [], []
    with served(project, project / "serve.log") as site:
        url = f"{site}lessons/{pair[0].stem}/"
        fetch_until(url, lambda html: "run-record" in html, timeout)  # the first build
        time.sleep(2)  # a person reads before editing
        for i in range(rounds):  # values new to the page even in a project served before:
            for seconds, edit in ((prose, lambda: edit_prose(pair[0], f"serve-edit-{i}-{int(time.time())}")),
                                  (code, lambda: edit_code(pair, int(time.time()) * 10 + i))):
                t0, shown = time.perf_counter(), edit()
                fetch_until(url, lambda html: shown in html, timeout)
                seconds.append(round(time.perf_counter() - t0, 2))
                time.sleep(1)
            run.append(executed_notebook_facts(project / "docs/ko/lessons" / f"{pair[0].stem}.ipynb")[0]["wall_time_s"])
    return {"measured_in": "http", "prose_edit_s": prose, "code_edit_s": code, "lesson_run_s": run,
            "prose_edit_median_s": statistics.median(prose),
            "code_edit_over_run_median_s": round(statistics.median(c - r for c, r in zip(code, run)), 2)}


if __name__ == "__main__":
    os.environ.setdefault("COURSE_DATA_DIR", str(ensure_fashion_mnist()))  # the course's data, not the copy's
    project = scratch_copy(Path(tempfile.mkdtemp(prefix="course-bench-")))
    lessons = find_lessons(project / "lessons")
    small = min((ls for ls in lessons if ls.lang == "ko"), key=lambda ls: len(read_notebook(ls.path).cells))
    pair = [small.path, project / "lessons" / "en" / small.path.name]
    print(f"bench: scratch copy in {project}; {len(lessons)} lesson files; {os.cpu_count()} cores", flush=True)
    results = {}
    for name, edit in (("clean", None), ("noop", None), ("noop_mkdocs", (project / "site" / ".build-stamp").unlink),
                       ("prose_edit", lambda: edit_prose(small.path)), ("code_edit", lambda: edit_code(pair, 42))):
        print(f"bench: {name} ({small.stem}) ...", flush=True)
        if edit:
            edit()
        results[name] = timed_build(project)
    print(f"bench: make serve — edit {small.stem}, wait for the served page ...", flush=True)
    serve = serve_latency(project, pair)
    clean, prose, code = results["clean"], results["prose_edit"], results["code_edit"]
    pairs = len({ls.stem for ls in lessons})
    checks = {"noop_over_clean": round(results["noop"]["wall_s"] / clean["wall_s"], 4),
              "prose_over_clean": round(prose["wall_s"] / clean["wall_s"], 4),
              "clean_kernels_per_pair": round(clean["kernels"] / pairs, 2)}
    targets = {"no-op rebuild <= 5% of clean": checks["noop_over_clean"] <= 0.05,
               "prose edit: 0 kernels": prose["kernels"] == 0,
               "prose edit <= 10% of clean": checks["prose_over_clean"] <= 0.10,
               "code edit: 1 kernel, that lesson only": code["kernels"] == 1 and code["executed"] == [small.stem],
               "clean: one kernel per lesson pair": clean["kernels"] == pairs,
               "clean: more than one core busy": clean["cpu_per_wall"] > 1.0 or (os.cpu_count() or 1) == 1,
               "serve: prose edit shown within 3 s (median)": serve["prose_edit_median_s"] <= 3.0,
               "serve: code edit shown within run time + 3 s (median)": serve["code_edit_over_run_median_s"] <= 3.0}
    for name, r in results.items():
        print("{:<12} {wall_s:>7.2f} s  {kernels} kernel(s)  cpu/wall {cpu_per_wall:.2f}  {executed}".format(name, **r))
    print(f"\n{checks}\nmake serve, seconds from saving an edit to the page showing it: {serve}")
    for name, ok in targets.items():
        print(f"  [{'ok' if ok else 'MISSED'}] {name}")
    report = dict(machine={"cores": os.cpu_count()}, lesson_pairs=pairs, edited_lesson=small.stem, results=results,
                  serve=serve, ratios=checks, targets=targets, date=time.strftime("%Y-%m-%d %H:%M:%S"))
    out = repo_root() / "bench.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nbench: wrote {out}")
    shutil.rmtree(project, ignore_errors=True)
    sys.exit(0 if all(targets.values()) else 1)
