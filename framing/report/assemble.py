"""Assemble the report: every chart as PNG (and SVG) plus one multi-page PDF.

:func:`build_report` draws what it is given: a
:class:`~framing.scoring.report_inputs.ReportInputs` (features, scores, outlet
table, model card, coefficients, terms), computed by
:func:`framing.scoring.report_inputs.collect_report_inputs` or built by hand.
It writes one page per chart in a fixed order. A chart that cannot be drawn
becomes a short note page saying why and how to get it, never an empty
chart. The numbers behind each chart are written beside it as CSV.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from framing.report import data as D
from framing.report import pages as P
from framing.report.style import join_notes, save_figure

__all__ = ["build_report"]


def build_report(
    inputs: Any,
    *,
    out_dir: str | Path,
    svg: bool = False,
    top_outlets: int | None = 25,
    title: str | None = None,
    author: str | None = None,
    n_boot: int = 2000,
    dpi: int = 150,
    log: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write the framing report: PNG per chart, ``report.pdf``, CSV per chart.

    Parameters
    ----------
    inputs : ReportInputs
        What to draw (:func:`framing.scoring.report_inputs.collect_report_inputs`):
        any object with the attributes of
        :class:`~framing.scoring.report_inputs.ReportInputs`.
    out_dir : str or Path
        Output folder (created).
    svg : bool, default=False
        Also write each chart as SVG.
    top_outlets : int or None, default=25
        Outlets shown in the outlet charts (most articles first); ``None``
        or 0 shows all (pages then grow taller than A4).
    title, author : str, optional
        Report title and PDF author.
    n_boot : int, default=2000
        Bootstrap resamples for the lexicon framing index's intervals.
    dpi : int, default=150
        Resolution of the PNGs.
    log : callable, optional
        Receives one line per skipped page.

    Returns
    -------
    list of Path
        The PNG (and SVG) of each chart drawn, then ``report.pdf``, then the
        CSV tables.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    say = log or (lambda _msg: None)
    pages = _chart_pages(inputs, top_outlets, n_boot)
    for page in pages.values():
        if page.is_note:
            say(f"skipped {P.TITLES[page.key].lower()}: {page.note}")
    now = datetime.now(timezone.utc).astimezone()
    name = Path(inputs.source).name if inputs.source else "corpus"
    report_title = title or f"Framing report: {name}"
    pages = {"title": _title_page(inputs, pages, report_title, now), **pages}
    written = _write_charts(pages, out, svg=svg, dpi=dpi)
    metadata = _pdf_metadata(inputs, report_title, author, now)
    figures = [pages[k].figure for k, _, _ in P.PAGES]
    written.append(_write_pdf(out / "report.pdf", figures, metadata))
    return written + _write_tables(pages, out)


def _chart_pages(
    inputs: Any, top_outlets: int | None, n_boot: int
) -> dict[str, P.Page]:
    """Draw every page after the title page, in report order."""
    features, card = inputs.features, inputs.card
    counts = D.ok_rows(features)["outlet"].value_counts()
    shown, shown_note = D.select_outlets(
        counts, top_outlets if top_outlets and top_outlets > 0 else None
    )
    loaded = list(inputs.lexicon.loaded_categories)
    in_sample = P.same_source(card, inputs.source)
    scores_note = join_notes(
        shown_note,
        "in-sample: the model was trained on these articles" if in_sample else None,
    )
    return {
        "scores": P.scores_page(
            inputs.outlets, features, loaded, shown, scores_note, n_boot
        ),
        "heatmap": P.heatmap_page(features, inputs.lexicon, shown, shown_note),
        "voice": P.voice_page(features, loaded, shown, shown_note),
        "evaluation": P.evaluation_page(card),
        "time": P.time_page(features, loaded),
        "explanations": P.explanations_page(
            inputs.coefficients, inputs.coefficients_note, has_model=card is not None
        ),
        "terms": P.terms_page(inputs.terms, inputs.terms_group),
    }


def _title_page(
    inputs: Any, pages: dict[str, P.Page], title: str, now: datetime
) -> P.Page:
    """Draw the title page: corpus, model and lexicon, and the contents."""
    from framing._version import __version__

    return P.title_page(
        title,
        D.corpus_summary(inputs.corpus, inputs.features),
        inputs.card,
        inputs.lexicon,
        pages,
        now,
        inputs.source,
        __version__,
        inputs.scores is not None,
        P.same_source(inputs.card, inputs.source),
    )


def _write_charts(
    pages: dict[str, P.Page], out: Path, *, svg: bool, dpi: int
) -> list[Path]:
    """Save each chart as PNG (and SVG); remove the files of note pages."""
    written: list[Path] = []
    for key, stem, _ in P.PAGES:
        page = pages[key]
        for suffix in (".png", ".svg"):
            target = out / f"{stem}{suffix}"
            if page.is_note or (suffix == ".svg" and not svg):
                target.unlink(missing_ok=True)  # stale output of an earlier run
                continue
            written.append(save_figure(page.figure, target, dpi=dpi))
        if not page.is_note:
            # Keep the layout the PNG got: the PDF then skips re-running it.
            page.figure.set_layout_engine("none")
    return written


def _pdf_metadata(
    inputs: Any, title: str, author: str | None, now: datetime
) -> dict[str, Any]:
    from framing._version import __version__

    scored = inputs.card is not None or inputs.scores is not None
    return {
        "Title": title,
        "Author": author or f"framing {__version__}",
        "Subject": "How news outlets frame events: lexicon framing rates by "
        "outlet and voice" + (", outlet-held-out model scores" if scored else ""),
        "Keywords": "framing; media analysis; loaded language; news outlets",
        "Creator": f"framing {__version__} (matplotlib)",
        "CreationDate": now,
    }


def _write_tables(pages: dict[str, P.Page], out: Path) -> list[Path]:
    """Write the numbers behind each chart as CSV; remove stale ones."""
    from framing.tables import write_table

    written: list[Path] = []
    for key, stem, _ in P.PAGES:
        table = pages[key].table
        target = out / f"{stem}.csv"
        if table is None:
            target.unlink(missing_ok=True)
            continue
        written.append(write_table(table, target))
    return written


def _write_pdf(path: Path, figures: Sequence[Figure], metadata: dict[str, Any]) -> Path:
    import matplotlib as mpl
    from matplotlib.backends.backend_pdf import PdfPages

    from framing.report.style import RC

    tmp = path.parent / f".{path.name}.{os.urandom(4).hex()}.tmp"
    try:
        with mpl.rc_context(RC), PdfPages(tmp, metadata=metadata) as pdf:
            for fig in figures:
                pdf.savefig(fig)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
