"""Tests for framing._lazy: lazy package exports and names moved since 0.2."""

from __future__ import annotations

import importlib

import pytest

from framing._lazy import REMOVAL, lazy_exports

#: Old flat-module names (framing 0.2) that are package paths now: (path, name).
MOVED_SINCE_0_2 = [
    ("framing.model", "DEFAULT_C"),
    ("framing.model", "library_versions"),
    ("framing.features", "as_texts"),
    ("framing.corpus", "FORMATS"),
    ("framing.scoring", "linear_parts"),
    ("framing.discovery", "TermCounts"),
    ("framing.evaluation", "OPTIMISTIC"),
    ("framing.lexicon", "SHIPPED"),
]


@pytest.mark.parametrize(("path", "name"), MOVED_SINCE_0_2)
def test_a_moved_name_still_resolves_with_a_warning(path: str, name: str) -> None:
    package = importlib.import_module(path)
    with pytest.warns(FutureWarning, match=f"{path}.{name} moved to .*{REMOVAL}"):
        value = getattr(package, name)
    assert value is not None
    assert name not in dir(package)


def test_exports_resolve_without_a_warning(recwarn) -> None:
    getattr_, dir_ = lazy_exports("framing", {"Match": ".columns"})
    assert getattr_("Match").__name__ == "Match"
    assert dir_() == ["Match"]
    assert not [w for w in recwarn if issubclass(w.category, FutureWarning)]


def test_an_unknown_name_is_an_attribute_error() -> None:
    getattr_, _ = lazy_exports("framing.x", {}, {"old": "framing.columns"})
    with pytest.raises(AttributeError, match="'framing.x' has no attribute 'nope'"):
        getattr_("nope")
