"""Korean lessons against their English twins: ``python -m course_lib.build.i18n status`` lists, ``mark NN`` syncs."""
import hashlib
import re
import sys
from pathlib import Path

from course_lib.build.lessons import find_lessons, repo_root

UP_TO_DATE, OUTDATED, MISSING, UNRECORDED = "up to date", "outdated", "missing", "never synced"
_HEADER = re.compile(r"\A# ---\n(?:#.*\n)*?# ---\n\n?")
# course.synced_with_en, in a Korean lesson's Jupytext header: the version (hash) of its English twin it matches
_ENTRY = re.compile(r"^#\s+synced_with_en:.*\n", re.M)


def english_version(en_path: Path) -> str:
    text = _HEADER.sub("", en_path.read_text(encoding="utf-8").replace("\r\n", "\n"))  # the header excluded
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def status(ko_path: Path, en_path: Path) -> str:
    if not ko_path.exists():
        return MISSING
    header = _HEADER.match(ko_path.read_text(encoding="utf-8"))
    recorded = header and re.search(r"^#\s+synced_with_en:\s*['\"]?([0-9a-f]+)", header.group(0), re.M)
    if not recorded:
        return UNRECORDED
    return UP_TO_DATE if recorded.group(1) == english_version(en_path) else OUTDATED


def mark_synced(ko_path: Path, en_path: Path) -> str:
    """Record in the Korean file that it matches the English file as it is now; return the version."""
    version = english_version(en_path)
    text = ko_path.read_text(encoding="utf-8")
    if not _HEADER.match(text):  # no header: give it one with an empty entry, filled in below
        text = "# ---\n# jupyter:\n#   course:\n#     synced_with_en:\n# ---\n\n" + text
    header = _HEADER.match(text).group(0)
    if not _ENTRY.search(header):
        raise ValueError(f"{ko_path}: a header without a course.synced_with_en entry; add it by hand")
    ko_path.write_text(_ENTRY.sub(f"#     synced_with_en: {version}\n", header) + text[len(header):], encoding="utf-8")
    return version


def report(lessons_dir: Path | None = None) -> list[tuple[str, str]]:
    """``(stem, status)`` for every lesson that exists in English or Korean."""
    lessons_dir = lessons_dir or repo_root() / "lessons"
    stems = sorted({ls.stem for ls in find_lessons(lessons_dir)})
    pairs = [(stem, lessons_dir / "ko" / f"{stem}.py", lessons_dir / "en" / f"{stem}.py") for stem in stems]
    return [(stem, status(ko, en) if en.exists() else "no English twin") for stem, ko, en in pairs]


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["status"]:
        rows = report()
        for stem, state in rows:
            print(f"  {stem:32s} {state}")
        print(f"{sum(state == UP_TO_DATE for _, state in rows)}/{len(rows)} Korean lessons up to date")
    elif args[:1] == ["mark"] and len(args) > 1:
        for lesson in find_lessons():
            if lesson.lang == "ko" and lesson.stem.startswith(tuple(args[1:])):
                version = mark_synced(lesson.path, lesson.path.parents[1] / "en" / lesson.path.name)
                print(f"  {lesson.stem}: synced with en {version}")
    else:
        print("usage: python -m course_lib.build.i18n status | mark NN [NN ...]", file=sys.stderr)
        sys.exit(2)
