"""Charts for reports and notebooks: one function per chart, ``ax`` optional.

Importing this package is light: matplotlib is loaded with the first chart
function used (attributes resolve lazily, PEP 562).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = [
    "build_report",
    "label_coefficients",
    "plot_category_heatmap",
    "plot_class_coefficients",
    "plot_class_scores",
    "plot_confusion_matrix",
    "plot_f1_comparison",
    "plot_fightin_words",
    "plot_model_evaluation",
    "plot_note",
    "plot_outlet_scores",
    "plot_rate_over_time",
    "plot_reliability",
    "plot_title_page",
    "plot_top_coefficients",
    "plot_voice_shares",
    "save_figure",
]

_LAZY = {
    "build_report": "framing.report.assemble",
    "label_coefficients": "framing.report.explain",
    "plot_category_heatmap": "framing.report.outlets",
    "plot_class_coefficients": "framing.report.explain",
    "plot_class_scores": "framing.report.scores",
    "plot_confusion_matrix": "framing.report.evaluation",
    "plot_f1_comparison": "framing.report.evaluation",
    "plot_fightin_words": "framing.report.terms",
    "plot_model_evaluation": "framing.report.evaluation",
    "plot_note": "framing.report.title",
    "plot_outlet_scores": "framing.report.scores",
    "plot_rate_over_time": "framing.report.time",
    "plot_reliability": "framing.report.evaluation",
    "plot_title_page": "framing.report.title",
    "plot_top_coefficients": "framing.report.explain",
    "plot_voice_shares": "framing.report.outlets",
    "save_figure": "framing.report.style",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'framing.report' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
