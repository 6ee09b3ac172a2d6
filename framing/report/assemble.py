"""Assemble the report: every chart as PNG (and SVG) plus one multi-page PDF.

:func:`build_report` takes a corpus and whatever else is at hand (scores, an
outlet table, a model, a distinguishing-terms table), computes what is
missing and can be computed (framing features, the lexicon framing index,
scores from a model), and writes one page per chart in a fixed order. A
chart that cannot be drawn becomes a short note page saying why and how to
get it, never an empty chart. The numbers behind each chart are written
beside it as CSV.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from framing.report import data as D
from framing.report import pages as P
from framing.report.style import save_figure

__all__ = ["build_report"]


def _lexicon_for(lexicon: Any, model: Any) -> Any:
    from framing.lexicon.lexicon import Lexicon
    from framing.lexicon.load import load_lexicon

    if isinstance(lexicon, Lexicon):
        return lexicon
    if lexicon:
        return load_lexicon(lexicon)
    ff = getattr(model, "framing_features", None) if model is not None else None
    if ff is not None and getattr(ff, "lexicon_", None):
        return Lexicon.from_dict(ff.lexicon_)
    return load_lexicon()


def build_report(
    corpus: pd.DataFrame,
    *,
    out_dir: str | Path,
    scores: pd.DataFrame | None = None,
    outlets: pd.DataFrame | None = None,
    model_dir: str | Path | None = None,
    model: Any = None,
    terms: pd.DataFrame | None = None,
    terms_group: str | None = None,
    features: pd.DataFrame | None = None,
    lexicon: Any = None,
    svg: bool = False,
    top_outlets: int | None = 25,
    title: str | None = None,
    author: str | None = None,
    source: str | None = None,
    trust: bool = False,
    n_boot: int = 2000,
    dpi: int = 150,
    log: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write the framing report: PNG per chart, ``report.pdf``, CSV per chart.

    Parameters
    ----------
    corpus : DataFrame
        Canonical corpus (:func:`framing.corpus.read.read_corpus`).
    out_dir : str or Path
        Output folder (created).
    scores : DataFrame, optional
        Per-article scores (:func:`framing.scoring.score.score_documents`); computed
        from the model when absent.
    outlets : DataFrame, optional
        Outlet table (:func:`framing.scoring.aggregate.aggregate_by_outlet`); computed
        from `scores` when absent.
    model_dir : str or Path, optional
        A saved model directory (loaded with :func:`framing.model.storage.load_model`).
    model : FramingModel, optional
        An already loaded model (instead of `model_dir`).
    terms : DataFrame, optional
        A ``framing discover`` table for the distinguishing-terms page.
    terms_group : str, optional
        The group shown with positive z (default: the table's first group).
    features : DataFrame, optional
        :func:`framing.features.transformer.features_frame` of `corpus`; computed when
        absent.
    lexicon : Lexicon or path(s), optional
        Default: the model's lexicon, else the shipped one.
    svg : bool, default=False
        Also write each chart as SVG.
    top_outlets : int or None, default=25
        Outlets shown in the outlet charts (most articles first); ``None``
        or 0 shows all (pages then grow taller than A4).
    title, author, source : str, optional
        Report title, PDF author, and the corpus's name for the title page.
    trust : bool, default=False
        Passed to :func:`framing.model.storage.load_model`.
    n_boot : int, default=2000
        Bootstrap resamples for confidence intervals.
    dpi : int, default=150
        Resolution of the PNGs.
    log : callable, optional
        Receives one line per skipped page.

    Returns
    -------
    list of Path
        The PNG (and SVG) of each chart drawn, then ``report.pdf``, then the
        CSV tables.

    Raises
    ------
    FramingError
        An unreadable model, or a corpus without a text column.
    """
    from framing._version import __version__
    from framing.features.transformer import FramingFeatures, features_frame

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    say = log or (lambda _msg: None)
    if model is None and model_dir is not None:
        from framing.model.storage import load_model

        model = load_model(model_dir, trust=trust)
    lex = _lexicon_for(lexicon, model)
    if features is None:
        features = features_frame(corpus, FramingFeatures(lexicon=lex).fit([]))
    if scores is None and model is not None:
        from framing.scoring.score import score_documents

        scores = score_documents(model, corpus)
    if (
        outlets is None
        and scores is not None
        and any(str(c).startswith("p_") for c in scores.columns)
    ):
        from framing.scoring.aggregate import aggregate_by_outlet

        outlets = aggregate_by_outlet(scores, n_boot=n_boot)
    counts = D.ok_rows(features)["outlet"].value_counts()
    shown, shown_note = D.select_outlets(
        counts, top_outlets if top_outlets and top_outlets > 0 else None
    )
    loaded = list(lex.loaded_categories)

    card = model.card if model is not None else None
    in_sample = P.same_source(card, source)
    pages: dict[str, P.Page] = {}
    pages["scores"] = P.scores_page(
        outlets,
        features,
        loaded,
        shown,
        P.join_notes(
            shown_note,
            "in-sample: the model was trained on these articles" if in_sample else None,
        ),
        n_boot,
    )
    pages["heatmap"] = P.heatmap_page(features, lex, shown, shown_note)
    pages["voice"] = P.voice_page(features, loaded, shown, shown_note)
    pages["evaluation"] = P.evaluation_page(card)
    pages["time"] = P.time_page(features, loaded)
    pages["explanations"] = P.explanations_page(model)
    pages["terms"] = P.terms_page(terms, terms_group)
    for page in pages.values():
        if page.is_note:
            say(f"skipped {P.TITLES[page.key].lower()}: {page.note}")
    summary = D.corpus_summary(corpus, features)
    now = datetime.now(timezone.utc).astimezone()
    name = Path(source).name if source else "corpus"
    report_title = title or f"Framing report: {name}"
    pages = {
        "title": P.title_page(
            report_title,
            summary,
            card,
            lex,
            pages,
            now,
            source,
            __version__,
            scores is not None,
            in_sample,
        ),
        **pages,
    }

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
    metadata = {
        "Title": report_title,
        "Author": author or f"framing {__version__}",
        "Subject": "How news outlets frame events: lexicon framing rates by "
        "outlet and voice"
        + (
            ", outlet-held-out model scores"
            if model is not None or scores is not None
            else ""
        ),
        "Keywords": "framing; media analysis; loaded language; news outlets",
        "Creator": f"framing {__version__} (matplotlib)",
        "CreationDate": now,
    }
    written.append(
        _write_pdf(
            out / "report.pdf", [pages[k].figure for k, _, _ in P.PAGES], metadata
        )
    )
    for key, stem, _ in P.PAGES:
        table = pages[key].table
        target = out / f"{stem}.csv"
        if table is None:
            target.unlink(missing_ok=True)
            continue
        from framing.tables import write_table

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
