"""CLI tests for the extraction commands: features, highlight, lexicon, demo."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from framing import __version__
from framing.cli._options import cli
from framing.matching.matcher import surface_forms

ARTICLE = (
    "Foreign-backed militants reportedly shelled the town.\n"
    "“These terrorists will be crushed,” the minister said.\n"
    "The so-called council denied it.\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    rows = [
        {"id": "a1", "outlet": "Wire", "date": "2031-01-02", "text": ARTICLE},
        {"id": "a2", "outlet": "Star", "date": "2031-01-03", "text": ""},
        {
            "id": "a3",
            "outlet": "Star",
            "date": "2031-02-01",
            "text": "The regime's so-called elections were a sham, critics claimed.",
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_features_one_row_per_input_row(runner, corpus, tmp_path, suffix):
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"features{suffix}"
    result = runner.invoke(cli, ["features", str(corpus), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    df = {
        ".csv": pd.read_csv,
        ".jsonl": lambda p: pd.read_json(p, lines=True),
        ".parquet": pd.read_parquet,
    }[suffix](out)
    assert df["id"].astype(str).tolist() == ["a1", "a2", "a3"]
    assert df["status"].tolist() == ["ok", "empty", "ok"]
    assert df.loc[0, "hedges"] > 0
    quoted = [c for c in df.columns if c.endswith("@quoted")]
    assert df.loc[0, quoted].sum() > 0  # "terrorists" inside the quotation
    assert df.loc[0, "hedges@quoted"] == 0
    assert pd.isna(df.loc[1, "hedges"])
    assert df.loc[1, "n_tokens"] == 0


def test_features_small_chunks_same_result(runner, corpus, tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert runner.invoke(cli, ["features", str(corpus), "-o", str(a)]).exit_code == 0
    r = runner.invoke(cli, ["features", str(corpus), "-o", str(b), "--chunksize", "1"])
    assert r.exit_code == 0, r.output
    assert a.read_text() == b.read_text()


def test_features_missing_text_column_is_one_line_error(runner, corpus, tmp_path):
    out = tmp_path / "f.csv"
    result = runner.invoke(
        cli, ["features", str(corpus), "-o", str(out), "--text-col", "body"]
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert str(corpus.name) in result.stderr and "body" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_features_bad_json_row_names_file_and_row(runner, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\n{"text": oops}\n', encoding="utf-8")
    result = runner.invoke(cli, ["features", str(bad), "-o", str(tmp_path / "o.csv")])
    assert result.exit_code == 1
    assert "bad.jsonl" in result.stderr and "row 2" in result.stderr


def test_features_unknown_output_suffix(runner, corpus, tmp_path):
    out = str(tmp_path / "x.xls")
    result = runner.invoke(cli, ["features", str(corpus), "-o", out])
    assert result.exit_code == 1
    assert "unknown output format" in result.stderr


def test_features_missing_input_is_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["features", str(tmp_path / "nope.csv"), "-o", "x.csv"])
    assert result.exit_code == 2


def test_features_user_lexicon_adds_category(runner, corpus, tmp_path):
    lex = tmp_path / "mine.toml"
    lex.write_text(
        '[lexicon]\nname = "mine"\nversion = "1"\ndescription = "t"\n'
        '[categories.shelling]\ndescription = "Shelling words."\n'
        'terms = ["shell"]\n',
        encoding="utf-8",
    )
    out = tmp_path / "f.csv"
    r = runner.invoke(
        cli, ["features", str(corpus), "-o", str(out), "--lexicon", str(lex)]
    )
    assert r.exit_code == 0, r.output
    df = pd.read_csv(out)
    assert df.loc[0, "shelling"] > 0


def test_features_invalid_user_lexicon_names_file_and_line(runner, corpus, tmp_path):
    lex = tmp_path / "bad.toml"
    lex.write_text(
        '[lexicon]\nname = "x"\nversion = "1"\ncolour = "red"\n'
        '[categories.a]\ndescription = "d"\nterms = ["b"]\n',
        encoding="utf-8",
    )
    r = runner.invoke(
        cli,
        ["features", str(corpus), "-o", str(tmp_path / "f.csv"), "--lexicon", str(lex)],
    )
    assert r.exit_code == 1
    assert "bad.toml, line 4" in r.stderr and "colour" in r.stderr


def _article_file(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    return path


def test_highlight_json_offsets_slice_file_as_read(runner, tmp_path):
    path = _article_file(tmp_path)
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


def test_highlight_terminal_colours(runner, tmp_path):
    r = runner.invoke(cli, ["highlight", str(_article_file(tmp_path)), "--color"])
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


def test_features_encoding_option_reads_latin1(runner, tmp_path):
    path = tmp_path / "news.csv"
    path.write_bytes("id,text\n1,Caf\xe9 owners reportedly fled.\n".encode("latin-1"))
    out = tmp_path / "f.csv"
    r = runner.invoke(cli, ["features", str(path), "-o", str(out), "-q"])
    assert r.exit_code == 1
    assert "row 1: byte 0xe9" in r.stderr and "--encoding latin-1" in r.stderr
    r = runner.invoke(
        cli, ["features", str(path), "-o", str(out), "-q", "--encoding", "latin-1"]
    )
    assert r.exit_code == 0, r.output
    assert len(pd.read_csv(out)) == 1
    r = runner.invoke(cli, ["features", str(path), "-o", str(out), "--encoding", "x"])
    assert r.exit_code == 1 and "unknown encoding 'x'" in r.stderr


@pytest.mark.parametrize("command", ["features", "highlight"])
def test_output_under_a_file_is_one_line_error(runner, corpus, tmp_path, command):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    source = corpus if command == "features" else _article_file(tmp_path)
    r = runner.invoke(cli, [command, str(source), "-o", str(blocker / "out.csv")])
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: {blocker}: ")
    assert len(r.stderr.strip().splitlines()) == 1


def test_features_bad_output_suffix_fails_before_reading(runner, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    r = runner.invoke(
        cli,
        ["features", str(bad), "-o", str(tmp_path / "x.xls"), "--strip-boilerplate"],
    )
    assert r.exit_code == 1 and "unknown output format" in r.stderr


def test_highlight_stdin_not_utf8_is_one_line_error(runner):
    r = runner.invoke(cli, ["highlight", "-"], input=b"caf\xe9\n")
    assert r.exit_code == 1
    assert r.stderr == "Error: stdin: not UTF-8 text (byte 3); convert it first\n"


def test_library_warning_is_one_line_on_stderr(runner, tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(
        "id,text,date\n1,Rebels reportedly fled.,someday\n", encoding="utf-8"
    )
    r = runner.invoke(cli, ["highlight", str(path), "--id", "1", "--no-color"])
    assert r.exit_code == 0, r.output
    assert r.stderr == (f"Warning: {path}: 1 date(s) could not be parsed and are NaT\n")


def test_quiet_hides_warnings_and_status_lines(runner, tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(
        "id,text,date\n1,Rebels reportedly fled.,someday\n", encoding="utf-8"
    )
    r = runner.invoke(
        cli,
        [
            "highlight",
            str(path),
            "--id",
            "1",
            "--no-color",
            "-q",
            "-o",
            str(tmp_path / "h.html"),
            "--format",
            "html",
        ],
    )
    assert r.exit_code == 0, r.output
    assert r.stderr == "" and (tmp_path / "h.html").is_file()
    r = runner.invoke(cli, ["lexicon", "-q"])
    assert r.exit_code == 0 and r.stderr == "" and "categories" in r.stdout
