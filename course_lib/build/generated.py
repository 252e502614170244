"""Generated pages: the glossary (from docs/glossary.yml) and "About this build" (from run records)."""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import yaml

from course_lib.build import text
from course_lib.build.cache import file_version, write_atomic
from course_lib.build.lessons import LANGS, OTHER, executed_notebook_facts, find_lessons, read_notebook, repo_root


#: after an English term: the endings lessons give it ("neurons", "trained", "labelled", "convolutional"), then the
#: word's end, so that a longer word that merely starts with the term ("training settings") is not a use of it
EN_ENDINGS = r"(?:e?s|e?d|ing|al|able|[bdglmnpt](?:ed|ing))?(?![\w-])"


def load_glossary(path: Path) -> list[dict]:
    """Entries: ``en``, ``ko``, ``def_en``, ``def_ko``, ``discouraged``, optionally ``forms_en``/``forms_ko``.
    Read once per file version (every lesson page needs it); don't modify the result."""
    return _load_glossary(*file_version(path))


@functools.lru_cache(maxsize=8)
def _load_glossary(path: str, mtime_ns: int, size: int) -> list[dict]:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def lesson_titles(lang: str, lessons_dir: Path | None = None) -> dict[str, str]:
    """``{stem: "01. title"}`` from each lesson's H1."""
    titles = {}
    for ls in [ls for ls in find_lessons(lessons_dir) if ls.lang == lang]:
        lines = (line for c in read_notebook(ls.path).cells if c.cell_type == "markdown" for line in c.source.splitlines())
        titles[ls.stem] = f"{ls.number}. " + next((line[2:].strip() for line in lines if line.startswith("# ")), ls.stem)
    return titles


def prose(path: Path) -> str:
    """A lesson's markdown cells without headings, code spans, emphasis markers, link targets and HTML tags."""
    md = "\n".join(line for c in read_notebook(path).cells if c.cell_type == "markdown"
                   for line in c.source.splitlines() if not line.startswith("#"))
    md = re.sub(r"\]\([^)]*\)", "]", re.sub(r"`[^`]*`", " ", md).replace("*", ""))
    return re.sub(r"<[^>]+>", " ", md)


def term_forms(entry: dict, lang: str) -> list[str]:
    """The words a lesson uses for a glossary entry: ``forms_<lang>`` if given, else its term split at
    " / " with any parenthesised part dropped ("필터 (커널)" -> "필터")."""
    return list(entry.get(f"forms_{lang}") or [re.sub(r"\s*\(.*\)", "", f).strip() for f in entry[lang].split(" / ")])


def first_uses(entries: list[dict], lang: str, lessons_dir: Path | None = None) -> dict[str, str | None]:
    """``{entry's en: stem}``: the first lesson (in course order) whose prose uses the entry's term; in English
    as a whole word (``EN_ENDINGS``)."""
    texts = [(ls.stem, prose(ls.path)) for ls in find_lessons(lessons_dir) if ls.lang == lang]
    start, end, flags = (r"(?<![\w-])", EN_ENDINGS, re.I) if lang == "en" else ("", "", 0)
    found = {}
    for e in entries:
        patterns = [re.compile(start + re.escape(f) + end, flags) for f in term_forms(e, lang)]
        found[e["en"]] = next((stem for stem, md in texts if any(p.search(md) for p in patterns)), None)
    return found


def glossary_markdown(entries: list[dict], lang: str, lessons_dir: Path | None = None) -> str:
    titles, first, other = lesson_titles(lang, lessons_dir), first_uses(entries, lang, lessons_dir), OTHER[lang]
    lines = []
    for e in sorted(entries, key=lambda e: e[lang].lower()):
        stem = first[e["en"]]
        link = f"[{titles[stem]}](lessons/{stem}.ipynb)" if stem in titles else "—"
        lines.append(f"| **{e[lang]}** | {e[other]} | {e['def_' + lang]} | {link} |")
    return text(lang)["glossary_page"] + "\n".join(lines) + "\n"


def build_markdown(docs_dir: Path, lang: str, reference: dict | None, lessons_dir: Path | None = None) -> str:
    """The run record of every lesson of this build, then the reference run (``make reference-run``)."""
    t, titles = text(lang), lesson_titles(lang, lessons_dir)
    records = {}
    for path in sorted((docs_dir / lang / "lessons").glob("*.ipynb")):
        if (run := executed_notebook_facts(path)[0]) is not None:
            records[path.stem] = run
    out = [t["build_page"] + "\n".join(f"| [{titles.get(stem, stem)}](lessons/{stem}.ipynb) | `{r['device']}` | "
                                         f"{r['torch']} | {r['wall_time_s']:.1f} s | {r['date']} |" for stem, r in records.items()),
           "", t["total"].format(count=len(records), seconds=sum(r["wall_time_s"] for r in records.values()),
                                 devices=", ".join(f"`{d}`" for d in sorted({r["device"] for r in records.values()})))]
    if reference:
        from course_lib.build.reference import code_digest

        lessons_dir = Path(lessons_dir or repo_root() / "lessons")
        out += ["", t["reference"].format(**reference).rstrip()]
        for stem, row in sorted(reference.get("lessons", {}).items()):
            path = lessons_dir / "en" / f"{stem}.py"
            changed = "" if path.exists() and code_digest(path) == row.get("code") else " " + t["code_changed"]
            mine = f"{records[stem]['wall_time_s']:.1f} s" if stem in records else "—"
            acc = f"{row['test_accuracy']:.4f}" if "test_accuracy" in row else ""
            epochs = "<br>".join(f"{what}: {s:.2f} s" for what, s in row.get("epoch_s", {}).items())
            out.append(f"| {titles.get(stem, stem)} | {mine} | {row['wall_time_s']:.1f} s{changed} | {acc} | {epochs} |")
    return "\n".join(out) + "\n"


def write_generated_pages(docs_dir: Path, lessons_dir: Path | None = None) -> list[Path]:
    """Write ``docs/<lang>/glossary.md`` and ``docs/<lang>/build.md``; return those that changed."""
    docs_dir = Path(docs_dir)
    entries = load_glossary(docs_dir / "glossary.yml")
    ref_path = docs_dir / "reference_run.json"
    reference = json.loads(ref_path.read_text(encoding="utf-8")) if ref_path.exists() else None
    changed = []
    for lang in LANGS:
        for name, content in (("glossary.md", glossary_markdown(entries, lang, lessons_dir)),
                              ("build.md", build_markdown(docs_dir, lang, reference, lessons_dir))):
            target = docs_dir / lang / name
            if write_atomic(target, content):
                changed.append(target)
    return changed
