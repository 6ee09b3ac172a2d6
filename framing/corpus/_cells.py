"""Cell helpers shared by the readers, the corpus and the labels.

:func:`is_na` tells whether a cell is missing, :func:`cell_str` formats one as
text (lone UTF-16 surrogates replaced by :func:`replace_surrogates`), and
:func:`column_names` joins column names for a one-line message.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["cell_str", "column_names", "is_na", "replace_surrogates"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def column_names(columns: Any) -> str:
    """Join column names for a one-line message (odd names shown as repr).

    Parameters
    ----------
    columns : iterable
        Column names.

    Returns
    -------
    str

    Examples
    --------
    >>> column_names(["text", "a\\tb"])
    "text, 'a\\\\tb'"
    """
    return ", ".join(str(c) if str(c).isprintable() else repr(c) for c in columns)


def is_na(value: Any) -> bool:
    """Whether a cell is missing: None, NaN, NaT or NA (not a list or dict).

    Parameters
    ----------
    value : object
        A cell value.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_na(None), is_na(float("nan")), is_na([None]), is_na("")
    (True, True, False, False)
    """
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def replace_surrogates(text: str) -> str:
    """Replace lone UTF-16 surrogates with U+FFFD (the replacement character).

    JSON may escape half of a UTF-16 pair (``"\\ud800"``); Python reads it
    as a lone surrogate, which no UTF-8 encoder (pyarrow strings, output
    files) accepts. A high surrogate directly followed by a low one is joined
    into the character the pair encodes.

    Parameters
    ----------
    text : str
        Any string.

    Returns
    -------
    str
        `text` itself when it has no surrogates.

    Examples
    --------
    >>> replace_surrogates("a \\ud800 b") == "a \\ufffd b"
    True
    >>> replace_surrogates("\\ud83d\\ude00") == "\\U0001f600"
    True
    """
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def cell_str(value: Any) -> str:
    """Format a cell as str: 7.0 as ``"7"``, lone surrogates as U+FFFD.

    A number column with gaps is read as floats, so the ids or labels 7 and
    7.0 must both become ``"7"``.

    Parameters
    ----------
    value : object
        A cell value (not missing; see :func:`is_na`).

    Returns
    -------
    str

    Examples
    --------
    >>> cell_str(7.0), cell_str(7.5), cell_str("left")
    ('7', '7.5', 'left')
    """
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return replace_surrogates(str(value))
