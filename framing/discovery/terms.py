"""Distinguishing terms per group: log-odds with an informative Dirichlet prior.

The words and phrases that set one outlet (or label group) apart from the
rest, or from one other group, scored with the log-odds ratio with an
informative Dirichlet prior of Monroe, Colaresi & Quinn (2008), "Fightin'
Words: Lexical feature selection and evaluation for identifying the content
of political conflict", *Political Analysis* 16(4): 372-403. Three steps,
kept apart:

1. :func:`count_terms` (from :mod:`framing.discovery.counts`): one pass over the
   texts, a sparse group x term matrix of unigram and bigram counts
   (tokenisation, phrases and stop words are documented there).
2. :func:`build_prior` (from :mod:`framing.discovery.logodds`): Dirichlet
   pseudo-counts from the whole corpus, scaled.
3. :func:`log_odds_dirichlet` (same): the z-scores, one vectorised formula.

:func:`score_terms` ranks the terms of every group at once.
:func:`discover_terms` does the lot from a corpus DataFrame in named steps:
:func:`group_corpus` (who belongs to which group, boilerplate stripped if
asked), :func:`count_group_terms`, then :func:`score_terms`.
:func:`suggest_lexicon` (from :mod:`framing.discovery.candidates`) writes the
strongest terms that are not yet in the lexicon as a TOML skeleton for a
human to review. Nothing here edits a lexicon.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from framing.columns import OUTLET, TEXT
from framing.discovery._token_ids import Voice
from framing.discovery.collocation import PhraseMeasure
from framing.discovery.counts import TermCounts, count_terms
from framing.discovery.logodds import (
    group_position,
    score_terms,
)
from framing.errors import FramingError, ParameterError
from framing.lexicon.lexicon import Lexicon

__all__ = [
    "GroupedCorpus",
    "assign_groups",
    "count_group_terms",
    "discover_terms",
    "group_corpus",
]

# -- from a corpus -------------------------------------------------------------


def assign_groups(
    corpus: pd.DataFrame,
    *,
    by: str = OUTLET,
    vs: tuple[str, str] | None = None,
    group_labels: Mapping[str, str] | None = None,
) -> pd.Series:
    """Give each article its group; check that there is something to compare.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus from :func:`framing.corpus.read.read_corpus`.
    by : str, default="outlet"
        Column holding the group; with `group_labels`, only a name.
    vs : (str, str), optional
        Two groups to compare: both must exist and differ.
    group_labels : mapping of str to str, optional
        Outlet -> group (see :func:`framing.corpus.labels.read_outlet_labels`);
        outlets not in it get no group.

    Returns
    -------
    pandas.Series of str
        The group of every article that has one, indexed like `corpus`
        (articles without a group are left out).

    Raises
    ------
    FramingError
        No text or group column, fewer than two groups, or a `vs` group that
        does not exist.

    Examples
    --------
    >>> df = pd.DataFrame({"text": ["a", "b", "c"], "bias": ["left", None, "right"]})
    >>> assign_groups(df, by="bias").tolist()
    ['left', 'right']
    """
    if TEXT not in corpus.columns:
        raise FramingError("the corpus has no text column; use `text_col`")
    if group_labels is not None:
        if OUTLET not in corpus.columns:
            raise FramingError(
                "group labels map outlets to groups, but the corpus "
                "has no outlet column; use `outlet_col`"
            )
        source = corpus[OUTLET].map(
            lambda o: group_labels.get(o) if isinstance(o, str) else None
        )
    elif by in corpus.columns:
        source = corpus[by]
    else:
        columns = ", ".join(map(str, corpus.columns))
        raise FramingError(
            f"no column {by!r} to group by; columns are {columns}. "
            "Use `by='outlet'`, a label column, or `group_labels`"
        )
    groups = source[source.notna()].map(str).astype(object)
    names = sorted(set(groups))
    if len(names) < 2:
        found = f"only {names[0]!r}" if names else "no group"
        raise FramingError(
            f"grouping by {by!r} gives {found}; distinguishing "
            "terms need at least two groups"
        )
    if vs is not None:
        positions = [group_position(names, name) for name in vs]
        if positions[0] == positions[1]:
            raise ParameterError(
                f"`vs` needs two different groups, got {vs[0]!r} twice"
            )
    return groups


@dataclass(frozen=True)
class GroupedCorpus:
    """The articles of a corpus that have a group, ready to count.

    Attributes
    ----------
    corpus : pandas.DataFrame
        The rows with a group, in corpus order (stripped of boilerplate when
        asked).
    groups : pandas.Series of str
        The group of each row of `corpus`, same index.
    left_out : int
        Articles without a group.
    """

    corpus: pd.DataFrame
    groups: pd.Series
    left_out: int


def group_corpus(
    corpus: pd.DataFrame,
    *,
    by: str = OUTLET,
    vs: tuple[str, str] | None = None,
    group_labels: Mapping[str, str] | None = None,
    strip_boilerplate: bool = False,
) -> GroupedCorpus:
    """Keep the articles that have a group; strip their boilerplate if asked.

    Parameters
    ----------
    corpus : pandas.DataFrame
        With a ``text`` column and the group column.
    by, vs, group_labels
        See :func:`assign_groups`.
    strip_boilerplate : bool, default=False
        Remove photo credits, then the lines that recur across an outlet's
        grouped articles (:func:`framing.corpus.boilerplate.find_and_strip`),
        so that bylines and footers do not pass for framing.

    Returns
    -------
    GroupedCorpus

    Raises
    ------
    FramingError
        As :func:`assign_groups`.

    Examples
    --------
    >>> df = pd.DataFrame({"text": ["a", "b", "c"], "bias": ["l", None, "r"]})
    >>> grouped = group_corpus(df, by="bias")
    >>> grouped.corpus["text"].tolist(), grouped.left_out
    (['a', 'c'], 1)
    """
    groups = assign_groups(corpus, by=by, vs=vs, group_labels=group_labels)
    kept = corpus.loc[groups.index]
    if strip_boilerplate:
        from framing.corpus.boilerplate import find_and_strip

        kept, _ = find_and_strip(kept)
    return GroupedCorpus(kept, groups, len(corpus) - len(groups))


def count_group_terms(
    grouped: GroupedCorpus,
    *,
    ngram_range: tuple[int, int] = (1, 2),
    min_count: int = 5,
    stop_words: bool | Collection[str] = True,
    phrase_measure: PhraseMeasure | None = "likelihood_ratio",
    voice: Voice = "all",
    n_jobs: int = 1,
) -> TermCounts:
    """Count the terms of each group (:func:`count_terms`), by outlet if known.

    Parameters
    ----------
    grouped : GroupedCorpus
        From :func:`group_corpus`.
    stop_words : bool or collection of str, default=True
        As in :func:`discover_terms`.
    ngram_range, min_count, phrase_measure, voice, n_jobs
        See :func:`count_terms`.

    Returns
    -------
    TermCounts
        With outlet spread and peak when the corpus has an outlet column.

    Examples
    --------
    >>> df = pd.DataFrame({"text": ["rebels fled", "rebels won"], "g": ["a", "b"]})
    >>> tc = count_group_terms(group_corpus(df, by="g"), min_count=1)
    >>> tc.terms.tolist(), tc.groups.tolist()
    (['rebels', 'fled', 'won'], ['a', 'b'])
    """
    corpus = grouped.corpus
    outlets = corpus[OUTLET].tolist() if OUTLET in corpus.columns else None
    return count_terms(
        corpus[TEXT].tolist(),
        grouped.groups.tolist(),
        outlets=outlets,
        ngram_range=ngram_range,
        min_count=min_count,
        stop_words=stop_words,
        phrase_measure=phrase_measure,
        voice=voice,
        n_jobs=n_jobs,
    )


def discover_terms(
    corpus: pd.DataFrame,
    *,
    by: str = OUTLET,
    vs: tuple[str, str] | None = None,
    group_labels: Mapping[str, str] | None = None,
    ngram_range: tuple[int, int] = (1, 2),
    min_count: int = 5,
    prior_scale: float = 0.1,
    top_per_group: int | None = 50,
    lexicon: Lexicon | None = None,
    stop_words: bool | Collection[str] = True,
    phrase_measure: PhraseMeasure | None = "likelihood_ratio",
    voice: Voice = "all",
    min_outlets: int = 1,
    max_outlet_share: float = 1.0,
    strip_boilerplate: bool = False,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """Find the terms that set each group of a corpus apart (Monroe et al. 2008).

    :func:`group_corpus`, :func:`count_group_terms`, then :func:`score_terms`.
    Articles without a group are left out.

    Parameters
    ----------
    corpus : pandas.DataFrame
        With a ``text`` column and the group column.
    by : str, default="outlet"
        Column to group by (or, with `group_labels`, the name of the grouping).
    vs : (str, str), optional
        Compare these two groups (both directions) instead of each with the
        rest.
    group_labels : mapping of str to str, optional
        Outlet -> group, e.g. ``read_outlet_labels("data/outlets.csv")[0]``.
    stop_words : bool or collection of str, default=True
        Drop stop-word unigrams and bigrams made only of stop words (see
        :func:`count_terms`, whose default keeps them): function words
        rarely make useful lexicon candidates on their own.
    strip_boilerplate : bool, default=False
        See :func:`group_corpus`.
    ngram_range, min_count, phrase_measure, voice, n_jobs
        See :func:`count_terms`.
    prior_scale, top_per_group, lexicon, min_outlets, max_outlet_share
        See :func:`score_terms`.

    Returns
    -------
    pandas.DataFrame
        As :func:`score_terms`. ``attrs["discover"]`` records the settings,
        documents and tokens per group, the vocabulary size and the number
        of articles left out.

    Raises
    ------
    FramingError
        Missing column, fewer than two groups, or an unknown group in `vs`.

    Examples
    --------
    >>> df = pd.DataFrame({"text": ["so-called rebels fled"] * 3 + ["rebels fled"] * 3,
    ...                    "outlet": ["A"] * 3 + ["B"] * 3})
    >>> terms = discover_terms(df, min_count=3, top_per_group=2)
    >>> terms["term"].tolist(), terms["group"].tolist()
    (['so-called', 'so-called rebels', 'rebels', 'fled'], ['A', 'A', 'B', 'B'])
    >>> terms["lexicon_category"].tolist()[0]
    'delegitimising'
    """
    grouped = group_corpus(
        corpus,
        by=by,
        vs=vs,
        group_labels=group_labels,
        strip_boilerplate=strip_boilerplate,
    )
    counts = count_group_terms(
        grouped,
        ngram_range=ngram_range,
        min_count=min_count,
        stop_words=stop_words,
        phrase_measure=phrase_measure,
        voice=voice,
        n_jobs=n_jobs,
    )
    terms = score_terms(
        counts,
        vs=vs,
        prior_scale=prior_scale,
        top_per_group=top_per_group,
        lexicon=lexicon,
        min_outlets=min_outlets,
        max_outlet_share=max_outlet_share,
    )
    settings = {
        "by": by,
        "vs": list(vs) if vs else None,
        "min_count": min_count,
        "prior_scale": prior_scale,
        "ngram_range": list(ngram_range),
        "voice": voice,
        "min_outlets": min_outlets,
        "max_outlet_share": max_outlet_share,
    }
    terms.attrs = {"discover": {**settings, **_summary(counts, grouped.left_out)}}
    return terms


def _summary(counts: TermCounts, left_out: int) -> dict[str, Any]:
    """Vocabulary size, articles left out, documents and tokens per group."""
    return {
        "unigrams": int((counts.ngram == 1).sum()),
        "bigrams": int((counts.ngram == 2).sum()),
        "left_out": left_out,
        "groups": {
            g: {"docs": int(d), "tokens": int(t)}
            for g, d, t in zip(
                counts.groups, counts.n_docs, counts.n_tokens, strict=True
            )
        },
    }
