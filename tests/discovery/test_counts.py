"""Tests for framing.discovery.counts: tokens, phrases, counts per group and outlet."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer

from framing.corpus.read import read_corpus
from framing.discovery.collocation import bigram_association
from framing.discovery.counts import STOP_WORDS, count_terms
from framing.discovery.logodds import score_terms
from framing.errors import FramingError

DATA = Path(__file__).resolve().parents[2] / "data"


# -- phrases ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "n_ii, n_ix, n_xi, n_xx",
    [
        (30, 40, 50, 10_000),
        (1, 5, 7, 1_000),
        (12, 12, 12, 500),
        (3, 900, 40, 50_000),
    ],
)
def test_bigram_association_equals_nltk(n_ii, n_ix, n_xi, n_xx):
    from nltk.metrics import BigramAssocMeasures as M

    g2 = bigram_association([n_ii], [n_ix], [n_xi], n_xx)[0]
    assert g2 == pytest.approx(M.likelihood_ratio(n_ii, (n_ix, n_xi), n_xx), rel=1e-9)
    pmi = bigram_association([n_ii], [n_ix], [n_xi], n_xx, measure="pmi")[0]
    assert pmi == pytest.approx(M.pmi(n_ii, (n_ix, n_xi), n_xx), rel=1e-9)


def test_phrase_filter_keeps_collocations_drops_chance_pairs():
    # Ten words in random order (their pairs occur at chance rates), plus one
    # fixed phrase, "war crimes", inserted in every text.
    rng = np.random.default_rng(7)
    words = [
        "alpha",
        "bravo",
        "delta",
        "echo",
        "golf",
        "hotel",
        "india",
        "kilo",
        "lima",
        "mike",
    ]
    texts = [" ".join(rng.choice(words, 30)) + " war crimes" for _ in range(200)]
    groups = ["a", "b"] * 100
    kept = count_terms(texts, groups, min_count=5)
    every = count_terms(texts, groups, min_count=5, phrase_measure=None)
    chance = [
        t for t in every.terms if " " in t and "war" not in t and "crimes" not in t
    ]
    assert len(chance) == 100  # all ten x ten pairs
    assert "war crimes" in set(kept.terms)
    survivors = set(chance) & set(kept.terms)
    assert len(survivors) <= 5, survivors  # ~0.1% expected
    pmi = count_terms(texts, groups, min_count=5, phrase_measure="pmi")
    assert "war crimes" in set(pmi.terms)
    assert not set(chance) & set(pmi.terms)


# -- counting ----------------------------------------------------------------------


def _counts(tc):
    return dict(zip(tc.terms, tc.counts.toarray().sum(axis=0).tolist(), strict=True))


def test_count_terms_tokens_and_phrase_boundaries():
    texts = [
        "The so-called council met. U.S. envoy’s talks: the so-called council",
        'The "moderate" rebels\nrebels won 3 seats, the rebels said',
    ]
    tc = count_terms(texts, ["a", "b"], min_count=1, phrase_measure=None)
    got = _counts(tc)
    assert got["so-called"] == 2 and "so" not in got  # hyphen: one token
    assert got["so-called council"] == 2
    assert got["u.s."] == 1 and got["u.s. envoy's"] == 1  # abbreviation
    assert "envoy's talks" in got and "envoy’s" not in got  # curly apostrophe
    assert "met u.s." not in got  # across "."
    assert "talks the" not in got  # across ":"
    assert "the moderate" not in got and "moderate rebels" not in got  # quotes
    assert "rebels rebels" not in got  # across a newline
    assert "won seats" not in got and "3" not in got  # numbers break
    assert "council the" not in got  # across documents
    assert tc.n_tokens.tolist() == [10, 10]  # numbers count
    assert tc.n_docs.tolist() == [1, 1]
    assert set(tc.ngram.tolist()) == {1, 2}


def test_count_terms_unigrams_match_countvectorizer():
    df = read_corpus(DATA / "demo" / "articles.jsonl")
    tc = count_terms(
        df["text"].tolist(), df["outlet"].tolist(), min_count=1, ngram_range=(1, 1)
    )
    vec = CountVectorizer(
        token_pattern=r"[^\W\d_]\.(?:[^\W\d_]\.)+|\w+(?:[-'’]\w+)*", lowercase=True
    )
    texts = [t.replace("’", "'") for t in df["text"]]
    x = vec.fit_transform(texts)
    names = vec.get_feature_names_out()
    words = np.array([any(c.isalpha() for c in n) for n in names])
    for g, group in enumerate(tc.groups):
        rows = (df["outlet"] == group).to_numpy()
        ref = dict(
            zip(
                names[words],
                np.asarray(x[rows].sum(axis=0)).ravel()[words],
                strict=True,
            )
        )
        mine = dict(zip(tc.terms, tc.counts[g].toarray().ravel(), strict=True))
        assert {k: v for k, v in ref.items() if v} == {
            k: v for k, v in mine.items() if v
        }


def test_count_terms_min_count_and_stop_words():
    texts = ["the regime fell", "the regime of the north", "of the regime"]
    groups = ["a", "b", "b"]
    tc = count_terms(texts, groups, min_count=2, phrase_measure=None)
    assert set(tc.terms) == {"the", "regime", "of", "the regime", "of the"}
    tc = count_terms(texts, groups, min_count=2, phrase_measure=None, stop_words=True)
    assert set(tc.terms) == {"regime", "the regime"}  # "of the": stop words only
    assert {"the", "of", "which"} <= STOP_WORDS
    assert not {"could", "might", "may", "regime"} & STOP_WORDS  # hedges stay
    tc = count_terms(
        texts, groups, min_count=2, phrase_measure=None, stop_words=["regime"]
    )
    assert "regime" not in set(tc.terms) and "the regime" in set(tc.terms)


def test_count_terms_ngram_range_and_voice():
    texts = ['The junta "crushed the terrorists" today.', "The junta said so."]
    only_words = count_terms(texts, ["a", "b"], min_count=1, ngram_range=(1, 1))
    assert set(only_words.ngram.tolist()) == {1}
    only_pairs = count_terms(
        texts, ["a", "b"], min_count=1, ngram_range=(2, 2), phrase_measure=None
    )
    assert set(only_pairs.ngram.tolist()) == {2}
    author = count_terms(texts, ["a", "b"], min_count=1, voice="author")
    assert "terrorists" not in set(author.terms) and "junta" in set(author.terms)


def test_count_terms_parallel_is_identical():
    rng = np.random.default_rng(1)
    vocab = [
        "regime",
        "forces",
        "rebels",
        "the",
        "so-called",
        "council",
        "said",
        "militants",
        "war",
        "crimes",
    ]
    texts = [" ".join(rng.choice(vocab, 12)) + "." for _ in range(2400)]
    groups = rng.choice(["x", "y", "z"], len(texts)).tolist()
    one = count_terms(texts, groups, min_count=3, phrase_measure=None)
    two = count_terms(texts, groups, min_count=3, phrase_measure=None, n_jobs=2)
    assert one.terms.tolist() == two.terms.tolist()
    assert (one.counts != two.counts).nnz == 0
    assert one.n_tokens.tolist() == two.n_tokens.tolist()


def test_count_terms_outlet_spread_and_filters():
    # Group L: outlet X writes "photo caption" (house style) in every article,
    # outlets X, Y and Z all write "illegal aliens"; group R: outlets V, W.
    texts = (
        ["photo caption illegal aliens"] * 4
        + ["illegal aliens again"] * 4
        + ["illegal aliens"] * 4
        + ["the border wall"] * 12
    )
    groups = ["L"] * 12 + ["R"] * 12
    outlets = ["X"] * 4 + ["Y"] * 4 + ["Z"] * 4 + ["V"] * 6 + ["W"] * 6
    tc = count_terms(texts, groups, outlets=outlets, min_count=3, phrase_measure=None)
    assert tc.n_outlets.tolist() == [3, 2]
    assert tc.n_docs.tolist() == [12, 12]
    spread = dict(zip(tc.terms, tc.spread.toarray()[0], strict=True))
    assert spread["photo caption"] == 1 and spread["illegal aliens"] == 3
    plain = count_terms(texts, groups, min_count=3, phrase_measure=None)
    assert plain.spread is None
    assert (plain.counts != tc.counts).nnz == 0  # outlets change no count
    every = score_terms(tc, top_per_group=None)
    wide = score_terms(tc, top_per_group=None, min_outlets=2)
    listed = set(wide.loc[wide["group"] == "L", "term"])
    assert "photo caption" in set(every["term"]) and "photo caption" not in listed
    assert "illegal aliens" in listed
    peak = dict(zip(tc.terms, tc.peak.toarray()[0], strict=True))
    assert peak["photo caption"] == 4 and peak["illegal aliens"] == 4  # of 4, 12
    shared = score_terms(tc, top_per_group=None, max_outlet_share=0.5)
    listed = set(shared.loc[shared["group"] == "L", "term"])
    assert "photo caption" not in listed and "illegal aliens" in listed
    with pytest.raises(FramingError, match="no group has that many outlets"):
        score_terms(tc, min_outlets=4)
    with pytest.raises(ValueError, match="outlets="):
        score_terms(plain, min_outlets=2)
    with pytest.raises(ValueError, match="outlets="):
        score_terms(plain, max_outlet_share=0.5)
    with pytest.raises(ValueError, match="max_outlet_share"):
        score_terms(tc, max_outlet_share=0)


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"groups": ["a"]}, FramingError, "2 texts but 1 group"),
        ({"groups": ["a", None]}, FramingError, "document 2 has no group"),
        ({"min_count": 0}, ValueError, "min_count"),
        ({"ngram_range": (1, 3)}, ValueError, "ngram_range"),
        ({"voice": "quoted"}, ValueError, "voice"),
        ({"min_count": 99}, FramingError, "no term occurs at least 99"),
    ],
)
def test_count_terms_errors(kwargs, error, match):
    args = {"texts": ["the war", "the war"], "groups": ["a", "b"], **kwargs}
    with pytest.raises(error, match=match):
        count_terms(args.pop("texts"), args.pop("groups"), **args)


def test_count_terms_rejects_a_single_string():
    with pytest.raises(FramingError, match="not one string"):
        count_terms("the war", ["a"] * 7)
