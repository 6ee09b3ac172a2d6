"""Tests for framing.model.pipeline: building the pipeline, reaching its parts."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone

from framing.errors import ParameterError
from framing.features.transformer import FramingFeatures
from framing.lexicon.load import load_lexicon
from framing.model.pipeline import (
    build_pipeline,
    classifier,
    default_lexicon_weight,
    feature_parts,
    feature_union,
    framing_step,
    lexicon_tail,
    tfidf_step,
)
from framing.model.settings import TrainSettings


@pytest.mark.parametrize(
    "features, parts",
    [("both", ["lex", "tfidf"]), ("lexicon", ["lex"]), ("text", ["tfidf"])],
)
def test_build_pipeline_parts(features, parts):
    pipe = build_pipeline(features=features)
    assert list(feature_parts(pipe)) == parts
    assert classifier(pipe).class_weight == "balanced"
    clone(pipe)  # a valid scikit-learn estimator


def test_build_pipeline_svm_and_bad_settings():
    pipe = build_pipeline(classifier="svm", C=0.5)
    assert type(classifier(pipe)).__name__ == "CalibratedClassifierCV"
    with pytest.raises(ParameterError, match="`features` must be one of"):
        build_pipeline(features="words")
    with pytest.raises(ParameterError, match="`classifier` must be one of"):
        build_pipeline(classifier="forest")
    with pytest.raises(ParameterError, match="`C` must be positive"):
        build_pipeline(C=0)
    with pytest.raises(ParameterError, match="`min_df` must be > 0"):
        build_pipeline(min_df=0)


def test_accessors_reach_the_parts():
    pipe = build_pipeline()
    assert feature_union(pipe) is pipe.steps[0][1]
    assert isinstance(framing_step(pipe), FramingFeatures)
    assert [type(s).__name__ for s in lexicon_tail(pipe)] == ["StandardScaler"]
    assert type(tfidf_step(pipe)).__name__ == "TfidfVectorizer"
    text = build_pipeline(features="text")
    assert framing_step(text) is None and lexicon_tail(text) == []
    assert tfidf_step(build_pipeline(features="lexicon")) is None


def test_default_lexicon_weight_is_one_over_root_width():
    lex = load_lexicon()
    weight = default_lexicon_weight(lex, voice=True, length=False)
    width = len(FramingFeatures(length=False).fit([]).get_feature_names_out())
    assert weight == pytest.approx(1 / np.sqrt(width))
    pipe = build_pipeline()
    assert feature_union(pipe).transformer_weights == {"lex": weight}


def test_defaults_come_from_train_settings():
    pipe = build_pipeline()
    d = TrainSettings()
    vec = tfidf_step(pipe)
    assert (vec.min_df, vec.max_df, vec.max_features) == (
        d.min_df,
        d.max_df,
        d.max_features,
    )
    assert vec.ngram_range == (1, d.ngram_max)
    assert classifier(pipe).C == d.classifier_C
