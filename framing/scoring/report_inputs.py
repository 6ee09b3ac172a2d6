"""Everything the report draws, computed once: features, scores, coefficients.

:func:`collect_report_inputs` does the computing a report needs (resolve the
lexicon, load the model, compute the framing features, score the corpus,
aggregate per outlet, extract the strongest coefficients) and returns a
:class:`ReportInputs`; :func:`framing.report.assemble.build_report` then only
draws what it is given. A notebook can also build :class:`ReportInputs` by
hand from tables it already has.

It lives in scoring, the last computing stage: it needs the lexicon, model,
features and scoring stages, and the report may import none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from framing.errors import FramingError

if TYPE_CHECKING:
    from framing.lexicon.lexicon import Lexicon
    from framing.model.framing_model import FramingModel

__all__ = ["ReportInputs", "collect_report_inputs", "top_coefficients"]


@dataclass(frozen=True, eq=False)
class ReportInputs:
    """The computed tables and objects a report draws.

    Attributes
    ----------
    corpus : DataFrame
        The canonical corpus (for the title page's counts and dates).
    features : DataFrame
        :func:`framing.features.transformer.features_frame` of `corpus`.
    lexicon : Lexicon
        The lexicon behind `features` (names, digest, loaded categories).
    scores : DataFrame or None
        Per-article scores (:func:`framing.scoring.score.score_documents`).
    outlets : DataFrame or None
        Outlet table (:func:`framing.scoring.aggregate.aggregate_by_outlet`).
    card : dict or None
        The model card; None without a model.
    coefficients : DataFrame or None
        :func:`top_coefficients` of the model.
    coefficients_note : str
        Why a given model has no `coefficients` (e.g. not a linear model).
    terms : DataFrame or None
        A ``framing discover`` table (:func:`framing.discovery.terms.discover_terms`).
    terms_group : str or None
        The group of `terms` drawn with positive z (default: its first group).
    source : str or None
        The corpus file the report is about.
    """

    corpus: pd.DataFrame
    features: pd.DataFrame
    lexicon: Lexicon
    scores: pd.DataFrame | None = None
    outlets: pd.DataFrame | None = None
    card: dict[str, Any] | None = None
    coefficients: pd.DataFrame | None = None
    coefficients_note: str = ""
    terms: pd.DataFrame | None = None
    terms_group: str | None = None
    source: str | None = None


def top_coefficients(model: Any, *, k: int = 10) -> pd.DataFrame:
    """Return the ``k`` largest positive coefficients per class and kind.

    Parameters
    ----------
    model : FramingModel
        A fitted model (:mod:`framing.model.training`): its ``classes``,
        ``feature_names`` (``lex:<c>`` / ``tfidf:<n-gram>``) and ``linear``.
    k : int, default=10
        Features per class and kind.

    Returns
    -------
    DataFrame
        ``class``, ``kind`` (``lex`` or ``tfidf``), ``feature``, ``weight``;
        strongest first within each class and kind. For a binary model the
        first class gets the negated coefficients.
    """
    coef, _ = model.linear
    classes = list(model.classes)
    names = np.asarray(model.feature_names, dtype=object)
    if coef.shape[0] == 1 and len(classes) == 2:
        coef = np.vstack([-coef[0], coef[0]])
    kinds = np.array([str(n).split(":", 1)[0] for n in names], dtype=object)
    rows = []
    for ci, cls in enumerate(classes):
        for kind in dict.fromkeys(kinds):
            idx = np.flatnonzero(kinds == kind)
            w = coef[ci, idx]
            pos = idx[w > 0]
            order = pos[np.lexsort((names[pos].astype(str), -coef[ci, pos]))][:k]
            rows += [(cls, kind, names[j], float(coef[ci, j])) for j in order]
    return pd.DataFrame(rows, columns=["class", "kind", "feature", "weight"])


def collect_report_inputs(
    corpus: pd.DataFrame,
    *,
    model: FramingModel | None = None,
    model_dir: str | Path | None = None,
    trust: bool = False,
    scores: pd.DataFrame | None = None,
    outlets: pd.DataFrame | None = None,
    features: pd.DataFrame | None = None,
    lexicon: Any = None,
    terms: pd.DataFrame | None = None,
    terms_group: str | None = None,
    source: str | None = None,
    n_boot: int = 2000,
) -> ReportInputs:
    """Compute what a report of `corpus` draws, from whatever is at hand.

    Parameters
    ----------
    corpus : DataFrame
        Canonical corpus (:func:`framing.corpus.read.read_corpus`).
    model : FramingModel, optional
        An already loaded model.
    model_dir : str or Path, optional
        A saved model directory, loaded when `model` is not given.
    trust : bool, default=False
        Passed to :func:`framing.model.storage.load_model`.
    scores : DataFrame, optional
        Per-article scores; computed from the model when absent.
    outlets : DataFrame, optional
        Outlet table; aggregated from `scores` when absent and `scores` has
        probability columns.
    features : DataFrame, optional
        Framing features of `corpus`; computed when absent.
    lexicon : Lexicon, mapping or path(s), optional
        Default: the model's lexicon, else the shipped one
        (:func:`framing.lexicon.load.resolve_lexicon`).
    terms : DataFrame, optional
        A distinguishing-terms table, passed through.
    terms_group : str, optional
        The group of `terms` drawn with positive z, passed through.
    source : str, optional
        The corpus file's name, passed through.
    n_boot : int, default=2000
        Bootstrap resamples for the outlet table's confidence intervals.

    Returns
    -------
    ReportInputs

    Raises
    ------
    FramingError
        An unreadable model or lexicon, or a corpus without a text column.

    Examples
    --------
    >>> corpus = pd.DataFrame({"id": ["1"], "outlet": ["Wire"],
    ...                        "text": ["The so-called regime fled."]})
    >>> inputs = collect_report_inputs(corpus, source="wire.jsonl")
    >>> len(inputs.features), inputs.card is None, inputs.lexicon.name
    (1, True, 'general+conflict')
    """
    from framing.features.transformer import FramingFeatures, features_frame

    if model is None and model_dir is not None:
        from framing.model.storage import load_model

        model = load_model(model_dir, trust=trust)
    lex = _resolve_lexicon(lexicon, model)
    if features is None:
        features = features_frame(corpus, FramingFeatures(lexicon=lex).fit([]))
    if scores is None and model is not None:
        from framing.scoring.score import score_documents

        scores = score_documents(model, corpus)
    if outlets is None and scores is not None and _has_probabilities(scores):
        from framing.scoring.aggregate import aggregate_by_outlet

        outlets = aggregate_by_outlet(scores, n_boot=n_boot)
    coefficients, note = _coefficients(model)
    return ReportInputs(
        corpus=corpus,
        features=features,
        lexicon=lex,
        scores=scores,
        outlets=outlets,
        card=model.card if model is not None else None,
        coefficients=coefficients,
        coefficients_note=note,
        terms=terms,
        terms_group=terms_group,
        source=source,
    )


def _resolve_lexicon(lexicon: Any, model: FramingModel | None) -> Lexicon:
    """Resolve the given lexicon, else the model's, else the shipped one."""
    from framing.lexicon.load import resolve_lexicon

    if isinstance(lexicon, (list, tuple)) and not lexicon:
        lexicon = None
    if lexicon is None and model is not None:
        ff = getattr(model, "framing_features", None)
        lexicon = getattr(ff, "lexicon_", None) or None
    return resolve_lexicon(lexicon)


def _has_probabilities(scores: pd.DataFrame) -> bool:
    return any(str(c).startswith("p_") for c in scores.columns)


def _coefficients(model: Any) -> tuple[pd.DataFrame | None, str]:
    if model is None:
        return None, ""
    try:
        return top_coefficients(model), ""
    except FramingError as exc:
        return None, str(exc)
