"""Tests for framing.corpus.boilerplate: per-outlet recurring lines."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from framing.corpus.boilerplate import (
    apply_boilerplate,
    find_and_strip,
    find_boilerplate,
    find_boilerplate_in_chunks,
    normalize_line,
    remove_credits,
    strip_boilerplate,
    strip_credits,
)
from framing.errors import CorpusFormatError, ParameterError


def corpus() -> pd.DataFrame:
    """Outlet A: 10 articles with a footer in 4 and a byline in 2;
    outlet B: 3 articles (too few); one row without an outlet."""
    rows = []
    for i in range(10):
        lines = [f"Story {i} begins here.", "", f"Story {i} ends here."]
        if i < 4:
            lines += ["", "Follow  The Planet on Telegram "]
        if i < 2:
            lines.insert(0, "By Staff Writer")
        rows.append(("A", "\n".join(lines)))
    for i in range(3):
        rows.append(("B", f"B story {i}.\nShare this"))
    rows.append((None, "Orphan text.\nFollow The Planet on Telegram"))
    return pd.DataFrame(rows, columns=["outlet", "text"], index=range(100, 114))


def test_normalize_line():
    assert normalize_line("  Follow\tThe  PLANET on Telegram ") == (
        "follow the planet on telegram"
    )
    assert normalize_line("STRASSE") == normalize_line("straße")


def test_find_boilerplate_per_outlet_with_threshold():
    df = corpus()
    assert find_boilerplate(df) == {"A": {"follow the planet on telegram"}}
    # the byline is in 2 of 10 articles: boilerplate only at min_share <= 0.2
    assert find_boilerplate(df, min_share=0.2)["A"] == {
        "follow the planet on telegram",
        "by staff writer",
    }
    assert find_boilerplate(df, min_share=0.41) == {}
    # B has three articles sharing "share this": found once B is big enough
    assert find_boilerplate(df, min_articles=3)["B"] == {"share this"}


def test_a_line_repeated_inside_one_article_counts_once():
    df = pd.DataFrame(
        {
            "outlet": ["A"] * 5,
            "text": ["Tick\nTick\nTick\nBody 0"] + [f"Body {i}" for i in range(1, 5)],
        }
    )
    assert find_boilerplate(df, min_share=0.2) == {}


def test_short_lines_never_count():
    df = pd.DataFrame({"outlet": ["A"] * 5, "text": ["x\n\n--\n*\nBody."] * 5})
    assert find_boilerplate(df) == {"A": {"body."}}
    assert find_boilerplate(df, min_chars=1) == {"A": {"x", "--", "*", "body."}}


def test_missing_texts_and_outlets_are_tolerated():
    df = pd.DataFrame(
        {
            "outlet": ["A"] * 5 + [np.nan],
            "text": [None, "", "Footer line", "Footer line", "Body", "Footer line"],
        }
    )
    assert find_boilerplate(df) == {"A": {"footer line"}}
    out = strip_boilerplate(df)
    assert out["text"].isna().tolist()[:2] == [True, False]
    assert out["text"].tolist()[1:5] == ["", "", "", "Body"]
    assert out["text"].iloc[5] == "Footer line"  # no outlet: untouched


def test_strip_boilerplate_returns_a_copy_and_counts():
    df = corpus()
    before = df.copy()
    out = strip_boilerplate(df, min_share=0.2)
    pd.testing.assert_frame_equal(df, before)
    assert out.index.tolist() == df.index.tolist()
    assert out.loc[100, "text"] == "Story 0 begins here.\n\nStory 0 ends here."
    assert out.loc[105, "text"] == df.loc[105, "text"]
    assert out.attrs["boilerplate"] == {"A": 6}
    assert out.loc[110, "text"] == df.loc[110, "text"]  # B is below min_articles
    assert out.loc[113, "text"] == df.loc[113, "text"]  # no outlet


def test_strip_with_precomputed_boilerplate_and_custom_columns():
    train = corpus().rename(columns={"outlet": "source", "text": "body"})
    found = find_boilerplate(train, outlet_col="source", text_col="body")
    new = pd.DataFrame(
        {
            "source": ["A", "C"],
            "body": [
                "News.\nFOLLOW the Planet on telegram",
                "Other.\nFollow The Planet on Telegram",
            ],
        }
    )
    out = strip_boilerplate(
        new, outlet_col="source", text_col="body", boilerplate=found
    )
    assert out["body"].tolist() == ["News.", new["body"].iloc[1]]
    assert out.attrs["boilerplate"] == {"A": 1}
    raw_lines = strip_boilerplate(
        new,
        outlet_col="source",
        text_col="body",
        boilerplate={"C": ["  Follow The Planet on Telegram"]},
    )
    assert raw_lines["body"].iloc[1] == "Other."


def test_errors():
    df = corpus()
    with pytest.raises(CorpusFormatError, match="no column 'source'.*`outlet_col`"):
        find_boilerplate(df, outlet_col="source")
    with pytest.raises(CorpusFormatError, match="no column 'body'"):
        strip_boilerplate(df, text_col="body")
    with pytest.raises(ValueError, match="min_share"):
        find_boilerplate(df, min_share=0)


def test_thirty_thousand_articles_quickly():
    rng = np.random.default_rng(0)
    outlets = rng.choice([f"outlet{i}" for i in range(12)], size=30_000)
    words = "the of a to in said minister army city talks".split()
    sentence = " ".join(words * 3)
    texts = [
        "\n\n".join(f"{sentence} {i}-{p}." for p in range(6))
        + f"\n\nFollow {outlet} on Telegram\nShare"
        for i, outlet in enumerate(outlets)
    ]
    df = pd.DataFrame({"outlet": outlets, "text": texts})
    start = time.perf_counter()
    out = strip_boilerplate(df)
    elapsed = time.perf_counter() - start
    assert elapsed < 10, elapsed
    assert sum(out.attrs["boilerplate"].values()) == 60_000
    assert not out["text"].str.contains("Telegram").any()


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Trump and Schumer talk, Dec. 11, 2018. (Kevin Lamarque/Reuters)\nBody.",
            "Trump and Schumer talk, Dec. 11, 2018.\nBody.",
        ),
        ("(Dado Ruvic/Reuters)\n\nBody.", "Body."),
        (
            "A rally in Ohio. (Photo: Brendan Smialowski, AFP/Getty Images)\nBody.",
            "A rally in Ohio.\nBody.",
        ),
        (
            "Protest. (Photo by Press Office / Handout/Anadolu via Getty Images)",
            "Protest.",
        ),
        (
            "Sketch of the hearing. (Court sketch: Jane Rosenberg/Reuters )\nBody.",
            "Sketch of the hearing.\nBody.",
        ),
        (
            "Scene after the blast. (Video by Seth Harrison/lohud)",
            "Scene after the blast.",
        ),
        ("\u201cWe won.\u201d (Jane Doe/AP)", "\u201cWe won.\u201d"),
        ("A rally. (Photo: Evan Vucci, AP)\nBody.", "A rally.\nBody."),
        ("Putin speaks (Image credit: Getty Images)", "Putin speaks"),
        ("A rally. (\u00c9mile Durand/AFP)", "A rally."),
        ("Caption. (Jane Doe/AP)\r\nText.", "Caption.\r\nText."),
        ("A. (AP Photo/Evan Vucci)", "A."),
    ],
)
def test_photo_credits_are_removed(text, expected):
    out, n = remove_credits(text)
    assert (out, n) == (expected, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Alaska (Republican up 50-44 in CNN / ORC poll)",  # digits: content
        "Hat tip to them. (H/T: The Daily Wire)",  # not a credit
        "The vote split along party lines (Democrats/Republicans)",  # no full stop
        "Members may vote (and/or) abstain. (and/or)",  # lower case
        "A caption. (Kevin Lamarque/Reuters) and the story goes on.",  # mid-line
        "No slash here. (Reuters)",
        "He said. (Yes/no questions were not allowed.)",  # a sentence
        "(Gallup and CBS News/New York Times found similar splits.)",
        "Prices: up (see below)",
        "",
    ],
)
def test_text_that_is_not_a_credit_is_kept(text):
    assert remove_credits(text) == (text, 0)


def test_strip_credits_keeps_rows_and_counts():
    df = pd.DataFrame(
        {"text": ["A rally. (Jane Doe/AP)\nMore.", None, "Plain."]}, index=[5, 6, 7]
    )
    out = strip_credits(df)
    assert out.index.tolist() == [5, 6, 7]
    assert out.loc[5, "text"] == "A rally.\nMore."
    assert out.loc[7, "text"] == "Plain."
    assert pd.isna(out.loc[6, "text"])
    assert out.attrs["credits"] == 1
    assert df.loc[5, "text"].endswith("More.")  # input untouched
    with pytest.raises(CorpusFormatError, match="no column 'body'"):
        strip_credits(df, text_col="body")


def test_strip_boilerplate_removes_credits_unless_told_not_to():
    df = corpus()
    df.loc[100, "text"] += "\nA caption. (Jane Doe/AP)"
    out = strip_boilerplate(df)
    assert "Jane Doe" not in out.loc[100, "text"]
    assert out.attrs["credits"] == 1
    kept = strip_boilerplate(df, credits=False)
    assert kept.loc[100, "text"].endswith("A caption. (Jane Doe/AP)")
    assert "credits" not in kept.attrs
    assert kept.attrs["boilerplate"] == out.attrs["boilerplate"]


def test_stripping_keeps_a_categorical_text_column_readable():
    df = pd.DataFrame(
        {
            "outlet": ["A"] * 2,
            "text": pd.Categorical(["A rally. (Jane Doe/AP)", "Plain."]),
        }
    )
    for out in (strip_credits(df), strip_boilerplate(df, min_articles=1)):
        assert out["text"].tolist() == ["A rally.", "Plain."]


def with_credits() -> pd.DataFrame:
    df = corpus()
    df.loc[100, "text"] += "\nA caption. (Jane Doe/AP)"
    df.loc[113, "text"] += "\nA rally. (Jo Roe/Reuters)"
    return df


@pytest.mark.parametrize("size", [1, 3, 14])
def test_lines_found_chunk_by_chunk_are_those_of_the_whole(size):
    df = with_credits()
    chunks = (df.iloc[i : i + size] for i in range(0, len(df), size))
    whole, found = find_and_strip(df)
    assert find_boilerplate_in_chunks(chunks) == found
    assert found == find_boilerplate(strip_credits(df))
    again = pd.concat(
        apply_boilerplate(df.iloc[i : i + size], found) for i in range(0, len(df), size)
    )
    assert again["text"].tolist() == whole["text"].tolist()


def test_find_and_strip_is_strip_boilerplate_with_the_lines_found():
    df = with_credits()
    out, found = find_and_strip(df)
    expected = strip_boilerplate(df)
    assert out["text"].tolist() == expected["text"].tolist()
    assert out.attrs == expected.attrs
    assert found == {"A": {"follow the planet on telegram"}}


def test_find_and_strip_without_outlets_strips_credits_only():
    df = with_credits()
    for frame in (df.drop(columns="outlet"), df.assign(outlet=None)):
        out, found = find_and_strip(frame)
        assert found == {} and "boilerplate" not in out.attrs
        assert out.attrs["credits"] == 2
        assert "Follow  The Planet" in out.loc[100, "text"]


def test_apply_boilerplate_skips_what_it_cannot_do():
    df = with_credits()
    found = {"A": ["Follow The Planet on Telegram"]}
    assert apply_boilerplate(df, None, credits=False) is df
    assert apply_boilerplate(df.drop(columns="outlet"), found).attrs["credits"] == 2
    out = apply_boilerplate(df, found, credits=False)
    assert "Jane Doe" in out.loc[100, "text"] and out.attrs["boilerplate"] == {"A": 4}
    with pytest.raises(CorpusFormatError, match="no column 'text'"):
        apply_boilerplate(df.rename(columns={"text": "body"}), found)


def test_min_share_out_of_range_is_a_parameter_error():
    for call in (find_and_strip, find_boilerplate_in_chunks):
        with pytest.raises(ParameterError, match="`min_share`"):
            call(
                [corpus()] if call is find_boilerplate_in_chunks else corpus(),
                min_share=2,
            )


def test_iter_stripped_corpus_equals_stripping_the_whole_corpus(tmp_path):
    import json

    from framing.corpus.boilerplate import iter_stripped_corpus
    from framing.corpus.read import read_corpus

    path = tmp_path / "news.jsonl"
    rows = [
        {"outlet": o, "text": f"Story {i} of {o}. (Jo Roe/AP)\nFollow {o} on X"}
        for o in ("A", "B")
        for i in range(6)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    whole = strip_boilerplate(read_corpus(path))
    chunks = list(iter_stripped_corpus(path, chunksize=5))
    assert [len(c) for c in chunks] == [5, 5, 2]
    texts = [t for c in chunks for t in c["text"]]
    assert texts == whole["text"].tolist()
    assert texts[0] == "Story 0 of A."
