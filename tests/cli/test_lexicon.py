"""CLI tests of ``framing lexicon`` (framing/cli/lexicon.py)."""

from __future__ import annotations

import json

from framing.cli._group import cli
from framing.lexicon.load import load_lexicon
from framing.lexicon.markdown import render_markdown


def test_lexicon_listing_and_show(runner):
    r = runner.invoke(cli, ["lexicon"])
    assert r.exit_code == 0
    assert "hedges" in r.stdout and "terms in" in r.stdout
    r = runner.invoke(cli, ["lexicon", "--show", "delegitimising"])
    assert r.exit_code == 0 and "so-called" in r.stdout.split()
    r = runner.invoke(cli, ["lexicon", "--show", "nope"])
    assert r.exit_code == 1 and "no category 'nope'" in r.stderr


def test_lexicon_markdown_and_json(runner):
    r = runner.invoke(cli, ["lexicon", "--markdown"])
    assert r.exit_code == 0 and r.stdout.startswith("# Lexicon")
    r = runner.invoke(cli, ["lexicon", "--json"])
    assert "categories" in json.loads(r.stdout)


def test_lexicon_markdown_is_render_markdown(runner):
    r = runner.invoke(cli, ["lexicon", "--markdown"])
    assert r.stdout == render_markdown(load_lexicon())
