"""Tests for framing.corpus.labels: label columns and outlet label tables."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from framing.corpus.labels import LabelWarning, read_outlet_labels, resolve_labels
from framing.corpus.read import read_corpus
from framing.errors import CorpusFormatError, FramingError


def _docs():
    return pd.DataFrame(
        {
            "text": ["one", "two", "three", " ", "five"],
            "outlet": ["X", "Y", "Z", "X", None],
            "bias": ["l", "r", None, "l", "r"],
        }
    )


def test_label_column_drops_missing_and_empty_with_a_warning():
    with pytest.warns(LabelWarning) as record:
        kept, y, info = resolve_labels(_docs(), label_col="bias")
    assert list(y) == ["l", "r", "r"] and list(kept["text"]) == ["one", "two", "five"]
    assert info["dropped"] == {"unlabelled_articles": 1, "empty_texts": 1}
    assert any("without a label" in str(w.message) for w in record)


def test_outlet_table_labels_articles_and_counts_the_rest(tmp_path):
    table = tmp_path / "outlets.csv"
    table.write_text("outlet,alignment\nX,A\nY,B\n", encoding="utf-8")
    assert read_outlet_labels(table) == ({"X": "A", "Y": "B"}, "alignment")
    with pytest.warns(LabelWarning) as record:
        kept, y, info = resolve_labels(_docs(), outlet_labels=table)
    messages = [str(w.message) for w in record]
    assert (
        "1 article(s) from 1 outlet(s) missing from the outlet labels and 1 "
        "article(s) without an outlet were left out of training: 'Z'" in messages
    )
    assert any("with empty text" in m for m in messages)
    assert list(y) == ["A", "B"]  # the empty X article is left out too
    source = info["label_source"]
    assert source["outlet_table"] == "outlets.csv" and source["outlets"] == 2
    assert source["column"] == "alignment" and len(source["sha256"]) == 64
    assert info["dropped"]["unlabelled_outlets"] == 1


@pytest.mark.parametrize(
    "content, message",
    [
        ("outlet\nX\n", "need two columns"),
        ("outlet,alignment\nX,A\nX,B\n", "row 3: outlet 'X' is listed with two"),
        ("outlet,alignment\n", "no outlet labels"),
    ],
)
def test_bad_outlet_tables(tmp_path, content, message):
    path = tmp_path / "o.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusFormatError, match=message):
        read_outlet_labels(path)


def test_bad_label_column_and_single_class():
    with pytest.raises(CorpusFormatError, match="no label column 'nope'.*`label_col`"):
        resolve_labels(_docs(), label_col="nope")
    one = pd.DataFrame({"text": ["a", "b"], "outlet": ["X", "Y"], "bias": ["l", "l"]})
    with pytest.raises(FramingError, match="a single label"):
        resolve_labels(one, label_col="bias")


def test_outlet_table_with_more_columns_and_clashes(tmp_path):
    two = tmp_path / "two.csv"
    two.write_text("outlet,alignment\nStar,A\nHerald,B\n,C\n")
    assert read_outlet_labels(two) == ({"Star": "A", "Herald": "B"}, "alignment")
    three = tmp_path / "three.csv"
    three.write_text("name,outlet,country,side\nx,Star,Caldera,A\ny,Wire,Auvenne,B\n")
    assert read_outlet_labels(three, "country") == (
        {"Star": "Caldera", "Wire": "Auvenne"},
        "country",
    )
    with pytest.raises(CorpusFormatError, match="cannot tell which column"):
        read_outlet_labels(three)
    with pytest.raises(CorpusFormatError, match="no label column 'alignment'"):
        read_outlet_labels(three, "alignment")
    clash = tmp_path / "clash.csv"
    clash.write_text("outlet,side\nStar,A\nStar,B\n")
    with pytest.raises(CorpusFormatError, match="row 3: outlet 'Star' is listed"):
        read_outlet_labels(clash)


def test_integer_labels_in_a_column_with_a_gap_stay_integers(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text("text,bias\none,0\ntwo,1\nthree,\nfour,2\n", encoding="utf-8")
    corpus = read_corpus(path)
    assert corpus["bias"].dtype == float  # the gap makes pandas read floats
    with pytest.warns(LabelWarning, match="1 article"):
        _, y, _ = resolve_labels(corpus, label_col="bias")
    assert list(y) == ["0", "1", "2"]


def test_a_single_label_is_enough_for_evaluation():
    one = pd.DataFrame(
        {"text": ["a", "b", " "], "outlet": ["X", "Y", "X"], "bias": ["l", "l", "l"]}
    )
    with pytest.warns(LabelWarning) as record:
        kept, y, _ = resolve_labels(
            one, label_col="bias", min_labels=1, purpose="evaluation"
        )
    assert list(y) == ["l", "l"] and list(kept["text"]) == ["a", "b"]
    assert [str(w.message) for w in record] == [
        "1 labelled article(s) with empty text were left out of evaluation"
    ]
    with (
        pytest.raises(
            FramingError, match="no labelled articles with text to evaluate on"
        ),
        pytest.warns(LabelWarning),
    ):
        resolve_labels(
            one.iloc[2:], label_col="bias", min_labels=1, purpose="evaluation"
        )
    with pytest.raises(ValueError, match="purpose"):
        resolve_labels(one, label_col="bias", purpose="testing")


def test_evaluation_warnings_say_evaluation():
    docs = _docs()
    with pytest.warns(LabelWarning) as record:
        resolve_labels(docs, label_col="bias", min_labels=1, purpose="evaluation")
    assert "1 article(s) without a label in 'bias' were left out of evaluation" in [
        str(w.message) for w in record
    ]


def test_articles_without_an_outlet_are_not_counted_as_an_outlet():
    docs = pd.DataFrame(
        {"text": ["one", "two", "three", "four"], "outlet": ["X", None, "  ", "Y"]}
    )
    with pytest.warns(LabelWarning) as record:
        _, y, info = resolve_labels(docs, outlet_labels={"X": "A", "Y": "B"})
    assert [str(w.message) for w in record] == [
        "2 article(s) without an outlet were left out of training"
    ]
    assert list(y) == ["A", "B"]
    assert info["dropped"] == {"unlabelled_articles": 2, "unlabelled_outlets": 0}


def test_outlet_names_match_without_surrounding_whitespace(tmp_path):
    table = tmp_path / "outlets.csv"
    table.write_text("outlet,alignment\nMeridian Wire,A\nStar,B\n", encoding="utf-8")
    docs = pd.DataFrame(
        {
            "text": ["one", "two", "three", "four"],
            "outlet": ["Meridian Wire ", " Star", "Star", "Herald\u200b"],
        }
    )
    with pytest.warns(LabelWarning) as record:
        kept, y, _ = resolve_labels(docs, outlet_labels=table)
    assert list(y) == ["A", "B", "B"]
    assert [str(w.message) for w in record] == [
        "1 article(s) from 1 outlet(s) missing from the outlet labels were left "
        "out of training: 'Herald\\u200b'"
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _, y, _ = resolve_labels(
            docs.iloc[:3], outlet_labels={" Meridian Wire": "A", "Star ": "B"}
        )
    assert list(y) == ["A", "B", "B"]
