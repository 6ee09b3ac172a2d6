"""Tests for framing.report.evaluation: the model evaluation charts."""

from __future__ import annotations

import pytest

from framing.errors import FramingError
from framing.report.evaluation import (
    plot_confusion_matrix,
    plot_f1_comparison,
    plot_model_evaluation,
    plot_reliability,
)
from tests.report.helpers import EVALUATION, assert_readable


def test_confusion_matrix_class_without_articles():
    g = EVALUATION["grouped"]["confusion"]
    ax = plot_confusion_matrix(g["matrix"], g["labels"])
    assert ax.get_xlabel() == "Predicted class" and ax.get_ylabel() == "True class"
    texts = [t.get_text() for t in ax.texts]
    assert "75%\n(15)" in texts and "no\narticles" in texts


def test_confusion_matrix_shape_mismatch():
    with pytest.raises(FramingError, match="shape"):
        plot_confusion_matrix([[1, 2]], ["a", "b"])


def test_f1_and_reliability_structure():
    ax = plot_f1_comparison(
        {"a": 0.5, "b": None, "macro": 0.5},
        {"a": 0.9, "b": 0.1, "macro": 0.5},
        support={"a": 3, "b": 0},
    )
    assert len(ax.containers) == 2 and len(ax.containers[0]) == 3
    assert ax.get_ylabel() == "F1 score (0-1)"
    assert any(t.get_text() == "no articles" for t in ax.texts)
    ax = plot_reliability(
        EVALUATION["grouped"]["reliability"], EVALUATION["random"]["reliability"]
    )
    assert len(ax.lines) == 3  # diagonal + two curves
    assert "confidence" in ax.get_xlabel().lower()


def test_model_evaluation_page():
    fig = plot_model_evaluation(EVALUATION)
    titles = [a.get_title(loc="left") for a in fig.axes]
    assert {"Confusion matrix", "F1 by class", "Calibration"} <= set(titles)
    assert "0.60" in fig.get_suptitle()
    assert_readable(fig)
    only_grouped = plot_model_evaluation({"grouped": EVALUATION["grouped"]})
    f1 = [a for a in only_grouped.axes if a.get_title(loc="left") == "F1 by class"][0]
    assert len(f1.containers) == 1
