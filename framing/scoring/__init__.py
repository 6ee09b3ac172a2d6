"""Score articles with a model (or lexicon profiles) and aggregate per outlet.

Also collects what the report draws (:func:`collect_report_inputs`): the
report itself computes nothing.

Public names resolve lazily (PEP 562): importing the package is cheap.
"""

from __future__ import annotations

from framing._lazy import lazy_exports

_EXPORTS = {
    "score_documents": ".score",
    "score_corpus": ".score",
    "profile_corpus": ".score",
    "evaluate_model": ".score",
    "aggregate_by_outlet": ".aggregate",
    "bootstrap_mean_ci": ".aggregate",
    "collect_report_inputs": ".report_inputs",
    "ReportInputs": ".report_inputs",
}
#: Names this path held in framing 0.2 (a flat module then); they warn.
_MOVED = {
    "OutletAccumulator": "framing.scoring.aggregate",
    "ScoreSummary": "framing.scoring.score",
    "explain_rows": "framing.model.explain",
    "linear_parts": "framing.model.explain",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, _MOVED)
