"""Tests for framing.report.pages: each page is a chart or a note saying why not."""

from __future__ import annotations

import pandas as pd

from framing.report import pages as P
from tests.report.helpers import features_table


def test_explanations_page_notes_and_labelled_table():
    assert "no model" in P.explanations_page(None, has_model=False).note
    page = P.explanations_page(None, "cannot explain a Forest: not a linear model")
    assert page.is_note and "not a linear model" in page.note
    empty = pd.DataFrame(columns=["class", "kind", "feature", "weight"])
    assert "no feature" in P.explanations_page(empty).note
    coef = pd.DataFrame(
        {
            "class": ["a", "b"],
            "kind": ["lex", "lex"],
            "feature": ["lex:loaded", "lex:other"],
            "weight": [1.0, 0.5],
        }
    )
    page = P.explanations_page(coef)
    assert not page.is_note
    assert list(page.table.columns) == ["class", "kind", "feature", "label", "weight"]


def test_scores_page_without_model_draws_the_lexicon_index():
    features = features_table()
    page = P.scores_page(None, features, ["loaded"], ["Wire", "Star"], "", n_boot=20)
    assert not page.is_note and set(page.table["outlet"]) == {"Wire", "Star"}
    page = P.scores_page(None, features, [], ["Wire", "Star"], "", n_boot=20)
    assert page.is_note and "no loaded categories" in page.note


def test_time_and_voice_pages_say_what_is_missing():
    no_dates = features_table(dates=False)
    assert "no dates" in P.time_page(no_dates, ["loaded"]).note
    assert "no loaded categories" in P.time_page(features_table(), []).note
    assert "no loaded categories" in P.voice_page(features_table(), [], [], "").note


def test_evaluation_and_terms_pages_without_input():
    assert "no model" in P.evaluation_page(None).note
    assert "without cross-validation" in P.evaluation_page({"evaluation": {}}).note
    assert "no distinguishing-terms table" in P.terms_page(None, None).note


def test_same_source(tmp_path):
    corpus = tmp_path / "c.jsonl"
    card = {"training": {"source": str(corpus)}}
    assert P.same_source(card, str(corpus))
    assert not P.same_source(card, str(tmp_path / "other.jsonl"))
    assert not P.same_source(None, str(corpus))
