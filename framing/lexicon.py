"""Lexicons: named categories of framing terms, loaded from TOML files.

A lexicon file has a ``[lexicon]`` table (``name``, ``version``,
``description``, optional ``language``) and one ``[categories.<name>]`` table
per category (``description``, ``terms``, optional ``references``, ``stance``,
``loaded``, ``inflect``). A user lexicon may also use ``replace = true`` to
override a shipped category instead of extending it, and ``remove = [...]`` to
drop shipped terms.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from framing.exceptions import LexiconError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "Category",
    "Lexicon",
    "load_lexicon",
    "read_lexicon_file",
    "SHIPPED",
]

#: The shipped lexicon files, loaded in this order by default.
SHIPPED: tuple[str, ...] = ("general", "conflict")

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


@dataclass(frozen=True)
class Lexicon:
    """An immutable set of framing-term categories.

    Use :func:`load_lexicon` to build one from the shipped files and user
    files; use :meth:`merge` to combine lexicons.

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
            raise LexiconError(
                f"{source}: no categories; add a [categories.<name>] table"
            )
        categories = {}
        for name, body in cats.items():
            categories[name] = _parse_category(name, body, source, text)
        return cls(
            name=str(header.get("name", Path(source).stem)),
            version=str(header.get("version", "0")),
            description=str(header.get("description", "")),
            categories=categories,
        )

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

    def to_markdown(self) -> str:
        """Render the lexicon documentation as Markdown."""
        lines = [
            f"# Lexicon `{self.name}` (version {self.version})",
            "",
            f"{self.n_terms} terms in {len(self.categories)} categories. "
            f"Digest `{self.digest}`. Generated by `framing lexicon --markdown`; "
            "do not edit by hand.",
            "",
            "| category | terms | loaded | description |",
            "| --- | ---: | :---: | --- |",
        ]
        for row in self.describe():
            desc = row["description"].replace("|", "\\|").replace("\n", " ")
            mark = "yes" if row["loaded"] else ""
            lines.append(f"| `{row['category']}` | {row['terms']} | {mark} | {desc} |")
        for n, c in self.categories.items():
            lines += ["", f"## `{n}`", "", c.description, ""]
            if c.references:
                lines.append("References:")
                lines.append("")
                lines += [f"- {r}" for r in c.references]
                lines.append("")
            lines.append("Terms: " + ", ".join(f"*{t}*" for t in c.terms))
        return "\n".join(lines) + "\n"


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


def read_lexicon_file(path: str | Path) -> Lexicon:
    """Read and validate one lexicon TOML file.

    Parameters
    ----------
    path : str or Path
        A ``.toml`` file.

    Returns
    -------
    Lexicon

    Raises
    ------
    LexiconError
        When the file is missing, is not valid TOML (message gives the line)
        or has an unknown key.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{path}: lexicon file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read lexicon ({exc})") from None
    return _parse_text(text, str(path))


def _parse_text(text: str, source: str) -> Lexicon:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{source}: invalid TOML: {exc}") from None
    return Lexicon.from_dict(data, source=source, text=text)


def _shipped(name: str) -> Lexicon:
    res = resources.files("framing") / "lexicons" / f"{name}.toml"
    if not res.is_file():
        raise LexiconError(
            f"no shipped lexicon named '{name}' (shipped: {', '.join(SHIPPED)})"
        )
    return _parse_text(res.read_text(encoding="utf-8"), f"lexicons/{name}.toml")


def load_lexicon(
    paths: Iterable[str | Path] | str | Path | None = None,
    *,
    shipped: Iterable[str] | str | bool = True,
) -> Lexicon:
    """Load the shipped lexicons and apply user lexicon files on top.

    Parameters
    ----------
    paths : path or iterable of paths, optional
        User TOML files, applied in order (extend, override or remove terms).
    shipped : bool, str or iterable of str, default=True
        ``True`` loads every shipped lexicon (:data:`SHIPPED`), ``False`` none,
        or the shipped lexicon(s) so named.

    Returns
    -------
    Lexicon

    Raises
    ------
    LexiconError
        On an invalid file, or when a term stands in two categories.

    Examples
    --------
    >>> lex = load_lexicon()
    >>> "hedges" in lex.categories
    True
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if isinstance(shipped, str):
        shipped = [shipped]
    names = SHIPPED if shipped is True else (() if shipped is False else shipped)
    parts = [_shipped(n) for n in names]
    parts += [read_lexicon_file(p) for p in (paths or ())]
    if not parts:
        raise LexiconError("no lexicon: enable the shipped lexicon or give a file")
    lex = parts[0]
    _check_unique(lex)
    for part in parts[1:]:
        lex = lex.merge(part)
        _check_unique(lex)
    return lex


def _check_unique(lex: Lexicon) -> None:
    """Raise when one term (hyphen = space) stands in two categories."""
    seen: dict[str, str] = {}
    for name, cat in lex.categories.items():
        for term in cat.terms:
            key = term.replace("-", " ")
            if key in seen and seen[key] != name:
                raise LexiconError(
                    f"{cat.source}: term '{term}' is in both '{seen[key]}' and "
                    f"'{name}'; keep it in one category (or use remove = "
                    f"['{term}'] in a user lexicon)"
                )
            seen[key] = name
