"""Write tables atomically, whole or chunk by chunk: CSV, TSV, JSONL, Parquet.

A :class:`TableWriter` writes to a temporary file beside the target and
renames it into place only when every chunk has been written, so a failed or
interrupted run never leaves a half-written output behind.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from framing.errors import FramingError

if TYPE_CHECKING:  # pandas loads on first write: `import framing.tables` is light
    import pandas as pd

__all__ = ["TableWriter", "write_table", "table_format", "atomic_write_text"]

_FORMATS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}


def _temp_beside(path: Path, suffix: str = ".tmp") -> tuple[int, str]:
    """Create a temporary file beside ``path``; return its descriptor and name.

    Unlike :func:`tempfile.mkstemp` (owner-only mode 0600), the file gets the
    mode an ordinary ``open`` would give it (0666 minus the umask), so the
    renamed output is as readable as any other file the user writes.
    """
    while True:
        name = str(path.parent / f".{path.name}.{os.urandom(4).hex()}{suffix}")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), name
        except FileExistsError:  # pragma: no cover - 32 random bits collided
            continue
        except OSError as exc:  # name the output, not the hidden temporary file
            raise OSError(exc.errno, exc.strerror, str(path)) from exc


def table_format(path: str | Path) -> str:
    """Return the output format implied by a file name's suffix.

    Parameters
    ----------
    path : str or Path
        The output file.

    Returns
    -------
    {"csv", "tsv", "jsonl", "parquet"}

    Raises
    ------
    FramingError
        For an unknown suffix.

    Examples
    --------
    >>> table_format("out/features.parquet")
    'parquet'
    """
    suffix = Path(path).suffix.lower()
    if suffix not in _FORMATS:
        raise FramingError(
            f"{path}: unknown output format '{suffix}'; use one of "
            + ", ".join(sorted(_FORMATS))
        )
    return _FORMATS[suffix]


class TableWriter:
    """Append DataFrame chunks to one output file, atomically.

    Parameters
    ----------
    path : str or Path
        Target file; the format comes from its suffix.

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> d = tempfile.mkdtemp()
    >>> with TableWriter(f"{d}/t.csv") as w:
    ...     w.write(pd.DataFrame({"a": [1]}))
    ...     w.write(pd.DataFrame({"a": [2]}))
    >>> open(f"{d}/t.csv").read()
    'a\\n1\\n2\\n'
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.format = table_format(self.path)
        self.rows = 0
        self._tmp: Path | None = None
        self._fh: Any = None
        self._parquet: Any = None
        self._columns: list[str] | None = None

    def __enter__(self) -> TableWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = _temp_beside(self.path)
        os.close(fd)
        self._tmp = Path(name)
        if self.format != "parquet":
            self._fh = open(self._tmp, "w", encoding="utf-8", newline="")
        return self

    def write(self, df: pd.DataFrame) -> None:
        """Append one chunk (same columns as the first chunk).

        Parameters
        ----------
        df : pandas.DataFrame
            The rows to append; the first chunk's columns make the header.

        Raises
        ------
        FramingError
            Outside a ``with`` block, or when a Parquet chunk's columns do
            not match the first chunk's.
        """
        if self._tmp is None:
            raise FramingError("TableWriter.write called outside 'with'")
        # The header goes with the first chunk, even an empty one, and only
        # with it.
        header = self._columns is None
        if self._columns is None:
            self._columns = list(map(str, df.columns))
        if self.format in ("csv", "tsv"):
            df.to_csv(
                self._fh,
                sep="," if self.format == "csv" else "\t",
                index=False,
                header=header,
                lineterminator="\n",
                date_format="%Y-%m-%d",
            )
        elif self.format == "jsonl":
            if len(df):
                df.to_json(
                    self._fh,
                    orient="records",
                    lines=True,
                    force_ascii=False,
                    date_format="iso",
                )
        else:
            self._write_parquet(df)
        self.rows += len(df)

    def _write_parquet(self, df: pd.DataFrame) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:  # pragma: no cover - depends on the extra
            raise FramingError(
                f"{self.path}: writing Parquet needs pyarrow: "
                "pip install 'framing[parquet]'"
            ) from None
        table = pa.Table.from_pandas(df, preserve_index=False)
        if self._parquet is None:
            # A column that is all missing in the first chunk has Arrow type
            # null, to which no later value casts: store it as text.
            schema = pa.schema(
                [
                    f.with_type(pa.string()) if pa.types.is_null(f.type) else f
                    for f in table.schema
                ],
                metadata=table.schema.metadata,
            )
            table = table.cast(schema)
            self._parquet = pq.ParquetWriter(self._tmp, schema)
        else:
            try:
                table = table.cast(self._parquet.schema)
            except (pa.ArrowException, ValueError) as exc:
                reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                raise FramingError(
                    f"{self.path}: a chunk's columns do not match the first "
                    f"chunk's ({reason}); write CSV or JSONL, or use a larger "
                    "`chunksize`"
                ) from None
        self._parquet.write_table(table)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._fh is not None:
            self._fh.close()
        if self._parquet is not None:
            self._parquet.close()
        if self._tmp is None:
            return
        try:
            if exc_type is None:
                if self.format == "parquet" and self._parquet is None:
                    import pandas as pd

                    pd.DataFrame(columns=self._columns or []).to_parquet(self._tmp)
                os.replace(self._tmp, self.path)
        finally:
            self._tmp.unlink(missing_ok=True)  # gone already after a rename


def write_table(df: pd.DataFrame, path: str | Path) -> Path:
    """Write a whole DataFrame atomically; the format comes from the suffix.

    Parameters
    ----------
    df : pandas.DataFrame
        The table.
    path : str or Path
        Target file (``.csv``, ``.tsv``, ``.jsonl`` or ``.parquet``).

    Returns
    -------
    Path
        The written file.
    """
    with TableWriter(path) as w:
        w.write(df)
    return Path(path)


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically (temporary file, then rename).

    Parameters
    ----------
    path : str or Path
        Target file; missing parent folders are created.
    text : str
        Written as UTF-8, newlines unchanged.

    Returns
    -------
    Path
        The written file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = atomic_write_text(pathlib.Path(tempfile.mkdtemp()) / "a" / "b.txt", "hi")
    >>> p.read_text()
    'hi'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = _temp_beside(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return path
