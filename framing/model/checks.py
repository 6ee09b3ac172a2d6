"""Checks on a loaded model: its structure, and the versions that made it.

:func:`check_pipeline` makes sure a pipeline that passed the type
allow-list also has the shape :func:`framing.model.pipeline.build_pipeline` gives it
(a ``features`` FeatureUnion of ``lex`` and/or ``tfidf`` parts, then a fitted
linear ``classifier``) and matches the card's feature setting, so scoring
never meets a foreign layout. :func:`check_versions` warns when the model
was made by a newer framing or another scikit-learn release.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from numbers import Real
from pathlib import Path
from typing import Any

from framing.errors import ModelFileError
from framing.model.pipeline import (
    CLASSIFIER,
    FEATURES,
    LEX,
    TFIDF,
    feature_parts,
    framing_step,
)

__all__ = ["check_pipeline", "check_versions"]


def _major_minor(version: str) -> tuple[int, int] | None:
    """``"1.5.2"`` -> ``(1, 5)``; None if it does not start like that."""
    found = re.match(r"(\d+)\.(\d+)", version)
    return (int(found[1]), int(found[2])) if found else None


def check_versions(card: Mapping[str, Any]) -> None:
    """Warn about a model from another scikit-learn or a newer framing."""
    import sklearn

    from framing._version import __version__

    versions = card.get("versions") or {}
    saved = versions.get("scikit-learn")
    if saved and saved.split(".")[:2] != sklearn.__version__.split(".")[:2]:
        warnings.warn(
            f"model saved with scikit-learn {saved}, running {sklearn.__version__}; "
            "predictions may differ. Retrain to be sure",
            UserWarning,
            stacklevel=3,
        )
    made, running = versions.get("framing"), _major_minor(__version__)
    made_mm = _major_minor(made) if made else None
    if made_mm and running and made_mm > running:
        warnings.warn(
            f"model made with framing {made}, newer than the installed framing "
            f"{__version__}; it may not load or score as intended. Upgrade framing",
            UserWarning,
            stacklevel=3,
        )


# -- pipeline structure --------------------------------------------------------


def _steps(steps: Any) -> list[tuple[str, Any]] | None:
    """Return `steps` as ``(name, object)`` pairs, or None if malformed."""
    if not isinstance(steps, (list, tuple)):
        return None
    if not all(
        isinstance(s, tuple) and len(s) == 2 and isinstance(s[0], str) for s in steps
    ):
        return None
    return [(name, obj) for name, obj in steps]


def _fitted_problem(where: str, estimator: Any) -> str | None:
    from sklearn.exceptions import NotFittedError
    from sklearn.utils.validation import check_is_fitted

    try:
        check_is_fitted(estimator)
    except (NotFittedError, TypeError):
        return f"{where}: {type(estimator).__name__} is not fitted"
    return None


def _lex_problem(part: Any) -> str | None:
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    from framing.features.transformer import FramingFeatures

    steps = _steps(part.steps) if isinstance(part, Pipeline) else None
    if (
        steps is None
        or len(steps) != 2
        or not isinstance(steps[0][1], FramingFeatures)
        or not isinstance(steps[1][1], StandardScaler)
    ):
        return f"'{LEX}' is not a Pipeline of FramingFeatures then StandardScaler"
    return _fitted_problem(LEX, steps[0][1]) or _fitted_problem(LEX, steps[1][1])


def _tfidf_problem(part: Any) -> str | None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not isinstance(part, TfidfVectorizer):
        return f"'{TFIDF}' is a {type(part).__name__}, not a TfidfVectorizer"
    return _fitted_problem(TFIDF, part)


def _union_problem(union: Any) -> str | None:
    from sklearn.pipeline import FeatureUnion

    if not isinstance(union, FeatureUnion):
        return f"'features' is a {type(union).__name__}, not a FeatureUnion"
    parts = _steps(union.transformer_list)
    names = [name for name, _ in parts or []]
    if not names or len(set(names)) != len(names) or not set(names) <= {LEX, TFIDF}:
        return f"'features' parts are {names}; expected '{LEX}' and/or '{TFIDF}'"
    for name, part in parts or []:
        problem = _lex_problem(part) if name == LEX else _tfidf_problem(part)
        if problem:
            return problem
    weights = union.transformer_weights
    if weights is not None and (
        not isinstance(weights, dict)
        or not set(weights) <= set(names)
        or not all(isinstance(w, Real) for w in weights.values())
    ):
        return "'features' has malformed transformer_weights"
    return None


def _classifier_problem(clf: Any) -> str | None:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression

    if not isinstance(clf, (LogisticRegression, CalibratedClassifierCV)):
        return (
            f"'classifier' is a {type(clf).__name__}; expected "
            "LogisticRegression or CalibratedClassifierCV"
        )
    if not hasattr(clf, "classes_"):
        return "'classifier' is not fitted (no classes_)"
    if isinstance(clf, LogisticRegression):
        return None if hasattr(clf, "coef_") else "'classifier' has no coef_"
    fitted = getattr(clf, "calibrated_classifiers_", None)
    if not fitted or not all(
        hasattr(getattr(c, "estimator", None), "coef_") for c in fitted
    ):
        return "'classifier' has no fitted linear models to calibrate"
    return None


def _structure_problem(pipeline: Any) -> str | None:
    """Describe how `pipeline` differs from :func:`build_pipeline`'s, or None."""
    from sklearn.pipeline import Pipeline

    if not isinstance(pipeline, Pipeline):
        return f"a {type(pipeline).__name__}, not a scikit-learn Pipeline"
    steps = _steps(pipeline.steps)
    names = [name for name, _ in steps or []]
    if steps is None or names != [FEATURES, CLASSIFIER]:
        return f"steps {names}; expected {[FEATURES, CLASSIFIER]}"
    return _union_problem(steps[0][1]) or _classifier_problem(steps[1][1])


def _settings_problem(pipeline: Any, card: Mapping[str, Any]) -> str | None:
    """Check the union's parts against the card's ``features`` setting."""
    features = card["settings"].get("features")
    expected = (
        {"both": [LEX, TFIDF], "lexicon": [LEX], "text": [TFIDF]}.get(features)
        if isinstance(features, str)
        else None
    )
    names = sorted(feature_parts(pipeline))
    if expected is not None and names != expected:
        return f"parts {names} do not match the card's features setting {features!r}"
    return None


def check_pipeline(pipeline: Any, card: Mapping[str, Any], path: Path) -> None:
    """Refuse a loaded pipeline that is not shaped like a framing model.

    Raises
    ------
    ModelFileError
        A foreign structure, parts that differ from the card's feature
        setting, or classes that differ from the card's labels.
    """
    problem = _structure_problem(pipeline) or _settings_problem(pipeline, card)
    if problem:
        raise ModelFileError(f"{path}: not a framing model pipeline ({problem})")
    classes = [str(c) for c in pipeline.classes_]
    if classes != [str(c) for c in card["labels"]]:
        raise ModelFileError(
            f"{path}: classes {classes} do not match the card's labels {card['labels']}"
        )
    digest = (card.get("lexicon") or {}).get("digest")
    ff = framing_step(pipeline)
    if ff is not None and digest:
        if getattr(ff, "lexicon_digest_", None) != digest:
            raise ModelFileError(
                f"{path}: lexicon digest {getattr(ff, 'lexicon_digest_', None)} "
                f"does not match the card's {digest}"
            )
