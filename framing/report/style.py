"""House style for every chart: palette, fonts, figure and save helpers.

No pyplot: figures are :class:`matplotlib.figure.Figure` objects, so nothing
touches matplotlib's global figure manager and the same code runs in a
notebook, a test or a headless server. Fonts are applied through
:func:`styled`, which wraps each chart function in a temporary
``rc_context``.
"""

from __future__ import annotations

import functools
import os
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from framing.errors import FramingError

__all__ = [
    "ACCENT",
    "add_footnote",
    "add_right_labels",
    "CATEGORICAL",
    "GREY",
    "MAX_LABEL",
    "PAGE_WIDTH",
    "RC",
    "SEQUENTIAL",
    "ensure_axes",
    "join_notes",
    "label_category",
    "new_figure",
    "rows_height",
    "save_figure",
    "set_titles",
    "styled",
    "subtitle_of",
    "text_color_on",
    "truncate",
]

#: Okabe & Ito (2008) colour-blind safe palette, most distinct hues first;
#: yellow is last because it is faint on white.
CATEGORICAL: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow
)
#: Accent for single-series charts, and a neutral grey for context.
ACCENT = CATEGORICAL[0]
GREY = "#8C8C8C"
#: Perceptually uniform, colour-blind safe sequential colour map.
SEQUENTIAL = "viridis"
#: Marker shapes that double-encode series for grey-scale printing.
MARKERS: tuple[str, ...] = ("o", "s", "D", "^", "v", "P", "X", "*")

#: Page width of every figure, in inches (letter/A4 landscape fits 10 x 7.5).
PAGE_WIDTH = 10.0
#: Longest label shown in full; longer labels end in an ellipsis.
MAX_LABEL = 28

TITLE_SIZE = 13
PANEL_TITLE_SIZE = 11
SUBTITLE_SIZE = 9
RC: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": TITLE_SIZE,
    "axes.labelsize": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.title_fontsize": 8,
    "figure.titlesize": TITLE_SIZE,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "axes.edgecolor": "#555555",
    "axes.labelcolor": "#222222",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "axes.prop_cycle": mpl.cycler(color=list(CATEGORICAL)),
    "image.cmap": SEQUENTIAL,
    "svg.fonttype": "none",
    "pdf.fonttype": 42,
    "savefig.dpi": 150,
    "figure.dpi": 100,
}

F = TypeVar("F", bound=Callable[..., Any])


def styled(func: F) -> F:
    """Run a chart function under the house rc settings."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with mpl.rc_context(RC):
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def new_figure(size: tuple[float, float] = (PAGE_WIDTH, 6.0), **kw: Any) -> Figure:
    """Return a new figure with constrained layout, outside pyplot.

    Parameters
    ----------
    size : (float, float), default=(10, 6)
        Width and height in inches.
    **kw
        Passed to :class:`~matplotlib.figure.Figure`.

    Examples
    --------
    >>> fig = new_figure((4, 3))
    >>> fig.get_size_inches().tolist()
    [4.0, 3.0]
    """
    with mpl.rc_context(RC):
        return Figure(figsize=size, layout="constrained", **kw)


def ensure_axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    """Return ``ax``, or the single axes of a new figure of ``size``."""
    if ax is not None:
        return ax
    return new_figure(size).add_subplot()


def rows_height(
    n_rows: int,
    *,
    per_row: float = 0.28,
    extra: float = 1.8,
    low: float = 3.2,
    high: float = 11.0,
) -> float:
    """Return a figure height that gives each of ``n_rows`` rows room.

    Rows get ``per_row`` inches up to a page of ``high`` inches; beyond
    that they are packed at 0.17 inch (still clear of each other at the
    8-point tick labels) and the figure grows taller than a page.

    Examples
    --------
    >>> rows_height(6)
    3.48
    >>> rows_height(40)
    11.0
    >>> rows_height(157)
    28.49
    """
    height = extra + per_row * n_rows
    if height > high:
        height = max(high, extra + min(per_row, 0.17) * n_rows)
    return round(max(low, height), 2)


def truncate(label: object, width: int = MAX_LABEL) -> str:
    """Shorten a label to ``width`` characters, ending in an ellipsis.

    Examples
    --------
    >>> truncate("The Very Long Name of a Regional Newspaper Group", 20)
    'The Very Long Name…'
    >>> truncate("Short")
    'Short'
    """
    text = " ".join(str(label).split())
    if len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…"


def unique_labels(labels: Sequence[object], width: int = MAX_LABEL) -> list[str]:
    """Truncate labels, keeping them distinct (a numeric suffix if needed).

    Examples
    --------
    >>> unique_labels(["Alpha Beta Gamma", "Alpha Beta Delta"], 8)
    ['Alpha B…', 'Alpha B… (2)']
    """
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        short = truncate(label, width)
        seen[short] = seen.get(short, 0) + 1
        out.append(short if seen[short] == 1 else f"{short} ({seen[short]})")
    return out


def join_notes(*parts: str | None) -> str:
    """Join the non-empty notes of a subtitle or footnote with semicolons.

    Examples
    --------
    >>> join_notes("showing 3 of 9 outlets", None, "", "sorted by share")
    'showing 3 of 9 outlets; sorted by share'
    """
    return "; ".join(p for p in parts if p)


def text_color_on(rgba: Sequence[float]) -> str:
    """Return the text colour that reads on a cell of colour ``rgba``.

    Black on light cells, white on dark ones, by the cell's luma
    (ITU-R BT.601 weights).

    Examples
    --------
    >>> text_color_on((1.0, 1.0, 1.0, 1.0)), text_color_on((0.2, 0.0, 0.3, 1.0))
    ('black', 'white')
    """
    light = 0.299 * rgba[0] + 0.587 * rgba[1] + 0.114 * rgba[2]
    return "black" if light > 0.55 else "white"


def label_category(name: str) -> str:
    """Turn a feature name into a readable label.

    Examples
    --------
    >>> label_category("armed_group_labels_neutral@quoted")
    'armed group labels neutral (quoted)'
    """
    base, _, voice = name.partition("@")
    text = base.replace("_", " ")
    return f"{text} ({voice})" if voice else text


def set_titles(
    ax: Axes,
    title: str,
    subtitle: str | None = None,
    *,
    width: int | None = None,
    space: float = 0.0,
    size: float = TITLE_SIZE,
) -> None:
    """Put a bold left-aligned title and an optional grey subtitle on ``ax``.

    The subtitle sits between the title and the axes, wrapped to ``width``
    characters (default: what fits beside a typical label margin of the
    figure). The title's padding reserves its room, so the subtitle itself
    stays out of the layout: a long one cannot squeeze the axes sideways.
    ``space`` (points) leaves a further gap above the axes, e.g. for a
    legend in one row.
    """
    if width is None:
        fig_width = ax.figure.get_size_inches()[0]
        width = max(40, int((fig_width - 2.4) * 72 / (SUBTITLE_SIZE * 0.56)))
    lines = textwrap.wrap(subtitle, width) if subtitle else []
    pad = 8 + space + len(lines) * SUBTITLE_SIZE * 1.25
    head = ax.set_title(title, loc="left", fontsize=size, fontweight="bold", pad=pad)
    if lines:
        # Hang the subtitle from the title: it then clears whatever sits
        # above the axes (top tick labels, a legend in ``space``).
        note = ax.annotate(
            "\n".join(lines),
            xy=(0, 0),
            xycoords=head,
            xytext=(0, -2),
            textcoords="offset points",
            fontsize=SUBTITLE_SIZE,
            color="#555555",
            ha="left",
            va="top",
            linespacing=1.2,
            gid="subtitle",
        )
        note.set_in_layout(False)


def add_footnote(fig: Figure, text: str, *, size: float = 8) -> None:
    """Put a grey footnote under all of ``fig``'s axes, wrapped to its width.

    Wrapped here rather than with ``wrap=True``, so that constrained layout
    reserves the room the wrapped lines take.
    """
    width = max(40, int((fig.get_size_inches()[0] - 0.3) * 72 / (size * 0.52)))
    fig.supxlabel(
        textwrap.fill(text, width), x=0.01, ha="left", fontsize=size, color="#555555"
    )


def add_right_labels(ax: Axes, labels: Sequence[str], ylabel: str) -> None:
    """Label ``ax``'s rows (y = 0, 1, ...) on the right too, e.g. with counts."""
    right = ax.secondary_yaxis("right")
    right.set_yticks(range(len(labels)), labels=labels)
    right.set_ylabel(ylabel)
    right.tick_params(length=0)
    right.spines["right"].set_visible(False)


def subtitle_of(ax: Axes) -> str:
    """Return the subtitle :func:`set_titles` put on ``ax`` (or ``""``)."""
    for text in ax.texts:
        if text.get_gid() == "subtitle":
            return text.get_text()
    return ""


_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def save_figure(fig: Figure, path: str | Path, *, dpi: int = 150) -> Path:
    """Save ``fig`` atomically; the format (PNG, SVG, PDF) comes from the suffix.

    Parameters
    ----------
    fig : Figure
        The figure to save.
    path : str or Path
        Target file; its folder is created.
    dpi : int, default=150
        Resolution of raster output.

    Returns
    -------
    Path
        The written file.

    Raises
    ------
    FramingError
        For a suffix other than ``.png``, ``.svg`` or ``.pdf``.
    """
    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise FramingError(
            f"{path}: unknown image format '{path.suffix}'; use .png, .svg or .pdf"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{os.urandom(4).hex()}.tmp"
    try:
        with mpl.rc_context(RC):
            fig.savefig(
                tmp,
                format=fmt,
                dpi=dpi,
                metadata={"Software": None} if fmt == "png" else None,
            )
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
