"""Generated pages: the glossary (from docs/glossary.yml) and "About this build" (from run records)."""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from course_lib.build.cache import write_atomic
from course_lib.build.lessons import LANGS, executed_notebook_facts, find_lessons, read_notebook


def load_glossary(path: Path) -> list[dict]:
    """The glossary entries: ``en``, ``ko``, ``lesson``, ``def_en``, ``def_ko``, ``discouraged``."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def lesson_titles(lang: str, lessons_dir: Path | None = None) -> dict[str, str]:
    """``{stem: "01. title"}`` from each lesson's H1."""
    titles = {}
    for lesson in find_lessons(lessons_dir):
        if lesson.lang == lang:
            nb = read_notebook(lesson.path)
            h1 = next((line[2:].strip() for c in nb.cells if c.cell_type == "markdown"
                       for line in c.source.splitlines() if line.startswith("# ")), lesson.stem)
            titles[lesson.stem] = f"{lesson.number}. {h1}"
    return titles


def glossary_markdown(entries: list[dict], lang: str, lessons_dir: Path | None = None) -> str:
    titles = lesson_titles(lang, lessons_dir)
    if lang == "ko":
        head = ("# 용어집\n\n이 강좌는 개념마다 한국어 용어 하나만 씁니다. 각 용어가 처음 나오는 강의로 "
                "바로 갈 수 있습니다.\n\n| 한국어 | English | 뜻 | 처음 나오는 강의 |\n| --- | --- | --- | --- |\n")
        rows = sorted(entries, key=lambda e: e["ko"])
    else:
        head = ("# Glossary\n\nThe course uses one term per concept in each language. Each term links to the "
                "lesson that introduces it.\n\n| English | 한국어 | Meaning | Introduced in |\n| --- | --- | --- | --- |\n")
        rows = sorted(entries, key=lambda e: e["en"].lower())
    lines = []
    for e in rows:
        link = f"[{titles.get(e['lesson'], e['lesson'])}](lessons/{e['lesson']}.ipynb)" if e["lesson"] in titles else "—"
        first, second = (e["ko"], e["en"]) if lang == "ko" else (e["en"], e["ko"])
        lines.append(f"| **{first}** | {second} | {e['def_' + lang]} | {link} |")
    return head + "\n".join(lines) + "\n"


def run_records(docs_dir: Path, lang: str) -> list[tuple[str, dict]]:
    """``(stem, run record)`` of every executed lesson notebook of one language."""
    rows = []
    for nb_path in sorted((docs_dir / lang / "lessons").glob("*.ipynb")):
        run = executed_notebook_facts(nb_path)[0]
        if run is not None:
            rows.append((nb_path.stem, run))
    return rows


def build_markdown(docs_dir: Path, lang: str, reference: dict | None, lessons_dir: Path | None = None) -> str:
    titles = lesson_titles(lang, lessons_dir)
    ko = lang == "ko"
    out = ["# 이 빌드에 대하여" if ko else "# About this build", ""]
    out.append(
        "이 사이트의 모든 출력과 그림은 빌드할 때 강의 파일을 실제로 실행해서 얻은 것입니다. "
        "아래 표는 강의마다 어떤 장치에서, 어떤 버전으로, 얼마나 걸려 실행되었는지 보여 줍니다. "
        "실행 결과는 코드가 바뀔 때만 다시 계산됩니다(설명만 고치면 다시 실행하지 않습니다)."
        if ko else
        "Every output and figure on this site comes from running the lesson files at build time. The table "
        "shows, for each lesson, the device, versions and wall time of the run the page shows. Lessons "
        "re-execute only when their code changes (editing prose re-executes nothing)."
    )
    out += ["", "| 강의 | 장치 | torch | 실행 시간 | 실행 일시 |" if ko else "| Lesson | Device | torch | Wall time | Run on |",
            "| --- | --- | --- | ---: | --- |"]
    records = run_records(docs_dir, lang)
    for stem, run in records:
        title = titles.get(stem, stem)
        out.append(f"| [{title}](lessons/{stem}.ipynb) | `{run['device']}` | {run['torch']} | "
                   f"{run['wall_time_s']:.1f} s | {run['date']} |")
    total = sum(r["wall_time_s"] for _, r in records)
    devices = sorted({r["device"] for _, r in records})
    out += ["", (f"**합계**: 강의 {len(records)}개, 실행 시간 합계 {total:.1f} s, 장치: "
                 if ko else f"**Total**: {len(records)} lessons, {total:.1f} s of execution, devices: ")
            + ", ".join(f"`{d}`" for d in devices)]
    if reference:
        out += ["", "## 기준 실행 (GPU)" if ko else "## Reference run (GPU)", "",
                ("같은 강의를 GPU에서 실행한 기준 기록입니다." if ko else
                 "The same lessons run on a GPU, recorded as a reference."), "",
                "| 강의 | 장치 | torch | 실행 시간 |" if ko else "| Lesson | Device | torch | Wall time |",
                "| --- | --- | --- | ---: |"]
        for stem, run in sorted(reference.get("lessons", {}).items()):
            out.append(f"| {titles.get(stem, stem)} | `{run['device']}` | {run['torch']} | {run['wall_time_s']:.1f} s |")
    return "\n".join(out) + "\n"


def write_generated_pages(docs_dir: Path, lessons_dir: Path | None = None) -> list[Path]:
    """Write ``docs/<lang>/glossary.md`` and ``docs/<lang>/build.md``; return those that changed."""
    docs_dir = Path(docs_dir)
    entries = load_glossary(docs_dir / "glossary.yml")
    ref_path = docs_dir / "reference_run.json"
    reference = json.loads(ref_path.read_text(encoding="utf-8")) if ref_path.exists() else None
    changed = []
    for lang in LANGS:
        for name, text in (("glossary.md", glossary_markdown(entries, lang, lessons_dir)),
                           ("build.md", build_markdown(docs_dir, lang, reference, lessons_dir))):
            target = docs_dir / lang / name
            if write_atomic(target, text):
                changed.append(target)
    return changed
