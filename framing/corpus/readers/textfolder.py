"""Read folders of ``.txt`` files, one article each, with an optional sidecar CSV.

The folder is searched recursively for ``.txt`` and ``.txt.gz`` files,
hidden folders skipped. ``id`` is the file stem, or the relative path
without suffix when stems collide; ``outlet`` is the parent folder's name.
A sidecar CSV (``sidecar=``; default ``outlets.csv`` or ``metadata.csv`` at
the top of the folder) has a ``file`` (or ``filename``, ``path``, or the id
column) column matched against each file's relative path, name or stem, and
further columns (outlet, date, title, labels) that override or add to the
folder-derived values.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from framing.corpus._cells import column_names, is_na
from framing.corpus.readers.delimited import read_delimited
from framing.corpus.readers.source import (
    COMPRESSIONS,
    ENCODING_HINT,
    READ_ERRORS,
    ReadOptions,
    decode_message,
    first_line,
    open_binary,
)
from framing.errors import CorpusFormatError, located

__all__ = ["SIDECAR_NAMES", "read_txt"]

#: Sidecar files looked for at the top of a .txt folder.
SIDECAR_NAMES = ("outlets.csv", "metadata.csv")
_SIDECAR_KEYS = ("file", "filename", "path")


def read_txt(
    opts: ReadOptions,
    chunksize: int,
    compression: str | None,
) -> Iterator[pd.DataFrame]:
    """Yield a folder of .txt files (or one file) in chunks, one row per file.

    The id is the file name without ``.txt`` (the relative path where names
    repeat), the outlet the parent folder's name; sidecar columns are added.
    """
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
    with open_binary(file, suffix if suffix in COMPRESSIONS else None) as fh:
        data = fh.read()
    try:
        text = data.decode(opts.encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CorpusFormatError(
            located(
                file,
                f"cannot decode byte 0x{data[exc.start]:02x} on line {line} as "
                f"{opts.encoding}; {ENCODING_HINT}",
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
            read_delimited(
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
            decode_message(path, None, opts.encoding, exc, header=1)
        ) from exc
    except READ_ERRORS as exc:
        raise CorpusFormatError(
            located(path, f"cannot read sidecar ({first_line(exc)})")
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
