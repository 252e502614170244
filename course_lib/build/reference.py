"""``make reference-run``: execute every lesson afresh on this machine's device, one at a time, and
record the run in ``docs/reference_run.json`` (shown on the "About this build" page).

Per lesson: the device, torch version and wall time of its run; for lessons that print them, the
test accuracy (the last ``test accuracy: 0.xxxx`` line) and epoch times (every ``<what>: <s> s per
epoch`` line, colon optional). Lessons run one at a time with every core, so their times compare across machines.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
import tempfile
from pathlib import Path

from course_lib.build.cache import write_atomic
from course_lib.build.execute import execute_course
from course_lib.build.lessons import code_cells, find_lessons, read_notebook, repo_root

ACCURACY_RE = re.compile(r"^test accuracy: ([01]\.\d+)\s*$", re.M)
EPOCH_RE = re.compile(r"^[ \t]*([^\n]+?):?[ \t]+([\d.]+) s per epoch[ \t]*$", re.M)


def code_digest(path: Path) -> str:
    """Hash of a lesson's comment-stripped code: tells whether a recorded run still matches the lesson."""
    return hashlib.sha256(json.dumps(code_cells(read_notebook(path))).encode()).hexdigest()[:16]


def facts(notebook: dict) -> dict:
    """The run record of an executed notebook plus the accuracy and epoch times its outputs print."""
    run = notebook["metadata"]["course"]["run"]
    text = "".join("".join(out.get("text", "")) for cell in notebook["cells"] if cell["cell_type"] == "code"
                   for out in cell.get("outputs", []) if out.get("output_type") == "stream")
    row = {key: run[key] for key in ("device", "torch", "torchvision", "python", "wall_time_s", "date")}
    if accuracies := ACCURACY_RE.findall(text):
        row["test_accuracy"] = float(accuracies[-1])
    if epochs := EPOCH_RE.findall(text):
        row["epoch_s"] = {what.strip(): float(s) for what, s in epochs}
    return row


def reference_run(lessons_dir: Path | None = None, log=print) -> dict:
    """Execute every lesson with no cache, one at a time; return the record to write."""
    lessons_dir = Path(lessons_dir or repo_root() / "lessons")
    with tempfile.TemporaryDirectory(prefix="course-reference-") as tmp:
        report = execute_course(lessons_dir=lessons_dir, out_dir=Path(tmp) / "docs",
                                cache_dir=Path(tmp) / "cache" / "execute", jobs=1, log=log)
        if report.errors:
            raise SystemExit("reference run failed:\n" + "\n".join(str(e) for e in report.errors))
        lessons = {}
        for lesson in find_lessons(lessons_dir):
            if lesson.lang == "en":
                nb = json.loads((Path(tmp) / "docs" / "en" / "lessons" / f"{lesson.stem}.ipynb").read_text("utf-8"))
                lessons[lesson.stem] = {**facts(nb), "code": code_digest(lesson.path)}
    devices = sorted({row["device"] for row in lessons.values()})
    return {"created": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "command": "make reference-run", "device": ", ".join(devices),
            "total_s": round(sum(row["wall_time_s"] for row in lessons.values()), 2), "lessons": lessons}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course_lib.build.reference", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=repo_root() / "docs" / "reference_run.json")
    args = parser.parse_args(argv)
    record = reference_run()
    write_atomic(args.out, json.dumps(record, indent=1, ensure_ascii=False) + "\n")
    print(f"{args.out}: {len(record['lessons'])} lessons on {record['device']}, {record['total_s']:.1f} s in all")
    for stem, row in record["lessons"].items():
        extra = "".join([f", test accuracy {row['test_accuracy']:.4f}" if "test_accuracy" in row else "",
                         *(f", {what}: {s:.2f} s/epoch" for what, s in row.get("epoch_s", {}).items())])
        print(f"  {stem}: {row['wall_time_s']:.1f} s{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
