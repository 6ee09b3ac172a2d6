"""Evaluation that means something: outlet-held-out cross-validation.

Outlet style is easy to memorise, so a model is judged by cross-validation
*grouped by outlet* (no outlet ever in both the training and the test folds
of a split): :func:`framing.evaluation.folds.outlet_splits`. The same metrics from a
random stratified split (:func:`framing.evaluation.folds.random_splits`), where every
outlet is seen in training, are reported beside them as an optimistic
figure, so the gap (the part of the score owed to recognising outlets) is
visible. :func:`evaluate_cv` runs both and scores the out-of-fold
probabilities with :func:`framing.evaluation.metrics.classification_metrics`;
:func:`framing.evaluation.table.format_metrics` prints them as a table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from framing.errors import ParameterError
from framing.evaluation.folds import CVMode, Split, outlet_splits, random_splits
from framing.evaluation.metrics import classification_metrics

__all__ = ["OPTIMISTIC", "cross_validate", "evaluate_cv"]

#: The label of the random-split column in every report.
OPTIMISTIC = "optimistic: outlets seen in training"


def cross_validate(
    make_estimator: Callable[[], Any],
    X: Sequence[Any],
    y: Sequence[Any],
    splits: Sequence[Split],
    *,
    classes: Sequence[str] | None = None,
) -> np.ndarray:
    """Out-of-fold predicted probabilities for every article.

    Parameters
    ----------
    make_estimator : callable
        Returns a fresh unfitted estimator with ``predict_proba``.
    X : sequence
        Inputs (e.g. texts), indexable by the split indices.
    y : sequence of str
        Labels.
    splits : sequence of (train, test) index arrays
        Each article must be in exactly one test fold.
    classes : sequence of str, optional
        Column order of the result; default: sorted labels.

    Returns
    -------
    ndarray of shape (n_articles, n_classes)
        A fold's model that never saw a class gives it probability 0.
    """
    y = np.asarray(y, dtype=object)
    classes = list(classes) if classes is not None else sorted(set(y))
    col = {c: i for i, c in enumerate(classes)}
    out = np.full((len(y), len(classes)), np.nan)
    for tr, te in splits:
        est = make_estimator()
        est.fit(_take(X, tr), y[tr])
        proba = est.predict_proba(_take(X, te))
        cols = [col[c] for c in est.classes_]
        block = np.zeros((len(te), len(classes)))
        block[:, cols] = proba
        out[te] = block
    if np.isnan(out).any():
        raise ParameterError("`splits` leave some articles out of every test fold")
    return out


def _take(X: Any, idx: np.ndarray) -> Any:
    if hasattr(X, "iloc"):
        return X.iloc[idx]
    if isinstance(X, np.ndarray) or hasattr(X, "tocsr"):
        return X[idx]
    return [X[i] for i in idx]


def evaluate_cv(
    make_estimator: Callable[[], Any],
    X: Sequence[Any],
    y: Sequence[Any],
    groups: Sequence[Any],
    *,
    classes: Sequence[str] | None = None,
    n_splits: int = 5,
    mode: CVMode = "auto",
    seed: int = 0,
    random_split: bool = True,
    splits: Sequence[Split] | None = None,
) -> dict[str, Any]:
    """Outlet-held-out cross-validation, with the random split beside it.

    Parameters
    ----------
    make_estimator : callable
        Returns a fresh estimator with ``fit`` and ``predict_proba``.
    X, y, groups : sequences
        Inputs, labels and outlets, aligned.
    classes : sequence of str, optional
        Class order (default: sorted labels).
    n_splits, mode : see :func:`outlet_splits`.
    seed : int, default=0
        Seed of the random split.
    random_split : bool, default=True
        Also run the optimistic random split.
    splits : sequence of (train, test), optional
        Use these outlet-held-out splits instead of making them.

    Returns
    -------
    dict
        ``grouped`` and (unless disabled) ``random``: each the metrics of the
        pooled out-of-fold predictions (:func:`classification_metrics`) plus
        ``cv`` (description), ``n_folds``, ``n_outlets`` and
        ``fold_macro_f1`` (per test fold); the random one is labelled
        :data:`OPTIMISTIC` in ``note``.
    """
    y = np.asarray(y, dtype=object).astype(str)
    groups = np.asarray(groups, dtype=object)
    classes = list(classes) if classes is not None else sorted(set(y))
    if splits is None:
        splits, how = outlet_splits(y, groups, n_splits=n_splits, mode=mode)
    else:
        how = f"{len(splits)} given outlet-held-out splits"
    runs: dict[str, tuple[Sequence[Split], str, str | None]] = {
        "grouped": (splits, how, None)
    }
    if random_split:
        rs, rhow = random_splits(
            y, n_splits=len(splits) if len(splits) <= 10 else n_splits, seed=seed
        )
        runs["random"] = (rs, rhow, OPTIMISTIC)
    report: dict[str, Any] = {}
    n_outlets = len(np.unique(groups.astype(str)))
    for name, (sp, desc, note) in runs.items():
        proba = cross_validate(make_estimator, X, y, sp, classes=classes)
        m = classification_metrics(y, proba, classes)
        m.update(
            cv=desc,
            n_folds=len(sp),
            n_outlets=n_outlets,
            note=note,
            fold_macro_f1=_fold_f1(y, proba, classes, sp),
        )
        report[name] = m
    return report


def _fold_f1(
    y: np.ndarray, proba: np.ndarray, classes: list[str], splits: Sequence[Split]
) -> list[float]:
    from sklearn.metrics import f1_score

    pred = np.asarray(classes, dtype=object)[proba.argmax(axis=1)]
    return [
        float(f1_score(y[te], pred[te], average="macro", zero_division=0))
        for _, te in splits
    ]
