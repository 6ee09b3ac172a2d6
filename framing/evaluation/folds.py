"""Cross-validation folds: outlet-held-out splits and stratified random splits."""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Integral
from typing import Any, Literal

import numpy as np

from framing.errors import FramingError, ParameterError

__all__ = ["outlet_splits", "random_splits"]

CVMode = Literal["auto", "group-kfold", "logo"]
#: The values of :data:`CVMode`.
CV_MODES: tuple[str, ...] = ("auto", "group-kfold", "logo")
Split = tuple[np.ndarray, np.ndarray]

#: ``mode="auto"`` uses LeaveOneGroupOut below this many outlets.
LOGO_BELOW = 10


def _check_groups(y: np.ndarray, groups: np.ndarray) -> None:
    if len(y) != len(groups):
        raise ParameterError(
            f"`y` has {len(y)} labels but `groups` has {len(groups)} outlets"
        )
    missing = np.array([g is None or g != g or g == "" for g in groups])
    if missing.any():
        raise FramingError(
            f"{int(missing.sum())} article(s) have no outlet; outlet-held-out "
            "evaluation needs an outlet for every article (`outlet_col`)"
        )
    outlets = np.unique(groups.astype(str))
    if len(outlets) < 3:
        raise FramingError(
            f"too few outlets for outlet-held-out cross-validation: "
            f"{len(outlets)} ({', '.join(outlets)}); need at least 3, with 2 per "
            "label. Add outlets, or train with `evaluate=False`"
        )
    for label in np.unique(y):
        have = np.unique(groups[y == label].astype(str))
        if len(have) < 2:
            raise FramingError(
                f"label {label!r} has articles from only one outlet ({have[0]}); "
                "outlet-held-out cross-validation needs at least 2 outlets per "
                "label. Add outlets, or train with `evaluate=False`"
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
    ParameterError
        An unknown `mode`, `n_splits` below 2 or above the outlets for
        GroupKFold, or `y` and `groups` of different lengths.
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

    if mode not in CV_MODES:
        raise ParameterError(
            f"`mode` must be one of {', '.join(CV_MODES)}; got {mode!r}"
        )
    if not isinstance(n_splits, Integral) or n_splits < 2:
        raise ParameterError(f"`n_splits` must be at least 2, got {n_splits}")
    y = np.asarray(y, dtype=object)
    groups = np.asarray(groups, dtype=object)
    _check_groups(y, groups)
    n_groups = len(np.unique(groups.astype(str)))
    logo = mode == "logo" or (
        mode == "auto" and (n_groups < LOGO_BELOW or n_groups < n_splits)
    )
    if logo:
        cv: Any = LeaveOneGroupOut()
        how = "LeaveOneGroupOut (one outlet held out per fold)"
    else:
        if n_groups < n_splits:
            raise ParameterError(
                f"GroupKFold({n_splits}) needs at least {n_splits} outlets; "
                f"got {n_groups}. Lower `n_splits` or use `mode='logo'`"
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

    if not isinstance(n_splits, Integral) or n_splits < 2:
        raise ParameterError(f"`n_splits` must be at least 2, got {n_splits}")
    y = np.asarray(y, dtype=object).astype(str)
    smallest = int(np.unique(y, return_counts=True)[1].min())
    k = max(2, min(n_splits, smallest))
    if smallest < 2:
        raise FramingError(
            "a label has a single article; the random split needs at least 2"
        )
    cv = StratifiedKFold(k, shuffle=True, random_state=seed)
    return list(cv.split(y, y)), f"StratifiedKFold({k}), random split"
