"""Log-odds with an informative Dirichlet prior, for every group at once.

The z-scores of Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical
feature selection and evaluation for identifying the content of political
conflict", *Political Analysis* 16(4): 372-403: :func:`build_prior` makes
Dirichlet pseudo-counts from the whole corpus, :func:`log_odds_dirichlet`
is the one vectorised formula (their equations 15-16), and
:func:`score_terms` ranks the terms of every group of a
:class:`~framing.discovery.counts.TermCounts` against the rest or one other group.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from framing.discovery.candidates import lexicon_lookup
from framing.discovery.counts import TermCounts
from framing.errors import FramingError, ParameterError
from framing.lexicon.lexicon import Lexicon

__all__ = ["build_prior", "group_position", "log_odds_dirichlet", "score_terms"]

_BLOCK_CELLS = 4_000_000  # dense cells per scoring block (~32 MB)


# -- scoring -----------------------------------------------------------------


def build_prior(
    counts: TermCounts | Any,
    *,
    scale: float = 0.1,
    background: Any = None,
    floor: float = 0.01,
) -> np.ndarray:
    """Build Dirichlet prior pseudo-counts from the whole corpus, scaled.

    ``alpha_w = scale * y_w``, where ``y_w`` is the count of term ``w`` in the
    whole corpus (all groups) or in `background`: the informative prior of
    Monroe et al. (2008), which shrinks every group's log-odds
    toward the corpus-wide rate, the more so the rarer the term. The prior
    mass ``alpha_0`` is `scale` times the corpus size: ``scale=1`` gives the
    prior as much weight as the data.

    Parameters
    ----------
    counts : TermCounts, array or sparse matrix
        Term counts: 1-D per term, or 2-D group x term (summed over groups).
    scale : float, default=0.1
        Prior pseudo-counts per observed occurrence (must be > 0).
    background : array of shape (n_terms,), optional
        Counts from a reference corpus to use instead of `counts`.
    floor : float, default=0.01
        Smallest pseudo-count (for terms absent from `background`).

    Returns
    -------
    ndarray of float, shape (n_terms,)

    Raises
    ------
    ParameterError
        A `scale` that is not positive, or negative or infinite counts.

    Examples
    --------
    >>> build_prior(np.array([[3, 0, 1], [1, 2, 1]]), scale=0.5).tolist()
    [2.0, 1.0, 1.0]
    """
    if not scale > 0:
        raise ParameterError(f"prior `scale` must be > 0, got {scale}")
    if background is not None:
        y = np.asarray(background, dtype=np.float64).ravel()
    elif isinstance(counts, TermCounts):
        y = counts.totals.astype(np.float64)
    else:
        y = _dense(counts)
        y = y.sum(axis=0) if y.ndim == 2 else y.ravel()
    if (y < 0).any() or not np.isfinite(y).all():
        raise ParameterError("prior counts must be finite and non-negative")
    return np.maximum(scale * y, floor)


def _dense(values: Any) -> np.ndarray:
    if sparse.issparse(values):
        values = values.toarray()
    return np.asarray(values, dtype=np.float64)


def log_odds_dirichlet(counts_a: Any, counts_b: Any, prior: Any) -> np.ndarray:
    r"""Score terms: z of the log-odds ratio with an informative Dirichlet prior.

    Monroe, Colaresi & Quinn (2008), "Fightin' Words", eqs. 15-16: for each
    term w, with ``y`` the term's count, ``n`` the group's total count and
    ``a0`` the sum of the prior ``a``::

        delta = log((y_a + a) / (n_a + a0 - y_a - a))
              - log((y_b + a) / (n_b + a0 - y_b - a))
        var   = 1 / (y_a + a) + 1 / (y_b + a)
        z     = delta / sqrt(var)

    Positive z: the term is more typical of group A. Swapping A and B flips
    the sign; at equal proportions, larger counts give larger ``|z|``.

    Parameters
    ----------
    counts_a, counts_b : array or sparse matrix, shape (n_terms,) or (k, n_terms)
        Term counts of the two sides; 2-D inputs score ``k`` comparisons at
        once (row ``i`` of A against row ``i`` of B); ``n`` is the row sum.
    prior : array of shape (n_terms,)
        Pseudo-counts ``alpha_w`` (all > 0); see :func:`build_prior`.

    Returns
    -------
    ndarray of float, the shape of `counts_a`

    Raises
    ------
    ParameterError
        Shapes that do not match, negative counts, a prior not all > 0, or
        fewer than two terms.

    Examples
    --------
    >>> z = log_odds_dirichlet([10, 5, 5], [5, 5, 10], [1, 1, 1])
    >>> np.round(z, 4).tolist()
    [1.8806, 0.0, -1.8806]
    """
    ya, yb, alpha = _dense(counts_a), _dense(counts_b), _dense(prior)
    if ya.shape != yb.shape or ya.ndim not in (1, 2) or alpha.shape != ya.shape[-1:]:
        raise ParameterError(
            f"shapes do not match: counts_a {ya.shape}, counts_b "
            f"{yb.shape}, prior {alpha.shape}"
        )
    if (ya < 0).any() or (yb < 0).any():
        raise ParameterError("counts must be non-negative")
    if not (alpha > 0).all():
        raise ParameterError("prior pseudo-counts must all be > 0")
    if alpha.size < 2:
        raise ParameterError("log-odds need a vocabulary of at least two terms")
    a0 = alpha.sum()
    na, nb = ya.sum(axis=-1, keepdims=True), yb.sum(axis=-1, keepdims=True)
    ya_a, yb_a = ya + alpha, yb + alpha
    delta = np.log(ya_a / (na + a0 - ya_a)) - np.log(yb_a / (nb + a0 - yb_a))
    return delta / np.sqrt(1.0 / ya_a + 1.0 / yb_a)


def score_terms(
    counts: TermCounts,
    *,
    vs: tuple[str, str] | None = None,
    prior_scale: float = 0.1,
    top_per_group: int | None = 50,
    lexicon: Lexicon | None = None,
    exclude_lexicon: bool = False,
    min_outlets: int = 1,
    max_outlet_share: float = 1.0,
) -> pd.DataFrame:
    """Rank each group's distinguishing terms, every group at once.

    Without `vs`, each group is compared with the rest of the corpus
    (rest = corpus total - group, computed on the sparse matrix for blocks of
    groups); with ``vs=(A, B)``, A with B and B with A. The prior comes from
    the whole corpus (:func:`build_prior`).

    Parameters
    ----------
    counts : TermCounts
        From :func:`count_terms`.
    vs : (str, str), optional
        Compare these two groups only.
    prior_scale : float, default=0.1
        See :func:`build_prior`.
    top_per_group : int or None, default=50
        Rows per group, highest z first; None keeps every term.
    lexicon : Lexicon, optional
        Checked for terms already covered (inflections and hyphen/space
        variants included); default: the shipped lexicon.
    exclude_lexicon : bool, default=False
        Rank only terms the lexicon does not cover yet (see
        :func:`lexicon_lookup`): candidates for new lexicon terms.
    min_outlets : int, default=1
        List a term for a group only when at least this many of the group's
        outlets use it, so that one outlet's house style (photo captions,
        sign-offs) does not pass for the group's framing. Needs counts made
        with ``outlets=``.
    max_outlet_share : float, default=1.0
        List a term for a group only when no single outlet of the group
        accounts for more than this share of the group's occurrences (1.0:
        no limit). Needs counts made with ``outlets=``.

    Returns
    -------
    pandas.DataFrame
        ``term, group, versus, z, count_group, count_rest, rate_group,
        rate_rest, in_lexicon, lexicon_category``; rates are per 1,000
        tokens; ``versus`` is ``"rest"`` or the other group.

    Raises
    ------
    ParameterError
        A parameter out of range, the same group twice in `vs`, or outlet
        filters on counts made without outlets.
    FramingError
        Fewer than two groups, a `vs` group that does not exist, or more
        `min_outlets` than any group has.

    Notes
    -----
    Unigrams and bigrams are scored as one vocabulary: a side's total ``n``
    is its count summed over the scored terms (after ``min_count``), so the
    z-scores of words and phrases are on one scale.
    """
    groups = [str(g) for g in counts.groups]
    _check_scoring(counts, top_per_group, min_outlets, max_outlet_share)
    category, covered = lexicon_lookup(counts.terms, lexicon)
    in_lex = category != None  # noqa: E711  (elementwise)
    prior = build_prior(counts, scale=prior_scale)
    skip = partial(
        _skipped,
        counts,
        covered if exclude_lexicon else None,
        min_outlets,
        max_outlet_share,
    )
    if vs is None:
        pieces = _against_rest(counts, prior, skip, top_per_group)
    else:
        pieces = _against_each_other(counts, groups, vs, prior, skip, top_per_group)
    term_i, grp_i, vs_i, z, ca, cb, na, nb = (
        np.concatenate(p) for p in zip(*pieces, strict=True)
    )
    names = np.asarray(groups + ["rest"], dtype=object)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate_a, rate_b = 1000 * ca / na, 1000 * cb / nb
    return pd.DataFrame(
        {
            "term": counts.terms[term_i],
            "group": names[grp_i],
            "versus": names[vs_i],
            "z": z,
            "count_group": ca.astype(np.int64),
            "count_rest": cb.astype(np.int64),
            "rate_group": rate_a,
            "rate_rest": rate_b,
            "in_lexicon": in_lex[term_i],
            "lexicon_category": category[term_i],
        }
    )


# -- the steps of score_terms ----------------------------------------------------

#: One comparison's selected terms: term index, group, other group (-1: the
#: rest), z, count in the group, count in the other side, and the two sides'
#: token totals (one per row).
_Piece = tuple[np.ndarray, ...]


def _check_scoring(
    counts: TermCounts,
    top_per_group: int | None,
    min_outlets: int,
    max_outlet_share: float,
) -> None:
    """Check the scoring parameters against the counts, before any work."""
    groups = [str(g) for g in counts.groups]
    if len(groups) < 2:
        raise FramingError(
            f"only one group ({groups[0] if groups else 'none'}); "
            "distinguishing terms need at least two groups"
        )
    if top_per_group is not None and top_per_group < 1:
        raise ParameterError(f"`top_per_group` must be at least 1, got {top_per_group}")
    if not 0 < max_outlet_share <= 1:
        raise ParameterError(
            f"`max_outlet_share` must be in (0, 1], got {max_outlet_share}"
        )
    if (min_outlets > 1 or max_outlet_share < 1) and counts.spread is None:
        raise ParameterError(
            "`min_outlets` and `max_outlet_share` need counts made with "
            "count_terms(..., outlets=...)"
        )
    if min_outlets > 1 and min_outlets > counts.n_outlets.max():
        raise FramingError(
            f"`min_outlets={min_outlets}`: no group has that many "
            f"outlets (at most {counts.n_outlets.max()})"
        )


def _skipped(
    counts: TermCounts,
    covered: np.ndarray | None,
    min_outlets: int,
    max_outlet_share: float,
    g: int,
) -> np.ndarray:
    """Terms that may not be listed for group ``g``.

    Those the lexicon covers (`covered`, when excluded), those fewer than
    `min_outlets` of the group's outlets use, and those one outlet accounts
    for more than `max_outlet_share` of.
    """
    n_terms = counts.counts.shape[1]
    out = covered.copy() if covered is not None else np.zeros(n_terms, bool)
    if min_outlets > 1:
        out |= counts.spread[g].toarray().ravel() < min_outlets
    if max_outlet_share < 1:
        peak = counts.peak[g].toarray().ravel()
        out |= peak > max_outlet_share * counts.counts[g].toarray().ravel()
    return out


def _against_rest(
    counts: TermCounts,
    prior: np.ndarray,
    skip: Callable[[int], np.ndarray],
    top: int | None,
) -> list[_Piece]:
    """Score each group against the rest of the corpus, in blocks of groups."""
    matrix, totals = counts.counts, counts.totals.astype(np.float64)
    n_tokens = counts.n_tokens.astype(np.float64)
    n_groups = matrix.shape[0]
    pieces = []
    step = max(1, _BLOCK_CELLS // max(1, matrix.shape[1]))
    for start in range(0, n_groups, step):
        rows = np.arange(start, min(start + step, n_groups))
        a = matrix[rows].toarray().astype(np.float64)
        z = log_odds_dirichlet(a, totals - a, prior)
        for j, g in enumerate(rows):
            rest_tokens = n_tokens.sum() - n_tokens[g]
            pieces.append(
                _pick(
                    z[j],
                    a[j],
                    totals - a[j],
                    g,
                    -1,
                    n_tokens[g],
                    rest_tokens,
                    skip(g),
                    top,
                )
            )
    return pieces


def _against_each_other(
    counts: TermCounts,
    groups: list[str],
    vs: tuple[str, str],
    prior: np.ndarray,
    skip: Callable[[int], np.ndarray],
    top: int | None,
) -> list[_Piece]:
    """Score group A against group B and B against A."""
    ia, ib = (group_position(groups, name) for name in vs)
    if ia == ib:
        raise ParameterError(f"`vs` needs two different groups, got {vs[0]!r} twice")
    matrix, n_tokens = counts.counts, counts.n_tokens.astype(np.float64)
    a = matrix[ia].toarray().ravel().astype(np.float64)
    b = matrix[ib].toarray().ravel().astype(np.float64)
    z = log_odds_dirichlet(a, b, prior)
    return [
        _pick(z, a, b, ia, ib, n_tokens[ia], n_tokens[ib], skip(ia), top),
        _pick(-z, b, a, ib, ia, n_tokens[ib], n_tokens[ia], skip(ib), top),
    ]


def group_position(groups: list[str], name: str) -> int:
    """Return the index of group `name`; FramingError listing the groups if absent.

    Examples
    --------
    >>> group_position(["left", "right"], "right")
    1
    """
    if name in groups:
        return groups.index(name)
    shown = ", ".join(groups[:20]) + (", ..." if len(groups) > 20 else "")
    raise FramingError(f"no group {name!r}; the groups are: {shown}")


def _pick(
    z: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    g: int,
    other: int,
    n_a: float,
    n_b: float,
    skip: np.ndarray,
    top: int | None,
) -> tuple[np.ndarray, ...]:
    """Select one comparison's top terms (z descending, then term order)."""
    candidates = np.flatnonzero(~skip)
    if top is not None and top < len(candidates):
        part = np.argpartition(-z[candidates], top - 1)[:top]
        candidates = candidates[part]
    order = candidates[np.lexsort((candidates, -z[candidates]))]
    k = len(order)
    return (
        order,
        np.full(k, g),
        np.full(k, other),
        z[order],
        a[order],
        b[order],
        np.full(k, n_a),
        np.full(k, n_b),
    )
