"""Tests for framing.model.training: training, its card, determinism, settings."""

from __future__ import annotations

import numpy as np
import pytest

from framing.corpus.read import read_corpus
from framing.errors import FramingError, ParameterError
from framing.features.transformer import FramingFeatures
from framing.model.pipeline import build_pipeline, feature_union, tfidf_step
from framing.model.settings import TrainSettings
from framing.model.training import train
from framing.scoring.score import score_documents
from tests.model_data import DEMO, synth_corpus


@pytest.fixture(scope="module")
def demo():
    return read_corpus(DEMO / "demo" / "articles.jsonl", clean=True)


def test_train_card_and_cv_on_the_demo(demo):
    model = train(
        demo, outlet_labels=DEMO / "outlets.csv", min_df=1, random_split=False
    )
    card = model.card
    assert model.classes == card["labels"] == ["A", "B", "neutral"]
    assert card["training"]["articles"] == 72 and card["training"]["outlets"] == 6
    assert card["training"]["date_range"][0].startswith("2031-")
    assert card["label_source"]["column"] == "alignment"
    assert card["lexicon"]["digest"] == model.framing_features.lexicon_digest_
    grouped = card["evaluation"]["grouped"]
    assert "LeaveOneGroupOut" in grouped["cv"] and grouped["n_folds"] == 6
    assert 0 <= grouped["macro_f1"] <= 1 and grouped["n"] == 72
    # The saved pipeline holds the real transformer, not the training cache.
    assert isinstance(model.framing_features, FramingFeatures)


def test_precomputed_training_equals_plain_fit():
    df = synth_corpus()
    model = train(
        df, evaluate=False, min_df=1, strip_boilerplate=False, min_outlet_share=0
    )
    plain = build_pipeline(min_df=1).fit(df["text"].tolist(), df["label"].to_numpy())
    texts = df["text"].tolist()
    np.testing.assert_array_equal(
        model.pipeline.predict_proba(texts), plain.predict_proba(texts)
    )


def test_same_seed_same_scores_to_the_last_digit():
    df = synth_corpus(labels="ABC", seed=3)
    runs = []
    for _ in range(2):
        model = train(
            df, classifier="svm", min_df=1, n_splits=3, seed=7, random_split=False
        )
        runs.append((score_documents(model, df), model.card["evaluation"]))
    (s1, e1), (s2, e2) = runs
    p = [c for c in s1.columns if c.startswith("p_")]
    assert np.array_equal(s1[p].to_numpy(), s2[p].to_numpy())
    assert s1["top_features"].tolist() == s2["top_features"].tolist()
    assert e1 == e2


def test_lexicon_only_model_is_small_and_named(demo):
    model = train(
        demo, outlet_labels=DEMO / "outlets.csv", features="lexicon", evaluate=False
    )
    names = list(model.feature_names)
    assert all(n.startswith("lex:") for n in names)
    assert "lex:hedges" in names and "lex:hedges@quoted" in names


def test_boilerplate_is_learned_and_recorded():
    df = synth_corpus()
    model = train(df, evaluate=False, min_df=1)
    assert model.boilerplate["A Outlet 0"] == ["follow a outlet 0 on social media."]
    assert model.card["training"]["boilerplate_lines_removed"] == len(df)
    assert model.card["settings"]["strip_credits"] is True


def test_photo_credits_are_stripped_in_training_unless_boilerplate_is_kept():
    df = synth_corpus()
    df.loc[0, "text"] = df.loc[0, "text"].replace(".\n", ". (Jane Doe/AP)\n", 1)
    model = train(df, evaluate=False, min_df=1, min_outlet_share=0)
    assert model.card["training"]["photo_credits_removed"] == 1
    names = feature_union(model.pipeline).get_feature_names_out()
    assert not [n for n in names if "jane" in n]
    kept = train(
        df, evaluate=False, min_df=1, min_outlet_share=0, strip_boilerplate=False
    )
    names = feature_union(kept.pipeline).get_feature_names_out()
    assert [n for n in names if "jane" in n]
    assert kept.card["settings"]["strip_credits"] is False
    assert kept.card["training"]["photo_credits_removed"] == 0


def test_training_errors():
    df = synth_corpus()
    with pytest.raises(FramingError, match="no label column"):
        train(df, label_col="bias")
    two = df[df["outlet"].isin(["A Outlet 0", "B Outlet 0"])]
    with pytest.raises(FramingError, match="too few outlets"):
        train(two, min_df=1)
    train(two, min_df=1, evaluate=False)  # fine without the evaluation


def test_outlet_spread_vocabulary_hands_over_an_equivalent_vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    from framing.model._stand_ins import OutletSpreadTfidf

    df = synth_corpus(labels="ABC")
    texts = df["text"].tolist()
    template = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, dtype=np.float32)
    spread = OutletSpreadTfidf(
        template=template,
        min_outlet_share=0.5,
        outlet_of=dict(zip(texts, df["outlet"], strict=True)),
    )
    X = spread.fit_transform(texts)
    assert spread.n_outlets_ == 9 and spread.min_outlets_ == 5
    vec = spread.vectorizer_
    assert type(vec) is TfidfVectorizer
    np.testing.assert_allclose(vec.transform(texts).toarray(), X.toarray(), rtol=1e-6)
    # Outlet-specific words ("follow a outlet 0") are gone; shared ones stay.
    vocab = set(vec.vocabulary_)
    assert "the" in vocab and "outlet 0" not in vocab and "regime" not in vocab
    model = train(df, evaluate=False, min_df=1, min_outlet_share=0.5)
    assert model.card["settings"]["min_outlets"] == 5
    assert type(tfidf_step(model.pipeline)) is TfidfVectorizer


def test_the_model_leaves_article_length_out_unless_asked():
    df = synth_corpus()
    plain = train(df, evaluate=False, min_df=1)
    assert plain.card["settings"]["length"] is False
    assert "lex:n_tokens" not in set(plain.feature_names)
    assert "lex:hedges" in set(plain.feature_names)
    with_length = train(df, evaluate=False, min_df=1, length=True)
    assert {"lex:n_tokens", "lex:n_sentences"} <= set(with_length.feature_names)


def test_settings_are_checked_before_any_work(monkeypatch):
    import framing.model.training as train_module

    def no_work(*args, **kwargs):
        raise AssertionError("work started before the settings were checked")

    monkeypatch.setattr(train_module, "resolve_lexicon", no_work)
    monkeypatch.setattr(train_module, "resolve_labels", no_work)
    df = synth_corpus()
    for kw, message in [
        ({"min_df": -1}, "`min_df` must be > 0, got -1"),
        ({"min_outlet_share": 2}, "`min_outlet_share` must be between 0 and 1"),
        ({"cv_mode": "x"}, "`cv_mode` must be one of auto, group-kfold, logo"),
        ({"n_splits": 1}, "`n_splits` must be at least 2, got 1"),
    ]:
        with pytest.raises(ParameterError, match=message):
            train(df, **kw)


def test_settings_object_trains_as_the_keywords():
    df = synth_corpus()
    kw = {"evaluate": False, "min_df": 1, "min_outlet_share": 0.5, "seed": 3}
    by_keywords = train(df, **kw)
    by_settings = train(df, settings=TrainSettings(**kw))
    assert by_settings.card["settings"] == by_keywords.card["settings"]
    texts = df["text"].tolist()
    np.testing.assert_array_equal(
        by_settings.pipeline.predict_proba(texts),
        by_keywords.pipeline.predict_proba(texts),
    )
    with pytest.raises(ParameterError, match="not both"):
        train(df, settings=TrainSettings(**kw), min_df=2)


def test_card_settings_keep_their_keys_and_order():
    model = train(synth_corpus(), evaluate=False, min_df=1, min_outlet_share=0.5)
    assert list(model.card["settings"]) == [
        *TrainSettings().card_settings(),
        "lexicon_weight",
        "min_outlets",
        "n_text_features",
    ]
