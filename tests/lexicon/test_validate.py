"""Tests for framing.lexicon.validate: keys, values and terms, with lines."""

from __future__ import annotations

import pytest

from framing.errors import FramingError, LexiconError
from framing.lexicon.load import load_lexicon, read_lexicon_file
from tests.lexicon.helpers import write


def test_errors_are_framing_and_value_errors():
    assert issubclass(LexiconError, FramingError)
    assert issubclass(LexiconError, ValueError)


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


@pytest.mark.parametrize("refs", ["5", '["a", 3]', "{ a = 1 }"])
def test_references_must_be_strings(tmp_path, refs):
    path = tmp_path / "bad.toml"
    path.write_text(
        f'[categories.c]\nterms = ["a"]\nreferences = {refs}\n', encoding="utf-8"
    )
    with pytest.raises(LexiconError, match=r"bad.toml, line 3: .*references must be"):
        read_lexicon_file(path)
