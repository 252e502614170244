"""Seeding for reproducible lesson outputs."""
from __future__ import annotations

import random

import torch


def seed_everything(seed: int = 0) -> torch.Generator:
    """Seed Python's and PyTorch's random generators (all devices); return a CPU generator seeded alike.

    The returned generator is handy for a ``DataLoader(..., generator=g)`` whose shuffling must repeat.
    """
    random.seed(seed)
    torch.manual_seed(seed)  # also seeds CUDA and MPS
    return torch.Generator().manual_seed(seed)
