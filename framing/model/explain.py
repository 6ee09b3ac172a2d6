"""Explain linear scores: each feature's signed contribution to a class.

For a linear classifier the decision function of class k is the intercept
plus the sum over features of ``coef[k, j] * x[j]``; :func:`explain_rows`
lists the largest of those terms for each article's predicted class, and
:func:`linear_parts` gets the coefficients out of a fitted classifier
(averaging the folds of a calibrated SVM).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse

__all__ = ["explain_rows", "linear_parts"]


def linear_parts(classifier: Any) -> tuple[np.ndarray, np.ndarray]:
    """Return the ``(coef, intercept)`` of a fitted linear classifier.

    For a :class:`~sklearn.calibration.CalibratedClassifierCV` the
    coefficients and intercepts of its underlying linear models (one per
    calibration fold) are averaged: explanations then describe the averaged
    linear decision function, not the sigmoid-calibrated probabilities,
    which are a monotone per-class rescaling of each fold's scores.

    Returns
    -------
    coef : ndarray of shape (n_rows, n_features)
        ``n_rows`` is 1 for a binary model (the row scores ``classes_[1]``)
        and the number of classes otherwise.
    intercept : ndarray of shape (n_rows,)
    """
    if hasattr(classifier, "calibrated_classifiers_"):
        parts = [c.estimator for c in classifier.calibrated_classifiers_]
        coef = np.mean([np.asarray(p.coef_, dtype=float) for p in parts], axis=0)
        icpt = np.mean(
            [np.atleast_1d(p.intercept_).astype(float) for p in parts], axis=0
        )
        return coef, icpt
    if not hasattr(classifier, "coef_"):
        from framing.errors import FramingError

        raise FramingError(
            f"cannot explain a {type(classifier).__name__}: not a linear model"
        )
    return (
        np.asarray(classifier.coef_, dtype=float),
        np.atleast_1d(classifier.intercept_).astype(float),
    )


def _signed(
    coef: np.ndarray,
    intercept: np.ndarray,
    pred: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row index into coef and sign for each predicted class index."""
    if coef.shape[0] == 1:
        sign = np.where(pred == 1, 1.0, -1.0)
        return np.zeros_like(pred), sign, sign * intercept[0]
    return pred, np.ones(len(pred)), intercept[pred]


def explain_rows(
    X: Any,
    coef: np.ndarray,
    intercept: np.ndarray,
    pred: np.ndarray,
    names: Sequence[str],
    *,
    top_k: int = 5,
) -> tuple[list[str], np.ndarray]:
    """Top-k signed linear contributions toward each row's predicted class.

    The contribution of feature j to class k is ``coef[k, j] * X[i, j]``
    (for a binary model, ``+coef`` toward ``classes_[1]`` and ``-coef``
    toward ``classes_[0]``); summed over all features and added to the
    class's intercept it gives the decision function.

    Parameters
    ----------
    X : sparse matrix or ndarray of shape (n, n_features)
        Transformed features.
    coef, intercept : see :func:`linear_parts`.
    pred : ndarray of int
        Predicted class index per row.
    names : sequence of str
        Display name per feature.
    top_k : int, default=5
        Contributions per row, by absolute value.

    Returns
    -------
    text : list of str
        ``"name=+0.420; name=-0.100"`` per row.
    totals : ndarray
        Sum of all contributions plus the intercept per row (the decision
        function for the predicted class).

    Examples
    --------
    >>> import numpy as np
    >>> text, total = explain_rows(np.array([[1.0, 2.0]]), np.array([[0.5, -1.0]]),
    ...                            np.array([0.1]), np.array([1]), ["a", "b"])
    >>> text[0], round(float(total[0]), 2)
    ('b=-2.000; a=+0.500', -1.4)
    """
    X = sparse.csr_matrix(X)
    pred = np.asarray(pred, dtype=int)
    rows, sign, base = _signed(coef, intercept, pred)
    counts = np.diff(X.indptr)
    row_of = np.repeat(np.arange(X.shape[0]), counts)
    contrib = X.data * coef[rows[row_of], X.indices] * sign[row_of]
    totals = np.bincount(row_of, weights=contrib, minlength=X.shape[0]) + base
    out = []
    for i in range(X.shape[0]):
        lo, hi = X.indptr[i], X.indptr[i + 1]
        vals = contrib[lo:hi]
        keep = np.nonzero(vals)[0]
        if len(keep) > top_k:
            keep = keep[np.argpartition(-np.abs(vals[keep]), top_k - 1)[:top_k]]
        keep = keep[np.lexsort((X.indices[lo:hi][keep], -np.abs(vals[keep])))]
        idx = X.indices[lo:hi]
        out.append("; ".join(f"{names[idx[j]]}={vals[j]:+.3f}" for j in keep))
    return out, totals
