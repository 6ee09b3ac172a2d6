"""Toy labels and outlets for the evaluation tests."""

from __future__ import annotations

import numpy as np


def grouped_labels(
    n_outlets: int, per: int = 4, labels: tuple[str, ...] = ("a", "b")
) -> tuple[np.ndarray, np.ndarray]:
    """`per` articles from each of `n_outlets` outlets; outlet i has label i mod k."""
    groups = [f"o{i}" for i in range(n_outlets) for _ in range(per)]
    y = [labels[i % len(labels)] for i in range(n_outlets) for _ in range(per)]
    return np.array(y, dtype=object), np.array(groups, dtype=object)
