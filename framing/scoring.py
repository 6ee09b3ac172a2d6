"""Score articles with a model; explain them; aggregate per outlet.

:func:`score_documents` gives one row per input row, in order: ``status``
(``ok``, ``empty`` or ``error:<reason>``), the ``predicted`` label, a
probability column ``p_<class>`` per class and ``top_features``, the top-k
linear contributions (coefficient x feature value, for the predicted class)
formatted like ``tfidf:regime=+0.42; lex:hedges=+0.31``.
:func:`score_corpus` streams chunks through it into a
:class:`~framing.output.TableWriter` (memory flat in corpus size, ``n_jobs``
worker processes) and accumulates the outlet table of
:func:`aggregate_by_outlet`: articles, mean probability per class with
bootstrap 95% confidence intervals, share of each predicted label, and mean
framing-category rates by voice. Without a model, :func:`profile_corpus`
gives per-article and per-outlet lexicon profiles.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from framing.features import FramingFeatures, as_texts
from framing.model import LEX, TFIDF, FramingModel
from framing.schema import DATE, ID, OUTLET, STATUS

__all__ = [
    "OutletAccumulator",
    "ScoreSummary",
    "aggregate_by_outlet",
    "bootstrap_mean_ci",
    "evaluate_model",
    "explain_rows",
    "linear_parts",
    "profile_corpus",
    "score_corpus",
    "score_documents",
]

NO_OUTLET = "(no outlet)"
RATE = "rate:"


# -- linear parts and explanations ---------------------------------------------


def linear_parts(classifier: Any) -> tuple[np.ndarray, np.ndarray]:
    """Return the ``(coef, intercept)`` of a fitted linear classifier.

    For a :class:`~sklearn.calibration.CalibratedClassifierCV` the
    coefficients and intercepts of its underlying linear models (one per
    calibration fold) are averaged: explanations then describe the averaged
    linear decision function, not the sigmoid-calibrated probabilities,
    which are a monotone per-class rescaling of each fold's scores.

    Returns
    -------
    coef : ndarray of shape (n_rows, n_features)
        ``n_rows`` is 1 for a binary model (the row scores ``classes_[1]``)
        and the number of classes otherwise.
    intercept : ndarray of shape (n_rows,)
    """
    if hasattr(classifier, "calibrated_classifiers_"):
        parts = [c.estimator for c in classifier.calibrated_classifiers_]
        coef = np.mean([np.asarray(p.coef_, dtype=float) for p in parts], axis=0)
        icpt = np.mean([np.atleast_1d(p.intercept_).astype(float) for p in parts],
                       axis=0)
        return coef, icpt
    if not hasattr(classifier, "coef_"):
        from framing.exceptions import FramingError

        raise FramingError(
            f"cannot explain a {type(classifier).__name__}: not a linear model")
    return (np.asarray(classifier.coef_, dtype=float),
            np.atleast_1d(classifier.intercept_).astype(float))


def _signed(coef: np.ndarray, intercept: np.ndarray, pred: np.ndarray,
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row index into coef and sign for each predicted class index."""
    if coef.shape[0] == 1:
        sign = np.where(pred == 1, 1.0, -1.0)
        return np.zeros_like(pred), sign, sign * intercept[0]
    return pred, np.ones(len(pred)), intercept[pred]


def explain_rows(
    X: Any,
    coef: np.ndarray,
    intercept: np.ndarray,
    pred: np.ndarray,
    names: Sequence[str],
    *,
    top_k: int = 5,
) -> tuple[list[str], np.ndarray]:
    """Top-k signed linear contributions toward each row's predicted class.

    The contribution of feature j to class k is ``coef[k, j] * X[i, j]``
    (for a binary model, ``+coef`` toward ``classes_[1]`` and ``-coef``
    toward ``classes_[0]``); summed over all features and added to the
    class's intercept it gives the decision function.

    Parameters
    ----------
    X : sparse matrix or ndarray of shape (n, n_features)
        Transformed features.
    coef, intercept : see :func:`linear_parts`.
    pred : ndarray of int
        Predicted class index per row.
    names : sequence of str
        Display name per feature.
    top_k : int, default=5
        Contributions per row, by absolute value.

    Returns
    -------
    text : list of str
        ``"name=+0.420; name=-0.100"`` per row.
    totals : ndarray
        Sum of all contributions plus the intercept per row (the decision
        function for the predicted class).

    Examples
    --------
    >>> import numpy as np
    >>> text, total = explain_rows(np.array([[1.0, 2.0]]), np.array([[0.5, -1.0]]),
    ...                            np.array([0.1]), np.array([1]), ["a", "b"])
    >>> text[0], round(float(total[0]), 2)
    ('b=-2.000; a=+0.500', -1.4)
    """
    X = sparse.csr_matrix(X)
    pred = np.asarray(pred, dtype=int)
    rows, sign, base = _signed(coef, intercept, pred)
    counts = np.diff(X.indptr)
    row_of = np.repeat(np.arange(X.shape[0]), counts)
    contrib = X.data * coef[rows[row_of], X.indices] * sign[row_of]
    totals = np.bincount(row_of, weights=contrib, minlength=X.shape[0]) + base
    out = []
    for i in range(X.shape[0]):
        lo, hi = X.indptr[i], X.indptr[i + 1]
        vals = contrib[lo:hi]
        keep = np.nonzero(vals)[0]
        if len(keep) > top_k:
            keep = keep[np.argpartition(-np.abs(vals[keep]), top_k - 1)[:top_k]]
        keep = keep[np.lexsort((X.indices[lo:hi][keep], -np.abs(vals[keep])))]
        idx = X.indices[lo:hi]
        out.append("; ".join(f"{names[idx[j]]}={vals[j]:+.3f}" for j in keep))
    return out, totals


def display_names(raw: Iterable[str]) -> np.ndarray:
    """``lex__hedges`` -> ``lex:hedges``; ``tfidf__the regime`` -> ``tfidf:...``."""
    return np.asarray([n.replace("__", ":", 1) for n in raw], dtype=object)


# -- per-article scores --------------------------------------------------------


def _transform(model: FramingModel, texts: list[str]
               ) -> tuple[Any, np.ndarray | None]:
    """Features of the pipeline's union, and the raw lexicon rates (once)."""
    union = model.pipeline.named_steps["features"]
    weights = union.transformer_weights or {}
    blocks, rates = [], None
    for name, part in union.transformer_list:
        if part == "drop":
            continue
        if name == LEX:
            rates = part.steps[0][1].transform(texts)
            x: Any = rates
            for _, step in part.steps[1:]:
                x = step.transform(x)
        elif name == TFIDF and model.tfidf_index is not None:
            x = model.tfidf_index.transform(texts)
        else:
            x = part.transform(texts)
        if name in weights:
            x = x * weights[name]
        blocks.append(x)
    if any(sparse.issparse(b) for b in blocks):
        return sparse.hstack(blocks).tocsr(), rates
    return np.hstack(blocks), rates


def _strip_known(model: FramingModel, corpus: pd.DataFrame) -> pd.DataFrame:
    if not model.boilerplate or OUTLET not in corpus.columns:
        return corpus
    from framing.boilerplate import strip_boilerplate

    return strip_boilerplate(corpus, boilerplate=model.boilerplate)


def _meta(corpus: pd.DataFrame, keep: Sequence[str]) -> pd.DataFrame:
    cols = [c for c in (ID, OUTLET, DATE, *keep) if c in corpus.columns]
    return corpus[list(dict.fromkeys(cols))].copy()


def _score_block(model: FramingModel, texts: list[str], top_k: int
                 ) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray | None]:
    X, rates = _transform(model, texts)
    clf = model.pipeline.steps[-1][1]
    proba = clf.predict_proba(X)
    pred = proba.argmax(axis=1)
    if top_k > 0:
        coef, icpt = model.linear
        expl, _ = explain_rows(X, coef, icpt, pred, model.feature_names, top_k=top_k)
    else:
        expl = [""] * len(texts)
    return proba, pred, expl, rates


def _reason(exc: BaseException) -> str:
    msg = " ".join(str(exc).split())[:80]
    return f"error:{type(exc).__name__}" + (f": {msg}" if msg else "")


def _score_chunk(model: FramingModel, corpus: pd.DataFrame, *, top_k: int,
                 keep: Sequence[str], strip: bool, rates: bool,
                 ) -> tuple[pd.DataFrame, np.ndarray | None]:
    """Score one chunk; return the table and the raw rates (NaN if not ok)."""
    if strip:
        corpus = _strip_known(model, corpus)
    texts = as_texts(corpus)
    n, classes = len(texts), model.classes
    status = np.array(["ok" if t.strip() else "empty" for t in texts], dtype=object)
    proba = np.full((n, len(classes)), np.nan)
    pred = np.full(n, -1)
    expl = np.full(n, "", dtype=object)
    width = len(model.lexicon_names) if model.lexicon_names is not None else 0
    raw = np.full((n, width), np.nan) if width else None
    ok = np.nonzero(status == "ok")[0]
    if len(ok):
        blocks = [ok]
        try:
            results = [_score_block(model, [texts[i] for i in ok], top_k)]
        except Exception:  # noqa: BLE001 - isolate the failing rows
            blocks, results = [], []
            for i in ok:
                try:
                    results.append(_score_block(model, [texts[i]], top_k))
                    blocks.append(np.array([i]))
                except Exception as exc:  # noqa: BLE001
                    status[i] = _reason(exc)
        for idx, (p, k, e, r) in zip(blocks, results, strict=True):
            proba[idx], pred[idx], expl[idx] = p, k, e
            if raw is not None and r is not None:
                raw[idx] = r
    if raw is None and rates:
        ff = model.rates_transformer
        raw = np.full((n, len(ff.get_feature_names_out())), np.nan)
        if len(ok):
            raw[ok] = ff.transform([texts[i] for i in ok])
    out = _meta(corpus, keep)
    out[STATUS] = status
    labels = np.asarray(classes, dtype=object)
    out["predicted"] = np.where(pred >= 0, labels[np.maximum(pred, 0)], "")
    for j, c in enumerate(classes):
        out[f"p_{c}"] = proba[:, j]
    out["top_features"] = expl
    return out, raw


def score_documents(
    model: FramingModel,
    corpus: pd.DataFrame,
    *,
    top_k: int = 5,
    keep: Sequence[str] = (),
    strip: bool = True,
    rates: bool = False,
) -> pd.DataFrame:
    """Score a corpus (or one chunk of it): one row per input row, in order.

    Parameters
    ----------
    model : FramingModel
        A trained or loaded model.
    corpus : DataFrame
        With a ``text`` column (and ``id``, ``outlet``, ``date`` if present,
        which are carried over).
    top_k : int, default=5
        Contributions listed in ``top_features`` (0: none).
    keep : sequence of str
        Further corpus columns to carry over (e.g. a label column).
    strip : bool, default=True
        Remove the boilerplate lines learned in training from the articles of
        the training outlets first.
    rates : bool, default=False
        Add the article's framing-category rates (``rate:<feature>``).

    Returns
    -------
    DataFrame
        ``id``, ``outlet``, ``date`` (those present), `keep`, ``status``,
        ``predicted``, ``p_<class>`` per class, ``top_features``; empty or
        failed rows have no prediction and NaN probabilities.
    """
    table, raw = _score_chunk(model, corpus, top_k=top_k, keep=keep, strip=strip,
                              rates=rates)
    if rates and raw is not None:
        names = model.lexicon_names if model.lexicon_names is not None else \
            model.rates_transformer.get_feature_names_out()
        table = pd.concat([table, pd.DataFrame(raw, index=table.index,
                                               columns=[RATE + n for n in names])],
                          axis=1)
    return table


def evaluate_model(
    model: FramingModel,
    corpus: pd.DataFrame,
    *,
    label_col: str | None = "label",
    outlet_labels: Any = None,
    strip: bool = True,
    chunksize: int = 5000,
    n_jobs: int = 1,
) -> dict[str, Any]:
    """Metrics of a trained model on a separate labelled corpus.

    Parameters
    ----------
    model : FramingModel
    corpus : DataFrame
        Labelled articles (labels as in :func:`framing.labels.resolve_labels`).
    label_col, outlet_labels
        Where the labels come from.
    strip : bool, default=True
        Strip the corpus's own per-outlet boilerplate first, as training did
        (when the model was trained so).
    chunksize, n_jobs
        Scoring in chunks, with worker processes.

    Returns
    -------
    dict
        :func:`framing.evaluation.classification_metrics` plus ``cv``
        (``"held-out corpus"``) and ``n_outlets``.
    """
    from framing.evaluation import classification_metrics
    from framing.labels import resolve_labels

    kept, y, _ = resolve_labels(corpus, label_col=label_col,
                                outlet_labels=outlet_labels)
    if strip and model.card.get("settings", {}).get("strip_boilerplate") and \
            OUTLET in kept and kept[OUTLET].notna().any():
        from framing.boilerplate import strip_boilerplate

        kept = strip_boilerplate(kept)
    chunks = (kept.iloc[i:i + chunksize] for i in range(0, len(kept), chunksize))
    parts = [t for t, _ in _run(_score_chunk_kw, chunks, n_jobs, model=model,
                                top_k=0, keep=(), strip=True, rates=False)]
    table = pd.concat(parts) if parts else pd.DataFrame()
    proba = table[[f"p_{c}" for c in model.classes]].to_numpy(dtype=float)
    ok = (table[STATUS] == "ok").to_numpy()
    metrics = classification_metrics(y[ok], proba[ok], model.classes)
    metrics.update(cv="held-out corpus",
                   n_outlets=int(kept[OUTLET].nunique()) if OUTLET in kept else None)
    return metrics


# -- per-outlet aggregates -------------------------------------------------------


def bootstrap_batches(
    n: int, *, n_boot: int, seed: int | Sequence[int] = 0,
    max_cells: int = 2_000_000,
) -> Iterator[tuple[int, np.ndarray]]:
    """Yield bootstrap resamples of ``n`` units as index arrays, in batches.

    Each batch is ``(first resample number, indices of shape (b, n))``;
    batches hold at most ``max_cells`` indices, which bounds memory.

    Examples
    --------
    >>> [(start, idx.shape) for start, idx in bootstrap_batches(4, n_boot=3)]
    [(0, (3, 4))]
    """
    rng = np.random.default_rng(seed)
    step = max(1, max_cells // max(n, 1))
    for start in range(0, n_boot, step):
        yield start, rng.integers(0, n, size=(min(step, n_boot - start), n))


def bootstrap_mean_ci(
    values: np.ndarray,
    *,
    n_boot: int = 1000,
    ci: float = 0.95,
    seed: int | Sequence[int] = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Column means with percentile bootstrap confidence intervals.

    Resamples rows with replacement `n_boot` times (vectorised, in batches
    that bound memory).

    Parameters
    ----------
    values : ndarray of shape (n, k)
        One row per article.
    n_boot : int, default=1000
        Resamples.
    ci : float, default=0.95
        Interval coverage.
    seed : int or sequence of int, default=0
        Seed of :func:`numpy.random.default_rng`.

    Returns
    -------
    mean, lo, hi : ndarray of shape (k,)

    Examples
    --------
    >>> import numpy as np
    >>> m, lo, hi = bootstrap_mean_ci(np.array([[0.0], [1.0], [1.0], [0.0]]))
    >>> float(m[0]), bool(lo[0] <= 0.5 <= hi[0])
    (0.5, True)
    """
    values = np.asarray(values, dtype=float)
    n, k = values.shape
    if n == 0:
        nan = np.full(k, np.nan)
        return nan, nan, nan
    means = np.empty((n_boot, k))
    for start, idx in bootstrap_batches(n, n_boot=n_boot, seed=seed):
        means[start:start + len(idx)] = values[idx].mean(axis=1)
    tail = (1 - ci) / 2 * 100
    lo, hi = np.percentile(means, [tail, 100 - tail], axis=0)
    return values.mean(axis=0), lo, hi


def _outlet_seed(seed: int, outlet: str) -> list[int]:
    return [seed, zlib.crc32(outlet.encode("utf-8"))]


def _outlet_key(values: Any) -> np.ndarray:
    return np.asarray([o if isinstance(o, str) and o else NO_OUTLET for o in values],
                      dtype=object)


def aggregate_by_outlet(
    scores: pd.DataFrame,
    *,
    classes: Sequence[str] | None = None,
    rates: pd.DataFrame | None = None,
    n_boot: int = 1000,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Build the outlet table from per-article scores.

    Parameters
    ----------
    scores : DataFrame
        Per-article scores (:func:`score_documents`): ``outlet``, ``status``,
        ``predicted``, ``p_<class>``.
    classes : sequence of str, optional
        Default: from the ``p_`` columns.
    rates : DataFrame, optional
        Per-article framing rates aligned with `scores`; their means per
        outlet are added as ``rate:<feature>`` columns.
    n_boot, ci, seed
        Bootstrap settings (:func:`bootstrap_mean_ci`); each outlet's
        resamples are seeded by `seed` and the outlet's name.

    Returns
    -------
    DataFrame
        One row per outlet (sorted): ``outlet``, ``n_articles`` (scored),
        ``n_rows``, then per class ``p_<c>_mean``, ``p_<c>_lo``, ``p_<c>_hi``,
        then per class ``share_<c>`` (share of articles predicted ``c``),
        then the rate means.
    """
    if classes is None:
        classes = [c[2:] for c in scores.columns if c.startswith("p_")]
    ok = (scores[STATUS] == "ok").to_numpy()
    outlets = _outlet_key(scores[OUTLET] if OUTLET in scores else [None] * len(scores))
    proba = scores[[f"p_{c}" for c in classes]].to_numpy(dtype=float)
    acc = OutletAccumulator(list(classes), n_boot=n_boot, ci=ci, seed=seed)
    rate_values = rates.to_numpy(dtype=float) if rates is not None else None
    acc.add(outlets, ok, proba, scores["predicted"].to_numpy(dtype=object),
            rate_values, list(rates.columns) if rates is not None else None)
    return acc.table()


@dataclass
class OutletAccumulator:
    """Accumulate per-outlet aggregates chunk by chunk (no texts kept).

    Keeps each scored article's class probabilities (a few floats) for the
    bootstrap, and running sums for label shares and framing rates.
    """

    classes: list[str]
    n_boot: int = 1000
    ci: float = 0.95
    seed: int = 0
    _proba: dict[str, list[np.ndarray]] = field(default_factory=dict)
    _rows: dict[str, int] = field(default_factory=dict)
    _rate_sum: dict[str, np.ndarray] = field(default_factory=dict)
    _rate_n: dict[str, int] = field(default_factory=dict)
    _rate_names: list[str] | None = None

    def add(self, outlets: np.ndarray, ok: np.ndarray, proba: np.ndarray | None,
            predicted: np.ndarray | None, rates: np.ndarray | None,
            rate_names: Sequence[str] | None) -> None:
        """Add one chunk: outlet keys, ok mask, probabilities, rates."""
        if rate_names is not None:
            self._rate_names = list(rate_names)
        for outlet in np.unique(outlets):
            mask = outlets == outlet
            self._rows[outlet] = self._rows.get(outlet, 0) + int(mask.sum())
            good = mask & ok
            if proba is not None:
                self._proba.setdefault(outlet, []).append(
                    proba[good].astype(np.float32))
            if rates is not None:
                r = rates[good]
                self._rate_sum[outlet] = self._rate_sum.get(outlet, 0) + np.nansum(
                    r, axis=0)
                self._rate_n[outlet] = self._rate_n.get(outlet, 0) + len(r)

    def table(self) -> pd.DataFrame:
        """Return the outlet table (see :func:`aggregate_by_outlet`)."""
        rows = []
        for outlet in sorted(self._rows):
            row: dict[str, Any] = {OUTLET: outlet, "n_rows": self._rows[outlet]}
            if self._proba:
                parts = self._proba.get(outlet, [])
                p = (np.vstack(parts).astype(float) if parts
                     else np.zeros((0, len(self.classes))))
                row["n_articles"] = len(p)
                mean, lo, hi = bootstrap_mean_ci(
                    p, n_boot=self.n_boot, ci=self.ci,
                    seed=_outlet_seed(self.seed, outlet))
                for j, c in enumerate(self.classes):
                    row[f"p_{c}_mean"], row[f"p_{c}_lo"], row[f"p_{c}_hi"] = (
                        mean[j], lo[j], hi[j])
                top = p.argmax(axis=1) if len(p) else np.zeros(0, dtype=int)
                for j, c in enumerate(self.classes):
                    row[f"share_{c}"] = (float((top == j).mean()) if len(p)
                                         else np.nan)
            else:
                row["n_articles"] = self._rate_n.get(outlet, 0)
            if self._rate_names is not None:
                n = self._rate_n.get(outlet, 0)
                sums = self._rate_sum.get(outlet)
                for j, name in enumerate(self._rate_names):
                    key = name if name.startswith(RATE) else RATE + name
                    row[key] = float(sums[j] / n) if n and sums is not None \
                        else np.nan
            rows.append(row)
        table = pd.DataFrame(rows)
        if table.empty:
            return table
        first = [OUTLET, "n_articles", "n_rows"]
        return table[first + [c for c in table.columns if c not in first]]


# -- streaming -------------------------------------------------------------------


@dataclass
class ScoreSummary:
    """What :func:`score_corpus` did: row counts and the outlet table."""

    rows: int = 0
    ok: int = 0
    empty: int = 0
    errors: int = 0
    outlets: pd.DataFrame | None = None


def _pieces(chunks: Iterable[pd.DataFrame], n_jobs: int) -> Iterator[pd.DataFrame]:
    for chunk in chunks:
        size = max(1, -(-len(chunk) // n_jobs))
        for i in range(0, max(len(chunk), 1), size):
            yield chunk.iloc[i:i + size]


def _run(fn: Any, chunks: Iterable[pd.DataFrame], n_jobs: int, **kw: Any
         ) -> Iterator[Any]:
    if n_jobs == 1:
        for chunk in chunks:
            yield fn(chunk, **kw)
        return
    from joblib import Parallel, delayed

    workers = n_jobs if n_jobs > 0 else (__import__("os").cpu_count() or 1)
    parallel = Parallel(n_jobs=workers, return_as="generator",
                        pre_dispatch="2*n_jobs")
    yield from parallel(delayed(fn)(piece, **kw)
                        for piece in _pieces(chunks, workers))


def score_corpus(
    model: FramingModel,
    chunks: Iterable[pd.DataFrame],
    writer: Any = None,
    *,
    top_k: int = 5,
    keep: Sequence[str] = (),
    strip: bool = True,
    by_outlet: bool = False,
    n_boot: int = 1000,
    seed: int = 0,
    n_jobs: int = 1,
) -> ScoreSummary:
    """Score chunks in a stream, writing each as it is done.

    Parameters
    ----------
    model : FramingModel
    chunks : iterable of DataFrame
        E.g. :func:`framing.corpus.iter_corpus`.
    writer : TableWriter, optional
        Receives each chunk's scores, in input order.
    top_k, keep, strip
        See :func:`score_documents`.
    by_outlet : bool, default=False
        Accumulate the outlet table (:func:`aggregate_by_outlet`).
    n_boot, seed
        Bootstrap settings.
    n_jobs : int, default=1
        Worker processes; each chunk is split among them (-1: all cores).

    Returns
    -------
    ScoreSummary
    """
    _single_thread_features(model)
    acc = OutletAccumulator(model.classes, n_boot=n_boot, seed=seed)
    names = None
    if by_outlet:
        names = (model.lexicon_names if model.lexicon_names is not None
                 else model.rates_transformer.get_feature_names_out())
    summary = ScoreSummary()
    for table, raw in _run(_score_chunk_kw, chunks, n_jobs, model=model, top_k=top_k,
                           keep=tuple(keep), strip=strip, rates=by_outlet):
        if writer is not None:
            writer.write(table)
        status = table[STATUS].to_numpy(dtype=object)
        ok = status == "ok"
        summary.rows += len(table)
        summary.ok += int(ok.sum())
        summary.empty += int((status == "empty").sum())
        summary.errors += int(len(table) - ok.sum() - (status == "empty").sum())
        if by_outlet:
            outlets = _outlet_key(table[OUTLET] if OUTLET in table
                                  else [None] * len(table))
            proba = table[[f"p_{c}" for c in model.classes]].to_numpy(dtype=float)
            acc.add(outlets, ok, proba, None, raw, names)
    if by_outlet:
        summary.outlets = acc.table()
    return summary


def _score_chunk_kw(chunk: pd.DataFrame, *, model: FramingModel, **kw: Any) -> Any:
    return _score_chunk(model, chunk, **kw)


def _single_thread_features(model: FramingModel) -> None:
    union = model.pipeline.named_steps["features"]
    for name, part in union.transformer_list:
        if name == LEX:
            part.steps[0][1].n_jobs = None


def profile_corpus(
    transformer: FramingFeatures,
    chunks: Iterable[pd.DataFrame],
    writer: Any = None,
    *,
    keep: Sequence[str] = (),
    by_outlet: bool = True,
    n_jobs: int = 1,
) -> ScoreSummary:
    """Lexicon profiles without a model: per article and per outlet.

    Parameters
    ----------
    transformer : FramingFeatures
        Fitted (``FramingFeatures().fit([])``).
    chunks : iterable of DataFrame
    writer : TableWriter, optional
        Receives :func:`framing.features.features_frame` rows per chunk.
    keep : sequence of str
        Extra columns to carry over.
    by_outlet : bool, default=True
        Build the outlet table: ``n_articles`` and mean rates.
    n_jobs : int, default=1
        Worker processes.

    Returns
    -------
    ScoreSummary
        ``outlets`` holds the outlet table.
    """
    names = list(transformer.get_feature_names_out())
    acc = OutletAccumulator([], seed=0)
    summary = ScoreSummary()
    for table in _run(_profile_chunk, chunks, n_jobs, transformer=transformer,
                      keep=tuple(keep)):
        if writer is not None:
            writer.write(table)
        ok = (table[STATUS] == "ok").to_numpy()
        summary.rows += len(table)
        summary.ok += int(ok.sum())
        summary.empty += int((~ok).sum())
        if by_outlet:
            outlets = _outlet_key(table[OUTLET] if OUTLET in table
                                  else [None] * len(table))
            acc.add(outlets, ok, None, None, table[names].to_numpy(dtype=float),
                    names)
    if by_outlet:
        summary.outlets = acc.table()
    return summary


def _profile_chunk(chunk: pd.DataFrame, *, transformer: FramingFeatures,
                   keep: tuple[str, ...]) -> pd.DataFrame:
    from framing.features import features_frame

    return features_frame(chunk, transformer, keep=keep)
