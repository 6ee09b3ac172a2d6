"""Read Parquet files in record batches (needs pyarrow)."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from framing.corpus.readers.source import ReadOptions, first_line, open_binary
from framing.errors import CorpusFormatError, FramingError, located

__all__ = ["read_parquet"]


def read_parquet(
    opts: ReadOptions,
    chunksize: int,
    compression: str | None,
) -> Iterator[pd.DataFrame]:
    """Yield a Parquet file in record batches of at most `chunksize` rows."""
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
        source = open_binary(opts.path, compression) if compression else opts.path
        for batch in pq.ParquetFile(source).iter_batches(batch_size=chunksize):
            yield batch.to_pandas(integer_object_nulls=True)
    except pa.ArrowException as exc:
        raise CorpusFormatError(
            located(opts.path, f"not a readable Parquet file ({first_line(exc)})")
        ) from exc
