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
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
