"""Helpers the lessons of the torch.nn course import: device, seed, data, plotting.

Importing the package is light: nothing is downloaded, and torch/matplotlib load only when a helper
is first used (``from course_lib import show`` loads plotting). The site's build pipeline lives
apart, in ``course_lib.build``; no lesson needs it.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "CLASSES_EN": "data", "CLASSES_KO": "data", "DataNotFoundError": "data", "as_tensors": "data",
    "class_names": "data", "data_dir": "data", "ensure_fashion_mnist": "data", "load_fashion_mnist": "data",
    "describe_device": "device", "get_device": "device",
    "output_dir": "plotting", "show": "plotting",
    "seed_everything": "seed",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f"course_lib.{_EXPORTS[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'course_lib' has no attribute {name!r}")


def __dir__():
    return __all__
