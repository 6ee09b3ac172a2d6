"""Tests for framing.evaluation.cross_validation: out-of-fold probabilities."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.dummy import DummyClassifier

from framing.errors import ParameterError
from framing.evaluation.cross_validation import OPTIMISTIC, cross_validate, evaluate_cv
from tests.evaluation.toy_data import grouped_labels


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


def test_splits_that_miss_articles_are_a_parameter_error():
    X = np.arange(4).reshape(-1, 1)
    y = np.array(["a", "b", "a", "b"], dtype=object)
    splits = [(np.array([0, 1]), np.array([2]))]
    with pytest.raises(ParameterError, match="`splits` leave some articles out"):
        cross_validate(lambda: DummyClassifier(strategy="prior"), X, y, splits)


def test_evaluate_cv_reports_both():
    y, g = grouped_labels(6, per=3)
    X = np.arange(len(y)).reshape(-1, 1)
    report = evaluate_cv(lambda: DummyClassifier(strategy="prior"), X, y, g)
    assert set(report) == {"grouped", "random"}
    assert report["random"]["note"] == OPTIMISTIC
    assert report["grouped"]["n_folds"] == 6 and report["grouped"]["n_outlets"] == 6
    assert len(report["grouped"]["fold_macro_f1"]) == 6
    alone = evaluate_cv(
        lambda: DummyClassifier(strategy="prior"), X, y, g, random_split=False
    )
    assert set(alone) == {"grouped"}
