"""Tests for framing.cli.score: the ``framing score`` command."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from framing.cli._group import cli
from tests.cli.model_cli import Trained, error, help_text, ok, train_model


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Trained:
    return train_model(tmp_path_factory)


def test_help_has_usage_and_example():
    help_text("score")


def test_score_with_outlet_table(runner, trained, tmp_path):
    out = trained.model_dir
    scores, outlets = tmp_path / "s.csv", tmp_path / "o.csv"
    ok(
        runner.invoke(
            cli,
            ["score", str(out), str(trained.corpus), "-o", str(scores)]
            + ["--by", "outlet", "-O", str(outlets), "--top-k", "2"]
            + ["--label-col", "label", "-q"],
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


def test_score_lexicon_only(runner, trained, tmp_path):
    ok(
        runner.invoke(
            cli,
            ["score", "--lexicon-only", str(trained.corpus)]
            + ["-o", str(tmp_path / "p.csv"), "-O", str(tmp_path / "o.csv")],
        )
    )
    assert len(pd.read_csv(tmp_path / "p.csv")) == 36
    assert len(pd.read_csv(tmp_path / "o.csv")) == 9


def test_bad_arguments(runner, trained, tmp_path):
    out = trained.model_dir
    corpus, o = str(trained.corpus), str(tmp_path / "x")
    error(
        runner.invoke(cli, ["score", corpus, "-o", o + ".csv"]),
        2,
        "give MODEL_DIR and CORPUS",
    )
    error(
        runner.invoke(
            cli, ["score", str(out), corpus, "-o", o + ".csv", "--by", "outlet"]
        ),
        2,
        "needs -O",
    )
    error(
        runner.invoke(cli, ["score", str(out), corpus, "-o", o + ".xls"]),
        1,
        "unknown output format",
    )
    error(
        runner.invoke(cli, ["score", str(tmp_path), corpus, "-o", o + ".csv"]),
        1,
        "model.json missing",
    )
    for jobs in ("0", "-3"):
        error(
            runner.invoke(
                cli, ["score", str(out), corpus, "-o", o + ".csv"] + ["-j", jobs]
            ),
            2,
            "-1 for all cores",
        )
    error(
        runner.invoke(
            cli,
            ["score", str(out), corpus, "-o", o + ".csv", "--label-col", "typo"],
        ),
        1,
        "no column 'typo' (--label-col)",
    )
    assert not (tmp_path / "x.csv").exists()


def test_tampered_model_is_refused(runner, trained, tmp_path):
    out = trained.model_dir
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    with open(copy / "pipeline.skops", "ab") as fh:
        fh.write(b"\0")
    error(
        runner.invoke(
            cli,
            ["score", str(copy), str(trained.corpus), "-o", str(tmp_path / "s.csv")],
        ),
        1,
        "SHA-256 does not match",
    )
    assert not (tmp_path / "s.csv").exists()


def test_outlet_table_path_is_checked_before_scoring(runner, trained, tmp_path):
    out = trained.model_dir
    scores = tmp_path / "s.csv"
    args = [
        "score",
        str(out),
        str(trained.corpus),
        "-o",
        str(scores),
        "--by",
        "outlet",
    ]
    error(
        runner.invoke(cli, [*args, "-O", str(tmp_path / "o.xlsx")]),
        1,
        "o.xlsx: unknown output format",
    )
    assert not scores.exists()  # failed before any scoring
    error(
        runner.invoke(cli, [*args, "-O", str(scores)]),
        2,
        "-o and -O name the same file",
    )
