"""Per-format corpus readers: raw chunks with the input's own column names.

Internal to :mod:`framing.corpus`, which renames the columns and fills in the
canonical ones; use :func:`framing.corpus.read_corpus` instead. One reader per
format (CSV, TSV, JSON Lines, JSON, Parquet, folders of ``.txt`` files with an
optional sidecar CSV), compressed files (``.gz``, ``.bz2``, ``.xz``) read
transparently, and every read or decode failure turned into a one-line
:class:`~framing.exceptions.CorpusFormatError` naming the file, and the row
where known. Also the cell helpers shared with :mod:`framing.corpus` and
:mod:`framing.labels`: :func:`is_na`, :func:`cell_str` and
:func:`replace_surrogates`.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from framing.exceptions import CorpusFormatError, FramingError, located

__all__ = [
    "COMPRESSIONS",
    "SIDECAR_NAMES",
    "ReadOptions",
    "cell_str",
    "column_names",
    "is_na",
    "read_raw",
    "replace_surrogates",
]

#: Sidecar files looked for at the top of a .txt folder.
SIDECAR_NAMES = ("outlets.csv", "metadata.csv")

_OPENERS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
#: Compression suffixes understood on any input file.
COMPRESSIONS = tuple(_OPENERS)
_PANDAS_COMPRESSION = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz"}
_CSV_RAGGED = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_CSV_EOF = re.compile(r"EOF inside string starting at row (\d+)")
_SIDECAR_KEYS = ("file", "filename", "path")
_READ_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError)
_ENCODING_HINT = "try another encoding (--encoding latin-1)"
_TOO_DEEP = "JSON nested too deeply to read"
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class ReadOptions:
    """What to read and how: the path, input column names, encoding, sidecar.

    Attributes
    ----------
    path : Path
        The file or folder.
    text_col, id_col, outlet_col, date_col, title_col : str
        Input column names (see :func:`framing.corpus.iter_corpus`).
    encoding : str
        Text encoding of the input.
    sidecar : Path or None, default=None
        Sidecar CSV of a .txt folder (default: looked up in the folder).
    strict : bool, default=True
        Whether a renamed column must exist (not for .txt folders).
    """

    path: Path
    text_col: str
    id_col: str
    outlet_col: str
    date_col: str
    title_col: str
    encoding: str
    sidecar: Path | None = None
    strict: bool = True


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
            _decode_message(opts.path, compression, opts.encoding, exc, header=header)
        ) from exc
    except _READ_ERRORS as exc:
        reason = getattr(exc, "strerror", None) or _first_line(exc)
        raise CorpusFormatError(
            located(opts.path, f"cannot read file ({reason})")
        ) from exc


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


def _first_line(error: object) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _open_binary(path: Path, compression: str | None) -> IO[bytes]:
    opener = _OPENERS.get(compression or "")
    return opener(path, "rb") if opener else open(path, "rb")


# -- CSV / TSV ------------------------------------------------------------------


def _read_delimited(
    path: Path,
    *,
    sep: str,
    encoding: str,
    chunksize: int,
    compression: str | None,
    dtype: Any,
) -> Iterator[pd.DataFrame]:
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
        hint = "check quoting and the delimiter (--input-format csv/tsv)"
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


def _read_csv(
    opts: ReadOptions, chunksize: int, compression: str | None, sep: str = ","
) -> Iterator[pd.DataFrame]:
    named = (opts.id_col, opts.text_col, opts.outlet_col, opts.title_col, opts.date_col)
    return _read_delimited(
        opts.path,
        sep=sep,
        encoding=opts.encoding,
        chunksize=chunksize,
        compression=compression,
        dtype=dict.fromkeys(named, "str"),
    )


# -- JSON Lines / JSON ------------------------------------------------------------


def _read_jsonl(
    opts: ReadOptions,
    chunksize: int,
    compression: str | None,
) -> Iterator[pd.DataFrame]:
    records: list[dict[str, Any]] = []
    with io.TextIOWrapper(
        _open_binary(opts.path, compression), encoding=opts.encoding
    ) as lines:
        for lineno, line in enumerate(lines, 1):
            if not line.strip() or (lineno == 1 and line.strip() == "\ufeff"):
                continue
            try:
                value = json.loads(line.lstrip("\ufeff") if lineno == 1 else line)
            except json.JSONDecodeError as exc:
                raise CorpusFormatError(
                    located(
                        opts.path,
                        f"invalid JSON ({exc.msg} at char {exc.pos})",
                        row=lineno,
                    )
                ) from exc
            except RecursionError:
                raise CorpusFormatError(
                    located(opts.path, _TOO_DEEP, row=lineno)
                ) from None
            records.append(_record(value, opts.path, lineno))
            if len(records) == chunksize:
                yield pd.DataFrame(records, dtype=object)
                records = []
    if records:
        yield pd.DataFrame(records, dtype=object)  # object: ids 7 never become 7.0


def _record(value: Any, path: Path, row: int) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CorpusFormatError(
            located(
                path, f"expected a JSON object, got {type(value).__name__}", row=row
            )
        )
    if all(key.isascii() for key in value):
        return value
    return {replace_surrogates(key): v for key, v in value.items()}  # column names


def _read_json(
    opts: ReadOptions,
    chunksize: int,
    compression: str | None,
) -> Iterator[pd.DataFrame]:
    with _open_binary(opts.path, compression) as raw:
        content = raw.read().decode(opts.encoding).lstrip("\ufeff")
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and content.lstrip().startswith("{"):
            yield from _read_jsonl(opts, chunksize, compression)  # JSON Lines
            return
        raise CorpusFormatError(
            located(
                opts.path,
                f"invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
            )
        ) from exc
    except RecursionError:
        raise CorpusFormatError(located(opts.path, _TOO_DEEP)) from None
    if isinstance(data, dict):  # {"articles": [...]} or a single record
        lists = [v for v in data.values() if isinstance(v, list)]
        data = lists[0] if len(lists) == 1 else [data]
    if not isinstance(data, list):
        raise CorpusFormatError(
            located(
                opts.path,
                f"expected a JSON array of objects, got {type(data).__name__}",
            )
        )
    records = [_record(value, opts.path, i) for i, value in enumerate(data, 1)]
    for start in range(0, len(records), chunksize):
        yield pd.DataFrame(records[start : start + chunksize], dtype=object)


# -- Parquet ----------------------------------------------------------------------


def _read_parquet(
    opts: ReadOptions,
    chunksize: int,
    compression: str | None,
) -> Iterator[pd.DataFrame]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise FramingError(
            located(
                opts.path,
                "reading Parquet needs pyarrow; install it with "
                "pip install 'framing[parquet]'",
            )
        ) from None
    try:
        source = _open_binary(opts.path, compression) if compression else opts.path
        for batch in pq.ParquetFile(source).iter_batches(batch_size=chunksize):
            yield batch.to_pandas(integer_object_nulls=True)
    except pa.ArrowException as exc:
        raise CorpusFormatError(
            located(opts.path, f"not a readable Parquet file ({_first_line(exc)})")
        ) from exc


# -- folders of .txt files ----------------------------------------------------------


def _read_txt(
    opts: ReadOptions,
    chunksize: int,
    compression: str | None,
) -> Iterator[pd.DataFrame]:
    root = opts.path if opts.path.is_dir() else opts.path.parent
    files = (
        [opts.path]
        if opts.path.is_file()
        else sorted(p for p in root.rglob("*") if _is_txt(p, root))
    )
    if not files:
        raise CorpusFormatError(located(opts.path, "no .txt files found"))
    meta = _load_sidecar(opts, root)
    stems = [_strip_txt(f.name) for f in files]
    counts = Counter(stems)
    ids = [
        stem if counts[stem] == 1 else _strip_txt(f.relative_to(root).as_posix())
        for stem, f in zip(stems, files, strict=True)
    ]
    for start in range(0, len(files), chunksize):
        rows = []
        for file, doc_id in zip(
            files[start : start + chunksize],
            ids[start : start + chunksize],
            strict=True,
        ):
            row = {
                opts.id_col: doc_id,
                opts.text_col: _read_txt_file(file, opts),
                opts.outlet_col: file.parent.name,
            }
            rel = file.relative_to(root).as_posix()
            keys = (rel, _strip_txt(rel), file.name, _strip_txt(file.name), doc_id)
            row.update(next((meta[k] for k in keys if k in meta), {}))
            rows.append(row)
        yield pd.DataFrame(rows, dtype=object)


def _is_txt(path: Path, root: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return not hidden and path.is_file() and _strip_txt(path.name) != path.name


def _strip_txt(name: str) -> str:
    for suffix in (".txt", *(f".txt{c}" for c in COMPRESSIONS)):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def _read_txt_file(file: Path, opts: ReadOptions) -> str:
    suffix = file.suffix.lower()
    with _open_binary(file, suffix if suffix in _OPENERS else None) as fh:
        data = fh.read()
    try:
        text = data.decode(opts.encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CorpusFormatError(
            located(
                file,
                f"cannot decode byte 0x{data[exc.start]:02x} on line {line} as "
                f"{opts.encoding}; {_ENCODING_HINT}",
            )
        ) from exc
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _load_sidecar(opts: ReadOptions, root: Path) -> dict[str, dict[str, Any]]:
    path = opts.sidecar or next(
        (root / n for n in SIDECAR_NAMES if (root / n).is_file()), None
    )
    if path is None:
        return {}
    try:
        table = pd.concat(
            _read_delimited(
                path,
                sep=",",
                encoding=opts.encoding,
                chunksize=100_000,
                compression=None,
                dtype=str,
            )
        )
    except UnicodeDecodeError as exc:
        raise CorpusFormatError(
            _decode_message(path, None, opts.encoding, exc, header=1)
        ) from exc
    except _READ_ERRORS as exc:
        raise CorpusFormatError(
            located(path, f"cannot read sidecar ({_first_line(exc)})")
        ) from exc
    key = next((c for c in (*_SIDECAR_KEYS, opts.id_col) if c in table.columns), None)
    if key is None:
        raise CorpusFormatError(
            located(
                path,
                f"sidecar needs a column naming each file ({', '.join(_SIDECAR_KEYS)}"
                f" or {opts.id_col!r}); found: {column_names(table.columns)}",
            )
        )
    meta: dict[str, dict[str, Any]] = {}
    for row, record in enumerate(table.to_dict("records"), 1):
        name = record.pop(key) if key != opts.id_col else record.get(key)
        if is_na(name):
            raise CorpusFormatError(
                located(path, "empty file name", row=row, column=key)
            )
        meta[str(name).strip()] = {k: v for k, v in record.items() if not is_na(v)}
    return meta


# -- decode errors ------------------------------------------------------------------


def _decode_message(
    path: Path,
    compression: str | None,
    encoding: str,
    exc: UnicodeDecodeError,
    *,
    header: int = 0,
) -> str:
    """Re-read the file to find the first undecodable line for the message."""
    hint = f"cannot decode as {encoding}; {_ENCODING_HINT}"
    try:
        with _open_binary(path, compression) as fh:
            for lineno, line in enumerate(fh, 1):
                try:
                    line.decode(encoding)
                except UnicodeDecodeError as err:
                    return located(
                        path,
                        f"byte 0x{line[err.start]:02x} at char {err.start + 1}"
                        f" of line {lineno}: {hint}",
                        row=lineno - header if lineno > header else None,
                    )
    except (*_READ_ERRORS, LookupError):
        pass
    return located(path, f"{hint} ({exc.reason})")


_Reader = Callable[[ReadOptions, int, "str | None"], Iterator[pd.DataFrame]]
_READERS: dict[str, _Reader] = {
    "csv": _read_csv,
    "tsv": partial(_read_csv, sep="\t"),
    "jsonl": _read_jsonl,
    "json": _read_json,
    "parquet": _read_parquet,
    "txt": _read_txt,
}
