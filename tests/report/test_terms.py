"""Tests for framing.report.terms: the fightin' words chart."""

from __future__ import annotations

import subprocess
import sys
from itertools import combinations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from framing.discovery.counts import count_terms
from framing.discovery.logodds import score_terms
from framing.errors import FramingError
from framing.report import plot_fightin_words
from framing.report.style import save_figure
from framing.report.terms import SIDE_COLORS, _spread


def _table(n=80, seed=0):
    rng = np.random.default_rng(seed)
    z = np.concatenate([rng.normal(0, 3, n), [9.0, -7.5]])
    return pd.DataFrame(
        {
            "term": [f"term{i}" for i in range(n)] + ["regime", "insurgents"],
            "group": "B",
            "versus": "rest",
            "z": z,
            "count_group": rng.integers(1, 500, n + 2),
            "count_rest": rng.integers(0, 500, n + 2),
        }
    )


def _labels(ax):
    return [t for t in ax.texts if t.get_gid() == "term-label"]


def _overlaps(ax):
    fig = ax.get_figure()
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    # Text's own extent: Annotation.get_window_extent adds the leader line.
    boxes = [Text.get_window_extent(t, renderer) for t in _labels(ax)]
    return [
        (a, b)
        for a, b in combinations(range(len(boxes)), 2)
        if boxes[a].overlaps(boxes[b])
    ]


def test_labels_top_terms_per_side_without_overlap():
    table = _table()
    ax = plot_fightin_words(table, top=15)
    labels = _labels(ax)
    pos = {t.get_text() for t in labels if t.get_color() == SIDE_COLORS[0]}
    neg = {t.get_text() for t in labels if t.get_color() == SIDE_COLORS[1]}
    sig = table[table["z"].abs() >= 1.96]
    want_pos = set(sig[sig["z"] > 0].nlargest(15, "z")["term"])
    want_neg = set(sig[sig["z"] < 0].nsmallest(15, "z")["term"])
    assert pos == want_pos and neg == want_neg
    assert "regime" in pos and "insurgents" in neg
    assert _overlaps(ax) == []
    ys = [t.xyann[1] for t in labels]
    assert ys == sorted(ys, reverse=True)  # labels in z order
    assert len(ax.collections) == 3  # group, other, n.s.
    assert "log10" in ax.get_xlabel() and "z-score" in ax.get_ylabel()
    assert ax.get_title(loc="left") == "Distinguishing terms: B vs rest"


def test_many_labels_still_do_not_overlap():
    ax = plot_fightin_words(_table(n=400, seed=3), top=60)
    assert len(_labels(ax)) > 30
    assert _overlaps(ax) == []


@pytest.mark.parametrize("n, seed, top", [(80, 0, 15), (400, 3, 60)])
def test_guide_lines_stop_short_of_the_labels(n, seed, top):
    ax = plot_fightin_words(_table(n=n, seed=seed), top=top)
    fig = ax.get_figure()
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    # Every horizontal line, however drawn (axhline spans the whole axes).
    guides = [ln for ln in ax.lines if len(set(ln.get_ydata())) == 1]
    levels = sorted(round(float(ln.get_ydata()[0]), 2) for ln in guides)
    assert levels == [-1.96, 0.0, 1.96]
    labels_left = min(Text.get_window_extent(t, renderer).x0 for t in _labels(ax))
    for line in guides:
        assert line.get_window_extent(renderer).x1 < labels_left
    # ...while still spanning every point.
    points_x = np.concatenate([c.get_offsets()[:, 0] for c in ax.collections])
    for line in guides:
        assert min(line.get_xdata()) <= points_x.min()
        assert max(line.get_xdata()) >= points_x.max()


def test_draws_on_given_axes_and_saves_png(tmp_path):
    fig = Figure(figsize=(8, 6))
    ax = fig.add_subplot()
    assert plot_fightin_words(_table(), ax=ax, top=5) is ax
    path = save_figure(fig, tmp_path / "fw.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_vs_table_gives_the_other_side_negative_z():
    texts = ["the junta and the regime attacked"] * 30 + [
        "the insurgents and the terrorists attacked"
    ] * 30
    tc = count_terms(texts, ["B"] * 30 + ["A"] * 30, min_count=2, stop_words=True)
    terms = score_terms(tc, vs=("A", "B"), top_per_group=None)
    ax = plot_fightin_words(terms, group="A", top=3)
    neg = {t.get_text() for t in _labels(ax) if t.get_color() == SIDE_COLORS[1]}
    pos = {t.get_text() for t in _labels(ax) if t.get_color() == SIDE_COLORS[0]}
    assert {"junta", "regime"} & neg and {"insurgents", "terrorists"} & pos
    assert "A vs B" in ax.get_title(loc="left")


def test_errors():
    with pytest.raises(FramingError, match="lacks column"):
        plot_fightin_words(pd.DataFrame({"term": ["x"]}))
    with pytest.raises(FramingError, match="no group 'Z'"):
        plot_fightin_words(_table(), group="Z")
    with pytest.raises(FramingError, match="empty"):
        plot_fightin_words(_table().iloc[:0])


def test_spread_keeps_order_bounds_and_pitch():
    y = _spread(np.array([5.0, 4.9, 4.8, 0.1, -3.0]), -4.0, 5.0, 0.5)
    assert np.all(np.diff(y) <= -0.5 + 1e-12)
    assert y.max() <= 5.0 and y.min() >= -4.0
    crowded = _spread(np.array([-3.9, -3.95, -4.0]), -4.0, 5.0, 0.5)
    assert crowded.min() >= -4.0 and np.all(np.diff(crowded) <= -0.5 + 1e-12)


def test_importing_the_report_package_does_not_load_matplotlib():
    code = "import sys, framing.report; print('matplotlib' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_overlap_check_detects_crowded_labels(monkeypatch):
    # Guard for the tests above: labels packed closer than a line do overlap.
    from framing.report import terms

    monkeypatch.setattr(terms, "_LINE", 0.4)
    monkeypatch.setattr(terms, "_MIN_LABEL_SIZE", 8.0)
    ax = plot_fightin_words(_table(n=400, seed=3), top=60)
    assert _overlaps(ax)
