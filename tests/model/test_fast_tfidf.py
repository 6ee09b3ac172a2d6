"""TfidfIndex gives the same matrix as the fitted TfidfVectorizer."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from framing.corpus.read import read_corpus
from framing.model.fast_tfidf import TfidfIndex, supports
from tests.model_data import DEMO
from tests.strategies import SETTINGS, SPECIAL, TERMS, any_char, noise

TRAIN = [
    "The regime fell. The so-called regime's army, the REGIME!",
    "Rebels fled the city; the regime claimed victory.",
    "ΟΔΟΣ'Α İstanbul a b c x a y — the regime",
    "Takfiri terrorists, reportedly; the rebels fled",
    "",
]


def _same(vec: TfidfVectorizer, docs: list[str]) -> None:
    fast = TfidfIndex(vec).transform(docs)
    slow = vec.transform(docs)
    assert fast.shape == slow.shape and fast.dtype == slow.dtype
    assert fast.has_sorted_indices
    np.testing.assert_array_equal(fast.indptr, slow.indptr)
    np.testing.assert_array_equal(fast.indices, slow.indices)
    np.testing.assert_array_equal(fast.data, slow.data)


@pytest.mark.parametrize(
    "kw",
    [
        {"ngram_range": (1, 2)},
        {"ngram_range": (1, 1)},
        {"ngram_range": (2, 2)},
        {"ngram_range": (1, 2), "sublinear_tf": True, "dtype": np.float32},
        {"ngram_range": (1, 2), "norm": None, "use_idf": False},
        {"ngram_range": (1, 2), "max_features": 7},
    ],
)
def test_same_matrix_as_the_vectorizer(kw):
    vec = TfidfVectorizer(**kw).fit(TRAIN)
    docs = [*TRAIN, "regime regime the the the", "x", "the\nregime", "Fled. Rebels"]
    _same(vec, docs)


def test_same_matrix_on_the_demo_corpus():
    texts = read_corpus(DEMO / "demo" / "articles.jsonl")["text"].tolist()
    vec = TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, sublinear_tf=True, dtype=np.float32
    ).fit(texts[:40])
    _same(vec, texts)


def test_bigram_only_words_and_document_edges():
    # "so" and "called" occur only inside the bigram; bigrams never span two
    # documents (last word of one, first of the next).
    vec = TfidfVectorizer(
        ngram_range=(1, 2), vocabulary=["so called", "regime", "regime so"]
    )
    vec.fit(["so called regime"])
    _same(vec, ["regime", "so called", "so", "called regime so called", ""])
    X = TfidfIndex(vec).counts(["regime", "so called"])
    assert X.toarray().tolist() == [[0, 1, 0], [1, 0, 0]]


@pytest.mark.parametrize(
    "kw",
    [
        {"analyzer": "char"},
        {"stop_words": "english"},
        {"lowercase": False},
        {"token_pattern": r"\w+"},
        {"ngram_range": (1, 3)},
        {"binary": True},
        {"strip_accents": "unicode"},
        {"tokenizer": str.split, "token_pattern": None},
    ],
)
def test_refuses_what_it_cannot_reproduce(kw):
    vec = TfidfVectorizer(**kw).fit(TRAIN)
    assert not supports(vec)
    with pytest.raises(ValueError, match="cannot reproduce"):
        TfidfIndex(vec)


def test_unfitted_is_not_supported():
    assert not supports(TfidfVectorizer())
    assert not supports(object())


# -- properties (hypothesis) ---------------------------------------------------


@SETTINGS
@given(
    st.lists(st.one_of(st.text(any_char, max_size=60), noise), min_size=1, max_size=6)
)
def test_tfidf_index_equals_the_vectorizer(docs):
    from sklearn.feature_extraction.text import TfidfVectorizer

    from framing.model.fast_tfidf import TfidfIndex

    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    vec.fit([*TERMS, " ".join(SPECIAL), *docs[:3]])
    fast, slow = TfidfIndex(vec).transform(docs), vec.transform(docs)
    assert (fast != slow).nnz == 0
