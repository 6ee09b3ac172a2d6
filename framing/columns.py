"""Shared names: column names, voices and the ``Match`` record."""

from __future__ import annotations

from typing import Literal, NamedTuple

ID = "id"
TEXT = "text"
OUTLET = "outlet"
DATE = "date"
TITLE = "title"
STATUS = "status"

Voice = Literal["author", "quoted"]
AUTHOR: Voice = "author"
QUOTED: Voice = "quoted"
VOICES: tuple[Voice, ...] = (AUTHOR, QUOTED)

#: Category name of structurally detected scare quotes (not a lexicon category).
SCARE_QUOTES = "scare_quotes"


class Match(NamedTuple):
    """One lexicon hit in a text.

    Attributes
    ----------
    category : str
        Lexicon category of the term.
    term : str
        Canonical term as written in the lexicon.
    start, end : int
        Half-open character offsets into the text that was matched;
        ``text[start:end]`` is the surface form.
    voice : {"author", "quoted"}
        Whether the match stands in the outlet's own voice or in a quotation.

    Examples
    --------
    >>> m = Match("hedges", "reportedly", 4, 14, "author")
    >>> "The reportedly"[m.start:m.end]
    'reportedly'
    """

    category: str
    term: str
    start: int
    end: int
    voice: Voice = AUTHOR

    def as_dict(self) -> dict[str, object]:
        """Return the match as a plain dict (for JSON output)."""
        return self._asdict()
