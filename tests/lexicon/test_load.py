"""Tests for framing.lexicon.load: TOML format, validation, merging, shipped files."""

from __future__ import annotations

import re
import textwrap

import pytest

from framing.errors import FramingError, LexiconError
from framing.lexicon.category import Category, normalize_term
from framing.lexicon.lexicon import Lexicon
from framing.lexicon.load import SHIPPED, load_lexicon, read_lexicon_file
from tests.conftest import TOY_CATEGORIES


def write(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


BASE = """\
    [lexicon]
    name = "base"
    version = "2"
    description = "Base lexicon."

    [categories.labels]
    description = "Labels."
    references = ["Ref A"]
    terms = ["terrorist", "regime"]

    [categories.attrib]
    description = "Attribution."
    loaded = true
    stance = "distancing"
    terms = ["claim", "allege"]
"""


@pytest.fixture()
def base(tmp_path):
    return write(tmp_path, "base.toml", BASE)


# ------------------------------------------------------------------ basics
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Foreign-Backed   militancy ", "foreign-backed militancy"),
        ("TAKFIRI\tterrorist\n", "takfiri terrorist"),
        ("regime", "regime"),
        ("", ""),
    ],
)
def test_normalize_term(raw, expected):
    assert normalize_term(raw) == expected


def test_errors_are_framing_and_value_errors():
    assert issubclass(LexiconError, FramingError)
    assert issubclass(LexiconError, ValueError)


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


def test_queries(toy_lexicon):
    assert toy_lexicon.category_of("  Takfiri   Terrorist") == "labels"
    assert toy_lexicon.category_of("So-Called") == "delegit"
    assert toy_lexicon.category_of("unknown") is None
    index = toy_lexicon.term_index()
    assert index["claim"] == "attrib"
    assert index["foreign-backed"] == "agency"
    assert len(index) == toy_lexicon.n_terms


def test_string_reference_becomes_tuple(tmp_path):
    path = write(
        tmp_path,
        "r.toml",
        """\
        [categories.c]
        description = "C."
        references = "One reference"
        terms = ["alpha"]
        """,
    )
    lex = read_lexicon_file(path)
    assert lex.categories["c"].references == ("One reference",)
    # Without a [lexicon] table the name comes from the file stem.
    assert lex.name == "r"
    assert lex.version == "0"


def test_duplicate_terms_within_a_category_collapse(tmp_path):
    path = write(
        tmp_path,
        "d.toml",
        """\
        [categories.c]
        description = "C."
        terms = ["Regime", "regime", " REGIME "]
        """,
    )
    assert read_lexicon_file(path).categories["c"].terms == ("regime",)


def test_from_dict_doctest_shape():
    lex = Lexicon.from_dict(
        {
            "lexicon": {"name": "toy", "version": "1", "description": "toy"},
            "categories": {"hedges": {"description": "H.", "terms": ["may"]}},
        }
    )
    assert lex.n_terms == 1
    assert lex.category_names == ("hedges",)


# -------------------------------------------------------------- validation
def test_unknown_category_key_names_file_and_line(tmp_path):
    path = write(
        tmp_path,
        "bad.toml",
        """\
        [lexicon]
        name = "x"

        [categories.labels]
        description = "L"
        terms = ["a"]
        colour = "red"
        """,
    )
    with pytest.raises(LexiconError) as info:
        read_lexicon_file(path)
    msg = str(info.value)
    assert str(path) in msg
    assert "line 7" in msg
    assert "colour" in msg
    assert "allowed" in msg


def test_unknown_header_key_names_line(tmp_path):
    path = write(
        tmp_path,
        "bad.toml",
        """\
        [lexicon]
        name = "x"
        author = "me"

        [categories.labels]
        description = "L"
        terms = ["a"]
        """,
    )
    with pytest.raises(LexiconError, match=r"line 3: unknown key 'author'"):
        read_lexicon_file(path)


def test_unknown_top_level_key_names_line(tmp_path):
    path = write(
        tmp_path,
        "bad.toml",
        """\
        [categories.labels]
        description = "L"
        terms = ["a"]

        [extras]
        foo = 1
        """,
    )
    with pytest.raises(LexiconError, match=r"line 5: unknown top-level key 'extras'"):
        read_lexicon_file(path)


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


@pytest.mark.parametrize(
    ("body", "pattern"),
    [
        ('[categories.Bad-Name]\nterms = ["a"]\n', "snake_case"),
        ('[categories.c]\nterms = "a"\n', "terms must be a list of strings"),
        ('[categories.c]\nterms = ["a", 3]\n', "terms must be a list of strings"),
        ('[categories.c]\nterms = ["-a"]\n', "must start with a letter or digit"),
        ('[categories.c]\nterms = ["   "]\n', "must start with a letter or digit"),
        ('[categories.c]\nterms = ["a"]\nloaded = "yes"\n', "loaded must be true"),
        ('[categories.c]\nterms = ["a"]\ninflect = 1\n', "inflect must be true"),
        ('[categories.c]\nterms = ["a"]\nremove = "a"\n', "remove must be a list"),
        ('[lexicon]\nname = "x"\n', "no categories"),
        ('lexicon = 3\n[categories.c]\nterms = ["a"]\n', "must be a table"),
        ("[categories]\nc = 3\n", "must be a table"),
    ],
)
def test_invalid_content(tmp_path, body, pattern):
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError, match=pattern) as info:
        read_lexicon_file(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("claim", "Claim"),
        ("foreign-backed", "foreign backed"),
        ("so-called", "so called"),
    ],
)
def test_term_in_two_categories_is_an_error(tmp_path, a, b):
    path = write(
        tmp_path,
        "dup.toml",
        f"""\
        [categories.one]
        description = "One."
        terms = ["{a}"]

        [categories.two]
        description = "Two."
        terms = ["{b}"]
        """,
    )
    # Reading a single file does not check across categories ...
    assert read_lexicon_file(path).n_terms == 2
    # ... loading does, and says how to fix it.
    with pytest.raises(LexiconError) as info:
        load_lexicon(path, shipped=False)
    msg = str(info.value)
    assert "'one'" in msg and "'two'" in msg
    assert "remove" in msg


def test_no_lexicon_at_all():
    with pytest.raises(LexiconError, match="no lexicon"):
        load_lexicon(shipped=False)


def test_unknown_shipped_name():
    with pytest.raises(LexiconError, match="no shipped lexicon named 'nope'"):
        load_lexicon(shipped=["nope"])


# ----------------------------------------------------------------- merging
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


# ---------------------------------------------------- serialisation, digest
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


def test_describe_and_markdown(toy_lexicon):
    rows = toy_lexicon.describe()
    assert [r["category"] for r in rows] == list(TOY_CATEGORIES)
    first = rows[0]
    assert first["terms"] == 6
    assert first["loaded"] is True
    assert first["references"] == ["Toy reference 2024"]
    md = toy_lexicon.to_markdown()
    assert md.startswith("# Lexicon `toy` (version 1)")
    assert toy_lexicon.digest in md
    assert "| `labels` | 6 | yes |" in md
    assert "*takfiri terrorist*" in md
    assert "- Toy reference 2024" in md


def test_markdown_escapes_pipes(tmp_path):
    path = write(
        tmp_path,
        "p.toml",
        """\
        [categories.c]
        description = "a | b"
        terms = ["alpha"]
        """,
    )
    md = read_lexicon_file(path).to_markdown()
    assert "| `c` | 1 |  | a \\| b |" in md


# ------------------------------------------------------------ shipped files
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


@pytest.mark.parametrize("refs", ["5", '["a", 3]', "{ a = 1 }"])
def test_references_must_be_strings(tmp_path, refs):
    path = tmp_path / "bad.toml"
    path.write_text(
        f'[categories.c]\nterms = ["a"]\nreferences = {refs}\n', encoding="utf-8"
    )
    with pytest.raises(LexiconError, match=r"bad.toml, line 3: .*references must be"):
        read_lexicon_file(path)


def test_one_shipped_name_as_a_string():
    assert load_lexicon(shipped="conflict") == load_lexicon(shipped=["conflict"])
