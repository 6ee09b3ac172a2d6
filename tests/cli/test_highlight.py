"""CLI tests of ``framing highlight`` (framing/cli/highlight.py)."""

from __future__ import annotations

import json
import subprocess
import sys

from framing.cli._group import cli
from framing.matching.matcher import surface_forms
from tests.cli.conftest import ARTICLE


def test_highlight_json_offsets_slice_file_as_read(runner, article_file):
    path = article_file
    r = runner.invoke(cli, ["highlight", str(path), "--format", "json"])
    assert r.exit_code == 0, r.output
    matches = json.loads(r.stdout)
    raw = path.read_bytes().decode("utf-8")
    assert matches
    for m in matches:
        assert set(m) == {"category", "term", "start", "end", "voice"}
        surface = raw[m["start"] : m["end"]].lower()
        assert surface in surface_forms(m["term"])
    voices = {raw[m["start"] : m["end"]]: m["voice"] for m in matches}
    assert voices["terrorists"] == "quoted"
    assert voices["reportedly"] == "author"


def test_highlight_json_clean_includes_text(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("<p>The regime &amp; its so-called allies.</p>", encoding="utf-8")
    r = runner.invoke(cli, ["highlight", str(path), "--format", "json", "--clean"])
    assert r.exit_code == 0, r.output
    payload = json.loads(r.stdout)
    assert "<p>" not in payload["text"] and "&" in payload["text"]
    for m in payload["matches"]:
        assert payload["text"][m["start"] : m["end"]]


def test_highlight_html_and_stdin(runner, tmp_path):
    out = tmp_path / "h.html"
    r = runner.invoke(
        cli, ["highlight", "-", "--format", "html", "-o", str(out)], input=ARTICLE
    )
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'class="quoted"' in page and "quoted voice" in page
    assert page.count("<mark") == page.count("</mark>")


def test_highlight_terminal_colours(runner, tmp_path, article_file):
    r = runner.invoke(cli, ["highlight", str(article_file), "--color"])
    assert r.exit_code == 0
    assert "\x1b[" in r.stdout


def test_highlight_corpus_row_by_id(runner, corpus):
    r = runner.invoke(cli, ["highlight", str(corpus), "--id", "a3", "--format", "json"])
    assert r.exit_code == 0, r.output
    assert any(m["term"] == "so-called" for m in json.loads(r.stdout))
    r = runner.invoke(cli, ["highlight", str(corpus), "--id", "zz"])
    assert r.exit_code == 1 and "no article with id 'zz'" in r.stderr


def test_highlight_missing_file(runner, tmp_path):
    r = runner.invoke(cli, ["highlight", str(tmp_path / "none.txt")])
    assert r.exit_code == 1 and "none.txt" in r.stderr


def test_highlight_stdin_not_utf8_is_one_line_error(runner):
    r = runner.invoke(cli, ["highlight", "-"], input=b"caf\xe9\n")
    assert r.exit_code == 1
    assert r.stderr == "Error: stdin: not UTF-8 text (byte 3); convert it first\n"


def test_highlight_of_a_text_file_loads_no_heavy_library(article_file):
    code = (
        "import sys\n"
        "from framing.cli import cli\n"
        f"cli(['highlight', {str(article_file)!r}, '--format', 'json'],"
        " standalone_mode=False)\n"
        "heavy = ('sklearn', 'scipy', 'pandas', 'matplotlib')\n"
        "print([m for m in heavy if m in sys.modules], file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout)
    assert done.stderr.strip().splitlines()[-1] == "[]"
