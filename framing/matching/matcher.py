"""Compile a lexicon into a fast multi-term matcher returning character spans.

The matcher is an Aho-Corasick automaton (pyahocorasick) over every surface
form of every term: the term, its hyphen/space variants and, where the
category allows, regular inflections of its last word. The text is
lower-cased (keeping offsets), the automaton reports every occurrence in one
C-level pass, and Python keeps those on word boundaries and resolves overlaps
leftmost-longest. Chosen by measurement: see ``bench/README.md``.
"""

from __future__ import annotations

import itertools
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

import ahocorasick

from framing.columns import AUTHOR, QUOTED, SCARE_QUOTES, Match
from framing.lexicon.lexicon import Lexicon
from framing.lexicon.load import resolve_lexicon
from framing.quotes.voice import find_quotes, find_scare_quotes

__all__ = ["Matcher", "compile_matcher", "inflections", "surface_forms"]

_VOWELS = set("aeiou")
_MAX_SEPARATOR_VARIANTS = 5


def inflections(word: str) -> set[str]:
    """Return regular inflections of an English word (noun and verb forms).

    Over-generation is harmless (a form that never occurs never matches), so
    the rules are generous: plural ``-s/-es/-ies``, past ``-ed/-d/-ied``,
    ``-ing``, and consonant doubling for short closed syllables.

    Parameters
    ----------
    word : str
        A lower-case word.

    Returns
    -------
    set of str
        The inflected forms, not including ``word`` itself.

    Examples
    --------
    >>> sorted(inflections("claim"))
    ['claimed', 'claiming', 'claims']
    >>> sorted(inflections("militia"))
    ['militiaed', 'militiaing', 'militias']
    """
    if len(word) < 3 or not word.isalpha():
        return set()
    forms = set()
    last, prev = word[-1], word[-2]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {word + "es", word + "ed", word + "ing"}
    elif last == "y" and prev not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif last == "e":
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    else:
        forms |= {word + "s", word + "ed", word + "ing"}
        if (
            last not in _VOWELS
            and last not in "wxy"
            and prev in _VOWELS
            and word[-3] not in _VOWELS
            and len(word) <= 6
        ):
            forms |= {word + last + "ed", word + last + "ing"}
    return forms


def surface_forms(term: str, *, inflect: bool = True) -> list[str]:
    """Return every lower-case surface form the matcher looks for.

    Words may be joined by a space or a hyphen; with ``inflect`` the last
    word may also carry a regular inflection.

    Parameters
    ----------
    term : str
        A normalised lexicon term.
    inflect : bool, default=True
        Add inflections of the last word.

    Returns
    -------
    list of str
        The term itself first, then the variants.

    Examples
    --------
    >>> surface_forms("so-called", inflect=False)
    ['so-called', 'so called']
    """
    words = term.replace("-", " ").split(" ")
    lasts = [words[-1]]
    if inflect:
        lasts += sorted(inflections(words[-1]))
    seps = len(words) - 1
    if seps > _MAX_SEPARATOR_VARIANTS:
        joins: Iterable[tuple[str, ...]] = [(" ",) * seps]
    else:
        joins = itertools.product((" ", "-"), repeat=seps)
    forms = [term]
    for joint in joins:
        for last in lasts:
            parts = words[:-1] + [last]
            pairs = zip(joint, parts[1:], strict=True)
            form = parts[0] + "".join(s + w for s, w in pairs)
            if form not in forms:
                forms.append(form)
    return forms


def _is_word_char(c: str) -> bool:
    """Whether ``c`` continues a word: a letter, a digit or a combining mark."""
    return c.isalnum() or unicodedata.category(c)[0] == "M"


def _lower_same_length(text: str) -> str:
    """Lower-case ``text`` without changing its length (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[0] if c.lower() else c for c in text)


class Matcher:
    """A compiled lexicon: finds framing terms and their voice in texts.

    Parameters
    ----------
    lexicon : Lexicon
        The lexicon to compile.

    Attributes
    ----------
    categories : tuple of str
        Lexicon category names (without ``scare_quotes``).
    lexicon : Lexicon
        The compiled lexicon.

    Examples
    --------
    >>> m = compile_matcher()
    >>> text = 'Foreign-backed militants, the "moderate" rebels, reportedly fled.'
    >>> [(x.category, text[x.start:x.end]) for x in m.find(text)][:1]
    [('armed_group_labels_delegitimising', 'Foreign-backed militants')]
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.categories: tuple[str, ...] = lexicon.category_names
        self._build()

    def _build(self) -> None:
        automaton = ahocorasick.Automaton()
        entries: list[tuple[str, str]] = []
        taken: set[str] = set()
        # Terms as written first, so an inflected variant never shadows a
        # term that another category lists explicitly.
        for explicit in (True, False):
            for name, cat in self.lexicon.categories.items():
                for term in cat.terms:
                    forms = surface_forms(term, inflect=cat.inflect)
                    for form in forms if not explicit else forms[:1]:
                        if form in taken:
                            continue
                        taken.add(form)
                        entries.append((name, term))
                        automaton.add_word(form, (len(form), len(entries) - 1))
        if entries:
            automaton.make_automaton()
        self._automaton = automaton
        self._entries = entries
        ignored = {n for n, c in self.lexicon.categories.items() if c.ignore}
        self._ignored = {i for i, (n, _) in enumerate(entries) if n in ignored}

    # pyahocorasick automata pickle, but rebuilding keeps the state small and
    # independent of the C extension's pickle format.
    def __getstate__(self) -> dict[str, Any]:
        return {"lexicon": self.lexicon}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["lexicon"])

    def __len__(self) -> int:
        """Return the number of surface forms compiled."""
        return len(self._entries)

    def __contains__(self, form: object) -> bool:
        """Whether a surface form (any case) is compiled."""
        return isinstance(form, str) and form.lower() in self._automaton

    def find_terms(self, text: str) -> list[tuple[int, int, int]]:
        """Return lexicon hits as ``(start, end, entry)`` without voice.

        Hits are on word boundaries, non-overlapping and leftmost-longest;
        hits of ``ignore`` categories take part in the longest-match rule and
        are then dropped.

        Parameters
        ----------
        text : str
            The text to search.

        Returns
        -------
        list of (int, int, int)
            Offsets and an index into the matcher's entry table.
        """
        if not text or not self._entries:
            return []
        low = _lower_same_length(text)
        n = len(low)
        hits = []
        for end, (length, idx) in self._automaton.iter(low):
            start = end - length + 1
            if (start == 0 or not _is_word_char(low[start - 1])) and (
                end + 1 == n or not _is_word_char(low[end + 1])
            ):
                hits.append((start, end + 1, idx))
        if len(hits) > 1:
            hits.sort(key=lambda h: (h[0], h[0] - h[1]))
            kept = []
            last_end = -1
            for hit in hits:
                if hit[0] >= last_end:
                    kept.append(hit)
                    last_end = hit[1]
            hits = kept
        if self._ignored:
            hits = [h for h in hits if h[2] not in self._ignored]
        return hits

    def find(
        self, text: str, *, voice: bool = True, scare_quotes: bool = True
    ) -> list[Match]:
        """Find every framing term in ``text``, with its voice.

        Parameters
        ----------
        text : str
            The text; offsets refer to it exactly as given.
        voice : bool, default=True
            Decide author vs quoted voice from quotation spans; when False
            every match is marked ``author``.
        scare_quotes : bool, default=True
            Also report scare quotes (category ``scare_quotes``); these may
            enclose lexicon matches.

        Returns
        -------
        list of Match
            Sorted by start offset.
        """
        hits = self.find_terms(text)
        quotes = find_quotes(text) if (voice or scare_quotes) and text else []
        out = []
        if hits:
            starts = [q.start for q in quotes]
            for start, end, idx in hits:
                cat, term = self._entries[idx]
                v = AUTHOR
                if voice and quotes:
                    k = bisect_right(starts, start) - 1
                    if k >= 0 and quotes[k].end > start:
                        v = QUOTED
                out.append(Match(cat, term, start, end, v))
        if scare_quotes and quotes:
            out.extend(find_scare_quotes(text, quotes))
            out.sort(key=lambda m: (m.start, -m.end))
        return out

    def iter_find(
        self, texts: Iterable[str], *, voice: bool = True, scare_quotes: bool = True
    ) -> Iterator[list[Match]]:
        """Yield :meth:`find` results for each text in order.

        Parameters
        ----------
        texts : iterable of str
            The texts; a value that is not a string counts as ``""``.
        voice, scare_quotes : bool, default=True
            As in :meth:`find`.

        Yields
        ------
        list of Match
            The matches of one text.
        """
        for text in texts:
            text = text if isinstance(text, str) else ""
            yield self.find(text, voice=voice, scare_quotes=scare_quotes)

    @property
    def all_categories(self) -> tuple[str, ...]:
        """Lexicon categories plus ``scare_quotes``."""
        return (*self.categories, SCARE_QUOTES)


def compile_matcher(lexicon: Lexicon | Any = None) -> Matcher:
    """Compile a lexicon (default: the shipped one) into a :class:`Matcher`.

    Parameters
    ----------
    lexicon : Lexicon, mapping, path, iterable of paths or None, optional
        Anything :func:`framing.lexicon.load.resolve_lexicon` accepts:
        None gives the shipped lexicon, TOML paths extend it.

    Returns
    -------
    Matcher

    Raises
    ------
    ParameterError
        When `lexicon` is none of these (a ``TypeError`` and ``ValueError``).

    Examples
    --------
    >>> m = compile_matcher()
    >>> len(m) > 1000
    True
    """
    return Matcher(resolve_lexicon(lexicon))
