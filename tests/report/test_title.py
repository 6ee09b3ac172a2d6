"""Tests for framing.report.title: the title page and note pages."""

from __future__ import annotations

from framing.report.title import plot_note, plot_title_page


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
