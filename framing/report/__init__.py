"""Charts for reports and notebooks: one function per chart, ``ax`` optional.

Importing this package is light: matplotlib is loaded with the first chart
function used (attributes resolve lazily, PEP 562).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["plot_fightin_words"]

_LAZY = {"plot_fightin_words": "framing.report.terms"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'framing.report' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
