"""Shared pieces of the model command tests: a labelled corpus, a trained model.

Each test module makes its model with a one-line module-scoped fixture
(``return train_model(tmp_path_factory)``) and checks results with
:func:`ok` and :func:`error`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import pytest
from click.testing import CliRunner, Result

from framing.cli._group import cli
from tests.model_data import synth_corpus, write_corpus


class Trained(NamedTuple):
    """A model directory, the corpus it was trained on, the train command's result."""

    model_dir: Path
    corpus: Path
    result: Result


def train_model(tmp_path_factory: pytest.TempPathFactory) -> Trained:
    """Train with ``framing train`` on 36 articles of 9 outlets (labels A, B, C)."""
    corpus = write_corpus(
        synth_corpus(labels="ABC", per_outlet=4),
        tmp_path_factory.mktemp("c") / "news.jsonl",
    )
    out = tmp_path_factory.mktemp("m") / "model"
    args = ["train", str(corpus), "-o", str(out), "--min-df", "1", "--folds", "3"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return Trained(out, corpus, result)


def help_text(*command: str) -> str:
    """Return a command's ``-h`` output, checking it has a usage and an example."""
    result = ok(CliRunner().invoke(cli, [*command, "-h"]))
    assert "Usage:" in result.output and "Example" in result.output
    return result.output


def ok(result: Result) -> Result:
    """Assert that a command succeeded; return its result."""
    assert result.exit_code == 0, result.output
    return result


def error(result: Result, code: int, text: Any) -> None:
    """Assert a one-line ``Error:`` (exit 1) or a usage error (exit 2)."""
    assert result.exit_code == code, result.output
    assert text in result.stderr, result.stderr
    assert "Traceback" not in result.output
    if code == 1:  # one line, after any progress lines
        lines = result.stderr.splitlines()
        assert lines[-1].startswith("Error: ") and text in lines[-1]
