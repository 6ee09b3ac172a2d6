"""Fixtures of the lexicon tests."""

from __future__ import annotations

import pytest

from tests.lexicon.helpers import BASE, write


@pytest.fixture()
def base(tmp_path):
    """A two-category lexicon file, ``base.toml``."""
    return write(tmp_path, "base.toml", BASE)
