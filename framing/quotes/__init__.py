"""Quotation spans and voice: whose words a match stands in; scare quotes.

Public names resolve lazily (PEP 562): importing the package is cheap.
"""

from __future__ import annotations

from framing._lazy import lazy_exports

_EXPORTS = {
    "QuoteSpan": ".voice",
    "find_quotes": ".voice",
    "find_scare_quotes": ".voice",
    "voice_at": ".voice",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
