"""Find lexicon terms in texts as character spans, and render them highlighted.

Public names resolve lazily (PEP 562): importing the package is cheap.
"""

from __future__ import annotations

from framing._lazy import lazy_exports

_EXPORTS = {
    "Matcher": ".matcher",
    "compile_matcher": ".matcher",
    "highlight_page": ".highlight",
    "render_ansi": ".highlight",
    "render_html": ".highlight",
    "render_json": ".highlight",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
