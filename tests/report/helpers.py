"""Shared helpers of the report tests: small tables and readability checks.

Not a test module: the ``test_<module>.py`` files beside it import these.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

LONG = "The Extremely Long Name of a Regional Newspaper Group Online Edition"


def _texts(fig: Figure) -> list[Text]:
    """The texts a reader sees (tick labels outside the view limits are not drawn)."""
    FigureCanvasAgg(fig).draw()
    hidden = set()
    for ax in fig.findobj(Axes):
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            eps = (hi - lo) * 1e-9
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not lo - eps <= tick.get_loc() <= hi + eps:
                    hidden.update({id(tick.label1), id(tick.label2)})
    return [
        t
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and id(t) not in hidden
    ]


def assert_readable(fig: Figure) -> None:
    """Every text lies inside the figure; y tick labels of an axes don't overlap."""
    texts = _texts(fig)
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    for t in texts:
        ext = t.get_window_extent(renderer)
        assert ext.x0 >= box.x0 - 2 and ext.x1 <= box.x1 + 2, t.get_text()
        assert ext.y0 >= box.y0 - 2 and ext.y1 <= box.y1 + 2, t.get_text()
    for ax in fig.axes:
        labels = [t for t in ax.get_yticklabels() if t.get_visible() and t.get_text()]
        spans = sorted(
            (t.get_window_extent(renderer).y0, t.get_window_extent(renderer).y1)
            for t in labels
        )
        for (_, top), (bottom, _) in zip(spans, spans[1:], strict=False):
            assert bottom >= top - 0.5, "overlapping tick labels"


def outlet_table(outlets, series=("x",)) -> pd.DataFrame:
    rows = []
    for i, o in enumerate(outlets):
        for j, s in enumerate(series):
            m = (i + 1) / (len(outlets) + 1) / (j + 1)
            rows.append((o, s, m, m * 0.8, min(1, m * 1.2), 10 + i))
    return pd.DataFrame(
        rows, columns=["outlet", "series", "mean", "ci_low", "ci_high", "n"]
    )


def features_table(outlets=("Wire", "Star"), per_outlet=4, dates=True) -> pd.DataFrame:
    """A features-like table: two loaded categories and one neutral."""
    rows = []
    for k, o in enumerate(outlets):
        for i in range(per_outlet):
            rows.append(
                {
                    "id": f"{o}-{i}",
                    "outlet": o,
                    "date": pd.Timestamp(2024, 1 + i % 3, 5) if dates else pd.NaT,
                    "status": "ok",
                    "loaded": 10.0 * k,
                    "loaded@quoted": 5.0,
                    "other": 2.0,
                    "other@quoted": 0.0,
                    "scare_quotes": 1.0,
                    "n_tokens": 200.0,
                    "n_sentences": 10.0,
                }
            )
    return pd.DataFrame(rows)


EVALUATION = {
    "grouped": {
        "n": 30,
        "macro_f1": 0.6,
        "cv": "LeaveOneGroupOut",
        "per_class": {
            "left": {"f1": 0.7, "support": 20},
            "right": {"f1": 0.5, "support": 10},
            "centre": {"f1": 0.0, "support": 0},
        },
        "confusion": {
            "labels": ["left", "right", "centre"],
            "matrix": [[15, 5, 0], [5, 5, 0], [0, 0, 0]],
        },
        "reliability": [
            {"confidence": 0.55, "accuracy": 0.5, "n": 10},
            {"confidence": 0.85, "accuracy": 0.8, "n": 20},
        ],
    },
    "random": {
        "n": 30,
        "macro_f1": 0.8,
        "per_class": {
            "left": {"f1": 0.9, "support": 20},
            "right": {"f1": 0.7, "support": 10},
            "centre": {"f1": 0.0, "support": 0},
        },
        "confusion": {
            "labels": ["left", "right", "centre"],
            "matrix": [[18, 2, 0], [2, 8, 0], [0, 0, 0]],
        },
        "reliability": [{"confidence": 0.9, "accuracy": 0.9, "n": 30}],
    },
}
