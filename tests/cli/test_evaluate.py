"""Tests for framing.cli.evaluate: the ``framing evaluate`` command."""

from __future__ import annotations

import json

import pytest

from framing.cli._group import cli
from tests.cli.model_cli import Trained, error, help_text, ok, train_model
from tests.model_data import DEMO, synth_corpus, write_corpus


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Trained:
    return train_model(tmp_path_factory)


def test_help_has_usage_and_example():
    help_text("evaluate")


def test_evaluate_held_out_and_record(runner, trained, tmp_path):
    out = trained.model_dir
    test = write_corpus(
        synth_corpus(labels="ABC", per_outlet=2, seed=5), tmp_path / "test.jsonl"
    )
    result = ok(
        runner.invoke(
            cli,
            ["evaluate", str(out), str(test), "--record"]
            + ["--json", str(tmp_path / "m.json")],
        )
    )
    assert "held-out corpus" in result.stdout and "macro-F1" in result.stdout
    assert json.loads((tmp_path / "m.json").read_text())["n"] == 18
    card = json.loads((out / "model.json").read_text())
    assert str(test) in card["tests"]


def test_evaluate_cv_and_outlet_labels(runner):
    result = ok(
        runner.invoke(
            cli,
            ["evaluate", str(DEMO / "demo" / "articles.jsonl")]
            + ["--outlet-labels", str(DEMO / "outlets.csv")]
            + ["--features", "lexicon", "-q"],
        )
    )
    assert "grouped by outlet" in result.stdout and "random split*" in result.stdout


def test_arguments_that_would_be_ignored_are_refused(runner, trained):
    out = trained.model_dir
    corpus = str(trained.corpus)
    error(runner.invoke(cli, ["evaluate", str(out)]), 2, "give the test corpus")
    error(
        runner.invoke(
            cli,
            ["evaluate", str(out), corpus, "--features", "lexicon", "--seed", "3"],
        ),
        2,
        "--features, --seed: pipeline options apply when cross-validating",
    )
    error(
        runner.invoke(cli, ["evaluate", corpus, "--record"]),
        2,
        "--record needs MODEL_DIR",
    )
