"""framing: measure how news outlets frame events.

The public API, imported lazily (PEP 562) from the stage subpackages that
implement it, so ``import framing`` loads neither scikit-learn nor pandas::

    from framing import load_lexicon, compile_matcher, FramingFeatures
    matcher = compile_matcher(load_lexicon())
    matcher.find("Foreign-backed militants reportedly fled.")
"""

from __future__ import annotations

from framing._lazy import lazy_exports
from framing._version import __version__

_EXPORTS = {
    "Category": "framing.lexicon.category",
    "CorpusFormatError": "framing.errors",
    "FramingError": "framing.errors",
    "FramingFeatures": "framing.features.transformer",
    "FramingModel": "framing.model.framing_model",
    "Lexicon": "framing.lexicon.lexicon",
    "LexiconError": "framing.errors",
    "Match": "framing.columns",
    "Matcher": "framing.matching.matcher",
    "ModelFileError": "framing.errors",
    "ParameterError": "framing.errors",
    "TrainSettings": "framing.model.settings",
    "aggregate_by_outlet": "framing.scoring.aggregate",
    "build_pipeline": "framing.model.pipeline",
    "compile_matcher": "framing.matching.matcher",
    "count_terms": "framing.discovery.counts",
    "discover_terms": "framing.discovery.terms",
    "evaluate_cv": "framing.evaluation.cross_validation",
    "features_frame": "framing.features.transformer",
    "find_quotes": "framing.quotes.voice",
    "find_scare_quotes": "framing.quotes.voice",
    "iter_corpus": "framing.corpus.read",
    "load_lexicon": "framing.lexicon.load",
    "load_model": "framing.model.storage",
    "log_odds_dirichlet": "framing.discovery.logodds",
    "outlet_splits": "framing.evaluation.folds",
    "read_corpus": "framing.corpus.read",
    "save_model": "framing.model.storage",
    "score_corpus": "framing.scoring.score",
    "score_documents": "framing.scoring.score",
    "score_terms": "framing.discovery.logodds",
    "suggest_lexicon": "framing.discovery.candidates",
    "train": "framing.model.training",
}

__all__ = ["__version__", *sorted(_EXPORTS)]
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
