"""Tests for framing.report.style: labels, sizes, saving figures."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from framing.errors import FramingError
from framing.report.scores import plot_outlet_scores
from framing.report.style import rows_height, save_figure, truncate, unique_labels
from tests.report.helpers import LONG, outlet_table


def test_truncate_and_unique_labels():
    assert truncate(LONG).endswith("…") and len(truncate(LONG)) <= 28
    assert truncate("  A   B ") == "A B"
    labels = unique_labels([LONG, LONG + " 2"])
    assert len(set(labels)) == 2


def test_rows_height_grows_with_rows_and_packs_many():
    assert rows_height(1) == 3.2
    assert rows_height(10) < rows_height(30)
    assert rows_height(200) / 200 < 0.2


@pytest.mark.parametrize(
    "suffix,magic", [(".png", b"\x89PNG"), (".pdf", b"%PDF"), (".svg", b"<?xml")]
)
def test_save_figure_by_suffix(tmp_path, suffix, magic):
    ax = plot_outlet_scores(outlet_table(["a", "b"]))
    path = save_figure(ax.figure, tmp_path / "sub" / f"chart{suffix}")
    assert path.read_bytes().startswith(magic)
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp left


def test_save_figure_rejects_unknown_suffix(tmp_path):
    with pytest.raises(FramingError, match=r"\.jpg.*use \.png"):
        save_figure(Figure(), tmp_path / "chart.jpg")
