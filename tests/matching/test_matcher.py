"""Tests for framing.matching.matcher: surface forms, boundaries, offsets, voice."""

from __future__ import annotations

import pickle
import unicodedata
from bisect import bisect_right
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.columns import QUOTED, SCARE_QUOTES, Match
from framing.lexicon.lexicon import Lexicon
from framing.lexicon.load import load_lexicon
from framing.matching.matcher import (
    Matcher,
    compile_matcher,
    inflections,
    surface_forms,
)
from framing.quotes.voice import find_quotes
from tests.conftest import assert_surface, canon, fold
from tests.strategies import SETTINGS, any_char, texts_with_terms


def found(matcher, text, **kwargs):
    """(term, surface) pairs of the lexicon matches, checking every offset."""
    out = []
    for m in matcher.find(text, **kwargs):
        assert isinstance(m, Match)
        assert 0 <= m.start < m.end <= len(text)
        if m.category != SCARE_QUOTES:
            assert_surface(text, m, matcher.lexicon)
            out.append((m.term, text[m.start : m.end]))
    return out


# ------------------------------------------------------------- inflections
@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("claim", {"claims", "claimed", "claiming"}),
        ("militia", {"militias", "militiaed", "militiaing"}),
        ("ally", {"allies", "allied", "allying"}),
        ("massacre", {"massacres", "massacred", "massacring"}),
        ("search", {"searches", "searched", "searching"}),
        ("bus", {"buses", "bused", "busing"}),
        ("war", {"wars", "warred", "warring", "wared", "waring"}),
        ("kidnap", {"kidnaps", "kidnaped", "kidnaping", "kidnapped", "kidnapping"}),
        ("destroy", {"destroys", "destroyed", "destroying"}),
    ],
)
def test_inflections(word, expected):
    assert inflections(word) == expected
    assert word not in inflections(word)


@pytest.mark.parametrize("word", ["", "go", "co2", "u.s", "x-y"])
def test_no_inflections_for_short_or_non_alpha(word):
    assert inflections(word) == set()


def test_surface_forms():
    assert surface_forms("so-called", inflect=False) == ["so-called", "so called"]
    assert surface_forms("regime", inflect=False) == ["regime"]
    forms = surface_forms("takfiri terrorist")
    assert forms[0] == "takfiri terrorist"
    assert len(forms) == len(set(forms))
    assert {
        "takfiri terrorists",
        "takfiri-terrorist",
        "takfiri-terrorists",
    } <= set(forms)
    # Only the last word is inflected.
    assert "takfiris terrorist" not in forms
    three = surface_forms("us-led coalition force")
    assert {"us led coalition forces", "us-led-coalition-force"} <= set(three)


def test_surface_forms_cap_separator_variants():
    term = "a b c d e f g"  # six separators: spaces only
    assert surface_forms(term, inflect=False) == [term]
    five = "a b c d e f"
    assert len(surface_forms(five, inflect=False)) == 2**5


# ---------------------------------------------------------------- matching
def test_basic_offsets(toy_matcher):
    text = "The regime said the war was over."
    ms = toy_matcher.find(text)
    assert [(m.category, m.term, m.start, m.end, m.voice) for m in ms] == [
        ("labels", "regime", 4, 10, "author"),
        ("labels", "war", 20, 23, "author"),
    ]


def test_empty_text(toy_matcher):
    assert toy_matcher.find("") == []
    assert toy_matcher.find_terms("") == []
    assert toy_matcher.find("   \n\n ") == []


@pytest.mark.parametrize("text", ["REGIME", "Regime", "rEgImE", "The REGIME's army"])
def test_case_insensitive(toy_matcher, text):
    assert [t for t, _ in found(toy_matcher, text)] == ["regime"]


@pytest.mark.parametrize(
    "surface",
    ["foreign-backed", "foreign backed", "Foreign-Backed", "FOREIGN BACKED"],
)
def test_hyphen_equals_space(toy_matcher, surface):
    text = f"Syria faces {surface} militancy."
    assert found(toy_matcher, text)[0] == ("foreign-backed", surface)


def test_hyphen_in_text_for_space_in_term(toy_matcher):
    text = "A takfiri-terrorist cell and the according-to clause."
    assert [t for t, _ in found(toy_matcher, text)] == [
        "takfiri terrorist",
        "according to",
    ]


@pytest.mark.parametrize(
    ("text", "term", "surface"),
    [
        ("Takfiris attacked.", "takfiri", "Takfiris"),
        ("The terrorists fled.", "terrorist", "terrorists"),
        ("He claimed victory.", "claim", "claimed"),
        ("She claims it.", "claim", "claims"),
        ("Claiming credit.", "claim", "Claiming"),
        ("Two regimes.", "regime", "regimes"),
        ("The warring sides.", "war", "warring"),
        ("So-Called elections.", "so-called", "So-Called"),
        ("Some US-led strikes.", "us-led", "US-led"),
    ],
)
def test_inflections_match(toy_matcher, text, term, surface):
    assert found(toy_matcher, text) == [(term, surface)]


def test_no_inflection_when_category_forbids(toy_matcher):
    assert found(toy_matcher, "A brutal massacre.") == [
        ("brutal", "brutal"),
        ("massacre", "massacre"),
    ]
    assert found(toy_matcher, "Massacres and brutally.") == []


@pytest.mark.parametrize(
    "text",
    [
        "a regimen of pills",
        "walking toward the sea",
        "software warranty",
        "postwar",
        "the antiterrorist unit",
        "reclaim it",
        "claimant",
        "regime2",
        "2regime",
        "regime\u0301",  # a combining mark continues the word
        "e\u0301regime",
    ],
)
def test_word_boundaries(toy_matcher, text):
    assert found(toy_matcher, text) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("the regime's army", "regime"),
        ("the regime\u2019s army", "regime"),
        ("the regimes' armies", "regimes"),
        ("(regime)", "regime"),
        ('"regime"', "regime"),
        ("pro-regime forces", "regime"),
        ("regime.", "regime"),
        ("regime\u2014and", "regime"),
        ("\x00regime\x00", "regime"),
    ],
)
def test_punctuation_is_a_boundary(toy_matcher, text, surface):
    assert found(toy_matcher, text) == [("regime", surface)]


def test_longest_match_wins(toy_matcher):
    text = "Takfiri terrorists attacked; a takfiri and a terrorist fled."
    assert found(toy_matcher, text) == [
        ("takfiri terrorist", "Takfiri terrorists"),
        ("takfiri", "takfiri"),
        ("terrorist", "terrorist"),
    ]


def test_matches_are_sorted_and_disjoint(toy_matcher):
    text = "Takfiri terrorist takfiri terrorists war regime so-called " * 20
    ms = toy_matcher.find(text)
    assert len(ms) == 20 * 5
    for a, b in pairwise(ms):
        assert a.end <= b.start


@pytest.mark.parametrize(
    "prefix",
    [
        "İstanbul ",  # lower() makes this one character longer
        "İİİİ ",
        "😀🇸🇾 ",  # astral characters
        "e\u0301 n\u0303 ",  # combining marks
        "\u200b\ufeff ",  # zero-width characters
        "ΣΑΣ ß ﬁ ",
        "\x00\t\r\n",
        "中文 ",
    ],
)
def test_non_ascii_before_match_keeps_offsets(toy_matcher, prefix):
    text = prefix * 3 + "the Foreign-Backed regime"
    ms = toy_matcher.find(text)
    assert [text[m.start : m.end] for m in ms] == ["Foreign-Backed", "regime"]
    assert ms[-1].end == len(text)


def test_dotted_capital_i_inside_a_match(tmp_path):
    lex = Lexicon.from_dict({"categories": {"c": {"terms": ["takfiri"]}}})
    m = compile_matcher(lex)
    text = "İ TAKFİRİ İ"
    [hit] = m.find(text)
    assert text[hit.start : hit.end] == "TAKFİRİ"
    assert fold(text[hit.start : hit.end]) == "takfiri"


def test_explicit_term_beats_inflected_variant(tmp_path):
    lex = Lexicon.from_dict(
        {
            "categories": {
                "verbs": {"description": "V.", "terms": ["claim"]},
                "nouns": {"description": "N.", "terms": ["claims"]},
            }
        }
    )
    m = compile_matcher(lex)
    text = "His claims, he claimed."
    assert [(x.category, text[x.start : x.end]) for x in m.find(text)] == [
        ("nouns", "claims"),
        ("verbs", "claimed"),
    ]
    # Whatever the category order.
    lex2 = Lexicon.from_dict(
        {"categories": {k: lex.to_dict()["categories"][k] for k in ("nouns", "verbs")}}
    )
    cats = [x.category for x in compile_matcher(lex2).find(text)]
    assert cats == ["nouns", "verbs"]


def test_category_without_terms():
    lex = Lexicon.from_dict({"categories": {"empty": {"terms": []}}})
    m = compile_matcher(lex)
    assert len(m) == 0
    assert m.find("regime terrorists") == []


# -------------------------------------------------------------------- voice
def test_voice_inside_and_outside_quotes(toy_matcher):
    text = 'The regime said "the terrorists will lose" and the war went on.'
    ms = [m for m in toy_matcher.find(text) if m.category != SCARE_QUOTES]
    assert [(text[m.start : m.end], m.voice) for m in ms] == [
        ("regime", "author"),
        ("terrorists", "quoted"),
        ("war", "author"),
    ]


def test_voice_off_marks_everything_author(toy_matcher):
    text = 'He said "the regime fell" and the "so-called" rebels.'
    ms = toy_matcher.find(text, voice=False)
    assert ms and all(m.voice == "author" for m in ms)
    # Scare quotes still come out unless disabled.
    assert any(m.category == SCARE_QUOTES for m in ms)
    none = toy_matcher.find(text, voice=False, scare_quotes=False)
    assert not any(m.category == SCARE_QUOTES for m in none)
    assert [m.term for m in none] == ["regime", "so-called"]


def test_scare_quotes_enclose_matches(toy_matcher):
    text = 'Washington arms the "moderate" rebels and the "so-called" regime.'
    ms = toy_matcher.find(text)
    scare = [(m.term, text[m.start : m.end]) for m in ms if m.category == SCARE_QUOTES]
    assert scare == [("moderate", '"moderate"'), ("so-called", '"so-called"')]
    # Sorted by start, enclosing span first at equal start.
    keys = [(m.start, -m.end) for m in ms]
    assert keys == sorted(keys)
    so_called = [m for m in ms if m.term == "so-called" and m.category == "delegit"]
    assert so_called[0].voice == "quoted"


# ------------------------------------------------------------ API details
def test_len_contains_categories(toy_matcher, toy_lexicon):
    assert len(toy_matcher) >= toy_lexicon.n_terms
    assert "Foreign Backed" in toy_matcher
    assert "TAKFIRI-TERRORISTS" in toy_matcher
    assert "massacres" not in toy_matcher
    assert "peace" not in toy_matcher
    assert 3 not in toy_matcher
    assert toy_matcher.categories == toy_lexicon.category_names
    assert toy_matcher.all_categories == (*toy_lexicon.category_names, SCARE_QUOTES)


def test_iter_find(toy_matcher):
    texts = ["the regime", None, float("nan"), "war and claims"]
    out = list(toy_matcher.iter_find(texts))
    assert len(out) == 4
    assert [m.term for m in out[0]] == ["regime"]
    assert out[1] == [] and out[2] == []
    assert [m.term for m in out[3]] == ["war", "claim"]


def test_find_terms_matches_find(toy_matcher):
    text = "The regime's so-called war on Takfiri terrorists."
    terms = toy_matcher.find_terms(text)
    ms = toy_matcher.find(text, scare_quotes=False)
    assert [(s, e) for s, e, _ in terms] == [(m.start, m.end) for m in ms]


def test_matcher_pickles(toy_matcher):
    clone = pickle.loads(pickle.dumps(toy_matcher))
    assert isinstance(clone, Matcher)
    text = 'The "moderate" Takfiri terrorists of the regime claimed it.'
    assert clone.find(text) == toy_matcher.find(text)
    assert len(clone) == len(toy_matcher)


def test_compile_default_is_shipped(shipped_matcher, shipped_lexicon):
    assert shipped_matcher.lexicon.digest == shipped_lexicon.digest
    assert compile_matcher().categories == load_lexicon().category_names
    assert len(shipped_matcher) > shipped_lexicon.n_terms


def test_shipped_matcher_offsets(shipped_matcher):
    text = (
        'İstanbul 😀: Foreign-backed militants, the "moderate" rebels, '
        "reportedly fled the regime's so-called elections, an informed source said."
    )
    ms = shipped_matcher.find(text)
    assert ms
    for m in ms:
        if m.category != SCARE_QUOTES:
            assert_surface(text, m, shipped_matcher.lexicon)
    surfaces = {canon(text[m.start : m.end]) for m in ms}
    assert {"so called", "reportedly"} <= surfaces
    # "foreign-backed" may be part of a longer shipped term.
    assert any(s.startswith("foreign backed") for s in surfaces)


def test_ignore_category_shields_names_and_is_not_a_feature(tmp_path):
    from framing.features.transformer import FramingFeatures
    from framing.lexicon.load import load_lexicon
    from framing.matching.matcher import compile_matcher

    path = tmp_path / "lex.toml"
    path.write_text(
        '[lexicon]\nname = "t"\nversion = "1"\ndescription = "t"\n'
        '[categories.attribution]\ndescription = "a"\nterms = ["state", "sham"]\n'
        '[categories.names]\ndescription = "n"\nignore = true\n'
        'terms = ["united states", "ahrar al-sham"]\n',
        encoding="utf-8",
    )
    lex = load_lexicon(path, shipped=False)
    assert lex.category_names == ("attribution",)
    assert lex.n_terms == 2
    text = "The United States said Ahrar al-Sham states a sham claim."
    found = [text[m.start : m.end] for m in compile_matcher(lex).find(text)]
    assert found == ["states", "sham"]
    ff = FramingFeatures(lexicon=lex).fit([])
    assert not any(n.startswith("names") for n in ff.get_feature_names_out())


def test_compile_matcher_takes_what_resolve_lexicon_takes(toy_lexicon):
    from framing.errors import LexiconError, ParameterError

    from_dict = compile_matcher(toy_lexicon.to_dict())
    assert from_dict.lexicon.digest == toy_lexicon.digest
    with pytest.raises(LexiconError, match="not found"):
        compile_matcher("nope.toml")
    with pytest.raises(ParameterError, match="`lexicon` must be"):
        compile_matcher(5)


# -- properties (hypothesis) ---------------------------------------------------


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
