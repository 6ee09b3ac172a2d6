"""Tests for framing.corpus.read: every format, errors with locations, chunking."""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.corpus.read import (
    CANONICAL_COLUMNS,
    detect_format,
    iter_corpus,
    read_corpus,
)
from framing.corpus.readers.textfolder import SIDECAR_NAMES
from framing.errors import CorpusFormatError, FramingError

# Input rows with non-canonical column names; "label" is an extra column.
ROWS = [
    {
        "key": "a-001",
        "body": "The council met on Monday.",
        "source": "Daily Planet",
        "published": "2021-03-04",
        "headline": "Council meets",
        "label": "left",
    },
    {
        "key": "a-002",
        "body": "",
        "source": "Daily Planet",
        "published": "2021-03-05T10:30:00Z",
        "headline": "Empty one",
        "label": "right",
    },
    {
        "key": "b-001",
        "body": "Rain fell on the “capital”.\nSecond paragraph’s end.",
        "source": "Evening Star",
        "published": "not a date",
        "headline": "Rain",
        "label": "center",
    },
]
NAMES = {
    "id_col": "key",
    "text_col": "body",
    "outlet_col": "source",
    "date_col": "published",
    "title_col": "headline",
}


def _open(path: Path, mode: str):
    return gzip.open(path, mode) if path.suffix == ".gz" else open(path, mode)


def write_rows(path: Path, rows: list[dict], fmt: str) -> Path:
    """Write `rows` in `fmt` (gzip when the name ends in .gz)."""
    if fmt in ("csv", "tsv"):
        pd.DataFrame(rows).to_csv(path, sep="," if fmt == "csv" else "\t", index=False)
    elif fmt == "jsonl":
        with _open(path, "wt") as fh:
            fh.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    elif fmt == "json":
        with _open(path, "wt") as fh:
            json.dump(rows, fh, ensure_ascii=False)
    elif fmt == "parquet":
        pd.DataFrame(rows).to_parquet(path)
    return path


def read_quietly(path, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return read_corpus(path, **kwargs)


def check_canonical(df: pd.DataFrame) -> None:
    assert list(df.columns) == [*CANONICAL_COLUMNS, "label"]
    assert df["id"].tolist() == ["a-001", "a-002", "b-001"]
    assert df["text"].tolist() == [r["body"] for r in ROWS]
    assert df["outlet"].tolist() == ["Daily Planet", "Daily Planet", "Evening Star"]
    assert df["title"].tolist() == ["Council meets", "Empty one", "Rain"]
    assert df["label"].tolist() == ["left", "right", "center"]
    assert df["date"].tolist()[:2] == [
        pd.Timestamp("2021-03-04"),
        pd.Timestamp("2021-03-05 10:30"),
    ]
    assert pd.isna(df["date"].iloc[2])
    assert pd.api.types.is_datetime64_dtype(df["date"])
    assert df.attrs["corpus"]["unparsed_dates"] == 1
    assert df.attrs["corpus"]["empty_text"] == 1
    assert df.attrs["corpus"]["rows"] == 3


FILE_FORMATS = [
    ("csv", "news.csv"),
    ("csv", "news.csv.gz"),
    ("tsv", "news.tsv"),
    ("tsv", "news.tsv.gz"),
    ("jsonl", "news.jsonl"),
    ("jsonl", "news.jsonl.gz"),
    ("json", "news.json"),
    ("json", "news.json.gz"),
]


@pytest.mark.parametrize(("fmt", "name"), FILE_FORMATS)
def test_every_format_gives_the_same_canonical_frame(tmp_path, fmt, name):
    path = write_rows(tmp_path / name, ROWS, fmt)
    with pytest.warns(UserWarning, match="1 date"):
        df = read_corpus(path, **NAMES)
    check_canonical(df)


def test_parquet_round_trip(tmp_path):
    pytest.importorskip("pyarrow")
    path = write_rows(tmp_path / "news.parquet", ROWS, "parquet")
    check_canonical(read_quietly(path, **NAMES))
    chunks = list(iter_corpus(path, chunksize=2, **NAMES))
    assert [len(c) for c in chunks] == [2, 1]
    assert chunks[1].index.tolist() == [2]


def test_parquet_keeps_native_datetimes_and_integer_ids(tmp_path):
    pytest.importorskip("pyarrow")
    frame = pd.DataFrame(
        {
            "id": pd.array([5, None, 7], dtype="Int64"),
            "text": ["x", None, "z"],
            "date": pd.to_datetime(
                ["2020-01-01 01:00", None, "2020-01-03 00:00"]
            ).tz_localize("Europe/Paris"),
        }
    )
    frame.to_parquet(tmp_path / "n.parquet")
    df = read_corpus(tmp_path / "n.parquet")
    assert df["id"].tolist() == ["5", "2", "7"]
    assert df["text"].tolist() == ["x", "", "z"]
    assert df["date"].iloc[0] == pd.Timestamp("2020-01-01 00:00")  # UTC
    assert df.attrs["corpus"]["unparsed_dates"] == 0


def test_parquet_without_pyarrow_says_how_to_install(tmp_path, monkeypatch):
    path = tmp_path / "news.parquet"
    path.write_bytes(b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(FramingError, match=r"pip install 'framing\[parquet\]'") as e:
        read_corpus(path)
    assert str(path) in str(e.value)


def test_corrupt_parquet_is_a_format_error(tmp_path):
    pytest.importorskip("pyarrow")
    path = tmp_path / "bad.parquet"
    path.write_bytes(b"this is not parquet at all")
    with pytest.raises(CorpusFormatError, match="bad.parquet: not a readable Parquet"):
        read_corpus(path)


def test_missing_optional_columns_are_filled(tmp_path):
    path = tmp_path / "bare.jsonl"
    path.write_text('{"text": "one"}\n{"text": "two"}\n')
    df = read_corpus(path)
    assert list(df.columns) == list(CANONICAL_COLUMNS)
    assert df["id"].tolist() == ["1", "2"]
    assert df["outlet"].isna().all() and df["title"].isna().all()
    assert df["date"].isna().all()
    assert pd.api.types.is_datetime64_dtype(df["date"])


def test_ids_stay_strings_and_gaps_get_row_numbers(tmp_path):
    path = tmp_path / "ids.csv"
    path.write_text("id,text\n007,a\n,b\n1e3,c\n")
    assert read_corpus(path)["id"].tolist() == ["007", "2", "1e3"]
    path = tmp_path / "ids.jsonl"
    path.write_text(
        '{"id": 7, "text": "a"}\n{"id": null, "text": "b"}\n{"id": 9.0, "text": "c"}\n'
    )
    assert read_corpus(path)["id"].tolist() == ["7", "2", "9"]


def test_column_that_clashes_with_a_canonical_name_is_kept_renamed(tmp_path):
    path = tmp_path / "clash.csv"
    path.write_text("text,body,extra\nshort,the long body,1\n")
    df = read_corpus(path, text_col="body")
    assert df.loc[0, "text"] == "the long body"
    assert df.loc[0, "original_text"] == "short"
    assert df.loc[0, "extra"] == 1
    assert list(df.columns)[:5] == list(CANONICAL_COLUMNS)


@pytest.mark.parametrize("name", ["news.csv", "news.jsonl", "news.json"])
def test_missing_text_column_names_file_column_and_alternatives(tmp_path, name):
    path = write_rows(tmp_path / name, ROWS, detect_format(name)[0])
    with pytest.raises(CorpusFormatError) as err:
        read_corpus(path)
    message = str(err.value)
    assert message.startswith(f"{path}, column 'text': no such text column")
    assert "available columns: key, body, source, published, headline, label" in message
    assert "Try `text_col`" in message
    assert "\n" not in message


def test_a_renamed_optional_column_that_is_absent_is_an_error(tmp_path):
    path = write_rows(tmp_path / "news.csv", ROWS, "csv")
    with pytest.raises(CorpusFormatError) as err:
        read_corpus(path, **{**NAMES, "outlet_col": "sourc"})
    assert str(err.value).startswith(
        f"{path}, column 'sourc': no such outlet column; available columns: key, "
    )
    assert "Check `outlet_col`" in str(err.value)


def test_empty_and_missing_texts_are_kept(tmp_path):
    path = tmp_path / "gaps.jsonl"
    path.write_text(
        '{"text": "a"}\n{"text": null}\n{"other": 1}\n{"text": "  "}\n{"text": 42}\n'
    )
    df = read_corpus(path)
    assert df["text"].tolist() == ["a", "", "", "  ", "42"]
    assert df.attrs["corpus"]["empty_text"] == 3
    assert df["other"].iloc[2] == 1
    path = tmp_path / "gaps.csv"
    path.write_text('id,text\n1,a\n2,\n3,""\n')
    assert read_corpus(path)["text"].tolist() == ["a", "", ""]


def test_malformed_jsonl_names_line(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text('{"text": "a"}\n\n{"text": "b", "x": 1,}\n')
    with pytest.raises(CorpusFormatError) as err:
        read_corpus(path)
    assert str(err.value) == (
        f"{path}, row 3: invalid JSON (Expecting property name enclosed in "
        "double quotes at char 21)"
    )


def test_jsonl_line_that_is_not_an_object(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text('{"text": "a"}\n["text", "b"]\n')
    with pytest.raises(
        CorpusFormatError,
        match=r"row 2: expected a JSON object, "
        "got list",
    ):
        read_corpus(path)


def test_malformed_jsonl_in_a_later_chunk(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt") as fh:
        fh.write("".join(f'{{"text": "t{i}"}}\n' for i in range(25)) + "{oops\n")
    chunks = iter_corpus(path, chunksize=10)
    assert len(next(chunks)) == 10
    with pytest.raises(CorpusFormatError, match=r"news.jsonl.gz, row 26: invalid"):
        list(chunks)


def test_json_array_variants(tmp_path):
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"articles": [{"text": "a"}, {"text": "b"}]}))
    assert read_corpus(wrapped)["text"].tolist() == ["a", "b"]
    lines = tmp_path / "lines.json"  # JSON Lines with a .json suffix
    lines.write_text('{"text": "a"}\n{"text": "b"}\n')
    assert read_corpus(lines)["text"].tolist() == ["a", "b"]
    broken = tmp_path / "broken.json"
    broken.write_text('[\n  {"text": "a"},\n  {"text": "b"\n]')
    with pytest.raises(
        CorpusFormatError,
        match=r"broken.json: invalid JSON "
        r"\(Expecting ',' delimiter at line 4, column 1\)",
    ):
        read_corpus(broken)
    scalars = tmp_path / "scalars.json"
    scalars.write_text('[{"text": "a"}, 3]')
    with pytest.raises(CorpusFormatError, match="row 2: expected a JSON object"):
        read_corpus(scalars)


def test_csv_with_unclosed_quote_names_the_row(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('id,text\n1,"fine"\n2,"never closed\n3,more\n')
    with pytest.raises(CorpusFormatError) as err:
        read_corpus(path)
    assert str(err.value).startswith(f"{path}, row 2: unclosed quote")


def test_ragged_csv_names_the_row(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('id,text\n1,"a, quoted\nfield"\n2,b\n3,c,surplus\n')
    with pytest.raises(CorpusFormatError) as err:
        read_corpus(path)
    assert str(err.value).startswith(
        f"{path}, row 3: ragged row: expected 2 fields, saw 3"
    )


def test_ragged_row_found_in_a_later_chunk(tmp_path):
    path = tmp_path / "news.tsv"
    path.write_text(
        "id\ttext\n" + "".join(f"{i}\tt\n" for i in range(1, 8)) + "8\tt\textra\n"
    )
    with pytest.raises(CorpusFormatError, match=r"news.tsv, row 8: ragged row"):
        list(iter_corpus(path, chunksize=3))


@pytest.mark.parametrize(
    ("name", "row"), [("news.csv", 2), ("news.jsonl", 3), ("news.jsonl.gz", 3)]
)
def test_undecodable_bytes_name_row_and_suggest_encoding(tmp_path, name, row):
    if name.startswith("news.csv"):
        content = "id,text\n1,plain\n2,caf\xe9 au lait\n"
    else:
        content = '{"text": "plain"}\n{"text": "x"}\n{"text": "caf\xe9"}\n'
    path = tmp_path / name
    with _open(path, "wb") as fh:
        fh.write(content.encode("latin-1"))
    with pytest.raises(CorpusFormatError) as err:
        read_corpus(path)
    message = str(err.value)
    assert message.startswith(f"{path}, row {row}: byte 0xe9")
    assert "`encoding='latin-1'`" in message
    df = read_corpus(path, encoding="latin-1")
    assert df["text"].iloc[-1].startswith("café")


def test_corrupt_gzip_and_missing_file(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(b"not gzip data")
    with pytest.raises(CorpusFormatError, match="news.jsonl.gz: cannot read file"):
        read_corpus(path)
    with pytest.raises(CorpusFormatError, match="absent.csv: no such file or folder"):
        iter_corpus(tmp_path / "absent.csv")  # raised eagerly, before iteration


def test_empty_files(tmp_path):
    (tmp_path / "empty.csv").write_text("")
    with pytest.raises(CorpusFormatError, match="empty.csv: file is empty"):
        read_corpus(tmp_path / "empty.csv")
    (tmp_path / "header.csv").write_text("id,text,label\n")
    df = read_corpus(tmp_path / "header.csv")
    assert len(df) == 0 and list(df.columns)[:5] == list(CANONICAL_COLUMNS)
    (tmp_path / "empty.jsonl").write_text("\n")
    df = read_corpus(tmp_path / "empty.jsonl", id_col="key")
    assert len(df) == 0 and list(df.columns) == list(CANONICAL_COLUMNS)


def test_format_detection_and_override(tmp_path):
    assert detect_format("a/b.NDJSON") == ("jsonl", None)
    assert detect_format("x.tsv.bz2") == ("tsv", ".bz2")
    assert detect_format(tmp_path) == ("txt", None)
    with pytest.raises(CorpusFormatError, match="news.dat: cannot tell the format"):
        detect_format(tmp_path / "news.dat")
    path = tmp_path / "news.dat.gz"
    with gzip.open(path, "wt") as fh:
        fh.write("text\nhello\n")
    assert read_corpus(path, fmt="CSV")["text"].tolist() == ["hello"]
    with pytest.raises(CorpusFormatError, match="unknown format 'xml'"):
        read_corpus(path, fmt="xml")
    with pytest.raises(ValueError, match="chunksize"):
        iter_corpus(path, fmt="csv", chunksize=0)


@pytest.mark.parametrize("name", ["big.csv", "big.jsonl.gz", "big.json"])
def test_chunks_equal_the_whole_and_number_rows_across_chunks(tmp_path, name):
    rows = [{"text": f"Article number {i}.", "outlet": f"o{i % 3}"} for i in range(23)]
    path = write_rows(tmp_path / name, rows, detect_format(name)[0])
    chunks = list(iter_corpus(path, chunksize=5))
    assert [len(c) for c in chunks] == [5, 5, 5, 5, 3]
    assert [c.attrs["corpus"]["first_row"] for c in chunks] == [1, 6, 11, 16, 21]
    joined = pd.concat(chunks)
    whole = read_corpus(path)
    pd.testing.assert_frame_equal(joined, whole)
    assert whole["id"].tolist() == [str(i) for i in range(1, 24)]
    assert whole.index.tolist() == list(range(23))


def test_clean_option_applies_clean_text(tmp_path):
    path = tmp_path / "news.jsonl"
    record = {"text": "<p>Body &amp; soul</p>\n\nShare\nTweet"}
    path.write_text(json.dumps(record) + "\n")
    assert read_corpus(path)["text"].iloc[0].startswith("<p>")
    assert read_corpus(path, clean=True)["text"].tolist() == ["Body & soul"]


def test_dates_in_mixed_formats_and_time_zones(tmp_path):
    path = tmp_path / "dates.csv"
    path.write_text(
        'text,date\na,2016-09-30\nb,"Fri Sep 30, 2016 18:18:31"\n'
        "c,2016-09-30T12:00:00+02:00\nd,\ne,yesterday-ish\n"
    )
    with pytest.warns(UserWarning, match="1 date"):
        df = read_corpus(path)
    assert df["date"].tolist()[:3] == [
        pd.Timestamp("2016-09-30"),
        pd.Timestamp("2016-09-30 18:18:31"),
        pd.Timestamp("2016-09-30 10:00"),
    ]
    assert df["date"].iloc[3:].isna().all()
    assert df.attrs["corpus"]["unparsed_dates"] == 1  # the empty one is not counted


# -- folders of .txt files -------------------------------------------------------


def make_folder(root: Path) -> Path:
    (root / "planet").mkdir(parents=True)
    (root / "star" / "2021").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "planet" / "a1.txt").write_bytes("\ufeffFirst line.\r\nSecond.".encode())
    (root / "planet" / "same.txt").write_text("Planet's same-named story.")
    (root / "star" / "2021" / "same.txt.gz").write_bytes(
        gzip.compress("Star’s story, é.".encode())
    )
    (root / "star" / "empty.txt").write_text("")
    (root / ".cache" / "skip.txt").write_text("hidden")
    (root / "notes.md").write_text("not an article")
    return root


def test_txt_folder_ids_outlets_and_texts(tmp_path):
    root = make_folder(tmp_path / "corpus")
    df = read_corpus(root)
    assert df["id"].tolist() == ["a1", "planet/same", "star/2021/same", "empty"]
    assert df["outlet"].tolist() == ["planet", "planet", "2021", "star"]
    assert df["text"].tolist() == [
        "First line.\nSecond.",
        "Planet's same-named story.",
        "Star’s story, é.",
        "",
    ]
    assert df["title"].isna().all()
    chunks = list(iter_corpus(root, chunksize=3))
    assert [len(c) for c in chunks] == [3, 1]
    pd.testing.assert_frame_equal(pd.concat(chunks), df)


def test_txt_folder_with_default_sidecar(tmp_path):
    root = make_folder(tmp_path / "corpus")
    assert "outlets.csv" in SIDECAR_NAMES
    (root / "outlets.csv").write_text(
        "file,outlet,date,title,label\n"
        "planet/a1.txt,Daily Planet,2021-01-02,Headline one,left\n"
        "star/2021/same.txt.gz,Evening Star,,,right\n"
        "empty,,,,center\n"
    )
    df = read_corpus(root)
    assert df["outlet"].tolist() == ["Daily Planet", "planet", "Evening Star", "star"]
    assert df["date"].iloc[0] == pd.Timestamp("2021-01-02")
    assert df["title"].iloc[0] == "Headline one"
    assert df["label"].fillna("-").tolist() == ["left", "-", "right", "center"]


def test_txt_folder_with_explicit_sidecar_and_column_names(tmp_path):
    root = make_folder(tmp_path / "corpus")
    sidecar = tmp_path / "meta.csv"
    sidecar.write_text("filename,source\na1.txt,Planet Daily\n")
    df = read_corpus(root, sidecar=sidecar, outlet_col="source")
    assert df["outlet"].tolist()[:2] == ["Planet Daily", "planet"]
    bad = tmp_path / "bad.csv"
    bad.write_text("name,outlet\na1.txt,X\n")
    with pytest.raises(CorpusFormatError) as err:
        read_corpus(root, sidecar=bad)
    assert str(err.value).startswith(f"{bad}: sidecar needs a column naming each file")
    assert "found: name, outlet" in str(err.value)


def test_single_txt_file_and_folder_errors(tmp_path):
    root = make_folder(tmp_path / "corpus")
    df = read_corpus(root / "planet" / "a1.txt")
    assert df[["id", "outlet"]].values.tolist() == [["a1", "planet"]]
    (tmp_path / "nothing").mkdir()
    with pytest.raises(CorpusFormatError, match="nothing: no .txt files found"):
        read_corpus(tmp_path / "nothing")
    with pytest.raises(CorpusFormatError, match="no such file or folder"):
        read_corpus(tmp_path / "absent", fmt="txt")


def test_txt_file_that_does_not_decode(tmp_path):
    root = tmp_path / "corpus" / "outlet"
    root.mkdir(parents=True)
    (root / "bad.txt").write_bytes("line one\nna\xefve\n".encode("latin-1"))
    with pytest.raises(CorpusFormatError) as err:
        read_corpus(tmp_path / "corpus")
    assert str(err.value).startswith(
        f"{root / 'bad.txt'}: cannot decode byte 0xef on line 2 as utf-8"
    )
    assert read_corpus(tmp_path / "corpus", encoding="latin-1")["text"][0].endswith(
        "naïve\n"
    )


# -- robustness: arbitrary bytes never leak a raw pandas/json error ---------------


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    data=st.binary(max_size=200)
    | st.text(alphabet='ab,"\n\t{}[]:\\é\r', max_size=60).map(str.encode),
    suffix=st.sampled_from([".csv", ".tsv", ".jsonl", ".json", ".csv.gz"]),
)
def test_arbitrary_input_reads_or_raises_corpus_format_error(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x{suffix}"
        path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
        try:
            df = read_quietly(path)
        except CorpusFormatError as exc:
            assert "\n" not in str(exc) and str(path) in str(exc)
        else:
            assert list(df.columns)[:5] == list(CANONICAL_COLUMNS)


def test_unknown_encoding_is_a_format_error_on_the_call(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text("text\nx\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="unknown encoding 'bogus'"):
        iter_corpus(path, encoding="bogus")


# -- odd cells: lone surrogates, non-string texts, padded outlet names -----------


def test_lone_surrogates_are_replaced_so_the_rows_are_read(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(
        '{"text": "a \\ud800 b", "outlet": "X\\udc00", '
        '"label": "l\\ud800"}\n'
        '{"text": "ok", "outlet": "Y", "label": "m"}\n',
        encoding="utf-8",
    )
    df = read_corpus(path)
    assert df["text"].tolist() == ["a \ufffd b", "ok"]
    assert df["outlet"].tolist() == ["X\ufffd", "Y"]
    assert df["label"].tolist() == ["l\ufffd", "m"]


@pytest.mark.parametrize(
    "value, kind",
    [({"body": "x"}, "a JSON object"), (["x", "y"], "a list"), (True, "a boolean")],
)
def test_a_text_that_is_not_a_string_names_row_and_column(tmp_path, value, kind):
    path = tmp_path / "news.jsonl"
    rows = [{"body": "fine"}, {"body": value}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(CorpusFormatError) as err:
        read_corpus(path, text_col="body")
    assert str(err.value) == (
        f"{path}, row 2, column 'body': text is {kind}, not a string"
    )


def test_numbers_as_text_become_their_string(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(
        '{"text": 5}\n{"text": 2.5}\n{"text": 3.0}\n{"text": null}\n', encoding="utf-8"
    )
    assert read_corpus(path)["text"].tolist() == ["5", "2.5", "3", ""]


def test_outlet_names_lose_surrounding_whitespace(tmp_path):
    path = tmp_path / "news.jsonl"
    rows = [
        {"text": "a", "outlet": "Meridian Wire "},
        {"text": "b", "outlet": " "},
        {"text": "c", "outlet": "\tMeridian Wire"},
        {"text": "d"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    outlets = read_corpus(path)["outlet"]
    assert outlets.tolist()[::2] == ["Meridian Wire", "Meridian Wire"]
    assert outlets.iloc[[1, 3]].isna().all()
