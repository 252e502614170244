"""Translation status and glossary: stale Korean pages are visible, and Korean prose uses one term per concept."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from conftest import LESSONS, ROOT
from course_lib.build import i18n
from course_lib.build import generated as pages
from course_lib.build.generated import load_glossary
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
    for term in sorted({f for e in GLOSSARY for f in pages.term_forms(e, "ko")}, key=len, reverse=True):
        prose = prose.replace(term, " ")  # a glossary term may contain another's discouraged variant (하이퍼파라미터)
    found = [(bad, e["ko"]) for e in GLOSSARY for bad in e.get("discouraged") or [] if bad in prose]
    assert not found, f"{lesson.path.name}: use the glossary term instead: " + ", ".join(f"{b} → {g}" for b, g in found)


def test_glossary_entries_are_complete_and_each_is_used():
    assert len({e["ko"] for e in GLOSSARY}) == len(GLOSSARY), "one Korean term per concept"
    for e in GLOSSARY:
        assert e["en"] and e["ko"] and e["def_en"] and e["def_ko"], e
        assert "lesson" not in e, f"{e['en']}: the first lesson is computed from the lessons, not typed"
    for lang in ("ko", "en"):
        unused = [en for en, stem in pages.first_uses(GLOSSARY, lang, ROOT / "lessons").items() if stem is None]
        assert not unused, f"glossary terms no {lang} lesson uses: {unused}"


def test_glossary_links_the_first_lesson_that_uses_each_term(tmp_path):
    for lang, first, later in (("ko", "가중치는 곱하는 값입니다.", "가중치(weight)를 다시 봅니다."),
                               ("en", "Each weight scales an input.", "Weights again.")):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "01_a.py").write_text("# %% [markdown]\n# # 가중치 weight\n#\n# 설명 only.\n", encoding="utf-8")
        (tmp_path / lang / "02_b.py").write_text(f"# %% [markdown]\n# # B\n#\n# {first}\n", encoding="utf-8")
        (tmp_path / lang / "03_c.py").write_text(f"# %% [markdown]\n# # C\n#\n# {later}\n", encoding="utf-8")
        md = pages.glossary_markdown(GLOSSARY, lang, tmp_path)
        row = next(line for line in md.splitlines() if line.startswith(("| **가중치**", "| **weight**")))
        assert row.endswith("(lessons/02_b.ipynb) |"), row  # headings don't count; the earliest prose use does


@pytest.mark.parametrize("lesson", KO_LESSONS, ids=[ls.stem for ls in KO_LESSONS])
def test_first_korean_use_of_a_term_gives_the_english(lesson):
    """Where a glossary term first appears in the course's Korean prose, it reads 가중치(weight)."""
    text = pages.prose(lesson.path)
    first = pages.first_uses(GLOSSARY, "ko", ROOT / "lessons")
    missing = []
    for e in GLOSSARY:
        if first[e["en"]] != lesson.stem or e.get("english_at_first_use") is False:
            continue
        for form in pages.term_forms(e, "ko"):
            at = text.find(form)
            if at >= 0 and not re.match(r"\([^)]*[A-Za-z]", text[at + len(form):]):
                missing.append(f"{form} → {form}({e['en']}): …{text[max(0, at - 20):at + len(form) + 10]}…")
    assert not missing, f"{lesson.path.name}: give the English at the first use:\n" + "\n".join(missing)


def test_the_discouraged_term_check_can_fail(tmp_path):
    bad = tmp_path / "99_bad.py"
    bad.write_text("# %% [markdown]\n# # 제목\n#\n# 파라미터를 학습합니다.\n", encoding="utf-8")
    prose = _prose(bad)
    assert any(b in prose for e in GLOSSARY for b in e.get("discouraged") or [])
