"""Tests for framing.report.outlets: category heatmap and voice shares."""

from __future__ import annotations

import pandas as pd

from framing.report import data as D
from framing.report.outlets import (
    order_by_similarity,
    plot_category_heatmap,
    plot_voice_shares,
)
from tests.report.helpers import assert_readable, features_table


def test_heatmap_structure_and_clustering():
    m = pd.DataFrame(
        {"c1": [1.0, 9.0, 1.1], "c2": [5.0, 0.0, 5.2]}, index=["a", "b", "c"]
    )
    order = order_by_similarity(m)
    assert abs(order.index("a") - order.index("c")) == 1
    ax = plot_category_heatmap(m, counts=pd.Series({"a": 1, "b": 2, "c": 3}))
    assert len(ax.images) == 1
    assert len([t for t in ax.texts if t.get_gid() != "subtitle"]) == 6
    assert ax.get_xlabel() == "Lexicon category"
    assert "(2)" in " ".join(t.get_text() for t in ax.get_yticklabels())
    colorbar = [a for a in ax.figure.axes if a is not ax][0]
    assert "1,000 tokens" in colorbar.get_ylabel()
    assert_readable(ax.figure)


def test_heatmap_one_outlet():
    ax = plot_category_heatmap(pd.DataFrame({"c1": [1.0]}, index=["a"]))
    assert len(ax.images) == 1


def test_voice_shares_structure():
    v = D.voice_table(features_table(("Wire", "Star", "Mute")), ["loaded"])
    v.loc["Mute", ["author", "quoted", "total"]] = 0
    ax = plot_voice_shares(v)
    assert len(ax.containers) == 2 and len(ax.containers[0]) == 3
    assert ax.get_xlabel() == "Share of loaded-term matches (%)"
    assert any(t.get_text() == "no loaded terms found" for t in ax.texts)
    assert_readable(ax.figure)
