"""Lexicon candidates: which terms a lexicon covers, and new ones to review.

:func:`lexicon_lookup` applies the matcher's rules (case, hyphen = space,
inflections, possessive ``'s``) to say whether a discovered term is already
a lexicon term or contains one; :func:`suggest_lexicon` writes the strongest
terms that are not as a TOML category skeleton for a human to review. Nothing
here edits a lexicon.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from framing.errors import ParameterError
from framing.lexicon.lexicon import Lexicon
from framing.lexicon.load import load_lexicon

__all__ = ["lexicon_lookup", "suggest_lexicon"]


def _lexicon_index(lexicon: Lexicon) -> dict[str, str]:
    """Every surface form of every lexicon term (hyphen = space) -> category."""
    from framing.matching.matcher import surface_forms

    index: dict[str, str] = {}
    for name, cat in lexicon.categories.items():
        for term in cat.terms:
            for form in surface_forms(term, inflect=cat.inflect):
                index.setdefault(_canon(form), name)
    return index


def _canon(term: str) -> str:
    """Hyphen as space, curly apostrophe as straight, possessives stripped."""
    words = term.replace("’", "'").replace("-", " ").split(" ")
    return " ".join(w[:-2] if w.endswith("'s") else w.rstrip("'") for w in words)


def lexicon_lookup(
    terms: Any,
    lexicon: Lexicon | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Which terms the lexicon has, and which it already covers.

    The lexicon matcher's rules apply: case-insensitive, hyphen = space,
    regular inflections (where the category allows them) and a possessive
    ``'s`` count as the lexicon term.

    Parameters
    ----------
    terms : sequence of str
        Lower-case terms (unigrams or bigrams).
    lexicon : Lexicon, optional
        Default: the shipped lexicon.

    Returns
    -------
    category : ndarray of object
        The category of each term that is a lexicon term, else None.
    covered : ndarray of bool
        True when the term or one of its words is a lexicon term (the
        matcher already counts "the regime" when "regime" is a term).

    Examples
    --------
    >>> cat, cov = lexicon_lookup(["so called", "the self-styled", "veshan"])
    >>> cat.tolist(), cov.tolist()
    (['delegitimising', None, None], [True, True, False])
    """
    index = _lexicon_index(lexicon if lexicon is not None else load_lexicon())
    keys = [_canon(t) for t in terms]
    category = np.array([index.get(k) for k in keys], dtype=object)
    covered = np.fromiter(
        (
            c is not None or _contains(k, index)
            for c, k in zip(category, keys, strict=True)
        ),
        dtype=bool,
        count=len(keys),
    )
    return category, covered


def _contains(key: str, index: Mapping[str, str]) -> bool:
    """Whether a run of words of ``key`` is a lexicon surface form."""
    words = key.split(" ")
    return any(
        " ".join(words[i:j]) in index
        for i in range(len(words))
        for j in range(i + 1, len(words) + 1)
    )


def suggest_lexicon(
    terms: pd.DataFrame,
    *,
    top: int = 50,
    min_z: float = 1.96,
    lexicon: Lexicon | None = None,
    name: str = "candidates",
    source: str | None = None,
) -> str:
    """Write the strongest terms new to the lexicon as a TOML skeleton to review.

    One category per group (``candidates_<group>``) with a TODO description,
    an empty references list and up to `top` terms, highest z first, each
    with a comment giving its z, counts and rates. Terms the lexicon already
    covers are left out (:func:`lexicon_lookup`: "the regime" when "regime"
    is a term); a term goes to the group where it scores highest. The text loads with
    :func:`framing.lexicon.load.read_lexicon_file`; nothing is added to any
    lexicon until a human moves the terms into one.

    Parameters
    ----------
    terms : pandas.DataFrame
        From :func:`score_terms` / :func:`discover_terms`.
    top : int, default=50
        Terms per group.
    min_z : float, default=1.96
        Leave out terms below this z (two-sided 5% level).
    lexicon : Lexicon, optional
        The lexicon to check against; default: the shipped lexicon.
    name : str, default="candidates"
        The ``[lexicon]`` name.
    source : str, optional
        Corpus named in the header comment.

    Returns
    -------
    str
        TOML text.

    Examples
    --------
    >>> t = pd.DataFrame({"term": ["veshan"], "group": ["A"], "versus": ["rest"],
    ...     "z": [3.5], "count_group": [9], "count_rest": [1], "rate_group": [1.8],
    ...     "rate_rest": [0.1], "in_lexicon": [False], "lexicon_category": [None]})
    >>> print(suggest_lexicon(t).split("[categories.candidates_a]")[1].strip())
    description = "TODO: define it (what a coder should mark). Typical of A vs rest."
    references = []  # TODO: the literature this category follows
    # stance = "loaded"  # TODO: set, with loaded = true, if it is loaded language
    terms = [
        "veshan",  # z = 3.50; A 9 (1.80 per 1k tokens) vs rest 1 (0.10)
    ]
    """
    if top < 1:
        raise ParameterError(f"`top` must be at least 1, got {top}")
    new = _new_terms(terms, min_z, lexicon)
    by = terms.attrs.get("discover", {}).get("by", "unknown")
    lines = _header(name, source, by)
    used: set[str] = set()
    for group in dict.fromkeys(terms["group"]):
        rows = new[new["group"] == group].head(top)
        if not rows.empty:
            lines += _category(_category_name(group, used), group, rows)
    if not used:
        lines += ["", f"# No term outside the lexicon reached z >= {min_z}."]
    return "\n".join(lines) + "\n"


def _new_terms(
    terms: pd.DataFrame, min_z: float, lexicon: Lexicon | None
) -> pd.DataFrame:
    """Terms at `min_z` or above that the lexicon does not cover, each once."""
    new = terms[
        (terms["z"] >= min_z)
        & terms["term"].map(lambda t: isinstance(t, str) and t[:1].isalnum())
    ]
    new = new[~lexicon_lookup(new["term"].tolist(), lexicon)[1]]
    return new.sort_values("z", ascending=False, kind="stable").drop_duplicates("term")


def _header(name: str, source: str | None, by: str) -> list[str]:
    """Return the comment saying what the file is, and its ``[lexicon]`` table."""
    return [
        "# Candidate lexicon terms found by `framing discover`: the log-odds ratio",
        "# with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).",
        f"# Corpus: {source or 'unknown'}; groups by {by}.",
        "# A skeleton for human review, not a lexicon: read each term in context",
        "# (framing highlight), keep the ones a coder would mark, write a",
        "# definition, and move them into a user lexicon (--lexicon my.toml).",
        "# Comments: z, then count (rate per 1,000 tokens) in the group and in",
        "# what it was compared with.",
        "",
        "[lexicon]",
        f"name = {_toml_str(name)}",
        'version = "0"',
        'description = "TODO: candidate terms from framing discover; review before '
        'use."',
    ]


def _category(cat: str, group: str, rows: pd.DataFrame) -> list[str]:
    """One group's candidate category: TODOs, then its terms with their scores."""
    versus = rows["versus"].iloc[0]
    lines = [
        "",
        f"[categories.{cat}]",
        "description = "
        + _toml_str(
            f"TODO: define it (what a coder should mark). Typical of {group} "
            f"vs {versus}."
        ),
        "references = []  # TODO: the literature this category follows",
        '# stance = "loaded"  # TODO: set, with loaded = true, if it is loaded '
        "language",
        "terms = [",
    ]
    for r in rows.itertuples(index=False):
        lines.append(
            f"    {_toml_str(r.term)},  # z = {r.z:.2f}; {group} {r.count_group} "
            f"({r.rate_group:.2f} per 1k tokens) vs {versus} {r.count_rest} "
            f"({r.rate_rest:.2f})"
        )
    lines.append("]")
    return lines


def _toml_str(value: str) -> str:
    """Quote a TOML basic string (JSON string escapes are valid TOML)."""
    return json.dumps(str(value), ensure_ascii=False)


def _category_name(group: str, used: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", group.lower()).strip("_") or "group"
    name, n = f"candidates_{slug}", 2
    while name in used:
        name, n = f"candidates_{slug}_{n}", n + 1
    used.add(name)
    return name
