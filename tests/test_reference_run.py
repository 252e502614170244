"""`make reference-run`: every lesson executed afresh, its device, times and accuracy recorded and shown."""
from __future__ import annotations

import json

from conftest import ROOT
from course_lib.build import generated as pages
from course_lib.build.lessons import find_lessons
from course_lib.build.reference import code_digest, reference_run

LESSON = '''# %% [markdown]
# # Demo

# %%
import torch
print("loading: 1.50 s per epoch")
print("test accuracy: 0.8000")  # an earlier line: the last one counts
print(f"{'tensors on the device, train':36} {0.25:5.2f} s per epoch")  # aligned, no colon
print(f"test accuracy: {torch.tensor(0.9123).item():.4f}")
'''


def test_reference_run_records_device_times_and_accuracy(tmp_path):
    for lang in ("en", "ko"):
        (tmp_path / "lessons" / lang).mkdir(parents=True)
        (tmp_path / "lessons" / lang / "01_demo.py").write_text(LESSON, encoding="utf-8")
    record = reference_run(tmp_path / "lessons", log=lambda *_: None)
    row = record["lessons"]["01_demo"]
    assert row["device"].startswith(("cpu:", "cuda:", "mps:")) and row["device"] == record["device"]
    assert row["wall_time_s"] > 0 and row["torch"]
    assert row["test_accuracy"] == 0.9123
    assert row["epoch_s"] == {"loading": 1.5, "tensors on the device, train": 0.25}
    assert row["code"] == code_digest(tmp_path / "lessons" / "en" / "01_demo.py")
    json.dumps(record)  # what `make reference-run` writes

    docs = tmp_path / "docs"
    (docs / "en" / "lessons").mkdir(parents=True)
    (docs / "en" / "lessons" / "01_demo.ipynb").write_text(json.dumps({"cells": [], "metadata": {"course": {"run": {
        **{k: row[k] for k in ("device", "torch", "date")}, "wall_time_s": 3.0}}}}), encoding="utf-8")
    md = pages.build_markdown(docs, "en", record, tmp_path / "lessons").splitlines()
    line = next(m for m in md if m.startswith("| 01. Demo") and "0.9123" in m)
    assert f"| 3.0 s | {row['wall_time_s']:.1f} s |" in line and "(code changed)" not in line
    (tmp_path / "lessons" / "en" / "01_demo.py").write_text(LESSON + "print(1)\n", encoding="utf-8")
    assert "(코드 바뀜)" in pages.build_markdown(docs, "ko", record, tmp_path / "lessons")


def test_committed_reference_run_is_valid_and_names_real_lessons():
    path = ROOT / "docs" / "reference_run.json"
    assert path.exists(), "docs/reference_run.json is missing: run `make reference-run`"
    record = json.loads(path.read_text(encoding="utf-8"))
    stems = {ls.stem for ls in find_lessons(ROOT / "lessons")}
    assert set(record["lessons"]) == stems, "the reference run covers every lesson: run `make reference-run`"
    for stem, row in record["lessons"].items():
        assert row["wall_time_s"] > 0 and row["device"] and row["torch"], stem
    assert any(row.get("test_accuracy", 0) >= 0.89 for row in record["lessons"].values())
