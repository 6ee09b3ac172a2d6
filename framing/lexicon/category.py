"""One category of framing terms, and the canonical form of a term."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Category", "normalize_term"]

_SPACE = re.compile(r"\s+")


def normalize_term(term: str) -> str:
    """Return the canonical form of a term: case-folded, spaces collapsed.

    Parameters
    ----------
    term : str
        A term as written by a user.

    Returns
    -------
    str
        Lower-case term with single spaces.

    Examples
    --------
    >>> normalize_term("  Foreign-Backed   militancy ")
    'foreign-backed militancy'
    """
    return _SPACE.sub(" ", term.strip()).lower()


@dataclass(frozen=True)
class Category:
    """One category of framing terms.

    Attributes
    ----------
    name : str
        Snake-case identifier, used as feature name.
    description : str
        A definition a human coder could apply.
    terms : tuple of str
        Canonical (lower-case) terms, sorted.
    references : tuple of str
        Literature the category follows.
    stance : str
        Free-text stance tag (hedge, booster, loaded, ...).
    loaded : bool
        Whether the category counts as loaded language.
    inflect : bool
        Whether the matcher accepts regular inflections of the last word.
    source : str
        File the category (last) came from.
    replace : bool
        In a user lexicon: replace the shipped category instead of extending.
    remove : tuple of str
        In a user lexicon: terms to drop from the shipped category.
    ignore : bool
        Terms matched only to be discarded: names that contain framing
        words ("United States", "Ahrar al-Sham") are consumed by the
        longest-match rule and never reported. Not a feature.
    given : frozenset of str
        Which of ``stance``, ``loaded`` and ``inflect`` the file set
        explicitly (so that a user lexicon's flags override on merge).
    """

    name: str
    description: str
    terms: tuple[str, ...]
    references: tuple[str, ...] = ()
    stance: str = ""
    loaded: bool = False
    inflect: bool = True
    source: str = ""
    replace: bool = False
    remove: tuple[str, ...] = ()
    ignore: bool = False
    given: frozenset[str] = field(default=frozenset(), compare=False)
