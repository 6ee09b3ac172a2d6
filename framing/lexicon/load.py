"""Load lexicons, named categories of framing terms, from TOML files.

A lexicon file has a ``[lexicon]`` table (``name``, ``version``,
``description``, optional ``language``) and one ``[categories.<name>]`` table
per category (``description``, ``terms``, optional ``references``, ``stance``,
``loaded``, ``inflect``). A user lexicon may also use ``replace = true`` to
override a shipped category instead of extending it, and ``remove = [...]`` to
drop shipped terms.

The :class:`Lexicon` itself is in :mod:`framing.lexicon.lexicon`,
:class:`Category` and :func:`normalize_term` in :mod:`framing.lexicon.category`;
validation lives in :mod:`framing.lexicon.validate` and the
Markdown documentation in :mod:`framing.lexicon.markdown`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from framing.errors import LexiconError, ParameterError
from framing.lexicon.lexicon import Lexicon
from framing.lexicon.validate import check_unique_terms

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["load_lexicon", "read_lexicon_file", "resolve_lexicon", "SHIPPED"]

#: The shipped lexicon files, loaded in this order by default.
SHIPPED: tuple[str, ...] = ("general", "conflict")


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
    res = resources.files("framing.lexicon") / "shipped" / f"{name}.toml"
    if not res.is_file():
        raise LexiconError(
            f"no shipped lexicon named '{name}' (shipped: {', '.join(SHIPPED)})"
        )
    return _parse_text(res.read_text(encoding="utf-8"), f"shipped/{name}.toml")


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
    check_unique_terms(lex.categories)
    for part in parts[1:]:
        lex = lex.merge(part)
        check_unique_terms(lex.categories)
    return lex


def resolve_lexicon(lexicon: Any) -> Lexicon:
    """Turn a lexicon argument, as the API accepts it, into a :class:`Lexicon`.

    Parameters
    ----------
    lexicon : Lexicon, mapping, path, iterable of paths or None
        ``None`` (or an empty list) gives the shipped lexicon; a
        :class:`Lexicon` is returned as is; a mapping is read as
        ``Lexicon.to_dict()`` data; a path or paths are user TOML files
        applied on top of the shipped lexicon (:func:`load_lexicon`).

    Returns
    -------
    Lexicon

    Raises
    ------
    ParameterError
        When `lexicon` is none of these.
    LexiconError
        When a file is invalid.

    Examples
    --------
    >>> resolve_lexicon(None).digest == load_lexicon().digest
    True
    """
    if lexicon is None:
        return load_lexicon()
    if isinstance(lexicon, Lexicon):
        return lexicon
    if isinstance(lexicon, Mapping):
        return Lexicon.from_dict(dict(lexicon))
    if isinstance(lexicon, (str, Path, Iterable)):
        return load_lexicon(lexicon)
    raise ParameterError(
        "`lexicon` must be None, a Lexicon, its dict or TOML path(s); "
        f"got {type(lexicon).__name__}"
    )
