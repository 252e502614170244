"""Generated pages: the glossary (from docs/glossary.yml) and "About this build" (from run records)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from course_lib.build.cache import write_atomic
from course_lib.build.lessons import LANGS, executed_notebook_facts, find_lessons, read_notebook, repo_root


def load_glossary(path: Path) -> list[dict]:
    """The glossary entries: ``en``, ``ko``, ``def_en``, ``def_ko``, ``discouraged``, and optionally
    ``forms_en``/``forms_ko`` (the words lessons use, when the term itself is not one)."""
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


def prose(path: Path) -> str:
    """A lesson's markdown cells without headings, code spans, emphasis markers, link targets and HTML tags."""
    text = "\n".join(line for c in read_notebook(path).cells if c.cell_type == "markdown"
                     for line in c.source.splitlines() if not line.startswith("#"))
    text = re.sub(r"`[^`]*`", " ", text).replace("*", "")
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"<[^>]+>", " ", text)


def term_forms(entry: dict, lang: str) -> list[str]:
    """The words a lesson uses for a glossary entry: ``forms_<lang>`` if given, else its term split at
    " / " with any parenthesised part dropped ("필터 (커널)" -> "필터")."""
    if entry.get(f"forms_{lang}"):
        return list(entry[f"forms_{lang}"])
    return [re.sub(r"\s*\(.*\)", "", form).strip() for form in entry[lang].split(" / ")]


def _uses(text: str, form: str, lang: str) -> re.Match | None:
    if lang == "en":  # a word start, any ending: "neuron" also finds "neurons"
        return re.search(rf"(?<![\w-]){re.escape(form)}", text, re.I)
    return re.search(re.escape(form), text)


def first_uses(entries: list[dict], lang: str, lessons_dir: Path | None = None) -> dict[str, str]:
    """``{entry's en: stem}``: the first lesson (in course order) whose prose uses the entry's term."""
    texts = [(ls.stem, prose(ls.path)) for ls in find_lessons(lessons_dir) if ls.lang == lang]
    found = {}
    for e in entries:
        forms = term_forms(e, lang)
        found[e["en"]] = next((stem for stem, text in texts if any(_uses(text, f, lang) for f in forms)), None)
    return found


def glossary_markdown(entries: list[dict], lang: str, lessons_dir: Path | None = None) -> str:
    titles = lesson_titles(lang, lessons_dir)
    first = first_uses(entries, lang, lessons_dir)
    if lang == "ko":
        head = ("# 용어집\n\n이 강좌는 개념마다 한국어 용어 하나만 씁니다. 마지막 열은 그 용어가 설명에 처음 나오는 "
                "강의입니다. PyTorch 한국어 튜토리얼에서 다른 말을 쓰는 용어는 뜻 풀이에 함께 적었습니다.\n\n"
                "| 한국어 | English | 뜻 | 처음 나오는 강의 |\n| --- | --- | --- | --- |\n")
        rows = sorted(entries, key=lambda e: e["ko"])
    else:
        head = ("# Glossary\n\nThe course uses one term per concept in each language. The last column links to the "
                "first lesson whose text uses the term.\n\n| English | 한국어 | Meaning | First used in |\n"
                "| --- | --- | --- | --- |\n")
        rows = sorted(entries, key=lambda e: e["en"].lower())
    lines = []
    for e in rows:
        stem = first[e["en"]]
        link = f"[{titles.get(stem, stem)}](lessons/{stem}.ipynb)" if stem in titles else "—"
        first_col, second = (e["ko"], e["en"]) if lang == "ko" else (e["en"], e["ko"])
        lines.append(f"| **{first_col}** | {second} | {e['def_' + lang]} | {link} |")
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
        out += reference_markdown(reference, dict(records), titles, lessons_dir, ko)
    return "\n".join(out) + "\n"


def reference_markdown(reference: dict, records: dict, titles: dict, lessons_dir: Path | None, ko: bool) -> list[str]:
    """The reference run (``make reference-run``, docs/reference_run.json) beside this build's runs."""
    from course_lib.build.reference import code_digest

    lessons_dir = Path(lessons_dir or repo_root() / "lessons")
    out = ["", "## 기준 실행" if ko else "## Reference run", "",
           (f"`make reference-run`으로 {reference['created']}에 `{reference['device']}`에서 모든 강의를 하나씩 "
            "새로 실행한 기록입니다. 강의 코드가 그 뒤에 바뀌었으면 표시해 둡니다." if ko else
            f"Every lesson executed afresh, one at a time, by `make reference-run` on `{reference['device']}` "
            f"({reference['created']}). Lessons whose code changed since are marked."), "",
           "| 강의 | 이 빌드 | 기준 실행 | 테스트 정확도 | 에폭 시간 |" if ko else
           "| Lesson | This build | Reference run | Test accuracy | Epoch time |",
           "| --- | ---: | ---: | ---: | --- |"]
    for stem, row in sorted(reference.get("lessons", {}).items()):
        path = lessons_dir / "en" / f"{stem}.py"
        stale = not path.exists() or code_digest(path) != row.get("code")
        ref = f"{row['wall_time_s']:.1f} s" + ((" (코드 바뀜)" if ko else " (code changed)") if stale else "")
        mine = f"{records[stem]['wall_time_s']:.1f} s" if stem in records else "—"
        acc = f"{row['test_accuracy']:.4f}" if "test_accuracy" in row else ""
        epochs = "<br>".join(f"{what}: {s:.2f} s" for what, s in row.get("epoch_s", {}).items())
        out.append(f"| {titles.get(stem, stem)} | {mine} | {ref} | {acc} | {epochs} |")
    return out


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
