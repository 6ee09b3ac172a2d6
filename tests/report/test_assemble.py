"""Tests for framing.report.assemble: the PNG, CSV and PDF files of a report.

Each test computes the inputs with
:func:`framing.scoring.report_inputs.collect_report_inputs`, as the command
line and the demo do, then draws them with :func:`build_report`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from framing.features.transformer import FramingFeatures, features_frame
from framing.report import data as D
from framing.report.assemble import build_report
from framing.report.pages import PAGES
from framing.scoring.report_inputs import collect_report_inputs
from tests.model_data import DEMO, synth_corpus
from tests.report.helpers import LONG

pypdf = pytest.importorskip("pypdf")


def report(corpus: pd.DataFrame, out_dir: Any, **kw: Any) -> list:
    """Collect the inputs of `corpus` and draw them, as ``framing report`` does."""
    collect = {
        k: kw.pop(k)
        for k in ("model", "scores", "features", "terms", "source")
        if k in kw
    }
    inputs = collect_report_inputs(corpus, n_boot=kw.get("n_boot", 2000), **collect)
    return build_report(inputs, out_dir=out_dir, **kw)


@pytest.fixture(scope="module")
def demo_corpus():
    from framing.corpus.read import read_corpus

    return read_corpus(DEMO / "demo" / "articles.jsonl")


def _pages(pdf):
    return len(pypdf.PdfReader(str(pdf)).pages)


def test_build_report_without_model(tmp_path, demo_corpus):
    skipped = []
    paths = report(
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
    paths = report(
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
    paths = report(corpus, out_dir=tmp_path, n_boot=50, dpi=40, log=skipped.append)
    assert _pages(tmp_path / "report.pdf") == 8
    assert not (tmp_path / "06-over-time.png").exists()
    assert any("no dates" in s for s in skipped)
    assert (tmp_path / "02-outlet-scores.png") in paths


def test_build_report_removes_stale_charts(tmp_path, demo_corpus):
    (tmp_path / "05-model-evaluation.png").write_bytes(b"old")
    report(demo_corpus.head(12), out_dir=tmp_path, n_boot=50, dpi=40)
    assert not (tmp_path / "05-model-evaluation.png").exists()


def test_build_report_with_scores_and_class_without_articles(tmp_path, demo_corpus):
    ff = FramingFeatures().fit([])
    features = features_frame(demo_corpus, ff)
    scores = features[["id", "outlet", "status"]].copy()
    scores["predicted"] = "A"
    scores["p_A"] = 0.7
    scores["p_B"] = 0.3
    scores["p_empty"] = 0.0  # a class no article is predicted as
    report(
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
    paths = report(demo_corpus, out_dir=tmp_path, terms=terms, n_boot=50, dpi=40)
    assert (tmp_path / "08-distinguishing-terms.png") in paths
    bad = report(
        demo_corpus,
        out_dir=tmp_path / "bad",
        n_boot=50,
        dpi=40,
        terms=pd.DataFrame({"term": ["x"]}),
    )
    assert not any(p.name.startswith("08-") for p in bad)


@pytest.fixture(scope="module")
def small_model():
    from framing.model.training import train

    corpus = synth_corpus(labels="ABC", per_outlet=4)
    return corpus, train(corpus, min_df=1, n_splits=3)


def test_build_report_with_model(tmp_path, small_model):
    corpus, model = small_model
    paths = report(corpus, out_dir=tmp_path, model=model, n_boot=50, dpi=40)
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
    paths = report(corpus, out_dir=tmp_path, n_boot=50, dpi=40, top_outlets=25)
    assert (tmp_path / "03-category-heatmap.png") in paths
    text = pypdf.PdfReader(str(tmp_path / "report.pdf")).pages[1].extract_text()
    assert "showing 25 of 40 outlets" in text


@pytest.mark.shared
def test_report_on_abp_valid_outlets(tmp_path, shared_dir):
    from framing.corpus.read import read_corpus

    corpus = read_corpus(shared_dir / "data" / "abp" / "valid.jsonl.gz").head(400)
    paths = report(corpus, out_dir=tmp_path, n_boot=50, dpi=40)
    assert _pages(tmp_path / "report.pdf") == 8
    assert len(paths) >= 6


def test_build_report_corpus_without_text_has_no_empty_charts(tmp_path):
    corpus = pd.DataFrame({"text": ["", "  "], "date": ["2020-01-01", "2020-02-01"]})
    skipped = []
    paths = report(corpus, out_dir=tmp_path, dpi=40, log=skipped.append)
    assert [p.name for p in paths] == ["01-title.png", "report.pdf"]
    assert _pages(tmp_path / "report.pdf") == 8
    assert sum("no article of the corpus has any text" in s for s in skipped) == 3
