"""Tests for framing.lexicon.markdown: the lexicon documentation."""

from __future__ import annotations

from framing.lexicon.load import read_lexicon_file
from framing.lexicon.markdown import render_markdown
from tests.lexicon.helpers import write


def test_markdown_summary_and_sections(toy_lexicon):
    md = render_markdown(toy_lexicon)
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
    md = render_markdown(read_lexicon_file(path))
    assert "| `c` | 1 |  | a \\| b |" in md
