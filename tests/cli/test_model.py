"""CLI tests for train, evaluate, score and model info."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from framing.cli._options import cli
from tests.model_data import DEMO, synth_corpus, write_corpus

COMMANDS = [["train"], ["evaluate"], ["score"], ["model"], ["model", "info"]]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(
        synth_corpus(labels="ABC", per_outlet=4),
        tmp_path_factory.mktemp("c") / "news.jsonl",
    )


@pytest.fixture(scope="module")
def trained(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("m") / "model"
    result = CliRunner().invoke(
        cli, ["train", str(corpus), "-o", str(out), "--min-df", "1", "--folds", "3"]
    )
    assert result.exit_code == 0, result.output
    return out, result


def _ok(result):
    assert result.exit_code == 0, result.output
    return result


def _error(result, code, text):
    assert result.exit_code == code, result.output
    assert text in result.stderr, result.stderr
    assert "Traceback" not in result.output
    if code == 1:  # one line, after any progress lines
        lines = result.stderr.splitlines()
        assert lines[-1].startswith("Error: ") and text in lines[-1]


@pytest.mark.parametrize("args", COMMANDS)
def test_help(runner, args):
    result = _ok(runner.invoke(cli, [*args, "-h"]))
    assert "Usage:" in result.output and "Example" in result.output


def test_train_prints_grouped_and_optimistic_table(trained):
    out, result = trained
    assert "grouped by outlet" in result.stdout
    assert "optimistic: outlets seen in training" in result.stdout
    assert "LeaveOneGroupOut" in result.stdout  # 9 outlets: one held out per fold
    card = json.loads((out / "model.json").read_text())
    assert card["evaluation"]["grouped"]["n_outlets"] == 9
    assert f"model -> {out}" in result.stderr


def test_model_info(runner, trained):
    out, _ = trained
    result = _ok(runner.invoke(cli, ["model", "info", str(out), "--check"]))
    assert "labels:     A, B, C (from column 'label')" in result.stdout
    assert "hash and types OK" in result.stderr
    card = json.loads(
        _ok(runner.invoke(cli, ["model", "info", str(out), "--json"])).stdout
    )
    assert card["labels"] == ["A", "B", "C"]


def test_score_with_outlet_table(runner, trained, corpus, tmp_path):
    out, _ = trained
    scores, outlets = tmp_path / "s.csv", tmp_path / "o.csv"
    _ok(
        runner.invoke(
            cli,
            [
                "score",
                str(out),
                str(corpus),
                "-o",
                str(scores),
                "--by",
                "outlet",
                "-O",
                str(outlets),
                "--top-k",
                "2",
                "--label-col",
                "label",
                "-q",
            ],
        )
    )
    table = pd.read_csv(scores)
    assert len(table) == 36 and set(table["status"]) == {"ok"}
    assert list(table.columns[:5]) == ["id", "outlet", "date", "label", "status"]
    assert {"predicted", "p_A", "p_B", "p_C", "top_features"} <= set(table.columns)
    assert (table["top_features"].str.count("=") == 2).all()
    agg = pd.read_csv(outlets)
    assert len(agg) == 9 and {"p_A_lo", "p_A_hi", "share_C", "rate:hedges"} <= set(
        agg.columns
    )


def test_score_lexicon_only(runner, corpus, tmp_path):
    _ok(
        runner.invoke(
            cli,
            [
                "score",
                "--lexicon-only",
                str(corpus),
                "-o",
                str(tmp_path / "p.csv"),
                "-O",
                str(tmp_path / "o.csv"),
            ],
        )
    )
    assert len(pd.read_csv(tmp_path / "p.csv")) == 36
    assert len(pd.read_csv(tmp_path / "o.csv")) == 9


def test_evaluate_held_out_and_record(runner, trained, tmp_path):
    out, _ = trained
    test = write_corpus(
        synth_corpus(labels="ABC", per_outlet=2, seed=5), tmp_path / "test.jsonl"
    )
    result = _ok(
        runner.invoke(
            cli,
            [
                "evaluate",
                str(out),
                str(test),
                "--record",
                "--json",
                str(tmp_path / "m.json"),
            ],
        )
    )
    assert "held-out corpus" in result.stdout and "macro-F1" in result.stdout
    assert json.loads((tmp_path / "m.json").read_text())["n"] == 18
    card = json.loads((out / "model.json").read_text())
    assert str(test) in card["tests"]


def test_evaluate_cv_and_outlet_labels(runner, tmp_path):
    result = _ok(
        runner.invoke(
            cli,
            [
                "evaluate",
                str(DEMO / "demo" / "articles.jsonl"),
                "--outlet-labels",
                str(DEMO / "outlets.csv"),
                "--features",
                "lexicon",
                "-q",
            ],
        )
    )
    assert "grouped by outlet" in result.stdout and "random split*" in result.stdout


def test_unlabelled_outlets_are_a_warning(runner, corpus, tmp_path):
    labels = tmp_path / "outlets.csv"
    labels.write_text(
        "outlet,side\n"
        + "\n".join(f"{k} Outlet {i},{k}" for k in "AB" for i in range(3))
        + "\n"
    )
    result = _ok(
        runner.invoke(
            cli,
            [
                "train",
                str(corpus),
                "--outlet-labels",
                str(labels),
                "-o",
                str(tmp_path / "m"),
                "--no-eval",
                "--min-df",
                "1",
            ],
        )
    )
    assert (
        "Warning: 12 article(s) from 3 outlet(s) missing from the outlet labels"
        in result.stderr
    )
    card = json.loads((tmp_path / "m" / "model.json").read_text())
    assert card["labels"] == ["A", "B"] and card["evaluation"] is None


def test_bad_arguments(runner, trained, corpus, tmp_path):
    out, _ = trained
    o = str(tmp_path / "x")
    _error(
        runner.invoke(cli, ["train", str(corpus), "-o", o, "--label-col", "bias"]),
        1,
        "no label column 'bias'",
    )
    single = write_corpus(synth_corpus(labels="A"), tmp_path / "one.jsonl")
    _error(runner.invoke(cli, ["train", str(single), "-o", o]), 1, "a single label")
    two = write_corpus(
        synth_corpus(labels="AB", outlets_per_label=1), tmp_path / "two.jsonl"
    )
    _error(
        runner.invoke(cli, ["train", str(two), "-o", o, "--min-df", "1"]),
        1,
        "too few outlets",
    )
    _error(
        runner.invoke(cli, ["train", str(corpus), "-o", o, "--classifier", "rf"]),
        2,
        "Invalid value for '--classifier'",
    )
    _error(
        runner.invoke(cli, ["score", str(corpus), "-o", o + ".csv"]),
        2,
        "give MODEL_DIR and CORPUS",
    )
    _error(
        runner.invoke(
            cli, ["score", str(out), str(corpus), "-o", o + ".csv", "--by", "outlet"]
        ),
        2,
        "needs -O",
    )
    _error(
        runner.invoke(cli, ["score", str(out), str(corpus), "-o", o + ".xls"]),
        1,
        "unknown output format",
    )
    _error(
        runner.invoke(cli, ["score", str(tmp_path), str(corpus), "-o", o + ".csv"]),
        1,
        "model.json missing",
    )
    _error(runner.invoke(cli, ["evaluate", str(out)]), 2, "give the test corpus")
    _error(
        runner.invoke(cli, ["model", "info", str(tmp_path / "none")]),
        1,
        "no such model directory",
    )


def test_tampered_model_is_refused(runner, trained, corpus, tmp_path):
    import shutil

    out, _ = trained
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    with open(copy / "pipeline.skops", "ab") as fh:
        fh.write(b"\0")
    _error(
        runner.invoke(
            cli, ["score", str(copy), str(corpus), "-o", str(tmp_path / "s.csv")]
        ),
        1,
        "SHA-256 does not match",
    )
    assert not (tmp_path / "s.csv").exists()


def test_demo_trains_evaluates_and_scores(tmp_path):
    from framing.demo import run_demo

    result = run_demo(tmp_path / "demo")
    for name in ("model", "evaluation", "scores", "outlets"):
        assert result.outputs[name].exists()
    assert "grouped by outlet" in result.summary and "random split*" in result.summary
    outlets = pd.read_csv(result.outputs["outlets"])
    assert len(outlets) == 6 and "p_neutral_lo" in outlets.columns
    assert (result.outputs["model"] / "model.json").is_file()


def test_arguments_that_would_be_ignored_are_refused(runner, trained, corpus, tmp_path):
    out, _ = trained
    o = str(tmp_path / "x")
    table = tmp_path / "outlets.csv"
    table.write_text("outlet,alignment\nOutlet 0,A\nOutlet 1,B\n", encoding="utf-8")
    _error(
        runner.invoke(
            cli,
            [
                "train",
                str(corpus),
                "-o",
                o,
                "--label-col",
                "label",
                "--outlet-labels",
                str(table),
            ],
        ),
        2,
        "give --label-col or --outlet-labels, not both",
    )
    _error(
        runner.invoke(
            cli,
            ["evaluate", str(out), str(corpus), "--features", "lexicon", "--seed", "3"],
        ),
        2,
        "--features, --seed: pipeline options apply when cross-validating",
    )
    _error(
        runner.invoke(cli, ["evaluate", str(corpus), "--record"]),
        2,
        "--record needs MODEL_DIR",
    )
    _error(
        runner.invoke(cli, ["train", str(corpus), "-o", o, "--min-df", "1.5"]),
        2,
        "a number of articles (whole), or a share below 1",
    )
    for jobs in ("0", "-3"):
        _error(
            runner.invoke(
                cli, ["score", str(out), str(corpus), "-o", o + ".csv", "-j", jobs]
            ),
            2,
            "-1 for all cores",
        )
    _error(
        runner.invoke(
            cli,
            ["score", str(out), str(corpus), "-o", o + ".csv", "--label-col", "typo"],
        ),
        1,
        "no column 'typo' (--label-col)",
    )
    assert not (tmp_path / "x.csv").exists()


def test_outlet_table_path_is_checked_before_scoring(runner, trained, corpus, tmp_path):
    out, _ = trained
    scores = tmp_path / "s.csv"
    _error(
        runner.invoke(
            cli,
            [
                "score",
                str(out),
                str(corpus),
                "-o",
                str(scores),
                "--by",
                "outlet",
                "-O",
                str(tmp_path / "o.xlsx"),
            ],
        ),
        1,
        "o.xlsx: unknown output format",
    )
    assert not scores.exists()  # failed before any scoring
    _error(
        runner.invoke(
            cli,
            [
                "score",
                str(out),
                str(corpus),
                "-o",
                str(scores),
                "--by",
                "outlet",
                "-O",
                str(scores),
            ],
        ),
        2,
        "-o and -O name the same file",
    )


def test_min_df_above_the_corpus_is_one_line(runner, corpus, tmp_path):
    _error(
        runner.invoke(
            cli,
            [
                "train",
                str(corpus),
                "-o",
                str(tmp_path / "m"),
                "--min-df",
                "5000",
                "--folds",
                "3",
            ],
        ),
        1,
        "no TF-IDF n-gram is frequent enough (min_df=5000)",
    )


def test_quiet_silences_stderr(runner, trained, tmp_path):
    out, _ = trained
    r = _ok(runner.invoke(cli, ["model", "info", str(out), "--check", "-q"]))
    assert r.stderr == "" and "labels:" in r.stdout
    r = _ok(runner.invoke(cli, ["model", "info", str(out), "--check"]))
    assert "hash and types OK" in r.stderr
