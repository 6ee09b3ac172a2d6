"""The outlet-framing model: pipeline, training, model card, allow-listed storage.

Public names resolve lazily (PEP 562): importing the package is cheap.
"""

from __future__ import annotations

from framing._lazy import lazy_exports

_EXPORTS = {
    "FramingModel": ".framing_model",
    "TrainSettings": ".settings",
    "build_pipeline": ".pipeline",
    "train": ".training",
    "load_model": ".storage",
    "save_model": ".storage",
    "read_card": ".card",
    "describe_card": ".card",
}
#: Names this path held in framing 0.2 (a flat module then); they warn.
_MOVED = {
    "CLASSIFIERS": "framing.model.settings",
    "DEFAULT_C": "framing.model.settings",
    "FEATURE_SETS": "framing.model.settings",
    "ClassifierName": "framing.model.settings",
    "FeatureSet": "framing.model.settings",
    "library_versions": "framing.model.card_build",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, _MOVED)
