"""Tests for framing.discovery.terms: grouping a corpus, counting, discovering."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing.corpus.labels import read_outlet_labels
from framing.corpus.read import read_corpus
from framing.discovery.counts import count_terms
from framing.discovery.logodds import score_terms
from framing.discovery.terms import (
    assign_groups,
    count_group_terms,
    discover_terms,
    group_corpus,
)
from framing.errors import FramingError

DATA = Path(__file__).resolve().parents[2] / "data"


# -- from a corpus --------------------------------------------------------------------


def test_assign_groups_and_errors():
    df = pd.DataFrame(
        {
            "text": ["a", "b", "c", "d"],
            "outlet": ["Star", "Herald", "Wire", None],
            "bias": ["left", "right", None, "left"],
        }
    )
    assert assign_groups(df, by="bias").to_dict() == {0: "left", 1: "right", 3: "left"}
    mapped = assign_groups(df, by="side", group_labels={"Star": "A", "Herald": "B"})
    assert mapped.to_dict() == {0: "A", 1: "B"}
    with pytest.raises(
        FramingError,
        match="no column 'stance' to group by; columns are text, outlet, bias",
    ):
        assign_groups(df, by="stance")
    with pytest.raises(FramingError, match="gives only 'left'"):
        assign_groups(df.iloc[[0, 3]], by="bias")
    with pytest.raises(FramingError, match="no group 'center'"):
        assign_groups(df, by="bias", vs=("left", "center"))


def test_discover_terms_attrs_and_left_out():
    df = pd.DataFrame(
        {
            "text": ["so-called rebels fled"] * 3 + ["rebels fled"] * 3 + ["nobody"],
            "outlet": ["A"] * 3 + ["B"] * 3 + [None],
        }
    )
    terms = discover_terms(df, min_count=3, top_per_group=2)
    info = terms.attrs["discover"]
    assert info["left_out"] == 1
    assert info["groups"] == {
        "A": {"docs": 3, "tokens": 9},
        "B": {"docs": 3, "tokens": 6},
    }
    assert terms["term"].iloc[0] == "so-called"


# -- the demo corpus: known framing comes out on top ----------------------------------

SIDE_A_LABELS = {
    "terrorists",
    "terrorist militias",
    "veshan terrorists",
    "gangs",
    "armed gangs",
    "so-called",
    "the so-called",
    "so-called northern",
    "self-styled",
    "the self-styled",
    "mercenaries",
    "thugs",
    "outlaws",
    "foreign-backed insurgents",
    "insurgents",
    "the insurgents",
    "extremist militants",
    "undeniably",
    "clearly",
    "undoubtedly",
    "heroic",
    "national forces",
    "militias",
}
SIDE_B_LABELS = {
    "regime",
    "the regime",
    "junta",
    "the junta",
    "regime forces",
    "resistance",
    "freedom fighters",
    "junta's",
    "the junta's",
    "regime's",
    "the regime's",
    "dascan's army",
    "massacre",
    "war crimes",
}


@pytest.fixture(scope="module")
def demo():
    path = DATA / "demo" / "articles.jsonl"
    if not path.exists():
        pytest.skip("demo corpus not present")
    from framing.corpus.boilerplate import strip_boilerplate

    return (
        strip_boilerplate(read_corpus(path, clean=True)),
        read_outlet_labels(DATA / "outlets.csv", "alignment")[0],
    )


@pytest.mark.parametrize("voice", ["all", "author"])
def test_demo_side_a_labels_top_side_a(demo, voice):
    corpus, labels = demo
    terms = discover_terms(
        corpus,
        by="alignment",
        group_labels=labels,
        min_count=3,
        top_per_group=15,
        voice=voice,
    )
    top_a = list(terms.loc[terms["group"] == "A", "term"])
    top_b = list(terms.loc[terms["group"] == "B", "term"])
    assert top_a[0] in SIDE_A_LABELS and top_b[0] in SIDE_B_LABELS
    assert len(SIDE_A_LABELS & set(top_a)) >= 6, top_a
    assert len(SIDE_B_LABELS & set(top_b)) >= 6, top_b
    assert not SIDE_B_LABELS & set(top_a) and not SIDE_A_LABELS & set(top_b)
    if voice == "author":  # wire copy quotes "terrorists"; A writes it itself
        assert "terrorists" in top_a


def test_demo_side_a_vs_side_b(demo):
    corpus, labels = demo
    terms = discover_terms(
        corpus,
        by="alignment",
        group_labels=labels,
        vs=("A", "B"),
        min_count=3,
        top_per_group=20,
        voice="author",
    )
    top_a = set(terms.loc[terms["group"] == "A", "term"])
    assert {"terrorists", "the so-called", "gangs"} <= top_a
    assert terms.loc[terms["group"] == "B", "term"].iloc[0] == "regime"


def boilerplate_corpus() -> pd.DataFrame:
    footer = "Follow The Planet on Telegram"
    rows = [("A", f"Rebels fled town {i}. (Jo Roe/AP)\n{footer}") for i in range(6)]
    rows += [("B", f"The regime shelled town {i}.\n{footer}") for i in range(6)]
    rows.append((None, "Nobody wrote this."))
    return pd.DataFrame(rows, columns=["outlet", "text"])


def test_group_corpus_keeps_grouped_rows_and_strips_them_if_asked():
    df = boilerplate_corpus()
    grouped = group_corpus(df)
    assert grouped.left_out == 1 and len(grouped.corpus) == 12
    assert grouped.groups.index.equals(grouped.corpus.index)
    assert grouped.corpus["text"].equals(df["text"].iloc[:12])
    stripped = group_corpus(df, strip_boilerplate=True).corpus
    assert stripped.loc[0, "text"] == "Rebels fled town 0."
    assert not stripped["text"].str.contains("Telegram").any()


def test_count_group_terms_is_count_terms_over_the_grouped_rows():
    grouped = group_corpus(boilerplate_corpus())
    counts = count_group_terms(grouped, min_count=2)
    direct = count_terms(
        grouped.corpus["text"].tolist(),
        grouped.groups.tolist(),
        outlets=grouped.corpus["outlet"].tolist(),
        min_count=2,
        stop_words=True,
    )
    assert (counts.counts != direct.counts).nnz == 0
    assert counts.terms.tolist() == direct.terms.tolist()
    assert counts.spread is not None
    side = ["a"] * 6 + ["b"] * 7
    no_outlets = group_corpus(
        boilerplate_corpus().drop(columns="outlet").assign(side=side), by="side"
    )
    assert count_group_terms(no_outlets, min_count=2).spread is None


def test_discover_terms_is_the_three_steps():
    df = boilerplate_corpus()
    terms = discover_terms(df, min_count=2, strip_boilerplate=True, top_per_group=5)
    counts = count_group_terms(group_corpus(df, strip_boilerplate=True), min_count=2)
    expected = score_terms(counts, top_per_group=5)
    pd.testing.assert_frame_equal(terms, expected)
    assert "telegram" not in set(terms["term"])
