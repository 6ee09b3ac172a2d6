"""Train an outlet-framing model: labels, features, cross-validation, card.

A researcher has articles labelled by the framing of their outlet and wants a
model that scores the framing of any article. :func:`train` fits the pipeline
of :func:`~framing.model.pipeline.build_pipeline` (framing-lexicon rates,
scaled, beside TF-IDF word n-grams, into a class-balanced linear classifier),
runs outlet-held-out cross-validation
(:mod:`framing.evaluation.cross_validation`) and writes the model card
(:mod:`framing.model.card_build`) into the returned
:class:`~framing.model.framing_model.FramingModel`. Its settings are one
:class:`~framing.model.settings.TrainSettings`. Saving and loading (an
allow-listed format that cannot run code) live in :mod:`framing.model.storage`.

Labels come from a column, or per outlet from a table
(:func:`read_outlet_labels`: distant supervision, as in Proppy,
Barrón-Cedeño et al. 2019).
"""

from __future__ import annotations

import contextlib
import time
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from framing.columns import OUTLET, TEXT
from framing.corpus.labels import LabelWarning, resolve_labels
from framing.errors import CorpusFormatError, FramingError, ParameterError
from framing.evaluation.folds import CVMode
from framing.features.transformer import FramingFeatures, as_texts
from framing.lexicon.lexicon import Lexicon
from framing.lexicon.load import resolve_lexicon
from framing.model._stand_ins import OutletSpreadTfidf, PrecomputedFeatures
from framing.model.card_build import assemble_card
from framing.model.framing_model import FramingModel
from framing.model.pipeline import (
    default_lexicon_weight,
    pipeline_from_settings,
    set_framing_step,
    set_tfidf_step,
    tfidf_step,
)
from framing.model.settings import ClassifierName, FeatureSet, TrainSettings

__all__ = ["train"]

_D = TrainSettings  # the defaults, as class attributes of the dataclass


def train(
    corpus: pd.DataFrame,
    *,
    label_col: str | None = "label",
    outlet_labels: Mapping[str, str] | str | Path | None = None,
    features: FeatureSet = _D.features,
    classifier: ClassifierName = _D.classifier,
    C: float | None = _D.C,
    min_df: int | float = _D.min_df,
    max_df: int | float = _D.max_df,
    max_features: int | None = _D.max_features,
    ngram_max: int = _D.ngram_max,
    lexicon: Any = _D.lexicon,
    voice: bool = _D.voice,
    length: bool = _D.length,
    lexicon_weight: float | None = _D.lexicon_weight,
    min_outlet_share: float = _D.min_outlet_share,
    strip_boilerplate: bool = _D.strip_boilerplate,
    evaluate: bool = _D.evaluate,
    n_splits: int = _D.n_splits,
    cv_mode: CVMode = _D.cv_mode,
    random_split: bool = _D.random_split,
    seed: int = _D.seed,
    n_jobs: int | None = 1,
    source: str | None = None,
    settings: TrainSettings | None = None,
) -> FramingModel:
    """Train an outlet-framing model, evaluating it by outlet-held-out CV.

    The steps: check every setting (:meth:`TrainSettings.check`), resolve
    the lexicon, prepare the articles (labels, boilerplate), make the
    pipeline factory (lexicon features computed once), cross-validate, fit
    the final pipeline, write the card.

    Parameters
    ----------
    corpus : DataFrame
        Canonical corpus (:func:`framing.corpus.read.read_corpus`).
    label_col, outlet_labels
        Where the labels come from; see :func:`resolve_labels`.
    features, classifier, C, min_df, max_df, max_features, ngram_max, voice
    length, lexicon_weight
        Pipeline settings; see :func:`build_pipeline`. Every setting and its
        default is a field of :class:`~framing.model.settings.TrainSettings`.
    min_outlet_share : float, default=0.33
        Keep only n-grams that occur in the articles of at least this share
        of the training outlets (0: all). N-grams of a few outlets mostly
        identify the outlet; dropping them makes the model rely on wording
        shared across outlets (chosen by outlet-held-out cross-validation;
        see ``bench/results/model_tuning.md``).
    lexicon : Lexicon, path(s) or None
        The framing lexicon (default: shipped).
    strip_boilerplate : bool, default=True
        Remove photo credits and lines that recur across an outlet's
        articles first (:func:`framing.corpus.boilerplate.strip_boilerplate`), so
        the model cannot lean on bylines, footers and picture agencies.
    evaluate : bool, default=True
        Run outlet-held-out cross-validation and the optimistic random split
        (:func:`framing.evaluation.evaluate_cv`); metrics go in the card.
    n_splits, cv_mode, random_split
        Cross-validation settings.
    seed : int, default=0
        Seeds the classifier and the random split.
    n_jobs : int, optional
        Workers for the lexicon features.
    source : str, optional
        Corpus path, recorded in the card.
    settings : TrainSettings, optional
        All the settings at once, instead of the keywords above (which must
        then be left at their defaults).

    Returns
    -------
    FramingModel

    Raises
    ------
    ParameterError
        A setting out of range or of the wrong kind (before any work).
    FramingError
        Bad labels, a single label, too few outlets for grouped CV.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"text": ["The regime's so-called vote."] * 3
    ...                      + ["Officials said the vote was held."] * 3,
    ...                      "outlet": list("abcdef"),
    ...                      "label": ["x"] * 3 + ["y"] * 3})
    >>> m = train(docs, evaluate=False, min_df=1)
    >>> m.classes
    ['x', 'y']
    """
    given = TrainSettings.from_arguments(locals())
    return _train(
        corpus,
        _one_of(settings, given).check(),
        label_col=label_col,
        outlet_labels=outlet_labels,
        n_jobs=n_jobs,
        source=source,
    )


def _one_of(settings: TrainSettings | None, given: TrainSettings) -> TrainSettings:
    """Return `settings` if given (the keywords left at defaults), else `given`."""
    if settings is None:
        return given
    if given != TrainSettings():
        raise ParameterError(
            "give `settings` or the setting keywords (`features`, `min_df`, ...), "
            "not both"
        )
    return settings


def _train(
    corpus: pd.DataFrame,
    settings: TrainSettings,
    *,
    label_col: str | None,
    outlet_labels: Mapping[str, str] | str | Path | None,
    n_jobs: int | None,
    source: str | None,
) -> FramingModel:
    """Train with checked settings: the named steps of :func:`train`."""
    lex = resolve_lexicon(settings.lexicon)
    data = _prepare(corpus, settings, label_col, outlet_labels)
    make = _make_pipeline(settings, lex, data, n_jobs)
    with (
        threadpool_limits(limits=1, user_api="blas"),
        _vocabulary_errors(settings.min_df),
    ):
        evaluation = _cross_validate(make, data, settings)
        pipe = _final_fit(make, data)
    card = _card(settings, lex, data, make, evaluation, source)
    return FramingModel(pipe, card, data.removed)


@dataclass
class _Prepared:
    """The training articles after labels and boilerplate, and the timings."""

    started: datetime
    kept: pd.DataFrame
    texts: list[str]
    y: np.ndarray
    info: dict[str, Any]
    removed: dict[str, list[str]]
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def classes(self) -> list[str]:
        return sorted(set(self.y))

    @property
    def has_outlets(self) -> bool:
        return OUTLET in self.kept and not self.kept[OUTLET].isna().all()


def _prepare(
    corpus: pd.DataFrame,
    settings: TrainSettings,
    label_col: str | None,
    outlet_labels: Mapping[str, str] | str | Path | None,
) -> _Prepared:
    """Resolve the labels and strip boilerplate and photo credits."""
    if TEXT not in corpus.columns:
        raise CorpusFormatError("the corpus has no 'text' column")
    started = datetime.now(timezone.utc)
    clock = time.perf_counter()
    kept, y, info = resolve_labels(
        corpus, label_col=label_col, outlet_labels=outlet_labels
    )
    removed: dict[str, list[str]] = {}
    if settings.strip_boilerplate:
        kept, removed = _strip(kept, info)
    data = _Prepared(started, kept, as_texts(kept), y, info, removed)
    data.seconds["prepare"] = time.perf_counter() - clock
    return data


def _strip(
    kept: pd.DataFrame, info: dict[str, Any]
) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """Strip photo credits, then each outlet's boilerplate lines; count both."""
    from framing.corpus.boilerplate import find_and_strip

    has_outlets = OUTLET in kept.columns and kept[OUTLET].notna().any()
    kept, found = find_and_strip(kept)
    info["photo_credits_removed"] = int(kept.attrs["credits"])
    if has_outlets:
        info["boilerplate_lines_removed"] = int(
            sum(kept.attrs.get("boilerplate", {}).values())
        )
    return kept, {str(k): sorted(v) for k, v in found.items()}


@dataclass
class _PipelineFactory:
    """Makes fresh pipelines that reuse the lexicon features computed once.

    ``card_settings`` are the settings as the card records them, with what
    making the factory settled (``lexicon_weight``; ``min_outlet_share`` 0
    without outlets) and, after :func:`_final_fit`, what the fit learned.
    """

    settings: TrainSettings
    card_settings: dict[str, Any]
    framing: FramingFeatures | None = None
    lookup: PrecomputedFeatures | None = None
    outlet_of: dict[str, str] | None = None

    def __call__(self) -> Pipeline:
        pipe = pipeline_from_settings(self.settings)
        if self.lookup is not None:
            set_framing_step(pipe, self.lookup)
        if self.outlet_of is not None:
            spread = OutletSpreadTfidf(
                template=tfidf_step(pipe),
                outlet_of=self.outlet_of,
                min_outlet_share=self.settings.min_outlet_share,
            )
            set_tfidf_step(pipe, spread)
        return pipe


def _make_pipeline(
    settings: TrainSettings, lex: Lexicon, data: _Prepared, n_jobs: int | None
) -> _PipelineFactory:
    """Settle the pipeline settings and compute the lexicon features once."""
    card = settings.card_settings()
    weight = None
    if settings.features == "both":
        weight = settings.lexicon_weight
        if weight is None:
            weight = default_lexicon_weight(
                lex, voice=settings.voice, length=settings.length
            )
        card["lexicon_weight"] = weight
    lexicon = None if settings.lexicon is None else lex.to_dict()
    pipe_settings = replace(settings, lexicon=lexicon, lexicon_weight=weight)
    make = _PipelineFactory(pipe_settings, card)
    clock = time.perf_counter()
    if settings.features in ("both", "lexicon"):
        _precompute_lexicon(make, data.texts, n_jobs)
    data.seconds["lexicon_features"] = time.perf_counter() - clock
    if settings.min_outlet_share and settings.features in ("both", "text"):
        if data.has_outlets:
            outlets = data.kept[OUTLET].astype(str)
            make.outlet_of = dict(zip(data.texts, outlets, strict=True))
        else:
            warnings.warn(
                "no outlet column: n-grams are not filtered by outlet "
                "spread (`min_outlet_share`)",
                LabelWarning,
                stacklevel=4,
            )
            card["min_outlet_share"] = 0.0
    return make


def _precompute_lexicon(
    make: _PipelineFactory, texts: list[str], n_jobs: int | None
) -> None:
    """Fit the FramingFeatures and compute every distinct text's rates once."""
    s = make.settings
    make.framing = FramingFeatures(
        lexicon=s.lexicon, voice=s.voice, length=s.length, n_jobs=n_jobs
    ).fit([])
    unique = list(dict.fromkeys(texts))
    make.lookup = PrecomputedFeatures(
        table={t: i for i, t in enumerate(unique)},
        matrix=make.framing.transform(unique),
        names=make.framing.get_feature_names_out(),
    )


def _cross_validate(
    make: _PipelineFactory, data: _Prepared, settings: TrainSettings
) -> dict[str, Any] | None:
    """Run the outlet-held-out cross-validation, or nothing without `evaluate`."""
    from framing.evaluation.cross_validation import evaluate_cv

    if not settings.evaluate:
        data.seconds["cross_validation"] = 0.0
        return None
    clock = time.perf_counter()
    if not data.has_outlets:
        raise CorpusFormatError(
            "outlet-held-out evaluation needs an outlet column; none found. "
            "Try `outlet_col`, or `evaluate=False`"
        )
    evaluation = evaluate_cv(
        make,
        data.texts,
        data.y,
        data.kept[OUTLET].to_numpy(dtype=object),
        classes=data.classes,
        n_splits=settings.n_splits,
        mode=settings.cv_mode,
        seed=settings.seed,
        random_split=settings.random_split,
    )
    data.seconds["cross_validation"] = time.perf_counter() - clock
    return evaluation


def _final_fit(make: _PipelineFactory, data: _Prepared) -> Pipeline:
    """Fit on every article; hand over plain parts for saving.

    The outlet-spread TF-IDF gives way to the plain vectorizer it built and
    the precomputed rates to the real FramingFeatures; the card settings
    get ``min_outlets`` and ``n_text_features``.
    """
    clock = time.perf_counter()
    pipe = make()
    pipe.fit(data.texts, data.y)
    data.seconds["final_fit"] = time.perf_counter() - clock
    tfidf = tfidf_step(pipe)
    if isinstance(tfidf, OutletSpreadTfidf):
        make.card_settings["min_outlets"] = tfidf.min_outlets_
        tfidf = tfidf.vectorizer_
        set_tfidf_step(pipe, tfidf)
    if tfidf is not None:
        make.card_settings["n_text_features"] = len(tfidf.vocabulary_)
    if tfidf is not None and hasattr(tfidf, "stop_words_"):
        del tfidf.stop_words_  # pruned n-grams: large, only for introspection
    if make.framing is not None:
        set_framing_step(pipe, make.framing)
    return pipe


def _card(
    settings: TrainSettings,
    lex: Lexicon,
    data: _Prepared,
    make: _PipelineFactory,
    evaluation: dict[str, Any] | None,
    source: str | None,
) -> dict[str, Any]:
    """Write the model card of the run (:func:`assemble_card`)."""
    return assemble_card(
        started=data.started,
        lexicon=lex,
        shipped=settings.lexicon is None,
        labels=data.classes,
        label_info=data.info,
        settings=make.card_settings,
        corpus=data.kept,
        y=data.y,
        source=source,
        seconds=data.seconds,
        evaluation=evaluation,
    )


_VOCABULARY_ERRORS = (
    "max_df corresponds to < documents than min_df",
    "no terms remain",
    "empty vocabulary",
)


@contextlib.contextmanager
def _vocabulary_errors(min_df: float) -> Iterator[None]:
    """Turn scikit-learn's empty-vocabulary errors into one FramingError."""
    try:
        yield
    except ValueError as exc:
        if not any(m in str(exc) for m in _VOCABULARY_ERRORS):
            raise
        raise FramingError(
            f"no TF-IDF n-gram is frequent enough (min_df={min_df}) in the "
            "training articles or a cross-validation fold; lower `min_df` or "
            "`min_outlet_share`, or use `features='lexicon'`"
        ) from None
