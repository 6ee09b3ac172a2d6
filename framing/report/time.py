"""Framing over time: the loaded-term rate per outlet and period.

Draws the table of :func:`framing.report.data.monthly_rates` (one row per
outlet and period). The busiest outlets get a line each; the rest are
pooled into one grey line, so the chart stays readable with hundreds of
outlets. Below, bars give the articles per period.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.lines import Line2D

from framing.report.style import (
    CATEGORICAL,
    GREY,
    MARKERS,
    PAGE_WIDTH,
    join_notes,
    new_figure,
    set_titles,
    styled,
    truncate,
)

__all__ = ["plot_rate_over_time"]

#: Length of a period in days (bars are 80% of it, points at its middle).
_DAYS = {"month": 30.4, "quarter": 91.3, "year": 365.25, "week": 7, "day": 1}
_STARTS = {"month": "MS", "quarter": "QS", "year": "YS", "week": "W-MON", "day": "D"}
OTHERS = "other outlets (pooled)"


def _lines(table: pd.DataFrame, max_lines: int) -> tuple[pd.DataFrame, list[str], int]:
    """Keep the busiest outlets; pool the rest into :data:`OTHERS`."""
    totals = table.groupby("outlet")["articles"].sum()
    order = sorted(totals.index, key=lambda o: (-totals[o], str(o)))
    keep = order[:max_lines]
    rest = order[max_lines:]
    out = table[table["outlet"].isin(keep)]
    if rest:
        pooled = (
            table[table["outlet"].isin(rest)]
            .groupby("period", as_index=False)[["articles", "matches", "tokens"]]
            .sum()
        )
        pooled["outlet"] = OTHERS
        pooled["rate"] = (
            pooled["matches"] / pooled["tokens"].where(pooled["tokens"] > 0) * 1000
        )
        out = pd.concat([out, pooled[out.columns]], ignore_index=True)
        keep = keep + [OTHERS]
    return out, keep, len(rest)


@styled
def plot_rate_over_time(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    unit: str = "month",
    max_lines: int = 6,
    title: str = "Loaded language over time",
    subtitle: str | None = None,
    ylabel: str = "Loaded-term matches per 1,000 tokens (author voice)",
) -> Axes:
    """Line chart of a rate per outlet and period, with article counts.

    Parameters
    ----------
    table : DataFrame
        ``outlet``, ``period`` (Timestamp), ``articles``, ``matches``,
        ``tokens``, ``rate`` (:func:`~framing.report.data.monthly_rates`).
    ax : Axes, optional
        Where to draw the lines. When ``None``, a new figure is made with a
        second panel below for the articles per period; when given, the
        article totals appear in the legend only.
    unit : str, default="month"
        The period's name, for labels.
    max_lines : int, default=6
        Outlets drawn as their own line (most articles first); the others
        are pooled into one grey line.

    Returns
    -------
    Axes
        The rate axes: one line per shown outlet (``ax.lines``). With a new
        figure, the counts axes is ``ax.figure.axes[1]``.
    """
    data, outlets, pooled = _lines(table, max_lines)
    counts_ax = None
    if ax is None:
        fig = new_figure((PAGE_WIDTH, 6.4))
        ax, counts_ax = fig.subplots(
            2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1]}
        )
    period = _DAYS.get(unit, 30.4)
    periods = pd.DatetimeIndex(sorted(pd.to_datetime(data["period"]).unique()))
    handles = _draw_lines(ax, counts_ax, data, outlets, unit=unit, periods=periods)
    x_all = date2num(periods.to_pydatetime())
    if len(x_all) == 1:
        ax.set_xlim(x_all[0] - 2 * period, x_all[0] + 3 * period)
    ax.set_ylim(bottom=0)
    ax.set_ylabel(ylabel)
    ax.grid(axis="y")
    ax.set_axisbelow(True)
    ax.legend(
        handles=handles,
        title=f"Outlet (articles); {unit}ly rate",
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
    )
    _date_axis(counts_ax if counts_ax is not None else ax, unit)
    if counts_ax is not None:
        counts_ax.set_ylabel(f"Articles per {unit}")
        counts_ax.grid(axis="y")
        counts_ax.set_axisbelow(True)
        counts_ax.yaxis.get_major_locator().set_params(integer=True)
    note = (
        f"one point per outlet and {unit}, its area growing with the "
        "articles behind it; gaps: no articles"
    )
    if pooled:
        note = (
            f"{len(outlets) - 1} outlets with most articles; the other "
            f"{pooled:,} pooled; " + note
        )
    set_titles(ax, title, join_notes(subtitle, note))
    return ax


def _draw_lines(
    ax: Axes,
    counts_ax: Axes | None,
    data: pd.DataFrame,
    outlets: list[str],
    *,
    unit: str,
    periods: pd.DatetimeIndex,
) -> list[Line2D]:
    """Draw each outlet's line (and its stacked article bars); return legend handles."""
    period = _DAYS.get(unit, 30.4)
    x_all = date2num(periods.to_pydatetime())
    totals = data.groupby("outlet")["articles"].sum()
    n_max = float(data["articles"].max()) if len(data) else 1.0
    bottom = pd.Series(0.0, index=periods)
    # Every period of the range: an outlet's line breaks where it has no
    # articles instead of bridging the gap.
    starts = pd.to_datetime(data["period"])
    calendar = pd.date_range(
        starts.min(), starts.max(), freq=_STARTS.get(unit, "MS")
    ).union(starts.unique())
    handles = []
    for i, outlet in enumerate(outlets):
        sub = data[data["outlet"] == outlet].copy()
        sub = sub.set_index(pd.to_datetime(sub["period"])).reindex(calendar)
        x = date2num(sub.index.to_pydatetime()) + period / 2
        color = GREY if outlet == OTHERS else CATEGORICAL[i % 7]
        style = "--" if outlet == OTHERS else "-"
        marker = MARKERS[i % len(MARKERS)]
        ax.plot(x, sub["rate"], color=color, lw=1.5, ls=style, clip_on=False)
        n = sub["articles"].fillna(0).to_numpy(dtype=float)
        ax.scatter(
            x,
            sub["rate"],
            s=8 + 60 * np.sqrt(n / max(n_max, 1)),
            color=color,
            marker=marker,
            zorder=3,
            clip_on=False,
            edgecolor="white",
            linewidth=0.4,
        )
        name = outlet if outlet == OTHERS else truncate(outlet, 28)
        handles.append(
            Line2D(
                [],
                [],
                color=color,
                ls=style,
                marker=marker,
                markersize=5,
                lw=1.5,
                label=f"{name} ({int(totals[outlet]):,})",
            )
        )
        if counts_ax is not None:
            heights = sub["articles"].reindex(bottom.index).fillna(0).to_numpy()
            counts_ax.bar(
                x_all + period / 2,
                heights,
                width=0.8 * period,
                bottom=bottom.to_numpy(),
                color=color,
                edgecolor="white",
                linewidth=0.3,
            )
            bottom += heights
    return handles


def _date_axis(ax: Axes, unit: str) -> None:
    """Concise date ticks on the lowest axes."""
    locator = AutoDateLocator(minticks=3, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.set_xlabel(f"Date ({unit}s)")
