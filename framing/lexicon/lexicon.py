"""The Lexicon: an immutable, mergeable set of framing-term categories."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from framing.lexicon.category import Category, normalize_term
from framing.lexicon.validate import check_lexicon_data

__all__ = ["Lexicon"]


@dataclass(frozen=True)
class Lexicon:
    """An immutable set of framing-term categories.

    Use :func:`~framing.lexicon.load.load_lexicon` to build one from the shipped
    files and user files; use :meth:`merge` to combine lexicons.

    Attributes
    ----------
    name : str
        Name (the names of merged lexicons joined with ``+``).
    version : str
        Version string.
    categories : dict of str to Category
        Categories by name, in file order.

    Examples
    --------
    >>> lex = Lexicon.from_dict({
    ...     "lexicon": {"name": "toy", "version": "1", "description": "toy"},
    ...     "categories": {"hedges": {"description": "Hedges.",
    ...                               "terms": ["reportedly", "may"]}}})
    >>> lex.n_terms, lex.category_names
    (2, ('hedges',))
    """

    name: str
    version: str
    description: str = ""
    categories: Mapping[str, Category] = field(default_factory=dict)

    # ------------------------------------------------------------------ build
    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], *, source: str = "<dict>", text: str = ""
    ) -> Lexicon:
        """Build a lexicon from parsed TOML data, validating every key.

        Parameters
        ----------
        data : mapping
            Parsed TOML (``{"lexicon": {...}, "categories": {...}}``).
        source : str, default="<dict>"
            File name used in error messages.
        text : str, default=""
            Raw TOML text, used to report line numbers of bad keys.

        Returns
        -------
        Lexicon

        Raises
        ------
        LexiconError
            On an unknown key, a missing field or a malformed term.
        """
        return cls(**check_lexicon_data(data, source=source, text=text))

    def merge(self, other: Lexicon) -> Lexicon:
        """Return this lexicon extended or overridden by ``other``.

        A category of ``other`` that is new is added. One that exists is
        extended with its terms, unless it sets ``replace = true``; its
        ``remove`` terms are dropped. Descriptions and flags given by
        ``other`` win.

        Parameters
        ----------
        other : Lexicon
            The lexicon to apply on top.

        Returns
        -------
        Lexicon
        """
        merged = dict(self.categories)
        for name, cat in other.categories.items():
            base = merged.get(name)
            if base is None or cat.replace:
                merged[name] = replace(cat, replace=False, remove=())
                continue
            terms = (set(base.terms) | set(cat.terms)) - set(cat.remove)
            merged[name] = replace(
                base,
                terms=tuple(sorted(terms)),
                description=cat.description or base.description,
                stance=cat.stance if "stance" in cat.given else base.stance,
                loaded=cat.loaded if "loaded" in cat.given else base.loaded,
                inflect=cat.inflect if "inflect" in cat.given else base.inflect,
                ignore=cat.ignore if "ignore" in cat.given else base.ignore,
                references=base.references
                + tuple(r for r in cat.references if r not in base.references),
                source=cat.source,
            )
        return Lexicon(
            name=f"{self.name}+{other.name}",
            version=self.version,
            description=self.description,
            categories=merged,
        )

    # ---------------------------------------------------------------- queries
    @property
    def category_names(self) -> tuple[str, ...]:
        """Names of the framing categories in order (``ignore`` ones left out)."""
        return tuple(n for n, c in self.categories.items() if not c.ignore)

    @property
    def n_terms(self) -> int:
        """Total number of framing terms (``ignore`` categories left out)."""
        return sum(len(c.terms) for c in self.categories.values() if not c.ignore)

    @property
    def loaded_categories(self) -> tuple[str, ...]:
        """Names of categories flagged as loaded language."""
        return tuple(n for n, c in self.categories.items() if c.loaded)

    def category_of(self, term: str) -> str | None:
        """Return the category holding ``term``, or None.

        Parameters
        ----------
        term : str
            A term in any case and spacing (see :func:`normalize_term`).

        Returns
        -------
        str or None
            The first category, in file order, that lists the term.
        """
        key = normalize_term(term)
        for name, cat in self.categories.items():
            if key in cat.terms:
                return name
        return None

    def term_index(self) -> dict[str, str]:
        """Map every normalised term to its category name."""
        return {t: n for n, c in self.categories.items() for t in c.terms}

    def to_dict(self) -> dict[str, Any]:
        """Return a plain, JSON-safe dict that :meth:`from_dict` accepts."""
        return {
            "lexicon": {
                "name": self.name,
                "version": self.version,
                "description": self.description,
            },
            "categories": {
                n: {
                    "description": c.description,
                    "references": list(c.references),
                    "stance": c.stance,
                    "loaded": c.loaded,
                    "inflect": c.inflect,
                    "ignore": c.ignore,
                    "terms": list(c.terms),
                }
                for n, c in self.categories.items()
            },
        }

    @property
    def digest(self) -> str:
        """SHA-256 of the lexicon's canonical JSON (first 16 hex digits)."""
        blob = json.dumps(self.to_dict(), sort_keys=True).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()[:16]

    def describe(self) -> list[dict[str, Any]]:
        """Return one row per category: name, terms, loaded, description."""
        return [
            {
                "category": n,
                "terms": len(c.terms),
                "loaded": c.loaded,
                "ignore": c.ignore,
                "stance": c.stance,
                "description": c.description,
                "references": list(c.references),
            }
            for n, c in self.categories.items()
        ]
