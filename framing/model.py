"""Outlet-framing models: labels, pipeline construction, training, model card.

A researcher has articles labelled by the framing of their outlet and wants a
model that scores the framing of any article. :func:`build_pipeline` makes the
scikit-learn pipeline (framing-lexicon rates, scaled, beside TF-IDF word
n-grams, into a class-balanced linear classifier); :func:`train` fits it,
runs outlet-held-out cross-validation (:mod:`framing.evaluation`) and writes
the model card. Saving and loading (an allow-listed format that cannot run
code) live in :mod:`framing.modelio`.

Labels come from a column, or per outlet from a table
(:func:`read_outlet_labels`: distant supervision, as in Proppy,
Barrón-Cedeño et al. 2019).
"""

from __future__ import annotations

import contextlib
import functools
import platform
import time
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from sklearn.pipeline import FeatureUnion, Pipeline
from threadpoolctl import threadpool_limits

from framing._training import OutletSpreadTfidf, PrecomputedFeatures
from framing.exceptions import CorpusFormatError, FramingError
from framing.features import FramingFeatures, as_texts, feature_names
from framing.labels import LabelWarning, resolve_labels
from framing.schema import DATE, OUTLET, TEXT

__all__ = [
    "CLASSIFIERS",
    "FEATURE_SETS",
    "FramingModel",
    "build_pipeline",
    "library_versions",
    "train",
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


# -- pipeline ------------------------------------------------------------------


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
            from framing.lexicon import Lexicon, load_lexicon

            lex = Lexicon.from_dict(dict(lexicon)) if lexicon else load_lexicon()
            width = len(feature_names(lex.category_names, voice=voice, length=length))
            lexicon_weight = 1 / np.sqrt(width)
        weights = {LEX: float(lexicon_weight)}
    union = FeatureUnion(parts, transformer_weights=weights)
    return Pipeline([("features", union), ("classifier", clf)])


#: Default inverse regularisation strength per classifier.
DEFAULT_C = {"logreg": 1.0, "svm": 0.5}


# -- the model -----------------------------------------------------------------


@dataclass
class FramingModel:
    """A fitted outlet-framing pipeline with its model card.

    Attributes
    ----------
    pipeline : sklearn.pipeline.Pipeline
        ``features`` (FeatureUnion) then ``classifier``.
    card : dict
        The model card (``model.json``): versions, lexicon digest, labels,
        settings, training corpus summary, evaluation metrics, created-at.
    boilerplate : dict
        Outlet -> boilerplate lines found in the training corpus; stripped
        from those outlets' articles before scoring.
    path : Path or None
        Where the model was loaded from or saved to.
    """

    pipeline: Pipeline
    card: dict[str, Any]
    boilerplate: dict[str, list[str]] = field(default_factory=dict)
    path: Path | None = None

    @property
    def classes(self) -> list[str]:
        """The class labels, in probability-column order."""
        return [str(c) for c in self.pipeline.classes_]

    @property
    def features(self) -> str:
        """``"both"``, ``"lexicon"`` or ``"text"``."""
        return str(self.card.get("settings", {}).get("features", "both"))

    @property
    def framing_features(self) -> FramingFeatures | None:
        """The pipeline's FramingFeatures step, if it has lexicon features."""
        part = dict(self.pipeline.named_steps["features"].transformer_list).get(LEX)
        return None if part is None else part.steps[0][1]

    @functools.cached_property
    def feature_names(self) -> np.ndarray:
        """Display names of the classifier's inputs: ``lex:<c>``, ``tfidf:<g>``."""
        raw = self.pipeline.named_steps["features"].get_feature_names_out()
        return np.asarray([n.replace("__", ":", 1) for n in raw], dtype=object)

    @functools.cached_property
    def linear(self) -> tuple[np.ndarray, np.ndarray]:
        """``(coef, intercept)`` of the classifier (see explain.linear_parts)."""
        from framing.explain import linear_parts

        return linear_parts(self.pipeline.steps[-1][1])

    @property
    def lexicon_names(self) -> np.ndarray | None:
        """Names of the raw framing rates the pipeline computes, if any."""
        ff = self.framing_features
        return None if ff is None else ff.get_feature_names_out()

    @functools.cached_property
    def tfidf_index(self) -> Any:
        """A :class:`~framing.fasttfidf.TfidfIndex` of the TF-IDF step, if any.

        ``None`` without text features or for a vectorizer it cannot
        reproduce exactly; scoring then uses the vectorizer itself.
        """
        from framing.fasttfidf import TfidfIndex, supports

        vec = dict(self.pipeline.named_steps["features"].transformer_list).get(TFIDF)
        return TfidfIndex(vec) if vec is not None and supports(vec) else None

    @functools.cached_property
    def rates_transformer(self) -> FramingFeatures:
        """FramingFeatures for per-outlet rates (the model's, else shipped)."""
        return self.framing_features or FramingFeatures().fit([])


def library_versions() -> dict[str, str]:
    """Versions of Python and the libraries a model depends on."""
    import joblib
    import scipy
    import sklearn

    from framing import __version__

    out = {
        "framing": __version__,
        "python": platform.python_version(),
        "scikit-learn": sklearn.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "pandas": pd.__version__,
        "joblib": joblib.__version__,
    }
    try:
        import skops

        out["skops"] = skops.__version__
    except ImportError:  # pragma: no cover - skops is a dependency
        pass
    return out


def _corpus_summary(corpus: pd.DataFrame, y: np.ndarray) -> dict[str, Any]:
    labels, counts = np.unique(y, return_counts=True)
    outlets = corpus[OUTLET] if OUTLET in corpus else pd.Series([], dtype=object)
    per_label = {str(lab): int(outlets[y == lab].nunique()) for lab in labels}
    dates = (
        pd.to_datetime(corpus[DATE], errors="coerce").dropna()
        if DATE in corpus
        else pd.Series([], dtype="datetime64[ns]")
    )
    rng = (
        [dates.min().date().isoformat(), dates.max().date().isoformat()]
        if len(dates)
        else None
    )
    return {
        "articles": int(len(y)),
        "outlets": int(outlets.nunique()),
        "label_counts": {str(k): int(v) for k, v in zip(labels, counts, strict=True)},
        "outlets_per_label": per_label,
        "date_range": rng,
    }


def _fit_all(
    make: Any,
    texts: list[str],
    y: np.ndarray,
    kept: pd.DataFrame,
    classes: list[str],
    *,
    evaluate: bool,
    n_splits: int,
    cv_mode: str,
    seed: int,
    random_split: bool,
) -> dict[str, Any] | None:
    """Run the cross-validation (or nothing) for :func:`train`."""
    from framing.evaluation import evaluate_cv

    if not evaluate:
        return None
    if OUTLET not in kept or kept[OUTLET].isna().all():
        raise CorpusFormatError(
            "outlet-held-out evaluation needs an outlet column; none found. "
            "Try --outlet-col, or --no-eval"
        )
    groups = kept[OUTLET].to_numpy(dtype=object)
    return evaluate_cv(
        make,
        texts,
        y,
        groups,
        classes=classes,
        n_splits=n_splits,
        mode=cv_mode,
        seed=seed,  # type: ignore[arg-type]
        random_split=random_split,
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
            "training articles or a cross-validation fold; lower --min-df or "
            "--min-outlet-share, or use --features lexicon"
        ) from None


def train(
    corpus: pd.DataFrame,
    *,
    label_col: str | None = "label",
    outlet_labels: Mapping[str, str] | str | Path | None = None,
    features: FeatureSet = "both",
    classifier: ClassifierName = "logreg",
    C: float | None = DEFAULTS["C"],
    min_df: int | float = DEFAULTS["min_df"],
    max_df: float = DEFAULTS["max_df"],
    max_features: int | None = DEFAULTS["max_features"],
    ngram_max: int = DEFAULTS["ngram_max"],
    lexicon: Any = None,
    voice: bool = True,
    length: bool = DEFAULTS["length"],
    lexicon_weight: float | None = None,
    min_outlet_share: float = DEFAULTS["min_outlet_share"],
    strip_boilerplate: bool = True,
    evaluate: bool = True,
    n_splits: int = 5,
    cv_mode: str = "auto",
    random_split: bool = True,
    seed: int = 0,
    n_jobs: int | None = 1,
    source: str | None = None,
) -> FramingModel:
    """Train an outlet-framing model, evaluating it by outlet-held-out CV.

    Parameters
    ----------
    corpus : DataFrame
        Canonical corpus (:func:`framing.corpus.read_corpus`).
    label_col, outlet_labels
        Where the labels come from; see :func:`resolve_labels`.
    features, classifier, C, min_df, max_df, max_features, ngram_max, voice
    length, lexicon_weight
        Pipeline settings; see :func:`build_pipeline`.
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
        articles first (:func:`framing.boilerplate.strip_boilerplate`), so
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

    Returns
    -------
    FramingModel

    Raises
    ------
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
    from framing.lexicon import Lexicon, load_lexicon

    if lexicon is None:
        lex = load_lexicon()
    elif isinstance(lexicon, Lexicon):
        lex = lexicon
    elif isinstance(lexicon, Mapping):
        lex = Lexicon.from_dict(dict(lexicon))
    else:
        lex = load_lexicon(lexicon)
    if TEXT not in corpus.columns:
        raise CorpusFormatError("the corpus has no 'text' column")
    started = datetime.now(timezone.utc)
    clock = time.perf_counter()
    seconds: dict[str, float] = {}
    kept, y, info = resolve_labels(
        corpus, label_col=label_col, outlet_labels=outlet_labels
    )
    removed: dict[str, list[str]] = {}
    if strip_boilerplate:
        from framing.boilerplate import find_boilerplate, strip_credits
        from framing.boilerplate import strip_boilerplate as strip

        kept = strip_credits(kept)
        info["photo_credits_removed"] = int(kept.attrs["credits"])
        if OUTLET in kept.columns and kept[OUTLET].notna().any():
            found = find_boilerplate(kept)
            kept = strip(kept, boilerplate=found, credits=False)
            removed = {str(k): sorted(v) for k, v in found.items()}
            info["boilerplate_lines_removed"] = int(
                sum(kept.attrs.get("boilerplate", {}).values())
            )
    texts = as_texts(kept)
    seconds["prepare"] = time.perf_counter() - clock
    if C is None and classifier in DEFAULT_C:
        C = DEFAULT_C[classifier]
    settings = {
        "features": features,
        "classifier": classifier,
        "C": C,
        "min_df": min_df,
        "max_df": max_df,
        "max_features": max_features,
        "ngram_max": ngram_max,
        "voice": voice,
        "length": length,
        "seed": seed,
        "strip_boilerplate": strip_boilerplate,
        "strip_credits": strip_boilerplate,
        "min_outlet_share": min_outlet_share,
    }
    if features == "both":
        settings["lexicon_weight"] = (
            lexicon_weight
            if lexicon_weight is not None
            else float(
                1
                / np.sqrt(
                    len(feature_names(lex.category_names, voice=voice, length=length))
                )
            )
        )
    shipped = lexicon is None
    pipe_kw = {
        k: settings[k]
        for k in (
            "features",
            "classifier",
            "C",
            "min_df",
            "max_df",
            "max_features",
            "ngram_max",
            "voice",
            "length",
            "seed",
        )
    }
    pipe_kw["lexicon_weight"] = settings.get("lexicon_weight")
    pipe_kw["lexicon"] = None if shipped else lex.to_dict()
    classes = sorted(set(y))
    ff = None
    lookup = None
    clock = time.perf_counter()
    if features in ("both", "lexicon"):
        ff = FramingFeatures(
            lexicon=pipe_kw["lexicon"], voice=voice, length=length, n_jobs=n_jobs
        ).fit([])
        unique = list(dict.fromkeys(texts))
        lookup = PrecomputedFeatures(
            table={t: i for i, t in enumerate(unique)},
            matrix=ff.transform(unique),
            names=ff.get_feature_names_out(),
        )
    seconds["lexicon_features"] = time.perf_counter() - clock

    if not 0 <= min_outlet_share <= 1:
        raise FramingError(
            f"min_outlet_share must be between 0 and 1, got {min_outlet_share}"
        )
    outlet_of = None
    if min_outlet_share and features in ("both", "text"):
        if OUTLET not in kept or kept[OUTLET].isna().all():
            warnings.warn(
                "no outlet column: n-grams are not filtered by outlet "
                "spread (min_outlet_share)",
                LabelWarning,
                stacklevel=2,
            )
            settings["min_outlet_share"] = 0.0
        else:
            outlet_of = dict(zip(texts, kept[OUTLET].astype(str), strict=True))

    def make() -> Pipeline:
        pipe = build_pipeline(**pipe_kw)
        if lookup is not None:
            pipe.set_params(features__lex__framing=lookup)
        if outlet_of is not None:
            template = pipe.named_steps["features"].named_transformers[TFIDF]
            pipe.set_params(
                features__tfidf=OutletSpreadTfidf(
                    template=template,
                    outlet_of=outlet_of,
                    min_outlet_share=min_outlet_share,
                )
            )
        return pipe

    with threadpool_limits(limits=1, user_api="blas"), _vocabulary_errors(min_df):
        clock = time.perf_counter()
        evaluation = _fit_all(
            make,
            texts,
            y,
            kept,
            classes,
            evaluate=evaluate,
            n_splits=n_splits,
            cv_mode=cv_mode,
            seed=seed,
            random_split=random_split,
        )
        seconds["cross_validation"] = time.perf_counter() - clock
        clock = time.perf_counter()
        pipe = make()
        pipe.fit(texts, y)
        seconds["final_fit"] = time.perf_counter() - clock
    tfidf = dict(pipe.named_steps["features"].transformer_list).get(TFIDF)
    if isinstance(tfidf, OutletSpreadTfidf):
        settings["min_outlets"] = tfidf.min_outlets_
        tfidf = tfidf.vectorizer_
        pipe.set_params(features__tfidf=tfidf)
    if tfidf is not None:
        settings["n_text_features"] = len(tfidf.vocabulary_)
    if tfidf is not None and hasattr(tfidf, "stop_words_"):
        del tfidf.stop_words_  # pruned n-grams: large, only for introspection
    if ff is not None:
        pipe.set_params(features__lex__framing=ff)
    card = {
        "format": "framing-model",
        "format_version": 1,
        "created_at": started.isoformat(timespec="seconds"),
        "versions": library_versions(),
        "lexicon": {
            "name": lex.name,
            "version": lex.version,
            "digest": lex.digest,
            "shipped": shipped,
        },
        "labels": classes,
        "label_source": info["label_source"],
        "settings": settings,
        "training": {
            **_corpus_summary(kept, y),
            "source": source,
            "dropped": info["dropped"],
            "boilerplate_lines_removed": info.get("boilerplate_lines_removed", 0),
            "photo_credits_removed": info.get("photo_credits_removed", 0),
            "seconds": {k: round(v, 2) for k, v in seconds.items()},
        },
        "evaluation": evaluation,
    }
    return FramingModel(pipe, card, removed)
