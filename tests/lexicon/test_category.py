"""Tests for framing.lexicon.category: term normalisation."""

from __future__ import annotations

import pytest

from framing.lexicon.category import normalize_term


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
