"""Translation status: which version of its English twin each Korean lesson was last synced with.

A Korean lesson records it in its Jupytext header (``course.synced_with_en``: a hash of the English
file). ``python -m course_lib.build.i18n status`` lists every lesson as up to date, outdated or missing;
``python -m course_lib.build.i18n mark 03`` records that the Korean lesson 03 now matches its English twin.
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

from course_lib.build.lessons import find_lessons, repo_root

KEY = "synced_with_en"
UP_TO_DATE, OUTDATED, MISSING, UNRECORDED = "up to date", "outdated", "missing", "never synced"
_HEADER = re.compile(r"\A# ---\n(?:#.*\n)*?# ---\n\n?")


def english_version(en_path: Path) -> str:
    """Short hash of an English lesson's text (its Jupytext header excluded)."""
    text = _HEADER.sub("", Path(en_path).read_text(encoding="utf-8").replace("\r\n", "\n"))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def recorded_version(ko_path: Path) -> str | None:
    """The English version a Korean lesson says it matches, or None."""
    header = _HEADER.match(Path(ko_path).read_text(encoding="utf-8"))
    m = re.search(rf"^#\s+{KEY}:\s*['\"]?([0-9a-f]+)", header.group(0), re.M) if header else None
    return m.group(1) if m else None


def status(ko_path: Path, en_path: Path) -> str:
    """``up to date``, ``outdated``, ``missing`` (no Korean file) or ``never synced``."""
    if not Path(ko_path).exists():
        return MISSING
    recorded = recorded_version(ko_path)
    if recorded is None:
        return UNRECORDED
    return UP_TO_DATE if recorded == english_version(en_path) else OUTDATED


def mark_synced(ko_path: Path, en_path: Path) -> str:
    """Record in the Korean file that it matches the English file as it is now; return the version."""
    ko_path = Path(ko_path)
    version = english_version(en_path)
    text = ko_path.read_text(encoding="utf-8")
    header = _HEADER.match(text)
    line = f"#     {KEY}: {version}\n"
    if header is None:
        text = f"# ---\n# jupyter:\n#   course:\n{line}# ---\n\n" + text
    elif re.search(rf"^#\s+{KEY}:", header.group(0), re.M):
        new = re.sub(rf"^#\s+{KEY}:.*\n", line, header.group(0), flags=re.M)
        text = new + text[header.end():]
    else:
        raise ValueError(f"{ko_path}: a header without a course.{KEY} entry; add it by hand")
    ko_path.write_text(text, encoding="utf-8")
    return version


def report(lessons_dir: Path | None = None) -> list[tuple[str, str]]:
    """``(stem, status)`` for every lesson that exists in English or Korean."""
    lessons_dir = lessons_dir or repo_root() / "lessons"
    stems = sorted({ls.stem for ls in find_lessons(lessons_dir)})
    rows = []
    for stem in stems:
        en, ko = lessons_dir / "en" / f"{stem}.py", lessons_dir / "ko" / f"{stem}.py"
        rows.append((stem, status(ko, en) if en.exists() else "no English twin"))
    return rows


def main(argv: list[str]) -> int:
    if argv[:1] == ["status"]:
        rows = report()
        for stem, state in rows:
            print(f"  {stem:32s} {state}")
        stale = [s for s, state in rows if state != UP_TO_DATE]
        print(f"{len(rows) - len(stale)}/{len(rows)} Korean lessons up to date")
        return 0
    if argv[:1] == ["mark"] and len(argv) > 1:
        root = repo_root() / "lessons"
        for lesson in find_lessons(root):
            if lesson.lang == "ko" and any(lesson.stem.startswith(a) or a == lesson.stem for a in argv[1:]):
                print(f"  {lesson.stem}: synced with en {mark_synced(lesson.path, root / 'en' / lesson.path.name)}")
        return 0
    print("usage: python -m course_lib.build.i18n status | mark NN [NN ...]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
