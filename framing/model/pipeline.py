"""Build the unfitted outlet-framing pipeline, and hold its default settings.

:func:`build_pipeline` makes the scikit-learn pipeline: framing-lexicon rates
(:class:`~framing.features.transformer.FramingFeatures`, scaled) beside TF-IDF word
n-grams, into a class-balanced linear classifier. :data:`DEFAULTS` are the
settings :func:`framing.model.train.train` and the command line start from.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
from sklearn.pipeline import FeatureUnion, Pipeline

from framing.errors import FramingError
from framing.features.transformer import FramingFeatures, feature_names

__all__ = [
    "CLASSIFIERS",
    "DEFAULTS",
    "DEFAULT_C",
    "FEATURE_SETS",
    "ClassifierName",
    "FeatureSet",
    "build_pipeline",
]

FeatureSet = Literal["lexicon", "text", "both"]
ClassifierName = Literal["logreg", "svm"]
FEATURE_SETS: tuple[str, ...] = ("both", "lexicon", "text")
CLASSIFIERS: tuple[str, ...] = ("logreg", "svm")
#: Names of the two FeatureUnion parts; feature names are ``lex__<category>``
#: and ``tfidf__<n-gram>``.
LEX, TFIDF = "lex", "tfidf"
#: Default settings of the pipeline (see :func:`build_pipeline`).
DEFAULTS: dict[str, Any] = {
    "features": "both",
    "classifier": "logreg",
    "C": None,
    "min_df": 0.01,
    "max_df": 1.0,
    "max_features": 300_000,
    "min_outlet_share": 0.33,
    "ngram_max": 2,
    "voice": True,
    "length": False,
    "seed": 0,
}


def build_pipeline(
    *,
    features: FeatureSet = "both",
    classifier: ClassifierName = "logreg",
    C: float | None = DEFAULTS["C"],
    min_df: int | float = DEFAULTS["min_df"],
    max_df: float = DEFAULTS["max_df"],
    max_features: int | None = DEFAULTS["max_features"],
    ngram_max: int = DEFAULTS["ngram_max"],
    lexicon: Mapping[str, Any] | None = None,
    voice: bool = True,
    length: bool = DEFAULTS["length"],
    lexicon_weight: float | None = None,
    seed: int = 0,
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
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    if features not in FEATURE_SETS:
        raise FramingError(
            f"features must be one of {', '.join(FEATURE_SETS)}; got {features!r}"
        )
    if classifier not in CLASSIFIERS:
        raise FramingError(
            f"classifier must be one of {', '.join(CLASSIFIERS)}; got {classifier!r}"
        )
    if C is None:
        C = DEFAULT_C[classifier]
    if not C > 0:
        raise FramingError(f"C must be positive, got {C}")
    parts: list[tuple[str, Any]] = []
    if features in ("both", "lexicon"):
        parts.append(
            (
                LEX,
                Pipeline(
                    [
                        (
                            "framing",
                            FramingFeatures(
                                lexicon=dict(lexicon) if lexicon else None,
                                voice=voice,
                                length=length,
                                n_jobs=n_jobs,
                            ),
                        ),
                        ("scale", StandardScaler()),
                    ]
                ),
            )
        )
    if features in ("both", "text"):
        parts.append(
            (
                TFIDF,
                TfidfVectorizer(
                    ngram_range=(1, ngram_max),
                    min_df=min_df,
                    max_df=max_df,
                    max_features=max_features,
                    sublinear_tf=True,
                    dtype=np.float32,
                ),
            )
        )
    if classifier == "logreg":
        clf: Any = LogisticRegression(
            C=C, class_weight="balanced", max_iter=2000, random_state=seed
        )
    else:
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.svm import LinearSVC

        clf = CalibratedClassifierCV(
            LinearSVC(C=C, class_weight="balanced", max_iter=5000, random_state=seed),
            method="sigmoid",
            cv=3,
        )
    weights = None
    if features == "both":
        if lexicon_weight is None:
            from framing.lexicon.lexicon import Lexicon
            from framing.lexicon.load import load_lexicon

            lex = Lexicon.from_dict(dict(lexicon)) if lexicon else load_lexicon()
            width = len(feature_names(lex.category_names, voice=voice, length=length))
            lexicon_weight = 1 / np.sqrt(width)
        weights = {LEX: float(lexicon_weight)}
    union = FeatureUnion(parts, transformer_weights=weights)
    return Pipeline([("features", union), ("classifier", clf)])


#: Default inverse regularisation strength per classifier.
DEFAULT_C = {"logreg": 1.0, "svm": 0.5}
