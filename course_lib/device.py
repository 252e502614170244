"""Device choice (CUDA -> MPS -> CPU) and a one-line description for run records.

Lesson 03 teaches the plain-PyTorch version of `get_device`.
"""
from __future__ import annotations

import torch


def get_device() -> torch.device:
    """Return the best available device: CUDA, then Apple MPS, then CPU."""
    if torch.cuda.is_available():
        return torch.device("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def describe_device(device: torch.device | str | None = None, threads: int | None = None) -> str:
    """One line naming the device, e.g. ``cuda: NVIDIA H100 80GB HBM3`` or ``cpu: 2 threads``.

    ``threads``: the CPU thread count to report (default: this process's ``torch.get_num_threads()``).
    """
    device = torch.device(device) if device is not None else get_device()
    if device.type == "cuda":
        return f"cuda: {torch.cuda.get_device_name(device)}"
    if device.type == "mps":
        return "mps: Apple GPU"
    n = threads or torch.get_num_threads()
    return f"cpu: {n} thread{'s' if n != 1 else ''}"
