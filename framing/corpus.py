"""Read corpora (CSV, TSV, JSON, JSONL, Parquet, .txt folders) into DataFrames.

Every reader yields the same canonical frame: ``id, text, outlet, date,
title`` first, then any further input columns (labels, topics...) untouched.
Files may be compressed (``.gz``, ``.bz2``, ``.xz``). Bad input raises
:class:`~framing.exceptions.CorpusFormatError` with a one-line message naming
the file and, where known, the 1-based row and the column.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import re
import warnings
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pandas as pd

from framing.cleaning import clean_text
from framing.exceptions import CorpusFormatError, FramingError, located
from framing.schema import DATE, ID, OUTLET, TEXT, TITLE

__all__ = ["CANONICAL_COLUMNS", "FORMATS", "SIDECAR_NAMES", "detect_format",
           "iter_corpus", "read_corpus"]

#: Canonical columns, always present and always first, in this order.
CANONICAL_COLUMNS = (ID, TEXT, OUTLET, DATE, TITLE)
#: Formats understood by ``fmt=``.
FORMATS = ("csv", "tsv", "json", "jsonl", "parquet", "txt")
#: Sidecar files looked for at the top of a .txt folder.
SIDECAR_NAMES = ("outlets.csv", "metadata.csv")
DATE_DTYPE = "datetime64[us]"
_STR: Any = "str" if int(pd.__version__.split(".")[0]) >= 3 else object

_SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl",
             ".ndjson": "jsonl", ".json": "json", ".parquet": "parquet",
             ".pq": "parquet", ".txt": "txt"}
_OPENERS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
_PANDAS_COMPRESSION = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz"}
_CSV_RAGGED = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_CSV_EOF = re.compile(r"EOF inside string starting at row (\d+)")
_SIDECAR_KEYS = ("file", "filename", "path")
_READ_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError)
_ENCODING_HINT = "try another encoding (--encoding latin-1)"


@dataclass(frozen=True)
class _Options:
    path: Path
    text_col: str
    id_col: str
    outlet_col: str
    date_col: str
    title_col: str
    encoding: str
    sidecar: Path | None = None
    strict: bool = True  # renamed columns must exist (not for .txt folders)


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
    compression = suffixes.pop() if suffixes and suffixes[-1] in _OPENERS else None
    if suffixes and suffixes[-1] in _SUFFIXES:
        return _SUFFIXES[suffixes[-1]], compression
    raise CorpusFormatError(located(
        path, "cannot tell the format from the file name; pass fmt= (--input-format), "
        f"one of {', '.join(FORMATS)}"))


def iter_corpus(path: str | Path, *, chunksize: int = 10_000, text_col: str = TEXT,
                id_col: str = ID, outlet_col: str = OUTLET, date_col: str = DATE,
                title_col: str = TITLE, fmt: str | None = None, clean: bool = False,
                encoding: str = "utf-8", sidecar: str | Path | None = None,
                ) -> Iterator[pd.DataFrame]:
    r"""Read a corpus in chunks of at most `chunksize` rows.

    Memory is bounded by `chunksize` for CSV, TSV, JSONL, Parquet and .txt
    folders (a JSON array is parsed whole, then chunked). Row numbers and
    generated ids continue across chunks; each chunk's index is the 0-based
    position of its rows in the whole corpus.

    Parameters
    ----------
    path : str or Path
        A file, or a folder of ``.txt`` / ``.txt.gz`` files (searched
        recursively; hidden folders skipped; ``id`` is the file stem, or the
        relative path without suffix when stems collide; ``outlet`` is the
        parent folder's name).
    chunksize : int, default=10000
        Maximum rows per chunk.
    text_col, id_col, outlet_col, date_col, title_col : str
        Names of these columns in the input; renamed to ``text``, ``id``,
        ``outlet``, ``date``, ``title``. Only ``text`` is required, but a
        name other than the default must exist. An input column that already
        has a canonical name but is not the one selected is kept as
        ``original_<name>``.
    fmt : {"csv", "tsv", "json", "jsonl", "parquet", "txt"}, optional
        Format; default from the file suffix (see :func:`detect_format`).
    clean : bool, default=False
        Apply :func:`~framing.cleaning.clean_text` to every text.
    encoding : str, default="utf-8"
        Text encoding of the input.
    sidecar : str or Path, optional
        For .txt folders: a CSV with a ``file`` (or ``filename``, ``path``,
        `id_col`) column matched against each file's relative path, name or
        stem, and further columns (e.g. `outlet_col`, `date_col`, `title_col`)
        that override the folder-derived values. Default: ``outlets.csv`` or
        ``metadata.csv`` at the top of the folder, if present.

    Returns
    -------
    Iterator of pandas.DataFrame
        Chunks with ``id`` (str; the 1-based row number when absent or
        empty), ``text`` (str; missing text becomes ``""`` and the row is
        kept), ``outlet`` and ``title`` (str, or NA when absent), ``date``
        (naive datetime, UTC for zone-aware input; NaT when absent or
        unparseable), then the other input columns. ``attrs["corpus"]``
        holds ``source``, ``first_row``, ``empty_text`` and ``unparsed_dates``
        for the chunk. Options and the path are checked on the call; format
        errors surface while iterating.

    Raises
    ------
    CorpusFormatError
        Unreadable, malformed or undecodable input, or no text column.
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
        raise ValueError(f"chunksize must be at least 1, got {chunksize}")
    path = Path(path)
    if fmt is None:
        fmt, compression = detect_format(path)
    else:
        fmt = fmt.lower()
        compression = path.suffix.lower() if path.suffix.lower() in _OPENERS else None
    if fmt not in _READERS:
        raise CorpusFormatError(located(
            path, f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}"))
    if not path.exists():
        raise CorpusFormatError(located(path, "no such file or folder"))
    opts = _Options(path, text_col, id_col, outlet_col, date_col, title_col,
                    encoding, Path(sidecar) if sidecar is not None else None,
                    strict=fmt != "txt")
    return _iterate(opts, fmt, compression, chunksize=chunksize, clean=clean)


def _iterate(opts: _Options, fmt: str, compression: str | None, *, chunksize: int,
             clean: bool) -> Iterator[pd.DataFrame]:
    path, encoding = opts.path, opts.encoding
    first_row = 1
    try:
        for raw in _READERS[fmt](opts, chunksize, compression):
            chunk = _canonical(raw, opts, first_row)
            if clean:
                chunk[TEXT] = chunk[TEXT].map(clean_text)
            first_row += len(chunk)
            yield chunk
    except UnicodeDecodeError as exc:
        header = 1 if fmt in ("csv", "tsv") else 0
        raise CorpusFormatError(
            _decode_message(path, compression, encoding, exc, header=header)) from exc
    except _READ_ERRORS as exc:
        reason = getattr(exc, "strerror", None) or _first_line(exc)
        raise CorpusFormatError(located(path, f"cannot read file ({reason})")) from exc


def read_corpus(path: str | Path, *, text_col: str = TEXT, id_col: str = ID,
                outlet_col: str = OUTLET, date_col: str = DATE,
                title_col: str = TITLE, fmt: str | None = None, clean: bool = False,
                encoding: str = "utf-8", sidecar: str | Path | None = None,
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
        Unreadable, malformed or undecodable input, or no text column.

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
    options = {"text_col": text_col, "id_col": id_col, "outlet_col": outlet_col,
               "date_col": date_col, "title_col": title_col}
    chunks = list(iter_corpus(path, chunksize=50_000, fmt=fmt, clean=clean,
                              encoding=encoding, sidecar=sidecar, **options))
    if not chunks:
        chunks = [_canonical(pd.DataFrame({text_col: []}),
                             _Options(Path(path), encoding=encoding, strict=False,
                                      **options), 1)]
    df = pd.concat(chunks) if len(chunks) > 1 else chunks[0]
    unparsed = sum(c.attrs["corpus"]["unparsed_dates"] for c in chunks)
    df.attrs = {"corpus": {
        "source": str(path), "rows": len(df), "unparsed_dates": unparsed,
        "empty_text": sum(c.attrs["corpus"]["empty_text"] for c in chunks)}}
    if unparsed:
        warnings.warn(f"{path}: {unparsed} date(s) could not be parsed and are NaT",
                      UserWarning, stacklevel=2)
    return df


# -- canonical columns ---------------------------------------------------------

def _canonical(raw: pd.DataFrame, opts: _Options, first_row: int) -> pd.DataFrame:
    if opts.text_col not in raw.columns:
        available = _names(raw.columns) or "(none)"
        raise CorpusFormatError(located(
            opts.path, f"no such text column; available columns: {available}. "
            "Try --text-col (text_col=)", column=opts.text_col))
    wanted = {opts.id_col: ID, opts.text_col: TEXT, opts.outlet_col: OUTLET,
              opts.date_col: DATE, opts.title_col: TITLE}
    for src, dst in wanted.items():  # a renamed column that is absent is a typo
        if src != dst and src not in raw.columns and first_row == 1 and opts.strict:
            raise CorpusFormatError(located(
                opts.path, f"no such {dst} column; available columns: "
                f"{_names(raw.columns)}. Check --{dst}-col ({dst}_col=)", column=src))
    mapping = {src: dst for src, dst in wanted.items() if src in raw.columns}
    for dst in CANONICAL_COLUMNS:
        if dst in raw.columns and dst not in mapping:
            mapping[dst] = f"original_{dst}"
    df = raw.rename(columns=mapping)
    n = len(df)
    df.index = pd.RangeIndex(first_row - 1, first_row - 1 + n)
    row_ids = pd.Series([str(i) for i in range(first_row, first_row + n)],
                        index=df.index, dtype=object)
    ids = _strings(df[ID]) if ID in df else row_ids
    df[ID] = _as_str(ids.where(ids.notna() & (ids != ""), row_ids))
    df[TEXT] = _as_str(_strings(df[TEXT]).fillna(""))
    for col in (OUTLET, TITLE):
        df[col] = _as_str(_strings(df[col]) if col in df else
                          pd.Series([None] * n, index=df.index, dtype=object))
    unparsed = 0
    if DATE in df:
        df[DATE], unparsed = _parse_dates(df[DATE])
    else:
        df[DATE] = pd.Series(pd.NaT, index=df.index, dtype=DATE_DTYPE)
    extras = [c for c in df.columns if c not in CANONICAL_COLUMNS]
    df = pd.concat([df[list(CANONICAL_COLUMNS)], df[extras].infer_objects()], axis=1)
    df.attrs = {"corpus": {"source": str(opts.path), "first_row": first_row,
                           "empty_text": int((df[TEXT].str.strip() == "").sum()),
                           "unparsed_dates": unparsed}}
    return df


def _names(columns: Any) -> str:
    """Column names for a one-line message (odd names shown as repr)."""
    return ", ".join(str(c) if str(c).isprintable() else repr(c) for c in columns)


def _strings(values: pd.Series) -> pd.Series:
    """Values as Python str (ids 7 and 7.0 both become ``"7"``), NA as None."""
    return pd.Series([None if _is_na(v) else _str(v) for v in values.astype(object)],
                     index=values.index, dtype=object)


def _str(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an id read as 7.0 (a number column with gaps)
    return str(value)


def _is_na(value: Any) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


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
            parsed[retry] = pd.to_datetime(text[retry], errors="coerce", utc=True,
                                           format="mixed")
    parsed = parsed.dt.tz_localize(None).astype(DATE_DTYPE)
    return parsed, int((parsed.isna() & present).sum())


# -- readers: each yields raw frames with the input's own column names ---------

def _first_line(error: object) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _open_binary(path: Path, compression: str | None) -> IO[bytes]:
    opener = _OPENERS.get(compression or "")
    return opener(path, "rb") if opener else open(path, "rb")


def _read_delimited(path: Path, *, sep: str, encoding: str, chunksize: int,
                    compression: str | None, dtype: Any) -> Iterator[pd.DataFrame]:
    try:
        with pd.read_csv(path, sep=sep, dtype=dtype, keep_default_na=False,
                         na_values=[""], encoding=encoding, chunksize=chunksize,
                         compression=_PANDAS_COMPRESSION.get(compression or "")
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
        return located(path, f"ragged row: expected {expected} fields, saw {saw}; "
                       f"{hint}", row=record - 1)
    if match := _CSV_EOF.search(error):
        return located(path, "unclosed quote: the file ends inside a quoted field "
                       "that starts on this row", row=int(match.group(1)))
    lines = error.strip().splitlines()
    detail = lines[-1] if lines else "parse error"
    return located(path, f"malformed {'CSV' if sep == ',' else 'TSV'} ({detail})")


def _read_csv(opts: _Options, chunksize: int, compression: str | None,
              sep: str = ",") -> Iterator[pd.DataFrame]:
    named = (opts.id_col, opts.text_col, opts.outlet_col, opts.title_col, opts.date_col)
    return _read_delimited(opts.path, sep=sep, encoding=opts.encoding,
                           chunksize=chunksize, compression=compression,
                           dtype=dict.fromkeys(named, "str"))


def _read_jsonl(opts: _Options, chunksize: int, compression: str | None,
                ) -> Iterator[pd.DataFrame]:
    records: list[dict[str, Any]] = []
    with io.TextIOWrapper(_open_binary(opts.path, compression),
                          encoding=opts.encoding) as lines:
        for lineno, line in enumerate(lines, 1):
            if not line.strip() or (lineno == 1 and line.strip() == "\ufeff"):
                continue
            try:
                value = json.loads(line.lstrip("\ufeff") if lineno == 1 else line)
            except json.JSONDecodeError as exc:
                raise CorpusFormatError(located(
                    opts.path, f"invalid JSON ({exc.msg} at char {exc.pos})",
                    row=lineno)) from exc
            records.append(_record(value, opts.path, lineno))
            if len(records) == chunksize:
                yield pd.DataFrame(records, dtype=object)
                records = []
    if records:
        yield pd.DataFrame(records, dtype=object)  # object: ids 7 never become 7.0


def _record(value: Any, path: Path, row: int) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CorpusFormatError(located(
            path, f"expected a JSON object, got {type(value).__name__}", row=row))
    return value


def _read_json(opts: _Options, chunksize: int, compression: str | None,
               ) -> Iterator[pd.DataFrame]:
    with _open_binary(opts.path, compression) as raw:
        content = raw.read().decode(opts.encoding).lstrip("\ufeff")
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and content.lstrip().startswith("{"):
            yield from _read_jsonl(opts, chunksize, compression)  # JSON Lines
            return
        raise CorpusFormatError(located(
            opts.path, f"invalid JSON ({exc.msg} at line {exc.lineno}, "
            f"column {exc.colno})")) from exc
    if isinstance(data, dict):  # {"articles": [...]} or a single record
        lists = [v for v in data.values() if isinstance(v, list)]
        data = lists[0] if len(lists) == 1 else [data]
    if not isinstance(data, list):
        raise CorpusFormatError(located(
            opts.path, f"expected a JSON array of objects, got {type(data).__name__}"))
    records = [_record(value, opts.path, i) for i, value in enumerate(data, 1)]
    for start in range(0, len(records), chunksize):
        yield pd.DataFrame(records[start:start + chunksize], dtype=object)


def _read_parquet(opts: _Options, chunksize: int, compression: str | None,
                  ) -> Iterator[pd.DataFrame]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise FramingError(located(
            opts.path, "reading Parquet needs pyarrow; install it with "
            "pip install 'framing[parquet]'")) from None
    try:
        source = _open_binary(opts.path, compression) if compression else opts.path
        for batch in pq.ParquetFile(source).iter_batches(batch_size=chunksize):
            yield batch.to_pandas(integer_object_nulls=True)
    except pa.ArrowException as exc:
        raise CorpusFormatError(located(
            opts.path, f"not a readable Parquet file ({_first_line(exc)})")) from exc


def _read_txt(opts: _Options, chunksize: int, compression: str | None,
              ) -> Iterator[pd.DataFrame]:
    root = opts.path if opts.path.is_dir() else opts.path.parent
    files = [opts.path] if opts.path.is_file() else sorted(
        p for p in root.rglob("*") if _is_txt(p, root))
    if not files:
        raise CorpusFormatError(located(opts.path, "no .txt files found"))
    meta = _load_sidecar(opts, root)
    stems = [_strip_txt(f.name) for f in files]
    counts = Counter(stems)
    ids = [stem if counts[stem] == 1 else _strip_txt(f.relative_to(root).as_posix())
           for stem, f in zip(stems, files, strict=True)]
    for start in range(0, len(files), chunksize):
        rows = []
        for file, doc_id in zip(files[start:start + chunksize],
                                ids[start:start + chunksize], strict=True):
            row = {opts.id_col: doc_id, opts.text_col: _read_txt_file(file, opts),
                   opts.outlet_col: file.parent.name}
            rel = file.relative_to(root).as_posix()
            keys = (rel, _strip_txt(rel), file.name, _strip_txt(file.name), doc_id)
            row.update(next((meta[k] for k in keys if k in meta), {}))
            rows.append(row)
        yield pd.DataFrame(rows, dtype=object)


def _is_txt(path: Path, root: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return not hidden and path.is_file() and _strip_txt(path.name) != path.name


def _strip_txt(name: str) -> str:
    for suffix in (".txt", *(f".txt{c}" for c in _OPENERS)):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def _read_txt_file(file: Path, opts: _Options) -> str:
    suffix = file.suffix.lower()
    with _open_binary(file, suffix if suffix in _OPENERS else None) as fh:
        data = fh.read()
    try:
        text = data.decode(opts.encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CorpusFormatError(located(
            file, f"cannot decode byte 0x{data[exc.start]:02x} on line {line} as "
            f"{opts.encoding}; {_ENCODING_HINT}")) from exc
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _load_sidecar(opts: _Options, root: Path) -> dict[str, dict[str, Any]]:
    path = opts.sidecar or next(
        (root / n for n in SIDECAR_NAMES if (root / n).is_file()), None)
    if path is None:
        return {}
    try:
        table = pd.concat(_read_delimited(path, sep=",", encoding=opts.encoding,
                                          chunksize=100_000, compression=None,
                                          dtype=str))
    except UnicodeDecodeError as exc:
        raise CorpusFormatError(
            _decode_message(path, None, opts.encoding, exc, header=1)) from exc
    except _READ_ERRORS as exc:
        raise CorpusFormatError(located(
            path, f"cannot read sidecar ({_first_line(exc)})")) from exc
    key = next((c for c in (*_SIDECAR_KEYS, opts.id_col) if c in table.columns), None)
    if key is None:
        raise CorpusFormatError(located(
            path, f"sidecar needs a column naming each file ({', '.join(_SIDECAR_KEYS)}"
            f" or {opts.id_col!r}); found: {_names(table.columns)}"))
    meta: dict[str, dict[str, Any]] = {}
    for row, record in enumerate(table.to_dict("records"), 1):
        name = record.pop(key) if key != opts.id_col else record.get(key)
        if _is_na(name):
            raise CorpusFormatError(located(path, "empty file name", row=row,
                                            column=key))
        meta[str(name).strip()] = {k: v for k, v in record.items() if not _is_na(v)}
    return meta


def _decode_message(path: Path, compression: str | None, encoding: str,
                    exc: UnicodeDecodeError, *, header: int = 0) -> str:
    """Re-read the file to find the first undecodable line for the message."""
    hint = f"cannot decode as {encoding}; {_ENCODING_HINT}"
    try:
        with _open_binary(path, compression) as fh:
            for lineno, line in enumerate(fh, 1):
                try:
                    line.decode(encoding)
                except UnicodeDecodeError as err:
                    return located(
                        path, f"byte 0x{line[err.start]:02x} at char {err.start + 1}"
                        f" of line {lineno}: {hint}",
                        row=lineno - header if lineno > header else None)
    except (*_READ_ERRORS, LookupError):
        pass
    return located(path, f"{hint} ({exc.reason})")


_READERS = {
    "csv": _read_csv, "jsonl": _read_jsonl, "json": _read_json,
    "tsv": lambda opts, n, c: _read_csv(opts, n, c, sep="\t"),
    "parquet": _read_parquet, "txt": _read_txt,
}
