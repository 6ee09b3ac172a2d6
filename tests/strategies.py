"""Hypothesis strategies shared by the property tests: arbitrary Unicode text
mixed with lexicon terms, and the settings those tests run with."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

SPECIAL = [
    "\x00", "\n", "\n\n", " ", "\t", "-", "'", "\u2019", "\u2018", '"',
    "\u201c", "\u201d", "\u00ab", "\u00bb", ".", ",", "!", "?", ":",
    "\u0301", "\u0303", "\u200b", "\ufeff", "\u0130", "\u00df", "\ufb01",
    "\U0001f600", "\U0001f1f8\U0001f1fe", "\U0001f468\u200d\U0001f469",
    "a", "e", "s", "d", "ing", "A", "Z", "0", "9", "_", "regime's", "rebels'",
]  # fmt: skip

TERMS = [
    "terrorist", "terrorists", "Takfiri", "TAKFIRIS", "takfiri terrorists",
    "Takfiri-Terrorist", "regime", "regimes", "war", "militants",
    "foreign-backed", "Foreign Backed", "so-called", "SO CALLED", "claim",
    "claimed", "claims", "according to", "According-To", "US-led", "us led",
    "massacre", "brutal",
]  # fmt: skip

any_char = st.characters(exclude_categories=("Cs",))
noise = st.one_of(
    st.text(any_char, max_size=40),
    st.lists(st.sampled_from(SPECIAL), max_size=30).map("".join),
    st.lists(st.sampled_from(SPECIAL + TERMS), max_size=15).map(" ".join),
)


@st.composite
def texts_with_terms(draw):
    """Random text with lexicon surface forms inserted between spaces.

    Returns the text and the (start, end) of every inserted term.
    """
    pieces = [draw(noise)]
    inserted = []
    for _ in range(draw(st.integers(0, 6))):
        term = draw(st.sampled_from(TERMS))
        pieces.append(" ")
        start = sum(map(len, pieces))
        pieces.append(term)
        inserted.append((start, start + len(term)))
        pieces.append(" ")
        pieces.append(draw(noise))
    return "".join(pieces), inserted
