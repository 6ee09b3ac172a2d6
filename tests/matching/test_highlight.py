"""Tests for framing.matching.highlight: ANSI, HTML and JSON renderings."""

from __future__ import annotations

import html
import json
import re

import pytest

from framing.columns import Match
from framing.matching.highlight import (
    category_colors,
    render_ansi,
    render_html,
    render_json,
)
from framing.quotes.voice import QuoteSpan, find_quotes
from tests.conftest import TOY_CATEGORIES

TEXT = (
    "<script>alert(1)</script> The so-called regime said "
    '"the terrorists & Takfiri militants lost" while the "moderate" rebels '
    "fled the war."
)


@pytest.fixture(scope="module")
def page(toy_matcher):
    matches = toy_matcher.find(TEXT)
    return matches, render_html(
        TEXT,
        matches,
        toy_matcher.categories,
        quotes=find_quotes(TEXT),
        title="Test <page>",
        descriptions={"labels": 'Labels "for" <groups>'},
    )


def text_div(doc):
    return re.search(r'<div class="text">(.*)</div><table>', doc, re.S).group(1)


def strip_tags(fragment):
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


# ------------------------------------------------------------------ colours
def test_category_colors():
    colors = category_colors(list(TOY_CATEGORIES))
    assert list(colors) == list(TOY_CATEGORIES)
    assert len(set(colors.values())) == len(TOY_CATEGORIES)
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in colors.values())
    many = category_colors([f"c{i}" for i in range(20)])
    assert many["c0"] == many["c16"]  # the palette cycles
    assert len(set(many.values())) == 16


# --------------------------------------------------------------------- HTML
def test_html_is_balanced(page):
    _, doc = page
    assert doc.startswith("<!DOCTYPE html>")
    assert doc.rstrip().endswith("</html>")
    assert doc.count("<mark") == doc.count("</mark>") > 0
    assert doc.count("<span") == doc.count("</span>") > 0
    for tag in ("html", "head", "body", "table", "title", "style", "h1"):
        assert doc.count(f"<{tag}") == doc.count(f"</{tag}>") == 1, tag


def test_html_escapes_text(page):
    _, doc = page
    assert "<script>" not in doc
    assert "&lt;script&gt;" in doc
    assert "&amp;" in doc
    assert "<title>Test &lt;page&gt;</title>" in doc


def test_html_text_survives_markup(page):
    _, doc = page
    assert strip_tags(text_div(doc)) == TEXT


def test_html_marks_carry_category_and_voice(page):
    matches, doc = page
    body = text_div(doc)
    marks = re.findall(r'<mark class="(\w+)"[^>]*title="([^"]*)">([^<]*)</mark>', body)
    lexical = [m for m in matches if m.category != "scare_quotes"]
    assert len(marks) == len(lexical)
    for (cls, title, inner), m in zip(marks, lexical, strict=True):
        assert inner == html.escape(TEXT[m.start : m.end], quote=False)
        assert cls == ("quoted" if m.voice == "quoted" else "author")
        assert title == html.escape(f"{m.category}: {m.term} ({m.voice} voice)")
    classes = {cls for cls, _, _ in marks}
    assert classes == {"quoted", "author"}
    assert 'title="labels: terrorist (quoted voice)"' in body
    assert 'title="delegit: so-called (author voice)"' in body


def test_html_quotes_and_scare_quotes(page):
    _, doc = page
    body = text_div(doc)
    assert body.count('<span class="quote">') == 2
    assert (
        '<span class="scare" title="scare quotes: moderate">&quot;moderate&quot;</span>'
        in body
    )


def test_html_legend_and_counts(page):
    _, doc = page
    legend = re.search(r"<div class=legend>(.*?)</div>", doc, re.S).group(1)
    assert ">labels</mark>" in legend
    assert ">delegit</mark>" in legend
    assert ">agency</mark>" not in legend  # no agency match
    assert 'title="Labels &quot;for&quot; &lt;groups&gt;"' in legend
    assert "quoted voice" in legend and "scare quotes" in legend
    # labels: regime, war (author); terrorists, Takfiri, militants (quoted)
    assert "<tr><td>labels</td><td class=n>2</td><td class=n>3</td></tr>" in doc


def test_html_drops_straddling_spans():
    text = "abc regime def"
    matches = [Match("labels", "regime", 4, 10, "author")]
    quotes = [QuoteSpan(0, 7)]  # ends inside the match
    doc = render_html(text, matches, ["labels"], quotes=quotes)
    body = text_div(doc)
    assert body.count("<mark") == body.count("</mark>")
    assert body.count("<span") == body.count("</span>")
    assert strip_tags(body) == text


def test_html_without_matches():
    doc = render_html("Plain <text>.", [], ["labels"])
    assert strip_tags(text_div(doc)) == "Plain <text>."
    assert "<mark class=" not in text_div(doc)


# --------------------------------------------------------------------- ANSI
def test_ansi(page, toy_matcher):
    matches, _ = page
    out = render_ansi(TEXT, matches, toy_matcher.categories)
    assert "\x1b[" in out
    assert out.count("\x1b[0m") >= len(matches)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert plain.startswith(TEXT)
    # Quoted matches are underlined (";4"), scare quotes in reverse video (7).
    assert re.search(r"\x1b\[\d+;4mterrorists\x1b\[0m", out)
    assert '\x1b[7m"moderate"' in out
    legend = out.split("\n\n", 1)[1]
    assert "labels" in legend and "scare_quotes" in legend
    assert "agency" not in legend


# --------------------------------------------------------------------- JSON
def test_json_round_trip(page):
    matches, _ = page
    data = json.loads(render_json(matches, text=TEXT))
    assert data["text"] == TEXT
    assert len(data["matches"]) == len(matches)
    for item, m in zip(data["matches"], matches, strict=True):
        assert Match(**item) == m
        assert data["text"][item["start"] : item["end"]] == TEXT[m.start : m.end]


def test_json_plain_list_and_unicode():
    text = "İstanbul 😀 regime"
    m = Match("labels", "regime", 11, 17, "quoted")
    assert text[m.start : m.end] == "regime"
    out = render_json([m], text=text, indent=None)
    assert "\n" not in out
    assert "İstanbul 😀" in out  # not \u-escaped
    assert json.loads(out)["matches"][0]["voice"] == "quoted"
    assert json.loads(render_json([m])) == [m.as_dict()]
    assert json.loads(render_json([])) == []


def test_ansi_legend_names_scare_quotes_once(toy_matcher):
    matches = toy_matcher.find(TEXT)
    assert any(m.category == "scare_quotes" for m in matches)
    for categories in (toy_matcher.categories, toy_matcher.all_categories):
        legend = render_ansi(TEXT, matches, categories).split("\n\n")[-1]
        assert legend.count("scare_quotes") == 1
