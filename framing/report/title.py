"""Text pages: the report's title page and the note page of a skipped chart.

The title page is drawn from plain data (sections of key/value lines), so the
assembler decides what to say and this module only lays it out.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from matplotlib.figure import Figure

from framing.report.style import ACCENT, GREY, PAGE_WIDTH, new_figure, styled

__all__ = ["plot_note", "plot_title_page"]

Section = tuple[str, Sequence[tuple[str, str]]]


def _line_height(size: float, fig_height: float) -> float:
    return size * 1.55 / 72 / fig_height


@styled
def plot_title_page(
    title: str,
    *,
    subtitle: str = "",
    sections: Sequence[Section] = (),
    contents: Sequence[tuple[str, str]] = (),
    footer: str = "",
    fig: Figure | None = None,
) -> Figure:
    """Lay out a title page: heading, key/value sections, table of contents.

    Parameters
    ----------
    title : str
        The report's title.
    subtitle : str, optional
        One line under it (e.g. the date generated).
    sections : sequence of (heading, [(key, value), ...])
        Left column, top to bottom (corpus, model, lexicon...).
    contents : sequence of (page, description)
        Right column: the table of contents.
    footer : str, optional
        Small print at the bottom (method notes).
    fig : Figure, optional
        Drawn into; a new 10 x 7.5 inch page otherwise.

    Returns
    -------
    Figure
        All texts are ``fig.texts``; the title is the first.
    """
    fig = fig or new_figure((PAGE_WIDTH, 7.5))
    fig.set_layout_engine("none")
    height = fig.get_size_inches()[1]
    head = textwrap.wrap(title, 56) or [""]
    fig.text(
        0.05,
        0.92,
        "\n".join(head[:2]),
        fontsize=22,
        fontweight="bold",
        va="top",
        linespacing=1.15,
    )
    y = 0.92 - _line_height(22, height) * (1.1 + 0.75 * (min(len(head), 2) - 1))
    if subtitle:
        fig.text(0.05, y, subtitle, fontsize=11, color="#555555", va="top")
        y -= _line_height(11, height) * 1.4
    fig.add_artist(_rule(fig, y))
    top = y - 0.03
    y = top
    small = _line_height(9, height)
    for heading, rows in sections:
        fig.text(
            0.05, y, heading, fontsize=12, fontweight="bold", color=ACCENT, va="top"
        )
        y -= _line_height(12, height) * 1.1
        for key, value in rows:
            lines = textwrap.wrap(str(value), 62) or [""]
            fig.text(0.07, y, key, fontsize=9, color="#444444", va="top")
            for line in lines:
                fig.text(0.25, y, line, fontsize=9, va="top")
                y -= small
        y -= small * 0.7
    if contents:
        y = top
        fig.text(
            0.66, y, "Contents", fontsize=12, fontweight="bold", color=ACCENT, va="top"
        )
        y -= _line_height(12, height) * 1.1
        for page, what in contents:
            lines = textwrap.wrap(what, 36) or [""]
            fig.text(0.66, y, str(page), fontsize=9, color="#444444", va="top")
            for line in lines:
                fig.text(0.69, y, line, fontsize=9, va="top")
                y -= small
    if footer:
        fig.text(
            0.05,
            0.04,
            textwrap.fill(footer, 150),
            fontsize=7.5,
            color=GREY,
            va="bottom",
        )
    return fig


def _rule(fig: Figure, y: float) -> Any:
    from matplotlib.lines import Line2D

    return Line2D(
        [0.05, 0.95], [y, y], transform=fig.transFigure, color="#CCCCCC", lw=0.8
    )


@styled
def plot_note(
    title: str,
    message: str,
    *,
    hint: str = "",
    fig: Figure | None = None,
) -> Figure:
    """Draw a short page standing in for a chart that could not be drawn.

    Parameters
    ----------
    title : str
        The chart's title.
    message : str
        Why it is missing.
    hint : str, optional
        How to get it (e.g. the option to pass).

    Returns
    -------
    Figure
    """
    fig = fig or new_figure((PAGE_WIDTH, 2.4))
    fig.set_layout_engine("none")
    height = fig.get_size_inches()[1]
    fig.text(0.05, 0.85, title, fontsize=14, fontweight="bold", va="top")
    y = 0.85 - _line_height(14, height) * 1.4
    fig.text(
        0.05,
        y,
        "Not in this report: " + textwrap.fill(message, 110),
        fontsize=10,
        va="top",
    )
    if hint:
        y -= _line_height(10, height) * (
            1.5 + message.count("\n") + len(message) // 110
        )
        fig.text(
            0.05,
            y,
            textwrap.fill(hint, 120),
            fontsize=9,
            color="#555555",
            va="top",
            family="DejaVu Sans Mono",
        )
    return fig
