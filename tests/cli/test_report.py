"""CLI tests for ``framing report``, including train -> score -> report."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from framing.cli._group import cli
from tests.model_data import synth_corpus, write_corpus

pypdf = pytest.importorskip("pypdf")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(
        synth_corpus(labels="ABC", per_outlet=4),
        tmp_path_factory.mktemp("c") / "news.jsonl",
    )


def _pages(path) -> int:
    return len(pypdf.PdfReader(str(path)).pages)


def test_report_corpus_only(runner, corpus, tmp_path):
    out = tmp_path / "reports" / "news"
    result = runner.invoke(
        cli, ["report", "--corpus", str(corpus), "-o", str(out), "--top-outlets", "5"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == str(out / "report.pdf")
    assert str(out / "02-outlet-scores.png") in lines
    assert (out / "report.pdf").read_bytes().startswith(b"%PDF")
    assert _pages(out / "report.pdf") == 8
    assert "skipped model evaluation: no model was given" in result.stderr
    meta = pypdf.PdfReader(str(out / "report.pdf")).metadata
    assert meta.title == "Framing report: news.jsonl"


def test_report_quiet_title_author(runner, corpus, tmp_path):
    result = runner.invoke(
        cli,
        [
            "report",
            "--corpus",
            str(corpus),
            "-o",
            str(tmp_path),
            "-q",
            "--title",
            "Bias study",
            "--author",
            "A. Researcher",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    meta = pypdf.PdfReader(str(tmp_path / "report.pdf")).metadata
    assert (meta.title, meta.author) == ("Bias study", "A. Researcher")


def test_report_end_to_end(runner, corpus, tmp_path):
    model = tmp_path / "model"
    result = runner.invoke(
        cli, ["train", str(corpus), "-o", str(model), "--min-df", "1", "--folds", "3"]
    )
    assert result.exit_code == 0, result.output
    scores, outlets = tmp_path / "scores.csv", tmp_path / "outlets.csv"
    result = runner.invoke(
        cli,
        [
            "score",
            str(model),
            str(corpus),
            "-o",
            str(scores),
            "--by",
            "outlet",
            "-O",
            str(outlets),
        ],
    )
    assert result.exit_code == 0, result.output
    terms = tmp_path / "terms.csv"
    result = runner.invoke(
        cli,
        [
            "discover",
            str(corpus),
            "--by",
            "label",
            "--vs",
            "A",
            "B",
            "-o",
            str(terms),
            "--min-count",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    out = tmp_path / "report"
    result = runner.invoke(
        cli,
        [
            "report",
            "--corpus",
            str(corpus),
            "--model",
            str(model),
            "--scores",
            str(scores),
            "--outlets",
            str(outlets),
            "--terms",
            str(terms),
            "-o",
            str(out),
            "--svg",
        ],
    )
    assert result.exit_code == 0, result.output
    for stem in (
        "01-title",
        "02-outlet-scores",
        "03-category-heatmap",
        "04-voice",
        "05-model-evaluation",
        "06-over-time",
        "07-explanations",
        "08-distinguishing-terms",
    ):
        assert (out / f"{stem}.png").read_bytes().startswith(b"\x89PNG"), stem
        assert (out / f"{stem}.svg").is_file(), stem
    assert _pages(out / "report.pdf") == 8
    reader = pypdf.PdfReader(str(out / "report.pdf"))
    assert "Macro-F1" in reader.pages[0].extract_text()
    assert "skipped" not in result.stderr


def test_report_missing_corpus_is_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["report", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "--corpus" in result.stderr


def test_report_bad_model_dir(runner, corpus, tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(
        cli,
        [
            "report",
            "--corpus",
            str(corpus),
            "--model",
            str(tmp_path / "empty"),
            "-o",
            str(tmp_path / "r"),
        ],
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "not a framing model" in result.stderr


def test_report_bad_table_suffix(runner, corpus, tmp_path):
    bad = tmp_path / "scores.txt"
    bad.write_text("x\n", encoding="utf-8")
    result = runner.invoke(
        cli,
        [
            "report",
            "--corpus",
            str(corpus),
            "--scores",
            str(bad),
            "-o",
            str(tmp_path / "r"),
        ],
    )
    assert result.exit_code == 1
    assert "cannot read the scores table: unknown format '.txt'" in result.stderr
