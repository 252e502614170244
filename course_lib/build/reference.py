"""``make reference-run``: execute every lesson afresh on this machine's device, one at a time, and
record the run in ``docs/reference_run.json``: with every core for each lesson, times compare across machines.
"""
import argparse
import datetime as dt
import hashlib
import json
import re
import tempfile
from pathlib import Path

from course_lib.build.cache import write_atomic
from course_lib.build.execute import execute_course
from course_lib.build.lessons import code_cells, find_lessons, read_notebook, repo_root


def code_digest(path: Path) -> str:
    """Hash of a lesson's comment-stripped code: tells whether a recorded run still matches the lesson."""
    return hashlib.sha256(json.dumps(code_cells(read_notebook(path))).encode()).hexdigest()[:16]


def facts(notebook: dict) -> dict:
    """An executed notebook's run record, its last printed test accuracy and every ``<what>: <s> s per epoch``."""
    run = notebook["metadata"]["course"]["run"]
    text = "".join("".join(out.get("text", "")) for cell in notebook["cells"] if cell["cell_type"] == "code"
                   for out in cell.get("outputs", []) if out.get("output_type") == "stream")
    row = {key: run[key] for key in ("device", "torch", "torchvision", "python", "wall_time_s", "date")}
    if accuracies := re.findall(r"^test accuracy: ([01]\.\d+)\s*$", text, re.M):
        row["test_accuracy"] = float(accuracies[-1])
    if epochs := re.findall(r"^[ \t]*([^\n]+?):?[ \t]+([\d.]+) s per epoch[ \t]*$", text, re.M):
        row["epoch_s"] = {what.strip(): float(s) for what, s in epochs}
    return row


def reference_run(lessons_dir: Path | None = None, log=print) -> dict:
    """Execute every lesson with no cache, one at a time; return the record to write."""
    with tempfile.TemporaryDirectory(prefix="course-reference-") as tmp:
        report = execute_course(lessons_dir=lessons_dir, out_dir=Path(tmp, "docs"),
                                cache_dir=Path(tmp, "cache", "execute"), jobs=1, log=log)
        if report.errors:
            raise SystemExit("reference run failed:\n" + "\n".join(str(e) for e in report.errors))
        english = [ls for ls in find_lessons(lessons_dir) if ls.lang == "en"]
        notebooks = [json.loads(Path(tmp, "docs/en/lessons", f"{ls.stem}.ipynb").read_text("utf-8")) for ls in english]
    lessons = {ls.stem: {**facts(nb), "code": code_digest(ls.path)} for ls, nb in zip(english, notebooks)}
    return {"created": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "command": "make reference-run", "device": ", ".join(sorted({row["device"] for row in lessons.values()})),
            "total_s": round(sum(row["wall_time_s"] for row in lessons.values()), 2), "lessons": lessons}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m course_lib.build.reference", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=repo_root() / "docs" / "reference_run.json")
    out = parser.parse_args().out
    record = reference_run()
    write_atomic(out, json.dumps(record, indent=1, ensure_ascii=False) + "\n")
    print(f"{out}: {len(record['lessons'])} lessons on {record['device']}, {record['total_s']:.1f} s in all")
    for stem, row in record["lessons"].items():
        accuracy = f", test accuracy {row['test_accuracy']:.4f}" if "test_accuracy" in row else ""
        epochs = "".join(f", {what}: {s:.2f} s/epoch" for what, s in row.get("epoch_s", {}).items())
        print(f"  {stem}: {row['wall_time_s']:.1f} s{accuracy}{epochs}")
