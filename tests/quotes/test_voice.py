"""Tests for framing.quotes.voice: quotation spans, voice, scare quotes."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given

from framing.columns import SCARE_QUOTES
from framing.quotes.voice import QuoteSpan, find_quotes, find_scare_quotes, voice_at
from tests.strategies import SETTINGS, texts_with_terms


def quoted(text):
    """The quotation spans as text."""
    return [text[s.start : s.end] for s in find_quotes(text)]


def voices(matcher, text):
    return [
        (text[m.start : m.end], m.voice)
        for m in matcher.find(text)
        if m.category != SCARE_QUOTES
    ]


# ------------------------------------------------------------------ spans
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "they are terrorists" today.', ['"they are terrorists"']),
        (
            "He said \u201cthey are terrorists\u201d today.",
            ["\u201cthey are terrorists\u201d"],
        ),
        ("He said \u00abthe regime fell\u00bb today.", ["\u00abthe regime fell\u00bb"]),
        ("Er sagte \u201eja\u201d heute.", ["\u201eja\u201d"]),
        ("He said 'the regime fell' today.", ["'the regime fell'"]),
        ("He said \u2018the regime fell\u2019 today.", ["\u2018the regime fell\u2019"]),
        ('x "a" y "b" z', ['"a"', '"b"']),
        ("no quotes at all", []),
        ("", []),
    ],
)
def test_quote_spans(text, expected):
    assert quoted(text) == expected


def test_span_offsets_and_fields():
    text = 'He said "no" twice.'
    [span] = find_quotes(text)
    assert span == QuoteSpan(8, 12, closed=True, paragraphs=1)
    assert text[span.start] == '"' and text[span.end - 1] == '"'


def test_single_quotes_nested_in_double_are_one_span():
    text = "He said \u201cthey are \u2018terrorists\u2019 now\u201d today."
    assert quoted(text) == ["\u201cthey are \u2018terrorists\u2019 now\u201d"]
    text = "He said \"they are 'terrorists'\" today."
    assert quoted(text) == ["\"they are 'terrorists'\""]


@pytest.mark.parametrize(
    "text",
    [
        "Syria's army and the rebels' gains.",
        "Syria\u2019s army and the rebels\u2019 gains.",
        "The regime's don't-care attitude, the militants' o'clock raid.",
        "In the '90s the regime's army and the rebels' leaders fought.",
        "Back in '16 the rebels' positions fell.",
    ],
)
def test_apostrophes_are_not_quotes(text):
    assert find_quotes(text) == []


def test_apostrophes_inside_a_single_quoted_span():
    text = "He called it 'Syria's war' on Monday."
    assert quoted(text) == ["'Syria's war'"]


def test_quotation_continued_across_paragraphs():
    text = (
        "\u201cWe will fight the regime to the end.\n"
        "\u201cAnd we will win,\u201d he said.\n"
        "After the quote."
    )
    [span] = find_quotes(text)
    assert span.paragraphs == 2
    assert span.closed
    assert text[span.start : span.end].endswith("win,\u201d")
    assert span.start == 0


def test_quotation_continued_with_straight_quotes_and_blank_line():
    text = '"We will fight.\n\n"We will win," he said. Then "more" came.'
    spans = find_quotes(text)
    assert spans[0].paragraphs == 2
    assert text[spans[0].start : spans[0].end] == '"We will fight.\n\n"We will win,"'
    assert text[spans[1].start : spans[1].end] == '"more"'


def test_quotation_continued_without_reopening_mark():
    text = "\u201cWe will fight.\nAnd we will win,\u201d he said."
    [span] = find_quotes(text)
    assert (span.start, span.paragraphs, span.closed) == (0, 2, True)
    assert text[span.end - 1] == "\u201d"


def test_unbalanced_quote_closed_by_paragraph_end():
    text = 'He said "they are terrorists\nThe regime fell.'
    [span] = find_quotes(text)
    assert text[span.start : span.end] == '"they are terrorists'
    assert span.closed is False
    assert span.paragraphs == 1


def test_unbalanced_quote_at_end_of_text():
    text = 'He said "they are terrorists'
    [span] = find_quotes(text)
    assert (span.start, span.end, span.closed) == (8, len(text), False)


def test_unclosed_quote_then_ordinary_paragraph_is_not_merged():
    text = 'He said "they lost\nThe regime said "we won" today.'
    spans = find_quotes(text)
    assert [text[s.start : s.end] for s in spans] == ['"they lost', '"we won"']
    assert [s.paragraphs for s in spans] == [1, 1]


def test_spans_sorted_and_disjoint():
    text = (
        "A 'single' and \"double\" and \u00abguillemet\u00bb and \u2018curly\u2019.\n"
        '"Open paragraph\n"continued" and \'x\' end.'
    )
    spans = find_quotes(text)
    assert len(spans) == 6
    for a, b in pairwise(spans):
        assert a.end <= b.start


# ------------------------------------------------------------------ voice
def test_voice_at():
    text = 'a "b" c'
    spans = find_quotes(text)
    starts = [s.start for s in spans]
    assert [voice_at(spans, starts, i) for i in range(len(text))] == [
        "author",
        "author",
        "quoted",
        "quoted",
        "quoted",
        "author",
        "author",
    ]
    assert voice_at([], [], 0) == "author"


def test_matches_inside_quotes_are_quoted(toy_matcher):
    text = (
        "The regime said \u201cthe terrorists are foreign-backed\u201d, "
        "but the war goes on."
    )
    assert voices(toy_matcher, text) == [
        ("regime", "author"),
        ("terrorists", "quoted"),
        ("foreign-backed", "quoted"),
        ("war", "author"),
    ]


def test_voice_across_paragraph_quote(toy_matcher):
    text = (
        "\u201cThe regime will fall.\n"
        "\u201cThe terrorists will lose,\u201d he said.\n"
        "The war continued."
    )
    assert voices(toy_matcher, text) == [
        ("regime", "quoted"),
        ("terrorists", "quoted"),
        ("war", "author"),
    ]


def test_voice_after_unbalanced_quote(toy_matcher):
    text = 'He said "the regime will fall\nTakfiri terrorists attacked.'
    assert voices(toy_matcher, text) == [
        ("regime", "quoted"),
        ("Takfiri terrorists", "author"),
    ]


def test_voice_single_quoted_headline(toy_matcher):
    text = "'Terrorists capture village'\nThe regime denied it."
    assert voices(toy_matcher, text) == [
        ("Terrorists", "quoted"),
        ("regime", "author"),
    ]


def test_possessive_is_author_voice(toy_matcher):
    text = "The regime's war and the militants' claims."
    assert [v for _, v in voices(toy_matcher, text)] == ["author"] * 4


# ------------------------------------------------------------ scare quotes
@pytest.mark.parametrize(
    ("text", "term", "surface"),
    [
        ('Washington arms the "moderate" rebels.', "moderate", '"moderate"'),
        ("the \u201cmoderate\u201d rebels", "moderate", "\u201cmoderate\u201d"),
        ("the 'moderate' rebels", "moderate", "'moderate'"),
        ('the "Free Syrian Army" units', "free syrian army", '"Free Syrian Army"'),
        (
            'its "peaceful protesters" fled',
            "peaceful protesters",
            '"peaceful protesters"',
        ),
    ],
)
def test_scare_quotes_found(text, term, surface):
    [m] = find_scare_quotes(text)
    assert m.category == SCARE_QUOTES
    assert m.term == term
    assert text[m.start : m.end] == surface
    assert m.voice == "author"


@pytest.mark.parametrize(
    "text",
    [
        '"Terrorists," he said.',
        'He called them "terrorists".',
        'He called them "terrorists" on Monday.',
        '"Terrorists capture village"\nThe army denied it.',
        '"Moderate rebels"\nThe army denied it.',
        'The minister said the "moderate" rebels lost.',
        'The slogan was: "freedom".',
        'the "moderate but armed rebel groups" fled',  # too many words
        'He "wept."',  # sentence punctuation inside
        'the "moderate rebels',  # unclosed
        'the "" rebels',
    ],
)
def test_not_scare_quotes(text):
    assert find_scare_quotes(text) == []


def test_scare_quote_context_stops_at_neighbouring_quotation():
    # The speech verb inside the neighbouring quotation is not context.
    text = 'A banner read "we said no" near the "moderate" rebels.'
    assert "moderate" in [m.term for m in find_scare_quotes(text)]
    # A speech verb between the two quotations is.
    text = '"We won," he said. Later the "moderate" rebels fled.'
    assert find_scare_quotes(text) == []


def test_scare_quote_max_words():
    text = 'the "very moderate armed" rebels'
    assert find_scare_quotes(text, max_words=2) == []
    assert [m.term for m in find_scare_quotes(text, max_words=3)] == [
        "very moderate armed"
    ]


def test_scare_quotes_with_precomputed_spans():
    text = 'the "moderate" rebels and the "so-called" regime'
    spans = find_quotes(text)
    assert find_scare_quotes(text, spans) == find_scare_quotes(text)
    assert [m.term for m in find_scare_quotes(text, spans)] == [
        "moderate",
        "so-called",
    ]


# -- properties (hypothesis) ---------------------------------------------------


@SETTINGS
@given(texts_with_terms())
def test_quote_spans_hold_on_any_text(data):
    text, _ = data
    spans = find_quotes(text)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.paragraphs >= 1
        first = text[s.start]
        assert first in "\"'\u2018\u2039\u201c\u201e\u201f\u00ab" or (
            s.start == 0 or text[s.start - 1] == "\n"
        )
        if s.paragraphs == 1:
            assert "\n" not in text[s.start : s.end]
    for a, b in pairwise(spans):
        assert a.end <= b.start
