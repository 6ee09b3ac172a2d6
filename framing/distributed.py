"""Run framing on a Dask cluster: the same per-chunk functions, per partition.

When one machine is not enough, read the corpus as a ``dask.dataframe`` and
map :func:`framing.features.transformer.features_frame` or
:func:`framing.scoring.score.score_documents` over its partitions. Each worker
rebuilds the lexicon automaton from plain data when the transformer or model
is unpickled, so nothing but data crosses the network. Needs the ``dask``
extra: ``pip install 'framing[dask]'``.

Examples
--------
>>> from dask.distributed import Client                      # doctest: +SKIP
>>> client = Client("tcp://scheduler:8786")                  # doctest: +SKIP
>>> ddf = read_corpus_dask("s3://bucket/news-*.jsonl")       # doctest: +SKIP
>>> scores = score_dask(ddf, load_model("model/"))           # doctest: +SKIP
>>> scores.to_parquet("scores/")                             # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from framing.errors import FramingError

__all__ = ["read_corpus_dask", "features_dask", "score_dask"]


def _dd() -> Any:
    try:
        import dask.dataframe as dd
    except ImportError:  # pragma: no cover - depends on the extra
        raise FramingError(
            "Dask support needs the dask extra: pip install 'framing[dask]'"
        ) from None
    return dd


def read_corpus_dask(
    path: str | Sequence[str],
    *,
    fmt: str | None = None,
    text_col: str = "text",
    id_col: str = "id",
    outlet_col: str = "outlet",
    date_col: str = "date",
    blocksize: str | int | None = "64MB",
) -> Any:
    """Read a corpus (CSV, JSONL or Parquet; globs allowed) as a Dask frame.

    Columns are renamed to the canonical ``id``, ``text``, ``outlet`` and
    ``date`` when present; ``text`` is required.

    Parameters
    ----------
    path : str or sequence of str
        File(s) or glob(s), local or any fsspec URL.
    fmt : {"csv", "jsonl", "parquet"}, optional
        Default: from the first path's suffix.
    text_col, id_col, outlet_col, date_col : str
        Source column names.
    blocksize : str, int or None, default="64MB"
        Partition size for CSV and JSONL.

    Returns
    -------
    dask.dataframe.DataFrame

    Raises
    ------
    FramingError
        For an unknown format or a missing text column.
    """
    dd = _dd()
    first = path if isinstance(path, str) else path[0]
    ddf = _read(dd, path, fmt or _format_of(first), first, blocksize)
    if text_col not in ddf.columns:
        raise FramingError(
            f"{first}: no text column '{text_col}' (columns: "
            + ", ".join(map(str, ddf.columns))
            + "); use `text_col`"
        )
    rename = {
        src: dst
        for src, dst in (
            (text_col, "text"),
            (id_col, "id"),
            (outlet_col, "outlet"),
            (date_col, "date"),
        )
        if src in ddf.columns and src != dst
    }
    ddf = ddf.rename(columns=rename)
    return ddf.map_partitions(_canonical_partition, meta=_canonical_meta(ddf))


def _format_of(first: str) -> str | None:
    """Return the format a file name's suffix says (``.gz`` aside), or None."""
    name = first.lower().removesuffix(".gz")
    suffixes = (
        ("parquet", ".parquet"),
        ("jsonl", ".jsonl"),
        ("jsonl", ".ndjson"),
        ("csv", ".csv"),
    )
    return next((f for f, sfx in suffixes if name.endswith(sfx)), None)


def _read(
    dd: Any,
    path: str | Sequence[str],
    fmt: str | None,
    first: str,
    blocksize: str | int | None,
) -> Any:
    """Read `path` with the Dask reader of `fmt`, columns as stored."""
    compressed = first.lower().endswith(".gz")
    if fmt == "parquet":
        return dd.read_parquet(path)
    if fmt == "jsonl":
        return dd.read_json(
            path,
            lines=True,
            orient="records",
            blocksize=None if compressed else blocksize,
        )
    if fmt == "csv":
        return dd.read_csv(
            path,
            blocksize=None if compressed else blocksize,
            dtype=str,
            keep_default_na=False,
        )
    raise FramingError(
        f"{first}: Dask reads csv, jsonl or parquet; give `fmt` for this file"
    )


def _canonical_partition(part: pd.DataFrame) -> pd.DataFrame:
    part = part.copy()
    part["text"] = part["text"].where(
        part["text"].map(lambda v: isinstance(v, str)), ""
    )
    for col in ("id", "outlet"):
        if col in part.columns:
            part[col] = part[col].astype("string")
    return part


def _canonical_meta(ddf: Any) -> pd.DataFrame:
    meta = ddf._meta.copy()
    meta["text"] = meta["text"].astype(object)
    for col in ("id", "outlet"):
        if col in meta.columns:
            meta[col] = meta[col].astype("string")
    return meta


def features_dask(ddf: Any, transformer: Any) -> Any:
    """Map :func:`framing.features.transformer.features_frame` over a Dask frame.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        With a ``text`` column (see :func:`read_corpus_dask`).
    transformer : FramingFeatures
        A fitted transformer; it is shipped to the workers.

    Returns
    -------
    dask.dataframe.DataFrame
        One row per input row, as ``features_frame`` gives.
    """
    from framing.features.transformer import features_frame

    meta = features_frame(ddf._meta.head(0), transformer)
    return ddf.map_partitions(features_frame, transformer, meta=meta)


def score_dask(
    ddf: Any, model: Any, *, top_k: int = 5, keep: Sequence[str] = ()
) -> Any:
    """Map :func:`framing.scoring.score.score_documents` over a Dask frame.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        With a ``text`` column (see :func:`read_corpus_dask`).
    model : FramingModel
        A trained or loaded model; it is shipped to the workers.
    top_k : int, default=5
        Contributions listed per article.
    keep : sequence of str
        Further columns to carry over.

    Returns
    -------
    dask.dataframe.DataFrame
        One row per input row, as ``score_documents`` gives.
    """
    from framing.scoring.score import score_documents

    sample = ddf._meta.head(0).copy()
    meta = score_documents(model, sample, top_k=top_k, keep=tuple(keep))
    return ddf.map_partitions(_score_partition, model, top_k, tuple(keep), meta=meta)


def _score_partition(
    part: pd.DataFrame, model: Any, top_k: int, keep: tuple[str, ...]
) -> pd.DataFrame:
    from framing.scoring.score import score_documents

    return score_documents(model, part, top_k=top_k, keep=keep)
