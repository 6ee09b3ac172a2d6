"""Per-article framing features: category rates per 1,000 tokens, by voice.

Public names resolve lazily (PEP 562): importing the package is cheap.
"""

from __future__ import annotations

from framing._lazy import lazy_exports

_EXPORTS = {
    "FramingFeatures": ".transformer",
    "features_frame": ".transformer",
    "feature_names": ".transformer",
}
#: Names this path held in framing 0.2 (a flat module then); they warn.
_MOVED = {
    "LENGTH": "framing.features.transformer",
    "as_texts": "framing.features.transformer",
    "document_features": "framing.features.transformer",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, _MOVED)
