"""Read corpora (CSV, TSV, JSON, JSONL, Parquet, .txt folders) into DataFrames.

Every reader yields the same canonical frame: ``id, text, outlet, date,
title`` first, then any further input columns (labels, topics...) untouched:

- ``id``: str; the 1-based row number when absent or empty;
- ``text``: str; missing text becomes ``""`` and the row is kept, a number
  becomes its string;
- ``outlet``: str without surrounding whitespace, or NA when absent or blank;
- ``date``: naive datetime (UTC for zone-aware input), NaT when absent or
  unparseable;
- ``title``: str, or NA when absent.

Files may be compressed (``.gz``, ``.bz2``, ``.xz``). Bad input raises
:class:`~framing.errors.CorpusFormatError` with a one-line message naming
the file and, where known, the 1-based row and the column; this includes a
text that is not a string or a number (a JSON object, array or boolean, a
Parquet list): it is never turned into its Python repr. Lone UTF-16
surrogates (JSON escapes such as ``"\\ud800"``) in string cells and column
names become U+FFFD, so such rows are read like any other. Outlet names lose
surrounding whitespace (a blank one is NA), so ``"Daily "`` and ``"Daily"``
are one outlet.

This module checks options, detects the format and canonicalises columns;
the per-format readers live in :mod:`framing.corpus.readers`.
"""

from __future__ import annotations

import codecs
import numbers
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.columns import DATE, ID, OUTLET, TEXT, TITLE
from framing.corpus._cells import cell_str, column_names, is_na, replace_surrogates
from framing.corpus.clean import clean_text
from framing.corpus.readers import read_raw
from framing.corpus.readers.source import COMPRESSIONS, ReadOptions
from framing.errors import CorpusFormatError, ParameterError, located

__all__ = [
    "CANONICAL_COLUMNS",
    "FORMATS",
    "detect_format",
    "iter_corpus",
    "read_corpus",
]

#: Canonical columns, always present and always first, in this order.
CANONICAL_COLUMNS = (ID, TEXT, OUTLET, DATE, TITLE)
#: Formats understood by ``fmt=``.
FORMATS = ("csv", "tsv", "json", "jsonl", "parquet", "txt")
DATE_DTYPE = "datetime64[us]"
_STR: Any = "str" if int(pd.__version__.split(".")[0]) >= 3 else object

_SUFFIXES = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".txt": "txt",
}


def detect_format(path: str | Path) -> tuple[str, str | None]:
    """Guess a corpus format and compression from a path.

    Parameters
    ----------
    path : str or Path
        A file, or a folder of ``.txt`` files.

    Returns
    -------
    (str, str or None)
        One of :data:`FORMATS`, and the compression suffix (``".gz"``,
        ``".bz2"``, ``".xz"``) or ``None``.

    Raises
    ------
    CorpusFormatError
        If the suffix is not recognised.

    Examples
    --------
    >>> detect_format("news/train.jsonl.gz")
    ('jsonl', '.gz')
    >>> detect_format("articles.CSV")
    ('csv', None)
    """
    path = Path(path)
    if path.is_dir():
        return "txt", None
    suffixes = [s.lower() for s in path.suffixes]
    compression = suffixes.pop() if suffixes and suffixes[-1] in COMPRESSIONS else None
    if suffixes and suffixes[-1] in _SUFFIXES:
        return _SUFFIXES[suffixes[-1]], compression
    raise CorpusFormatError(
        located(
            path,
            "cannot tell the format from the file name; pass `fmt`, "
            f"one of {', '.join(FORMATS)}",
        )
    )


def iter_corpus(
    path: str | Path,
    *,
    chunksize: int = 10_000,
    text_col: str = TEXT,
    id_col: str = ID,
    outlet_col: str = OUTLET,
    date_col: str = DATE,
    title_col: str = TITLE,
    fmt: str | None = None,
    clean: bool = False,
    encoding: str = "utf-8",
    sidecar: str | Path | None = None,
) -> Iterator[pd.DataFrame]:
    r"""Read a corpus in chunks of at most `chunksize` rows.

    Memory is bounded by `chunksize` for CSV, TSV, JSONL, Parquet and .txt
    folders (a JSON array is parsed whole, then chunked). Row numbers and
    generated ids continue across chunks; each chunk's index is the 0-based
    position of its rows in the whole corpus. Options and the path are
    checked on the call; format errors surface while iterating.

    Parameters
    ----------
    path : str or Path
        A file, or a folder of ``.txt`` / ``.txt.gz`` files (ids, outlets and
        the sidecar: :mod:`framing.corpus.readers.textfolder`).
    chunksize : int, default=10000
        Maximum rows per chunk.
    text_col, id_col, outlet_col, date_col, title_col : str
        Input names of the canonical columns. Only the text is required, but
        a name other than the default must exist. An input column with a
        canonical name that is not the one selected becomes ``original_<name>``.
    fmt : {"csv", "tsv", "json", "jsonl", "parquet", "txt"}, optional
        Format; default from the file suffix (see :func:`detect_format`).
    clean : bool, default=False
        Apply :func:`~framing.corpus.clean.clean_text` to every text.
    encoding : str, default="utf-8"
        Text encoding of the input.
    sidecar : str or Path, optional
        For .txt folders: a CSV of per-file metadata; default ``outlets.csv``
        or ``metadata.csv`` at the top of the folder, if present.

    Returns
    -------
    Iterator of pandas.DataFrame
        Chunks of the canonical frame (see the module docstring);
        ``attrs["corpus"]`` holds the chunk's ``source``, ``first_row``,
        ``empty_text`` and ``unparsed_dates``.

    Raises
    ------
    CorpusFormatError
        Unreadable, malformed or undecodable input, no text column, an unknown
        `encoding`, or a text neither string nor number (row and column named).
    FramingError
        Parquet input without pyarrow installed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl"
    >>> _ = tmp.write_text('{"body": "One."}\n{"body": "Two."}\n{"body": ""}\n')
    >>> [c["id"].tolist() for c in iter_corpus(tmp, chunksize=2, text_col="body")]
    [['1', '2'], ['3']]
    """
    if chunksize < 1:
        raise ParameterError(f"`chunksize` must be at least 1, got {chunksize}")
    path = Path(path)
    fmt, compression = _format_of(path, fmt)
    _check_source(path, encoding)
    opts = ReadOptions(
        path,
        text_col,
        id_col,
        outlet_col,
        date_col,
        title_col,
        encoding,
        Path(sidecar) if sidecar is not None else None,
        strict=fmt != "txt",
    )
    return _iterate(opts, fmt, compression, chunksize=chunksize, clean=clean)


def _format_of(path: Path, fmt: str | None) -> tuple[str, str | None]:
    """Return the format (given, or from the suffix) and the compression."""
    if fmt is None:
        fmt, compression = detect_format(path)
    else:
        fmt = fmt.lower()
        suffix = path.suffix.lower()
        compression = suffix if suffix in COMPRESSIONS else None
    if fmt not in FORMATS:
        raise CorpusFormatError(
            located(path, f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        )
    return fmt, compression


def _check_source(path: Path, encoding: str) -> None:
    """Fail on a missing path or an unknown encoding before reading anything."""
    if not path.exists():
        raise CorpusFormatError(located(path, "no such file or folder"))
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise CorpusFormatError(
            located(path, f"unknown encoding {encoding!r}; try utf-8 or latin-1")
        ) from None


def _iterate(
    opts: ReadOptions, fmt: str, compression: str | None, *, chunksize: int, clean: bool
) -> Iterator[pd.DataFrame]:
    first_row = 1
    for raw in read_raw(opts, fmt, chunksize=chunksize, compression=compression):
        chunk = _canonical(raw, opts, first_row)
        if clean:
            chunk[TEXT] = chunk[TEXT].map(clean_text)
        first_row += len(chunk)
        yield chunk


def read_corpus(
    path: str | Path,
    *,
    text_col: str = TEXT,
    id_col: str = ID,
    outlet_col: str = OUTLET,
    date_col: str = DATE,
    title_col: str = TITLE,
    fmt: str | None = None,
    clean: bool = False,
    encoding: str = "utf-8",
    sidecar: str | Path | None = None,
) -> pd.DataFrame:
    r"""Read a whole corpus into one DataFrame.

    Every input row appears, in order, including rows with empty text.
    ``attrs["corpus"]`` records ``source``, ``rows``, ``empty_text`` and
    ``unparsed_dates``; unparseable dates also raise a ``UserWarning``.

    Parameters
    ----------
    path : str or Path
        A file, or a folder of ``.txt`` files.
    text_col, id_col, outlet_col, date_col, title_col : str
        Input column names; see :func:`iter_corpus`.
    fmt, clean, encoding, sidecar
        See :func:`iter_corpus`.

    Returns
    -------
    pandas.DataFrame
        Canonical columns ``id, text, outlet, date, title``, then the rest.

    Raises
    ------
    CorpusFormatError
        Unreadable, malformed or undecodable input, no text column, or a
        text that is neither a string nor a number.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "news.csv"
    >>> _ = tmp.write_text("body,source,bias\nIt rained.,Daily,left\n,Daily,left\n")
    >>> df = read_corpus(tmp, text_col="body", outlet_col="source")
    >>> list(df.columns)
    ['id', 'text', 'outlet', 'date', 'title', 'bias']
    >>> df["id"].tolist(), df["text"].tolist()
    (['1', '2'], ['It rained.', ''])
    """
    options = {
        "text_col": text_col,
        "id_col": id_col,
        "outlet_col": outlet_col,
        "date_col": date_col,
        "title_col": title_col,
    }
    chunks = list(
        iter_corpus(
            path,
            chunksize=50_000,
            fmt=fmt,
            clean=clean,
            encoding=encoding,
            sidecar=sidecar,
            **options,
        )
    )
    if not chunks:
        opts = ReadOptions(Path(path), encoding=encoding, strict=False, **options)
        chunks = [_canonical(pd.DataFrame({text_col: []}), opts, 1)]
    df = _combine(chunks, path)
    warn_unparsed_dates(path, df.attrs["corpus"]["unparsed_dates"])
    return df


def warn_unparsed_dates(path: str | Path, unparsed: int) -> None:
    """Warn, once per corpus, that `unparsed` dates could not be parsed.

    Parameters
    ----------
    path : str or path-like
        The corpus the dates were read from.
    unparsed : int
        How many non-empty dates were not understood (they are ``NaT``).
    """
    if unparsed:
        warnings.warn(
            f"{path}: {unparsed} date(s) could not be parsed and are NaT",
            UserWarning,
            stacklevel=3,
        )


def _combine(chunks: list[pd.DataFrame], path: str | Path) -> pd.DataFrame:
    """Concatenate the chunks; sum their row, empty-text and bad-date counts."""
    df = pd.concat(chunks) if len(chunks) > 1 else chunks[0]
    df.attrs = {
        "corpus": {
            "source": str(path),
            "rows": len(df),
            "unparsed_dates": sum(c.attrs["corpus"]["unparsed_dates"] for c in chunks),
            "empty_text": sum(c.attrs["corpus"]["empty_text"] for c in chunks),
        }
    }
    return df


# -- canonical columns ---------------------------------------------------------


def _canonical(raw: pd.DataFrame, opts: ReadOptions, first_row: int) -> pd.DataFrame:
    if opts.text_col not in raw.columns:
        available = column_names(raw.columns) or "(none)"
        raise CorpusFormatError(
            located(
                opts.path,
                f"no such text column; available columns: {available}. Try `text_col`",
                column=opts.text_col,
            )
        )
    wanted = {
        opts.id_col: ID,
        opts.text_col: TEXT,
        opts.outlet_col: OUTLET,
        opts.date_col: DATE,
        opts.title_col: TITLE,
    }
    for src, dst in wanted.items():  # a renamed column that is absent is a typo
        if src != dst and src not in raw.columns and first_row == 1 and opts.strict:
            raise CorpusFormatError(
                located(
                    opts.path,
                    f"no such {dst} column; available columns: "
                    f"{column_names(raw.columns)}. Check `{dst}_col`",
                    column=src,
                )
            )
    mapping = {src: dst for src, dst in wanted.items() if src in raw.columns}
    for dst in CANONICAL_COLUMNS:
        if dst in raw.columns and dst not in mapping:
            mapping[dst] = f"original_{dst}"
    df = raw.rename(columns=mapping)
    n = len(df)
    df.index = pd.RangeIndex(first_row - 1, first_row - 1 + n)
    row_ids = pd.Series(
        [str(i) for i in range(first_row, first_row + n)], index=df.index, dtype=object
    )
    ids = _strings(df[ID]) if ID in df else row_ids
    df[ID] = _as_str(ids.where(ids.notna() & (ids != ""), row_ids))
    df[TEXT] = _as_str(_texts(df[TEXT], opts, first_row))
    absent = pd.Series([None] * n, index=df.index, dtype=object)
    df[OUTLET] = _as_str(_outlets(df[OUTLET]) if OUTLET in df else absent)
    df[TITLE] = _as_str(_strings(df[TITLE]) if TITLE in df else absent)
    unparsed = 0
    if DATE in df:
        df[DATE], unparsed = _parse_dates(df[DATE])
    else:
        df[DATE] = pd.Series(pd.NaT, index=df.index, dtype=DATE_DTYPE)
    extras = [c for c in df.columns if c not in CANONICAL_COLUMNS]
    df = pd.concat([df[list(CANONICAL_COLUMNS)], _extras(df[extras])], axis=1)
    df.attrs = {
        "corpus": {
            "source": str(opts.path),
            "first_row": first_row,
            "empty_text": int((df[TEXT].str.strip() == "").sum()),
            "unparsed_dates": unparsed,
        }
    }
    return df


def _strings(values: pd.Series) -> pd.Series:
    """Values as Python str (ids 7 and 7.0 both become ``"7"``), NA as None."""
    return pd.Series(
        [None if is_na(v) else cell_str(v) for v in values.astype(object)],
        index=values.index,
        dtype=object,
    )


def _texts(values: pd.Series, opts: ReadOptions, first_row: int) -> pd.Series:
    """Texts as str, NA as ``""``; a text neither str nor number is an error."""
    texts = []
    for row, value in enumerate(values.astype(object), first_row):
        if isinstance(value, str):
            texts.append(replace_surrogates(value))
        elif is_na(value):
            texts.append("")
        elif _is_number(value):
            texts.append(cell_str(value))
        else:
            raise CorpusFormatError(
                located(
                    opts.path,
                    f"text is {_kind(value)}, not a string",
                    row=row,
                    column=opts.text_col,
                )
            )
    return pd.Series(texts, index=values.index, dtype=object)


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, (bool, np.bool_))


def _kind(value: Any) -> str:
    """Name a non-text value for a message: 'a JSON object', 'a list'..."""
    if isinstance(value, dict):
        return "a JSON object"
    if isinstance(value, (list, tuple, np.ndarray)):
        return "a list"
    if isinstance(value, (bool, np.bool_)):
        return "a boolean"
    return f"of type {type(value).__name__}"


def _outlets(values: pd.Series) -> pd.Series:
    """Outlet names without surrounding whitespace; a blank name is None."""
    names = _strings(values).str.strip()
    return names.where(names.notna() & names.ne(""), None)


def _extras(extras: pd.DataFrame) -> pd.DataFrame:
    """Further input columns, lone surrogates in their strings replaced."""
    fixed = {
        col: [replace_surrogates(v) if isinstance(v, str) else v for v in values]
        for col, values in extras.items()
        if values.dtype == object
    }
    if fixed:
        extras = extras.copy()
    for col, values in fixed.items():
        extras[col] = pd.Series(values, index=extras.index, dtype=object)
    return extras.infer_objects()


def _as_str(values: pd.Series) -> pd.Series:
    """Use pandas' default string dtype (``str`` in pandas 3, else object)."""
    return pd.Series(values.tolist(), index=values.index, dtype=_STR)


def _parse_dates(values: pd.Series) -> tuple[pd.Series, int]:
    if pd.api.types.is_datetime64_any_dtype(values):
        if getattr(values.dt, "tz", None) is not None:
            values = values.dt.tz_convert("UTC").dt.tz_localize(None)
        return values.astype(DATE_DTYPE), 0
    text = _strings(values).str.strip()
    text = text.where(text.notna() & text.ne(""), None)  # "" is absent, not bad
    present = text.notna()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = pd.to_datetime(text, errors="coerce", utc=True, format="ISO8601")
        retry = parsed.isna() & present
        if retry.any():
            parsed[retry] = pd.to_datetime(
                text[retry], errors="coerce", utc=True, format="mixed"
            )
    parsed = parsed.dt.tz_localize(None).astype(DATE_DTYPE)
    return parsed, int((parsed.isna() & present).sum())
