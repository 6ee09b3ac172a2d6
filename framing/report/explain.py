"""Top explanations: the features that push articles towards each class.

A linear model's coefficient for a feature and a class says how much one
unit more of the feature raises that class's score. Lexicon features are
standardised rates, so their coefficients are per standard deviation and
comparable with each other; TF-IDF n-gram coefficients are per unit of
TF-IDF weight. The two kinds are therefore drawn in separate panels.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from framing.report.style import (
    CATEGORICAL,
    PAGE_WIDTH,
    PANEL_TITLE_SIZE,
    add_footnote,
    ensure_axes,
    label_category,
    new_figure,
    set_titles,
    styled,
    truncate,
)

__all__ = [
    "feature_label",
    "label_coefficients",
    "plot_class_coefficients",
    "plot_top_coefficients",
]

KINDS = {"lex": "lexicon categories", "tfidf": "words and phrases"}
_LENGTH = {
    "n_tokens": "article length (tokens)",
    "n_sentences": "article length (sentences)",
}


def feature_label(name: str, width: int = 36) -> str:
    """Turn a model feature name into a readable label.

    Examples
    --------
    >>> feature_label("lex:loaded_language@quoted")
    'loaded language (quoted)'
    >>> feature_label("lex:government_labels_delegitimising@quoted")
    'government labels delegiti… (quoted)'
    >>> feature_label("tfidf:the regime")
    '“the regime”'
    """
    kind, _, rest = str(name).partition(":")
    if not rest:
        kind, _, rest = str(name).partition("__")
    if kind == "lex":
        if rest in _LENGTH:
            return _LENGTH[rest]
        base, _, voice = rest.partition("@")
        suffix = f" ({voice})" if voice else ""
        return truncate(label_category(base), width - len(suffix)) + suffix
    if kind == "tfidf":
        return f"“{truncate(rest, width - 2)}”"
    return truncate(str(name), width)


def label_coefficients(table: pd.DataFrame) -> pd.DataFrame:
    """Return a coefficients table with a readable ``label`` after ``feature``.

    Parameters
    ----------
    table : DataFrame
        ``class``, ``kind``, ``feature``, ``weight``, as from
        :func:`framing.scoring.report_inputs.top_coefficients`.

    Returns
    -------
    DataFrame
        A copy with ``label`` (:func:`feature_label`) as its fourth column.

    Examples
    --------
    >>> t = pd.DataFrame({"class": ["a"], "kind": ["lex"],
    ...                   "feature": ["lex:n_tokens"], "weight": [0.5]})
    >>> list(label_coefficients(t).columns)
    ['class', 'kind', 'feature', 'label', 'weight']
    """
    out = table.copy()
    out.insert(3, "label", out["feature"].map(feature_label))
    return out


@styled
def plot_class_coefficients(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    color: str = CATEGORICAL[0],
    title: str = "",
    xlabel: str = "Coefficient (log-odds per unit)",
    subtitle: str | None = None,
) -> Axes:
    """Horizontal bars of one class's strongest features, largest at the top.

    Parameters
    ----------
    table : DataFrame
        ``label`` and ``weight`` columns (one class and kind of
        :func:`label_coefficients`).

    Returns
    -------
    Axes
        One bar per row of ``table``.
    """
    data = table.sort_values("weight", ascending=True)
    ax = ensure_axes(ax, (5.0, 0.8 + 0.25 * max(len(data), 1)))
    y = np.arange(len(data))
    if len(data):
        ax.barh(y, data["weight"], color=color, height=0.7)
        ax.set_yticks(y, labels=list(data["label"]))
        ax.set_ylim(-0.6, len(data) - 0.4)
    else:
        ax.set_yticks([])
        ax.text(
            0.5,
            0.5,
            "no feature pushes towards this class",
            ha="center",
            va="center",
            transform=ax.transAxes,
            fontsize=8,
            style="italic",
        )
    ax.set_xlabel(xlabel)
    ax.grid(axis="x")
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    if title:
        set_titles(ax, title, subtitle, size=PANEL_TITLE_SIZE, width=60)
    return ax


@styled
def plot_top_coefficients(
    table: pd.DataFrame,
    *,
    fig: Figure | None = None,
    title: str = "What pushes an article towards each class",
) -> Figure:
    """One row of panels per class: top lexicon categories, top n-grams.

    Parameters
    ----------
    table : DataFrame
        From :func:`label_coefficients`.
    fig : Figure, optional
        Drawn into; a new page-wide figure sized to the classes otherwise.

    Returns
    -------
    Figure
        Axes in row-major order (class, kind).
    """
    classes = list(dict.fromkeys(table["class"]))
    kinds = [k for k in KINDS if k in set(table["kind"])] or sorted(set(table["kind"]))
    k = int(table.groupby(["class", "kind"]).size().max()) if len(table) else 1
    height = min(11.0, 1.0 + len(classes) * (0.9 + 0.2 * k))
    fig = fig or new_figure((PAGE_WIDTH, height))
    axes = np.atleast_2d(
        fig.subplots(max(len(classes), 1), max(len(kinds), 1), squeeze=False)
    )
    units = {
        "lex": "Coefficient per SD of the rate",
        "tfidf": "Coefficient per unit TF-IDF",
    }
    for i, cls in enumerate(classes):
        for j, kind in enumerate(kinds):
            sub = table[(table["class"] == cls) & (table["kind"] == kind)]
            plot_class_coefficients(
                sub,
                ax=axes[i, j],
                color=CATEGORICAL[i % len(CATEGORICAL)],
                title=f"{truncate(cls, 24)}: {KINDS.get(kind, kind)}",
                xlabel=units.get(kind, "Coefficient"),
            )
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=14)
    add_footnote(
        fig,
        "Coefficients of the linear model (log-odds of the class). Lexicon "
        "rates are in the author's voice unless marked (quoted); compare bars "
        "within a panel, not across the two kinds of feature.",
    )
    return fig
