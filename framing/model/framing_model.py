"""The fitted outlet-framing model: pipeline, model card and boilerplate.

:class:`FramingModel` is what :func:`framing.model.training.train` returns,
:func:`~framing.model.storage.save_model` writes and
:func:`~framing.model.storage.load_model`
reads back; scoring (:mod:`framing.scoring.score`) reads its pipeline parts through
the accessors here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.pipeline import Pipeline

from framing.features.transformer import FramingFeatures
from framing.model.pipeline import classifier, feature_union, framing_step, tfidf_step

__all__ = ["FramingModel"]


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
        return framing_step(self.pipeline)

    @functools.cached_property
    def feature_names(self) -> np.ndarray:
        """Display names of the classifier's inputs: ``lex:<c>``, ``tfidf:<g>``."""
        raw = feature_union(self.pipeline).get_feature_names_out()
        return np.asarray([n.replace("__", ":", 1) for n in raw], dtype=object)

    @functools.cached_property
    def linear(self) -> tuple[np.ndarray, np.ndarray]:
        """``(coef, intercept)`` of the classifier (see explain.linear_parts)."""
        from framing.model.explain import linear_parts

        return linear_parts(classifier(self.pipeline))

    @property
    def lexicon_names(self) -> np.ndarray | None:
        """Names of the raw framing rates the pipeline computes, if any."""
        ff = self.framing_features
        return None if ff is None else ff.get_feature_names_out()

    @functools.cached_property
    def tfidf_index(self) -> Any:
        """A :class:`~framing.model.fast_tfidf.TfidfIndex` of the TF-IDF step, if any.

        ``None`` without text features or for a vectorizer it cannot
        reproduce exactly; scoring then uses the vectorizer itself.
        """
        from framing.model.fast_tfidf import TfidfIndex, supports

        vec = tfidf_step(self.pipeline)
        return TfidfIndex(vec) if vec is not None and supports(vec) else None

    @functools.cached_property
    def rates_transformer(self) -> FramingFeatures:
        """FramingFeatures for per-outlet rates (the model's, else shipped)."""
        return self.framing_features or FramingFeatures().fit([])
