"""FashionMNIST, found offline first: the course data folder, then the Debian package, then a download.

Lessons 09 and 10 use it. Class names come in English and Korean for bilingual figure titles.
"""
from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import torch

#: Where the Debian/Ubuntu package ``dataset-fashion-mnist`` puts the four files.
DEBIAN_DIR = Path("/usr/share/datasets/fashion-mnist")
#: The four files torchvision expects under ``<data>/FashionMNIST/raw/``.
RAW_FILES = (
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
)
CLASSES_EN = (
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
)
CLASSES_KO = (
    "티셔츠/상의", "바지", "풀오버", "드레스", "코트",
    "샌들", "셔츠", "운동화", "가방", "앵클부츠",
)


class DataNotFoundError(RuntimeError):
    """FashionMNIST is not on this machine and could not be downloaded."""


def data_dir() -> Path:
    """The course data folder: ``$COURSE_DATA_DIR`` if set; else ``data/`` at the root of the course's
    source tree when this package is used from it; else (installed from the wheel) ``data/`` in the
    current folder."""
    env = os.environ.get("COURSE_DATA_DIR")
    if env:
        return Path(env)
    source_tree = Path(__file__).resolve().parent.parent
    if (source_tree / "lessons").is_dir() and (source_tree / "course_lib" / "build").is_dir():
        return source_tree / "data"
    return Path.cwd() / "data"


def class_names(lang: str | None = None) -> list[str]:
    """Class names in ``"en"``, ``"ko"``, or both as ``"Sneaker / 운동화"`` when ``lang`` is None."""
    if lang == "en":
        return list(CLASSES_EN)
    if lang == "ko":
        return list(CLASSES_KO)
    return [f"{en} / {ko}" for en, ko in zip(CLASSES_EN, CLASSES_KO)]


def _have_raw(root: Path) -> bool:
    raw = root / "FashionMNIST" / "raw"
    return all((raw / name).is_file() for name in RAW_FILES)


def _copy_from_debian(root: Path, source: Path | None = None) -> bool:
    """Decompress the Debian package's files into ``root/FashionMNIST/raw``; False if they are absent."""
    source = source or DEBIAN_DIR
    if not all((source / f"{name}.gz").is_file() for name in RAW_FILES):
        return False
    raw = root / "FashionMNIST" / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for name in RAW_FILES:
        if (raw / name).is_file():
            continue
        tmp = raw / f".{name}.part"
        with gzip.open(source / f"{name}.gz", "rb") as src, open(tmp, "wb") as dst:
            shutil.copyfileobj(src, dst)
        os.replace(tmp, raw / name)  # atomic: a half-copied file is never taken for a whole one
    return True


def ensure_fashion_mnist(root: Path | str | None = None, download: bool = True) -> Path:
    """Make sure the four raw files are in ``root`` (default: ``data_dir()``); return ``root``.

    Order: files already there, then the Debian package, then torchvision's download.
    Raises DataNotFoundError with both fixes when none works.
    """
    root = Path(root) if root is not None else data_dir()
    if _have_raw(root) or _copy_from_debian(root):
        return root  # no torch import: the build process checks the data before every execution
    if download:
        try:
            from torchvision import datasets

            datasets.FashionMNIST(str(root), train=True, download=True)
            datasets.FashionMNIST(str(root), train=False, download=True)
            return root
        except Exception as exc:  # no network, proxy, disk full ...
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
    else:
        reason = "download disabled"
    raise DataNotFoundError(
        f"FashionMNIST was not found in {root / 'FashionMNIST' / 'raw'} nor in {DEBIAN_DIR}, "
        f"and downloading it failed ({reason}).\n"
        "Fix it in one of two ways:\n"
        "  1. On Debian/Ubuntu: sudo apt-get update && sudo apt-get install dataset-fashion-mnist\n"
        f"  2. Copy the four files {', '.join(f + '.gz' for f in RAW_FILES)}\n"
        "     (from the Fashion-MNIST repository) into "
        f"{root / 'FashionMNIST' / 'raw'} and run again\n"
        "     (set COURSE_DATA_DIR to use another data folder)."
    )


def load_fashion_mnist(root: Path | str | None = None, transform=None, download: bool = True):
    """Return ``(train_set, test_set)`` as torchvision ``FashionMNIST`` datasets.

    Each item is ``(image, label)``; with the default transform ``ToTensor()`` the image is a
    float tensor of shape ``(1, 28, 28)`` in ``[0, 1]`` and the label an ``int`` in ``0..9``.
    """
    root = ensure_fashion_mnist(root, download=download)  # before torchvision: a missing file fails fast
    from torchvision import datasets, transforms

    transform = transform if transform is not None else transforms.ToTensor()
    train_set = datasets.FashionMNIST(str(root), train=True, download=False, transform=transform)
    test_set = datasets.FashionMNIST(str(root), train=False, download=False, transform=transform)
    return train_set, test_set


def as_tensors(dataset, device: torch.device | str = "cpu") -> tuple[torch.Tensor, torch.Tensor]:
    """Whole FashionMNIST split as tensors on ``device``: images ``(N, 1, 28, 28)`` float in [0, 1], labels ``(N,)`` int64.

    The same values ``ToTensor()`` gives, without a per-item Python loop (lesson 10 writes it out as plain code: its fast path).
    """
    import torch

    X = dataset.data.unsqueeze(1).to(device=device, dtype=torch.float32) / 255.0
    y = dataset.targets.to(device=device, dtype=torch.int64)
    return X, y


if __name__ == "__main__":  # ``python -m course_lib.data`` (``make data``): fetch it now
    import sys

    try:
        print(f"FashionMNIST ready in {ensure_fashion_mnist() / 'FashionMNIST' / 'raw'}")
    except DataNotFoundError as err:
        sys.exit(f"error: {err}")
