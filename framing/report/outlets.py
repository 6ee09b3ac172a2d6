"""Outlet charts: category heatmap and voice shares.

Each function takes a table from :mod:`framing.report.data` (or any table
with the documented columns), draws on ``ax`` (a new figure when ``None``)
and returns the axes. Outlets are rows; long names are truncated.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import PowerNorm
from matplotlib.image import AxesImage

from framing.report.style import (
    CATEGORICAL,
    GREY,
    PAGE_WIDTH,
    SEQUENTIAL,
    add_right_labels,
    ensure_axes,
    join_notes,
    label_category,
    rows_height,
    set_titles,
    styled,
    text_color_on,
    unique_labels,
)

__all__ = ["order_by_similarity", "plot_category_heatmap", "plot_voice_shares"]


def order_by_similarity(matrix: pd.DataFrame) -> list:
    """Order rows so that similar profiles sit together.

    Hierarchical clustering (average linkage, optimal leaf ordering) of the
    rows after scaling each column to unit standard deviation; falls back
    to the input order for fewer than three rows.
    """
    if len(matrix) < 3:
        return list(matrix.index)
    from scipy.cluster.hierarchy import leaves_list, linkage

    values = matrix.fillna(0.0).to_numpy(dtype=float)
    sd = values.std(axis=0)
    scaled = values / np.where(sd > 0, sd, 1.0)
    if not np.isfinite(scaled).all() or np.allclose(scaled, scaled[0]):
        return list(matrix.index)
    link = linkage(scaled, method="average", metric="euclidean", optimal_ordering=True)
    return [matrix.index[i] for i in leaves_list(link)]


def _cell_text(value: float) -> str:
    if not np.isfinite(value):
        return "–"
    if value == 0:
        return "·"
    return (
        f"{value:.0f}"
        if value >= 99.5
        else (f"{value:.1f}" if value >= 0.05 else "<.1")
    )


@styled
def plot_category_heatmap(
    matrix: pd.DataFrame,
    *,
    ax: Axes | None = None,
    counts: pd.Series | None = None,
    cluster: bool = True,
    annotate: bool = True,
    title: str = "Framing categories by outlet",
    subtitle: str | None = None,
    colorbar_label: str = "Matches per 1,000 tokens (author voice)",
) -> Axes:
    """Annotated heatmap of category rates, outlets (rows) x categories.

    Parameters
    ----------
    matrix : DataFrame
        Index outlets, columns categories, values rates per 1,000 tokens
        (:func:`~framing.report.data.category_rate_matrix`).
    counts : Series, optional
        Articles per outlet, appended to the row labels.
    cluster : bool, default=True
        Order outlets by :func:`order_by_similarity`; otherwise keep order.
    annotate : bool, default=True
        Print each value in its cell (``·`` means no matches).
    colorbar_label : str
        Unit of the colour scale.

    Returns
    -------
    Axes
        The image is ``ax.images[0]``.
    """
    rows = order_by_similarity(matrix) if cluster else list(matrix.index)
    data = matrix.loc[rows]
    n_rows, n_cols = data.shape
    ax = ensure_axes(
        ax, (PAGE_WIDTH, rows_height(n_rows, per_row=0.3, extra=3.4, high=11.5))
    )
    values = data.to_numpy(dtype=float)
    image = _draw_heatmap(ax, values)
    _label_heatmap(ax, rows, list(data.columns), counts)
    if annotate and n_rows * n_cols <= 1200:
        _annotate_cells(ax, image, values)
    _finalize_heatmap(ax, image, list(data.columns), colorbar_label, tall=n_rows > 40)
    how = (
        "outlets ordered so that similar profiles sit together"
        if cluster and n_rows >= 3
        else None
    )
    set_titles(ax, title, join_notes(subtitle, how, "colour on a square-root scale"))
    return ax


def _draw_heatmap(ax: Axes, values: np.ndarray) -> AxesImage:
    """Draw the rates on a square-root colour scale from 0 to the largest."""
    finite = values[np.isfinite(values)]
    vmax = float(finite.max()) if finite.size and finite.max() > 0 else 1.0
    return ax.imshow(
        values,
        aspect="auto",
        cmap=SEQUENTIAL,
        norm=PowerNorm(0.5, vmin=0.0, vmax=vmax),
        interpolation="nearest",
    )


def _category_labels(columns: list) -> list[str]:
    return [label_category(str(c)) for c in columns]


def _label_heatmap(
    ax: Axes, rows: list, columns: list, counts: pd.Series | None
) -> None:
    """Outlets (with article counts) on the left, categories below."""
    labels = unique_labels(rows)
    if counts is not None:
        labels = [
            f"{lab} ({int(counts.get(r, 0)):,})"
            for lab, r in zip(labels, rows, strict=True)
        ]
    ax.set_yticks(range(len(rows)), labels=labels)
    ax.set_xticks(
        range(len(columns)),
        labels=_category_labels(columns),
        rotation=50,
        ha="right",
        rotation_mode="anchor",
    )
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlabel("Lexicon category")
    ax.set_ylabel("Outlet (articles)" if counts is not None else "Outlet")


def _annotate_cells(ax: Axes, image: AxesImage, values: np.ndarray) -> None:
    """Print each rate in its cell, in the colour that reads on the cell."""
    n_rows, n_cols = values.shape
    size = 7 if n_cols <= 20 and n_rows <= 20 else 6
    cmap = image.get_cmap()
    for i in range(n_rows):
        for j in range(n_cols):
            v = values[i, j]
            rgba = cmap(image.norm(v)) if np.isfinite(v) else (1, 1, 1, 1)
            ax.text(
                j,
                i,
                _cell_text(v),
                ha="center",
                va="center",
                fontsize=size,
                color=text_color_on(rgba),
            )


def _finalize_heatmap(
    ax: Axes, image: AxesImage, columns: list, colorbar_label: str, *, tall: bool
) -> None:
    """Repeat the categories on top of a tall page; add the colour bar."""
    if tall:  # a tall page: repeat the category names on top
        top = ax.secondary_xaxis("top")
        top.set_xticks(
            range(len(columns)),
            labels=_category_labels(columns),
            rotation=50,
            ha="left",
            rotation_mode="anchor",
        )
        top.tick_params(length=0)
        top.spines["top"].set_visible(False)
    height = ax.figure.get_size_inches()[1]
    bar = ax.figure.colorbar(
        image,
        ax=ax,
        shrink=min(0.8, 6.0 / height),
        pad=0.01,
        aspect=30,
        anchor=(0.0, 1.0),
    )
    bar.set_label(colorbar_label)
    bar.outline.set_visible(False)


@styled
def plot_voice_shares(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    title: str = "Whose words? Loaded terms in the outlet's voice vs in quotes",
    subtitle: str | None = None,
) -> Axes:
    """100% stacked bars: share of loaded-term matches by voice, per outlet.

    Parameters
    ----------
    table : DataFrame
        Index outlet, columns ``author`` and ``quoted`` (match counts) and
        optionally ``n`` (articles), as from
        :func:`~framing.report.data.voice_table`.

    Returns
    -------
    Axes
        Two bar containers (own voice, quoted); total matches are the
        right-hand tick labels.
    """
    total = table["author"] + table["quoted"]
    share = (table["author"] / total.where(total > 0)).fillna(-1.0)
    order = sorted(table.index, key=lambda o: (share[o], total[o], str(o)))
    data = table.loc[order]
    total = total.loc[order]
    ax = ensure_axes(ax, (PAGE_WIDTH, rows_height(len(order))))
    with np.errstate(invalid="ignore", divide="ignore"):
        own = np.where(total > 0, data["author"] / total * 100, 0.0)
        quoted = np.where(total > 0, data["quoted"] / total * 100, 0.0)
    _draw_voice_bars(ax, own, quoted)
    _mark_no_matches(ax, total)
    ax.set_yticks(np.arange(len(order)), labels=unique_labels(order))
    ax.set_ylim(-0.6, len(order) - 0.4)
    ax.set_xlim(0, 100)
    if len(order) > 40:  # a tall page: repeat the scale on top
        ax.tick_params(axis="x", top=True, labeltop=True)
    ax.set_xlabel("Share of loaded-term matches (%)")
    ax.set_ylabel("Outlet")
    add_right_labels(ax, [f"{int(t):,}" for t in total], "Loaded-term matches")
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncols=2,
        frameon=False,
        borderaxespad=0.2,
    )
    set_titles(
        ax,
        title,
        join_notes(
            subtitle,
            "loaded categories of the lexicon; "
            "sorted by the share in the outlet's own voice",
        ),
        space=18,
    )
    return ax


def _draw_voice_bars(ax: Axes, own: np.ndarray, quoted: np.ndarray) -> None:
    """Stack each outlet's own-voice and quoted shares; print shares of 8% or more."""
    y = np.arange(len(own))
    bars_own = ax.barh(
        y, own, color=CATEGORICAL[3], height=0.7, label="Outlet's own voice"
    )
    bars_q = ax.barh(
        y, quoted, left=own, color=CATEGORICAL[5], height=0.7, label="Inside quotations"
    )
    for bars, values in ((bars_own, own), (bars_q, quoted)):
        for rect, v in zip(bars, values, strict=True):
            if v >= 8:
                ax.text(
                    rect.get_x() + rect.get_width() / 2,
                    rect.get_y() + rect.get_height() / 2,
                    f"{v:.0f}%",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if bars is bars_own else "black",
                )


def _mark_no_matches(ax: Axes, total: pd.Series) -> None:
    for i, t in enumerate(total):
        if t <= 0:
            ax.text(
                50,
                i,
                "no loaded terms found",
                ha="center",
                va="center",
                fontsize=7,
                color=GREY,
                style="italic",
            )
