"""Run the docstring examples of every module, so they stay true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import framing

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(framing.__path__, "framing.")
    if not m.name.startswith(("framing.cli", "framing.__main__"))
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(
        importlib.import_module(name), optionflags=doctest.ELLIPSIS
    )
    assert result.failed == 0, f"{result.failed} docstring example(s) failed"
