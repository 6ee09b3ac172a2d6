"""Tokens and sentences, with NLTK parts that need no downloaded data.

Public names resolve lazily (PEP 562): importing the package is cheap.
"""

from __future__ import annotations

from framing._lazy import lazy_exports

_EXPORTS = {
    "word_spans": ".tokens",
    "count_tokens": ".tokens",
    "sentence_spans": ".tokens",
    "count_sentences": ".tokens",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
