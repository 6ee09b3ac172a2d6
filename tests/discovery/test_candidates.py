"""Tests for framing.discovery.candidates: lexicon coverage and the TOML skeleton."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.discovery.candidates import lexicon_lookup, suggest_lexicon
from framing.discovery.counts import count_terms
from framing.discovery.logodds import score_terms
from framing.lexicon.load import load_lexicon, read_lexicon_file


@pytest.fixture(scope="module")
def toy_counts():
    texts = (
        ["the so-called council and the regime's forces"] * 4
        + ["the regime forces advanced on the council"] * 5
        + ["rebels said the council met"] * 6
    )
    groups = ["A"] * 4 + ["B"] * 5 + ["C"] * 6
    return count_terms(texts, groups, min_count=2, phrase_measure=None)


def test_lexicon_lookup_covers_forms_and_parts():
    lex = load_lexicon()
    cat, covered = lexicon_lookup(
        ["so called", "so-called", "the self-styled", "regime's", "veshan forces"], lex
    )
    assert cat[0] == cat[1] == "delegitimising"
    assert covered.tolist() == [True, True, True, True, False]


def test_suggest_lexicon_is_a_loadable_skeleton(toy_counts, tmp_path):
    novel = score_terms(toy_counts, top_per_group=None, exclude_lexicon=True)
    novel = pd.concat([novel, novel.assign(group="A", z=novel["z"] - 100)])
    text = suggest_lexicon(novel, top=2, min_z=-50, source="toy.jsonl")
    assert "TODO" in text and "references = []" in text and "# z = " in text
    path = tmp_path / "candidates.toml"
    path.write_text(text)
    lex = read_lexicon_file(path)
    assert set(lex.category_names) <= {"candidates_a", "candidates_b", "candidates_c"}
    terms = [t for c in lex.categories.values() for t in c.terms]
    assert len(terms) == len(set(terms))  # one group each
    assert all(len(c.terms) <= 2 for c in lex.categories.values())
    assert not any(lexicon_lookup(terms)[1])  # none covered yet
    merged = load_lexicon([path])  # no clash with shipped
    assert set(lex.category_names) <= set(merged.category_names)


def test_suggest_lexicon_filters_covered_and_weak_terms():
    t = pd.DataFrame(
        {
            "term": ["the regime", "veshan", "fled", "_x"],
            "group": "B",
            "versus": "rest",
            "z": [5.0, 3.0, 1.0, 4.0],
            "count_group": 9,
            "count_rest": 1,
            "rate_group": 1.0,
            "rate_rest": 0.1,
            "in_lexicon": False,
            "lexicon_category": None,
        }
    )
    text = suggest_lexicon(t)
    assert '"veshan"' in text
    assert "the regime" not in text and '"fled"' not in text and "_x" not in text
    empty = suggest_lexicon(t[t["term"] == "fled"])
    assert "No term outside the lexicon reached z >= 1.96" in empty
    with pytest.raises(ValueError, match="top"):
        suggest_lexicon(t, top=0)
