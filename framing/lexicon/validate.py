"""Validate lexicon data: known keys, typed values, well-formed unique terms."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from framing.errors import LexiconError
from framing.lexicon.category import Category, normalize_term

__all__ = ["check_lexicon_data", "check_unique_terms"]

_HEADER_KEYS = {"name", "version", "description", "language"}
_CATEGORY_KEYS = {
    "description",
    "references",
    "stance",
    "loaded",
    "inflect",
    "ignore",
    "terms",
    "replace",
    "remove",
}
_CATEGORY_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def check_lexicon_data(
    data: Mapping[str, Any], *, source: str = "<dict>", text: str = ""
) -> dict[str, Any]:
    """Validate parsed lexicon data and return the fields of a lexicon.

    Parameters
    ----------
    data, source, text
        As for :meth:`framing.lexicon.lexicon.Lexicon.from_dict`, which builds a
        lexicon from the result.

    Returns
    -------
    dict
        ``name``, ``version``, ``description`` and ``categories`` (a dict of
        :class:`~framing.lexicon.category.Category` by name, in file order).

    Raises
    ------
    LexiconError
        As :meth:`~framing.lexicon.lexicon.Lexicon.from_dict` documents.

    Examples
    --------
    >>> fields = check_lexicon_data(
    ...     {"categories": {"hedges": {"terms": ["May", "reportedly"]}}},
    ...     source="toy.toml")
    >>> fields["name"], fields["categories"]["hedges"].terms
    ('toy', ('may', 'reportedly'))
    """
    unknown = set(data) - {"lexicon", "categories"}
    if unknown:
        key = sorted(unknown)[0]
        raise LexiconError(
            _where(source, text, key)
            + f"unknown top-level key '{key}' (expected [lexicon] and "
            "[categories.<name>] tables)"
        )
    header = data.get("lexicon", {})
    if not isinstance(header, Mapping):
        raise LexiconError(f"{source}: 'lexicon' must be a table")
    _check_keys(header, _HEADER_KEYS, "lexicon", source, text)
    cats = data.get("categories", {})
    if not isinstance(cats, Mapping) or not cats:
        raise LexiconError(f"{source}: no categories; add a [categories.<name>] table")
    categories = {}
    for name, body in cats.items():
        categories[name] = _parse_category(name, body, source, text)
    return {
        "name": str(header.get("name", Path(source).stem)),
        "version": str(header.get("version", "0")),
        "description": str(header.get("description", "")),
        "categories": categories,
    }


def check_unique_terms(categories: Mapping[str, Category]) -> None:
    """Raise when one term (hyphen = space) stands in two categories.

    Parameters
    ----------
    categories : mapping of str to Category
        A lexicon's categories by name.

    Raises
    ------
    LexiconError
        Naming the term, both categories and the fix.
    """
    seen: dict[str, str] = {}
    for name, cat in categories.items():
        for term in cat.terms:
            key = term.replace("-", " ")
            if key in seen and seen[key] != name:
                raise LexiconError(
                    f"{cat.source}: term '{term}' is in both '{seen[key]}' and "
                    f"'{name}'; keep it in one category (or use remove = "
                    f"['{term}'] in a user lexicon)"
                )
            seen[key] = name


def _where(source: str, text: str, key: str) -> str:
    """Return ``"file, line N: "`` for the first line that defines ``key``."""
    if text:
        pat = re.compile(
            rf"^\s*(\[[^\]]*\b{re.escape(key)}\b[^\]]*\]|\"?{re.escape(key)}\"?\s*=)"
        )
        for i, line in enumerate(text.splitlines(), 1):
            if pat.search(line):
                return f"{source}, line {i}: "
    return f"{source}: "


def _check_keys(
    table: Mapping[str, Any], allowed: set[str], name: str, source: str, text: str
) -> None:
    """Raise on the first key of the TOML table ``[name]`` that is not allowed."""
    for key in table:
        if key not in allowed:
            raise LexiconError(
                _where(source, text, key)
                + f"unknown key '{key}' in [{name}] (allowed: "
                + ", ".join(sorted(allowed))
                + ")"
            )


def _parse_category(name: str, body: Any, source: str, text: str) -> Category:
    if not _CATEGORY_NAME.match(name):
        raise LexiconError(
            _where(source, text, name)
            + f"category name '{name}' must be snake_case (a-z, 0-9, _)"
        )
    if not isinstance(body, Mapping):
        raise LexiconError(f"{source}: [categories.{name}] must be a table")
    _check_keys(body, _CATEGORY_KEYS, f"categories.{name}", source, text)
    terms = body.get("terms", [])
    remove = body.get("remove", [])
    refs = body.get("references", [])
    if isinstance(refs, str):
        refs = [refs]
    for label, seq in (("terms", terms), ("remove", remove), ("references", refs)):
        if not isinstance(seq, list) or not all(isinstance(t, str) for t in seq):
            raise LexiconError(
                _where(source, text, label)
                + f"[categories.{name}] {label} must be a list of strings"
            )
    clean = []
    for raw in terms:
        term = normalize_term(raw)
        if not term or not term[0].isalnum():
            raise LexiconError(
                _where(source, text, name)
                + f"[categories.{name}] term {raw!r} must start with a letter "
                "or digit"
            )
        clean.append(term)
    for flag in ("loaded", "inflect", "replace", "ignore"):
        if flag in body and not isinstance(body[flag], bool):
            raise LexiconError(
                _where(source, text, flag)
                + f"[categories.{name}] {flag} must be true or false"
            )
    return Category(
        name=name,
        description=str(body.get("description", "")).strip(),
        terms=tuple(sorted(set(clean))),
        references=tuple(refs),
        stance=str(body.get("stance", "")),
        loaded=bool(body.get("loaded", False)),
        inflect=bool(body.get("inflect", True)),
        ignore=bool(body.get("ignore", False)),
        source=source,
        replace=bool(body.get("replace", False)),
        remove=tuple(normalize_term(t) for t in remove),
        given=frozenset(
            k for k in ("stance", "loaded", "inflect", "ignore") if k in body
        ),
    )
