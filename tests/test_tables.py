"""Tests for framing.tables: atomic, chunked table writing."""

from __future__ import annotations

import json
import os
import stat

import pandas as pd
import pytest

from framing.errors import FramingError
from framing.tables import TableWriter, atomic_write_text, table_format, write_table

CHUNKS = [
    pd.DataFrame({"id": ["a", "b"], "rate": [1.5, 0.0], "n": [3, 4]}),
    pd.DataFrame({"id": ["c"], "rate": [2.25], "n": [5]}),
    pd.DataFrame({"id": ["d\u00e9j\u00e0", 'e,"f'], "rate": [0.5, 9.0], "n": [6, 7]}),
]
ALL = pd.concat(CHUNKS, ignore_index=True)


def leftovers(directory):
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("."))


def read_back(path):
    fmt = table_format(path)
    if fmt == "csv":
        return pd.read_csv(path)
    if fmt == "tsv":
        return pd.read_csv(path, sep="\t")
    if fmt == "jsonl":
        return pd.read_json(path, lines=True)
    return pd.read_parquet(path)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.csv", "csv"),
        ("a.CSV", "csv"),
        ("a.tsv", "tsv"),
        ("dir/a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.parquet", "parquet"),
        ("a.pq", "parquet"),
    ],
)
def test_table_format(name, fmt):
    assert table_format(name) == fmt


@pytest.mark.parametrize("name", ["a.xlsx", "a", "a.csv.gz", "a.json"])
def test_unknown_suffix(tmp_path, name):
    with pytest.raises(FramingError, match="unknown output format") as info:
        TableWriter(tmp_path / name)
    assert name in str(info.value)
    assert ".csv" in str(info.value)  # names the choices


@pytest.mark.parametrize("suffix", ["csv", "tsv", "jsonl", "parquet"])
def test_chunks_round_trip(tmp_path, suffix):
    if suffix == "parquet":
        pytest.importorskip("pyarrow")
    path = tmp_path / "out" / f"features.{suffix}"
    with TableWriter(path) as writer:
        for chunk in CHUNKS:
            writer.write(chunk)
        assert not path.exists()  # only renamed into place at the end
    assert writer.rows == len(ALL)
    assert path.exists()
    pd.testing.assert_frame_equal(read_back(path), ALL, check_dtype=False)
    assert leftovers(path.parent) == []


def test_csv_text_exact(tmp_path):
    path = tmp_path / "t.csv"
    with TableWriter(path) as w:
        w.write(pd.DataFrame({"a": [1], "b": ["x"]}))
        w.write(pd.DataFrame({"a": [2], "b": ["y,z"]}))
    assert path.read_text(encoding="utf-8") == 'a,b\n1,x\n2,"y,z"\n'


def test_tsv_and_dates(tmp_path):
    path = tmp_path / "t.tsv"
    df = pd.DataFrame({"date": pd.to_datetime(["2016-05-06"]), "n": [1]})
    write_table(df, path)
    assert path.read_text(encoding="utf-8") == "date\tn\n2016-05-06\t1\n"


def test_jsonl_lines(tmp_path):
    path = tmp_path / "t.jsonl"
    with TableWriter(path) as w:
        for chunk in CHUNKS:
            w.write(chunk)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(ALL)
    assert json.loads(lines[3]) == {"id": "d\u00e9j\u00e0", "rate": 0.5, "n": 6}
    assert "d\u00e9j\u00e0" in lines[3]  # not ASCII-escaped


@pytest.mark.parametrize("suffix", ["csv", "tsv", "jsonl", "parquet"])
def test_empty_first_chunk(tmp_path, suffix):
    if suffix == "parquet":
        pytest.importorskip("pyarrow")
    path = tmp_path / f"t.{suffix}"
    with TableWriter(path) as w:
        w.write(CHUNKS[0].iloc[:0])
        w.write(CHUNKS[0])
        w.write(CHUNKS[1])
    expected = pd.concat(CHUNKS[:2], ignore_index=True)
    pd.testing.assert_frame_equal(read_back(path), expected, check_dtype=False)
    if suffix in ("csv", "tsv"):
        assert path.read_text(encoding="utf-8").count("id") == 1  # one header


def test_no_chunks(tmp_path):
    path = tmp_path / "t.csv"
    with TableWriter(path) as w:
        assert w.rows == 0
    assert path.read_text() == ""
    pq = pytest.importorskip("pyarrow.parquet")
    ppath = tmp_path / "t.parquet"
    with TableWriter(ppath):
        pass
    assert pq.read_table(ppath).num_rows == 0


@pytest.mark.parametrize("suffix", ["csv", "tsv", "jsonl", "parquet"])
def test_exception_leaves_nothing(tmp_path, suffix):
    if suffix == "parquet":
        pytest.importorskip("pyarrow")
    path = tmp_path / f"t.{suffix}"
    with pytest.raises(RuntimeError, match="boom"):
        with TableWriter(path) as w:
            w.write(CHUNKS[0])
            w.write(CHUNKS[1])
            raise RuntimeError("boom")
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_exception_keeps_previous_output(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("old\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        with TableWriter(path) as w:
            w.write(CHUNKS[0])
            raise KeyboardInterrupt
    assert path.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


def test_success_replaces_previous_output(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("old\n", encoding="utf-8")
    write_table(CHUNKS[1], path)
    assert path.read_text(encoding="utf-8") == "id,rate,n\nc,2.25,5\n"


def test_write_outside_with(tmp_path):
    w = TableWriter(tmp_path / "t.csv")
    with pytest.raises(FramingError, match="outside 'with'"):
        w.write(CHUNKS[0])
    assert list(tmp_path.iterdir()) == []


def test_output_has_ordinary_permissions(tmp_path):
    # Not the owner-only 0600 of tempfile.mkstemp: what open() would give.
    old = os.umask(0o022)
    try:
        reference = tmp_path / "reference.txt"
        reference.write_text("x")
        table = write_table(CHUNKS[0], tmp_path / "t.csv")
        text = atomic_write_text(tmp_path / "r.html", "<p>x</p>")
    finally:
        os.umask(old)
    expected = stat.S_IMODE(os.stat(reference).st_mode)
    assert expected == 0o644
    assert stat.S_IMODE(os.stat(table).st_mode) == expected
    assert stat.S_IMODE(os.stat(text).st_mode) == expected


def test_atomic_write_text(tmp_path):
    path = atomic_write_text(tmp_path / "sub" / "r.html", "d\u00e9j\u00e0\n")
    assert path == tmp_path / "sub" / "r.html"
    assert path.read_bytes() == "d\u00e9j\u00e0\n".encode()
    atomic_write_text(path, "second")
    assert path.read_text(encoding="utf-8") == "second"
    assert leftovers(path.parent) == []


def test_failed_rename_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "out.csv"
    target.mkdir()  # os.replace cannot put a file over a folder
    with pytest.raises(IsADirectoryError):
        with TableWriter(target) as w:
            w.write(CHUNKS[0])
    assert leftovers(tmp_path) == []


def test_unwritable_folder_error_names_the_output(tmp_path, monkeypatch):
    def refuse(name, *args):
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr(os, "open", refuse)
    target = tmp_path / "out.txt"
    with pytest.raises(PermissionError) as err:  # not the hidden temporary file
        atomic_write_text(target, "text")
    assert err.value.filename == str(target)


def test_parquet_column_empty_in_first_chunk_takes_later_text(tmp_path):
    pytest.importorskip("pyarrow")
    path = tmp_path / "out.parquet"
    with TableWriter(path) as w:
        w.write(pd.DataFrame({"label": pd.Series([None], dtype=object), "n": [1]}))
        w.write(pd.DataFrame({"label": pd.Series(["left"], dtype=object), "n": [2]}))
    back = pd.read_parquet(path)
    assert back["label"].isna().tolist() == [True, False]
    assert back["label"].iloc[1] == "left"


def test_parquet_chunks_with_other_columns_are_one_line_error(tmp_path):
    pytest.importorskip("pyarrow")
    path = tmp_path / "out.parquet"
    with pytest.raises(FramingError, match="do not match the first chunk's"):
        with TableWriter(path) as w:
            w.write(pd.DataFrame({"a": [1]}))
            w.write(pd.DataFrame({"b": [1]}))
    assert not path.exists()
    assert leftovers(tmp_path) == []
