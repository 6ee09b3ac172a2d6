"""Tests for framing.evaluation.folds: outlet-held-out and random splits."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.errors import FramingError, ParameterError
from framing.evaluation.folds import outlet_splits, random_splits
from tests.evaluation.toy_data import grouped_labels


@settings(max_examples=40, deadline=None)
@given(
    n_outlets=st.integers(4, 30),
    per=st.integers(1, 6),
    n_splits=st.integers(2, 6),
    mode=st.sampled_from(["auto", "group-kfold", "logo"]),
)
def test_grouped_cv_never_shares_an_outlet(n_outlets, per, n_splits, mode):
    y, groups = grouped_labels(n_outlets, per)
    if mode == "group-kfold" and n_outlets < n_splits:
        with pytest.raises(FramingError, match="needs at least"):
            outlet_splits(y, groups, n_splits=n_splits, mode=mode)
        return
    try:
        splits, _ = outlet_splits(y, groups, n_splits=n_splits, mode=mode)
    except FramingError as exc:  # GroupKFold put all of a label's outlets in a fold
        assert "leaves a single label in training" in str(exc)
        return
    seen = np.zeros(len(y), dtype=int)
    for tr, te in splits:
        assert not set(groups[tr]) & set(groups[te])
        assert len(set(y[tr])) == 2
        seen[te] += 1
    assert (seen == 1).all()  # every article tested exactly once


def test_auto_mode_uses_logo_for_few_outlets_and_groupkfold_otherwise():
    y, g = grouped_labels(6)
    splits, how = outlet_splits(y, g)
    assert "LeaveOneGroupOut" in how and len(splits) == 6
    y, g = grouped_labels(20)
    splits, how = outlet_splits(y, g, n_splits=4)
    assert how == "GroupKFold(4) by outlet" and len(splits) == 4


@pytest.mark.parametrize(
    "y, g, message",
    [
        (["a", "b"], ["o1", "o2"], "too few outlets"),
        (
            ["a", "a", "b", "b"],
            ["o1", "o2", "o3", "o3"],
            "label 'b' has articles from only one outlet",
        ),
        (["a", "b", "a"], ["o1", None, "o3"], "have no outlet"),
    ],
)
def test_too_few_outlets_is_a_clear_error(y, g, message):
    with pytest.raises(FramingError, match=message):
        outlet_splits(y, g)


def test_random_split_is_stratified_and_seeded():
    y = np.array(["a"] * 10 + ["b"] * 5, dtype=object)
    s1, how = random_splits(y, n_splits=5, seed=3)
    s2, _ = random_splits(y, n_splits=5, seed=3)
    assert how.startswith("StratifiedKFold(5)")
    assert all((a[1] == b[1]).all() for a, b in zip(s1, s2, strict=True))
    assert all(sorted(y[te]) == ["a", "a", "b"] for _, te in s1)


@pytest.mark.parametrize(
    "kw, message",
    [
        ({"mode": "loo"}, "`mode` must be one of auto, group-kfold, logo; got 'loo'"),
        ({"n_splits": 1}, "`n_splits` must be at least 2, got 1"),
        ({"n_splits": 8, "mode": "group-kfold"}, "Lower `n_splits`"),
    ],
)
def test_bad_parameters_are_parameter_errors(kw, message):
    y, g = grouped_labels(6)
    with pytest.raises(ParameterError, match=message):
        outlet_splits(y, g, **kw)
    with pytest.raises(ParameterError, match="`y` has 3 labels but `groups` has 2"):
        outlet_splits(["a", "b", "a"], ["o1", "o2"])
    with pytest.raises(ParameterError, match="`n_splits` must be at least 2"):
        random_splits(["a", "b"] * 3, n_splits=1)
