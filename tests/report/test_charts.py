"""Tests for the report charts, their data tables and the PDF assembler.

Structure, not pixels: titles, axis labels, numbers of plotted elements,
file headers, page counts, and that no label is cut off or overlaps.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from framing.errors import FramingError
from framing.features.transformer import FramingFeatures, features_frame
from framing.report import data as D
from framing.report.assemble import build_report
from framing.report.evaluation import (
    plot_confusion_matrix,
    plot_f1_comparison,
    plot_model_evaluation,
    plot_reliability,
)
from framing.report.explain import (
    feature_label,
    plot_top_coefficients,
    top_coefficients,
)
from framing.report.outlets import (
    order_by_similarity,
    plot_category_heatmap,
    plot_voice_shares,
)
from framing.report.pages import PAGES
from framing.report.scores import plot_class_scores, plot_outlet_scores
from framing.report.style import (
    rows_height,
    save_figure,
    subtitle_of,
    truncate,
    unique_labels,
)
from framing.report.time import OTHERS, plot_rate_over_time
from framing.report.title import plot_note, plot_title_page
from tests.model_data import DEMO, synth_corpus

pypdf = pytest.importorskip("pypdf")

LONG = "The Extremely Long Name of a Regional Newspaper Group Online Edition"


# -- helpers -------------------------------------------------------------------


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


class FakeModel:
    """What top_coefficients reads from a FramingModel."""

    def __init__(self, classes, coef):
        self.classes = classes
        self.feature_names = np.array(
            ["lex:loaded", "lex:hedges@quoted", "tfidf:the regime", "tfidf:said"],
            dtype=object,
        )
        self.linear = (np.asarray(coef, dtype=float), np.zeros(len(coef)))


# -- style -----------------------------------------------------------------------


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


# -- data ------------------------------------------------------------------------


def test_bootstrap_ci_known_answers():
    assert np.isnan(D.bootstrap_ci(np.array([]))[0])
    assert D.bootstrap_ci(np.array([3.0])) == (3.0, 3.0, 3.0)
    est, lo, hi = D.bootstrap_ci(np.array([1.0, 1.0]), np.array([2.0, 8.0]))
    assert est == pytest.approx(0.2) and lo <= est <= hi
    same = D.bootstrap_ci(np.full(10, 0.5))
    assert same == pytest.approx((0.5, 0.5, 0.5))
    wide = D.bootstrap_ci(np.array([0.0, 1.0] * 5))
    narrow = D.bootstrap_ci(np.array([0.0, 1.0] * 500))
    assert wide[2] - wide[1] > narrow[2] - narrow[1]


def test_select_outlets_note():
    counts = pd.Series({f"o{i}": i for i in range(30)})
    shown, note = D.select_outlets(counts, 25)
    assert shown[0] == "o29" and len(shown) == 25
    assert note == "showing 25 of 30 outlets (by article count)"
    assert D.select_outlets(counts, None)[1] == ""


def test_outlet_index_is_pooled_author_voice_rate():
    table = D.outlet_index_table(features_table(), ["loaded"], n_boot=200)
    row = table.set_index("outlet").loc["Star"]
    # 10 matches per 1,000 tokens in the author's voice; quoted ones excluded
    assert row["mean"] == pytest.approx(10.0) and row["n"] == 4
    assert table.set_index("outlet").loc["Wire", "mean"] == 0.0
    assert set(table["series"]) == {D.INDEX_NAME}


def test_empty_rows_and_missing_outlets_are_handled():
    f = features_table(per_outlet=2)
    f.loc[0, "status"] = "empty"
    f.loc[1, "outlet"] = None
    table = D.outlet_index_table(f, ["loaded"], n_boot=50)
    assert D.UNKNOWN_OUTLET in set(table["outlet"])
    assert table["n"].sum() == 3


def test_voice_table_counts():
    v = D.voice_table(features_table(), ["loaded"])
    # Star: 4 articles x 200 tokens x 10/1000 = 8 own-voice, 4 quoted
    assert v.loc["Star", ["author", "quoted", "total"]].tolist() == [8, 4, 12]
    assert v.loc["Wire", "author_share"] == 0.0


def test_monthly_rates_and_frequency():
    m = D.monthly_rates(features_table(), ["loaded"])
    assert set(m.columns) == {
        "outlet",
        "period",
        "articles",
        "matches",
        "tokens",
        "rate",
    }
    assert m["articles"].sum() == 8 and len(m) == 6
    assert m.loc[m["outlet"] == "Star", "rate"].eq(10.0).all()
    assert D.monthly_rates(features_table(dates=False), ["loaded"]).empty
    dates = pd.Series(pd.to_datetime(["2005-01-01", "2020-01-01"]))
    assert D.time_frequency(dates) == ("Y", "year")
    assert D.time_frequency(dates[:1]) == ("M", "month")


def test_outlet_scores_long_from_scoring_table():
    t = pd.DataFrame(
        {
            "outlet": ["a", "b"],
            "n_articles": [3, 0],
            "p_x_mean": [0.6, np.nan],
            "p_x_lo": [0.5, np.nan],
            "p_x_hi": [0.7, np.nan],
            "share_x": [1.0, np.nan],
        }
    )
    long = D.outlet_scores_long(t)
    assert long["series"].tolist() == ["x", "x"]
    assert long["n"].tolist() == [3, 0]


# -- outlet charts ----------------------------------------------------------------


def test_outlet_scores_structure():
    ax = plot_outlet_scores(
        outlet_table(["a", "b", "c"], series=("x", "y")),
        xlabel="Rate per 1,000 tokens",
        title="Scores",
    )
    assert ax.get_title(loc="left") == "Scores"
    assert ax.get_xlabel() == "Rate per 1,000 tokens"
    assert len(ax.containers) == 2  # one errorbar per series
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b", "c"]
    assert "95% confidence" in subtitle_of(ax)
    assert ax.get_legend() is not None


def test_outlet_scores_many_long_outlets_are_readable():
    names = [f"{LONG} {i}" for i in range(30)]
    ax = plot_outlet_scores(outlet_table(names), subtitle="showing 30 of 180")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 30 and all(len(x) <= 33 for x in labels)
    assert ax.figure.get_size_inches()[1] > 8
    assert_readable(ax.figure)


def test_outlet_scores_one_outlet():
    ax = plot_outlet_scores(outlet_table(["only"]))
    assert len(ax.get_yticks()) == 1
    assert_readable(ax.figure)


def test_class_scores_one_panel_per_class():
    fig = plot_class_scores(outlet_table(["a", "b", "c"], series=("L", "C", "R")))
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_title(loc="left")]
    assert titles == ["L", "C", "R"]
    assert fig.axes[0].get_xlabel() == "Mean probability (0-1)"
    assert_readable(fig)


def test_heatmap_structure_and_clustering():
    m = pd.DataFrame(
        {"c1": [1.0, 9.0, 1.1], "c2": [5.0, 0.0, 5.2]}, index=["a", "b", "c"]
    )
    order = order_by_similarity(m)
    assert abs(order.index("a") - order.index("c")) == 1
    ax = plot_category_heatmap(m, counts=pd.Series({"a": 1, "b": 2, "c": 3}))
    assert len(ax.images) == 1
    assert len([t for t in ax.texts if t.get_gid() != "subtitle"]) == 6
    assert ax.get_xlabel() == "Lexicon category"
    assert "(2)" in " ".join(t.get_text() for t in ax.get_yticklabels())
    colorbar = [a for a in ax.figure.axes if a is not ax][0]
    assert "1,000 tokens" in colorbar.get_ylabel()
    assert_readable(ax.figure)


def test_heatmap_one_outlet():
    ax = plot_category_heatmap(pd.DataFrame({"c1": [1.0]}, index=["a"]))
    assert len(ax.images) == 1


def test_voice_shares_structure():
    v = D.voice_table(features_table(("Wire", "Star", "Mute")), ["loaded"])
    v.loc["Mute", ["author", "quoted", "total"]] = 0
    ax = plot_voice_shares(v)
    assert len(ax.containers) == 2 and len(ax.containers[0]) == 3
    assert ax.get_xlabel() == "Share of loaded-term matches (%)"
    assert any(t.get_text() == "no loaded terms found" for t in ax.texts)
    assert_readable(ax.figure)


# -- evaluation --------------------------------------------------------------------


def test_confusion_matrix_class_without_articles():
    g = EVALUATION["grouped"]["confusion"]
    ax = plot_confusion_matrix(g["matrix"], g["labels"])
    assert ax.get_xlabel() == "Predicted class" and ax.get_ylabel() == "True class"
    texts = [t.get_text() for t in ax.texts]
    assert "75%\n(15)" in texts and "no\narticles" in texts


def test_confusion_matrix_shape_mismatch():
    with pytest.raises(FramingError, match="shape"):
        plot_confusion_matrix([[1, 2]], ["a", "b"])


def test_f1_and_reliability_structure():
    ax = plot_f1_comparison(
        {"a": 0.5, "b": None, "macro": 0.5},
        {"a": 0.9, "b": 0.1, "macro": 0.5},
        support={"a": 3, "b": 0},
    )
    assert len(ax.containers) == 2 and len(ax.containers[0]) == 3
    assert ax.get_ylabel() == "F1 score (0-1)"
    assert any(t.get_text() == "no articles" for t in ax.texts)
    ax = plot_reliability(
        EVALUATION["grouped"]["reliability"], EVALUATION["random"]["reliability"]
    )
    assert len(ax.lines) == 3  # diagonal + two curves
    assert "confidence" in ax.get_xlabel().lower()


def test_model_evaluation_page():
    fig = plot_model_evaluation(EVALUATION)
    titles = [a.get_title(loc="left") for a in fig.axes]
    assert {"Confusion matrix", "F1 by class", "Calibration"} <= set(titles)
    assert "0.60" in fig.get_suptitle()
    assert_readable(fig)
    only_grouped = plot_model_evaluation({"grouped": EVALUATION["grouped"]})
    f1 = [a for a in only_grouped.axes if a.get_title(loc="left") == "F1 by class"][0]
    assert len(f1.containers) == 1


# -- time, explanations, text pages -------------------------------------------------


def test_rate_over_time_structure():
    m = D.monthly_rates(features_table(("a", "b", "c")), ["loaded"])
    ax = plot_rate_over_time(m, max_lines=2)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(labels) == 3 and labels[-1].startswith(OTHERS)
    assert "1,000 tokens" in ax.get_ylabel()
    counts = ax.figure.axes[1]
    assert counts.get_ylabel() == "Articles per month"
    assert len(counts.patches) == 3 * 3  # outlets x periods
    assert_readable(ax.figure)


def test_rate_over_time_single_period_on_given_axes():
    m = D.monthly_rates(features_table(("a",), per_outlet=1), ["loaded"])
    fig = Figure()
    ax = plot_rate_over_time(m, ax=fig.add_subplot())
    assert len(fig.axes) == 1 and ax.get_xlim()[0] < ax.get_xlim()[1]


@pytest.mark.parametrize(
    "classes,coef",
    [
        (["a", "b"], [[1.0, -0.5, 2.0, -1.0]]),
        (["a", "b", "c"], [[1.0, 0, 2, 0], [0, 1, 0, 1], [-1, -1, -1, -1]]),
    ],
)
def test_top_coefficients_and_chart(classes, coef):
    table = top_coefficients(FakeModel(classes, coef), k=5)
    assert set(table["class"]) <= set(classes)
    assert (table["weight"] > 0).all()
    if len(classes) == 2:  # the first class gets the negated coefficients
        assert set(table.loc[table["class"] == "a", "feature"]) == {
            "lex:hedges@quoted",
            "tfidf:said",
        }
    fig = plot_top_coefficients(table)
    assert len(fig.axes) == len(set(table["class"])) * 2
    assert fig.axes[0].get_xlabel() == "Coefficient per SD of the rate"


def test_feature_labels():
    assert feature_label("lex:n_tokens") == "article length (tokens)"
    assert feature_label("tfidf:" + "x" * 80).endswith("…”")


def test_title_and_note_pages():
    fig = plot_title_page(
        "Report",
        subtitle="today",
        sections=[("Corpus", [("Articles", "3")])],
        contents=[("2", "Scores")],
    )
    texts = [t.get_text() for t in fig.texts]
    assert texts[0] == "Report" and "Articles" in texts and "Contents" in texts
    note = plot_note("Model evaluation", "no model was given.", hint="--model")
    assert any("no model was given" in t.get_text() for t in note.texts)


# -- the assembled report ------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_corpus():
    from framing.corpus.read import read_corpus

    return read_corpus(DEMO / "demo" / "articles.jsonl")


def _pages(pdf):
    return len(pypdf.PdfReader(str(pdf)).pages)


def test_build_report_without_model(tmp_path, demo_corpus):
    skipped = []
    paths = build_report(
        demo_corpus,
        out_dir=tmp_path,
        source="demo.jsonl",
        n_boot=100,
        dpi=40,
        log=skipped.append,
    )
    pdf = tmp_path / "report.pdf"
    assert pdf in paths and pdf.read_bytes().startswith(b"%PDF")
    assert _pages(pdf) == len(PAGES) == 8
    meta = pypdf.PdfReader(str(pdf)).metadata
    assert meta.title == "Framing report: demo.jsonl"
    assert meta.author.startswith("framing") and "framing" in meta.subject.lower()
    pngs = sorted(p.name for p in paths if p.suffix == ".png")
    assert pngs == [
        "01-title.png",
        "02-outlet-scores.png",
        "03-category-heatmap.png",
        "04-voice.png",
        "06-over-time.png",
    ]
    assert all(
        p.read_bytes().startswith(b"\x89PNG") for p in paths if p.suffix == ".png"
    )
    assert len(skipped) == 3 and any("no model" in s for s in skipped)
    scores = pd.read_csv(tmp_path / "02-outlet-scores.csv")
    assert set(scores["series"]) == {D.INDEX_NAME} and len(scores) == 6
    text = pypdf.PdfReader(str(pdf)).pages[1].extract_text()
    assert "lexicon framing index" in text


def test_build_report_top_outlets_and_svg(tmp_path, demo_corpus):
    paths = build_report(
        demo_corpus, out_dir=tmp_path, top_outlets=3, svg=True, n_boot=50, dpi=40
    )
    assert (tmp_path / "02-outlet-scores.svg") in paths
    assert len(pd.read_csv(tmp_path / "04-voice.csv")) == 3
    text = pypdf.PdfReader(str(tmp_path / "report.pdf")).pages[1].extract_text()
    assert "showing 3 of 6 outlets" in text


def test_build_report_degrades_one_outlet_no_dates(tmp_path):
    corpus = pd.DataFrame(
        {
            "id": ["1", "2"],
            "outlet": ["Solo", "Solo"],
            "date": [pd.NaT, pd.NaT],
            "title": ["", ""],
            "text": [
                "The so-called regime's thugs fled.",
                "Officials said the talks went on.",
            ],
        }
    )
    skipped = []
    paths = build_report(
        corpus, out_dir=tmp_path, n_boot=50, dpi=40, log=skipped.append
    )
    assert _pages(tmp_path / "report.pdf") == 8
    assert not (tmp_path / "06-over-time.png").exists()
    assert any("no dates" in s for s in skipped)
    assert (tmp_path / "02-outlet-scores.png") in paths


def test_build_report_removes_stale_charts(tmp_path, demo_corpus):
    (tmp_path / "05-model-evaluation.png").write_bytes(b"old")
    build_report(demo_corpus.head(12), out_dir=tmp_path, n_boot=50, dpi=40)
    assert not (tmp_path / "05-model-evaluation.png").exists()


def test_build_report_with_scores_and_class_without_articles(tmp_path, demo_corpus):
    ff = FramingFeatures().fit([])
    features = features_frame(demo_corpus, ff)
    scores = features[["id", "outlet", "status"]].copy()
    scores["predicted"] = "A"
    scores["p_A"] = 0.7
    scores["p_B"] = 0.3
    scores["p_empty"] = 0.0  # a class no article is predicted as
    build_report(
        demo_corpus,
        out_dir=tmp_path,
        scores=scores,
        features=features,
        n_boot=50,
        dpi=40,
    )
    table = pd.read_csv(tmp_path / "02-outlet-scores.csv")
    assert set(table["series"]) == {"A", "B", "empty"}


def test_build_report_terms_page(tmp_path, demo_corpus):
    terms = pd.DataFrame(
        {
            "term": ["regime", "army", "said"],
            "group": "B",
            "versus": "rest",
            "z": [6.8, -2.5, 0.3],
            "count_group": [59, 3, 40],
            "count_rest": [14, 30, 90],
        }
    )
    paths = build_report(demo_corpus, out_dir=tmp_path, terms=terms, n_boot=50, dpi=40)
    assert (tmp_path / "08-distinguishing-terms.png") in paths
    bad = build_report(
        demo_corpus,
        out_dir=tmp_path / "bad",
        n_boot=50,
        dpi=40,
        terms=pd.DataFrame({"term": ["x"]}),
    )
    assert not any(p.name.startswith("08-") for p in bad)


@pytest.fixture(scope="module")
def small_model():
    from framing.model.train import train

    corpus = synth_corpus(labels="ABC", per_outlet=4)
    return corpus, train(corpus, min_df=1, n_splits=3)


def test_build_report_with_model(tmp_path, small_model):
    corpus, model = small_model
    paths = build_report(corpus, out_dir=tmp_path, model=model, n_boot=50, dpi=40)
    names = {p.name for p in paths}
    assert {
        "05-model-evaluation.png",
        "07-explanations.png",
        "02-outlet-scores.png",
    } <= names
    assert _pages(tmp_path / "report.pdf") == 8
    title = pypdf.PdfReader(str(tmp_path / "report.pdf")).pages[0].extract_text()
    assert "Macro-F1" in title and "optimistic" in title
    explain = pd.read_csv(tmp_path / "07-explanations.csv")
    assert set(explain["class"]) == {"A", "B", "C"}


def test_build_report_many_outlets_readable(tmp_path):
    corpus = synth_corpus(labels="AB", outlets_per_label=20, per_outlet=2)
    corpus["outlet"] = [f"{LONG} {o}" for o in corpus["outlet"]]
    paths = build_report(corpus, out_dir=tmp_path, n_boot=50, dpi=40, top_outlets=25)
    assert (tmp_path / "03-category-heatmap.png") in paths
    text = pypdf.PdfReader(str(tmp_path / "report.pdf")).pages[1].extract_text()
    assert "showing 25 of 40 outlets" in text


@pytest.mark.shared
def test_report_on_abp_valid_outlets(tmp_path, shared_dir):
    from framing.corpus.read import read_corpus

    corpus = read_corpus(shared_dir / "data" / "abp" / "valid.jsonl.gz").head(400)
    paths = build_report(corpus, out_dir=tmp_path, n_boot=50, dpi=40)
    assert _pages(tmp_path / "report.pdf") == 8
    assert len(paths) >= 6


@pytest.mark.parametrize(
    "name",
    ["framing.report.style", "framing.report.data", "framing.report.explain"],
)
def test_docstring_examples(name):
    import doctest
    import importlib

    result = doctest.testmod(
        importlib.import_module(name), optionflags=doctest.ELLIPSIS
    )
    assert result.failed == 0


def test_build_report_corpus_without_text_has_no_empty_charts(tmp_path):
    corpus = pd.DataFrame({"text": ["", "  "], "date": ["2020-01-01", "2020-02-01"]})
    skipped = []
    paths = build_report(corpus, out_dir=tmp_path, dpi=40, log=skipped.append)
    assert [p.name for p in paths] == ["01-title.png", "report.pdf"]
    assert _pages(tmp_path / "report.pdf") == 8
    assert sum("no article of the corpus has any text" in s for s in skipped) == 3
