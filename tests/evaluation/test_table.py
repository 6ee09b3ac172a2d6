"""Tests for framing.evaluation.table: the printed metrics table."""

from __future__ import annotations

import numpy as np
from sklearn.dummy import DummyClassifier

from framing.evaluation.cross_validation import OPTIMISTIC, evaluate_cv
from framing.evaluation.table import format_metrics
from tests.evaluation.toy_data import grouped_labels


def test_format_metrics_shows_both_columns_and_the_gap():
    y, g = grouped_labels(6, per=3)
    X = np.arange(len(y)).reshape(-1, 1)
    report = evaluate_cv(lambda: DummyClassifier(strategy="prior"), X, y, g)
    text = format_metrics(
        {"grouped by outlet": report["grouped"], "random split": report["random"]}
    )
    assert "macro-F1" in text and OPTIMISTIC in text and "random split*" in text
    assert "confusion matrix" in text and "gap in macro-F1" in text
