"""Association of word pairs: Dunning's G2 and PMI, vectorised over bigrams."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np

from framing.errors import ParameterError

__all__ = ["PHRASE_THRESHOLDS", "PhraseMeasure", "bigram_association"]

PhraseMeasure = Literal["likelihood_ratio", "pmi"]

#: Default thresholds of the phrase measures: G2 > 10.83 is p < 0.001 for
#: chi-square with one degree of freedom; PMI > 3 bits is co-occurrence at
#: eight times chance.
PHRASE_THRESHOLDS: dict[str, float] = {"likelihood_ratio": 10.83, "pmi": 3.0}
_SMALL = 1e-20  # as in nltk.metrics.association


def bigram_association(
    n_ii: Any,
    n_ix: Any,
    n_xi: Any,
    n_xx: float,
    *,
    measure: PhraseMeasure = "likelihood_ratio",
) -> np.ndarray:
    """Association of bigrams from their counts, vectorised over bigrams.

    The contingency-table measures of NLTK's ``BigramAssocMeasures``
    (``likelihood_ratio``: Dunning's G2; ``pmi``: pointwise mutual
    information in bits), for all bigrams at once.

    Parameters
    ----------
    n_ii : array of int
        Count of each bigram (w1 w2).
    n_ix, n_xi : array of int
        Count of w1 as first word and of w2 as second word of any bigram.
    n_xx : int
        Number of bigrams.
    measure : {"likelihood_ratio", "pmi"}, default="likelihood_ratio"
        The measure.

    Returns
    -------
    ndarray of float
        The measure of each bigram.

    Examples
    --------
    >>> from nltk.metrics import BigramAssocMeasures as M
    >>> g2 = bigram_association([30], [40], [50], 10_000)
    >>> round(float(g2[0]), 6) == round(M.likelihood_ratio(30, (40, 50), 10_000), 6)
    True
    """
    n_ii, n_ix, n_xi = (np.asarray(a, dtype=np.float64) for a in (n_ii, n_ix, n_xi))
    n_xx = float(n_xx)
    if measure == "pmi":
        return np.log2(n_ii * n_xx) - np.log2(n_ix * n_xi)
    if measure != "likelihood_ratio":
        raise ParameterError(
            f"`measure` must be 'likelihood_ratio' or 'pmi', got {measure!r}"
        )
    cells = (
        (n_ii, n_ix, n_xi),
        (n_xi - n_ii, n_xx - n_ix, n_xi),
        (n_ix - n_ii, n_ix, n_xx - n_xi),
        (n_xx - n_ix - n_xi + n_ii, n_xx - n_ix, n_xx - n_xi),
    )
    g2 = np.zeros_like(n_ii)
    for observed, row, col in cells:
        expected = row * col / n_xx
        g2 += observed * np.log(observed / (expected + _SMALL) + _SMALL)
    return 2 * g2
