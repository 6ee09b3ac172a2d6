"""Tests for framing.scoring.aggregate: bootstrap intervals and the outlet table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.scoring.aggregate import aggregate_by_outlet, bootstrap_mean_ci


def test_a_single_row_has_no_interval():
    mean, lo, hi = bootstrap_mean_ci(np.array([[0.7, 0.3]]))
    np.testing.assert_allclose(mean, [0.7, 0.3])
    assert np.isnan(lo).all() and np.isnan(hi).all()
    mean, lo, hi = bootstrap_mean_ci(np.zeros((0, 2)))
    assert np.isnan(mean).all() and np.isnan(lo).all() and np.isnan(hi).all()
    _, lo, hi = bootstrap_mean_ci(np.array([[0.2], [0.8]]), n_boot=200)
    assert lo[0] < hi[0]


def test_an_outlet_with_one_scored_article_has_nan_bounds():
    scores = pd.DataFrame(
        {
            "outlet": ["X", "X", "Y", "Y"],
            "status": ["ok", "ok", "ok", "empty"],
            "predicted": ["a", "b", "a", ""],
            "p_a": [0.9, 0.2, 0.6, np.nan],
            "p_b": [0.1, 0.8, 0.4, np.nan],
        }
    )
    table = aggregate_by_outlet(scores, n_boot=200).set_index("outlet")
    y = table.loc["Y"]
    assert y["n_articles"] == 1 and y["p_a_mean"] == pytest.approx(0.6)
    assert np.isnan(y[["p_a_lo", "p_a_hi", "p_b_lo", "p_b_hi"]].astype(float)).all()
    x = table.loc["X"]
    assert x["p_a_lo"] < x["p_a_hi"]


def test_an_empty_corpus_gives_a_header_only_outlet_table():
    from framing.scoring.aggregate import OutletAccumulator

    acc = OutletAccumulator(["A", "B"])
    acc.add(
        np.array([], dtype=object),
        np.array([], dtype=bool),
        np.zeros((0, 2)),
        np.zeros((0, 1)),
        ["hedges"],
    )
    table = acc.table()
    assert table.empty
    assert list(table.columns)[:4] == ["outlet", "n_articles", "n_rows", "p_A_mean"]
    assert "share_B" in table.columns and "rate:hedges" in table.columns
