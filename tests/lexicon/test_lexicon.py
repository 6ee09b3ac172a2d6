"""Tests for framing.lexicon.lexicon: queries, merging, round trip, digest."""

from __future__ import annotations

import re

from framing.lexicon.lexicon import Lexicon
from framing.lexicon.load import load_lexicon, read_lexicon_file
from tests.conftest import TOY_CATEGORIES
from tests.lexicon.helpers import write


def test_queries(toy_lexicon):
    assert toy_lexicon.category_of("  Takfiri   Terrorist") == "labels"
    assert toy_lexicon.category_of("So-Called") == "delegit"
    assert toy_lexicon.category_of("unknown") is None
    index = toy_lexicon.term_index()
    assert index["claim"] == "attrib"
    assert index["foreign-backed"] == "agency"
    assert len(index) == toy_lexicon.n_terms


def test_from_dict_doctest_shape():
    lex = Lexicon.from_dict(
        {
            "lexicon": {"name": "toy", "version": "1", "description": "toy"},
            "categories": {"hedges": {"description": "H.", "terms": ["may"]}},
        }
    )
    assert lex.n_terms == 1
    assert lex.category_names == ("hedges",)


def test_merge_method_directly(toy_lexicon, base):
    other = read_lexicon_file(base)
    merged = toy_lexicon.merge(other)
    assert merged.name == "toy+base"
    assert set(merged.category_names) == set(TOY_CATEGORIES) | {"attrib"}
    # 'attrib' exists in both: extended.
    assert merged.categories["attrib"].terms == (
        "according to",
        "allege",
        "claim",
    )
    # merge never mutates its inputs
    assert "allege" not in toy_lexicon.categories["attrib"].terms


def test_round_trip_and_digest(toy_lexicon):
    again = Lexicon.from_dict(toy_lexicon.to_dict())
    assert again.to_dict() == toy_lexicon.to_dict()
    assert again.digest == toy_lexicon.digest
    assert re.fullmatch(r"[0-9a-f]{16}", toy_lexicon.digest)


def test_digest_changes_with_content(tmp_path, base):
    lex = read_lexicon_file(base)
    user = write(
        tmp_path,
        "u.toml",
        '[categories.labels]\nterms = ["thug"]\n',
    )
    assert load_lexicon([base, user], shipped=False).digest != lex.digest
    flags = write(tmp_path, "f.toml", "[categories.labels]\ninflect = false\n")
    assert load_lexicon([base, flags], shipped=False).digest != lex.digest


def test_describe(toy_lexicon):
    rows = toy_lexicon.describe()
    assert [r["category"] for r in rows] == list(TOY_CATEGORIES)
    first = rows[0]
    assert first["terms"] == 6
    assert first["loaded"] is True
    assert first["references"] == ["Toy reference 2024"]
