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
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
