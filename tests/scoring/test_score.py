"""Tests for framing.scoring.score: scores, explanations, outlet aggregates."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from framing.corpus.labels import LabelWarning
from framing.corpus.read import read_corpus
from framing.features.transformer import FramingFeatures, features_frame
from framing.model.explain import explain_rows, linear_parts
from framing.model.pipeline import classifier, feature_union
from framing.model.training import train
from framing.scoring.aggregate import aggregate_by_outlet, bootstrap_mean_ci
from framing.scoring.score import (
    _transform,
    evaluate_model,
    profile_corpus,
    score_corpus,
    score_documents,
)
from framing.tables import TableWriter
from tests.model_data import synth_corpus


@pytest.fixture(scope="module")
def corpus():
    return synth_corpus(labels="ABC", per_outlet=5)


@pytest.fixture(scope="module")
def model(corpus):
    return train(corpus, evaluate=False, min_df=1)


def _decision_check(model, texts, top_k=3):
    X, _ = _transform(model, texts)
    clf = classifier(model.pipeline)
    coef, icpt = linear_parts(clf)
    pred = model.pipeline.predict_proba(texts).argmax(axis=1)
    text, totals = explain_rows(X, coef, icpt, pred, model.feature_names, top_k=top_k)
    return X, clf, coef, icpt, pred, text, totals


def test_union_shortcut_matches_the_pipeline(model, corpus):
    # Lexicon rates computed once, TF-IDF through the fast index: the same
    # matrix as the pipeline's own FeatureUnion.
    assert model.tfidf_index is not None
    texts = corpus["text"].tolist()
    X, _ = _transform(model, texts)
    expected = feature_union(model.pipeline).transform(texts)
    assert np.array_equal(X.toarray(), sparse.csr_matrix(expected).toarray())


def test_explanations_sum_to_the_decision_function(model, corpus):
    texts = corpus["text"].tolist()
    X, clf, *_, pred, text, totals = _decision_check(model, texts, top_k=60)
    decision = clf.decision_function(X)
    np.testing.assert_allclose(
        totals, decision[np.arange(len(pred)), pred], rtol=1e-9, atol=1e-9
    )
    assert all(t.count("=") == 60 for t in text)
    assert any("lex:" in t for t in text) and any("tfidf:" in t for t in text)


def test_binary_explanations_are_signed_toward_the_predicted_class():
    df = synth_corpus(labels="AB", per_outlet=5)
    model = train(df, evaluate=False, min_df=1)
    texts = df["text"].tolist()
    X, clf, *_, pred, _, totals = _decision_check(model, texts)
    decision = clf.decision_function(X)
    assert set(pred) == {0, 1}
    np.testing.assert_allclose(
        totals, np.where(pred == 1, decision, -decision), rtol=1e-9, atol=1e-9
    )
    assert (totals > 0).all()  # the predicted class always has the larger score


def test_svm_explains_the_averaged_linear_model(corpus):
    model = train(corpus, evaluate=False, min_df=1, classifier="svm")
    texts = corpus["text"].tolist()
    X, clf, coef, icpt, pred, _, totals = _decision_check(model, texts)
    svms = [c.estimator for c in clf.calibrated_classifiers_]
    mean_decision = np.mean([s.decision_function(X) for s in svms], axis=0)
    np.testing.assert_allclose(
        totals, mean_decision[np.arange(len(pred)), pred], rtol=1e-9, atol=1e-9
    )


def test_explain_rows_top_k_by_absolute_value():
    X = sparse.csr_matrix(np.array([[1.0, 2.0, 0.0, 4.0]]))
    coef = np.array([[0.1, -1.0, 5.0, 0.2], [0.0, 0.0, 0.0, 0.0]])
    text, totals = explain_rows(
        X, coef, np.array([0.5, 0.0]), np.array([0]), ["a", "b", "c", "d"], top_k=2
    )
    assert text == ["b=-2.000; d=+0.800"]
    assert totals[0] == pytest.approx(0.1 - 2.0 + 0.8 + 0.5)


def test_score_documents_rows_status_and_order(model):
    df = pd.DataFrame(
        {
            "id": ["x", "y", "z"],
            "outlet": ["A Outlet 0", "Q", None],
            "text": ["The so-called regime fell.", "  ", "Officials said."],
            "label": ["A", "B", "B"],
        }
    )
    out = score_documents(model, df, keep=["label"], rates=True)
    assert out["id"].tolist() == ["x", "y", "z"]
    assert out["status"].tolist() == ["ok", "empty", "ok"]
    assert out.loc[1, "predicted"] == "" and out.loc[1, ["p_A", "p_B"]].isna().all()
    np.testing.assert_allclose(out.loc[[0, 2], ["p_A", "p_B", "p_C"]].sum(axis=1), 1)
    assert out["label"].tolist() == ["A", "B", "B"]
    assert "rate:hedges" in out.columns and np.isnan(out.loc[1, "rate:hedges"])


def test_a_failing_row_gets_an_error_status(model, monkeypatch):
    import framing.scoring.score as scoring

    real = scoring._score_block

    def flaky(m, texts, top_k):
        if any("boom" in t for t in texts):
            raise ValueError("bad\narticle")
        return real(m, texts, top_k)

    monkeypatch.setattr(scoring, "_score_block", flaky)
    df = pd.DataFrame({"text": ["The regime.", "boom", "Police said."]})
    out = score_documents(model, df)
    assert out["status"].tolist() == ["ok", "error:ValueError: bad article", "ok"]
    assert out["predicted"].iloc[1] == "" and out["predicted"].iloc[0] != ""


def test_streaming_equals_whole_and_writes_in_order(model, corpus, tmp_path):
    whole = score_documents(model, corpus)
    chunks = (corpus.iloc[i : i + 7] for i in range(0, len(corpus), 7))
    with TableWriter(tmp_path / "s.csv") as writer:
        summary = score_corpus(model, chunks, writer, by_outlet=True, n_boot=200)
    back = pd.read_csv(tmp_path / "s.csv")
    assert back["id"].tolist() == whole["id"].tolist()
    np.testing.assert_allclose(back["p_A"], whole["p_A"])
    assert summary.rows == summary.ok == len(corpus)
    table = summary.outlets
    assert len(table) == corpus["outlet"].nunique()
    expected = aggregate_by_outlet(whole, n_boot=200)
    pd.testing.assert_frame_equal(
        table[expected.columns[:-3]], expected[expected.columns[:-3]], rtol=1e-6
    )
    rates = [c for c in table.columns if c.startswith("rate:")]
    assert "rate:hedges@quoted" in rates


def test_parallel_scoring_is_identical(model, corpus):
    serial = score_corpus(model, [corpus], by_outlet=True, n_boot=100)
    parallel = score_corpus(model, [corpus], by_outlet=True, n_boot=100, n_jobs=2)
    pd.testing.assert_frame_equal(serial.outlets, parallel.outlets)


def test_outlet_aggregates_and_bootstrap():
    scores = pd.DataFrame(
        {
            "outlet": ["X"] * 4 + ["Y"] * 2 + ["Y"],
            "status": ["ok"] * 6 + ["empty"],
            "predicted": ["a", "a", "b", "a", "b", "b", ""],
            "p_a": [0.9, 0.8, 0.3, 0.6, 0.2, 0.1, np.nan],
            "p_b": [0.1, 0.2, 0.7, 0.4, 0.8, 0.9, np.nan],
        }
    )
    table = aggregate_by_outlet(scores, n_boot=500, seed=1)
    x = table.set_index("outlet").loc["X"]
    assert x["n_articles"] == 4 and x["p_a_mean"] == pytest.approx(0.65)
    assert x["p_a_lo"] <= 0.65 <= x["p_a_hi"] and x["share_a"] == 0.75
    y = table.set_index("outlet").loc["Y"]
    assert y["n_articles"] == 2 and y["n_rows"] == 3 and y["share_b"] == 1.0
    again = aggregate_by_outlet(scores, n_boot=500, seed=1)
    pd.testing.assert_frame_equal(table, again)


def test_bootstrap_interval_narrows_with_more_articles():
    rng = np.random.default_rng(0)
    small = rng.random((20, 1))
    large = rng.random((2000, 1))
    _, lo1, hi1 = bootstrap_mean_ci(small)
    _, lo2, hi2 = bootstrap_mean_ci(large)
    assert (hi2 - lo2) < (hi1 - lo1) / 5
    assert bootstrap_mean_ci(np.zeros((0, 2)))[0].shape == (2,)


def test_lexicon_profiles_without_a_model(corpus, tmp_path):
    ff = FramingFeatures().fit([])
    chunks = (corpus.iloc[i : i + 10] for i in range(0, len(corpus), 10))
    with TableWriter(tmp_path / "p.csv") as writer:
        summary = profile_corpus(ff, chunks, writer)
    table = summary.outlets.set_index("outlet")
    frame = features_frame(corpus, ff)
    expected = frame.groupby("outlet")["hedges"].mean()
    np.testing.assert_allclose(table.loc[expected.index, "rate:hedges"], expected)
    assert (table["n_articles"] == 5).all()
    assert len(pd.read_csv(tmp_path / "p.csv")) == len(corpus)


def test_a_lone_surrogate_is_read_and_scored(model, tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(
        '{"id": "s", "text": "The so-called \\ud800 regime fell."}\n'
        '{"id": "t", "text": "Officials said."}\n',
        encoding="utf-8",
    )
    corpus = read_corpus(path)
    with TableWriter(tmp_path / "s.csv") as writer:
        summary = score_corpus(model, [corpus], writer)
    assert summary.rows == summary.ok == 2
    back = pd.read_csv(tmp_path / "s.csv")
    assert back["id"].tolist() == ["s", "t"] and (back["status"] == "ok").all()


def test_evaluation_on_a_single_label_corpus(model, corpus):
    one = corpus[corpus["label"] == "A"].copy()
    one.loc[one.index[0], "text"] = " "
    with pytest.warns(LabelWarning, match="left out of evaluation"):
        metrics = evaluate_model(model, one, label_col="label")
    assert metrics["cv"] == "held-out corpus" and metrics["n_outlets"] == 3


def test_lexicon_profiles_count_errors_apart_from_empty(corpus, monkeypatch):
    import framing.scoring.score as scoring

    real = scoring._profile_chunk

    def with_errors(chunk, **kw):
        table = real(chunk, **kw)
        table.iloc[:2, table.columns.get_loc("status")] = "error:ValueError"
        table.iloc[2, table.columns.get_loc("status")] = "empty"
        return table

    monkeypatch.setattr(scoring, "_profile_chunk", with_errors)
    summary = profile_corpus(
        FramingFeatures().fit([]), [corpus.iloc[:10]], by_outlet=False
    )
    assert (summary.rows, summary.ok, summary.empty, summary.errors) == (10, 7, 1, 2)


def test_scoring_strips_photo_credits_as_training_did(model, corpus):
    import dataclasses

    rows = corpus.head(4)
    credited = rows.assign(
        text=rows["text"].str.replace(
            ".\n\nFollow", ". (Kevin Lamarque/Reuters)\n\nFollow", regex=False
        )
    )
    assert (credited["text"] != rows["text"]).all()
    p_cols = [f"p_{c}" for c in model.classes]
    plain = score_documents(model, rows)[p_cols].to_numpy()
    assert model.card["settings"]["strip_credits"] is True
    np.testing.assert_array_equal(score_documents(model, credited)[p_cols], plain)
    # A model saved before credits were stripped keeps them, as its training did.
    settings = {k: v for k, v in model.card["settings"].items() if k != "strip_credits"}
    old = dataclasses.replace(model, card={**model.card, "settings": settings})
    assert not np.allclose(score_documents(old, credited)[p_cols], plain)
