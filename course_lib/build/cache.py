"""The build's one file writer and one cache policy: each folder under ``.cache/`` holds files named by
the hash of what they were made from; ``read`` marks an entry used, ``evict`` keeps the most recently used."""
from __future__ import annotations

import functools
import os
import tempfile
from importlib.metadata import version
from pathlib import Path

KEEP = 256  # entries each cache folder keeps: well above what one build of the course uses


def write_atomic(path: Path, data: str | bytes, keep: int | None = None) -> bool:
    """Write ``data`` to ``path`` whole or not at all (a build killed midway leaves whole files); False if it
    was there already. With ``keep``, then evict all but the ``keep`` most recently used files of the folder."""
    path = Path(path)
    data = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; pages and notebooks are served
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if keep is not None:
        evict(path.parent, keep)
    return True


def read(path: Path) -> bytes | None:
    """A cache entry's bytes (marking it used), or None if it is not there."""
    try:
        data = Path(path).read_bytes()
        os.utime(path)
        return data
    except OSError:
        return None


def evict(folder: Path, keep: int = KEEP, pattern: str = "[0-9a-f]*") -> None:
    """Delete all but the ``keep`` most recently used entries (files named by a hash) of ``folder``."""
    entries = []
    for p in Path(folder).glob(pattern):
        try:
            entries.append((p.stat().st_mtime_ns, p))
        except OSError:
            pass  # evicted by another build process meanwhile
    for _, old in sorted(entries)[:-keep]:
        old.unlink(missing_ok=True)


def file_version(path: Path) -> tuple[str, int, int]:
    """``(resolved path, mtime_ns, size)``: tells one version of a file from another, for memoised readers."""
    stat = Path(path).stat()
    return str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size


package_version = functools.cache(version)  # an installed distribution's version, read once per process
