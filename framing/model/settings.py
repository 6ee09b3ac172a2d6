"""The training settings: one frozen dataclass, the single source of defaults.

:class:`TrainSettings` holds every setting of :func:`framing.model.training.train`
with its default. The keyword defaults of ``train`` and
:func:`~framing.model.pipeline.build_pipeline`, the ``settings`` of the model
card and the defaults shown by ``framing train --help`` all come from it.
:meth:`TrainSettings.check` validates every setting before any work is done,
naming the parameter as the Python API spells it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from numbers import Integral, Real
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from framing.errors import ParameterError

if TYPE_CHECKING:  # the command line reads the defaults: no numpy at start-up
    from framing.evaluation.folds import CVMode

__all__ = [
    "CLASSIFIERS",
    "DEFAULT_C",
    "FEATURE_SETS",
    "ClassifierName",
    "FeatureSet",
    "TrainSettings",
]

FeatureSet = Literal["lexicon", "text", "both"]
ClassifierName = Literal["logreg", "svm"]
FEATURE_SETS: tuple[str, ...] = ("both", "lexicon", "text")
CLASSIFIERS: tuple[str, ...] = ("logreg", "svm")
#: Default inverse regularisation strength per classifier (``C=None``).
DEFAULT_C: Mapping[str, float] = {"logreg": 1.0, "svm": 0.5}


@dataclass(frozen=True)
class TrainSettings:
    """Every setting of a training run, with its default.

    Parameters
    ----------
    features : {"both", "lexicon", "text"}, default="both"
        Lexicon-category rates, TF-IDF n-grams or both.
    classifier : {"logreg", "svm"}, default="logreg"
        Class-balanced logistic regression, or a calibrated linear SVM.
    C : float, optional
        Inverse regularisation strength; ``None``: :data:`DEFAULT_C` of the
        classifier (see :attr:`classifier_C`).
    min_df : int or float, default=0.01
        TF-IDF: n-grams in at least this many articles (an int >= 1) or this
        share of them (a float in [0, 1]).
    max_df : int or float, default=1.0
        TF-IDF: n-grams in at most this many articles, or this share.
    max_features : int, optional, default=300000
        TF-IDF: keep at most this many n-grams (``None``: all).
    ngram_max : int, default=2
        TF-IDF: word 1- to `ngram_max`-grams.
    lexicon : Lexicon, mapping, path(s) or None, default=None
        The framing lexicon (``None``: shipped); see
        :func:`framing.lexicon.load.resolve_lexicon`.
    voice : bool, default=True
        Separate author-voice and quoted-voice rates.
    length : bool, default=False
        Also feed the article length to the classifier.
    lexicon_weight : float, optional
        Weight of the lexicon block beside TF-IDF; ``None``: ``1 / sqrt(d)``
        (:func:`framing.model.pipeline.default_lexicon_weight`).
    min_outlet_share : float, default=0.33
        Keep n-grams used by at least this share of the training outlets.
    strip_boilerplate : bool, default=True
        Strip photo credits and lines recurring across an outlet's articles.
    evaluate : bool, default=True
        Run the outlet-held-out cross-validation.
    n_splits : int, default=5
        Outlet-held-out folds (GroupKFold).
    cv_mode : {"auto", "group-kfold", "logo"}, default="auto"
        How outlets are held out (:func:`framing.evaluation.folds.outlet_splits`).
    random_split : bool, default=True
        Also run the optimistic random split.
    seed : int or None, default=0
        Seeds the classifier and the random split.

    Examples
    --------
    >>> TrainSettings().min_df, TrainSettings(classifier="svm").classifier_C
    (0.01, 0.5)
    >>> TrainSettings(min_df=-1).check()
    Traceback (most recent call last):
    ...
    framing.errors.ParameterError: `min_df` must be > 0, got -1
    """

    features: FeatureSet = "both"
    classifier: ClassifierName = "logreg"
    C: float | None = None
    min_df: int | float = 0.01
    max_df: int | float = 1.0
    max_features: int | None = 300_000
    ngram_max: int = 2
    lexicon: Any = None
    voice: bool = True
    length: bool = False
    lexicon_weight: float | None = None
    min_outlet_share: float = 0.33
    strip_boilerplate: bool = True
    evaluate: bool = True
    n_splits: int = 5
    cv_mode: CVMode = "auto"
    random_split: bool = True
    seed: int | None = 0

    @classmethod
    def from_arguments(cls, arguments: Mapping[str, Any]) -> TrainSettings:
        """Return the settings among a function's arguments (its ``locals()``).

        For functions such as :func:`~framing.model.training.train` that take
        the settings as keyword parameters; other arguments are ignored.

        Examples
        --------
        >>> TrainSettings.from_arguments({"min_df": 2, "corpus": None}).min_df
        2
        """
        return cls(
            **{f.name: arguments[f.name] for f in fields(cls) if f.name in arguments}
        )

    @property
    def classifier_C(self) -> float:
        """`C`, or the classifier's default when `C` is None."""
        return DEFAULT_C[self.classifier] if self.C is None else self.C

    def check(self) -> TrainSettings:
        """Validate every setting; cheap, so call it before any work.

        Returns
        -------
        TrainSettings
            ``self``, for chaining.

        Raises
        ------
        ParameterError
            The first setting out of range or of the wrong kind, named as
            the parameter in backticks (``"`min_df` must be > 0, got -1"``).
        """
        for field in fields(self):
            _CHECKS[field.name](field.name, getattr(self, field.name))
        return self

    def card_settings(self) -> dict[str, Any]:
        """Return the settings as the model card records them, in its key order.

        Training adds what it learns (``lexicon_weight``, ``min_outlets``,
        ``n_text_features``).

        Examples
        --------
        >>> list(TrainSettings().card_settings())[:4]
        ['features', 'classifier', 'C', 'min_df']
        """
        return {
            "features": self.features,
            "classifier": self.classifier,
            "C": self.classifier_C,
            "min_df": self.min_df,
            "max_df": self.max_df,
            "max_features": self.max_features,
            "ngram_max": self.ngram_max,
            "voice": self.voice,
            "length": self.length,
            "seed": self.seed,
            "strip_boilerplate": self.strip_boilerplate,
            "strip_credits": self.strip_boilerplate,
            "min_outlet_share": self.min_outlet_share,
        }


# -- checks, one per kind of setting -------------------------------------------


def _one_of(choices: Iterable[str]) -> Callable[[str, Any], None]:
    options = tuple(choices)

    def check(name: str, value: Any) -> None:
        if value not in options:
            raise ParameterError(
                f"`{name}` must be one of {', '.join(options)}; got {value!r}"
            )

    return check


def _is_flag(value: Any) -> bool:
    """Tell ``bool`` and NumPy's boolean scalars from other values."""
    return isinstance(value, bool) or (
        type(value).__module__ == "numpy" and type(value).__name__ in ("bool", "bool_")
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, Integral) and not _is_flag(value)


def _is_real(value: Any) -> bool:
    return isinstance(value, Real) and not _is_flag(value) and math.isfinite(value)


def _flag(name: str, value: Any) -> None:
    if not (_is_flag(value) or (_is_int(value) and value in (0, 1))):
        raise ParameterError(f"`{name}` must be True or False, got {value!r}")


def _positive_C(name: str, value: Any) -> None:
    if value is None:
        return
    # as scikit-learn's C: any positive number, infinity included
    if not isinstance(value, Real) or _is_flag(value) or not value > 0:
        raise ParameterError(f"`{name}` must be positive, got {value}")


def _document_frequency(name: str, value: Any) -> None:
    """Accept a count of articles (an int >= 1) or a share (a float in [0, 1]).

    The ranges scikit-learn's ``TfidfVectorizer`` accepts for ``min_df`` and
    ``max_df``.
    """
    if not _is_real(value):
        raise ParameterError(f"`{name}` must be a number, got {value!r}")
    if value < 0 or (_is_int(value) and value < 1):
        raise ParameterError(f"`{name}` must be > 0, got {value}")
    if not _is_int(value) and value > 1:
        raise ParameterError(
            f"`{name}` must be a whole number of articles, or a share of them at "
            f"most 1, got {value}"
        )


def _at_least(low: int) -> Callable[[str, Any], None]:
    def check(name: str, value: Any) -> None:
        if not _is_int(value) or value < low:
            raise ParameterError(f"`{name}` must be an integer >= {low}, got {value!r}")

    return check


def _optional(check: Callable[[str, Any], None]) -> Callable[[str, Any], None]:
    def optional(name: str, value: Any) -> None:
        if value is not None:
            check(name, value)

    return optional


def _share(name: str, value: Any) -> None:
    if not _is_real(value) or not 0 <= value <= 1:
        raise ParameterError(f"`{name}` must be between 0 and 1, got {value}")


def _weight(name: str, value: Any) -> None:
    if not _is_real(value) or value < 0:
        raise ParameterError(f"`{name}` must be a number >= 0, got {value!r}")


def _n_splits(name: str, value: Any) -> None:
    if not _is_int(value) or value < 2:
        raise ParameterError(f"`{name}` must be at least 2, got {value}")


def _seed(name: str, value: Any) -> None:
    if value is None:  # scikit-learn's random_state=None: a fresh seed each run
        return
    if not _is_int(value) or not 0 <= value < 2**32:
        raise ParameterError(
            f"`{name}` must be an integer between 0 and 2**32 - 1, got {value!r}"
        )


def _cv_mode(name: str, value: Any) -> None:
    from framing.evaluation.folds import CV_MODES

    _one_of(CV_MODES)(name, value)


def _lexicon(name: str, value: Any) -> None:
    """Check the kind only; resolve_lexicon reads the files."""
    from framing.lexicon.lexicon import Lexicon

    if value is None or isinstance(value, (Lexicon, Mapping, str, Path, Iterable)):
        return
    raise ParameterError(
        f"`{name}` must be None, a Lexicon, its dict or TOML path(s); "
        f"got {type(value).__name__}"
    )


_CHECKS: dict[str, Callable[[str, Any], None]] = {
    "features": _one_of(FEATURE_SETS),
    "classifier": _one_of(CLASSIFIERS),
    "C": _positive_C,
    "min_df": _document_frequency,
    "max_df": _document_frequency,
    "max_features": _optional(_at_least(1)),
    "ngram_max": _at_least(1),
    "lexicon": _lexicon,
    "voice": _flag,
    "length": _flag,
    "lexicon_weight": _optional(_weight),
    "min_outlet_share": _share,
    "strip_boilerplate": _flag,
    "evaluate": _flag,
    "n_splits": _n_splits,
    "cv_mode": _cv_mode,
    "random_split": _flag,
    "seed": _seed,
}
