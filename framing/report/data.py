"""Shape features and scores into the small tables the charts draw.

Pure pandas/numpy, no matplotlib: every chart in :mod:`framing.report`
draws one of these tables, so a notebook can print or export the numbers
behind a chart. Rates are per 1,000 tokens throughout.

Lexicon framing index
---------------------
Without a trained model, the outlet score chart shows the *lexicon framing
index*: matches of the lexicon's **loaded** categories (``loaded = true`` in
the lexicon, e.g. name-calling, delegitimising qualifiers, emotive
intensifiers) **in the outlet's own voice** (quotations excluded), per 1,000
tokens, pooled over the outlet's articles (total matches / total tokens).
Its 95% confidence interval is a percentile bootstrap over articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from framing.bootstrap import bootstrap_batches
from framing.columns import DATE, OUTLET, QUOTED, STATUS

__all__ = [
    "INDEX_NAME",
    "UNKNOWN_OUTLET",
    "bootstrap_ci",
    "category_rate_matrix",
    "corpus_summary",
    "match_counts",
    "monthly_rates",
    "ok_rows",
    "outlet_index_table",
    "outlet_scores_long",
    "select_outlets",
    "time_frequency",
    "voice_table",
]

INDEX_NAME = "loaded language (author voice)"
UNKNOWN_OUTLET = "(no outlet)"
_PER = 1000.0


def ok_rows(features: pd.DataFrame) -> pd.DataFrame:
    """Rows with text (``status == ok``) and a filled-in outlet column."""
    table = features
    if STATUS in table.columns:
        table = table[table[STATUS].astype(str) == "ok"]
    table = table.copy()
    if OUTLET not in table.columns:
        table[OUTLET] = UNKNOWN_OUTLET
    table[OUTLET] = (
        table[OUTLET]
        .astype(object)
        .where(
            table[OUTLET].notna() & (table[OUTLET].astype(str).str.strip() != ""),
            UNKNOWN_OUTLET,
        )
        .astype(str)
    )
    return table


def bootstrap_ci(
    num: np.ndarray,
    den: np.ndarray | None = None,
    *,
    n_boot: int = 2000,
    level: float = 0.95,
    random_state: int = 0,
) -> tuple[float, float, float]:
    """Return an estimate and its percentile-bootstrap confidence interval.

    With ``den`` the statistic is the ratio of sums ``sum(num) / sum(den)``
    (a pooled rate); without, the mean of ``num``. Units are resampled with
    replacement.

    Parameters
    ----------
    num : array of float
        Per-unit values (or numerators).
    den : array of float, optional
        Per-unit denominators.
    n_boot : int, default=2000
        Bootstrap resamples.
    level : float, default=0.95
        Confidence level.
    random_state : int, default=0
        Seed.

    Returns
    -------
    (float, float, float)
        Estimate, lower and upper bound (NaN for no units; the estimate
        twice for one unit).

    Examples
    --------
    >>> est, lo, hi = bootstrap_ci(np.array([1.0, 2.0, 3.0, 4.0]))
    >>> est, lo <= est <= hi
    (2.5, True)
    """
    num = np.asarray(num, dtype=float)
    den = None if den is None else np.asarray(den, dtype=float)
    n = len(num)
    if n == 0 or (den is not None and den.sum() <= 0):
        return (np.nan, np.nan, np.nan)
    est = float(num.sum() / den.sum()) if den is not None else float(num.mean())
    if n == 1:
        return (est, est, est)
    stats = np.empty(n_boot)
    for start, idx in bootstrap_batches(n, n_boot=n_boot, seed=random_state):
        stop = start + len(idx)
        if den is None:
            stats[start:stop] = num[idx].mean(axis=1)
        else:
            d = den[idx].sum(axis=1)
            with np.errstate(invalid="ignore", divide="ignore"):
                stats[start:stop] = num[idx].sum(axis=1) / d
    alpha = (1 - level) / 2
    lo, hi = np.nanquantile(stats, [alpha, 1 - alpha])
    return (est, float(lo), float(hi))


def match_counts(
    features: pd.DataFrame, categories: Sequence[str], *, voice: str = "author"
) -> pd.Series:
    """Return per-article match counts summed over ``categories``.

    Counts are recovered from the rates (rate x tokens / 1,000).

    Parameters
    ----------
    features : DataFrame
        From :func:`framing.features.transformer.features_frame`.
    categories : sequence of str
        Lexicon categories.
    voice : {"author", "quoted", "both"}, default="author"
        Which voice to count.
    """
    cols: list[str] = []
    for c in categories:
        if voice in ("author", "both") and c in features.columns:
            cols.append(c)
        if voice in ("quoted", "both") and f"{c}@{QUOTED}" in features.columns:
            cols.append(f"{c}@{QUOTED}")
    rates = features[cols].fillna(0.0).sum(axis=1) if cols else 0.0
    return (rates * features["n_tokens"].fillna(0.0) / _PER).round(6)


def select_outlets(counts: pd.Series, top: int | None) -> tuple[list[str], str]:
    """Pick the ``top`` outlets by article count; say how many were dropped.

    Parameters
    ----------
    counts : Series
        Articles per outlet.
    top : int or None
        How many to keep (``None``: all).

    Returns
    -------
    (list of str, str)
        Outlet names (most articles first, ties by name) and a note such as
        ``"showing 25 of 180 outlets (by article count)"``, or ``""``.

    Examples
    --------
    >>> select_outlets(pd.Series({"a": 3, "b": 9, "c": 1}), 2)
    (['b', 'a'], 'showing 2 of 3 outlets (by article count)')
    """
    order = sorted(counts.index, key=lambda o: (-counts[o], str(o)))
    if top is None or len(order) <= top:
        return [str(o) for o in order], ""
    return (
        [str(o) for o in order[:top]],
        f"showing {top} of {len(order):,} outlets (by article count)",
    )


def outlet_index_table(
    features: pd.DataFrame,
    categories: Sequence[str],
    *,
    n_boot: int = 2000,
    random_state: int = 0,
) -> pd.DataFrame:
    """Return the lexicon framing index per outlet with a bootstrap 95% CI.

    See the module docstring for the definition.

    Returns
    -------
    DataFrame
        Long format: ``outlet, series, mean, ci_low, ci_high, n`` with
        ``series`` = :data:`INDEX_NAME` and ``n`` the article count.
    """
    table = ok_rows(features)
    table = table.assign(
        _m=match_counts(table, categories), _t=table["n_tokens"].fillna(0.0)
    )
    rows = []
    for outlet, g in table.groupby(OUTLET, sort=True):
        est, lo, hi = bootstrap_ci(
            g["_m"].to_numpy(),
            g["_t"].to_numpy(),
            n_boot=n_boot,
            random_state=random_state,
        )
        rows.append((outlet, INDEX_NAME, est * _PER, lo * _PER, hi * _PER, len(g)))
    return pd.DataFrame(
        rows, columns=["outlet", "series", "mean", "ci_low", "ci_high", "n"]
    )


def outlet_scores_long(outlets: pd.DataFrame) -> pd.DataFrame:
    """Reshape an outlet table of :func:`framing.scoring.aggregate.aggregate_by_outlet`.

    Parameters
    ----------
    outlets : DataFrame
        One row per outlet with ``outlet``, ``n_articles`` and, per class,
        ``p_<c>_mean``, ``p_<c>_lo``, ``p_<c>_hi``.

    Returns
    -------
    DataFrame
        Long format ``outlet, series, mean, ci_low, ci_high, n`` (``series``
        is the class), the input of
        :func:`~framing.report.scores.plot_outlet_scores`. Empty when the
        table has no probability columns.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["a"], "n_articles": [3], "p_x_mean": [.6],
    ...                   "p_x_lo": [.5], "p_x_hi": [.7]})
    >>> outlet_scores_long(t)[["series", "mean", "n"]].values.tolist()
    [['x', 0.6, 3]]
    """
    classes = [
        c[2:-5]
        for c in outlets.columns
        if str(c).startswith("p_") and str(c).endswith("_mean")
    ]
    n_col = "n_articles" if "n_articles" in outlets.columns else "n"
    rows = []
    for _, row in outlets.iterrows():
        for c in classes:
            rows.append(
                (
                    str(row[OUTLET]),
                    c,
                    row[f"p_{c}_mean"],
                    row.get(f"p_{c}_lo", np.nan),
                    row.get(f"p_{c}_hi", np.nan),
                    int(row.get(n_col, 0) or 0),
                )
            )
    return pd.DataFrame(
        rows, columns=["outlet", "series", "mean", "ci_low", "ci_high", "n"]
    )


def category_rate_matrix(
    features: pd.DataFrame, categories: Sequence[str], *, voice: str = "author"
) -> tuple[pd.DataFrame, pd.Series]:
    """Return pooled rates per 1,000 tokens, outlets x categories.

    Parameters
    ----------
    features : DataFrame
        From :func:`framing.features.transformer.features_frame`.
    categories : sequence of str
        Columns of the matrix (lexicon categories; ``scare_quotes`` allowed).
    voice : {"author", "quoted"}, default="author"

    Returns
    -------
    (DataFrame, Series)
        The matrix (index outlet) and articles per outlet.
    """
    table = ok_rows(features)
    tokens = table["n_tokens"].fillna(0.0)
    counts = pd.DataFrame(
        {c: match_counts(table, [c], voice=voice) for c in categories},
        index=table.index,
    )
    counts[OUTLET] = table[OUTLET]
    counts["_t"] = tokens
    grouped = counts.groupby(OUTLET, sort=True)
    sums = grouped.sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        matrix = (
            sums[list(categories)].div(sums["_t"].where(sums["_t"] > 0), axis=0) * _PER
        )
    return matrix, grouped.size()


def voice_table(features: pd.DataFrame, categories: Sequence[str]) -> pd.DataFrame:
    """Return, per outlet, loaded-term matches in its own voice vs in quotes.

    Returns
    -------
    DataFrame
        Index outlet; columns ``author``, ``quoted``, ``total`` (matches),
        ``author_share`` (NaN with no matches) and ``n`` (articles).
    """
    table = ok_rows(features)
    frame = pd.DataFrame(
        {
            OUTLET: table[OUTLET],
            "author": match_counts(table, categories, voice="author"),
            "quoted": match_counts(table, categories, voice="quoted"),
        }
    )
    out = frame.groupby(OUTLET, sort=True).agg(
        author=("author", "sum"), quoted=("quoted", "sum"), n=("author", "size")
    )
    out = out.round(0)
    out["total"] = out["author"] + out["quoted"]
    out["author_share"] = out["author"] / out["total"].where(out["total"] > 0)
    return out[["author", "quoted", "total", "author_share", "n"]]


def time_frequency(dates: pd.Series) -> tuple[str, str]:
    """Pick a period for time series: monthly up to 3 years, else coarser.

    Returns
    -------
    (str, str)
        A pandas period alias (``"M"``, ``"Q"``, ``"Y"``) and its noun.
    """
    dates = pd.to_datetime(dates, errors="coerce").dropna()
    if dates.empty:
        return "M", "month"
    months = (dates.max().year - dates.min().year) * 12 + (
        dates.max().month - dates.min().month
    )
    if months <= 36:
        return "M", "month"
    if months <= 120:
        return "Q", "quarter"
    return "Y", "year"


def monthly_rates(
    features: pd.DataFrame,
    categories: Sequence[str],
    *,
    freq: str | None = None,
) -> pd.DataFrame:
    """Return the loaded-term rate (author voice) per outlet and period.

    Parameters
    ----------
    features : DataFrame
        With ``outlet``, ``date`` and ``n_tokens`` columns.
    categories : sequence of str
        Categories to count (usually the loaded ones).
    freq : {"M", "Q", "Y"}, optional
        Period; default from :func:`time_frequency`.

    Returns
    -------
    DataFrame
        ``outlet, period`` (Timestamp, start of period), ``articles``,
        ``matches``, ``tokens``, ``rate`` (per 1,000 tokens). Empty without
        dates.
    """
    cols = ["outlet", "period", "articles", "matches", "tokens", "rate"]
    table = ok_rows(features)
    if DATE not in table.columns:
        return pd.DataFrame(columns=cols)
    dates = pd.to_datetime(table[DATE], errors="coerce")
    keep = dates.notna()
    if not keep.any():
        return pd.DataFrame(columns=cols)
    freq = freq or time_frequency(dates)[0]
    table = table[keep]
    frame = pd.DataFrame(
        {
            "outlet": table[OUTLET],
            "period": dates[keep].dt.to_period(freq).dt.start_time,
            "matches": match_counts(table, categories),
            "tokens": table["n_tokens"].fillna(0.0),
        }
    )
    out = (
        frame.groupby(["outlet", "period"], sort=True)
        .agg(
            articles=("matches", "size"),
            matches=("matches", "sum"),
            tokens=("tokens", "sum"),
        )
        .reset_index()
    )
    out["rate"] = out["matches"] / out["tokens"].where(out["tokens"] > 0) * _PER
    return out[cols]


def corpus_summary(
    corpus: pd.DataFrame, features: pd.DataFrame | None = None
) -> dict[str, Any]:
    """Return headline numbers of a corpus for the title page.

    Returns
    -------
    dict
        ``articles``, ``empty``, ``outlets``, ``date_min``, ``date_max``
        (Timestamps or None), ``tokens`` (None without features).
    """
    out: dict[str, Any] = {
        "articles": len(corpus),
        "empty": 0,
        "tokens": None,
        "date_min": None,
        "date_max": None,
    }
    outlets = corpus[OUTLET].dropna() if OUTLET in corpus.columns else pd.Series()
    out["outlets"] = int(outlets.astype(str).nunique())
    if DATE in corpus.columns:
        dates = pd.to_datetime(corpus[DATE], errors="coerce").dropna()
        if len(dates):
            out["date_min"], out["date_max"] = dates.min(), dates.max()
    if features is not None:
        out["tokens"] = int(features["n_tokens"].fillna(0).sum())
        if STATUS in features.columns:
            out["empty"] = int((features[STATUS].astype(str) != "ok").sum())
    return out
