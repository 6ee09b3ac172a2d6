"""Tests for framing.report.data: the tables the charts draw."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.report import data as D
from tests.report.helpers import features_table


def test_bootstrap_ci_known_answers():
    assert np.isnan(D.bootstrap_ci(np.array([]))[0])
    assert D.bootstrap_ci(np.array([3.0])) == (3.0, 3.0, 3.0)
    est, lo, hi = D.bootstrap_ci(np.array([1.0, 1.0]), np.array([2.0, 8.0]))
    assert est == pytest.approx(0.2) and lo <= est <= hi
    same = D.bootstrap_ci(np.full(10, 0.5))
    assert same == pytest.approx((0.5, 0.5, 0.5))
    wide = D.bootstrap_ci(np.array([0.0, 1.0] * 5))
    narrow = D.bootstrap_ci(np.array([0.0, 1.0] * 500))
    assert wide[2] - wide[1] > narrow[2] - narrow[1]


def test_select_outlets_note():
    counts = pd.Series({f"o{i}": i for i in range(30)})
    shown, note = D.select_outlets(counts, 25)
    assert shown[0] == "o29" and len(shown) == 25
    assert note == "showing 25 of 30 outlets (by article count)"
    assert D.select_outlets(counts, None)[1] == ""


def test_outlet_index_is_pooled_author_voice_rate():
    table = D.outlet_index_table(features_table(), ["loaded"], n_boot=200)
    row = table.set_index("outlet").loc["Star"]
    # 10 matches per 1,000 tokens in the author's voice; quoted ones excluded
    assert row["mean"] == pytest.approx(10.0) and row["n"] == 4
    assert table.set_index("outlet").loc["Wire", "mean"] == 0.0
    assert set(table["series"]) == {D.INDEX_NAME}


def test_empty_rows_and_missing_outlets_are_handled():
    f = features_table(per_outlet=2)
    f.loc[0, "status"] = "empty"
    f.loc[1, "outlet"] = None
    table = D.outlet_index_table(f, ["loaded"], n_boot=50)
    assert D.UNKNOWN_OUTLET in set(table["outlet"])
    assert table["n"].sum() == 3


def test_voice_table_counts():
    v = D.voice_table(features_table(), ["loaded"])
    # Star: 4 articles x 200 tokens x 10/1000 = 8 own-voice, 4 quoted
    assert v.loc["Star", ["author", "quoted", "total"]].tolist() == [8, 4, 12]
    assert v.loc["Wire", "author_share"] == 0.0


def test_monthly_rates_and_frequency():
    m = D.monthly_rates(features_table(), ["loaded"])
    assert set(m.columns) == {
        "outlet",
        "period",
        "articles",
        "matches",
        "tokens",
        "rate",
    }
    assert m["articles"].sum() == 8 and len(m) == 6
    assert m.loc[m["outlet"] == "Star", "rate"].eq(10.0).all()
    assert D.monthly_rates(features_table(dates=False), ["loaded"]).empty
    dates = pd.Series(pd.to_datetime(["2005-01-01", "2020-01-01"]))
    assert D.time_frequency(dates) == ("Y", "year")
    assert D.time_frequency(dates[:1]) == ("M", "month")


def test_outlet_scores_long_from_scoring_table():
    t = pd.DataFrame(
        {
            "outlet": ["a", "b"],
            "n_articles": [3, 0],
            "p_x_mean": [0.6, np.nan],
            "p_x_lo": [0.5, np.nan],
            "p_x_hi": [0.7, np.nan],
            "share_x": [1.0, np.nan],
        }
    )
    long = D.outlet_scores_long(t)
    assert long["series"].tolist() == ["x", "x"]
    assert long["n"].tolist() == [3, 0]
