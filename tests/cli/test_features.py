"""CLI tests of ``framing features`` (framing/cli/features.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from framing.cli._group import cli


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


def test_features_bad_output_suffix_fails_before_reading(runner, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    r = runner.invoke(
        cli,
        ["features", str(bad), "-o", str(tmp_path / "x.xls"), "--strip-boilerplate"],
    )
    assert r.exit_code == 1 and "unknown output format" in r.stderr


def test_features_strip_boilerplate_streams_in_two_passes(runner, tmp_path):
    path = tmp_path / "news.jsonl"
    rows = [
        {
            "outlet": "Wire",
            "text": f"Rebels reportedly fled town {i}. (Jo Roe/AP)\nShare on Telegram",
        }
        for i in range(6)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    outs = []
    for size in ("1", "5000"):
        out = tmp_path / f"f{size}.csv"
        args = ["features", str(path), "-o", str(out), "--chunksize", size, "-q"]
        r = runner.invoke(cli, [*args, "--strip-boilerplate"])
        assert r.exit_code == 0, r.output
        outs.append(out.read_text())
    kept = tmp_path / "kept.csv"
    r = runner.invoke(cli, ["features", str(path), "-o", str(kept), "-q"])
    assert r.exit_code == 0, r.output
    assert outs[0] == outs[1]
    stripped, raw = pd.read_csv(tmp_path / "f1.csv"), pd.read_csv(kept)
    assert (stripped["n_tokens"] < raw["n_tokens"]).all()


def _boilerplate_corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    rows = [
        {
            "outlet": "Wire",
            "date": "not a date" if i == 0 else "2031-01-02",
            "text": f"Rebels reportedly fled town {i}. (Jo Roe/AP)\nShare on Telegram",
        }
        for i in range(6)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_features_strip_boilerplate_reads_a_pipe_once(tmp_path):
    """A pipe cannot be read twice: it is read whole, and no row is lost."""
    path = _boilerplate_corpus(tmp_path)
    from_file, from_pipe = tmp_path / "file.csv", tmp_path / "pipe.csv"
    base = [sys.executable, "-m", "framing", "features"]
    flags = ["--strip-boilerplate", "-q", "--input-format", "jsonl"]
    subprocess.run([*base, str(path), "-o", str(from_file), *flags], check=True)
    subprocess.run(
        [*base, "/dev/stdin", "-o", str(from_pipe), *flags],
        input=path.read_bytes(),
        check=True,
    )
    assert len(pd.read_csv(from_pipe)) == 6
    assert from_pipe.read_bytes() == from_file.read_bytes()


def test_features_strip_boilerplate_warns_of_unparsed_dates(runner, tmp_path):
    path = _boilerplate_corpus(tmp_path)
    out = tmp_path / "f.csv"
    r = runner.invoke(
        cli, ["features", str(path), "-o", str(out), "--strip-boilerplate"]
    )
    assert r.exit_code == 0, r.output
    assert "1 date(s) could not be parsed" in r.stderr
