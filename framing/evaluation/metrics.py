"""Classification metrics of predicted probabilities: F1, ROC AUC, calibration."""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Integral
from typing import Any

import numpy as np

from framing.errors import FramingError, ParameterError

__all__ = ["classification_metrics", "reliability_bins"]


def _check_bins(n_bins: Any) -> None:
    if not isinstance(n_bins, Integral) or n_bins < 1:
        raise ParameterError(f"`n_bins` must be an integer >= 1, got {n_bins!r}")


def reliability_bins(
    y_true: Sequence[Any],
    proba: np.ndarray,
    classes: Sequence[str],
    *,
    n_bins: int = 10,
) -> tuple[list[dict[str, Any]], float]:
    """Reliability of the top-label confidence, in equal-width bins.

    Returns
    -------
    bins : list of dict
        Per non-empty bin: ``lo``, ``hi``, ``n``, mean ``confidence`` and
        ``accuracy`` (share of articles whose top label is right).
    ece : float
        Expected calibration error: the ``n``-weighted mean of
        ``|accuracy - confidence|``.

    Examples
    --------
    >>> import numpy as np
    >>> bins, ece = reliability_bins(["a", "b"], np.array([[.9, .1], [.8, .2]]),
    ...                              ["a", "b"], n_bins=2)
    >>> [(b["n"], b["accuracy"]) for b in bins], round(ece, 2)
    ([(2, 0.5)], 0.35)
    """
    _check_bins(n_bins)
    proba = np.asarray(proba, dtype=float)
    truth = np.asarray(y_true, dtype=object)
    conf = proba.max(axis=1)
    right = np.asarray(classes, dtype=object)[proba.argmax(axis=1)] == truth
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    which = np.clip(np.digitize(conf, edges[1:-1], right=True), 0, n_bins - 1)
    bins, ece = [], 0.0
    for b in range(n_bins):
        mask = which == b
        n = int(mask.sum())
        if not n:
            continue
        c, a = float(conf[mask].mean()), float(right[mask].mean())
        ece += n / len(conf) * abs(a - c)
        bins.append(
            {
                "lo": round(float(edges[b]), 4),
                "hi": round(float(edges[b + 1]), 4),
                "n": n,
                "confidence": c,
                "accuracy": a,
            }
        )
    return bins, float(ece)


def classification_metrics(
    y_true: Sequence[Any],
    proba: np.ndarray,
    classes: Sequence[str],
    *,
    n_bins: int = 10,
) -> dict[str, Any]:
    """Metrics of predicted probabilities against true labels (JSON-ready).

    The prediction is the most probable class.

    Parameters
    ----------
    y_true : sequence of str
        True labels.
    proba : ndarray of shape (n, n_classes)
        Predicted probabilities, columns in the order of `classes`.
    classes : sequence of str
        Class names.
    n_bins : int, default=10
        Reliability bins.

    Returns
    -------
    dict
        ``n``, ``macro_f1``, ``accuracy``, ``roc_auc_ovr`` (macro mean of the
        one-vs-rest AUCs that are defined), ``brier`` (multi-class Brier score:
        mean squared distance between the probability vector and the one-hot
        label, in [0, 2]), ``ece``, ``per_class`` (precision, recall, f1,
        support, roc_auc), ``confusion`` (rows true, columns predicted, in
        ``labels`` order) and ``reliability`` (see :func:`reliability_bins`).

    Examples
    --------
    >>> import numpy as np
    >>> m = classification_metrics(["a", "b", "b"],
    ...                            np.array([[.8, .2], [.3, .7], [.6, .4]]), ["a", "b"])
    >>> m["accuracy"], m["confusion"]["matrix"]
    (0.6666666666666666, [[1, 0], [1, 1]])
    """
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

    truth, proba, classes = _checked(y_true, proba, classes, n_bins)
    pred = np.asarray(classes, dtype=object)[proba.argmax(axis=1)].astype(str)
    onehot = (truth[:, None] == np.asarray(classes)[None, :]).astype(float)
    per_class, aucs = _per_class(truth, pred, proba, onehot, classes)
    present = [c for c in classes if c in set(truth)]
    bins, ece = reliability_bins(truth, proba, classes, n_bins=n_bins)
    return {
        "n": len(truth),
        "macro_f1": float(
            f1_score(truth, pred, labels=present, average="macro", zero_division=0)
        ),
        "accuracy": float(accuracy_score(truth, pred)),
        "roc_auc_ovr": float(np.mean(aucs)) if aucs else None,
        "brier": float(((proba - onehot) ** 2).sum(axis=1).mean()),
        "ece": ece,
        "per_class": per_class,
        "confusion": {
            "labels": classes,
            "matrix": confusion_matrix(truth, pred, labels=classes).tolist(),
        },
        "reliability": bins,
    }


def _checked(
    y_true: Sequence[Any], proba: Any, classes: Sequence[Any], n_bins: int
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Check the inputs of :func:`classification_metrics`; return them as arrays."""
    _check_bins(n_bins)
    classes = [str(c) for c in classes]
    truth = np.asarray(y_true, dtype=object).astype(str)
    proba = np.asarray(proba, dtype=float)
    if proba.shape != (len(truth), len(classes)):
        raise ParameterError(
            f"`proba` has shape {proba.shape} for {len(truth)} labels (`y_true`) "
            f"and {len(classes)} `classes`"
        )
    unknown = sorted(set(truth) - set(classes))
    if unknown:
        raise FramingError(
            f"labels {', '.join(unknown)} are not among the model's classes "
            f"({', '.join(classes)})"
        )
    return truth, proba, classes


def _per_class(
    truth: np.ndarray,
    pred: np.ndarray,
    proba: np.ndarray,
    onehot: np.ndarray,
    classes: list[str],
) -> tuple[dict[str, dict[str, Any]], list[float]]:
    """Precision, recall, F1, support and one-vs-rest ROC AUC per class."""
    from sklearn.metrics import precision_recall_fscore_support, roc_auc_score

    p, r, f, s = precision_recall_fscore_support(
        truth, pred, labels=classes, zero_division=0
    )
    per_class: dict[str, dict[str, Any]] = {}
    aucs = []
    for i, c in enumerate(classes):
        auc = None
        if 0 < onehot[:, i].sum() < len(truth):
            auc = float(roc_auc_score(onehot[:, i], proba[:, i]))
            aucs.append(auc)
        per_class[c] = {
            "precision": float(p[i]),
            "recall": float(r[i]),
            "f1": float(f[i]),
            "support": int(s[i]),
            "roc_auc": auc,
        }
    return per_class, aucs
