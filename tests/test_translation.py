"""Translation status and glossary: stale Korean pages are visible, and Korean prose uses one term per concept."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from conftest import LESSONS, ROOT
from course_lib.build import i18n
from course_lib.build.generated import glossary_markdown, load_glossary
from course_lib.build.lessons import read_notebook

KO_LESSONS = [ls for ls in LESSONS if ls.lang == "ko"]
GLOSSARY = load_glossary(ROOT / "docs" / "glossary.yml")


def test_english_prose_edit_turns_korean_lesson_outdated(tmp_path):
    lessons = tmp_path / "lessons"
    shutil.copytree(ROOT / "lessons", lessons)
    stem = KO_LESSONS[0].stem
    ko, en = lessons / "ko" / f"{stem}.py", lessons / "en" / f"{stem}.py"
    i18n.mark_synced(ko, en)
    assert i18n.status(ko, en) == i18n.UP_TO_DATE
    cells = lambda p: [(c.cell_type, c.source, c.metadata) for c in read_notebook(p).cells]  # noqa: E731
    assert cells(ko) == cells(ROOT / "lessons" / "ko" / f"{stem}.py")  # the record lives in the header only
    en.write_text(en.read_text(encoding="utf-8").replace("# # ", "# # Revised: ", 1), encoding="utf-8")
    assert i18n.status(ko, en) == i18n.OUTDATED
    rows = dict(i18n.report(lessons))
    assert rows[stem] == i18n.OUTDATED
    i18n.mark_synced(ko, en)  # re-sync after translating
    assert i18n.status(ko, en) == i18n.UP_TO_DATE
    ko.unlink()
    assert dict(i18n.report(lessons))[stem] == i18n.MISSING


def test_make_i18n_status_lists_every_lesson():
    proc = subprocess.run(["make", "-s", "i18n-status"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    for stem in {ls.stem for ls in LESSONS}:
        assert re.search(rf"{stem}\s+(up to date|outdated|missing|never synced)", proc.stdout)


@pytest.mark.parametrize("lesson", KO_LESSONS, ids=[ls.stem for ls in KO_LESSONS])
def test_korean_lessons_are_synced_with_their_english_twin(lesson):
    en = ROOT / "lessons" / "en" / lesson.path.name
    assert i18n.status(lesson.path, en) == i18n.UP_TO_DATE, (
        f"{lesson.path.name}: run `python -m course_lib.build.i18n mark {lesson.number}` after syncing the translation")


def _prose(path) -> str:
    """Markdown cells without code spans, links' targets and HTML tags."""
    text = "\n".join(c.source for c in read_notebook(path).cells if c.cell_type == "markdown")
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"<[^>]+>", " ", text)


@pytest.mark.parametrize("lesson", KO_LESSONS, ids=[ls.stem for ls in KO_LESSONS])
def test_korean_prose_avoids_discouraged_terms(lesson):
    prose = _prose(lesson.path)
    found = [(bad, e["ko"]) for e in GLOSSARY for bad in e.get("discouraged") or [] if bad in prose]
    assert not found, f"{lesson.path.name}: use the glossary term instead: " + ", ".join(f"{b} → {g}" for b, g in found)


def test_glossary_entries_are_complete_and_link_existing_lessons():
    stems = {ls.stem for ls in LESSONS}
    assert len({e["ko"] for e in GLOSSARY}) == len(GLOSSARY), "one Korean term per concept"
    for e in GLOSSARY:
        assert e["en"] and e["ko"] and e["def_en"] and e["def_ko"], e
        assert e["lesson"] in stems, f"{e['en']}: no lesson {e['lesson']}"
    md = glossary_markdown(GLOSSARY, "ko")
    assert "| **가중치** | weight |" in md and "(lessons/01_neural_networks.ipynb)" in md


def test_the_discouraged_term_check_can_fail(tmp_path):
    bad = tmp_path / "99_bad.py"
    bad.write_text("# %% [markdown]\n# # 제목\n#\n# 파라미터를 학습합니다.\n", encoding="utf-8")
    prose = _prose(bad)
    assert any(b in prose for e in GLOSSARY for b in e.get("discouraged") or [])
