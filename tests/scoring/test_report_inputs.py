"""Tests for framing.scoring.report_inputs: what a report draws, computed once."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.lexicon.load import load_lexicon
from framing.scoring.report_inputs import (
    ReportInputs,
    collect_report_inputs,
    top_coefficients,
)
from tests.model_data import synth_corpus


class FakeModel:
    """What top_coefficients reads from a FramingModel."""

    def __init__(self, classes, coef):
        self.classes = classes
        self.feature_names = np.array(
            ["lex:loaded", "lex:hedges@quoted", "tfidf:the regime", "tfidf:said"],
            dtype=object,
        )
        self.linear = (np.asarray(coef, dtype=float), np.zeros(len(coef)))


@pytest.mark.parametrize(
    "classes,coef",
    [
        (["a", "b"], [[1.0, -0.5, 2.0, -1.0]]),
        (["a", "b", "c"], [[1.0, 0, 2, 0], [0, 1, 0, 1], [-1, -1, -1, -1]]),
    ],
)
def test_top_coefficients(classes, coef):
    table = top_coefficients(FakeModel(classes, coef), k=5)
    assert list(table.columns) == ["class", "kind", "feature", "weight"]
    assert set(table["class"]) <= set(classes)
    assert (table["weight"] > 0).all()
    if len(classes) == 2:  # the first class gets the negated coefficients
        assert set(table.loc[table["class"] == "a", "feature"]) == {
            "lex:hedges@quoted",
            "tfidf:said",
        }


def test_without_model_only_features_are_computed():
    corpus = synth_corpus(labels="AB", per_outlet=2)
    inputs = collect_report_inputs(corpus, source="x.jsonl")
    assert isinstance(inputs, ReportInputs)
    assert len(inputs.features) == len(corpus)
    assert inputs.lexicon.digest == load_lexicon().digest
    assert inputs.scores is inputs.outlets is inputs.card is inputs.coefficients
    assert inputs.coefficients is None and inputs.source == "x.jsonl"


def test_scores_without_probabilities_get_no_outlet_table():
    corpus = synth_corpus(labels="AB", per_outlet=2)
    scores = pd.DataFrame({"id": corpus["id"], "status": "ok"})
    inputs = collect_report_inputs(corpus, scores=scores)
    assert inputs.outlets is None


def test_a_model_gives_scores_outlets_card_and_coefficients():
    from framing.model.training import train

    corpus = synth_corpus(labels="AB", per_outlet=3)
    model = train(corpus, min_df=1, n_splits=2)
    inputs = collect_report_inputs(corpus, model=model, n_boot=20)
    assert len(inputs.scores) == len(corpus)
    assert {"p_A_mean", "p_B_mean"} <= set(inputs.outlets.columns)
    assert inputs.card is model.card
    assert set(inputs.coefficients["class"]) == {"A", "B"}
    assert inputs.lexicon.digest == model.card["lexicon"]["digest"]


def test_a_model_that_is_not_linear_gives_a_note():
    class NotLinear:
        card: dict = {}

        @property
        def linear(self):
            from framing.errors import FramingError

            raise FramingError("cannot explain a Forest: not a linear model")

    corpus = synth_corpus(labels="AB", per_outlet=1)
    model = NotLinear()
    inputs = collect_report_inputs(corpus, model=model, scores=pd.DataFrame())
    assert inputs.coefficients is None
    assert "not a linear model" in inputs.coefficients_note
