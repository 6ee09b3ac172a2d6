"""Tests for framing.features.transformer: the estimator contract, rates."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from joblib import parallel_config
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import FeatureUnion, Pipeline

from framing.errors import CorpusFormatError, FramingError
from framing.features import transformer as features_module
from framing.features.transformer import (
    FramingFeatures,
    as_texts,
    document_features,
    feature_names,
    features_frame,
)
from framing.lexicon.lexicon import Lexicon
from tests.conftest import TOY_CATEGORIES

TOY_NAMES = [
    "labels",
    "labels@quoted",
    "agency",
    "agency@quoted",
    "delegit",
    "delegit@quoted",
    "attrib",
    "attrib@quoted",
    "emotive",
    "emotive@quoted",
    "scare_quotes",
    "n_tokens",
    "n_sentences",
]

LOADED = [
    "The so-called regime claimed the Takfiri terrorists fled.",
    "Foreign-backed terrorists and the brutal regime waged war.",
    "The so-called militants, the regime claimed, were terrorists.",
    "A brutal massacre by foreign-backed Takfiri militants.",
    "The regime's war on so-called terrorists continued.",
    "US-led strikes hit the regime and its brutal militants.",
]
PLAIN = [
    "The government said talks would resume on Monday.",
    "Officials met in Geneva to discuss a ceasefire.",
    "Aid convoys reached the city after the agreement.",
    "The ministry reported that schools reopened.",
    "Delegates said progress had been made in the talks.",
    "Residents returned home as roads were repaired.",
]
CORPUS = LOADED + PLAIN
LABELS = [1] * len(LOADED) + [0] * len(PLAIN)


@pytest.fixture()
def ff(toy_lexicon):
    return FramingFeatures(lexicon=toy_lexicon).fit(CORPUS)


def row(ff, text):
    return dict(zip(ff.get_feature_names_out(), ff.transform([text])[0], strict=True))


# --------------------------------------------------------------- contract
def test_init_only_assigns(toy_lexicon):
    est = FramingFeatures(lexicon=toy_lexicon, voice=False, sentences="bogus")
    assert est.lexicon is toy_lexicon
    assert est.sentences == "bogus"  # validated in fit, not here
    with pytest.raises(FramingError, match="sentences must be"):
        est.fit(CORPUS)


def test_get_set_params_round_trip(toy_lexicon):
    est = FramingFeatures(lexicon=toy_lexicon, per=100.0, n_jobs=2)
    params = est.get_params()
    assert params == {
        "lexicon": toy_lexicon,
        "voice": True,
        "per": 100.0,
        "length": True,
        "sentences": "regex",
        "n_jobs": 2,
    }
    other = FramingFeatures().set_params(**params)
    assert other.get_params() == params
    assert est.set_params(voice=False) is est
    assert est.voice is False
    with pytest.raises(ValueError):
        est.set_params(colour="red")


def test_clone(ff):
    copy = clone(ff)
    assert copy.get_params().keys() == ff.get_params().keys()
    assert copy.voice == ff.voice and copy.per == ff.per
    assert not hasattr(copy, "lexicon_")
    with pytest.raises(NotFittedError):
        copy.transform(["x"])


def test_not_fitted_errors(toy_lexicon):
    est = FramingFeatures(lexicon=toy_lexicon)
    with pytest.raises(NotFittedError):
        est.transform(["The regime fell."])
    with pytest.raises(NotFittedError):
        est.get_feature_names_out()


def test_fitted_attributes(ff, toy_lexicon):
    assert ff.categories_ == TOY_CATEGORIES
    assert ff.lexicon_digest_ == toy_lexicon.digest
    assert ff.lexicon_ == toy_lexicon.to_dict()
    assert ff.fit(["x"]) is ff


def test_feature_names(ff, toy_lexicon):
    names = ff.get_feature_names_out()
    assert names.dtype == object
    assert list(names) == TOY_NAMES
    assert feature_names(["a"], voice=False) == [
        "a",
        "scare_quotes",
        "n_tokens",
        "n_sentences",
    ]
    no_voice = FramingFeatures(lexicon=toy_lexicon, voice=False).fit(CORPUS)
    assert list(no_voice.get_feature_names_out()) == [
        *TOY_CATEGORIES,
        "scare_quotes",
        "n_tokens",
        "n_sentences",
    ]
    # A copy: mutating it leaves the estimator alone.
    names[0] = "changed"
    assert ff.get_feature_names_out()[0] == "labels"


def test_set_output_pandas(ff):
    ff.set_output(transform="pandas")
    out = ff.transform(CORPUS[:3])
    assert isinstance(out, pd.DataFrame)
    assert list(out.columns) == TOY_NAMES
    assert out.shape == (3, len(TOY_NAMES))


def test_pipeline_and_grid_search(toy_lexicon):
    pipe = Pipeline(
        [
            ("framing", FramingFeatures(lexicon=toy_lexicon)),
            ("clf", LogisticRegression(max_iter=1000, random_state=0)),
        ]
    )
    grid = GridSearchCV(pipe, {"framing__voice": [True, False]}, cv=2)
    grid.fit(CORPUS, LABELS)
    assert grid.best_params_["framing__voice"] in (True, False)
    assert len(grid.cv_results_["params"]) == 2
    pred = grid.predict(
        ["The so-called regime and Takfiri terrorists.", "Talks resumed on Monday."]
    )
    assert list(pred) == [1, 0]


def test_feature_union_with_tfidf(toy_lexicon):
    union = FeatureUnion(
        [
            ("tfidf", TfidfVectorizer()),
            ("framing", FramingFeatures(lexicon=toy_lexicon)),
        ]
    )
    X = union.fit_transform(CORPUS)
    n_vocab = len(union.transformer_list[0][1].vocabulary_)
    assert X.shape == (len(CORPUS), n_vocab + len(TOY_NAMES))
    names = union.get_feature_names_out()
    assert "framing__labels@quoted" in names
    assert "framing__n_tokens" in names
    model = Pipeline([("union", union), ("clf", LogisticRegression())])
    model.fit(CORPUS, LABELS)
    assert model.score(CORPUS, LABELS) == 1.0


# ------------------------------------------------------------------ rates
def test_rates_by_hand(ff):
    text = "The regime claimed the so-called rebels are terrorists."
    # 8 tokens: The regime claimed the so-called rebels are terrorists
    v = row(ff, text)
    assert v["n_tokens"] == 8
    assert v["n_sentences"] == 1
    assert v["labels"] == pytest.approx(2 * 1000 / 8)
    assert v["attrib"] == pytest.approx(1000 / 8)
    assert v["delegit"] == pytest.approx(1000 / 8)
    assert v["agency"] == 0
    assert v["labels@quoted"] == 0
    assert v["scare_quotes"] == 0


def test_rates_by_voice(ff):
    text = 'The regime said "terrorists attacked". Then "moderate" rebels came.'
    # The regime said terrorists attacked Then moderate rebels came = 9
    v = row(ff, text)
    assert v["n_tokens"] == 9
    assert v["n_sentences"] == 2
    assert v["labels"] == pytest.approx(1000 / 9)
    assert v["labels@quoted"] == pytest.approx(1000 / 9)
    assert v["scare_quotes"] == pytest.approx(1000 / 9)


def test_rates_without_voice_and_other_per(toy_lexicon):
    text = 'The regime said "terrorists attacked" at war.'
    est = FramingFeatures(lexicon=toy_lexicon, voice=False, per=100.0).fit([])
    v = dict(zip(est.get_feature_names_out(), est.transform([text])[0], strict=True))
    # 7 tokens; 3 labels (regime, terrorists, war) counted together.
    assert v["n_tokens"] == 7
    assert v["labels"] == pytest.approx(3 * 100 / 7)
    assert "labels@quoted" not in v


def test_document_features_function(toy_matcher):
    v = document_features("Takfiri terrorists. The regime!", toy_matcher)
    assert v.shape == (len(TOY_NAMES),)
    # Takfiri terrorists The regime: 4 tokens, 2 sentences, 2 label matches.
    assert v[-2] == 4 and v[-1] == 2
    assert v[0] == pytest.approx(2 * 1000 / 4)
    assert not document_features("", toy_matcher).any()
    assert not document_features("... !!!", toy_matcher)[:-1].any()


def test_punkt_sentences(toy_lexicon):
    est = FramingFeatures(lexicon=toy_lexicon, sentences="punkt").fit([])
    assert est.transform(["One war. Two wars. Three."])[0, -1] == 3


# ------------------------------------------------------------------ inputs
def test_bare_string_is_rejected(ff):
    with pytest.raises(CorpusFormatError, match="wrap it in a list"):
        ff.transform("The regime fell.")
    with pytest.raises(CorpusFormatError):
        FramingFeatures().fit("The regime fell.")
    with pytest.raises(CorpusFormatError):
        as_texts(b"bytes")


def test_missing_documents_give_zeros(ff):
    X = ff.transform(["The regime fell.", None, float("nan"), np.nan, ""])
    assert X.shape == (5, len(TOY_NAMES))
    assert X[0].any()
    assert not X[1:].any()


def test_input_types(ff):
    texts = ["The regime fell.", "War."]
    expected = ff.transform(texts)
    np.testing.assert_array_equal(ff.transform(tuple(texts)), expected)
    np.testing.assert_array_equal(ff.transform(np.array(texts, dtype=object)), expected)
    np.testing.assert_array_equal(ff.transform(pd.Series(texts)), expected)
    np.testing.assert_array_equal(
        ff.transform(np.array(texts, dtype=object).reshape(-1, 1)), expected
    )
    frame = pd.DataFrame({"id": [1, 2], "text": texts})
    np.testing.assert_array_equal(ff.transform(frame), expected)
    with pytest.raises(CorpusFormatError, match="'text' column"):
        ff.transform(pd.DataFrame({"body": texts}))
    assert ff.transform([]).shape == (0, len(TOY_NAMES))


def test_lexicon_parameter_forms(tmp_path, toy_lexicon):
    user = tmp_path / "extra.toml"
    user.write_text(
        '[categories.zz_toy]\ndescription = "Toy."\nterms = ["zorblax"]\n',
        encoding="utf-8",
    )
    # A path extends the shipped lexicon.
    est = FramingFeatures(lexicon=str(user)).fit([])
    assert "zz_toy" in est.categories_ and "hedges" in est.categories_
    assert FramingFeatures(lexicon=[user]).fit([]).categories_ == est.categories_
    # A plain dict is a lexicon.
    as_dict = FramingFeatures(lexicon=toy_lexicon.to_dict()).fit([])
    assert as_dict.categories_ == TOY_CATEGORIES
    # Default: shipped.
    assert "hedges" in FramingFeatures().fit([]).categories_
    with pytest.raises(FramingError, match="`lexicon` must be"):
        FramingFeatures(lexicon=42).fit([])


# ------------------------------------------------------- pickling, parallel
def test_pickle_round_trip(ff):
    blob = pickle.dumps(ff)
    again = pickle.loads(blob)
    assert "_matcher" not in again.__dict__
    np.testing.assert_array_equal(again.transform(CORPUS), ff.transform(CORPUS))
    assert list(again.get_feature_names_out()) == TOY_NAMES
    assert again.matcher_.lexicon.digest == ff.lexicon_digest_


def test_parallel_equals_serial(toy_lexicon):
    docs = [f"{t} Doc {i}." for i, t in enumerate(CORPUS * 170)]
    docs[7] = None
    assert len(docs) >= max(2000, features_module._PARALLEL_MIN_DOCS)
    serial = FramingFeatures(lexicon=toy_lexicon, n_jobs=1).fit(docs).transform(docs)
    # Threads keep the test quick (process workers take seconds to start);
    # the chunking and stacking are the same, and the matcher's trip through
    # pickle, which process workers add, is tested in test_pickle_round_trip.
    with parallel_config(backend="threading"):
        est = FramingFeatures(lexicon=toy_lexicon, n_jobs=2).fit(docs)
        parallel = est.transform(docs)
        all_cores = est.set_params(n_jobs=-1).transform(docs)
    assert serial.shape == (len(docs), len(TOY_NAMES))
    np.testing.assert_array_equal(parallel, serial)
    np.testing.assert_array_equal(all_cores, serial)
    assert not serial[7].any() and serial[0].any()


# ----------------------------------------------------------- features_frame
def test_features_frame(ff):
    corpus = pd.DataFrame(
        {
            "id": ["c", "a", "b", "d"],
            "outlet": ["x", "y", "x", "y"],
            "topic": ["t1", "t2", "t3", "t4"],
            "text": ["The regime fell.", "   ", None, "War and terrorists."],
        },
        index=[10, 3, 7, 1],
    )
    table = features_frame(corpus, ff, keep=["topic"])
    assert list(table.index) == [10, 3, 7, 1]
    assert table["id"].tolist() == ["c", "a", "b", "d"]
    assert list(table.columns[:4]) == ["id", "outlet", "topic", "status"]
    assert list(table.columns[4:]) == TOY_NAMES
    assert table["status"].tolist() == ["ok", "empty", "empty", "ok"]
    rates = TOY_NAMES[:-2]
    assert table.loc[[3, 7], rates].isna().all().all()
    assert table.loc[[10, 1], rates].notna().all().all()
    assert table.loc[3, "n_tokens"] == 0 and table.loc[7, "n_tokens"] == 0
    assert table.loc[1, "labels"] == pytest.approx(2 * 1000 / 3)
    assert table.loc[10, "labels"] == pytest.approx(1000 / 3)


def test_features_frame_duplicate_index(ff):
    corpus = pd.DataFrame({"text": ["War.", "", "Regime war."]}, index=[0, 0, 0])
    table = features_frame(corpus, ff)
    assert table["status"].tolist() == ["ok", "empty", "ok"]
    assert table["n_tokens"].tolist() == [1, 0, 2]


def test_lexicon_object_is_not_copied_by_fit(toy_lexicon):
    est = FramingFeatures(lexicon=toy_lexicon).fit([])
    assert est.lexicon is toy_lexicon
    assert isinstance(Lexicon.from_dict(est.lexicon_), Lexicon)


def test_length_can_be_left_out():
    docs = ["Rebels reportedly fled. The regime claimed victory.", ""]
    full = FramingFeatures().fit([])
    short = FramingFeatures(length=False).fit([])
    names = list(short.get_feature_names_out())
    assert "n_tokens" not in names and "n_sentences" not in names
    assert names == list(full.get_feature_names_out())[:-2]
    np.testing.assert_array_equal(short.transform(docs), full.transform(docs)[:, :-2])
    table = features_frame(pd.DataFrame({"text": docs}), short)
    assert table["status"].tolist() == ["ok", "empty"]
    assert np.isnan(table.loc[1, "hedges"]) and "n_tokens" not in table.columns
