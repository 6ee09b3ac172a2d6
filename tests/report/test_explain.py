"""Tests for framing.report.explain: coefficient labels and charts."""

from __future__ import annotations

import pandas as pd

from framing.report.explain import (
    feature_label,
    label_coefficients,
    plot_top_coefficients,
)


def test_label_coefficients_and_chart():
    table = pd.DataFrame(
        {
            "class": ["a", "a", "b", "b"],
            "kind": ["lex", "tfidf", "lex", "tfidf"],
            "feature": ["lex:loaded", "tfidf:said", "lex:hedges@quoted", "tfidf:x"],
            "weight": [2.0, 1.0, 0.5, 0.25],
        }
    )
    labelled = label_coefficients(table)
    assert list(labelled.columns) == ["class", "kind", "feature", "label", "weight"]
    assert labelled["label"].tolist()[:2] == ["loaded", "“said”"]
    assert "label" not in table.columns  # the input is not changed
    fig = plot_top_coefficients(labelled)
    assert len(fig.axes) == 2 * 2  # classes x kinds
    assert fig.axes[0].get_xlabel() == "Coefficient per SD of the rate"


def test_feature_labels():
    assert feature_label("lex:n_tokens") == "article length (tokens)"
    assert feature_label("tfidf:" + "x" * 80).endswith("…”")
