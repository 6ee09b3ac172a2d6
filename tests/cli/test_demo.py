"""Tests for framing.cli.demo: the ``framing demo`` command."""

from __future__ import annotations

import pandas as pd
from click.testing import CliRunner

from framing.cli._group import cli
from tests.cli.model_cli import ok


def test_demo_trains_evaluates_and_scores(tmp_path):
    out = tmp_path / "demo"
    result = ok(CliRunner().invoke(cli, ["demo", "-o", str(out)]))
    assert "grouped by outlet" in result.stdout and "random split*" in result.stdout
    assert f"demo outputs in {out}/" in result.stdout
    outlets = next(out.rglob("outlets*.csv"))
    table = pd.read_csv(outlets)
    assert len(table) == 6 and "p_neutral_lo" in table.columns
    assert next(out.rglob("model.json")).is_file()
    quiet = ok(CliRunner().invoke(cli, ["demo", "-o", str(out), "-q"]))
    assert quiet.stdout == f"demo outputs in {out}/\n"
