"""Property tests (hypothesis): matcher, quotation spans and tokenizer on
arbitrary Unicode text mixed with lexicon terms."""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from itertools import pairwise

import pytest

from framing.columns import QUOTED, SCARE_QUOTES
from framing.quotes.voice import find_quotes
from framing.text.tokens import (
    count_sentences,
    count_tokens,
    sentence_spans,
    word_spans,
)
from tests.conftest import assert_surface

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

SPECIAL = [
    "\x00", "\n", "\n\n", " ", "\t", "-", "'", "\u2019", "\u2018", '"',
    "\u201c", "\u201d", "\u00ab", "\u00bb", ".", ",", "!", "?", ":",
    "\u0301", "\u0303", "\u200b", "\ufeff", "\u0130", "\u00df", "\ufb01",
    "\U0001f600", "\U0001f1f8\U0001f1fe", "\U0001f468\u200d\U0001f469",
    "a", "e", "s", "d", "ing", "A", "Z", "0", "9", "_", "regime's", "rebels'",
]  # fmt: skip

TERMS = [
    "terrorist", "terrorists", "Takfiri", "TAKFIRIS", "takfiri terrorists",
    "Takfiri-Terrorist", "regime", "regimes", "war", "militants",
    "foreign-backed", "Foreign Backed", "so-called", "SO CALLED", "claim",
    "claimed", "claims", "according to", "According-To", "US-led", "us led",
    "massacre", "brutal",
]  # fmt: skip

any_char = st.characters(exclude_categories=("Cs",))
noise = st.one_of(
    st.text(any_char, max_size=40),
    st.lists(st.sampled_from(SPECIAL), max_size=30).map("".join),
    st.lists(st.sampled_from(SPECIAL + TERMS), max_size=15).map(" ".join),
)


@st.composite
def texts_with_terms(draw):
    """Random text with lexicon surface forms inserted between spaces.

    Returns the text and the (start, end) of every inserted term.
    """
    pieces = [draw(noise)]
    inserted = []
    for _ in range(draw(st.integers(0, 6))):
        term = draw(st.sampled_from(TERMS))
        pieces.append(" ")
        start = sum(map(len, pieces))
        pieces.append(term)
        inserted.append((start, start + len(term)))
        pieces.append(" ")
        pieces.append(draw(noise))
    return "".join(pieces), inserted


def _is_word(c):
    return c.isalnum() or unicodedata.category(c)[0] == "M"


def check_matches(matcher, text):
    ms = matcher.find(text)
    keys = [(m.start, -m.end) for m in ms]
    assert keys == sorted(keys)
    quotes = find_quotes(text)
    starts = [q.start for q in quotes]
    assert starts == sorted(starts)
    lexical = [m for m in ms if m.category != SCARE_QUOTES]
    for m in ms:
        assert 0 <= m.start < m.end <= len(text)
        assert m.voice in ("author", "quoted")
    for a, b in pairwise(lexical):
        assert a.end <= b.start, (a, b)
    for m in lexical:
        assert_surface(text, m, matcher.lexicon)
        assert m.start == 0 or not _is_word(text[m.start - 1])
        assert m.end == len(text) or not _is_word(text[m.end])
        k = bisect_right(starts, m.start) - 1
        inside = k >= 0 and m.start < quotes[k].end
        assert (m.voice == QUOTED) == inside
    spans = {(q.start, q.end) for q in quotes}
    for m in ms:
        if m.category == SCARE_QUOTES:
            assert (m.start, m.end) in spans
            assert m.voice == "author"
    return lexical


@SETTINGS
@given(texts_with_terms())
def test_matcher_properties(toy_matcher, data):
    text, inserted = data
    lexical = check_matches(toy_matcher, text)
    for start, end in inserted:
        assert any(m.start <= start and end <= m.end for m in lexical), (
            text[start:end],
            text,
        )


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(texts_with_terms())
def test_matcher_on_very_long_lines(toy_matcher, data):
    text, _ = data
    chunk = text + " Foreign-backed Takfiri terrorists. "
    reps = 100_000 // len(chunk) + 1
    long = chunk * reps
    assert len(long) >= 100_000
    lexical = check_matches(toy_matcher, long)
    assert len(lexical) >= 2 * reps


def test_matcher_on_a_100k_line_without_breaks(toy_matcher):
    text = ("x\u0130\U0001f600 e\u0301 the regime's so-called war, " * 2500)[:100_000]
    ms = toy_matcher.find(text)
    assert len([m for m in ms if m.term == "regime"]) == 2500
    assert all(
        text[m.start : m.end].lower() in {"regime", "so-called", "war"} for m in ms
    )


@SETTINGS
@given(st.text(any_char, max_size=200))
def test_shipped_matcher_never_crashes(shipped_matcher, text):
    check_matches(shipped_matcher, text)


@SETTINGS
@given(texts_with_terms())
def test_quote_spans(data):
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


@SETTINGS
@given(
    st.lists(st.one_of(st.text(any_char, max_size=60), noise), min_size=1, max_size=6)
)
def test_tfidf_index_equals_the_vectorizer(docs):
    from sklearn.feature_extraction.text import TfidfVectorizer

    from framing.model.fast_tfidf import TfidfIndex

    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    vec.fit([*TERMS, " ".join(SPECIAL), *docs[:3]])
    fast, slow = TfidfIndex(vec).transform(docs), vec.transform(docs)
    assert (fast != slow).nnz == 0
