"""Per-format corpus readers: raw chunks with the input's own column names.

Internal to :mod:`framing.corpus.read`, which renames the columns and fills in the
canonical ones; use :func:`framing.corpus.read.read_corpus` instead. One module per
format: CSV and TSV (:mod:`~framing.corpus.readers.delimited`), JSON Lines and JSON
(:mod:`~framing.corpus.readers.jsonfile`), Parquet
(:mod:`~framing.corpus.readers.parquetfile`),
folders of ``.txt`` files with an optional sidecar CSV
(:mod:`~framing.corpus.readers.textfolder`). Compressed files (``.gz``, ``.bz2``,
``.xz``) are read transparently (:mod:`~framing.corpus.readers.source`), and every
read or decode failure is turned into a one-line
:class:`~framing.errors.CorpusFormatError` naming the file, and the row
where known.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

import pandas as pd

from framing.corpus.readers.delimited import read_csv
from framing.corpus.readers.jsonfile import read_json, read_jsonl
from framing.corpus.readers.parquetfile import read_parquet
from framing.corpus.readers.source import (
    READ_ERRORS,
    ReadOptions,
    decode_message,
    first_line,
)
from framing.corpus.readers.textfolder import read_txt
from framing.errors import CorpusFormatError, located

__all__ = ["read_raw"]


def read_raw(
    opts: ReadOptions, fmt: str, *, chunksize: int, compression: str | None
) -> Iterator[pd.DataFrame]:
    """Yield the input as DataFrames of at most `chunksize` rows, as named in it.

    Parameters
    ----------
    opts : ReadOptions
        The path and input column names.
    fmt : {"csv", "tsv", "json", "jsonl", "parquet", "txt"}
        Input format.
    chunksize : int
        Maximum rows per chunk.
    compression : {".gz", ".bz2", ".xz"} or None
        Compression of the file.

    Yields
    ------
    pandas.DataFrame
        Raw rows with the input's own column names.

    Raises
    ------
    CorpusFormatError
        Unreadable, malformed or undecodable input.
    FramingError
        Parquet input without pyarrow installed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl"
    >>> _ = tmp.write_text('{"body": "One."}\\n')
    >>> opts = ReadOptions(tmp, "body", "id", "outlet", "date", "title", "utf-8")
    >>> [c.columns.tolist() for c in read_raw(opts, "jsonl", chunksize=10,
    ...                                       compression=None)]
    [['body']]
    """
    try:
        yield from _READERS[fmt](opts, chunksize, compression)
    except UnicodeDecodeError as exc:
        header = 1 if fmt in ("csv", "tsv") else 0
        raise CorpusFormatError(
            decode_message(opts.path, compression, opts.encoding, exc, header=header)
        ) from exc
    except READ_ERRORS as exc:
        reason = getattr(exc, "strerror", None) or first_line(exc)
        raise CorpusFormatError(
            located(opts.path, f"cannot read file ({reason})")
        ) from exc


_Reader = Callable[[ReadOptions, int, "str | None"], Iterator[pd.DataFrame]]
_READERS: dict[str, _Reader] = {
    "csv": read_csv,
    "tsv": partial(read_csv, sep="\t"),
    "jsonl": read_jsonl,
    "json": read_json,
    "parquet": read_parquet,
    "txt": read_txt,
}
