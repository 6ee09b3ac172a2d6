"""Lexicons: named categories of framing terms, loaded from TOML and validated.

Public names resolve lazily (PEP 562): importing the package is cheap.
"""

from __future__ import annotations

from framing._lazy import lazy_exports

_EXPORTS = {
    "Lexicon": ".lexicon",
    "Category": ".category",
    "normalize_term": ".category",
    "load_lexicon": ".load",
    "read_lexicon_file": ".load",
    "render_markdown": ".markdown",
}
#: Names this path held in framing 0.2 (a flat module then); they warn.
_MOVED = {
    "SHIPPED": "framing.lexicon.load",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, _MOVED)
