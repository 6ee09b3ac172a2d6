"""A faster ``transform`` for a fitted word 1-2-gram TfidfVectorizer.

scikit-learn's :meth:`~sklearn.feature_extraction.text.TfidfVectorizer.transform`
builds every n-gram of every document as a Python string and looks each up
in the vocabulary, whatever the vocabulary's size. A framing model keeps a
few thousand n-grams, so most of that work is thrown away. :class:`TfidfIndex`
gives the same matrix another way: tokens are mapped to integer ids of the
words the vocabulary uses (one C-level ``map`` per document), and unigram and
bigram columns are found for the whole batch at once with NumPy; the counts
then go through the vectorizer's own fitted :class:`TfidfTransformer`.

Only vectorizers whose analysis this reproduces exactly are accepted (see
:func:`supports`): word analyzer, default token pattern, lower-casing,
no accent stripping, stop words, custom preprocessor or tokenizer, and
n-grams of 1 to 2 words. Anything else falls back to the vectorizer itself.
The saved model holds a plain TfidfVectorizer; the index is rebuilt from it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse

__all__ = ["TfidfIndex", "supports"]

_DEFAULT_PATTERN = r"(?u)\b\w\w+\b"


def supports(vectorizer: Any) -> bool:
    """Whether :class:`TfidfIndex` reproduces ``vectorizer.transform`` exactly.

    Parameters
    ----------
    vectorizer : TfidfVectorizer
        A fitted vectorizer.

    Returns
    -------
    bool
    """
    v = vectorizer
    try:
        lo, hi = v.ngram_range
        return (
            hasattr(v, "vocabulary_")
            and hasattr(v, "_tfidf")
            and (hasattr(v, "idf_") or not v.use_idf)
            and v.analyzer == "word"
            and v.input == "content"
            and v.token_pattern == _DEFAULT_PATTERN
            and v.tokenizer is None
            and v.preprocessor is None
            and v.lowercase
            and v.strip_accents is None
            and v.stop_words is None
            and v.binary is False
            and (lo, hi) in ((1, 1), (1, 2), (2, 2))
        )
    except AttributeError:
        return False


class TfidfIndex:
    """Integer index of a fitted TfidfVectorizer's vocabulary.

    Parameters
    ----------
    vectorizer : TfidfVectorizer
        Fitted, and accepted by :func:`supports`.

    Examples
    --------
    >>> from sklearn.feature_extraction.text import TfidfVectorizer
    >>> docs = ["The regime fell.", "The so-called regime", "Rebels fled"]
    >>> vec = TfidfVectorizer(ngram_range=(1, 2)).fit(docs)
    >>> fast = TfidfIndex(vec).transform(docs)
    >>> bool(abs(fast - vec.transform(docs)).max() < 1e-12)
    True
    """

    def __init__(self, vectorizer: Any) -> None:
        if not supports(vectorizer):
            raise ValueError("TfidfIndex cannot reproduce this vectorizer")
        self.vectorizer = vectorizer
        self._token = re.compile(vectorizer.token_pattern)
        words: dict[str, int] = {}
        uni: list[tuple[int, int]] = []
        bi: list[tuple[int, int, int]] = []
        for gram, col in vectorizer.vocabulary_.items():
            parts = gram.split(" ")
            ids = [words.setdefault(p, len(words)) for p in parts]
            if len(ids) == 1:
                uni.append((ids[0], col))
            else:
                bi.append((ids[0], ids[1], col))
        self._words = words
        n = len(words)
        self._unknown = n  # id of a word the vocabulary does not use
        self._stride = n + 2  # ids go up to n + 1 (the document separator)
        uni_col = np.full(n + 2, -1, dtype=np.int64)
        for w, col in uni:
            uni_col[w] = col
        self._uni_col = uni_col
        codes = np.array([a * self._stride + b for a, b, _ in bi], dtype=np.int64)
        order = np.argsort(codes, kind="stable")
        self._bi_codes = codes[order]
        self._bi_cols = np.array([c for _, _, c in bi], dtype=np.int64)[order]
        self._n_features = len(vectorizer.vocabulary_)
        self._unigrams = vectorizer.ngram_range[0] == 1

    def counts(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Return the n-gram count matrix (as ``CountVectorizer.transform``).

        Parameters
        ----------
        texts : sequence of str
            The documents.

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_texts, n_features)
            With sorted indices and the vectorizer's dtype.
        """
        get, find = self._words.get, self._token.findall
        unknown, sep = self._unknown, self._unknown + 1
        ids: list[int] = []
        lengths = np.empty(len(texts), dtype=np.int64)
        for i, text in enumerate(texts):
            before = len(ids)
            ids.extend(map(get, find(text.lower()), itertools.repeat(unknown)))
            ids.append(sep)
            lengths[i] = len(ids) - before
        arr = np.asarray(ids, dtype=np.int64)
        doc = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        rows, cols = [], []
        if self._unigrams:
            col = self._uni_col[arr]
            hit = col >= 0
            rows.append(doc[hit])
            cols.append(col[hit])
        if len(self._bi_codes) and len(arr) > 1:
            code = arr[:-1] * self._stride + arr[1:]
            pos = np.searchsorted(self._bi_codes, code)
            pos[pos == len(self._bi_codes)] = 0
            hit = self._bi_codes[pos] == code
            rows.append(doc[:-1][hit])
            cols.append(self._bi_cols[pos[hit]])
        r = np.concatenate(rows) if rows else np.empty(0, dtype=np.int64)
        c = np.concatenate(cols) if cols else np.empty(0, dtype=np.int64)
        X = sparse.csr_matrix(
            (np.ones(len(r), dtype=self.vectorizer.dtype), (r, c)),
            shape=(len(texts), self._n_features),
        )
        X.sum_duplicates()
        X.sort_indices()
        return X

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Return the TF-IDF matrix, as ``vectorizer.transform(texts)``."""
        if not len(texts):
            return self.counts(texts)
        return self.vectorizer._tfidf.transform(self.counts(texts), copy=False)
