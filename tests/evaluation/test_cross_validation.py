"""Tests for framing.evaluation: outlet-held-out splits, metrics, tables."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.dummy import DummyClassifier

from framing.errors import FramingError
from framing.evaluation.cross_validation import OPTIMISTIC, cross_validate, evaluate_cv
from framing.evaluation.folds import outlet_splits, random_splits
from framing.evaluation.metrics import classification_metrics, reliability_bins
from framing.evaluation.table import format_metrics


def _corpus(n_outlets: int, per: int = 4, labels=("a", "b")):
    groups = [f"o{i}" for i in range(n_outlets) for _ in range(per)]
    y = [labels[i % len(labels)] for i in range(n_outlets) for _ in range(per)]
    return np.array(y, dtype=object), np.array(groups, dtype=object)


@settings(max_examples=40, deadline=None)
@given(
    n_outlets=st.integers(4, 30),
    per=st.integers(1, 6),
    n_splits=st.integers(2, 6),
    mode=st.sampled_from(["auto", "group-kfold", "logo"]),
)
def test_grouped_cv_never_shares_an_outlet(n_outlets, per, n_splits, mode):
    y, groups = _corpus(n_outlets, per)
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
    y, g = _corpus(6)
    splits, how = outlet_splits(y, g)
    assert "LeaveOneGroupOut" in how and len(splits) == 6
    y, g = _corpus(20)
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


def test_metrics_known_answer():
    y = ["a", "a", "b", "b"]
    proba = np.array([[0.9, 0.1], [0.4, 0.6], [0.2, 0.8], [0.3, 0.7]])
    m = classification_metrics(y, proba, ["a", "b"])
    assert m["accuracy"] == 0.75
    assert m["confusion"]["matrix"] == [[1, 1], [0, 2]]
    assert m["per_class"]["a"] == {
        "precision": 1.0,
        "recall": 0.5,
        "f1": pytest.approx(2 / 3),
        "support": 2,
        "roc_auc": 1.0,
    }
    assert m["macro_f1"] == pytest.approx((2 / 3 + 0.8) / 2)
    # Brier: mean over rows of the squared distance to the one-hot label.
    expected = np.mean([0.01 * 2, 0.36 * 2, 0.04 * 2, 0.09 * 2])
    assert m["brier"] == pytest.approx(expected)
    assert m["roc_auc_ovr"] == 1.0


def test_metrics_missing_class_in_truth_and_unknown_label():
    proba = np.array([[0.6, 0.3, 0.1], [0.2, 0.7, 0.1]])
    m = classification_metrics(["a", "b"], proba, ["a", "b", "c"])
    assert m["per_class"]["c"]["roc_auc"] is None and m["macro_f1"] == 1.0
    with pytest.raises(FramingError, match="not among the model's classes"):
        classification_metrics(["a", "z"], proba, ["a", "b", "c"])


def test_reliability_bins_and_ece():
    proba = np.array([[0.95, 0.05], [0.55, 0.45], [0.52, 0.48]])
    bins, ece = reliability_bins(["a", "a", "b"], proba, ["a", "b"], n_bins=10)
    assert [(b["lo"], b["n"]) for b in bins] == [(0.5, 2), (0.9, 1)]
    assert bins[0]["accuracy"] == 0.5
    assert ece == pytest.approx(2 / 3 * abs(0.5 - 0.535) + 1 / 3 * 0.05)


def test_cross_validate_fills_unseen_classes_with_zero():
    X = np.arange(8).reshape(-1, 1)
    y = np.array(["a", "a", "b", "b", "c", "c", "a", "b"], dtype=object)
    splits = [
        (np.array([0, 1, 2, 3]), np.array([4, 5, 6, 7])),
        (np.array([4, 5, 6, 7]), np.array([0, 1, 2, 3])),
    ]
    proba = cross_validate(
        lambda: DummyClassifier(strategy="prior"), X, y, splits, classes=["a", "b", "c"]
    )
    assert proba.shape == (8, 3)
    assert (proba[4:, 2] == 0).all()  # fold 1 never saw "c"
    np.testing.assert_allclose(proba.sum(axis=1), 1)


def test_evaluate_cv_reports_both_and_formats():
    y, g = _corpus(6, per=3)
    X = np.arange(len(y)).reshape(-1, 1)
    report = evaluate_cv(lambda: DummyClassifier(strategy="prior"), X, y, g)
    assert set(report) == {"grouped", "random"}
    assert report["random"]["note"] == OPTIMISTIC
    assert report["grouped"]["n_folds"] == 6 and report["grouped"]["n_outlets"] == 6
    text = format_metrics(
        {"grouped by outlet": report["grouped"], "random split": report["random"]}
    )
    assert "macro-F1" in text and OPTIMISTIC in text and "random split*" in text
    assert "confusion matrix" in text and "gap in macro-F1" in text
