"""Run the docstring examples of the foundation modules, so they stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "framing.boilerplate", "framing.cleaning", "framing.corpus", "framing.demo",
    "framing.exceptions", "framing.features", "framing.highlight", "framing.lexicon",
    "framing.matcher", "framing.output", "framing.readers", "framing.schema",
    "framing.tokenize", "framing.voice",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name),
                             optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed"
