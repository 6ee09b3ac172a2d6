"""The shipped lexicon on the real seed articles in ../shared/seeds.

Skipped when ../shared is absent (a fresh clone does not have it). The seed
texts stay outside the repository; only short terms are asserted here.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import pytest

from framing.columns import SCARE_QUOTES
from framing.quotes.voice import find_quotes
from tests.conftest import assert_surface, canon

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seeds(shared_dir):
    folder = shared_dir / "seeds"
    files = sorted(folder.glob("*.txt"))
    if not files:
        pytest.skip(f"no seed articles in {folder}")
    return {f.name[:3]: f.read_text(encoding="utf-8") for f in files}


def seed(seeds, prefix):
    if prefix not in seeds:
        pytest.skip(f"seed {prefix}_* is absent")
    return seeds[prefix]


def lexical(matcher, text):
    return [m for m in matcher.find(text) if m.category != SCARE_QUOTES]


def curly_quoted(text, pos):
    """Independent check: is ``pos`` between a \u201c and the next \u201d in
    its paragraph (or to the paragraph end when no \u201d follows)?"""
    lo = text.rfind("\n", 0, pos) + 1
    para = text[lo:pos]
    return para.count("\u201c") > para.count("\u201d")


def test_offsets_and_voice_on_every_seed(shipped_matcher, seeds):
    for name, text in seeds.items():
        ms = lexical(shipped_matcher, text)
        assert len(ms) >= 20, name
        quotes = find_quotes(text)
        starts = [q.start for q in quotes]
        for m in ms:
            assert_surface(text, m, shipped_matcher.lexicon)
            k = bisect_right(starts, m.start) - 1
            inside = k >= 0 and m.start < quotes[k].end
            assert (m.voice == "quoted") == inside, (name, m)


def test_takfiri_in_000_is_author_voice(shipped_matcher, seeds):
    text = seed(seeds, "000")
    takfiri = [
        m
        for m in lexical(shipped_matcher, text)
        if canon(text[m.start : m.end]).startswith("takfiri")
    ]
    # Every "Takfiri ..." in 000 stands outside quotation marks.
    assert len(takfiri) >= 8
    assert all(m.voice == "author" for m in takfiri)
    assert all(not curly_quoted(text, m.start) for m in takfiri)


def test_terrorists_inside_curly_quotes_in_000_are_quoted(shipped_matcher, seeds):
    text = seed(seeds, "000")
    ms = lexical(shipped_matcher, text)
    terrorists = [m for m in ms if canon(text[m.start : m.end]) == "terrorists"]
    in_curly = [m for m in terrorists if curly_quoted(text, m.start)]
    # The ministry's statement opens a paragraph with a curly quote and
    # contains "terrorists": the ministry's word, not the outlet's.
    opening = [
        m for m in in_curly if text[text.rfind("\n", 0, m.start) + 1] == "\u201c"
    ]
    assert opening
    assert all(m.voice == "quoted" for m in in_curly)
    # ... while the same word outside quotation marks is the outlet's.
    outside = [m for m in terrorists if m not in in_curly and m.voice == "author"]
    assert outside
    # Every match inside curly quotes is quoted voice, whatever the term.
    curly = [m for m in ms if curly_quoted(text, m.start)]
    assert len(curly) >= 3
    assert all(m.voice == "quoted" for m in curly)


def test_foreign_backed_in_000(shipped_matcher, seeds):
    text = seed(seeds, "000")
    hits = [m for m in lexical(shipped_matcher, text) if "foreign-backed" in m.term]
    assert hits
    for m in hits:
        assert canon(text[m.start : m.end]).startswith("foreign backed")
        assert m.voice == "author"


@pytest.mark.parametrize(("prefix", "at_least"), [("001", 1), ("004", 2)])
def test_so_called(shipped_matcher, seeds, prefix, at_least):
    text = seed(seeds, prefix)
    hits = [m for m in lexical(shipped_matcher, text) if m.term == "so-called"]
    assert len(hits) >= at_least
    for m in hits:
        assert re.fullmatch(r"so[- ]called", text[m.start : m.end], re.I)
        assert m.category == shipped_matcher.lexicon.category_of("so-called")
        assert m.voice == "author"
