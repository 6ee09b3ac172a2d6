"""Exception hierarchy: every error a user can cause is a ``FramingError``."""

from __future__ import annotations

import re


class FramingError(Exception):
    """Root of all errors raised by :mod:`framing` for bad input or state."""


class CorpusFormatError(FramingError, ValueError):
    """A corpus file cannot be read: wrong format, missing column, bad row.

    The message names the file, and the row and column where known.
    """


class LexiconError(FramingError, ValueError):
    """A lexicon file is invalid: TOML syntax, unknown key, bad term."""


class ModelFileError(FramingError, ValueError):
    """A model directory is missing, incompatible, tampered with or unsafe."""


class ParameterError(FramingError, ValueError, TypeError):
    """A parameter is out of range or of the wrong kind.

    A ``ValueError`` and, like scikit-learn's ``InvalidParameterError``, a
    ``TypeError`` too, so code that caught either before keeps working.

    Messages of every :class:`FramingError` name parameters as the Python API
    spells them, in backticks, alone or with a value, as in ``"lower
    `min_df`"``, ``"pass `trust=True`"`` or ``"use `features='lexicon'`"``.
    The command line rewrites each to the option of the running command
    (``--min-df``, ``--trust``, ``--features lexicon``); :data:`PARAMETER`
    finds them.
    """


#: A parameter named in a message, ``"`name`"`` or ``"`name=value`"``: group 1
#: is the name, group 2 the value (None without ``=``).
PARAMETER = re.compile(r"`([A-Za-z_]\w*)(?:=([^`]*))?`")


def located(
    path: object, message: str, *, row: int | None = None, column: str | None = None
) -> str:
    """Format a one-line error message naming file, row and column.

    Parameters
    ----------
    path : path-like or str
        The file the problem is in.
    message : str
        What is wrong and, where possible, how to fix it.
    row : int, optional
        1-based row (line or record) number.
    column : str, optional
        Column name.

    Returns
    -------
    str
        ``"<path>, row <row>, column '<column>': <message>"``.

    Examples
    --------
    >>> located("a.csv", "empty text", row=3, column="text")
    "a.csv, row 3, column 'text': empty text"
    """
    where = str(path)
    if row is not None:
        where += f", row {row}"
    if column is not None:
        where += f", column '{column}'"
    return f"{where}: {message}"


def one_line(exc: BaseException, limit: int = 200) -> str:
    """Return ``"Type: message"`` of an exception, whitespace folded to one line.

    Examples
    --------
    >>> one_line(KeyError(110))
    'KeyError: 110'
    """
    msg = " ".join(str(exc).split())[:limit]
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__
