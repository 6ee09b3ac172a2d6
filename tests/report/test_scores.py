"""Tests for framing.report.scores: outlet score charts."""

from __future__ import annotations

from framing.report.scores import plot_class_scores, plot_outlet_scores
from framing.report.style import subtitle_of
from tests.report.helpers import LONG, assert_readable, outlet_table


def test_outlet_scores_structure():
    ax = plot_outlet_scores(
        outlet_table(["a", "b", "c"], series=("x", "y")),
        xlabel="Rate per 1,000 tokens",
        title="Scores",
    )
    assert ax.get_title(loc="left") == "Scores"
    assert ax.get_xlabel() == "Rate per 1,000 tokens"
    assert len(ax.containers) == 2  # one errorbar per series
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b", "c"]
    assert "95% confidence" in subtitle_of(ax)
    assert ax.get_legend() is not None


def test_outlet_scores_many_long_outlets_are_readable():
    names = [f"{LONG} {i}" for i in range(30)]
    ax = plot_outlet_scores(outlet_table(names), subtitle="showing 30 of 180")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 30 and all(len(x) <= 33 for x in labels)
    assert ax.figure.get_size_inches()[1] > 8
    assert_readable(ax.figure)


def test_outlet_scores_one_outlet():
    ax = plot_outlet_scores(outlet_table(["only"]))
    assert len(ax.get_yticks()) == 1
    assert_readable(ax.figure)


def test_class_scores_one_panel_per_class():
    fig = plot_class_scores(outlet_table(["a", "b", "c"], series=("L", "C", "R")))
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_title(loc="left")]
    assert titles == ["L", "C", "R"]
    assert fig.axes[0].get_xlabel() == "Mean probability (0-1)"
    assert_readable(fig)
