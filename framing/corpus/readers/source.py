"""What to read and how to open it: read options, compression, error messages.

Shared by the per-format readers of :mod:`framing.corpus.readers`: the
:class:`ReadOptions` they take, transparent decompression
(:func:`open_binary`) and the one-line messages for read and decode failures
(:func:`decode_message`).
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from framing.errors import located

__all__ = [
    "COMPRESSIONS",
    "ENCODING_HINT",
    "READ_ERRORS",
    "ReadOptions",
    "decode_message",
    "first_line",
    "open_binary",
]

_OPENERS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
#: Compression suffixes understood on any input file.
COMPRESSIONS = tuple(_OPENERS)
#: What reading a (compressed) file may raise besides decode errors.
READ_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError)
ENCODING_HINT = "try another encoding (`encoding='latin-1'`)"


@dataclass(frozen=True)
class ReadOptions:
    """What to read and how: the path, input column names, encoding, sidecar.

    Attributes
    ----------
    path : Path
        The file or folder.
    text_col, id_col, outlet_col, date_col, title_col : str
        Input column names (see :func:`framing.corpus.read.iter_corpus`).
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


def first_line(error: object) -> str:
    """Return the first line of an error message (else the error's type)."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def open_binary(path: Path, compression: str | None) -> IO[bytes]:
    """Open a file for reading bytes, decompressing ``.gz``, ``.bz2``, ``.xz``."""
    opener = _OPENERS.get(compression or "")
    return opener(path, "rb") if opener else open(path, "rb")


def decode_message(
    path: Path,
    compression: str | None,
    encoding: str,
    exc: UnicodeDecodeError,
    *,
    header: int = 0,
) -> str:
    """Re-read the file to find the first undecodable line for the message."""
    hint = f"cannot decode as {encoding}; {ENCODING_HINT}"
    try:
        with open_binary(path, compression) as fh:
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
    except (*READ_ERRORS, LookupError):
        pass
    return located(path, f"{hint} ({exc.reason})")
