"""Tests for framing.model.settings: TrainSettings, its defaults and checks."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from framing.errors import ParameterError
from framing.lexicon.load import load_lexicon
from framing.model.settings import DEFAULT_C, TrainSettings


def test_defaults_pass_their_own_check_and_are_frozen():
    settings = TrainSettings()
    assert settings.check() is settings
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.min_df = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("features", "words", "`features` must be one of both, lexicon, text"),
        ("classifier", "forest", "`classifier` must be one of logreg, svm"),
        ("C", 0, "`C` must be positive, got 0"),
        ("min_df", -1, "`min_df` must be > 0, got -1"),
        ("min_df", 1.5, "`min_df` must be a whole number of articles"),
        ("min_df", "1", "`min_df` must be a number, got '1'"),
        ("max_df", 0, "`max_df` must be > 0, got 0"),
        ("max_features", 0, "`max_features` must be an integer >= 1, got 0"),
        ("ngram_max", 0, "`ngram_max` must be an integer >= 1, got 0"),
        ("lexicon", 3, "`lexicon` must be None, a Lexicon, its dict or TOML"),
        ("voice", "yes", "`voice` must be True or False"),
        ("length", 2, "`length` must be True or False"),
        ("lexicon_weight", -0.5, "`lexicon_weight` must be a number >= 0"),
        ("min_outlet_share", 1.5, "`min_outlet_share` must be between 0 and 1"),
        ("strip_boilerplate", None, "`strip_boilerplate` must be True or False"),
        ("evaluate", "no", "`evaluate` must be True or False"),
        ("n_splits", 1, "`n_splits` must be at least 2, got 1"),
        ("cv_mode", "loo", "`cv_mode` must be one of auto, group-kfold, logo"),
        ("random_split", "no", "`random_split` must be True or False"),
        ("seed", -1, "`seed` must be an integer between 0 and 2**32 - 1"),
    ],
)
def test_each_setting_is_checked_and_named(field, value, message):
    with pytest.raises(ParameterError, match=message.replace("*", r"\*")):
        TrainSettings(**{field: value}).check()


def test_every_field_has_a_check():
    from framing.model.settings import _CHECKS

    assert set(_CHECKS) == {f.name for f in dataclasses.fields(TrainSettings)}


def test_accepted_kinds():
    TrainSettings(
        min_df=np.int64(3),
        max_df=0.9,
        seed=np.int64(2),
        voice=np.True_,
        C=np.float64(0.5),
        lexicon=load_lexicon(),
        max_features=None,
        lexicon_weight=0,
    ).check()
    TrainSettings(lexicon=["a.toml"]).check()  # files are read later
    TrainSettings(lexicon={"lexicon": {}}).check()


def test_classifier_c_defaults_per_classifier():
    assert TrainSettings().classifier_C == DEFAULT_C["logreg"]
    assert TrainSettings(classifier="svm").classifier_C == DEFAULT_C["svm"]
    assert TrainSettings(classifier="svm", C=2).classifier_C == 2


def test_card_settings_order_and_values():
    card = TrainSettings(strip_boilerplate=False, min_df=3).card_settings()
    assert list(card) == [
        "features",
        "classifier",
        "C",
        "min_df",
        "max_df",
        "max_features",
        "ngram_max",
        "voice",
        "length",
        "seed",
        "strip_boilerplate",
        "strip_credits",
        "min_outlet_share",
    ]
    assert card["C"] == 1.0 and card["min_df"] == 3
    assert card["strip_boilerplate"] is card["strip_credits"] is False


def test_from_arguments_takes_the_fields_only():
    settings = TrainSettings.from_arguments({"min_df": 2, "corpus": object()})
    assert settings == TrainSettings(min_df=2)


@pytest.mark.parametrize(
    "field, value",
    [
        ("min_df", 0.0),  # scikit-learn accepts a share of 0
        ("seed", None),  # scikit-learn's random_state=None
        ("voice", 1),  # 0 and 1 as flags, as train accepted before TrainSettings
        ("length", 0),
        ("C", float("inf")),
    ],
)
def test_values_train_accepted_before_still_pass(field, value):
    TrainSettings(**{field: value}).check()
