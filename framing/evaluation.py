"""Evaluation that means something: outlet-held-out cross-validation.

Outlet style is easy to memorise, so a model is judged by cross-validation
*grouped by outlet* (no outlet ever in both the training and the test folds
of a split): :func:`outlet_splits`. The same metrics from a random stratified
split (:func:`random_splits`), where every outlet is seen in training, are
reported beside them as an optimistic figure, so the gap (the part of the
score owed to recognising outlets) is visible. :func:`classification_metrics`
computes macro-F1, accuracy, per-class precision / recall / F1, one-vs-rest
ROC AUC, the confusion matrix and calibration (Brier score, reliability bins,
expected calibration error) from predicted probabilities;
:func:`format_metrics` prints them as a table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

import numpy as np

from framing.exceptions import FramingError

__all__ = [
    "OPTIMISTIC",
    "classification_metrics",
    "cross_validate",
    "evaluate_cv",
    "format_metrics",
    "outlet_splits",
    "random_splits",
    "reliability_bins",
]

CVMode = Literal["auto", "group-kfold", "logo"]
Split = tuple[np.ndarray, np.ndarray]

#: The label of the random-split column in every report.
OPTIMISTIC = "optimistic: outlets seen in training"
#: ``mode="auto"`` uses LeaveOneGroupOut below this many outlets.
LOGO_BELOW = 10


def _check_groups(y: np.ndarray, groups: np.ndarray) -> None:
    if len(y) != len(groups):
        raise FramingError(f"{len(y)} labels but {len(groups)} outlets")
    missing = np.array([g is None or g != g or g == "" for g in groups])
    if missing.any():
        raise FramingError(
            f"{int(missing.sum())} article(s) have no outlet; outlet-held-out "
            "evaluation needs an outlet for every article (--outlet-col)"
        )
    outlets = np.unique(groups.astype(str))
    if len(outlets) < 3:
        raise FramingError(
            f"too few outlets for outlet-held-out cross-validation: "
            f"{len(outlets)} ({', '.join(outlets)}); need at least 3, with 2 per "
            "label. Add outlets, or train with --no-eval"
        )
    for label in np.unique(y):
        have = np.unique(groups[y == label].astype(str))
        if len(have) < 2:
            raise FramingError(
                f"label {label!r} has articles from only one outlet ({have[0]}); "
                "outlet-held-out cross-validation needs at least 2 outlets per "
                "label. Add outlets, or train with --no-eval"
            )


def outlet_splits(
    y: Sequence[Any],
    groups: Sequence[Any],
    *,
    n_splits: int = 5,
    mode: CVMode = "auto",
) -> tuple[list[Split], str]:
    """Return train/test index splits in which no outlet is on both sides.

    Parameters
    ----------
    y : sequence
        Labels (used to check that every training fold has two classes).
    groups : sequence of str
        The outlet of every article.
    n_splits : int, default=5
        Folds for :class:`~sklearn.model_selection.GroupKFold`.
    mode : {"auto", "group-kfold", "logo"}, default="auto"
        ``"logo"`` holds out one outlet at a time (LeaveOneGroupOut);
        ``"auto"`` does so when there are fewer than 10 outlets or fewer
        outlets than `n_splits`, and uses GroupKFold otherwise.

    Returns
    -------
    splits : list of (ndarray, ndarray)
        Train and test indices.
    description : str
        E.g. ``"GroupKFold(5) by outlet"``.

    Raises
    ------
    FramingError
        With fewer than 3 outlets, a label found in only one outlet, or a
        split whose training side holds a single label.

    Examples
    --------
    >>> y = ["a", "a", "b", "b", "a", "b"]
    >>> g = ["o1", "o2", "o3", "o4", "o1", "o3"]
    >>> splits, how = outlet_splits(y, g)
    >>> how, len(splits)
    ('LeaveOneGroupOut (one outlet held out per fold)', 4)
    """
    from sklearn.model_selection import GroupKFold, LeaveOneGroupOut

    y = np.asarray(y, dtype=object)
    groups = np.asarray(groups, dtype=object)
    _check_groups(y, groups)
    n_groups = len(np.unique(groups.astype(str)))
    if mode not in ("auto", "group-kfold", "logo"):
        raise FramingError(f"mode must be auto, group-kfold or logo; got {mode!r}")
    if n_splits < 2:
        raise FramingError(f"n_splits must be at least 2, got {n_splits}")
    logo = mode == "logo" or (
        mode == "auto" and (n_groups < LOGO_BELOW or n_groups < n_splits)
    )
    if logo:
        cv: Any = LeaveOneGroupOut()
        how = "LeaveOneGroupOut (one outlet held out per fold)"
    else:
        if n_groups < n_splits:
            raise FramingError(
                f"GroupKFold({n_splits}) needs at least {n_splits} outlets; "
                f"got {n_groups}. Use fewer folds or LeaveOneGroupOut"
            )
        cv = GroupKFold(n_splits)
        how = f"GroupKFold({n_splits}) by outlet"
    splits = [(tr, te) for tr, te in cv.split(y, y, groups.astype(str))]
    for tr, te in splits:
        if len(np.unique(y[tr])) < 2:
            held = ", ".join(np.unique(groups[te].astype(str))[:5])
            raise FramingError(
                f"holding out {held} leaves a single label in training; "
                "outlet-held-out cross-validation needs more outlets per label"
            )
    return splits, how


def random_splits(
    y: Sequence[Any], *, n_splits: int = 5, seed: int = 0
) -> tuple[list[Split], str]:
    """Return stratified random splits (outlets seen in training: optimistic).

    Examples
    --------
    >>> splits, how = random_splits(["a", "b"] * 5, n_splits=2)
    >>> how
    'StratifiedKFold(2), random split'
    """
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(y, dtype=object).astype(str)
    smallest = int(np.unique(y, return_counts=True)[1].min())
    k = max(2, min(n_splits, smallest))
    if smallest < 2:
        raise FramingError(
            "a label has a single article; the random split needs at least 2"
        )
    cv = StratifiedKFold(k, shuffle=True, random_state=seed)
    return list(cv.split(y, y)), f"StratifiedKFold({k}), random split"


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
        raise FramingError("the splits leave some articles out of every test fold")
    return out


def _take(X: Any, idx: np.ndarray) -> Any:
    if hasattr(X, "iloc"):
        return X.iloc[idx]
    if isinstance(X, np.ndarray) or hasattr(X, "tocsr"):
        return X[idx]
    return [X[i] for i in idx]


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
    from sklearn.metrics import (
        accuracy_score,
        confusion_matrix,
        f1_score,
        precision_recall_fscore_support,
        roc_auc_score,
    )

    classes = [str(c) for c in classes]
    truth = np.asarray(y_true, dtype=object).astype(str)
    proba = np.asarray(proba, dtype=float)
    if proba.shape != (len(truth), len(classes)):
        raise FramingError(
            f"probabilities of shape {proba.shape} for {len(truth)} labels and "
            f"{len(classes)} classes"
        )
    unknown = sorted(set(truth) - set(classes))
    if unknown:
        raise FramingError(
            f"labels {', '.join(unknown)} are not among the model's classes "
            f"({', '.join(classes)})"
        )
    pred = np.asarray(classes, dtype=object)[proba.argmax(axis=1)].astype(str)
    p, r, f, s = precision_recall_fscore_support(
        truth, pred, labels=classes, zero_division=0
    )
    onehot = (truth[:, None] == np.asarray(classes)[None, :]).astype(float)
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


_ROWS = (
    ("macro_f1", "macro-F1"),
    ("accuracy", "accuracy"),
    ("roc_auc_ovr", "ROC AUC (one-vs-rest)"),
    ("brier", "Brier score"),
    ("ece", "calibration error (ECE)"),
)


def _num(v: Any, width: int = 8) -> str:
    return f"{v:>{width}.3f}" if isinstance(v, (int, float)) else f"{'-':>{width}}"


def format_metrics(
    columns: Mapping[str, Mapping[str, Any]], *, title: str | None = None
) -> str:
    """Format one or more metric sets side by side as a readable table.

    Parameters
    ----------
    columns : mapping of str to dict
        Column heading -> metrics (:func:`classification_metrics`, as in a
        report from :func:`evaluate_cv`). A column with a ``note`` is marked
        with ``*`` and the note printed below.
    title : str, optional
        A first line.

    Returns
    -------
    str
        Headline metrics, per-class precision / recall / F1, the confusion
        matrix of the first column and the reliability bins of the first.
    """
    names = list(columns)
    heads = [n + ("*" if columns[n].get("note") else "") for n in names]
    support = max(
        (pc["support"] for m in columns.values() for pc in m["per_class"].values()),
        default=0,
    )
    width = max(24 + len(str(support)), *(len(h) + 2 for h in heads))
    label_w = 26
    lines = [title] if title else []
    lines.append(" " * label_w + "".join(f"{h:>{width}}" for h in heads))
    for key, label in _ROWS:
        lines.append(
            f"{label:<{label_w}}"
            + "".join(f"{_num(columns[n].get(key), width)}" for n in names)
        )
    first = columns[names[0]]
    sizes = [f"{columns[n].get('n')} / {columns[n].get('n_folds', '-')}" for n in names]
    lines.append(
        f"{'articles / folds':<{label_w}}" + "".join(f"{x:>{width}}" for x in sizes)
    )
    lines.append("per class: precision / recall / F1 (support)")
    for c in first["per_class"]:
        cells = []
        for n in names:
            pc = columns[n]["per_class"].get(c)
            cells.append(
                "-"
                if pc is None
                else f"{pc['precision']:.2f} / {pc['recall']:.2f} / {pc['f1']:.2f}"
                f" ({pc['support']})"
            )
        lines.append(f"  {c:<{label_w - 2}}" + "".join(f"{x:>{width}}" for x in cells))
    conf = first["confusion"]
    labels = [str(x) for x in conf["labels"]]
    cw = max(7, *(len(x) + 1 for x in labels))
    lines.append(f"confusion matrix, {heads[0]} (rows true, columns predicted):")
    lines.append(" " * label_w + "".join(f"{x:>{cw}}" for x in labels))
    for lab, row in zip(labels, conf["matrix"], strict=True):
        lines.append(f"  {lab:<{label_w - 2}}" + "".join(f"{v:>{cw}}" for v in row))
    lines.append(f"reliability, {heads[0]} (top-label confidence bins):")
    lines.append(f"  {'bin':<14}{'n':>7}{'confidence':>12}{'accuracy':>10}")
    for b in first["reliability"]:
        lines.append(
            f"  {b['lo']:.1f}-{b['hi']:.1f}{'':<7}{b['n']:>7}"
            f"{b['confidence']:>12.3f}{b['accuracy']:>10.3f}"
        )
    if len(names) > 1 and all(
        isinstance(columns[n].get("macro_f1"), float) for n in names[:2]
    ):
        gap = columns[names[1]]["macro_f1"] - columns[names[0]]["macro_f1"]
        lines.append(f"gap in macro-F1 ({heads[1]} minus {heads[0]}): {gap:+.3f}")
    for h, n in zip(heads, names, strict=True):
        if columns[n].get("note"):
            how = columns[n].get("cv")
            lines.append(f"* {columns[n]['note']}" + (f"; {how}" if how else ""))
        elif columns[n].get("cv"):
            lines.append(
                f"{h}: {columns[n]['cv']}, {columns[n].get('n_outlets', '?')} outlets"
            )
    return "\n".join(lines)
