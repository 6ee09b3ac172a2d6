"""Bootstrap resampling: the draws every confidence interval in framing uses.

Shared by the outlet aggregates (:mod:`framing.scoring.aggregate`) and the
report's lexicon framing index (:mod:`framing.report.data`), so both draw the
same resamples from the same seed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

__all__ = ["bootstrap_batches"]


def bootstrap_batches(
    n: int,
    *,
    n_boot: int,
    seed: int | Sequence[int] = 0,
    max_cells: int = 2_000_000,
) -> Iterator[tuple[int, np.ndarray]]:
    """Yield bootstrap resamples of ``n`` units as index arrays, in batches.

    Each batch is ``(first resample number, indices of shape (b, n))``;
    batches hold at most ``max_cells`` indices, which bounds memory.

    Examples
    --------
    >>> [(start, idx.shape) for start, idx in bootstrap_batches(4, n_boot=3)]
    [(0, (3, 4))]
    """
    rng = np.random.default_rng(seed)
    step = max(1, max_cells // max(n, 1))
    for start in range(0, n_boot, step):
        yield start, rng.integers(0, n, size=(min(step, n_boot - start), n))
