"""Read JSON Lines and JSON files in chunks of records."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from framing.corpus._cells import replace_surrogates
from framing.corpus.readers.source import ReadOptions, open_binary
from framing.errors import CorpusFormatError, located

__all__ = ["read_json", "read_jsonl"]

_TOO_DEEP = "JSON nested too deeply to read"


def read_jsonl(
    opts: ReadOptions,
    chunksize: int,
    compression: str | None,
) -> Iterator[pd.DataFrame]:
    """Yield a JSON Lines file (one object per line) in chunks of records."""
    records: list[dict[str, Any]] = []
    with io.TextIOWrapper(
        open_binary(opts.path, compression), encoding=opts.encoding
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


def read_json(
    opts: ReadOptions,
    chunksize: int,
    compression: str | None,
) -> Iterator[pd.DataFrame]:
    """Yield a JSON array of objects (or ``{"key": [...]}``) in chunks.

    A file that turns out to hold JSON Lines is read as such.
    """
    with open_binary(opts.path, compression) as raw:
        content = raw.read().decode(opts.encoding).lstrip("\ufeff")
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and content.lstrip().startswith("{"):
            yield from read_jsonl(opts, chunksize, compression)  # JSON Lines
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
