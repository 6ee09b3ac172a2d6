"""Assemble a new model's card: versions, lexicon, settings, training corpus.

:func:`framing.model.training.train` calls :func:`assemble_card` once the model is fit;
the card's schema is checked, read and described in :mod:`framing.model.card`.
"""

from __future__ import annotations

import platform
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from framing.columns import DATE, OUTLET
from framing.model.card import FORMAT, FORMAT_VERSION

if TYPE_CHECKING:
    from framing.lexicon.lexicon import Lexicon

__all__ = ["assemble_card", "library_versions"]


def library_versions() -> dict[str, str]:
    """Versions of Python and the libraries a model depends on."""
    import joblib
    import scipy
    import sklearn

    from framing._version import __version__

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


def assemble_card(
    *,
    started: datetime,
    lexicon: Lexicon,
    shipped: bool,
    labels: list[str],
    label_info: Mapping[str, Any],
    settings: dict[str, Any],
    corpus: pd.DataFrame,
    y: np.ndarray,
    source: str | None,
    seconds: Mapping[str, float],
    evaluation: dict[str, Any] | None,
) -> dict[str, Any]:
    """Assemble the model card (``model.json``) of a newly trained model.

    Parameters
    ----------
    started : datetime
        When training started (the card's ``created_at``).
    lexicon : Lexicon
        The framing lexicon the model was trained with.
    shipped : bool
        Whether that is the shipped lexicon.
    labels : list of str
        The class labels, sorted.
    label_info : mapping
        ``label_source`` and ``dropped`` (:func:`framing.corpus.labels.resolve_labels`),
        and the boilerplate lines and photo credits removed, if any.
    settings : dict
        The pipeline and training settings.
    corpus : DataFrame
        The training articles kept, aligned with `y`.
    y : ndarray
        Their labels.
    source : str or None
        Corpus path.
    seconds : mapping
        Wall-clock seconds per training stage.
    evaluation : dict or None
        Cross-validation metrics (:func:`framing.evaluation.evaluate_cv`).

    Returns
    -------
    dict
        The card, in the key order ``model.json`` is written in.

    Examples
    --------
    >>> from datetime import datetime, timezone
    >>> from framing.lexicon.load import load_lexicon
    >>> card = assemble_card(
    ...     started=datetime(2031, 1, 2, tzinfo=timezone.utc),
    ...     lexicon=load_lexicon(), shipped=True, labels=["x", "y"],
    ...     label_info={"label_source": {"column": "label"}, "dropped": {}},
    ...     settings={}, corpus=pd.DataFrame({"outlet": ["a", "b"]}),
    ...     y=np.array(["x", "y"]), source=None, seconds={}, evaluation=None)
    >>> card["created_at"], card["training"]["label_counts"]
    ('2031-01-02T00:00:00+00:00', {'x': 1, 'y': 1})
    """
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": started.isoformat(timespec="seconds"),
        "versions": library_versions(),
        "lexicon": {
            "name": lexicon.name,
            "version": lexicon.version,
            "digest": lexicon.digest,
            "shipped": shipped,
        },
        "labels": labels,
        "label_source": label_info["label_source"],
        "settings": settings,
        "training": {
            **_corpus_summary(corpus, y),
            "source": source,
            "dropped": label_info["dropped"],
            "boilerplate_lines_removed": label_info.get("boilerplate_lines_removed", 0),
            "photo_credits_removed": label_info.get("photo_credits_removed", 0),
            "seconds": {k: round(v, 2) for k, v in seconds.items()},
        },
        "evaluation": evaluation,
    }
