"""Tests for framing.cli.model: the ``framing model info`` command."""

from __future__ import annotations

import json

import pytest

from framing.cli._group import cli
from tests.cli.model_cli import Trained, error, help_text, ok, train_model


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Trained:
    return train_model(tmp_path_factory)


@pytest.mark.parametrize("args", [["model"], ["model", "info"]])
def test_help_has_usage_and_example(args):
    help_text(*args)


def test_model_info(runner, trained):
    out = trained.model_dir
    result = ok(runner.invoke(cli, ["model", "info", str(out), "--check"]))
    assert "labels:     A, B, C (from column 'label')" in result.stdout
    assert "hash and types OK" in result.stderr
    card = json.loads(
        ok(runner.invoke(cli, ["model", "info", str(out), "--json"])).stdout
    )
    assert card["labels"] == ["A", "B", "C"]


def test_missing_model_is_one_line(runner, tmp_path):
    error(
        runner.invoke(cli, ["model", "info", str(tmp_path / "none")]),
        1,
        "no such model directory",
    )


def test_quiet_silences_stderr(runner, trained):
    out = trained.model_dir
    r = ok(runner.invoke(cli, ["model", "info", str(out), "--check", "-q"]))
    assert r.stderr == "" and "labels:" in r.stdout
    r = ok(runner.invoke(cli, ["model", "info", str(out), "--check"]))
    assert "hash and types OK" in r.stderr
