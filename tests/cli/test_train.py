"""Tests for framing.cli.train: the ``framing train`` command."""

from __future__ import annotations

import json

import pytest

from framing.cli._group import cli
from framing.model.settings import TrainSettings
from tests.cli.model_cli import Trained, error, help_text, ok, train_model
from tests.model_data import synth_corpus, write_corpus


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Trained:
    return train_model(tmp_path_factory)


def test_help_shows_the_defaults_of_train_settings():
    text = " ".join(help_text("train").split())
    d = TrainSettings()
    assert f"default {d.min_df})" in text
    assert f"default {d.min_outlet_share})" in text
    assert f"[default: {d.n_splits}; x>=2]" in text


def test_train_prints_grouped_and_optimistic_table(trained):
    out, result = trained.model_dir, trained.result
    assert "grouped by outlet" in result.stdout
    assert "optimistic: outlets seen in training" in result.stdout
    assert "LeaveOneGroupOut" in result.stdout  # 9 outlets: one held out per fold
    card = json.loads((out / "model.json").read_text())
    assert card["evaluation"]["grouped"]["n_outlets"] == 9
    assert f"model -> {out}" in result.stderr


def test_unset_options_keep_the_settings_defaults(trained):
    out = trained.model_dir
    settings = json.loads((out / "model.json").read_text())["settings"]
    d = TrainSettings()
    assert settings["max_features"] == d.max_features
    assert settings["min_outlet_share"] == d.min_outlet_share
    assert settings["C"] == d.classifier_C
    assert settings["min_df"] == 1 and isinstance(settings["min_df"], int)


def test_unlabelled_outlets_are_a_warning(runner, trained, tmp_path):
    labels = tmp_path / "outlets.csv"
    labels.write_text(
        "outlet,side\n"
        + "\n".join(f"{k} Outlet {i},{k}" for k in "AB" for i in range(3))
        + "\n"
    )
    args = ["train", str(trained.corpus), "--outlet-labels", str(labels)]
    result = ok(
        runner.invoke(
            cli, [*args, "-o", str(tmp_path / "m"), "--no-eval", "--min-df", "1"]
        )
    )
    assert (
        "Warning: 12 article(s) from 3 outlet(s) missing from the outlet labels"
        in result.stderr
    )
    card = json.loads((tmp_path / "m" / "model.json").read_text())
    assert card["labels"] == ["A", "B"] and card["evaluation"] is None


def test_bad_arguments(runner, trained, tmp_path):
    corpus, o = str(trained.corpus), str(tmp_path / "x")
    error(
        runner.invoke(cli, ["train", corpus, "-o", o, "--label-col", "bias"]),
        1,
        "no label column 'bias'",
    )
    single = write_corpus(synth_corpus(labels="A"), tmp_path / "one.jsonl")
    error(runner.invoke(cli, ["train", str(single), "-o", o]), 1, "a single label")
    two = write_corpus(
        synth_corpus(labels="AB", outlets_per_label=1), tmp_path / "two.jsonl"
    )
    error(
        runner.invoke(cli, ["train", str(two), "-o", o, "--min-df", "1"]),
        1,
        "too few outlets for outlet-held-out cross-validation: 2 (A Outlet 0, "
        "B Outlet 0); need at least 3, with 2 per label. Add outlets, or train "
        "with --no-eval",
    )
    error(
        runner.invoke(cli, ["train", corpus, "-o", o, "--classifier", "rf"]),
        2,
        "Invalid value for '--classifier'",
    )
    table = tmp_path / "outlets.csv"
    table.write_text("outlet,alignment\nOutlet 0,A\nOutlet 1,B\n", encoding="utf-8")
    error(
        runner.invoke(
            cli,
            ["train", corpus, "-o", o, "--label-col", "label"]
            + ["--outlet-labels", str(table)],
        ),
        2,
        "give --label-col or --outlet-labels, not both",
    )
    error(
        runner.invoke(cli, ["train", corpus, "-o", o, "--min-df", "1.5"]),
        2,
        "a number of articles (whole), or a share below 1",
    )


def test_min_df_above_the_corpus_is_one_line(runner, trained, tmp_path):
    args = ["train", str(trained.corpus), "-o", str(tmp_path / "m")]
    error(
        runner.invoke(cli, [*args, "--min-df", "5000", "--folds", "3"]),
        1,
        "no TF-IDF n-gram is frequent enough (min_df=5000) in the training "
        "articles or a cross-validation fold; lower --min-df or "
        "--min-outlet-share, or use --features lexicon",
    )


def test_no_outlet_column_names_the_options(runner, tmp_path):
    df = synth_corpus().drop(columns=["outlet"])
    corpus = write_corpus(df, tmp_path / "no_outlets.jsonl")
    error(
        runner.invoke(cli, ["train", str(corpus), "-o", str(tmp_path / "m")]),
        1,
        "outlet-held-out evaluation needs an outlet column; none found. "
        "Try --outlet-col, or --no-eval",
    )
