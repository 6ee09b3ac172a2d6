"""Authorial voice vs quoted speech: quotation spans and scare quotes.

A loaded word inside a quotation is the speaker's, not the outlet's. This
module finds quotation spans in a text (straight and curly double quotes,
guillemets, single quotes at top level or nested in double quotes, quotations
that continue across paragraphs, a quotation left open until the paragraph
ends) and, among the short ones, the *scare quotes*: a one-to-three-word
quotation with no speech verb or speaker nearby (the "moderate" rebels).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from framing.columns import AUTHOR, QUOTED, SCARE_QUOTES, Match, Voice
from framing.text.tokens import WORD_RE

__all__ = ["QuoteSpan", "find_quotes", "voice_at", "find_scare_quotes"]


class QuoteSpan(NamedTuple):
    """A quotation: half-open ``[start, end)`` including its quote marks.

    Attributes
    ----------
    start, end : int
        Offsets into the text; the span covers the opening mark and the
        closing mark when there is one.
    closed : bool
        False when the paragraph (or text) ended before a closing mark.
    paragraphs : int
        How many paragraphs the quotation runs over.
    """

    start: int
    end: int
    closed: bool = True
    paragraphs: int = 1


_DOUBLE_OPEN = "“„‟«"
_DOUBLE_CLOSE = "”»"
_DOUBLE_MARKS = re.compile(r'["“”„‟«»]')
# Single quotes: an opener is not preceded by a word character and is
# followed by one; a closer follows a word or punctuation character and is
# not followed by a word character. Apostrophes (Syria's) are neither, nor
# is the elision of a decade or year ('90s, '16). The quote character comes
# first in each pattern so the scan is fast.
_SINGLE_OPEN = re.compile(r"['‘‹](?<![\w'’‘]['‘‹])(?=[\w\"“])(?!\d\ds?\b)")
_SINGLE_CLOSE = re.compile(r"['’›](?<=[\w.,!?%)\"”]['’›])(?!\w)")
_OPEN_CONTEXT = set(" \t\r\n([{/—–-:")
_SPEECH = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|state[sd]?|add(?:s|ed)?|"
    r"ask(?:s|ed)?|wr(?:ote|ites?)|declare[sd]?|announce[sd]?|according|"
    r"describe[sd]?|call(?:s|ed|ing)?|dub(?:s|bed)?|term(?:s|ed)?|"
    r"label(?:s|led|ed)?|brand(?:s|ed)?|insist(?:s|ed)?|claim(?:s|ed)?|"
    r"tweet(?:s|ed)?|quot(?:e|es|ed|ing)|urge[sd]?|warn(?:s|ed)?|"
    r"repl(?:y|ies|ied)|respond(?:s|ed)?|note[sd]?|explain(?:s|ed)?|"
    r"vow(?:s|ed)?|chant(?:s|ed)?|shout(?:s|ed)?|titled|entitled|"
    r"headlined?|known\s+as|words?|slogan|phrase|spokes(?:man|woman|person)|"
    r"statements?|accus(?:e|es|ed|ing|ation)|prais(?:e|es|ed|ing)|"
    r"condemn(?:s|ed|ing)?|critici[sz](?:e|es|ed|ing)|denounc(?:e|es|ed|ing)|"
    r"promis(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|demand(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)
_WINDOW = 60


def _classify_straight(text: str, i: int) -> str:
    """Classify a straight double quote as ``open``, ``close`` or ``either``."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev in _OPEN_CONTEXT and not nxt.isspace():
        return "open"
    if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
        return "close"
    return "either"


def _double_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for m in _DOUBLE_MARKS.finditer(text):
        i = m.start()
        ch = text[i]
        kind = (
            "open"
            if ch in _DOUBLE_OPEN
            else "close"
            if ch in _DOUBLE_CLOSE
            else _classify_straight(text, i)
        )
        if open_at is not None:
            nl = text.find("\n", open_at, i)
            if nl >= 0:
                # The paragraph ended inside the quotation: it runs to the
                # paragraph end. This mark is the first of a later paragraph.
                spans.append(QuoteSpan(open_at, nl, closed=False))
                open_at = None
                para_start = text.rfind("\n", 0, i) + 1
                if kind == "close" and not text[nl:para_start].strip():
                    # Continued in the next paragraph without a reopening
                    # mark: quoted from the paragraph start to this mark.
                    spans.append(QuoteSpan(para_start, i + 1))
                    continue
            elif kind != "open" or ch == '"':
                spans.append(QuoteSpan(open_at, i + 1))
                open_at = None
                continue
            else:
                continue  # a second opening mark inside a quotation
        if kind != "close":
            open_at = i
    if open_at is not None:
        nl = text.find("\n", open_at)
        spans.append(QuoteSpan(open_at, len(text) if nl < 0 else nl, closed=False))
    return _merge_continued(text, spans)


def _merge_continued(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Join an unclosed quotation with the next paragraph's reopened one."""
    out: list[QuoteSpan] = []
    for span in spans:
        if out and not out[-1].closed:
            gap = text[out[-1].end : span.start]
            if gap.strip() == "" and "\n" in gap:
                prev = out.pop()
                span = QuoteSpan(prev.start, span.end, span.closed, prev.paragraphs + 1)
        out.append(span)
    return out


def _single_spans(text: str, doubles: Sequence[QuoteSpan]) -> list[QuoteSpan]:
    """Top-level single-quoted spans that open and close within a paragraph."""
    openers = [m.start() for m in _SINGLE_OPEN.finditer(text)]
    if not openers:
        return []
    closers = [m.start() for m in _SINGLE_CLOSE.finditer(text)]
    starts = [s.start for s in doubles]
    spans = []
    ci = 0
    last_end = -1
    for o in openers:
        if o < last_end or _inside(starts, doubles, o):
            continue
        while ci < len(closers) and closers[ci] <= o:
            ci += 1
        if ci == len(closers):
            break
        c = closers[ci]
        segment = text[o:c]
        if "\n" in segment or any(o < s.start < c for s in doubles):
            continue
        spans.append(QuoteSpan(o, c + 1))
        last_end = c + 1
    return spans


def _inside(starts: Sequence[int], spans: Sequence[QuoteSpan], pos: int) -> bool:
    k = bisect_right(starts, pos) - 1
    return k >= 0 and spans[k].start <= pos < spans[k].end


def find_quotes(text: str) -> list[QuoteSpan]:
    """Find the quotation spans of a text, sorted and non-overlapping.

    Parameters
    ----------
    text : str
        The text, paragraphs separated by newlines.

    Returns
    -------
    list of QuoteSpan
        Spans including their quote marks. Single quotes nested inside
        double quotes are part of the enclosing span.

    Examples
    --------
    >>> text = 'He said "they are \\'terrorists\\'" today.'
    >>> [text[s.start:s.end] for s in find_quotes(text)]
    ['"they are \\'terrorists\\'"']
    """
    doubles = _double_spans(text)
    singles = _single_spans(text, doubles)
    if not singles:
        return doubles
    return sorted(doubles + singles)


def voice_at(spans: Sequence[QuoteSpan], starts: Sequence[int], pos: int) -> Voice:
    """Return the voice at character ``pos`` given sorted quotation spans.

    Parameters
    ----------
    spans : sequence of QuoteSpan
        From :func:`find_quotes`.
    starts : sequence of int
        ``[s.start for s in spans]`` (precomputed for bisection).
    pos : int
        Character offset.

    Returns
    -------
    {"author", "quoted"}

    Examples
    --------
    >>> spans = find_quotes('a "b" c')
    >>> voice_at(spans, [s.start for s in spans], 3)
    'quoted'
    """
    return QUOTED if _inside(starts, spans, pos) else AUTHOR


def _paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi


def find_scare_quotes(
    text: str, spans: Sequence[QuoteSpan] | None = None, *, max_words: int = 3
) -> list[Match]:
    """Find scare quotes: short quotations with no speaker or speech verb.

    A quotation counts when it is closed, holds 1 to ``max_words`` words, does
    not end in sentence punctuation, is not a whole paragraph (a headline),
    and no speech verb, speaker word or colon stands within 60 characters
    of it in the same paragraph (not counting neighbouring quotations).

    Parameters
    ----------
    text : str
        The text.
    spans : sequence of QuoteSpan, optional
        Precomputed :func:`find_quotes` result.
    max_words : int, default=3
        Longest quotation, in words, that can be a scare quote.

    Returns
    -------
    list of Match
        Category ``scare_quotes``, term = the quoted words in lower case,
        span including the quote marks, voice ``author``.

    Examples
    --------
    >>> text = 'Washington arms the "moderate" rebels.'
    >>> [(m.term, text[m.start:m.end]) for m in find_scare_quotes(text)]
    [('moderate', '"moderate"')]
    """
    if spans is None:
        spans = find_quotes(text)
    found = []
    for i, s in enumerate(spans):
        if not s.closed or s.paragraphs > 1:
            continue
        inner = text[s.start + 1 : s.end - 1].strip()
        if not inner or inner[-1] in ".!?,;:":
            continue
        words = WORD_RE.findall(inner)
        if not 1 <= len(words) <= max_words:
            continue
        lo, hi = _paragraph_bounds(text, s.start, s.end)
        # The context stops at neighbouring quotations: their speech verbs
        # belong to them.
        if i > 0:
            lo = max(lo, spans[i - 1].end)
        if i + 1 < len(spans):
            hi = min(hi, spans[i + 1].start)
        before = text[max(lo, s.start - _WINDOW) : s.start]
        after = text[s.end : min(hi, s.end + _WINDOW)]
        if not before.strip() and not after.strip(" .!?"):
            continue  # the quotation is the whole paragraph
        if before.rstrip().endswith(":") or after.lstrip().startswith(","):
            continue
        if _SPEECH.search(before) or _SPEECH.search(after):
            continue
        found.append(
            Match(SCARE_QUOTES, " ".join(w.lower() for w in words), s.start, s.end)
        )
    return found
