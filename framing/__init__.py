"""framing: measure how news outlets frame events.

The public API, re-exported from the modules that implement it::

    from framing import load_lexicon, compile_matcher, FramingFeatures
    matcher = compile_matcher(load_lexicon())
    matcher.find("Foreign-backed militants reportedly fled.")
"""

from __future__ import annotations

__version__ = "0.2.0"

from framing.aggregate import aggregate_by_outlet  # noqa: E402
from framing.corpus import iter_corpus, read_corpus  # noqa: E402
from framing.discovery import (  # noqa: E402
    count_terms,
    discover_terms,
    log_odds_dirichlet,
    score_terms,
    suggest_lexicon,
)
from framing.evaluation import evaluate_cv, outlet_splits  # noqa: E402
from framing.exceptions import (  # noqa: E402
    CorpusFormatError,
    FramingError,
    LexiconError,
    ModelFileError,
)
from framing.features import FramingFeatures, features_frame  # noqa: E402
from framing.lexicon import Category, Lexicon, load_lexicon  # noqa: E402
from framing.matcher import Matcher, compile_matcher  # noqa: E402
from framing.model import FramingModel, build_pipeline, train  # noqa: E402
from framing.modelio import load_model, save_model  # noqa: E402
from framing.schema import Match  # noqa: E402
from framing.scoring import score_corpus, score_documents  # noqa: E402
from framing.voice import find_quotes, find_scare_quotes  # noqa: E402

__all__ = [
    "__version__",
    "Category",
    "CorpusFormatError",
    "FramingError",
    "FramingFeatures",
    "FramingModel",
    "Lexicon",
    "LexiconError",
    "Match",
    "Matcher",
    "ModelFileError",
    "aggregate_by_outlet",
    "build_pipeline",
    "compile_matcher",
    "count_terms",
    "discover_terms",
    "evaluate_cv",
    "features_frame",
    "find_quotes",
    "find_scare_quotes",
    "iter_corpus",
    "load_lexicon",
    "read_corpus",
    "load_model",
    "log_odds_dirichlet",
    "outlet_splits",
    "save_model",
    "score_corpus",
    "score_documents",
    "score_terms",
    "suggest_lexicon",
    "train",
]
