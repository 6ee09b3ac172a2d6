"""Build the unfitted outlet-framing pipeline, and reach into its parts.

:func:`build_pipeline` makes the scikit-learn pipeline: framing-lexicon rates
(:class:`~framing.features.transformer.FramingFeatures`, scaled) beside TF-IDF
word n-grams, into a class-balanced linear classifier. Its settings and their
defaults are :class:`~framing.model.settings.TrainSettings`.

The layout of the pipeline (step names, the order of parts) is known here
only: other modules reach its parts through :func:`feature_union`,
:func:`feature_parts`, :func:`framing_step`, :func:`lexicon_tail`,
:func:`tfidf_step` and :func:`classifier`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from sklearn.pipeline import FeatureUnion, Pipeline

from framing.features.transformer import FramingFeatures, feature_names
from framing.lexicon.lexicon import Lexicon
from framing.lexicon.load import resolve_lexicon
from framing.model.settings import ClassifierName, FeatureSet, TrainSettings

__all__ = [
    "CLASSIFIER",
    "FEATURES",
    "LEX",
    "TFIDF",
    "build_pipeline",
    "classifier",
    "default_lexicon_weight",
    "feature_parts",
    "feature_union",
    "framing_step",
    "lexicon_tail",
    "pipeline_from_settings",
    "set_framing_step",
    "set_tfidf_step",
    "tfidf_step",
]

#: Names of the pipeline's two steps.
FEATURES, CLASSIFIER = "features", "classifier"
#: Names of the two FeatureUnion parts; feature names are ``lex__<category>``
#: and ``tfidf__<n-gram>``.
LEX, TFIDF = "lex", "tfidf"
_D = TrainSettings  # the defaults, as class attributes of the dataclass


def build_pipeline(
    *,
    features: FeatureSet = _D.features,
    classifier: ClassifierName = _D.classifier,
    C: float | None = _D.C,
    min_df: int | float = _D.min_df,
    max_df: int | float = _D.max_df,
    max_features: int | None = _D.max_features,
    ngram_max: int = _D.ngram_max,
    lexicon: Mapping[str, Any] | None = _D.lexicon,
    voice: bool = _D.voice,
    length: bool = _D.length,
    lexicon_weight: float | None = _D.lexicon_weight,
    seed: int = _D.seed,
    n_jobs: int | None = None,
) -> Pipeline:
    """Build the (unfitted) outlet-framing pipeline.

    ``Pipeline([("features", FeatureUnion([("lex", Pipeline([("framing",
    FramingFeatures), ("scale", StandardScaler())])),
    ("tfidf", TfidfVectorizer)])), ("classifier", ...)])``

    Parameters
    ----------
    features : {"both", "lexicon", "text"}, default="both"
        Lexicon-category rates, TF-IDF n-grams or both. ``"lexicon"`` is the
        fully interpretable model: a few dozen named framing features.
    classifier : {"logreg", "svm"}, default="logreg"
        Class-balanced logistic regression, or a class-balanced linear SVM
        with sigmoid (Platt) calibration for probabilities.
    C : float, optional
        Inverse regularisation strength. Default: 1 for logistic regression
        and 0.5 for the SVM, chosen by outlet-held-out cross-validation on a
        political-bias news corpus (see ``bench/results/model_tuning.md``).
    min_df, max_df, max_features, ngram_max
        TF-IDF vocabulary: word 1- to `ngram_max`-grams, sublinear tf. The
        default ``min_df=0.01`` keeps n-grams found in at least 1% of the
        training articles: rarer ones are mostly names and outlet-specific
        phrasing, which help recognise outlets rather than framing (chosen
        by outlet-held-out cross-validation; see ``bench/results/model_tuning.md``).
    lexicon : dict, optional
        A lexicon as plain data (``Lexicon.to_dict()``); default: shipped.
    voice : bool, default=True
        Separate author-voice and quoted-voice rates.
    length : bool, default=False
        Also feed the article length (``n_tokens``, ``n_sentences``) to the
        classifier. Off by default: length is house style rather than
        framing, it misled models on outlets unseen in training, and
        leaving it out did not lower outlet-held-out macro-F1 (see
        ``bench/results/model_tuning.md``).
    lexicon_weight : float, optional
        Weight of the (standardised) lexicon block beside TF-IDF, as
        FeatureUnion ``transformer_weights``. Default ``1 / sqrt(d)`` for
        ``d`` lexicon features, so that, like a TF-IDF row (unit L2 norm),
        the block's rows have unit expected squared norm; this keeps the
        two blocks on one scale for the shared regularisation and the
        solver well conditioned. Ignored without the text block.
    seed : int, default=0
        Random state of the classifier.
    n_jobs : int, optional
        Workers for the lexicon features.

    Returns
    -------
    sklearn.pipeline.Pipeline

    Examples
    --------
    >>> pipe = build_pipeline(features="lexicon")
    >>> [name for name, _ in pipe.steps]
    ['features', 'classifier']
    """
    settings = TrainSettings.from_arguments(locals())
    return pipeline_from_settings(settings.check(), n_jobs=n_jobs)


def pipeline_from_settings(
    settings: TrainSettings, *, n_jobs: int | None = None
) -> Pipeline:
    """Build the (unfitted) pipeline of checked settings (see :func:`build_pipeline`).

    Parameters
    ----------
    settings : TrainSettings
        Checked settings; ``lexicon`` is ``None`` (shipped) or plain data
        (``Lexicon.to_dict()``).
    n_jobs : int, optional
        Workers for the lexicon features.

    Returns
    -------
    sklearn.pipeline.Pipeline
    """
    s = settings
    parts: list[tuple[str, Any]] = []
    if s.features in ("both", "lexicon"):
        parts.append((LEX, _lexicon_part(s, n_jobs)))
    if s.features in ("both", "text"):
        parts.append((TFIDF, _tfidf_part(s)))
    weights = None
    if s.features == "both":
        weight = s.lexicon_weight
        if weight is None:
            lex = resolve_lexicon(dict(s.lexicon) if s.lexicon else None)
            weight = default_lexicon_weight(lex, voice=s.voice, length=s.length)
        weights = {LEX: float(weight)}
    union = FeatureUnion(parts, transformer_weights=weights)
    return Pipeline([(FEATURES, union), (CLASSIFIER, _classifier(s))])


def default_lexicon_weight(lexicon: Lexicon, *, voice: bool, length: bool) -> float:
    """Return ``1 / sqrt(d)`` for the ``d`` lexicon features of these settings.

    Like a TF-IDF row (unit L2 norm), the standardised lexicon block's rows
    then have unit expected squared norm.

    Examples
    --------
    >>> from framing.lexicon.load import load_lexicon
    >>> 0 < default_lexicon_weight(load_lexicon(), voice=True, length=False) < 1
    True
    """
    width = len(feature_names(lexicon.category_names, voice=voice, length=length))
    return float(1 / np.sqrt(width))


def _lexicon_part(s: TrainSettings, n_jobs: int | None) -> Pipeline:
    from sklearn.preprocessing import StandardScaler

    framing = FramingFeatures(
        lexicon=dict(s.lexicon) if s.lexicon else None,
        voice=s.voice,
        length=s.length,
        n_jobs=n_jobs,
    )
    return Pipeline([("framing", framing), ("scale", StandardScaler())])


def _tfidf_part(s: TrainSettings) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        ngram_range=(1, s.ngram_max),
        min_df=s.min_df,
        max_df=s.max_df,
        max_features=s.max_features,
        sublinear_tf=True,
        dtype=np.float32,
    )


def _classifier(s: TrainSettings) -> Any:
    if s.classifier == "logreg":
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(
            C=s.classifier_C,
            class_weight="balanced",
            max_iter=2000,
            random_state=s.seed,
        )
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.svm import LinearSVC

    return CalibratedClassifierCV(
        LinearSVC(
            C=s.classifier_C,
            class_weight="balanced",
            max_iter=5000,
            random_state=s.seed,
        ),
        method="sigmoid",
        cv=3,
    )


# -- the parts of a built pipeline ---------------------------------------------


def feature_union(pipeline: Pipeline) -> FeatureUnion:
    """Return the pipeline's FeatureUnion (its ``features`` step)."""
    return pipeline.named_steps[FEATURES]


def feature_parts(pipeline: Pipeline) -> dict[str, Any]:
    """Return the union's parts by name (:data:`LEX`, :data:`TFIDF`), in order."""
    return dict(feature_union(pipeline).transformer_list)


def classifier(pipeline: Pipeline) -> Any:
    """Return the pipeline's classifier (its last step)."""
    return pipeline.steps[-1][1]


def framing_step(pipeline: Pipeline) -> FramingFeatures | None:
    """Return the FramingFeatures of the lexicon part, or None without one."""
    part = feature_parts(pipeline).get(LEX)
    return None if part is None else part.steps[0][1]


def lexicon_tail(pipeline: Pipeline) -> list[Any]:
    """Return the steps the lexicon part applies to the rates (the scaler)."""
    part = feature_parts(pipeline).get(LEX)
    return [] if part is None else [step for _, step in part.steps[1:]]


def tfidf_step(pipeline: Pipeline) -> Any:
    """Return the TF-IDF part (a vectorizer), or None without one."""
    return feature_parts(pipeline).get(TFIDF)


def set_framing_step(pipeline: Pipeline, step: Any) -> None:
    """Replace the lexicon part's FramingFeatures (in place)."""
    pipeline.set_params(**{f"{FEATURES}__{LEX}__framing": step})


def set_tfidf_step(pipeline: Pipeline, step: Any) -> None:
    """Replace the TF-IDF part (in place)."""
    pipeline.set_params(**{f"{FEATURES}__{TFIDF}": step})
