"""Tests for framing.lexicon.load: reading TOML files, shipped lexicons, merging."""

from __future__ import annotations

import re

import pytest

from framing.errors import LexiconError
from framing.lexicon.category import Category, normalize_term
from framing.lexicon.lexicon import Lexicon
from framing.lexicon.load import SHIPPED, load_lexicon, read_lexicon_file
from tests.conftest import TOY_CATEGORIES
from tests.lexicon.helpers import write


def test_read_toy_file(toy_lexicon, toy_path):
    lex = toy_lexicon
    assert lex.name == "toy"
    assert lex.version == "1"
    assert lex.description == "A toy lexicon for tests."
    assert lex.category_names == TOY_CATEGORIES
    labels = lex.categories["labels"]
    assert isinstance(labels, Category)
    # Terms are normalised and sorted.
    assert labels.terms == tuple(sorted(labels.terms))
    assert "takfiri terrorist" in labels.terms
    assert lex.categories["agency"].terms == ("foreign-backed", "us-led")
    assert labels.references == ("Toy reference 2024",)
    assert labels.stance == "loaded"
    assert labels.loaded is True
    assert labels.inflect is True
    assert lex.categories["emotive"].inflect is False
    assert lex.categories["agency"].loaded is False
    assert labels.source == str(toy_path)
    assert lex.n_terms == 6 + 2 + 2 + 2 + 2
    assert lex.loaded_categories == ("labels", "delegit")


def test_invalid_toml_names_file_and_line(tmp_path):
    path = write(
        tmp_path,
        "broken.toml",
        """\
        [lexicon]
        name = "x"
        [categories.labels]
        terms = ["a"
        description =
        """,
    )
    with pytest.raises(LexiconError) as info:
        read_lexicon_file(path)
    msg = str(info.value)
    assert msg.startswith(str(path))
    assert "invalid TOML" in msg
    assert re.search(r"line \d+", msg)


def test_missing_file(tmp_path):
    with pytest.raises(LexiconError, match="not found"):
        read_lexicon_file(tmp_path / "nope.toml")


def test_undecodable_file(tmp_path):
    path = tmp_path / "latin.toml"
    path.write_bytes(b'[categories.c]\ndescription = "caf\xe9"\nterms = ["a"]\n')
    with pytest.raises(LexiconError, match="cannot read"):
        read_lexicon_file(path)


def test_no_lexicon_at_all():
    with pytest.raises(LexiconError, match="no lexicon"):
        load_lexicon(shipped=False)


def test_unknown_shipped_name():
    with pytest.raises(LexiconError, match="no shipped lexicon named 'nope'"):
        load_lexicon(shipped=["nope"])


def test_user_lexicon_extends(tmp_path, base):
    user = write(
        tmp_path,
        "user.toml",
        """\
        [lexicon]
        name = "user"

        [categories.labels]
        references = ["Ref B"]
        terms = ["thug"]

        [categories.newcat]
        description = "New."
        terms = ["zorblax"]
        """,
    )
    lex = load_lexicon([base, user], shipped=False)
    assert lex.name == "base+user"
    assert lex.version == "2"
    assert lex.category_names == ("labels", "attrib", "newcat")
    labels = lex.categories["labels"]
    assert labels.terms == ("regime", "terrorist", "thug")
    assert labels.description == "Labels."  # kept: user gave none
    assert labels.references == ("Ref A", "Ref B")
    assert labels.source == str(user)
    assert lex.categories["newcat"].terms == ("zorblax",)
    assert lex.categories["attrib"].terms == ("allege", "claim")


def test_user_lexicon_replaces_and_removes(tmp_path, base):
    user = write(
        tmp_path,
        "user.toml",
        """\
        [categories.labels]
        remove = ["Regime"]
        terms = ["thug"]

        [categories.attrib]
        replace = true
        description = "New attribution."
        terms = ["insist"]
        """,
    )
    lex = load_lexicon([base, user], shipped=False)
    assert lex.categories["labels"].terms == ("terrorist", "thug")
    attrib = lex.categories["attrib"]
    assert attrib.terms == ("insist",)
    assert attrib.description == "New attribution."
    # A replaced category takes the user's flags, defaults included.
    assert attrib.loaded is False
    # Merged categories are plain again.
    assert attrib.replace is False and attrib.remove == ()


def test_user_lexicon_moves_a_term(tmp_path, base):
    clash = write(
        tmp_path,
        "clash.toml",
        """\
        [categories.govt]
        description = "Government labels."
        terms = ["regime"]
        """,
    )
    with pytest.raises(LexiconError, match="'regime' is in both"):
        load_lexicon([base, clash], shipped=False)
    move = write(
        tmp_path,
        "move.toml",
        """\
        [categories.labels]
        remove = ["regime"]

        [categories.govt]
        description = "Government labels."
        terms = ["regime"]
        """,
    )
    lex = load_lexicon([base, move], shipped=False)
    assert lex.category_of("regime") == "govt"
    assert "regime" not in lex.categories["labels"].terms


def test_user_flags_win_when_extending(tmp_path, base):
    user = write(
        tmp_path,
        "flags.toml",
        """\
        [categories.labels]
        loaded = true
        inflect = false
        stance = "pejorative"
        terms = ["thug"]

        [categories.attrib]
        terms = ["insist"]
        """,
    )
    lex = load_lexicon([base, user], shipped=False)
    labels = lex.categories["labels"]
    assert (labels.loaded, labels.inflect, labels.stance) == (
        True,
        False,
        "pejorative",
    )
    # Flags the user did not give keep their shipped values.
    attrib = lex.categories["attrib"]
    assert (attrib.loaded, attrib.inflect, attrib.stance) == (True, True, "distancing")


def test_shipped_subset_and_user_file(tmp_path):
    general = load_lexicon(shipped=["general"])
    both = load_lexicon()
    assert 0 < general.n_terms < both.n_terms
    assert set(general.category_names) < set(both.category_names)
    user = write(
        tmp_path,
        "u.toml",
        """\
        [categories.zz_toy]
        description = "A toy category."
        terms = ["zorblax"]
        """,
    )
    extended = load_lexicon(str(user))
    assert extended.category_of("zorblax") == "zz_toy"
    assert extended.n_terms == both.n_terms + 1


def test_shipped_names():
    assert SHIPPED == ("general", "conflict")


def test_shipped_lexicon_size(shipped_lexicon):
    assert shipped_lexicon.n_terms >= 300
    assert len(shipped_lexicon.categories) >= 10
    assert "hedges" in shipped_lexicon.categories
    assert shipped_lexicon.loaded_categories


def test_shipped_categories_are_documented(shipped_lexicon):
    for name, cat in shipped_lexicon.categories.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", name)
        assert len(cat.description) >= 20, name
        assert cat.references, f"{name} has no references"
        assert all(r.strip() for r in cat.references), name
        assert cat.terms, f"{name} has no terms"


def test_shipped_terms_in_one_category_only(shipped_lexicon):
    seen: dict[str, str] = {}
    for name, cat in shipped_lexicon.categories.items():
        for term in cat.terms:
            key = term.replace("-", " ")
            assert seen.setdefault(key, name) == name, (term, seen[key], name)
            assert term == normalize_term(term)


def test_shipped_digest_is_stable(shipped_lexicon):
    again = load_lexicon()
    assert again.digest == shipped_lexicon.digest
    assert again.to_dict() == shipped_lexicon.to_dict()
    assert Lexicon.from_dict(again.to_dict()).digest == shipped_lexicon.digest


def test_one_shipped_name_as_a_string():
    assert load_lexicon(shipped="conflict") == load_lexicon(shipped=["conflict"])
