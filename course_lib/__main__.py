"""``python -m course_lib data``: make FashionMNIST available (data folder, then apt, then download)."""
from __future__ import annotations

import sys

from course_lib.data import DEBIAN_DIR, RAW_FILES, DataNotFoundError, _apt_install, _have_raw, data_dir, ensure_fashion_mnist


def data() -> int:
    root = data_dir()
    if not _have_raw(root) and not all((DEBIAN_DIR / f"{n}.gz").is_file() for n in RAW_FILES):
        _apt_install("dataset-fashion-mnist")
    try:
        ensure_fashion_mnist(root)
    except DataNotFoundError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"[data] FashionMNIST ready in {root / 'FashionMNIST' / 'raw'}")
    return 0


if __name__ == "__main__":
    commands = {"data": data}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        print(f"usage: python -m course_lib {{{'|'.join(commands)}}}", file=sys.stderr)
        sys.exit(2)
    sys.exit(commands[sys.argv[1]]())
