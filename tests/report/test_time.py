"""Tests for framing.report.time: the rate over time chart."""

from __future__ import annotations

from matplotlib.figure import Figure

from framing.report import data as D
from framing.report.time import OTHERS, plot_rate_over_time
from tests.report.helpers import assert_readable, features_table


def test_rate_over_time_structure():
    m = D.monthly_rates(features_table(("a", "b", "c")), ["loaded"])
    ax = plot_rate_over_time(m, max_lines=2)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(labels) == 3 and labels[-1].startswith(OTHERS)
    assert "1,000 tokens" in ax.get_ylabel()
    counts = ax.figure.axes[1]
    assert counts.get_ylabel() == "Articles per month"
    assert len(counts.patches) == 3 * 3  # outlets x periods
    assert_readable(ax.figure)


def test_rate_over_time_single_period_on_given_axes():
    m = D.monthly_rates(features_table(("a",), per_outlet=1), ["loaded"])
    fig = Figure()
    ax = plot_rate_over_time(m, ax=fig.add_subplot())
    assert len(fig.axes) == 1 and ax.get_xlim()[0] < ax.get_xlim()[1]
