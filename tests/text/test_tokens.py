"""Tests for framing.text.tokens: word and sentence spans and counts."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.text.tokens import (
    count_sentences,
    count_tokens,
    sentence_spans,
    word_spans,
)
from tests.strategies import SETTINGS, any_char, noise


def words(text):
    return [text[a:b] for a, b in word_spans(text)]


def sentences(text, **kw):
    return [text[a:b] for a, b in sentence_spans(text, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Foreign-backed groups' gains", ["Foreign-backed", "groups", "gains"]),
        ("So-called rebels didn't win.", ["So-called", "rebels", "didn't", "win"]),
        ("Syria\u2019s army", ["Syria\u2019s", "army"]),
        ("6,000 fighters in 2016", ["6", "000", "fighters", "in", "2016"]),
        ("İstanbul and Ḥamā", ["İstanbul", "and", "Ḥamā"]),
        ("al-Qaeda-affiliated", ["al-Qaeda-affiliated"]),
        ("--- ... !!!", []),
        ("a - b", ["a", "b"]),
        ("", []),
    ],
)
def test_words(text, expected):
    assert words(text) == expected
    assert count_tokens(text) == len(expected)


def test_word_spans_are_offsets():
    text = "😀 The regime's war"
    spans = word_spans(text)
    assert spans == [(2, 5), (6, 14), (15, 18)]


@pytest.mark.parametrize("text", ["x\u00b2", "cafe\u0301s", "a\u0660b", "x_y z"])
def test_counts_agree_with_spans_on_unicode(text):
    assert count_tokens(text) == len(word_spans(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He left. She stayed!\nNext", ["He left.", "She stayed!", "Next"]),
        ("One. Two? Three!", ["One.", "Two?", "Three!"]),
        ('He said "go." Then he left.', ['He said "go."', "Then he left."]),
        ("It rose 3.5 percent. Then fell.", ["It rose 3.5 percent.", "Then fell."]),
        ("lower. case continues", ["lower. case continues"]),
        ("Para one\n\n\nPara two", ["Para one", "Para two"]),
        ("Ends with a break.\n", ["Ends with a break."]),
        (". Next", [".", "Next"]),
        ("A.\n. B", ["A.", ".", "B"]),
    ],
)
def test_regex_sentences(text, expected):
    assert sentences(text) == expected
    assert count_sentences(text) == len(expected)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_blank_text_has_no_sentences(text):
    assert sentence_spans(text) == []
    assert count_sentences(text) == 0
    assert count_sentences(text, method="punkt") == 0
    assert count_tokens(text) == 0


def test_punkt_sentences():
    text = "The army advanced. Rebels fled! Did they?\nYes."
    spans = sentence_spans(text, method="punkt")
    assert count_sentences(text, method="punkt") == len(spans) >= 3
    for a, b in spans:
        assert 0 <= a < b <= len(text)
    assert text[spans[0][0] : spans[0][1]] == "The army advanced."


@pytest.mark.parametrize("fn", [sentence_spans, count_sentences])
def test_unknown_sentence_method(fn):
    with pytest.raises(ValueError, match="'regex' or 'punkt'"):
        fn("Some text. More.", method="spacy")


# -- properties (hypothesis) ---------------------------------------------------


@SETTINGS
@given(st.one_of(st.text(any_char, max_size=200), noise))
def test_tokenizer_counts_agree_with_spans(text):
    spans = word_spans(text)
    assert count_tokens(text) == len(spans)
    for a, b in spans:
        assert 0 <= a < b <= len(text)
    sents = sentence_spans(text)
    assert count_sentences(text) == len(sents)
    for (_, b), (c, _) in pairwise(sents):
        assert b <= c
    for a, b in sents:
        assert 0 <= a < b <= len(text)
        assert text[a:b].strip()
