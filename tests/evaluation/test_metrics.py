"""Tests for framing.evaluation.metrics: known answers, calibration, checks."""

from __future__ import annotations

import numpy as np
import pytest

from framing.errors import FramingError, ParameterError
from framing.evaluation.metrics import classification_metrics, reliability_bins


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


def test_bad_parameters_are_parameter_errors():
    proba = np.array([[0.6, 0.4], [0.2, 0.8]])
    with pytest.raises(ParameterError, match="`proba` has shape"):
        classification_metrics(["a", "b", "a"], proba, ["a", "b"])
    for n_bins in (0, 2.5):
        with pytest.raises(ParameterError, match="`n_bins` must be an integer >= 1"):
            reliability_bins(["a", "b"], proba, ["a", "b"], n_bins=n_bins)
