"""Evaluation that means something: outlet-held-out folds, metrics, tables.

Public names resolve lazily (PEP 562): importing the package is cheap.
"""

from __future__ import annotations

from framing._lazy import lazy_exports

_EXPORTS = {
    "evaluate_cv": ".cross_validation",
    "cross_validate": ".cross_validation",
    "outlet_splits": ".folds",
    "random_splits": ".folds",
    "classification_metrics": ".metrics",
    "reliability_bins": ".metrics",
    "format_metrics": ".table",
}
#: Names this path held in framing 0.2 (a flat module then); they warn.
_MOVED = {
    "OPTIMISTIC": "framing.evaluation.cross_validation",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, _MOVED)
