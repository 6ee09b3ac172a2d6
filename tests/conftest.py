"""Shared fixtures: a toy lexicon written as TOML, compiled matchers, seeds."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from framing.lexicon.lexicon import Lexicon
from framing.lexicon.load import load_lexicon, read_lexicon_file
from framing.matching.matcher import Matcher, compile_matcher, surface_forms

TOY_TOML = """\
[lexicon]
name = "toy"
version = "1"
description = "A toy lexicon for tests."

[categories.labels]
description = "Labels for armed groups."
references = ["Toy reference 2024"]
stance = "loaded"
loaded = true
terms = ["terrorist", "takfiri", "takfiri terrorist", "regime", "war", "militant"]

[categories.agency]
description = "External agency."
terms = ["foreign-backed", "US-led"]

[categories.delegit]
description = "Delegitimising qualifiers."
loaded = true
terms = ["so-called", "self-styled"]

[categories.attrib]
description = "Attribution."
terms = ["claim", "according to"]

[categories.emotive]
description = "Emotive words, matched exactly (no inflection)."
inflect = false
terms = ["massacre", "brutal"]
"""

TOY_CATEGORIES = ("labels", "agency", "delegit", "attrib", "emotive")


def fold(text: str) -> str:
    """Lower-case without changing length, as the matcher does."""
    return "".join(c.lower()[0] if c.lower() else c for c in text)


def canon(text: str) -> str:
    """Fold and treat hyphen as space."""
    return fold(text).replace("-", " ")


def assert_surface(text: str, match, lexicon: Lexicon) -> None:
    """``text[start:end]`` is, folded, the term or one of its surface forms."""
    surface = text[match.start : match.end]
    cat = lexicon.categories[match.category]
    assert match.term in cat.terms
    assert canon(surface) in _forms(match.term, cat.inflect), (surface, match)


@cache
def _forms(term: str, inflect: bool) -> frozenset[str]:
    return frozenset(canon(f) for f in surface_forms(term, inflect=inflect))


@pytest.fixture(scope="session")
def toy_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("lexicon") / "toy.toml"
    path.write_text(TOY_TOML, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def toy_lexicon(toy_path) -> Lexicon:
    return read_lexicon_file(toy_path)


@pytest.fixture(scope="session")
def toy_matcher(toy_lexicon) -> Matcher:
    return compile_matcher(toy_lexicon)


@pytest.fixture(scope="session")
def shipped_lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="session")
def shipped_matcher(shipped_lexicon) -> Matcher:
    return compile_matcher(shipped_lexicon)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = Path(__file__).resolve().parents[2] / "shared"
    if not path.is_dir():
        pytest.skip(f"{path} is absent (developer material, not in a clone)")
    return path
