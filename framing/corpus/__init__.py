"""Read corpora into DataFrames and clean them.

Readers per format, HTML and scraped debris, boilerplate lines and photo
credits, outlet/label tables.

Public names resolve lazily (PEP 562): importing the package is cheap.
"""

from __future__ import annotations

from framing._lazy import lazy_exports

_EXPORTS = {
    "read_corpus": ".read",
    "iter_corpus": ".read",
    "detect_format": ".read",
    "clean_text": ".clean",
    "apply_boilerplate": ".boilerplate",
    "find_and_strip": ".boilerplate",
    "find_boilerplate": ".boilerplate",
    "find_boilerplate_in_chunks": ".boilerplate",
    "strip_boilerplate": ".boilerplate",
    "strip_credits": ".boilerplate",
    "iter_stripped_corpus": ".boilerplate",
    "read_outlet_labels": ".labels",
    "resolve_labels": ".labels",
    "LabelWarning": ".labels",
}
#: Names this path held in framing 0.2 (a flat module then); they warn.
_MOVED = {
    "CANONICAL_COLUMNS": "framing.corpus.read",
    "FORMATS": "framing.corpus.read",
    "SIDECAR_NAMES": "framing.corpus.readers.textfolder",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, _MOVED)
