"""Tests for framing.corpus.readers: raw chunks per format, and error translation."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from framing.corpus._cells import cell_str, column_names, is_na, replace_surrogates
from framing.corpus.readers import read_raw
from framing.corpus.readers.source import COMPRESSIONS, ReadOptions
from framing.errors import CorpusFormatError

ROWS = [
    {"key": "a", "body": "One."},
    {"key": "b", "body": "Two."},
    {"key": "c", "body": "Three."},
]
OPENERS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}


def options(path: Path, **kw) -> ReadOptions:
    return ReadOptions(path, "body", "key", "outlet", "date", "title", "utf-8", **kw)


def raw(
    path: Path, fmt: str, *, chunksize: int = 10, compression: str | None = None, **kw
) -> list[pd.DataFrame]:
    return list(
        read_raw(options(path, **kw), fmt, chunksize=chunksize, compression=compression)
    )


def write(path: Path, fmt: str, compression: str | None = None) -> Path:
    if fmt in ("csv", "tsv"):
        data = pd.DataFrame(ROWS).to_csv(sep="," if fmt == "csv" else "\t", index=False)
    elif fmt == "jsonl":
        data = "".join(json.dumps(r) + "\n" for r in ROWS)
    else:
        data = json.dumps(ROWS)
    opener = OPENERS.get(compression or "", open)
    with opener(path, "wt", encoding="utf-8") as fh:
        fh.write(data)
    return path


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "json"])
@pytest.mark.parametrize("compression", [None, *COMPRESSIONS])
def test_chunks_keep_the_input_column_names(tmp_path, fmt, compression):
    path = write(tmp_path / f"news.{fmt}{compression or ''}", fmt, compression)
    chunks = raw(path, fmt, chunksize=2, compression=compression)
    assert [len(c) for c in chunks] == [2, 1]
    assert list(chunks[0].columns) == ["key", "body"]
    assert pd.concat(chunks)["body"].tolist() == ["One.", "Two.", "Three."]


def test_parquet_chunks(tmp_path):
    pytest.importorskip("pyarrow")
    path = tmp_path / "news.parquet"
    pd.DataFrame(ROWS).to_parquet(path)
    chunks = raw(path, "parquet", chunksize=2)
    assert [len(c) for c in chunks] == [2, 1]
    assert list(chunks[0].columns) == ["key", "body"]


def test_txt_folder_uses_the_option_column_names_and_sidecar(tmp_path):
    (tmp_path / "daily").mkdir()
    (tmp_path / "daily" / "a.txt").write_text("Alpha.", encoding="utf-8")
    (tmp_path / "outlets.csv").write_text(
        "file,title\na.txt,Headline\n", encoding="utf-8"
    )
    (chunk,) = raw(tmp_path, "txt")
    assert chunk.to_dict("records") == [
        {"key": "a", "body": "Alpha.", "outlet": "daily", "title": "Headline"}
    ]


@pytest.mark.parametrize(
    ("name", "fmt", "content", "row"),
    [
        ("deep.json", "json", "[" * 100_000 + "]" * 100_000, None),
        ("deep.jsonl", "jsonl", '{"body": "ok"}\n' + "[" * 100_000 + "]" * 100_000, 2),
    ],
)
def test_deeply_nested_json_is_a_format_error(tmp_path, name, fmt, content, row):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    where = f"{path}, row {row}" if row else str(path)
    with pytest.raises(CorpusFormatError, match=f"^{where}: JSON nested too deeply"):
        raw(path, fmt)


def test_undecodable_input_names_the_line(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_bytes(b'{"body": "ok"}\n{"body": "caf\xe9"}\n')
    hint = r"\(`encoding='latin-1'`\)$"
    with pytest.raises(CorpusFormatError, match=rf"row 2: byte 0xe9 .*{hint}"):
        raw(path, "jsonl")


def test_corrupt_compressed_input_is_a_format_error(tmp_path):
    path = tmp_path / "news.csv.xz"
    path.write_bytes(b"not xz")
    with pytest.raises(CorpusFormatError, match="news.csv.xz: cannot read file"):
        raw(path, "csv", compression=".xz")


def test_helpers():
    assert column_names(["text", "a\tb"]) == "text, 'a\\tb'"
    assert [is_na(v) for v in (None, float("nan"), pd.NA, pd.NaT, "", 0, [None])] == [
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]


def test_lone_surrogates_become_replacement_characters():
    assert replace_surrogates("a \ud800 b \udfff") == "a \ufffd b \ufffd"
    assert replace_surrogates("\ud83d\ude00 \udc00\ud800") == "\U0001f600 \ufffd\ufffd"
    text = "plain é text"
    assert replace_surrogates(text) is text
    assert cell_str("x\ud800") == "x\ufffd"
    "".join(map(cell_str, ["\ud800", "\udc00"])).encode("utf-8")  # no error


def test_cell_str_drops_the_float_suffix_of_integral_numbers():
    assert [cell_str(v) for v in (7.0, np.float32(2.0), 7.5, 3, "1.0")] == [
        "7",
        "2",
        "7.5",
        "3",
        "1.0",
    ]


def test_lone_surrogate_in_a_json_key_is_replaced(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text('{"body": "One.", "to\\ud800pic": "x"}\n', encoding="utf-8")
    [chunk] = raw(path, "jsonl")
    assert chunk.columns.tolist() == ["body", "to\ufffdpic"]
