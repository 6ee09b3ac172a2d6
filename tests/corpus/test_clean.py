"""Tests for framing.corpus.clean.clean_text (all texts written for these tests)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.corpus.clean import clean_text

SHARED = Path(__file__).resolve().parents[3] / "shared"


def test_unicode_is_nfc_and_normal_text_survives():
    text = (
        "Cafe\u0301 owners said: \u201cWe\u2019re \u2018open\u2019 \u2014 "
        "come in\u2026\u201d \u00abOui\u00bb, dit-il. "
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u2013 O\u2019Brien's "
        "\"quote\" and 'single' -- 5 > 3 < 4."
    )
    out = clean_text(text)
    assert out.startswith("Caf\u00e9 owners said:")
    assert out[len("Caf\u00e9") :] == text[len("Cafe\u0301") :]  # nothing else changed
    assert "\u200c" in out  # the Persian zero-width non-joiner is a letter-level mark


def test_html_tags_entities_and_scripts():
    html = (
        "<html><head><title>Page</title><style>p {color: red}</style></head>"
        "<body><p>First &amp; foremost, the mayor&#8217;s &quot;plan&quot;.</p>"
        "<script>var x = '<p>no</p>';</script><!-- a comment -->"
        "<p>Line one<br>Line two<br/>Line&nbsp;three</p>"
        "<div class='share'><a href='#'>Share</a> | <a href='#'>Tweet</a></div>"
        "<ul><li>Point <b>one</b></li><li>Point two</li></ul></body></html>"
    )
    assert clean_text(html) == (
        'First & foremost, the mayor\u2019s "plan".\n\n'
        "Line one\nLine two\nLine three\n\nPoint one\n\nPoint two"
    )


def test_angle_brackets_in_plain_text_are_not_tags():
    text = "Turnout was <50% in the city and >60% in the villages."
    assert clean_text(text) == text
    assert clean_text("AT&T and R&D&nbsp;teams; &unknownentity; stays") == (
        "AT&T and R&D teams; &unknownentity; stays"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Share",
        "SHARE THIS ARTICLE",
        "Tweet",
        "Email",
        "Print",
        "Comments",
        "12 Comments",
        "Share on Facebook",
        "Share on Facebook Share on Twitter",
        "Share | Tweet | Email | Print",
        "Facebook Twitter WhatsApp",
        "Advertisement",
        "Click to share on Telegram (Opens in new window)",
        "Copy link",
        "Follow us on Telegram",
        "Follow us on X: @somewhere",
        "Like us on Facebook",
        "Follow The Daily Planet on Instagram",
        "Sign up for our daily newsletter",
        "Read more: Another story about something else",
        "RELATED: More headlines",
        "See also: the archive",
        "www.example-news.com",
        "https://example.org/a/b?c=1",
        "example-news.ir",
        "Fri Mar 05, 2021 10:15:02",
        "March 5, 2021",
        "Published: 5 March 2021 | 10:15 GMT",
        "Updated 2021-03-05 10:15",
        "News / World",
        "Home › Middle East › Levant",
    ],
)
def test_debris_lines_are_removed(line):
    text = f"The first paragraph stays.\n{line}\nThe second paragraph stays."
    assert clean_text(text) == "The first paragraph stays.\nThe second paragraph stays."


@pytest.mark.parametrize(
    "line",
    [
        "Shares of the company fell sharply on Monday.",
        "He said he would share the plan with Congress.",
        "Print media lost readers; comments were closed.",
        "Follow the money, the investigator told reporters on Twitter.",
        "Like many others on Facebook, she was angry.",
        "Read the full statement before judging, he said.",
        "The vote was 3 / 4 in favour of the motion.",
        "On March 5, 2021 the council met.",
        "Iran / Iraq border crossings reopened on Tuesday after talks.",
        "[Editor's note: this story was updated.]",
        "{The braces are part of the prose}",
    ],
)
def test_body_lines_that_look_a_bit_like_debris_stay(line):
    assert clean_text(line) == line


def test_footer_and_the_short_lines_after_it_are_cut():
    text = (
        "Body paragraph one.\n\nBody paragraph two.\n\n\n"
        "Example TV's website can also be accessed at the following addresses:\n\n"
        "www.example.tv\n\nSHARE THIS ARTICLE\nExample TV App Store"
    )
    assert clean_text(text) == "Body paragraph one.\n\nBody paragraph two."


def test_footer_marker_inside_text_only_drops_its_own_line():
    long = "A long paragraph that carries on. " * 5
    text = f"Start.\nOur website can also be accessed at: www.x.org\n{long}\nEnd."
    assert clean_text(text) == f"Start.\n{long.strip()}\nEnd."


def test_trailing_php_var_dump_and_json_blobs_are_removed():
    body = "Troops advanced on Friday.\n\nThe \u201cceasefire\u201d collapsed."
    dump = 'string(61) "[{"id":"1","title":"Other story"} ,{"id":"2","title":"More"} ]"'
    assert clean_text(f"{body}\n\n\n{dump}") == body
    multi = '[\n  {"id": 1, "title": "Other"},\n  {"id": 2, "title": "More"}\n]'
    assert clean_text(f"{body}\n{multi}\n") == body
    php = 'array(2) {\n  [0]=>\n  string(3) "abc"\n}'
    assert clean_text(f"{body}\n{php}") == body
    one_line = '{"related": [1, 2, 3], "next": "x"}'
    assert clean_text(f"{body}\n{one_line}\nLast words.") == f"{body}\nLast words."


def test_embedded_tweet_is_removed_but_not_surrounding_text():
    text = (
        "The minister spoke on Monday.\n"
        "Our correspondent reports from the border https://t.co/AbC123 "
        "pic.twitter.com/XyZ789\n"
        "\u2014 Example News (@ExampleNews) March 4, 2016\n"
        "The talks resumed."
    )
    assert clean_text(text) == "The minister spoke on Monday.\nThe talks resumed."
    quoted = "\u201cWe will stay,\u201d she wrote.\n\u2014 Jane Doe (@jdoe) May 1, 2020"
    assert clean_text(quoted) == "\u201cWe will stay,\u201d she wrote."


def test_paragraphs_and_whitespace():
    text = (
        "\n\n  Title line  \n\nPara one,\tstill one.   \nPara two.\u00a0\n"
        "\n\n\n\u200bPara\u00a0three\u00ad.\r\nPara four.\r\n\n \n"
    )
    assert clean_text(text) == (
        "Title line\n\nPara one, still one.\nPara two.\n\nPara three.\nPara four."
    )


def test_empty_and_type_checks():
    assert clean_text("") == ""
    assert clean_text(" \n\n\t ") == ""
    with pytest.raises(TypeError, match="expects a str"):
        clean_text(None)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list(
                "ab ,.\u201c\u201d'\"\n\t<>/&;#{}[]():\u00a0\u200b\u00e9e\u0301|\u2014"
            )
            + [
                "Share",
                "Tweet",
                "<p>",
                "</p>",
                "<br>",
                "&amp;",
                'string(5) "',
                "website can also be accessed at",
                "www.x.com",
                "READ MORE:",
                "News / World",
                "March 4, 2016",
                "(@x)",
                "\u2014 X (@x) March 4, 2016",
                "https://t.co/a",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_clean_text_is_idempotent_and_keeps_no_trailing_whitespace(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert once == once.strip()
    assert "\n\n\n" not in once
    assert all(line == line.strip() for line in once.split("\n"))


def test_long_lines_are_cleaned_quickly():
    import time

    nasty = ("share " * 2000) + "x\n" + ("a / " * 3000) + "\n" + ('{"a": ' * 2000)
    start = time.perf_counter()
    clean_text(nasty * 5)
    assert time.perf_counter() - start < 2.0


# -- the real seed articles in ../shared (never copied into the repository) -------


def seed_files() -> list[Path]:
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (it sits beside the checkout)")
    files = sorted(folder.glob("*.txt"))
    if not files:
        pytest.skip(f"no seed articles in {folder}")
    return files


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


@pytest.mark.shared
def test_seed_debris_goes_and_article_bodies_stay():
    for path in seed_files():
        raw = path.read_text(encoding="utf-8")
        out = clean_text(raw)
        kept = set(_lines(out))
        removed = [line for line in _lines(raw) if line not in kept]
        # every paragraph of real prose (long lines) survives unchanged
        for line in _lines(raw):
            if len(line) > 150 and not line.startswith("string("):
                assert line in kept, (path.name, line[:60])
        # what goes is short furniture, or the trailing var_dump blob
        assert len(removed) <= 6, (path.name, removed)
        for line in removed:
            assert len(line) <= 160 or line.startswith("string("), (path.name, line)
        assert "string(" not in out
        assert "website can also be accessed at" not in out.casefold()
        assert not re.search(r"^share this article$", out, re.I | re.M)
        assert not re.search(r"^read more:", out, re.I | re.M)
        assert out == out.strip() and "\n\n\n" not in out
        assert clean_text(out) == out


@pytest.mark.shared
def test_seed_without_debris_is_unchanged_apart_from_whitespace():
    files = seed_files()
    unchanged = [
        p
        for p in files
        if _lines(clean_text(p.read_text(encoding="utf-8")))
        == _lines(p.read_text(encoding="utf-8"))
    ]
    assert unchanged, "expected at least one clean seed to pass through untouched"


def test_join_lines_collapses_blank_runs_and_trims():
    from framing.corpus.clean import join_lines

    lines = [" ", "", "One.", "", "\t", "", "Two.", "  ", ""]
    assert join_lines(lines) == "One.\n\nTwo."
    assert join_lines(["One.", "  ", "Two."]) == "One.\n  \nTwo."  # kept as it is
    assert join_lines([]) == ""
