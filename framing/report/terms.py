"""The "fightin' words" chart: term frequency against z-score, per side.

After Monroe, Colaresi & Quinn (2008, fig. 6): every term is a point at its
corpus frequency (log scale) and its z-score for one group against the
other; the strongest terms of each side are named in a label column at the
right, in z order, joined to their points by leader lines. Label positions
are computed, not searched: sorted by z, spaced at least one line apart, so
labels never overlap (no extra dependency, same picture every run).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from framing.errors import FramingError, ParameterError
from framing.report.style import (
    CATEGORICAL,
    GREY,
    PAGE_WIDTH,
    ensure_axes,
    set_titles,
    styled,
)

__all__ = ["plot_fightin_words"]

#: Colours of the group's side, the other side and non-significant terms
#: (Okabe-Ito blue and vermillion: distinct for all common colour-vision types).
SIDE_COLORS = (CATEGORICAL[0], CATEGORICAL[3], GREY)
Z_CRITICAL = 1.96
_LABEL_SIZE = 8.0
_MIN_LABEL_SIZE = 5.0
_LINE = 1.3  # label pitch, in font sizes
_BAND = 0.36  # share of the x-range added on the right for the labels
_REQUIRED = ("term", "group", "z", "count_group", "count_rest")


def _comparison(
    terms: pd.DataFrame, group: str | None
) -> tuple[pd.DataFrame, str, str]:
    """Select one comparison from a discover table.

    The group's rows with z as given, plus the other side's rows (``versus
    == group``) with z negated and the counts swapped.
    """
    missing = [c for c in _REQUIRED if c not in terms.columns]
    if missing:
        raise FramingError(
            f"terms table lacks column(s) {', '.join(missing)}; "
            "pass the output of framing discover"
        )
    groups = list(dict.fromkeys(terms["group"].astype(str)))
    if not groups:
        raise FramingError("terms table is empty; nothing to plot")
    group = groups[0] if group is None else str(group)
    own = terms[terms["group"].astype(str) == group]
    if own.empty:
        raise FramingError(
            f"no group {group!r} in the terms table; groups: " + ", ".join(groups[:20])
        )
    versus = "rest"
    if "versus" in terms.columns:
        versus = str(own["versus"].iloc[0])
        other = terms[
            (terms["versus"].astype(str) == group)
            & (terms["group"].astype(str) == versus)
        ]
        if not other.empty:
            other = other.assign(
                z=-other["z"],
                count_group=other["count_rest"],
                count_rest=other["count_group"],
            )
            own = pd.concat([own, other[~other["term"].isin(own["term"])]])
    table = own.assign(freq=own["count_group"] + own["count_rest"])
    table = table[np.isfinite(table["z"]) & (table["freq"] > 0)]
    return table.reset_index(drop=True), group, versus


def _spread(wanted: np.ndarray, lo: float, hi: float, pitch: float) -> np.ndarray:
    """Place labels near ``wanted`` (descending) in [lo, hi], ``pitch`` apart.

    Push down from the top, then up from the bottom: the result keeps the
    order, stays within bounds when ``len * pitch <= hi - lo``, and no two
    positions are closer than ``pitch``.
    """
    y = np.minimum(np.asarray(wanted, dtype=float), hi)
    for i in range(1, len(y)):
        y[i] = min(y[i], y[i - 1] - pitch)
    if len(y) and y[-1] < lo:
        y[-1] = lo
        for i in range(len(y) - 2, -1, -1):
            y[i] = max(y[i], y[i + 1] + pitch)
    return y


@styled
def plot_fightin_words(
    terms: pd.DataFrame,
    *,
    group: str | None = None,
    top: int = 15,
    ax: Axes | None = None,
    title: str | None = None,
    subtitle: str | None = None,
) -> Axes:
    """Plot z-score against log frequency; label the top terms of each side.

    Parameters
    ----------
    terms : DataFrame
        A :func:`framing.discovery.logodds.score_terms` / ``framing discover`` table
        (``term, group, versus, z, count_group, count_rest``). For the full
        picture score every term (``top_per_group=None``); with ``--vs``
        output, the other group's rows give the negative side.
    group : str, optional
        The group whose terms get positive z (default: the first group).
    top : int, default=15
        Terms labelled on each side (highest ``|z|``, significant only).
    ax : Axes, optional
        Where to draw; a new figure when None.
    title, subtitle : str, optional
        Override the default texts.

    Returns
    -------
    Axes
        Points in ``ax.collections`` (group side, other side, not
        significant); labels are the annotations in ``ax.texts`` with gid
        ``"term-label"``; the guides at z = 0 and ``|z|`` = 1.96 are the
        lines in ``ax.lines`` with gid ``"z-guide"``, ending left of the
        labels.

    Raises
    ------
    FramingError
        Missing columns, an empty table or an unknown group.

    Examples
    --------
    >>> t = pd.DataFrame({"term": ["regime", "army", "said"], "group": "B",
    ...     "versus": "rest", "z": [6.8, -2.5, 0.3], "count_group": [59, 3, 40],
    ...     "count_rest": [14, 30, 90]})
    >>> ax = plot_fightin_words(t, top=5)
    >>> sorted(a.get_text() for a in ax.texts if a.get_gid() == "term-label")
    ['army', 'regime']
    """
    if top < 0:
        raise ParameterError(f"`top` must be >= 0, got {top}")
    table, group, versus = _comparison(terms, group)
    ax = ensure_axes(ax, (PAGE_WIDTH, 7.0))
    x = np.log10(table["freq"].to_numpy(dtype=float))
    z = table["z"].to_numpy(dtype=float)
    sides = (z >= Z_CRITICAL, z <= -Z_CRITICAL)
    _scatter_sides(ax, x, z, sides, group, versus)
    x_label = _scale_with_guides(ax, x, z)
    ax.set_xlabel(f"Occurrences of the term in {group} and {versus} (log10 scale)")
    ax.set_ylabel(f"z-score: log-odds ratio, {group} vs {versus}")
    ax.legend(loc="lower left", frameon=False, markerscale=1.4)
    set_titles(
        ax,
        title or f"Distinguishing terms: {group} vs {versus}",
        subtitle
        if subtitle is not None
        else "Log-odds ratio with an informative Dirichlet prior (Monroe, "
        f"Colaresi & Quinn 2008); top {top} per side named; dashed lines: "
        f"|z| = {Z_CRITICAL}",
    )
    _label_sides(ax, table["term"].to_numpy(dtype=object), x, z, sides, top, x_label)
    return ax


def _scatter_sides(
    ax: Axes,
    x: np.ndarray,
    z: np.ndarray,
    sides: tuple[np.ndarray, np.ndarray],
    group: str,
    versus: str,
) -> None:
    """Draw the terms of each side, then the not significant ones, faint."""
    flat = ~(sides[0] | sides[1])
    for mask, color, marker, label in (
        (sides[0], SIDE_COLORS[0], "o", f"more typical of {group}"),
        (sides[1], SIDE_COLORS[1], "s", f"more typical of {versus}"),
    ):
        ax.scatter(
            x[mask],
            z[mask],
            s=14,
            color=color,
            alpha=0.8,
            linewidths=0,
            marker=marker,
            label=label,
            zorder=3,
        )
    ax.scatter(
        x[flat],
        z[flat],
        s=8,
        color=SIDE_COLORS[2],
        alpha=0.45,
        linewidths=0,
        label=f"|z| < {Z_CRITICAL}",
        zorder=2,
    )


def _scale_with_guides(ax: Axes, x: np.ndarray, z: np.ndarray) -> float:
    """Set the axes' ranges and ticks, draw the z guides; return the label column."""
    x_lo, x_hi = (x.min(), x.max()) if len(x) else (0.0, 1.0)
    x_span = max(x_hi - x_lo, 0.5)
    ax.set_xlim(x_lo - 0.04 * x_span, x_hi + (0.08 + _BAND) * x_span)
    # Guides end halfway to the label column, so they never cross a label.
    guide_x = (x_lo - 0.04 * x_span, x_hi + 0.04 * x_span)
    dashed = {"color": GREY, "lw": 0.7, "ls": (0, (4, 3))}
    for level, style in (
        (Z_CRITICAL, dashed),
        (-Z_CRITICAL, dashed),
        (0.0, {"color": "#BBBBBB", "lw": 0.6}),
    ):
        ax.plot(guide_x, (level, level), zorder=1, gid="z-guide", **style)
    z_max = max(float(z.max()) if len(z) else 0.0, Z_CRITICAL) * 1.08
    z_min = min(float(z.min()) if len(z) else 0.0, -Z_CRITICAL) * 1.08
    ax.set_ylim(z_min, z_max)
    ticks = np.arange(np.floor(x_lo), np.ceil(x_hi) + 1)
    ax.set_xticks(ticks, labels=[f"{10 ** int(k):,}" for k in ticks])
    ax.set_xlim(x_lo - 0.04 * x_span, x_hi + (0.08 + _BAND) * x_span)
    return x_hi + 0.08 * x_span


def _label_sides(
    ax: Axes,
    names: np.ndarray,
    x: np.ndarray,
    z: np.ndarray,
    sides: tuple[np.ndarray, np.ndarray],
    top: int,
    x_label: float,
) -> None:
    """Name the top terms of each side in one column, in z order, no overlaps."""
    fig = ax.get_figure()
    fig.draw_without_rendering()  # run the layout: the axes' final height
    height_pt = ax.get_window_extent().height * 72.0 / fig.dpi
    z_lo, z_hi = ax.get_ylim()
    picks = []
    for mask in sides:  # strongest first, ties by term
        idx = np.flatnonzero(mask)
        picks.append(
            list(idx[np.lexsort((names[idx].astype(str), -np.abs(z[idx])))][:top])
        )
    room = int(height_pt // (_MIN_LABEL_SIZE * _LINE))
    while len(picks[0]) + len(picks[1]) > room:  # drop the weakest, longer side
        picks[int(len(picks[1]) > len(picks[0]))].pop()
    chosen = np.array(picks[0] + picks[1], dtype=int)
    if not len(chosen):
        return
    chosen = chosen[np.argsort(-z[chosen], kind="stable")]  # top to bottom
    size = float(
        np.clip(height_pt / (len(chosen) * _LINE), _MIN_LABEL_SIZE, _LABEL_SIZE)
    )
    pitch = size * _LINE / height_pt * (z_hi - z_lo)  # data units per line
    ys = _spread(z[chosen], z_lo + pitch / 2, z_hi - pitch / 2, pitch)
    for i, y in zip(chosen, ys, strict=True):
        color = SIDE_COLORS[0] if z[i] > 0 else SIDE_COLORS[1]
        label = ax.annotate(
            str(names[i]),
            xy=(x[i], z[i]),
            xytext=(x_label, y),
            textcoords="data",
            fontsize=size,
            color=color,
            va="center",
            ha="left",
            annotation_clip=False,
            arrowprops={
                "arrowstyle": "-",
                "color": color,
                "lw": 0.5,
                "alpha": 0.55,
                "shrinkA": 1,
                "shrinkB": 2,
            },
        )
        label.set_gid("term-label")
        label.set_in_layout(False)
