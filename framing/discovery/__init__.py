"""Distinguishing terms: term counts, collocations, log-odds, lexicon candidates.

Public names resolve lazily (PEP 562): importing the package is cheap.
"""

from __future__ import annotations

from framing._lazy import lazy_exports

_EXPORTS = {
    "count_terms": ".counts",
    "score_terms": ".logodds",
    "log_odds_dirichlet": ".logodds",
    "discover_terms": ".terms",
    "group_corpus": ".terms",
    "count_group_terms": ".terms",
    "GroupedCorpus": ".terms",
    "suggest_lexicon": ".candidates",
    "lexicon_lookup": ".candidates",
    "bigram_association": ".collocation",
}
#: Names this path held in framing 0.2 (a flat module then); they warn.
_MOVED = {
    "STOP_WORDS": "framing.discovery.counts",
    "TermCounts": "framing.discovery.counts",
    "build_prior": "framing.discovery.logodds",
    "assign_groups": "framing.discovery.terms",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, _MOVED)
