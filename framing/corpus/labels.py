"""Training labels: from a column, or per outlet from a table.

Labelling articles by the framing of their outlet is distant supervision, as
in Proppy (Barrón-Cedeño et al. 2019): :func:`read_outlet_labels` reads an
``outlet,label`` table and :func:`resolve_labels` attaches a label to every
article, leaving out (and counting, in a :class:`LabelWarning`) the articles
of outlets missing from it. Outlet names match without surrounding
whitespace.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from framing.columns import OUTLET, TEXT
from framing.corpus._cells import cell_str, is_na
from framing.errors import CorpusFormatError, FramingError, ParameterError

__all__ = ["LabelWarning", "read_outlet_labels", "resolve_labels"]


#: What labels are resolved for (see :func:`resolve_labels`).
Purpose = Literal["training", "evaluation"]
_VERBS = {"training": "train on", "evaluation": "evaluate on"}
_NUMBERS = {1: "one", 2: "two"}


class LabelWarning(UserWarning):
    """Articles were left out of training or evaluation (no label, empty text)."""


# -- labels --------------------------------------------------------------------


def read_outlet_labels(
    path: str | Path,
    column: str | None = None,
    *,
    option: str | None = None,
) -> tuple[dict[str, str], str]:
    """Read an outlet -> label table (CSV, or TSV for ``.tsv``/``.tab``).

    The outlet column is the one headed ``outlet``, else the first. The
    label column is `column`; without it, the other column of a two-column
    file, or the second column when the outlets come first (further columns
    are then ignored), e.g. ``outlet,alignment``. Rows with an empty cell
    are skipped.

    Parameters
    ----------
    path : str or Path
        The table, with a header row.
    column : str, optional
        The header of the label column.
    option : str, optional
        The command-line option naming `column`, for error messages.

    Returns
    -------
    labels : dict
        Outlet -> label (both str).
    name : str
        The label column's header (e.g. ``"alignment"``).

    Raises
    ------
    CorpusFormatError
        Unreadable file, fewer than two columns, no such column, a label
        column that cannot be told, an outlet listed twice with different
        labels (with the row), or no rows.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "outlets.csv"
    >>> _ = p.write_text("outlet,alignment\\nDaily,A\\nHerald,B\\n")
    >>> read_outlet_labels(p)
    ({'Daily': 'A', 'Herald': 'B'}, 'alignment')
    """
    path = Path(path)
    table = _read_label_table(path)
    key, value = _label_columns(path, [str(c) for c in table.columns], column, option)
    labels: dict[str, str] = {}
    pairs = zip(table[key], table[value], strict=True)
    for row, (outlet, label) in enumerate(pairs, 2):
        outlet, label = outlet.strip(), label.strip()
        if not outlet or not label:
            continue
        if labels.setdefault(outlet, label) != label:
            raise CorpusFormatError(
                f"{path}, row {row}: outlet {outlet!r} is listed with two "
                f"labels ({labels[outlet]!r} and {label!r})"
            )
    if not labels:
        raise CorpusFormatError(f"{path}: no outlet labels (empty table)")
    return labels, value


def _read_label_table(path: Path) -> pd.DataFrame:
    """Read the outlet-label table as strings (TSV for .tsv/.tab, else CSV)."""
    sep = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    try:
        return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise CorpusFormatError(f"{path}: no such file") from None
    except (
        OSError,
        UnicodeDecodeError,
        pd.errors.ParserError,
        pd.errors.EmptyDataError,
    ) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "empty"
        raise CorpusFormatError(
            f"{path}: cannot read outlet labels ({first})"
        ) from None


def _label_columns(
    path: Path, columns: list[str], column: str | None, option: str | None
) -> tuple[str, str]:
    """Return the outlet column and the label column of the table."""
    if len(columns) < 2:
        raise CorpusFormatError(
            f"{path}: outlet labels need two columns with a header, such as "
            f"'outlet,alignment'; found {len(columns)}"
        )
    key = OUTLET if OUTLET in columns else columns[0]
    if column is not None:
        if column not in columns or column == key:
            raise CorpusFormatError(
                f"{path}: no label column {column!r}; columns are {', '.join(columns)}"
            )
        return key, column
    if len(columns) == 2 or columns[0] == key:
        return key, next(c for c in columns if c != key)
    hint = f" (name it with {option})" if option else ""
    raise CorpusFormatError(
        f"{path}: cannot tell which column holds the labels; columns are "
        f"{', '.join(columns)}{hint}"
    )


def resolve_labels(
    corpus: pd.DataFrame,
    *,
    label_col: str | None = "label",
    outlet_labels: Mapping[str, str] | str | Path | None = None,
    min_labels: int = 2,
    purpose: Purpose = "training",
) -> tuple[pd.DataFrame, np.ndarray, dict[str, Any]]:
    """Attach a label to every article and drop those without one.

    Labels are strings; numbers become their string, and integral floats (a
    number column with gaps) lose their ``.0``, so ``1`` and ``1.0`` are the
    same label ``"1"``.

    Parameters
    ----------
    corpus : DataFrame
        Canonical corpus (``text``, ``outlet``...).
    label_col : str, optional
        Column holding the labels; used when `outlet_labels` is None.
    outlet_labels : mapping or path, optional
        Outlet -> label, or a table file (:func:`read_outlet_labels`):
        distant supervision. Outlet names are matched without surrounding
        whitespace. Articles of outlets missing from it, or without an
        outlet, are left out and counted in a :class:`LabelWarning`.
    min_labels : int, default=2
        Fewest distinct labels accepted: 2 to train a classifier, 1 to
        evaluate one on a test corpus.
    purpose : {"training", "evaluation"}, default="training"
        What the labels are for; worded into warnings and errors ("left out
        of evaluation").

    Returns
    -------
    corpus : DataFrame
        The labelled articles with non-empty text, in input order.
    labels : ndarray of str
        Their labels.
    info : dict
        ``label_source`` and ``dropped`` counts for the model card.

    Raises
    ------
    CorpusFormatError
        No such label column.
    FramingError
        No labelled articles, or fewer than `min_labels` labels.
    ParameterError
        An unknown `purpose`.

    Examples
    --------
    >>> docs = pd.DataFrame({"text": ["a", "b"], "bias": [1.0, 2.0]})
    >>> resolve_labels(docs, label_col="bias")[1].tolist()
    ['1', '2']
    """
    if purpose not in _VERBS:
        raise ParameterError(
            f"`purpose` must be one of {', '.join(_VERBS)}, got {purpose!r}"
        )
    info: dict[str, Any] = {"dropped": {}}
    if outlet_labels is not None:
        labels = _outlet_labels(corpus, outlet_labels, info, purpose)
    else:
        labels = _column_labels(corpus, label_col, info, purpose)
    missing = labels.isna()
    texts = corpus[TEXT].map(lambda t: isinstance(t, str) and bool(t.strip()))
    empty = ~texts & ~missing
    if empty.any():
        info["dropped"]["empty_texts"] = int(empty.sum())
        warnings.warn(
            f"{int(empty.sum())} labelled article(s) with empty text were "
            f"left out of {purpose}",
            LabelWarning,
            stacklevel=2,
        )
    keep = (~missing & texts).to_numpy()
    y = labels[keep].astype(str).to_numpy(dtype=object)
    _check_labels(y, min_labels, purpose)
    return corpus.loc[keep], y, info


def _check_labels(y: np.ndarray, min_labels: int, purpose: str) -> None:
    if len(y) == 0:
        raise FramingError(f"no labelled articles with text to {_VERBS[purpose]}")
    found = len(set(y))
    if found < min_labels:
        what = f"a single label ({y[0]!r})" if found == 1 else f"{found} labels"
        need = _NUMBERS.get(min_labels, str(min_labels))
        raise FramingError(
            f"{what} among the {len(y)} {purpose} articles; a "
            f"classifier needs at least {need}"
        )


def _outlet_labels(
    corpus: pd.DataFrame,
    outlet_labels: Mapping[str, str] | str | Path,
    info: dict[str, Any],
    purpose: str,
) -> pd.Series:
    """Labels by outlet (stripped names); warn about articles left without one."""
    if isinstance(outlet_labels, (str, Path)):
        table, name = read_outlet_labels(outlet_labels)
        info["label_source"] = {
            "outlet_table": Path(outlet_labels).name,
            "column": name,
            "outlets": len(table),
            "sha256": hashlib.sha256(Path(outlet_labels).read_bytes()).hexdigest(),
        }
    else:
        table = {str(k).strip(): str(v).strip() for k, v in outlet_labels.items()}
        info["label_source"] = {"outlet_table": "(mapping)", "column": "label"}
    if OUTLET not in corpus.columns or corpus[OUTLET].isna().all():
        raise CorpusFormatError(
            "labels per outlet need an outlet column; none found. Try `outlet_col`"
        )
    outlets = corpus[OUTLET].astype(object)
    keys = outlets.map(lambda o: o.strip() if isinstance(o, str) else "")
    labels = keys.map(lambda k: table.get(k) if k else None)
    missing = labels.isna()
    if missing.any():
        named = missing & keys.ne("")
        names = sorted(set(outlets[named]))
        info["dropped"]["unlabelled_articles"] = int(missing.sum())
        info["dropped"]["unlabelled_outlets"] = len(names)
        _warn_unlabelled(
            int(named.sum()), names, int((missing & ~named).sum()), purpose
        )
    return labels


def _warn_unlabelled(
    n_named: int, names: list[str], n_without: int, purpose: str
) -> None:
    """Warn about articles of outlets missing from the table, or without one."""
    parts = []
    if n_named:
        parts.append(
            f"{n_named} article(s) from {len(names)} outlet(s) missing "
            "from the outlet labels"
        )
    if n_without:
        parts.append(f"{n_without} article(s) without an outlet")
    shown = ", ".join(map(repr, names[:5])) + (" ..." if len(names) > 5 else "")
    warnings.warn(
        " and ".join(parts)
        + f" were left out of {purpose}"
        + (f": {shown}" if shown else ""),
        LabelWarning,
        stacklevel=4,
    )


def _column_labels(
    corpus: pd.DataFrame, label_col: str | None, info: dict[str, Any], purpose: str
) -> pd.Series:
    """Labels from a column (as str, stripped); warn about unlabelled articles."""
    if label_col is None or label_col not in corpus.columns:
        raise CorpusFormatError(
            f"no label column {label_col!r}; columns are "
            f"{', '.join(map(str, corpus.columns))}. Use `label_col`, or "
            "`outlet_labels` with an outlet,label table"
        )
    info["label_source"] = {"column": label_col}
    labels = corpus[label_col].map(lambda v: None if is_na(v) else cell_str(v).strip())
    labels = labels.where(labels != "", None)
    missing = labels.isna()
    if missing.any():
        info["dropped"]["unlabelled_articles"] = int(missing.sum())
        warnings.warn(
            f"{int(missing.sum())} article(s) without a label in "
            f"{label_col!r} were left out of {purpose}",
            LabelWarning,
            stacklevel=3,
        )
    return labels
