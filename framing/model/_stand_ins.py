"""Training-time stand-ins used by :func:`framing.model.training.train` (never saved).

:class:`PrecomputedFeatures` looks up framing-lexicon rates computed once per
document, so cross-validation folds do not recompute them.
:class:`OutletSpreadTfidf` fits a TF-IDF vocabulary restricted to n-grams
used by a minimum share of the training outlets, then hands over a plain,
fitted :class:`~sklearn.feature_extraction.text.TfidfVectorizer`.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

from framing.errors import FramingError
from framing.features.transformer import as_texts

__all__ = ["OutletSpreadTfidf", "PrecomputedFeatures"]


class PrecomputedFeatures(TransformerMixin, BaseEstimator):
    """Stand-in for FramingFeatures: looks each text's row up in a table.

    FramingFeatures learns nothing in ``fit`` and is the slow step, so the
    training code computes it once per document and reuses the rows across
    cross-validation folds and the final fit. The saved pipeline holds the
    real transformer.
    """

    def __init__(
        self, *, table: Any = None, matrix: Any = None, names: Any = None
    ) -> None:
        self.table = table
        self.matrix = matrix
        self.names = names

    def fit(self, X: Any, y: Any = None) -> PrecomputedFeatures:
        """Do nothing (the rows are precomputed)."""
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Return the precomputed rows of the texts in ``X``."""
        rows = [self.table[t] for t in as_texts(X)]
        return self.matrix[rows]

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Return the FramingFeatures names."""
        return np.asarray(self.names, dtype=object)


class OutletSpreadTfidf(TransformerMixin, BaseEstimator):
    """TF-IDF over the n-grams used by at least a share of the outlets.

    An n-gram found in the articles of only a few outlets mostly tells which
    outlet is writing (names, house phrases, columns); one used across many
    outlets can carry framing that transfers to outlets not seen in
    training. ``fit`` counts n-grams once (as the template vectorizer would),
    keeps those occurring in articles of at least
    ``ceil(min_outlet_share * n_outlets)`` outlets, and builds
    ``vectorizer_``: a plain fitted TfidfVectorizer with that vocabulary and
    the idf of the training articles, giving the same matrix.

    Parameters
    ----------
    template : TfidfVectorizer
        Unfitted; its settings (n-grams, min_df, sublinear tf...) are used.
    outlet_of : dict
        Text -> outlet, for the training texts.
    min_outlet_share : float
        Share of the training outlets an n-gram must occur in.
    """

    def __init__(
        self,
        *,
        template: Any = None,
        outlet_of: Any = None,
        min_outlet_share: float = 0.0,
    ) -> None:
        self.template = template
        self.outlet_of = outlet_of
        self.min_outlet_share = min_outlet_share

    def fit(self, X: Any, y: Any = None) -> OutletSpreadTfidf:
        """Fit the vocabulary and idf; see :meth:`fit_transform`."""
        self.fit_transform(X, y)
        return self

    def fit_transform(self, X: Any, y: Any = None, **params: Any) -> Any:
        """Fit on the training texts and return their TF-IDF matrix."""
        texts = as_texts(X)
        t = self.template
        counter = CountVectorizer(
            lowercase=t.lowercase,
            token_pattern=t.token_pattern,
            ngram_range=t.ngram_range,
            analyzer=t.analyzer,
            min_df=t.min_df,
            max_df=t.max_df,
            max_features=t.max_features,
            stop_words=t.stop_words,
            strip_accents=t.strip_accents,
            dtype=np.int64,
        )
        counts = counter.fit_transform(texts).tocsr()
        outlets = np.asarray([self.outlet_of.get(x, "") for x in texts], dtype=object)
        codes, inv = np.unique(outlets.astype(str), return_inverse=True)
        need = max(1, math.ceil(self.min_outlet_share * len(codes) - 1e-9))
        member = sparse.csr_matrix(
            (np.ones(len(texts), dtype=np.float32), (inv, np.arange(len(texts)))),
            shape=(len(codes), len(texts)),
        )
        present = counts.copy()
        present.data = np.ones_like(present.data, dtype=np.float32)
        spread = np.asarray(((member @ present) > 0).sum(axis=0)).ravel()
        keep = np.nonzero(spread >= need)[0]
        if not len(keep):
            raise FramingError(
                f"no n-gram occurs in at least {need} outlets' articles; lower "
                "`min_outlet_share` (or `min_df`)"
            )
        names = counter.get_feature_names_out()[keep]
        tfidf = TfidfTransformer(
            norm=t.norm,
            use_idf=t.use_idf,
            smooth_idf=t.smooth_idf,
            sublinear_tf=t.sublinear_tf,
        ).fit(counts[:, keep])
        vec = clone(t).set_params(
            vocabulary={str(w): i for i, w in enumerate(names)},
            min_df=1,
            max_df=1.0,
            max_features=None,
        )
        if t.use_idf:
            vec.idf_ = tfidf.idf_
        else:  # pragma: no cover - use_idf is always on in framing
            vec.fit(texts[:1])
        self.vectorizer_ = vec
        self.n_outlets_, self.min_outlets_ = len(codes), need
        return tfidf.transform(counts[:, keep]).astype(t.dtype)

    def transform(self, X: Any) -> Any:
        """TF-IDF of new texts over the fitted vocabulary."""
        return self.vectorizer_.transform(as_texts(X))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Return the kept n-grams."""
        return self.vectorizer_.get_feature_names_out()
