"""Count unigrams and bigrams per group in one pass: sparse, vectorised.

The counting step of :mod:`framing.discovery.terms`.

Tokens
    Texts are lower-cased and split with the project's word pattern
    (:data:`framing.text.tokens.WORD_PATTERN`): hyphenated compounds and
    apostrophe words stay one token ("so-called", "foreign-backed",
    "don't"), as they are one term in the lexicon (whose matcher treats
    "so-called" and "so called" alike, and so does the in-lexicon check of
    :func:`framing.discovery.logodds.score_terms`); the curly apostrophe counts as
    ``'``; dotted abbreviations ("u.s.") are one token. A term must contain a
    letter: numbers count as tokens (for rates) but are not terms.
Phrases
    A bigram is two words with only whitespace between them: no phrase runs
    across punctuation, a quotation mark, a line break, a number or two
    documents. By default only collocations survive: Dunning's (1993)
    log-likelihood ratio G2 (the measure of NLTK's
    ``BigramAssocMeasures.likelihood_ratio``, here computed for all bigrams
    at once) must exceed 10.83 (chi-square, 1 d.f., p = 0.001), with more
    co-occurrences than chance. Pointwise mutual information is the
    alternative; ``phrase_measure=None`` keeps every bigram.
Stop words
    ``stop_words=True`` drops stop-word unigrams and bigrams made only of
    stop words ("of the"); a bigram with one content word always stays ("the
    regime", "so called"), because function words carry framing in phrases.
How
    One pass over the texts: each is lower-cased and split at spaces, and
    each chunk ("said.", "(reuters)") is mapped to an integer (a dict lookup
    in C). The token pattern then runs once per distinct chunk, not once per
    text, and numpy expands the chunk ids into token ids. Bigrams are pairs
    of token ids, counted by hashing; strings are built only for the bigrams
    that pass ``min_count``. Documents are taken group by group, so each
    group's counts are one ``bincount`` over a contiguous slice. On the ABP
    corpus this counts words and phrases three to five times faster than
    scikit-learn's ``CountVectorizer(ngram_range=(1, 2))`` (which builds
    every bigram string, millions, and a document x term matrix not needed
    here before it can prune), and about as fast as its unigram-only counting;
    see ``bench/README.md``.

Tokenising lives in :mod:`framing.discovery._token_ids`, the phrase measures in
:mod:`framing.discovery.collocation`.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse

from framing.discovery._token_ids import Voice, tokenize_texts
from framing.discovery.collocation import (
    PHRASE_THRESHOLDS,
    PhraseMeasure,
    bigram_association,
)
from framing.errors import FramingError, ParameterError

__all__ = ["STOP_WORDS", "TermCounts", "count_terms"]

#: English function words dropped with ``stop_words=True``: articles,
#: pronouns, prepositions, conjunctions, auxiliaries, determiners and the
#: commonest adverbs. No content words (unlike some general-purpose lists)
#: and no modal verbs, which hedge ("could", "might" are lexicon terms).
STOP_WORDS: frozenset[str] = frozenset(
    """
a about above after again against all also am an and any are aren't as at be
because been before being below between both but by did didn't do does doesn't
doing don't down during each either even ever few for from further had hadn't
has hasn't have haven't having he he'd he'll he's her here here's hers herself
him himself his how how's however i i'd i'll i'm i've if in into is isn't it
it's its itself just let's me more most my myself neither no nor not now of
off on once only or other our ours ourselves out over own same she she'd
she'll she's since so some such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've this
those though through thus to too under until up upon us very was wasn't we
we'd we'll we're we've were weren't what what's when when's where where's
whether which while who who's whom whose why why's with within without yet you
you'd you'll you're you've your yours yourself yourselves
""".split()
)


@dataclass(frozen=True)
class TermCounts:
    """Term counts per group, from :func:`count_terms`.

    Attributes
    ----------
    counts : scipy.sparse.csr_matrix of shape (n_groups, n_terms)
        Occurrences of each term in each group's texts (int64).
    terms : ndarray of str, shape (n_terms,)
        The terms: unigrams, then bigrams (two words joined by a space).
    groups : ndarray of str, shape (n_groups,)
        Group names, sorted.
    n_tokens : ndarray of int, shape (n_groups,)
        Word tokens per group (words and numbers, as
        :func:`framing.text.tokens.count_tokens` counts them): the denominator
        of rates per 1,000 tokens.
    n_docs : ndarray of int, shape (n_groups,)
        Documents per group.
    ngram : ndarray of int, shape (n_terms,)
        1 for a unigram, 2 for a bigram.
    spread : scipy.sparse.csr_matrix of shape (n_groups, n_terms) or None
        With ``outlets``: how many of the group's outlets use each term.
    peak : scipy.sparse.csr_matrix of shape (n_groups, n_terms) or None
        With ``outlets``: the count of each term in the group's outlet that
        uses it most (``peak / counts`` is that outlet's share).
    n_outlets : ndarray of int, shape (n_groups,), or None
        With ``outlets``: outlets per group.
    """

    counts: sparse.csr_matrix
    terms: np.ndarray
    groups: np.ndarray
    n_tokens: np.ndarray
    n_docs: np.ndarray
    ngram: np.ndarray
    spread: sparse.csr_matrix | None = None
    peak: sparse.csr_matrix | None = None
    n_outlets: np.ndarray | None = None

    @property
    def totals(self) -> np.ndarray:
        """Corpus count of every term (sum over groups)."""
        return np.asarray(self.counts.sum(axis=0)).ravel()


def count_terms(
    texts: Iterable[Any],
    groups: Iterable[Hashable],
    *,
    outlets: Iterable[Hashable] | None = None,
    ngram_range: tuple[int, int] = (1, 2),
    min_count: int = 5,
    stop_words: bool | Collection[str] = False,
    phrase_measure: PhraseMeasure | None = "likelihood_ratio",
    phrase_threshold: float | None = None,
    voice: Voice = "all",
    n_jobs: int = 1,
) -> TermCounts:
    """Count unigrams and bigrams per group in one pass over the texts.

    Parameters
    ----------
    texts : iterable of str
        The documents (None or NaN count as empty).
    groups : iterable of hashable
        The group of each document (same length, no missing values).
    outlets : iterable of hashable, optional
        The outlet of each document: then :attr:`TermCounts.spread` and
        :attr:`TermCounts.peak` say, per group, how many outlets use each
        term and how much of it comes from one outlet (missing outlets count
        as one unknown outlet).
    ngram_range : (int, int), default=(1, 2)
        Smallest and largest n: (1, 1), (1, 2) or (2, 2).
    min_count : int, default=5
        Keep terms with at least this many occurrences in the whole corpus.
    stop_words : bool or collection of str, default=False
        True drops :data:`STOP_WORDS` unigrams and bigrams made only of stop
        words; a collection of lower-case words replaces the list.
    phrase_measure : {"likelihood_ratio", "pmi"} or None, default="likelihood_ratio"
        Keep only bigrams scoring above `phrase_threshold` on this measure
        (:func:`bigram_association`), with more co-occurrences than chance;
        None keeps every bigram.
    phrase_threshold : float, optional
        Default: :data:`PHRASE_THRESHOLDS` of the measure.
    voice : {"all", "author"}, default="all"
        "author" drops quotations (:func:`framing.quotes.voice.find_quotes`, scare
        quotes included) before counting: the outlet's own words only.
    n_jobs : int, default=1
        Processes for tokenising (joblib; -1: all cores).

    Returns
    -------
    TermCounts

    Raises
    ------
    ParameterError
        For an `ngram_range`, `min_count` or `voice` out of range.
    FramingError
        When lengths differ, a group is missing, or no term is left.

    Examples
    --------
    >>> tc = count_terms(["the rebels fled", "the rebels won", "rebels won"],
    ...                  ["A", "B", "B"], min_count=2, phrase_measure=None)
    >>> tc.terms.tolist()
    ['the', 'rebels', 'won', 'the rebels', 'rebels won']
    >>> tc.counts.toarray().tolist()
    [[1, 1, 0, 1, 0], [1, 2, 2, 1, 2]]
    """
    _check_counting(ngram_range, min_count, voice)
    texts, codes, names = _group_codes(texts, groups)
    tokens = _tokenize_units(texts, codes, len(names), outlets, voice, n_jobs)
    word_total, n_tokens = _totals(tokens)
    stop = _stop_mask(tokens.strings, stop_words)
    frequent = word_total >= min_count
    blocks = []
    if ngram_range[0] == 1:
        blocks.append(_unigram_block(tokens, tokens.is_word & ~stop & frequent))
    if ngram_range[1] == 2:
        blocks.append(
            _bigram_block(
                tokens, stop, frequent, min_count, phrase_measure, phrase_threshold
            )
        )
    if not sum(len(b.terms) for b in blocks):
        raise FramingError(
            f"no term occurs at least {min_count} times; lower `min_count`"
        )
    return _assemble(blocks, names, codes, n_tokens, tokens, outlets is not None)


# -- the steps of count_terms ---------------------------------------------------


@dataclass(frozen=True)
class _Tokens:
    """The tokenised corpus, unit after unit (a group, or one outlet of a group).

    ``ids[bounds[u]:bounds[u + 1]]`` are the token ids of unit ``u``, whose
    group is ``unit_group[u]``; ``strings`` are the token types.
    """

    strings: np.ndarray
    ids: np.ndarray
    bounds: np.ndarray
    unit_group: np.ndarray
    n_groups: int

    @property
    def n_vocab(self) -> int:
        """Number of token types."""
        return len(self.strings)

    @property
    def slices(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each unit's token ids."""
        return list(zip(self.bounds[:-1], self.bounds[1:], strict=True))

    @cached_property
    def is_word(self) -> np.ndarray:
        """Token types that contain a letter: the only ones that can be terms."""
        return np.fromiter(
            (any(c.isalpha() for c in s) for s in self.strings),
            dtype=bool,
            count=self.n_vocab,
        )

    @cached_property
    def is_token(self) -> np.ndarray:
        """Token types that are words or numbers (not punctuation, not breaks)."""
        return np.fromiter(
            (s[:1].isalnum() or s[:1] == "_" for s in self.strings),
            dtype=bool,
            count=self.n_vocab,
        )


class _Block(NamedTuple):
    """One kind of term (unigrams or bigrams): group x term matrices, names."""

    counts: sparse.csr_matrix
    spread: sparse.csr_matrix
    peak: sparse.csr_matrix
    terms: np.ndarray
    ngram: np.ndarray


def _check_counting(ngram_range: tuple[int, int], min_count: int, voice: str) -> None:
    """Check the counting parameters before any work."""
    lo, hi = ngram_range
    if not 1 <= lo <= hi <= 2:
        raise ParameterError(
            f"`ngram_range` must be (1, 1), (1, 2) or (2, 2), got {ngram_range}"
        )
    if min_count < 1:
        raise ParameterError(f"`min_count` must be at least 1, got {min_count}")
    if voice not in ("all", "author"):
        raise ParameterError(f"`voice` must be 'all' or 'author', got {voice!r}")


def _group_codes(
    texts: Iterable[Any], groups: Iterable[Hashable]
) -> tuple[Sequence[Any], np.ndarray, pd.Index]:
    """Return the texts as a sequence, each one's group code, the group names."""
    if isinstance(texts, str):
        raise FramingError("texts must be a sequence of documents, not one string")
    texts = texts if isinstance(texts, Sequence) else list(texts)
    codes, names = pd.factorize(pd.Series(list(groups), dtype=object), sort=True)
    if len(codes) != len(texts):
        raise FramingError(f"{len(texts)} texts but {len(codes)} group labels")
    if (codes < 0).any():
        raise FramingError(f"document {int(np.argmax(codes < 0)) + 1} has no group")
    return texts, codes, names


def _tokenize_units(
    texts: Sequence[Any],
    codes: np.ndarray,
    n_groups: int,
    outlets: Iterable[Hashable] | None,
    voice: Voice,
    n_jobs: int,
) -> _Tokens:
    """Tokenise the texts unit by unit, so each unit's tokens are one slice."""
    units, unit_group = _units(codes, outlets, len(texts))
    order = np.argsort(units, kind="stable")
    strings, ids, lens = tokenize_texts(
        [texts[i] for i in order], voice=voice, n_jobs=n_jobs
    )
    doc_bounds = np.concatenate(([0], np.cumsum(np.bincount(units))))
    bounds = np.concatenate(([0], np.cumsum(lens)))[doc_bounds]
    return _Tokens(strings, ids, bounds, unit_group, n_groups)


def _totals(tokens: _Tokens) -> tuple[np.ndarray, np.ndarray]:
    """Corpus count of every token type, and word tokens per group."""
    is_token = tokens.is_token
    word_total = np.zeros(tokens.n_vocab, dtype=np.int64)
    n_tokens = np.zeros(tokens.n_groups, dtype=np.int64)
    for u, (a, b) in enumerate(tokens.slices):
        unit_total = np.bincount(tokens.ids[a:b], minlength=tokens.n_vocab)
        n_tokens[tokens.unit_group[u]] += unit_total[is_token].sum()
        word_total += unit_total
    return word_total, n_tokens


def _unigram_block(tokens: _Tokens, candidates: np.ndarray) -> _Block:
    """Count the unigram terms (`candidates`: a mask over token types)."""
    keep = np.flatnonzero(candidates)
    per_unit = (
        np.bincount(tokens.ids[a:b], minlength=tokens.n_vocab)[keep]
        for a, b in tokens.slices
    )
    return _block(per_unit, tokens, tokens.strings[keep], 1)


def _bigram_block(
    tokens: _Tokens,
    stop: np.ndarray,
    frequent: np.ndarray,
    min_count: int,
    measure: PhraseMeasure | None,
    threshold: float | None,
) -> _Block:
    """Count the bigram terms: pairs of words, pruned, phrases only if asked."""
    per_unit, bigrams = _count_bigrams(
        tokens.ids,
        tokens.bounds,
        tokens.strings,
        tokens.is_word,
        stop,
        frequent,
        min_count,
        measure,
        threshold,
    )
    return _block(per_unit, tokens, bigrams, 2)


def _block(
    per_unit: Iterable[np.ndarray], tokens: _Tokens, terms: np.ndarray, n: int
) -> _Block:
    """Sum per-unit count vectors of `terms` (n-grams) into group rows."""
    matrix, spread, peak = _by_group(
        per_unit, tokens.unit_group, tokens.n_groups, len(terms)
    )
    return _Block(matrix, spread, peak, terms, np.full(len(terms), n, dtype=np.int8))


def _assemble(
    blocks: list[_Block],
    names: pd.Index,
    codes: np.ndarray,
    n_tokens: np.ndarray,
    tokens: _Tokens,
    by_outlet: bool,
) -> TermCounts:
    """Put the unigram and bigram blocks side by side into a TermCounts."""
    n_groups = len(names)
    return TermCounts(
        counts=_stack([b.counts for b in blocks]),
        terms=np.concatenate([b.terms for b in blocks]).astype(object),
        groups=np.asarray([str(g) for g in names], dtype=object),
        n_tokens=n_tokens,
        n_docs=np.bincount(codes, minlength=n_groups),
        ngram=np.concatenate([b.ngram for b in blocks]),
        spread=_stack([b.spread for b in blocks]) if by_outlet else None,
        peak=_stack([b.peak for b in blocks]) if by_outlet else None,
        n_outlets=(
            np.bincount(tokens.unit_group, minlength=n_groups) if by_outlet else None
        ),
    )


def _stack(matrices: list[sparse.csr_matrix]) -> sparse.csr_matrix:
    return sparse.hstack(matrices, format="csr", dtype=np.int64)


def _units(
    codes: np.ndarray, outlets: Iterable[Hashable] | None, n: int
) -> tuple[np.ndarray, np.ndarray]:
    """Assign ids to counting units (groups, or group-outlet pairs), and groups."""
    if outlets is None:
        return codes, np.arange(codes.max() + 1 if len(codes) else 0)
    outlet_codes, _ = pd.factorize(pd.Series(list(outlets), dtype=object))
    if len(outlet_codes) != n:
        raise FramingError(f"{n} texts but {len(outlet_codes)} outlets")
    pair = codes.astype(np.int64) * (outlet_codes.max() + 2) + outlet_codes + 1
    units, unique = pd.factorize(pair, sort=True)
    return units, (unique // (outlet_codes.max() + 2)).astype(np.int64)


def _by_group(
    per_unit: Iterable[np.ndarray],
    unit_group: np.ndarray,
    n_groups: int,
    n_terms: int,
) -> tuple[sparse.csr_matrix, sparse.csr_matrix, sparse.csr_matrix]:
    """Sum the count vectors of each group's units (contiguous) into its row.

    Also, per group and term: the units (outlets) with the term, and the
    largest count in one unit.
    """
    empty = sparse.csr_matrix((1, n_terms), dtype=np.int64)
    rows = {name: [empty] * n_groups for name in ("total", "users", "peak")}
    group, acc = -1, {}
    for u, vector in enumerate(per_unit):
        if unit_group[u] != group:
            for name, value in acc.items():
                rows[name][group] = sparse.csr_matrix(value)
            group = int(unit_group[u])
            acc = {name: np.zeros(n_terms, dtype=np.int64) for name in rows}
        acc["total"] += vector
        acc["users"] += vector > 0
        np.maximum(acc["peak"], vector, out=acc["peak"])
    for name, value in acc.items():
        rows[name][group] = sparse.csr_matrix(value)
    return tuple(
        sparse.vstack(rows[name], format="csr", dtype=np.int64)
        for name in ("total", "users", "peak")
    )


def _stop_mask(strings: np.ndarray, stop_words: bool | Collection[str]) -> np.ndarray:
    if stop_words is False or stop_words is None:
        return np.zeros(len(strings), dtype=bool)
    words = STOP_WORDS if stop_words is True else {w.lower() for w in stop_words}
    return np.fromiter((s in words for s in strings), dtype=bool, count=len(strings))


def _count_bigrams(
    ids: np.ndarray,
    bounds: np.ndarray,
    strings: np.ndarray,
    is_word: np.ndarray,
    stop: np.ndarray,
    frequent: np.ndarray,
    min_count: int,
    measure: PhraseMeasure | None,
    threshold: float | None,
) -> tuple[Iterator[np.ndarray], np.ndarray]:
    """Bigrams as integer pairs: count, prune, test association; per unit."""
    n_vocab = len(strings)
    word = is_word[ids]
    pos = np.flatnonzero(word[:-1] & word[1:])  # bigram at (pos, pos + 1)
    del word
    n_bigrams = len(pos)
    first, second = ids[pos], ids[pos + 1]
    left_margin = np.bincount(first, minlength=n_vocab)
    right_margin = np.bincount(second, minlength=n_vocab)
    # A bigram is never more frequent than either of its words.
    sure = frequent[first] & frequent[second]
    pos = pos[sure]
    code = first[sure].astype(np.int64) * n_vocab + second[sure]
    del first, second, sure
    labels, uniq = pd.factorize(code)  # hashing: no sort of the positions
    del code
    totals = np.bincount(labels, minlength=len(uniq))
    w1, w2 = uniq // n_vocab, uniq % n_vocab
    keep = (totals >= min_count) & ~(stop[w1] & stop[w2])
    if measure is not None:
        limit = PHRASE_THRESHOLDS[measure] if threshold is None else threshold
        k = np.flatnonzero(keep)
        n1, n2 = left_margin[w1[k]], right_margin[w2[k]]
        score = bigram_association(totals[k], n1, n2, n_bigrams, measure=measure)
        keep[k] = (score > limit) & (totals[k] * n_bigrams > n1 * n2)
    kept = np.flatnonzero(keep)
    kept = kept[np.lexsort((w2[kept], w1[kept]))]  # stable order: by word ids
    new = np.full(len(uniq), -1, dtype=np.int64)
    new[kept] = np.arange(len(kept))
    cols = new[labels]
    del labels
    cuts = np.searchsorted(pos, bounds)
    per_unit = (
        np.bincount(c[c >= 0], minlength=len(kept))
        for c in (cols[a:b] for a, b in zip(cuts[:-1], cuts[1:], strict=True))
    )
    names = strings[w1[kept]] + " " + strings[w2[kept]]
    return per_unit, names.astype(object)
