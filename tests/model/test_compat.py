"""A model saved by framing 0.2.0 (format version 1) loads and scores as it did.

``tests/fixtures/model_0_2_0`` was written by framing 0.2.0, before the
modules moved into stage subpackages: its ``pipeline.skops`` names the old
class paths. Its scores on the demo corpus were saved with it, by
``framing score tests/fixtures/model_0_2_0 data/demo/articles.jsonl
-o scores.csv --by outlet -O outlets.csv -q``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli._group import cli
from framing.errors import ModelFileError
from framing.model.storage import ALLOWED_TYPES, MOVED_TYPES, file_types, load_model

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
OLD_MODEL = FIXTURES / "model_0_2_0"
DEMO = ROOT / "data" / "demo" / "articles.jsonl"


def test_old_model_names_the_old_class_paths():
    names = {name for name, _ in file_types(OLD_MODEL / "pipeline.skops")}
    assert "framing.features.FramingFeatures" in names
    assert not names <= ALLOWED_TYPES  # so the mapping is what makes it load


def test_moved_types_map_onto_the_allow_list_only():
    assert set(MOVED_TYPES.values()) <= ALLOWED_TYPES
    assert not set(MOVED_TYPES) & ALLOWED_TYPES


def test_old_model_loads(tmp_path):
    before = (OLD_MODEL / "pipeline.skops").read_bytes()
    model = load_model(OLD_MODEL)
    assert model.classes == ["A", "B", "neutral"]
    assert model.card["format_version"] == 1
    assert (OLD_MODEL / "pipeline.skops").read_bytes() == before  # not rewritten


def test_old_model_scores_byte_identically(tmp_path):
    scores, outlets = tmp_path / "scores.csv", tmp_path / "outlets.csv"
    args = ["score", str(OLD_MODEL), str(DEMO), "-o", str(scores)]
    result = CliRunner().invoke(
        cli, [*args, "--by", "outlet", "-O", str(outlets), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert scores.read_bytes() == (FIXTURES / "model_0_2_0_scores.csv").read_bytes()
    assert outlets.read_bytes() == (FIXTURES / "model_0_2_0_outlets.csv").read_bytes()


def test_version_2_card_does_not_map_old_paths(tmp_path):
    folder = shutil.copytree(OLD_MODEL, tmp_path / "m")
    card = json.loads((folder / "model.json").read_text())
    card["format_version"] = 2
    (folder / "model.json").write_text(json.dumps(card))
    with pytest.raises(ModelFileError, match="framing.features.FramingFeatures"):
        load_model(folder)
