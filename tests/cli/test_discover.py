"""CLI tests for ``framing discover``."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from framing.cli._group import cli
from framing.lexicon.load import load_lexicon, read_lexicon_file

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path):
    rows = []
    for i in range(8):
        rows.append(
            {
                "id": f"s{i}",
                "outlet": "Star",
                "bias": "right",
                "text": "The so-called rebels and their mercenaries fled. "
                f"Our heroic army advanced on day {i}.",
            }
        )
        rows.append(
            {
                "id": f"h{i}",
                "outlet": "Herald",
                "bias": "left",
                "text": "The regime forces shelled the town. Regime forces "
                f"denied it on day {i}.",
            }
        )
        rows.append(
            {
                "id": f"w{i}",
                "outlet": "Wire",
                "bias": "center",
                "text": "Government forces and rebel fighters clashed, "
                f"officials said on day {i}.",
            }
        )
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_discover_by_outlet_writes_table_and_summary(runner, corpus, tmp_path):
    out = tmp_path / "terms.csv"
    result = runner.invoke(
        cli,
        [
            "discover",
            str(corpus),
            "--min-count",
            "3",
            "-o",
            str(out),
            "--top-per-group",
            "5",
        ],
    )
    assert result.exit_code == 0, result.output
    df = pd.read_csv(out)
    assert list(df.columns) == [
        "term",
        "group",
        "versus",
        "z",
        "count_group",
        "count_rest",
        "rate_group",
        "rate_rest",
        "in_lexicon",
        "lexicon_category",
    ]
    assert df.groupby("group").size().to_dict() == {"Herald": 5, "Star": 5, "Wire": 5}
    assert df[df["group"] == "Herald"]["term"].iloc[0] in {
        "regime forces",
        "regime",
        "shelled",
    }
    assert "Star vs rest:" in result.stderr
    assert "24 articles in 3 groups by outlet" in result.stderr


def test_discover_vs_label_column_both_directions(runner, corpus, tmp_path):
    out = tmp_path / "terms.jsonl"
    result = runner.invoke(
        cli,
        [
            "discover",
            str(corpus),
            "--by",
            "bias",
            "--vs",
            "right",
            "left",
            "--min-count",
            "3",
            "-o",
            str(out),
            "-q",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    df = pd.read_json(out, lines=True)
    assert set(zip(df["group"], df["versus"], strict=True)) == {
        ("right", "left"),
        ("left", "right"),
    }
    right = df[df["group"] == "right"].set_index("term")
    assert right.loc["so-called", "in_lexicon"]
    assert right.loc["so-called", "lexicon_category"] == "delegitimising"


def test_suggest_lexicon_writes_a_reviewable_skeleton(runner, corpus, tmp_path):
    before = load_lexicon().digest
    cand = tmp_path / "candidates.toml"
    result = runner.invoke(
        cli,
        [
            "discover",
            str(corpus),
            "--by",
            "bias",
            "--min-count",
            "3",
            "-o",
            str(tmp_path / "t.csv"),
            "--suggest-lexicon",
            str(cand),
            "--top",
            "3",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "candidate terms ->" in result.stderr
    lex = read_lexicon_file(cand)
    assert all(len(c.terms) <= 3 for c in lex.categories.values())
    assert all(c.description.startswith("TODO") for c in lex.categories.values())
    terms = {t for c in lex.categories.values() for t in c.terms}
    assert not {"so-called", "mercenaries", "regime", "regime forces"} & terms
    assert load_lexicon().digest == before  # shipped lexicon untouched


def test_group_labels_on_the_demo_corpus(runner, tmp_path):
    articles = DATA / "demo" / "articles.jsonl"
    if not articles.exists():
        pytest.skip("demo corpus not present")
    out = tmp_path / "terms.csv"
    result = runner.invoke(
        cli,
        [
            "discover",
            str(articles),
            "--by",
            "alignment",
            "--group-labels",
            str(DATA / "outlets.csv"),
            "--min-count",
            "3",
            "--top-per-group",
            "20",
            "--voice",
            "author",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    df = pd.read_csv(out)
    top_a = set(df[df["group"] == "A"]["term"])
    assert {"terrorists", "so-called", "self-styled", "gangs"} <= top_a
    assert df[df["group"] == "B"]["term"].iloc[0] == "regime"


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--by", "stance"],
            "Error: no column 'stance' to group by; columns are id, "
            "text, outlet, date, title, bias. Use --by outlet, a label "
            "column, or --group-labels",
        ),
        (
            ["--by", "bias", "--vs", "left", "far-left"],
            "Error: no group 'far-left'; the groups are: center, left, right",
        ),
        (
            ["--by", "bias", "--vs", "left", "left"],
            "Error: --vs needs two different groups, got 'left' twice",
        ),
        (
            ["--min-count", "500"],
            "Error: no term occurs at least 500 times; lower --min-count",
        ),
        (
            ["--min-outlets", "2"],
            "Error: --min-outlets 2: no group has that many outlets (at most 1)",
        ),
    ],
)
def test_errors_are_one_line(runner, corpus, tmp_path, args, message):
    result = runner.invoke(
        cli, ["discover", str(corpus), "-o", str(tmp_path / "t.csv"), *args]
    )
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == message  # one line, after progress
    assert not (tmp_path / "t.csv").exists()


def test_a_single_group_is_an_error(runner, tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("text,outlet\nThe war went on.,Star\nThe war ended.,Star\n")
    result = runner.invoke(cli, ["discover", str(path), "-o", str(tmp_path / "t.csv")])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: grouping by 'outlet' gives only 'Star'; "
        "distinguishing terms need at least two groups"
    )


def test_bad_output_suffix_fails_before_reading(runner, corpus, tmp_path):
    result = runner.invoke(
        cli, ["discover", str(corpus), "-o", str(tmp_path / "t.xlsx")]
    )
    assert result.exit_code == 1
    assert "unknown output format '.xlsx'" in result.stderr


def test_usage_errors_exit_2(runner, corpus, tmp_path):
    result = runner.invoke(
        cli,
        ["discover", str(corpus), "-o", str(tmp_path / "t.csv"), "--ngram-max", "3"],
    )
    assert result.exit_code == 2
    result = runner.invoke(
        cli, ["discover", str(corpus), "-o", str(tmp_path / "t.csv"), "--vs", "left"]
    )
    assert result.exit_code == 2


def test_group_labels_name_the_grouping_and_leave_out_unlisted(
    runner, corpus, tmp_path
):
    labels = tmp_path / "sides.csv"
    labels.write_text("outlet,side\nStar,A\nHerald,B\n")
    out = tmp_path / "t.csv"
    result = runner.invoke(
        cli,
        [
            "discover",
            str(corpus),
            "--group-labels",
            str(labels),
            "--min-count",
            "3",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (
        "16 articles in 2 groups by side (8 without a group left out)" in result.stderr
    )
    assert set(pd.read_csv(out)["group"]) == {"A", "B"}


def test_max_outlet_share_drops_one_outlets_house_style(runner, tmp_path):
    star = {"outlet": "Star", "side": "A", "text": "Share this story. The thugs fled."}
    daily = {"outlet": "Daily", "side": "A", "text": "The thugs fled again."}
    wire = {"outlet": "Wire", "side": "B", "text": "The fighters withdrew."}
    rows = [star] * 6 + [daily] * 6 + [wire] * 12
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "t.csv"
    result = runner.invoke(
        cli,
        [
            "discover",
            str(path),
            "--by",
            "side",
            "-o",
            str(out),
            "--min-count",
            "3",
            "--keep-boilerplate",
            "--max-outlet-share",
            "0.6",
            "-q",
        ],
    )
    assert result.exit_code == 0, result.output
    side_a = set(pd.read_csv(out).query("group == 'A'")["term"])
    assert "thugs" in side_a and "share" not in side_a and "story" not in side_a


@pytest.mark.parametrize("with_outlets", [True, False])
def test_discover_strips_photo_credits_with_or_without_outlets(
    runner, corpus, tmp_path, with_outlets
):
    rows = [json.loads(line) for line in corpus.read_text().splitlines()]
    for row in rows:
        if row["bias"] == "right":
            row["text"] += "\n\nA rally. (Kevin Lamarque/Reuters)"
        if not with_outlets:
            del row["outlet"]
    path = tmp_path / "credits.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")

    def terms(*flags: str) -> set[str]:
        out = tmp_path / f"terms{len(flags)}.csv"
        args = ["discover", str(path), "--by", "bias", "--min-count", "2"]
        result = runner.invoke(cli, [*args, *flags, "-o", str(out), "-q"])
        assert result.exit_code == 0, result.output
        return set(pd.read_csv(out)["term"])

    assert "reuters" in terms("--keep-boilerplate")
    assert not {"reuters", "lamarque", "kevin lamarque"} & terms()


@pytest.mark.parametrize("vs", [None, ("left", "right")])
def test_discover_writes_what_discover_terms_returns(runner, corpus, tmp_path, vs):
    from framing.corpus.read import read_corpus
    from framing.discovery.terms import discover_terms

    out = tmp_path / "terms.csv"
    args = ["discover", str(corpus), "--by", "bias", "--min-count", "3", "-o", str(out)]
    r = runner.invoke(cli, [*args, *(["--vs", *vs] if vs else []), "-q"])
    assert r.exit_code == 0, r.output
    expected = discover_terms(
        read_corpus(corpus), by="bias", vs=vs, min_count=3, strip_boilerplate=True
    )
    expected.attrs = {}
    assert out.read_text(encoding="utf-8") == expected.to_csv(index=False)
