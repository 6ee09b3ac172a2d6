"""Tokens and sentences with NLTK parts that need no downloaded data.

Words are runs of letters and digits joined by inner hyphens and apostrophes
(:data:`WORD_PATTERN`, the pattern one would give NLTK's
:class:`~nltk.tokenize.RegexpTokenizer`). Sentences come from a
regular-expression splitter (``"regex"``, the fast default: a boundary is
``.``, ``!`` or ``?`` before whitespace and a capital, digit or quote, or a
paragraph break) or from NLTK's untrained :class:`PunktSentenceTokenizer`
(``"punkt"``, about ten times slower, better on abbreviations).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from framing.errors import ParameterError

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

__all__ = [
    "WORD_PATTERN",
    "WORD_RE",
    "word_spans",
    "count_tokens",
    "sentence_spans",
    "count_sentences",
]

#: A word: letters and digits joined by inner hyphens and apostrophes
#: ("so-called", "don't", "Syria’s"). The one definition of a word in framing:
#: token counts, discovery's tokeniser and the scare-quote length check use it.
WORD_PATTERN = r"\w+(?:[-'’]\w+)*"
_SENTENCE_GAP = (
    r"(?<=[.!?])\s+(?=[\"'“‘(\[]?[A-Z0-9])"
    r"|(?<=[.!?][\"'”’)\]])\s+(?=[\"'“‘(\[]?[A-Z0-9])"
    r"|\s*\n\s*"
)

# NLTK's RegexpTokenizer compiles with the third-party ``regex`` module,
# about 4x slower than ``re`` on these patterns, and its ``\w`` and ``\s``
# differ from ``re``'s (superscript digits, combining marks, \x1c-\x1f).
# Spans and counts both use ``re`` with the same patterns so they always
# agree (tests check this). NLTK itself is imported only where a sentence is
# split: importing it loads scikit-learn, scipy and pandas, which the word
# pattern's users (``framing highlight``) do without.
#: :data:`WORD_PATTERN`, compiled with ``re``.
WORD_RE = re.compile(WORD_PATTERN)
_GAP_RE = re.compile(_SENTENCE_GAP)
# For counting only: the same boundaries, written to start with a character
# set so the regex engine skips ahead to candidate positions (about 3x faster
# than scanning with the pattern above). In a stripped text every match is
# followed by a non-blank piece, so there are matches + 1 sentences.
_COUNT_RE = re.compile(
    r"[.!?\n](?:(?<=[.!?])[\"'”’)\]]?\s+(?=[\"'“‘(\[]?[A-Z0-9])|(?<=\n)\s*)"
)
SentenceMethod = Literal["regex", "punkt"]


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    return PunktSentenceTokenizer()


def word_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the words of ``text``.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of (int, int)
        Half-open character offsets, in order.

    Examples
    --------
    >>> word_spans("Foreign-backed groups' gains")
    [(0, 14), (15, 21), (23, 28)]
    """
    return [m.span() for m in WORD_RE.finditer(text)]


def count_tokens(text: str) -> int:
    """Return the number of word tokens in ``text``.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    int
        As many as :func:`word_spans` finds.

    Examples
    --------
    >>> count_tokens("So-called rebels didn't win.")
    4
    """
    return len(WORD_RE.findall(text)) if text else 0


def sentence_spans(
    text: str, *, method: SentenceMethod = "regex"
) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences of ``text``.

    Parameters
    ----------
    text : str
        The text.
    method : {"regex", "punkt"}, default="regex"
        Splitter to use (see module docstring).

    Returns
    -------
    list of (int, int)
        Half-open character offsets of the non-blank sentences.

    Raises
    ------
    ParameterError
        For an unknown `method` (a ``ValueError``).

    Examples
    --------
    >>> t = "He left. She stayed!\\nNext"
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['He left.', 'She stayed!', 'Next']
    """
    if not text or not text.strip():
        return []
    if method == "punkt":
        return list(_punkt().span_tokenize(text))
    if method != "regex":
        raise ParameterError(f"`method` must be 'regex' or 'punkt', got {method!r}")
    from nltk.tokenize.util import regexp_span_tokenize

    return [(a, b) for a, b in regexp_span_tokenize(text, _GAP_RE) if text[a:b].strip()]


def count_sentences(text: str, *, method: SentenceMethod = "regex") -> int:
    """Return the number of sentences in ``text``.

    Parameters
    ----------
    text : str
        The text.
    method : {"regex", "punkt"}, default="regex"
        Splitter to use (see module docstring).

    Returns
    -------
    int
        As many as :func:`sentence_spans` finds.

    Raises
    ------
    ParameterError
        For an unknown `method` (a ``ValueError``).

    Examples
    --------
    >>> count_sentences("One. Two? Three!")
    3
    """
    if not text or not text.strip():
        return 0
    if method == "punkt":
        return len(sentence_spans(text, method="punkt"))
    if method != "regex":
        raise ParameterError(f"`method` must be 'regex' or 'punkt', got {method!r}")
    # Both kinds of boundary consume all the whitespace after them, and a
    # terminator boundary needs a character after it, so once the ends are
    # stripped no piece between or after boundaries is blank.
    return len(_COUNT_RE.findall(text.strip())) + 1
