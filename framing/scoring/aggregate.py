"""Per-outlet aggregates of article scores, with bootstrap intervals.

:func:`aggregate_by_outlet` builds the outlet table from a scored corpus in
memory; :class:`OutletAccumulator` builds the same table chunk by chunk
while a corpus streams through scoring. Intervals are percentile bootstrap
intervals of the mean (:func:`bootstrap_mean_ci`), each outlet's resamples
seeded by the seed and the outlet's name, so the table does not depend on
chunking or on the order of outlets.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from framing.bootstrap import bootstrap_batches
from framing.columns import OUTLET, STATUS

__all__ = [
    "NO_OUTLET",
    "RATE",
    "OutletAccumulator",
    "aggregate_by_outlet",
    "bootstrap_mean_ci",
    "outlet_keys",
]

NO_OUTLET = "(no outlet)"
RATE = "rate:"


def bootstrap_mean_ci(
    values: np.ndarray,
    *,
    n_boot: int = 1000,
    ci: float = 0.95,
    seed: int | Sequence[int] = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Column means with percentile bootstrap confidence intervals.

    Resamples rows with replacement `n_boot` times (vectorised, in batches
    that bound memory). One row gives no interval: its ``lo`` and ``hi`` are
    NaN (every resample would be that row, a zero-width interval that looks
    certain); no rows give NaN means too.

    Parameters
    ----------
    values : ndarray of shape (n, k)
        One row per article.
    n_boot : int, default=1000
        Resamples.
    ci : float, default=0.95
        Interval coverage.
    seed : int or sequence of int, default=0
        Seed of :func:`numpy.random.default_rng`.

    Returns
    -------
    mean, lo, hi : ndarray of shape (k,)
        ``lo`` and ``hi`` are NaN with fewer than 2 rows.

    Examples
    --------
    >>> import numpy as np
    >>> m, lo, hi = bootstrap_mean_ci(np.array([[0.0], [1.0], [1.0], [0.0]]))
    >>> float(m[0]), bool(lo[0] <= 0.5 <= hi[0])
    (0.5, True)
    >>> [float(a[0]) for a in bootstrap_mean_ci(np.array([[0.7]]))]
    [0.7, nan, nan]
    """
    values = np.asarray(values, dtype=float)
    n, k = values.shape
    if n < 2:
        nan = np.full(k, np.nan)
        return (values.mean(axis=0) if n else nan), nan, nan.copy()
    means = np.empty((n_boot, k))
    for start, idx in bootstrap_batches(n, n_boot=n_boot, seed=seed):
        means[start : start + len(idx)] = values[idx].mean(axis=1)
    tail = (1 - ci) / 2 * 100
    lo, hi = np.percentile(means, [tail, 100 - tail], axis=0)
    return values.mean(axis=0), lo, hi


def _outlet_seed(seed: int, outlet: str) -> list[int]:
    return [seed, zlib.crc32(outlet.encode("utf-8"))]


def outlet_keys(table: pd.DataFrame) -> np.ndarray:
    """Outlet names of a table's rows as group keys.

    A missing outlet (or no ``outlet`` column) becomes :data:`NO_OUTLET`.
    """
    values = table[OUTLET] if OUTLET in table else [None] * len(table)
    return np.asarray(
        [o if isinstance(o, str) and o else NO_OUTLET for o in values], dtype=object
    )


def aggregate_by_outlet(
    scores: pd.DataFrame,
    *,
    classes: Sequence[str] | None = None,
    rates: pd.DataFrame | None = None,
    n_boot: int = 1000,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Build the outlet table from per-article scores.

    Parameters
    ----------
    scores : DataFrame
        Per-article scores (:func:`score_documents`): ``outlet``, ``status``,
        ``predicted``, ``p_<class>``.
    classes : sequence of str, optional
        Default: from the ``p_`` columns.
    rates : DataFrame, optional
        Per-article framing rates aligned with `scores`; their means per
        outlet are added as ``rate:<feature>`` columns.
    n_boot, ci, seed
        Bootstrap settings (:func:`bootstrap_mean_ci`); each outlet's
        resamples are seeded by `seed` and the outlet's name.

    Returns
    -------
    DataFrame
        One row per outlet (sorted): ``outlet``, ``n_articles`` (scored),
        ``n_rows``, then per class ``p_<c>_mean``, ``p_<c>_lo``, ``p_<c>_hi``
        (NaN bounds for an outlet with fewer than 2 scored articles),
        then per class ``share_<c>`` (share of articles predicted ``c``),
        then the rate means.
    """
    if classes is None:
        classes = [c[2:] for c in scores.columns if c.startswith("p_")]
    ok = (scores[STATUS] == "ok").to_numpy()
    outlets = outlet_keys(scores)
    proba = scores[[f"p_{c}" for c in classes]].to_numpy(dtype=float)
    acc = OutletAccumulator(list(classes), n_boot=n_boot, ci=ci, seed=seed)
    rate_values = rates.to_numpy(dtype=float) if rates is not None else None
    acc.add(
        outlets,
        ok,
        proba,
        rate_values,
        list(rates.columns) if rates is not None else None,
    )
    return acc.table()


@dataclass
class OutletAccumulator:
    """Accumulate per-outlet aggregates chunk by chunk (no texts kept).

    Keeps each scored article's class probabilities (a few floats) for the
    bootstrap, and running sums for label shares and framing rates.
    """

    classes: list[str]
    n_boot: int = 1000
    ci: float = 0.95
    seed: int = 0
    _proba: dict[str, list[np.ndarray]] = field(default_factory=dict)
    _rows: dict[str, int] = field(default_factory=dict)
    _rate_sum: dict[str, np.ndarray] = field(default_factory=dict)
    _rate_n: dict[str, int] = field(default_factory=dict)
    _rate_names: list[str] | None = None

    def add(
        self,
        outlets: np.ndarray,
        ok: np.ndarray,
        proba: np.ndarray | None,
        rates: np.ndarray | None,
        rate_names: Sequence[str] | None,
    ) -> None:
        """Add one chunk: outlet keys, ok mask, probabilities, rates."""
        if rate_names is not None:
            self._rate_names = list(rate_names)
        for outlet in np.unique(outlets):
            mask = outlets == outlet
            self._rows[outlet] = self._rows.get(outlet, 0) + int(mask.sum())
            good = mask & ok
            if proba is not None:
                self._proba.setdefault(outlet, []).append(
                    proba[good].astype(np.float32)
                )
            if rates is not None:
                r = rates[good]
                self._rate_sum[outlet] = self._rate_sum.get(outlet, 0) + np.nansum(
                    r, axis=0
                )
                self._rate_n[outlet] = self._rate_n.get(outlet, 0) + len(r)

    def table(self) -> pd.DataFrame:
        """Return the outlet table (see :func:`aggregate_by_outlet`)."""
        rows = []
        for outlet in sorted(self._rows):
            row: dict[str, Any] = {OUTLET: outlet, "n_rows": self._rows[outlet]}
            if self._proba:
                parts = self._proba.get(outlet, [])
                p = (
                    np.vstack(parts).astype(float)
                    if parts
                    else np.zeros((0, len(self.classes)))
                )
                row["n_articles"] = len(p)
                mean, lo, hi = bootstrap_mean_ci(
                    p,
                    n_boot=self.n_boot,
                    ci=self.ci,
                    seed=_outlet_seed(self.seed, outlet),
                )
                for j, c in enumerate(self.classes):
                    row[f"p_{c}_mean"], row[f"p_{c}_lo"], row[f"p_{c}_hi"] = (
                        mean[j],
                        lo[j],
                        hi[j],
                    )
                top = p.argmax(axis=1) if len(p) else np.zeros(0, dtype=int)
                for j, c in enumerate(self.classes):
                    row[f"share_{c}"] = float((top == j).mean()) if len(p) else np.nan
            else:
                row["n_articles"] = self._rate_n.get(outlet, 0)
            if self._rate_names is not None:
                n = self._rate_n.get(outlet, 0)
                sums = self._rate_sum.get(outlet)
                for j, name in enumerate(self._rate_names):
                    row[_rate_column(name)] = (
                        float(sums[j] / n) if n and sums is not None else np.nan
                    )
            rows.append(row)
        # Named columns also give an empty corpus a table with its header.
        return pd.DataFrame(
            rows, columns=[OUTLET, "n_articles", "n_rows", *self._columns()]
        )

    def _columns(self) -> list[str]:
        """Return the per-class and rate columns, in table order."""
        cols = [f"p_{c}_{k}" for c in self.classes for k in ("mean", "lo", "hi")]
        cols += [f"share_{c}" for c in self.classes]
        return cols + [_rate_column(n) for n in self._rate_names or []]


def _rate_column(name: str) -> str:
    return name if name.startswith(RATE) else RATE + name
