"""Train an outlet-framing model: labels, features, cross-validation, card.

A researcher has articles labelled by the framing of their outlet and wants a
model that scores the framing of any article. :func:`train` fits the pipeline
of :func:`~framing.model.pipeline.build_pipeline` (framing-lexicon rates, scaled,
beside TF-IDF word n-grams, into a class-balanced linear classifier), runs
outlet-held-out cross-validation (:mod:`framing.evaluation.cross_validation`) and writes
the
model card (:mod:`framing.model.card_build`) into the returned
:class:`~framing.model.framing_model.FramingModel`. Saving and loading (an
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
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from framing.columns import OUTLET, TEXT
from framing.corpus.labels import LabelWarning, resolve_labels
from framing.errors import CorpusFormatError, FramingError
from framing.features.transformer import FramingFeatures, as_texts, feature_names
from framing.model._stand_ins import OutletSpreadTfidf, PrecomputedFeatures
from framing.model.card_build import assemble_card
from framing.model.framing_model import FramingModel
from framing.model.pipeline import (
    DEFAULT_C,
    DEFAULTS,
    TFIDF,
    ClassifierName,
    FeatureSet,
    build_pipeline,
)

__all__ = ["train"]


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
    from framing.evaluation.cross_validation import evaluate_cv

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
        Canonical corpus (:func:`framing.corpus.read.read_corpus`).
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
    from framing.lexicon.lexicon import Lexicon
    from framing.lexicon.load import load_lexicon

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
        from framing.corpus.boilerplate import find_boilerplate, strip_credits
        from framing.corpus.boilerplate import strip_boilerplate as strip

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
    card = assemble_card(
        started=started,
        lexicon=lex,
        shipped=shipped,
        labels=classes,
        label_info=info,
        settings=settings,
        corpus=kept,
        y=y,
        source=source,
        seconds=seconds,
        evaluation=evaluation,
    )
    return FramingModel(pipe, card, removed)
