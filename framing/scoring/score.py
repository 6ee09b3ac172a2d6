"""Score articles with a model, stream corpora through it, evaluate it.

:func:`score_documents` gives one row per input row, in order: ``status``
(``ok``, ``empty`` or ``error:<reason>``), the ``predicted`` label, a
probability column ``p_<class>`` per class and ``top_features``, the top-k
linear contributions (coefficient x feature value, for the predicted class;
:mod:`framing.model.explain`) formatted like ``tfidf:regime=+0.42; lex:hedges=+0.31``.
:func:`score_corpus` streams chunks through it into a
:class:`~framing.tables.TableWriter` (memory flat in corpus size, ``n_jobs``
worker processes) and accumulates the outlet table
(:mod:`framing.scoring.aggregate`): articles, mean probability per class with
bootstrap 95% confidence intervals, share of each predicted label, and mean
framing-category rates by voice. Without a model, :func:`profile_corpus`
gives per-article and per-outlet lexicon profiles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from framing.columns import DATE, ID, OUTLET, STATUS
from framing.features.transformer import FramingFeatures, as_texts
from framing.model.explain import explain_rows
from framing.model.framing_model import FramingModel
from framing.model.pipeline import (
    LEX,
    TFIDF,
    classifier,
    feature_parts,
    feature_union,
    framing_step,
    lexicon_tail,
)
from framing.scoring.aggregate import (
    RATE,
    OutletAccumulator,
    outlet_keys,
)

__all__ = [
    "ScoreSummary",
    "evaluate_model",
    "profile_corpus",
    "score_corpus",
    "score_documents",
]


# -- per-article scores --------------------------------------------------------


def _transform(model: FramingModel, texts: list[str]) -> tuple[Any, np.ndarray | None]:
    """Features of the pipeline's union, and the raw lexicon rates (once)."""
    weights = feature_union(model.pipeline).transformer_weights or {}
    blocks, rates = [], None
    for name, part in feature_parts(model.pipeline).items():
        if part == "drop":
            continue
        if name == LEX:
            rates = framing_step(model.pipeline).transform(texts)
            x: Any = rates
            for step in lexicon_tail(model.pipeline):
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
    """Strip what training stripped: photo credits, known outlets' boilerplate.

    Models saved before credits were stripped have no ``strip_credits``
    setting and keep their credits, as in their training.
    """
    from framing.corpus.boilerplate import apply_boilerplate

    credits = bool(model.card.get("settings", {}).get("strip_credits"))
    return apply_boilerplate(corpus, model.boilerplate, credits=credits)


def _meta(corpus: pd.DataFrame, keep: Sequence[str]) -> pd.DataFrame:
    cols = [c for c in (ID, OUTLET, DATE, *keep) if c in corpus.columns]
    return corpus[list(dict.fromkeys(cols))].copy()


def _score_block(
    model: FramingModel, texts: list[str], top_k: int
) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray | None]:
    X, rates = _transform(model, texts)
    clf = classifier(model.pipeline)
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


def _score_chunk(
    model: FramingModel,
    corpus: pd.DataFrame,
    *,
    top_k: int,
    keep: Sequence[str],
    strip: bool,
    rates: bool,
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
    table, raw = _score_chunk(
        model, corpus, top_k=top_k, keep=keep, strip=strip, rates=rates
    )
    if rates and raw is not None:
        names = (
            model.lexicon_names
            if model.lexicon_names is not None
            else model.rates_transformer.get_feature_names_out()
        )
        table = pd.concat(
            [
                table,
                pd.DataFrame(raw, index=table.index, columns=[RATE + n for n in names]),
            ],
            axis=1,
        )
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
        Labelled articles (labels as in :func:`framing.corpus.labels.resolve_labels`);
        a single label is enough.
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
        :func:`framing.evaluation.metrics.classification_metrics` plus ``cv``
        (``"held-out corpus"``) and ``n_outlets``.
    """
    from framing.corpus.labels import resolve_labels
    from framing.evaluation.metrics import classification_metrics

    kept, y, _ = resolve_labels(
        corpus,
        label_col=label_col,
        outlet_labels=outlet_labels,
        min_labels=1,
        purpose="evaluation",
    )
    if (
        strip
        and model.card.get("settings", {}).get("strip_boilerplate")
        and OUTLET in kept
        and kept[OUTLET].notna().any()
    ):
        from framing.corpus.boilerplate import find_and_strip

        # Credits first, as in training (the lines are found without them).
        credits = bool(model.card.get("settings", {}).get("strip_credits"))
        kept, _ = find_and_strip(kept, credits=credits)
    chunks = (kept.iloc[i : i + chunksize] for i in range(0, len(kept), chunksize))
    parts = [
        t
        for t, _ in _run(
            _score_chunk_kw,
            chunks,
            n_jobs,
            model=model,
            top_k=0,
            keep=(),
            strip=True,
            rates=False,
        )
    ]
    table = pd.concat(parts) if parts else pd.DataFrame()
    proba = table[[f"p_{c}" for c in model.classes]].to_numpy(dtype=float)
    ok = (table[STATUS] == "ok").to_numpy()
    metrics = classification_metrics(y[ok], proba[ok], model.classes)
    metrics.update(
        cv="held-out corpus",
        n_outlets=int(kept[OUTLET].nunique()) if OUTLET in kept else None,
    )
    return metrics


# -- streaming -------------------------------------------------------------------


@dataclass
class ScoreSummary:
    """What :func:`score_corpus` did: row counts and the outlet table."""

    rows: int = 0
    ok: int = 0
    empty: int = 0
    errors: int = 0
    outlets: pd.DataFrame | None = None


def _take(table: pd.DataFrame, writer: Any, summary: ScoreSummary) -> np.ndarray:
    """Write one finished chunk, count its statuses and return its ok mask.

    ``ok`` and ``empty`` are counted as such; any other status is an error.
    """
    if writer is not None:
        writer.write(table)
    status = table[STATUS].to_numpy(dtype=object)
    ok, empty = status == "ok", int((status == "empty").sum())
    summary.rows += len(status)
    summary.ok += int(ok.sum())
    summary.empty += empty
    summary.errors += len(status) - int(ok.sum()) - empty
    return ok


def _pieces(chunks: Iterable[pd.DataFrame], n_jobs: int) -> Iterator[pd.DataFrame]:
    for chunk in chunks:
        size = max(1, -(-len(chunk) // n_jobs))
        for i in range(0, max(len(chunk), 1), size):
            yield chunk.iloc[i : i + size]


def _run(
    fn: Any, chunks: Iterable[pd.DataFrame], n_jobs: int, **kw: Any
) -> Iterator[Any]:
    if n_jobs == 1:
        for chunk in chunks:
            yield fn(chunk, **kw)
        return
    from joblib import Parallel, delayed

    workers = n_jobs if n_jobs > 0 else (__import__("os").cpu_count() or 1)
    parallel = Parallel(n_jobs=workers, return_as="generator", pre_dispatch="2*n_jobs")
    yield from parallel(delayed(fn)(piece, **kw) for piece in _pieces(chunks, workers))


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
        E.g. :func:`framing.corpus.read.iter_corpus`.
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
        names = (
            model.lexicon_names
            if model.lexicon_names is not None
            else model.rates_transformer.get_feature_names_out()
        )
    summary = ScoreSummary()
    for table, raw in _run(
        _score_chunk_kw,
        chunks,
        n_jobs,
        model=model,
        top_k=top_k,
        keep=tuple(keep),
        strip=strip,
        rates=by_outlet,
    ):
        ok = _take(table, writer, summary)
        if by_outlet:
            proba = table[[f"p_{c}" for c in model.classes]].to_numpy(dtype=float)
            acc.add(outlet_keys(table), ok, proba, raw, names)
    if by_outlet:
        summary.outlets = acc.table()
    return summary


def _score_chunk_kw(chunk: pd.DataFrame, *, model: FramingModel, **kw: Any) -> Any:
    return _score_chunk(model, chunk, **kw)


def _single_thread_features(model: FramingModel) -> None:
    ff = framing_step(model.pipeline)
    if ff is not None:
        ff.n_jobs = None


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
        Receives :func:`framing.features.transformer.features_frame` rows per chunk.
    keep : sequence of str
        Extra columns to carry over.
    by_outlet : bool, default=True
        Build the outlet table: ``n_articles`` and mean rates.
    n_jobs : int, default=1
        Worker processes.

    Returns
    -------
    ScoreSummary
        Rows counted as ``ok``, ``empty`` or errors (any other status);
        ``outlets`` holds the outlet table.
    """
    names = list(transformer.get_feature_names_out())
    acc = OutletAccumulator([], seed=0)
    summary = ScoreSummary()
    for table in _run(
        _profile_chunk, chunks, n_jobs, transformer=transformer, keep=tuple(keep)
    ):
        ok = _take(table, writer, summary)
        if by_outlet:
            acc.add(
                outlet_keys(table), ok, None, table[names].to_numpy(dtype=float), names
            )
    if by_outlet:
        summary.outlets = acc.table()
    return summary


def _profile_chunk(
    chunk: pd.DataFrame, *, transformer: FramingFeatures, keep: tuple[str, ...]
) -> pd.DataFrame:
    from framing.features.transformer import features_frame

    return features_frame(chunk, transformer, keep=keep)
