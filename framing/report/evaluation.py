"""Model evaluation charts: confusion matrix, F1 grouped vs random, reliability.

The inputs are the metric dicts of :func:`framing.evaluation.cross_validation.
classification_metrics`, as stored in a model card under
``card["evaluation"]["grouped"]`` (outlets held out) and
``card["evaluation"]["random"]`` (the optimistic random split).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from framing.report.style import (
    CATEGORICAL,
    GREY,
    PAGE_WIDTH,
    PANEL_TITLE_SIZE,
    SEQUENTIAL,
    add_footnote,
    ensure_axes,
    new_figure,
    set_titles,
    styled,
    text_color_on,
    truncate,
)

__all__ = [
    "plot_confusion_matrix",
    "plot_f1_comparison",
    "plot_model_evaluation",
    "plot_reliability",
]

GROUPED_LABEL = "outlets held out"
RANDOM_LABEL = "random split (optimistic)"


@styled
def plot_confusion_matrix(
    matrix: Sequence[Sequence[float]],
    labels: Sequence[str],
    *,
    ax: Axes | None = None,
    title: str = "Confusion matrix",
    subtitle: str | None = None,
) -> Axes:
    """Row-normalised confusion matrix, each cell annotated with % and count.

    Parameters
    ----------
    matrix : array-like of shape (k, k)
        Counts, rows true class, columns predicted class.
    labels : sequence of str
        Class names in row/column order.

    Returns
    -------
    Axes
        The image is ``ax.images[0]``; rows of a class with no articles
        show "no articles".
    """
    counts = np.asarray(matrix, dtype=float)
    k = len(labels)
    if counts.shape != (k, k):
        from framing.errors import FramingError

        raise FramingError(f"confusion matrix of shape {counts.shape} for {k} labels")
    ax = ensure_axes(ax, (5.0, 4.5))
    totals = counts.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(totals > 0, counts / totals, np.nan)
    image = ax.imshow(
        np.nan_to_num(share, nan=0.0) * 100,
        cmap=SEQUENTIAL,
        vmin=0,
        vmax=100,
        aspect="equal",
    )
    cmap = image.get_cmap()
    for i in range(k):
        for j in range(k):
            if not np.isfinite(share[i, j]):
                text, color = ("no\narticles" if j == 0 else ""), GREY
            else:
                text = f"{share[i, j] * 100:.0f}%\n({int(counts[i, j]):,})"
                color = text_color_on(cmap(share[i, j]))
            ax.text(j, i, text, ha="center", va="center", fontsize=8, color=color)
    short = [truncate(x, 16) for x in labels]
    ax.set_xticks(
        range(k),
        labels=short,
        rotation=30 if k > 4 else 0,
        ha="right" if k > 4 else "center",
    )
    ax.set_yticks(range(k), labels=short)
    ax.set_xlabel("Predicted class")
    ax.set_ylabel("True class")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    bar = ax.figure.colorbar(image, ax=ax, shrink=0.75, pad=0.02)
    bar.set_label("Share of the true class (%)")
    bar.outline.set_visible(False)
    set_titles(ax, title, subtitle, width=40, size=PANEL_TITLE_SIZE)
    return ax


@styled
def plot_f1_comparison(
    grouped: Mapping[str, float | None],
    random: Mapping[str, float | None] | None = None,
    *,
    support: Mapping[str, int] | None = None,
    ax: Axes | None = None,
    title: str = "F1 by class",
    subtitle: str | None = None,
) -> Axes:
    """Paired bars: F1 per class with outlets held out vs the random split.

    Parameters
    ----------
    grouped : mapping of str to float
        Class -> F1 from outlet-held-out cross-validation (include
        ``"macro"`` for macro-F1; it is drawn last).
    random : mapping of str to float, optional
        The same from the random split.
    support : mapping of str to int, optional
        Articles per class; a class with none is marked "no articles".

    Returns
    -------
    Axes
        One bar container per split.
    """
    classes = list(grouped)
    ax = ensure_axes(ax, (5.0, 4.0))
    sets = [(GROUPED_LABEL, grouped, CATEGORICAL[0])]
    if random:
        sets.append((RANDOM_LABEL, random, CATEGORICAL[5]))
    _draw_f1_bars(ax, classes, sets, width=0.38 if random else 0.6)
    if support:
        _mark_no_articles(ax, classes, support)
    _finalize_f1(ax, classes, title, subtitle)
    return ax


def _draw_f1_bars(
    ax: Axes,
    classes: list[str],
    sets: list[tuple[str, Mapping[str, float | None], str]],
    *,
    width: float,
) -> None:
    """One bar per class and split, each with its value printed on it."""
    x = np.arange(len(classes))
    for i, (name, values, color) in enumerate(sets):
        shift = (i - (len(sets) - 1) / 2) * width
        heights = [
            np.nan if values.get(c) is None else float(values[c]) for c in classes
        ]
        bars = ax.bar(
            x + shift,
            np.nan_to_num(heights),
            width=width * 0.95,
            color=color,
            edgecolor="white",
            linewidth=0.5,
            label=name,
        )
        for rect, h in zip(bars, heights, strict=True):
            if np.isfinite(h):
                inside = h >= 0.25
                ax.text(
                    rect.get_x() + rect.get_width() / 2,
                    h - 0.02 if inside else h + 0.02,
                    f"{h:.2f}",
                    rotation=90,
                    ha="center",
                    va="top" if inside else "bottom",
                    fontsize=7,
                    color="white" if inside and i == 0 else "black",
                )


def _mark_no_articles(ax: Axes, classes: list[str], support: Mapping[str, int]) -> None:
    for j, c in enumerate(classes):
        if c in support and not support[c]:
            ax.text(
                j,
                0.5,
                "no articles",
                rotation=90,
                ha="center",
                va="center",
                fontsize=7,
                color=GREY,
                style="italic",
            )


def _finalize_f1(
    ax: Axes, classes: list[str], title: str, subtitle: str | None
) -> None:
    """Class ticks, macro-F1 set apart, the 0-1 scale, legend and titles."""
    labels = ["macro" if c == "macro" else truncate(c, 16) for c in classes]
    ax.set_xticks(
        np.arange(len(classes)),
        labels=labels,
        rotation=30 if len(classes) > 5 else 0,
        ha="right" if len(classes) > 5 else "center",
    )
    if "macro" in classes:
        ax.axvline(len(classes) - 1.5, color="#BBBBBB", lw=0.8)
    ax.set_ylim(0, 1.3)
    ax.set_yticks(np.linspace(0, 1, 6))
    ax.set_ylabel("F1 score (0-1)")
    ax.set_xlabel("Class")
    ax.grid(axis="y")
    ax.set_axisbelow(True)
    ax.legend(loc="upper left", ncols=1, frameon=False, fontsize=7)
    set_titles(
        ax,
        title,
        subtitle or "bars: F1 per class; right: macro-F1",
        width=34,
        size=PANEL_TITLE_SIZE,
    )


@styled
def plot_reliability(
    bins: Sequence[Mapping[str, Any]],
    random_bins: Sequence[Mapping[str, Any]] | None = None,
    *,
    ax: Axes | None = None,
    title: str = "Calibration",
    subtitle: str | None = None,
) -> Axes:
    """Reliability curve: top-label confidence against accuracy, per bin.

    Parameters
    ----------
    bins : sequence of dict
        Per bin ``confidence`` (mean), ``accuracy`` and ``n``
        (:func:`framing.evaluation.metrics.reliability_bins`); marker area grows
        with ``n``.
    random_bins : sequence of dict, optional
        The same from the random split, drawn dashed.

    Returns
    -------
    Axes
        One line per curve plus the diagonal (``ax.lines``).
    """
    ax = ensure_axes(ax, (5.0, 4.5))
    ax.plot([0, 1], [0, 1], color=GREY, lw=0.8, ls=":", label="ideal")
    sets = [(GROUPED_LABEL, bins, CATEGORICAL[0], "-", "o")]
    if random_bins:
        sets.append((RANDOM_LABEL, random_bins, CATEGORICAL[5], "--", "s"))
    for name, data, color, style, marker in sets:
        conf = np.array([b["confidence"] for b in data], dtype=float)
        acc = np.array([b["accuracy"] for b in data], dtype=float)
        n = np.array([b.get("n", 1) for b in data], dtype=float)
        ax.plot(conf, acc, color=color, ls=style, lw=1.4, label=name)
        size = 12 + 100 * np.sqrt(n / n.max()) if len(n) else 12
        ax.scatter(
            conf,
            acc,
            s=size,
            color=color,
            marker=marker,
            zorder=3,
            edgecolor="white",
            linewidth=0.5,
        )
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 1.02)
    ax.set_aspect("equal")
    ax.set_xlabel("Top-class confidence (0-1)")
    ax.set_ylabel("Accuracy (0-1)")
    ax.grid()
    ax.set_axisbelow(True)
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        fontsize=7,
        frameon=False,
        borderaxespad=0.2,
    )
    set_titles(
        ax,
        title,
        subtitle or "per confidence bin; marker area: articles",
        width=34,
        size=PANEL_TITLE_SIZE,
        space=34,
    )
    return ax


@styled
def plot_model_evaluation(
    evaluation: Mapping[str, Any], *, fig: Figure | None = None
) -> Figure:
    """Draw the evaluation page: confusion matrix, F1 bars and calibration.

    Parameters
    ----------
    evaluation : mapping
        ``card["evaluation"]`` of a model: ``grouped`` and optionally
        ``random`` metric dicts (:func:`framing.evaluation.evaluate_cv`).
    fig : Figure, optional
        Drawn into (three axes are added); a new page-wide figure otherwise.

    Returns
    -------
    Figure
    """
    grouped = evaluation["grouped"]
    random = evaluation.get("random") or None
    fig = fig or new_figure((PAGE_WIDTH, 4.6))
    axes = fig.subplots(1, 3, gridspec_kw={"width_ratios": [1.15, 1, 1]})
    conf = grouped["confusion"]
    plot_confusion_matrix(
        conf["matrix"],
        conf["labels"],
        ax=axes[0],
        title="Confusion matrix",
        subtitle=f"outlets held out ({grouped.get('n', '?')} articles)",
    )
    per_class = grouped.get("per_class", {})
    g = {c: v.get("f1") for c, v in per_class.items()}
    g["macro"] = grouped.get("macro_f1")
    r = None
    if random:
        r = {c: v.get("f1") for c, v in random.get("per_class", {}).items()}
        r["macro"] = random.get("macro_f1")
    support = {c: v.get("support", 1) for c, v in per_class.items()}
    plot_f1_comparison(g, r, support=support, ax=axes[1], title="F1 by class")
    plot_reliability(
        grouped.get("reliability", []),
        random.get("reliability") if random else None,
        ax=axes[2],
        title="Calibration",
    )
    how = grouped.get("cv", "outlet-held-out cross-validation")
    fig.suptitle(
        f"Model evaluation: macro-F1 {_fmt(grouped.get('macro_f1'))} "
        "with outlets held out",
        x=0.01,
        ha="left",
        fontweight="bold",
        fontsize=14,
    )
    note = f"Cross-validation: {how}."
    if random:
        note += (
            f" On a random split macro-F1 is {_fmt(random.get('macro_f1'))}: "
            "optimistic, because the model sees every outlet in training "
            "and can recognise outlets rather than framing."
        )
    add_footnote(fig, note)
    return fig


def _fmt(value: Any) -> str:
    return f"{value:.2f}" if isinstance(value, (int, float)) else "n/a"
