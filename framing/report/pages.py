"""The report's pages: one builder per page, from data to a figure or a note.

Each builder takes the tables :mod:`framing.report.data` makes (and the
model card, terms table...) and returns a :class:`Page`: the chart, or a
short note page saying why it is missing and how to get it. The numbers
behind a chart ride along as ``Page.table``. :mod:`framing.report.assemble`
orders the pages and writes the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from framing.errors import FramingError
from framing.report import data as D
from framing.report.style import join_notes

__all__ = [
    "PAGES",
    "Page",
    "evaluation_page",
    "explanations_page",
    "heatmap_page",
    "note_page",
    "same_source",
    "scores_page",
    "terms_page",
    "time_page",
    "title_page",
    "voice_page",
]

#: Page keys, file stems and titles, in report order.
PAGES: tuple[tuple[str, str, str], ...] = (
    ("title", "01-title", "Title page"),
    ("scores", "02-outlet-scores", "Outlet framing scores"),
    ("heatmap", "03-category-heatmap", "Framing categories by outlet"),
    ("voice", "04-voice", "Own voice vs quotations"),
    ("evaluation", "05-model-evaluation", "Model evaluation"),
    ("time", "06-over-time", "Loaded language over time"),
    ("explanations", "07-explanations", "Top explanations"),
    ("terms", "08-distinguishing-terms", "Distinguishing terms"),
)
TITLES = {k: t for k, _, t in PAGES}
NO_TEXT = "no article of the corpus has any text."


@dataclass
class Page:
    """One report page: a chart, or a note standing in for it."""

    key: str
    figure: Figure
    note: str = ""
    table: pd.DataFrame | None = None

    @property
    def is_note(self) -> bool:
        """Whether the page is a note instead of a chart."""
        return bool(self.note)


def note_page(key: str, message: str, hint: str = "") -> Page:
    """Return the note page standing in for chart ``key``."""
    from framing.report.title import plot_note

    return Page(key, plot_note(TITLES[key], message, hint=hint), note=message)


def scores_page(
    outlets: pd.DataFrame | None,
    features: pd.DataFrame,
    loaded: list[str],
    shown: list[str],
    note: str,
    n_boot: int,
) -> Page:
    """Return the outlet scores page: class probabilities, else the lexicon index."""
    from framing.report.scores import plot_class_scores, plot_outlet_scores

    long = D.outlet_scores_long(outlets) if outlets is not None else None
    if long is not None and len(long):
        long = long[long["outlet"].isin(shown)]
        fig = plot_class_scores(
            long, title="Outlet framing scores: the model's view", subtitle=note or None
        )
        return Page("scores", fig, table=long)
    if not loaded:
        return note_page(
            "scores",
            "the lexicon has no loaded categories and no model "
            "was given, so there is no framing score to show.",
            "framing report --model MODEL_DIR ... (or mark categories "
            "loaded = true in your lexicon)",
        )
    table = D.outlet_index_table(features, loaded, n_boot=n_boot)
    table = table[table["outlet"].isin(shown)]
    hi = float(table["ci_high"].max()) if len(table) else 1.0
    if table.empty:
        return note_page("scores", NO_TEXT, "Check the text column (--text-col).")
    ax = plot_outlet_scores(
        table,
        xlabel="Loaded-term matches per 1,000 tokens (author voice)",
        title="Outlet framing scores: lexicon framing index",
        subtitle=join_notes(
            note,
            "no model given: the rate of the lexicon's loaded "
            "categories outside quotations, pooled over the outlet's "
            "articles",
        ),
        xlim=(0, max(hi, 1e-9) * 1.05),
    )
    return Page("scores", ax.figure, table=table)


def heatmap_page(features: pd.DataFrame, lex: Any, shown: list[str], note: str) -> Page:
    """Return the page of outlet x category heatmap of author-voice rates."""
    from framing.report.outlets import plot_category_heatmap

    cats = [c for c in (*lex.category_names, "scare_quotes") if c in features.columns]
    matrix, counts = D.category_rate_matrix(features, cats)
    matrix = matrix.loc[[o for o in shown if o in matrix.index]]
    empty = [c for c in matrix.columns if not (matrix[c].fillna(0) > 0).any()]
    if len(empty) == len(matrix.columns) or matrix.empty:
        return note_page(
            "heatmap",
            "no lexicon term was found in the corpus.",
            "Check the text column (--text-col) and the lexicon.",
        )
    matrix = matrix.drop(columns=empty)
    dropped = (
        (
            f"{len(empty)} categor{'y' if len(empty) == 1 else 'ies'} without "
            "matches left out"
        )
        if empty
        else None
    )
    ax = plot_category_heatmap(
        matrix, counts=counts, subtitle=join_notes(note, dropped)
    )
    return Page("heatmap", ax.figure, table=matrix.reset_index())


def voice_page(
    features: pd.DataFrame, loaded: list[str], shown: list[str], note: str
) -> Page:
    """Return the page of loaded terms in the outlet's own voice vs in quotes."""
    from framing.report.outlets import plot_voice_shares

    if not loaded:
        return note_page(
            "voice",
            "the lexicon has no loaded categories.",
            "Mark categories with loaded = true in the lexicon TOML.",
        )
    table = D.voice_table(features, loaded)
    table = table.loc[[o for o in shown if o in table.index]]
    if table.empty:
        return note_page("voice", NO_TEXT, "Check the text column (--text-col).")
    ax = plot_voice_shares(table, subtitle=note or None)
    return Page("voice", ax.figure, table=table.reset_index())


def evaluation_page(card: dict[str, Any] | None) -> Page:
    """Return the page of the model card's cross-validation metrics."""
    from framing.report.evaluation import plot_model_evaluation

    if card is None:
        return note_page(
            "evaluation",
            "no model was given.",
            "framing train CORPUS -o MODEL_DIR; framing report --model MODEL_DIR ...",
        )
    ev = card.get("evaluation")
    if not ev or not ev.get("grouped"):
        return note_page(
            "evaluation",
            "the model was trained without cross-validation.",
            "Retrain without --no-eval.",
        )
    return Page("evaluation", plot_model_evaluation(ev))


def time_page(features: pd.DataFrame, loaded: list[str]) -> Page:
    """Return the page of the loaded-term rate per outlet over time."""
    from framing.report.time import plot_rate_over_time

    if (
        "date" not in features.columns
        or pd.to_datetime(features["date"], errors="coerce").isna().all()
    ):
        return note_page(
            "time", "the corpus has no dates.", "Give the date column with --date-col."
        )
    if not loaded:
        return note_page("time", "the lexicon has no loaded categories.")
    freq, unit = D.time_frequency(features["date"])
    table = D.monthly_rates(features, loaded, freq=freq)
    if table.empty:
        return note_page("time", NO_TEXT, "Check the text column (--text-col).")
    ax = plot_rate_over_time(
        table, unit=unit, title=f"Loaded language over time ({unit}ly)"
    )
    return Page("time", ax.figure, table=table)


def explanations_page(
    coefficients: pd.DataFrame | None, note: str = "", *, has_model: bool = True
) -> Page:
    """Return the page of the model's strongest coefficients per class.

    `coefficients` is :func:`framing.scoring.report_inputs.top_coefficients`;
    `note` says why a given model has none.
    """
    from framing.report.explain import label_coefficients, plot_top_coefficients

    if not has_model:
        return note_page(
            "explanations",
            "no model was given.",
            "framing report --model MODEL_DIR ...",
        )
    if coefficients is None:
        return note_page("explanations", note)
    if coefficients.empty:
        return note_page("explanations", "no feature has a positive coefficient.")
    table = label_coefficients(coefficients)
    return Page("explanations", plot_top_coefficients(table), table=table)


def terms_page(terms: pd.DataFrame | None, group: str | None) -> Page:
    """Return the page of distinguishing terms (framing discover)."""
    if terms is None:
        return note_page(
            "terms",
            "no distinguishing-terms table was given.",
            "framing discover CORPUS -o terms.csv; framing report "
            "--terms terms.csv ...",
        )
    from framing.report.terms import plot_fightin_words

    groups = (
        list(dict.fromkeys(terms["group"].astype(str)))
        if "group" in terms.columns
        else []
    )
    shown = str(group) if group is not None else (groups[0] if groups else "")
    versus = set()
    if "versus" in terms.columns and "group" in terms.columns:
        versus = set(
            terms.loc[terms["group"].astype(str) == shown, "versus"].astype(str)
        )
    others = [g for g in groups if g != shown and g not in versus]
    subtitle = None
    if others:
        listed = ", ".join(others[:8]) + (" ..." if len(others) > 8 else "")
        subtitle = (
            "Log-odds ratio with an informative Dirichlet prior (Monroe, "
            "Colaresi & Quinn 2008); dashed lines: |z| = 1.96. Other "
            f"groups in the table: {listed} (choose with --group)"
        )
    try:
        ax = plot_fightin_words(terms, group=group, subtitle=subtitle)
    except FramingError as exc:
        return note_page("terms", f"the terms table cannot be drawn: {exc}")
    return Page("terms", ax.figure)


def title_page(
    title: str,
    summary: dict[str, Any],
    card: dict[str, Any] | None,
    lex: Any,
    pages: dict[str, Page],
    now: datetime,
    source: str | None,
    version: str,
    has_scores: bool,
    in_sample: bool,
) -> Page:
    """Return the title page: corpus, model, lexicon, contents."""
    from framing.report.title import plot_title_page

    corpus_rows = _corpus_rows(summary, source)
    if card is not None:
        model_rows = _model_rows(card, lex, in_sample)
    else:
        model_rows = [
            (
                "Model",
                "none given"
                + (
                    "; outlet scores from the given scores table"
                    if has_scores
                    else "; outlet scores use the lexicon framing index "
                    "(loaded-language rate in the outlet's own voice)"
                ),
            )
        ]
    lexicon_rows = _lexicon_rows(lex)
    contents = []
    for n, (key, _, name) in enumerate(PAGES[1:], start=2):
        page = pages[key]
        contents.append((str(n), name + (" (not available)" if page.is_note else "")))
    fig = plot_title_page(
        title,
        subtitle=f"Generated {now:%Y-%m-%d %H:%M %Z} by framing {version}",
        sections=[
            ("Corpus", corpus_rows),
            ("Model", model_rows),
            ("Lexicon", lexicon_rows),
        ],
        contents=contents,
        footer="Rates are lexicon matches per 1,000 tokens. Author voice: "
        "outside quotations; quoted: inside them. Confidence intervals "
        "are 95% percentile bootstraps over articles. Outlet charts show "
        "the outlets with most articles.",
    )
    return Page("title", fig)


def _corpus_rows(summary: dict[str, Any], source: str | None) -> list[tuple[str, str]]:
    def date(x: Any) -> str:
        return x.date().isoformat() if x is not None else "n/a"

    return [
        ("Source", source or "(in memory)"),
        (
            "Articles",
            f"{summary['articles']:,}"
            + (f" ({summary['empty']:,} empty, left out)" if summary["empty"] else ""),
        ),
        ("Outlets", f"{summary['outlets']:,}"),
        (
            "Dates",
            f"{date(summary['date_min'])} to {date(summary['date_max'])}"
            if summary["date_min"] is not None
            else "none",
        ),
        (
            "Tokens",
            f"{summary['tokens']:,}" if summary["tokens"] is not None else "n/a",
        ),
    ]


def _lexicon_rows(lex: Any) -> list[tuple[str, str]]:
    n_loaded = len(lex.loaded_categories)
    return [
        ("Name", f"{lex.name} (version {lex.version})"),
        ("Digest", lex.digest),
        ("Categories", f"{len(lex.category_names)}, of which {n_loaded} loaded"),
        (
            "Loaded",
            ", ".join(c.replace("_", " ") for c in lex.loaded_categories) or "none",
        ),
    ]


_FEATURES = {
    "both": "lexicon category rates + TF-IDF word n-grams",
    "lexicon": "lexicon category rates",
    "text": "TF-IDF word n-grams",
}
_CLASSIFIERS = {"logreg": "logistic regression", "svm": "linear SVM (calibrated)"}


def _model_rows(
    card: dict[str, Any], lex: Any, in_sample: bool
) -> list[tuple[str, str]]:
    s, t = card.get("settings", {}), card.get("training", {})
    ev = card.get("evaluation") or {}
    g, r = ev.get("grouped") or {}, ev.get("random") or {}
    src = card.get("label_source") or {}
    where = (
        f"per outlet, from {src['outlet_table']}"
        if src.get("outlet_table")
        else f"column {src['column']}"
        if src.get("column")
        else ""
    )
    rows = [
        (
            "Labels",
            ", ".join(map(str, card.get("labels", [])))
            + (f" ({where})" if where else ""),
        ),
        (
            "Features",
            f"{_FEATURES.get(s.get('features'), s.get('features'))}; "
            f"{_CLASSIFIERS.get(s.get('classifier'), s.get('classifier'))}",
        ),
        (
            "Trained on",
            f"{t['articles']:,} articles, {t.get('outlets', '?')} outlets"
            if isinstance(t.get("articles"), int)
            else "?",
        ),
        (
            "Macro-F1",
            f"{_f(g.get('macro_f1'))} with outlets held out; "
            f"{g.get('cv', 'grouped cross-validation')}"
            if g
            else "not evaluated",
        ),
    ]
    if r:
        rows.append(
            (
                "Random split",
                f"macro-F1 {_f(r.get('macro_f1'))}: "
                "optimistic, outlets seen in training",
            )
        )
    digest = (card.get("lexicon") or {}).get("digest")
    if digest and digest != lex.digest:
        rows.append(
            ("Warning", f"the model's lexicon ({digest}) differs from the report's")
        )
    if in_sample:
        rows.append(
            (
                "Note",
                "the model was trained on this corpus: its scores "
                "here are in-sample and flatter it",
            )
        )
    return rows


def same_source(card: dict[str, Any] | None, source: str | None) -> bool:
    """Whether the model was trained on the report's corpus file."""
    trained = ((card or {}).get("training") or {}).get("source")
    if not trained or not source:
        return False
    try:
        return Path(trained).resolve() == Path(source).resolve()
    except OSError:  # pragma: no cover - unresolvable path
        return str(trained) == str(source)


def _f(value: Any) -> str:
    return f"{value:.2f}" if isinstance(value, (int, float)) else "n/a"
