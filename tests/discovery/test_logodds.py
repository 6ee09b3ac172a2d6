"""Tests for framing.discovery.logodds: the statistic, the prior, the ranking."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.discovery.counts import count_terms
from framing.discovery.logodds import build_prior, log_odds_dirichlet, score_terms
from framing.errors import FramingError

# -- the statistic: known answers ----------------------------------------------


def test_log_odds_toy_known_answer():
    # Three terms; counts y_a = (4, 1, 5), y_b = (1, 3, 6); prior a = (.5, .5, 1).
    # n_a = n_b = 10 and a0 = 0.5 + 0.5 + 1 = 2, so n + a0 = 12.
    # term 0: A-odds (4 + .5) / (12 - 4.5) = 4.5 / 7.5 = 0.6
    #         B-odds (1 + .5) / (12 - 1.5) = 1.5 / 10.5 = 1/7
    #         delta = ln(0.6 * 7) = ln 4.2 = 1.4350845
    #         var = 1/4.5 + 1/1.5 = 8/9; z = 1.4350845 / 0.9428090 = 1.5221370
    # term 1: A-odds 1.5 / 10.5 = 1/7; B-odds 3.5 / 8.5 = 7/17
    #         delta = ln(17/49) = -1.0586070; var = 1/1.5 + 1/3.5 = 20/21
    #         z = -1.0586070 / 0.9759001 = -1.0847493
    # term 2: A-odds 6 / 6 = 1; B-odds 7 / 5 = 1.4
    #         delta = ln(1/1.4) = -0.3364722; var = 1/6 + 1/7 = 13/42
    #         z = -0.3364722 / 0.5563486 = -0.6047867
    z = log_odds_dirichlet([4, 1, 5], [1, 3, 6], [0.5, 0.5, 1.0])
    expected = [
        math.log(4.2) / math.sqrt(8 / 9),
        math.log(17 / 49) / math.sqrt(20 / 21),
        math.log(1 / 1.4) / math.sqrt(13 / 42),
    ]
    assert z.tolist() == pytest.approx(expected, abs=1e-9)
    assert z.tolist() == pytest.approx([1.5221370, -1.0847493, -0.6047867], abs=1e-6)


def test_log_odds_swapping_groups_flips_sign():
    a, b, prior = [4, 1, 5], [1, 3, 6], [0.5, 0.5, 1.0]
    np.testing.assert_allclose(
        log_odds_dirichlet(b, a, prior), -log_odds_dirichlet(a, b, prior)
    )


def test_log_odds_larger_counts_larger_abs_z_at_equal_proportions():
    prior = np.array([1.0, 1.0, 1.0])
    small = log_odds_dirichlet([6, 2, 2], [2, 4, 4], prior)
    large = log_odds_dirichlet([60, 20, 20], [20, 40, 40], prior)
    assert np.all(np.abs(large) > np.abs(small))
    assert np.all(np.sign(large) == np.sign(small))
    # With the prior scaled too (an informative prior from the corpus), delta
    # is unchanged and the variance falls by k: z grows by exactly sqrt(k).
    k = 9
    scaled = log_odds_dirichlet([6 * k, 2 * k, 2 * k], [2 * k, 4 * k, 4 * k], prior * k)
    np.testing.assert_allclose(scaled, 3 * small)


counts_st = st.lists(st.integers(0, 500), min_size=2, max_size=12)


@settings(max_examples=60, deadline=None)
@given(counts_st, st.data())
def test_log_odds_properties(a, data):
    b = data.draw(st.lists(st.integers(0, 500), min_size=len(a), max_size=len(a)))
    prior = data.draw(st.lists(st.floats(0.01, 50), min_size=len(a), max_size=len(a)))
    z = log_odds_dirichlet(a, b, prior)
    assert np.isfinite(z).all()
    np.testing.assert_allclose(log_odds_dirichlet(b, a, prior), -z, atol=1e-12)
    k = data.draw(st.integers(2, 20))
    np.testing.assert_allclose(
        log_odds_dirichlet(np.multiply(a, k), np.multiply(b, k), np.multiply(prior, k)),
        z * math.sqrt(k),
        rtol=1e-9,
        atol=1e-9,
    )


def test_log_odds_matches_a_scalar_loop_and_scores_rows():
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, 50, (4, 30)), rng.integers(0, 50, (4, 30))
    prior = rng.uniform(0.1, 5, 30)
    z = log_odds_dirichlet(a, b, prior)
    assert z.shape == (4, 30)
    a0 = prior.sum()
    for r in range(4):
        na, nb = a[r].sum(), b[r].sum()
        for w in range(30):
            ya, yb, al = a[r, w], b[r, w], prior[w]
            delta = math.log((ya + al) / (na + a0 - ya - al)) - math.log(
                (yb + al) / (nb + a0 - yb - al)
            )
            assert z[r, w] == pytest.approx(
                delta / math.sqrt(1 / (ya + al) + 1 / (yb + al)), rel=1e-10
            )


@pytest.mark.parametrize(
    "args, match",
    [
        (([1, 2], [1, 2, 3], [1, 1]), "shapes"),
        (([1, -2], [1, 2], [1, 1]), "non-negative"),
        (([1, 2], [1, 2], [1, 0]), "> 0"),
    ],
)
def test_log_odds_rejects_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        log_odds_dirichlet(*args)


def test_build_prior_scales_corpus_counts():
    counts = np.array([[3, 0, 1], [1, 2, 0]])
    assert build_prior(counts, scale=0.5).tolist() == [2.0, 1.0, 0.5]
    assert build_prior(counts, scale=0.5, background=[10, 0, 4]).tolist() == [
        5.0,
        0.01,
        2.0,
    ]
    tc = count_terms(
        ["war war peace", "war"], ["a", "b"], min_count=1, ngram_range=(1, 1)
    )
    assert build_prior(tc, scale=1.0).tolist() == [3.0, 1.0]
    with pytest.raises(ValueError, match="scale"):
        build_prior(counts, scale=0)


# -- scoring --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def toy_counts():
    texts = (
        ["the so-called council and the regime's forces"] * 4
        + ["the regime forces advanced on the council"] * 5
        + ["rebels said the council met"] * 6
    )
    groups = ["A"] * 4 + ["B"] * 5 + ["C"] * 6
    return count_terms(texts, groups, min_count=2, phrase_measure=None)


def test_score_terms_group_vs_rest_is_the_explicit_formula(toy_counts):
    tc = toy_counts
    table = score_terms(tc, top_per_group=None, prior_scale=0.5)
    dense = tc.counts.toarray().astype(float)
    prior = 0.5 * dense.sum(axis=0)
    for g, name in enumerate(tc.groups):
        z = log_odds_dirichlet(dense[g], dense.sum(axis=0) - dense[g], prior)
        rows = table[table["group"] == name].set_index("term")
        assert (rows["versus"] == "rest").all()
        got = rows.loc[tc.terms, "z"].to_numpy()
        np.testing.assert_allclose(got, z)
        assert list(rows["z"]) == sorted(rows["z"], reverse=True)
        n_rest = tc.n_tokens.sum() - tc.n_tokens[g]
        first = rows.iloc[0]
        assert first["rate_group"] == pytest.approx(
            1000 * first["count_group"] / tc.n_tokens[g]
        )
        assert first["rate_rest"] == pytest.approx(1000 * first["count_rest"] / n_rest)


def test_score_terms_vs_both_directions(toy_counts):
    table = score_terms(toy_counts, vs=("A", "B"), top_per_group=None)
    a = table[table["group"] == "A"].set_index("term")
    b = table[table["group"] == "B"].set_index("term")
    assert (a["versus"] == "B").all() and (b["versus"] == "A").all()
    np.testing.assert_allclose(a.loc[b.index, "z"], -b["z"])
    assert (a.loc[b.index, "count_group"] == b["count_rest"]).all()
    assert a.index[0] == "so-called"
    assert b.index[0] == "regime" and "regime forces" in b.index[:8]  # ties: 5 vs 0


def test_score_terms_top_and_lexicon_columns(toy_counts):
    table = score_terms(toy_counts, top_per_group=3)
    assert table.groupby("group").size().tolist() == [3, 3, 3]
    assert list(table.columns) == [
        "term",
        "group",
        "versus",
        "z",
        "count_group",
        "count_rest",
        "rate_group",
        "rate_rest",
        "in_lexicon",
        "lexicon_category",
    ]
    full = score_terms(toy_counts, top_per_group=None).drop_duplicates("term")
    lex = full.set_index("term")
    assert lex.loc["so-called", "in_lexicon"]
    assert lex.loc["so-called", "lexicon_category"] == "delegitimising"
    assert lex.loc["regime's", "in_lexicon"]  # possessive of a term
    assert not lex.loc["council", "in_lexicon"]
    assert pd.isna(lex.loc["council", "lexicon_category"])
    novel = score_terms(toy_counts, top_per_group=None, exclude_lexicon=True)
    assert not {"so-called", "the so-called", "regime", "the regime"} & set(
        novel["term"]
    )


def test_score_terms_errors(toy_counts):
    with pytest.raises(FramingError, match="no group 'D'; the groups are: A, B, C"):
        score_terms(toy_counts, vs=("A", "D"))
    with pytest.raises(FramingError, match="two different groups"):
        score_terms(toy_counts, vs=("A", "A"))
    single = count_terms(["war war"], ["only"], min_count=1)
    with pytest.raises(FramingError, match="at least two groups"):
        score_terms(single)
