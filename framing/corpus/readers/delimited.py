"""Read CSV and TSV files in chunks, with one-line parse-error messages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from framing.corpus.readers.source import ReadOptions
from framing.errors import CorpusFormatError, located

__all__ = ["read_csv", "read_delimited"]

_PANDAS_COMPRESSION = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz"}
_CSV_RAGGED = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_CSV_EOF = re.compile(r"EOF inside string starting at row (\d+)")


def read_delimited(
    path: Path,
    *,
    sep: str,
    encoding: str,
    chunksize: int,
    compression: str | None,
    dtype: Any,
) -> Iterator[pd.DataFrame]:
    """Yield a delimited file in chunks; parse errors as CorpusFormatError."""
    try:
        with pd.read_csv(
            path,
            sep=sep,
            dtype=dtype,
            keep_default_na=False,
            na_values=[""],
            encoding=encoding,
            chunksize=chunksize,
            compression=_PANDAS_COMPRESSION.get(compression or ""),
        ) as reader:
            yield from reader
    except pd.errors.EmptyDataError as exc:
        raise CorpusFormatError(located(path, "file is empty (no header)")) from exc
    except pd.errors.ParserError as exc:
        raise CorpusFormatError(_csv_message(path, str(exc), sep)) from exc


def _csv_message(path: Path, error: str, sep: str) -> str:
    if match := _CSV_RAGGED.search(error):
        expected, record, saw = (int(g) for g in match.groups())
        hint = "check quoting and the delimiter (`fmt='csv'` or `fmt='tsv'`)"
        return located(
            path,
            f"ragged row: expected {expected} fields, saw {saw}; {hint}",
            row=record - 1,
        )
    if match := _CSV_EOF.search(error):
        return located(
            path,
            "unclosed quote: the file ends inside a quoted field "
            "that starts on this row",
            row=int(match.group(1)),
        )
    lines = error.strip().splitlines()
    detail = lines[-1] if lines else "parse error"
    return located(path, f"malformed {'CSV' if sep == ',' else 'TSV'} ({detail})")


def read_csv(
    opts: ReadOptions, chunksize: int, compression: str | None, sep: str = ","
) -> Iterator[pd.DataFrame]:
    """Yield a CSV file (TSV with ``sep="\\t"``) in chunks, named columns as str."""
    named = (opts.id_col, opts.text_col, opts.outlet_col, opts.title_col, opts.date_col)
    return read_delimited(
        opts.path,
        sep=sep,
        encoding=opts.encoding,
        chunksize=chunksize,
        compression=compression,
        dtype=dict.fromkeys(named, "str"),
    )
