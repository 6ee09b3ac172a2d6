"""Outlet score charts: each outlet's score with a bootstrap 95% CI.

:func:`plot_outlet_scores` draws one or more series (the lexicon framing
index, or class probabilities) as dots and whiskers, outlets as rows;
:func:`plot_class_scores` draws one panel per class. Both take the long
table of :func:`framing.report.data.outlet_scores_long` or
:func:`framing.report.data.outlet_index_table`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from framing.report.style import (
    CATEGORICAL,
    MARKERS,
    PAGE_WIDTH,
    PANEL_TITLE_SIZE,
    add_footnote,
    add_right_labels,
    ensure_axes,
    join_notes,
    label_category,
    new_figure,
    rows_height,
    set_titles,
    styled,
    truncate,
    unique_labels,
)

__all__ = ["plot_class_scores", "plot_outlet_scores"]


def _outlet_order(table: pd.DataFrame, sort_by: str | None) -> list[str]:
    """Outlets sorted by ``sort_by``'s mean (lowest first: drawn at the bottom)."""
    key = table[table["series"] == sort_by].set_index("outlet")["mean"]
    return sorted(
        dict.fromkeys(table["outlet"]),
        key=lambda o: (np.nan_to_num(key.get(o, np.nan), nan=-np.inf), str(o)),
    )


@styled
def plot_outlet_scores(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    xlabel: str = "Mean predicted probability",
    title: str = "Outlet framing scores",
    subtitle: str | None = None,
    sort_by: str | None = None,
    order: list[str] | None = None,
    xlim: tuple[float, float] | None = None,
    color_index: int = 0,
    outlet_labels: bool = True,
    counts: bool = True,
) -> Axes:
    """Dot-and-whisker chart: each outlet's score per series with 95% CIs.

    Parameters
    ----------
    table : DataFrame
        Long format with columns ``outlet``, ``series``, ``mean``,
        ``ci_low``, ``ci_high``, ``n`` (articles), as returned by
        :func:`~framing.report.data.outlet_scores_long` or
        :func:`~framing.report.data.outlet_index_table`.
    ax : Axes, optional
        Where to draw; a new figure sized to the outlets when ``None``.
    xlabel, title, subtitle : str
        Texts; give the unit in ``xlabel``. An empty title draws none.
    sort_by : str, optional
        Series that orders the outlets (highest at the top); default the
        first series.
    order : list of str, optional
        Explicit outlet order, bottom to top (overrides ``sort_by``).
    xlim : (float, float), optional
        Axis range (e.g. ``(0, 1)`` for probabilities).
    color_index : int, default=0
        Palette position of the first series.
    outlet_labels, counts : bool, default=True
        Show the outlet names (left) and article counts (right).

    Returns
    -------
    Axes
        One errorbar container per series (``ax.containers``); the article
        counts are the right-hand tick labels.
    """
    series = list(dict.fromkeys(table["series"]))
    sort_by = sort_by if sort_by in series else (series[0] if series else None)
    outlets = order if order is not None else _outlet_order(table, sort_by)
    ax = ensure_axes(ax, (PAGE_WIDTH, rows_height(len(outlets))))
    _draw_series(ax, table, series, outlets, color_index)
    _outlet_axis(ax, outlets, outlet_labels=outlet_labels)
    if xlim is not None:
        ax.set_xlim(*xlim)
    ax.set_xlabel(xlabel)
    ax.grid(axis="x")
    ax.set_axisbelow(True)
    if len(outlets) > 40:  # a tall page: repeat the scale on top
        ax.tick_params(axis="x", top=True, labeltop=True)
    if counts:
        _article_counts(ax, table, outlets)
    if len(series) > 1:
        ax.legend(
            title="Class", loc="upper left", bbox_to_anchor=(1.08, 1.0), frameon=False
        )
    if title:
        sub = join_notes(
            subtitle,
            "dots: estimate; bars: bootstrap 95% confidence "
            "interval; right: articles per outlet",
        )
        set_titles(ax, title, sub)
    return ax


def _draw_series(
    ax: Axes,
    table: pd.DataFrame,
    series: list,
    outlets: list[str],
    color_index: int,
) -> None:
    """One dot and whisker per outlet and series, series side by side."""
    pos = {o: i for i, o in enumerate(outlets)}
    k = len(series)
    offsets = np.linspace(-0.22, 0.22, k) if k > 1 else np.zeros(1)
    for j, s in enumerate(series):
        sub = table[(table["series"] == s) & table["outlet"].isin(pos)]
        color = CATEGORICAL[(color_index + j) % len(CATEGORICAL)]
        y = sub["outlet"].map(pos).to_numpy(dtype=float) + offsets[j]
        mean = sub["mean"].to_numpy(dtype=float)
        err = np.vstack(
            [
                mean - sub["ci_low"].to_numpy(dtype=float),
                sub["ci_high"].to_numpy(dtype=float) - mean,
            ]
        )
        ax.errorbar(
            mean,
            y,
            xerr=np.nan_to_num(np.clip(err, 0, None)),
            fmt="none",
            ecolor=color,
            elinewidth=1.4,
            capsize=0,
            alpha=0.8,
        )
        ax.scatter(
            mean,
            y,
            color=color,
            marker=MARKERS[(color_index + j) % len(MARKERS)],
            s=30,
            zorder=3,
            label=label_category(str(s)),
            edgecolor="white",
            linewidth=0.5,
            clip_on=False,
        )


def _outlet_axis(ax: Axes, outlets: list[str], *, outlet_labels: bool) -> None:
    """Outlets as rows, bottom to top; names on the left, or none."""
    ax.set_yticks(range(len(outlets)), labels=unique_labels(outlets))
    ax.set_ylim(-0.6, len(outlets) - 0.4)
    if outlet_labels:
        ax.set_ylabel("Outlet")
    else:
        ax.tick_params(axis="y", length=0, labelleft=False)


def _article_counts(ax: Axes, table: pd.DataFrame, outlets: list[str]) -> None:
    """Articles per outlet as the right-hand tick labels."""
    n = table.drop_duplicates("outlet").set_index("outlet")["n"]
    add_right_labels(ax, [f"{int(n.get(o, 0)):,}" for o in outlets], "Articles")


@styled
def plot_class_scores(
    table: pd.DataFrame,
    *,
    fig: Figure | None = None,
    title: str = "Outlet framing scores",
    subtitle: str | None = None,
    sort_by: str | None = None,
    xlabel: str = "Mean probability (0-1)",
) -> Figure:
    """One panel per class: each outlet's mean probability with 95% CIs.

    Small multiples of :func:`plot_outlet_scores` sharing the outlet axis,
    easier to read than overlaid series when probabilities pile up near 0
    and 1.

    Parameters
    ----------
    table : DataFrame
        Long format (``outlet, series, mean, ci_low, ci_high, n``),
        ``series`` being the class.
    fig : Figure, optional
        Drawn into; a new page-wide figure sized to the outlets otherwise.
    sort_by : str, optional
        Class that orders the outlets (default: outlets grouped by the class
        of their highest mean probability, in class order from the top).

    Returns
    -------
    Figure
        One axes per class, in the table's class order.
    """
    classes = list(dict.fromkeys(table["series"]))
    if sort_by in classes:
        order = _outlet_order(table, sort_by)
        how = f"sorted by the mean probability of {sort_by}"
    else:
        wide = (
            table.pivot_table(
                index="outlet", columns="series", values="mean", sort=False
            )
            .reindex(columns=classes)
            .fillna(0.0)
        )
        top = wide.to_numpy().argmax(axis=1)
        best = wide.to_numpy().max(axis=1)
        keys = {
            o: (-int(t), float(b), str(o))
            for o, t, b in zip(wide.index, top, best, strict=True)
        }
        order = sorted(keys, key=keys.__getitem__)
        how = "grouped by the class each outlet leans to most"
    fig = fig or new_figure((PAGE_WIDTH, rows_height(len(order), extra=2.2)))
    axes = fig.subplots(1, max(len(classes), 1), squeeze=False)[0]
    fig.get_layout_engine().set(wspace=0.06)
    for i, cls in enumerate(classes):
        ax = axes[i]
        plot_outlet_scores(
            table[table["series"] == cls],
            ax=ax,
            order=order,
            xlim=(-0.03, 1.03),
            title="",
            xlabel=xlabel,
            color_index=i,
            outlet_labels=i == 0,
            counts=i == len(classes) - 1,
        )
        ax.set_title(
            truncate(str(cls), 30),
            loc="left",
            fontsize=PANEL_TITLE_SIZE,
            fontweight="bold",
            color=CATEGORICAL[i % len(CATEGORICAL)],
        )
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1], labels=["0", ".25", ".5", ".75", "1"])
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=13)
    note = join_notes(
        subtitle,
        f"{how}; dots: "
        "mean over the outlet's articles; bars: bootstrap 95% confidence "
        "interval; right: articles per outlet",
    )
    add_footnote(fig, note)
    return fig
