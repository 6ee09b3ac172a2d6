"""Helpers of the lexicon tests: write a TOML file, a small base lexicon."""

from __future__ import annotations

import textwrap
from pathlib import Path


def write(tmp_path: Path, name: str, body: str) -> Path:
    """Write `body`, dedented, to ``tmp_path / name``."""
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
