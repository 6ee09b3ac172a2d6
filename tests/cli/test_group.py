"""CLI tests of the command group (framing/cli/_group.py): one-line errors, warnings."""

from __future__ import annotations

import pytest

from framing import __version__
from framing.cli._group import cli


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


@pytest.mark.parametrize("command", ["features", "highlight"])
def test_output_under_a_file_is_one_line_error(
    runner, corpus, tmp_path, command, article_file
):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    source = corpus if command == "features" else article_file
    r = runner.invoke(cli, [command, str(source), "-o", str(blocker / "out.csv")])
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: {blocker}: ")
    assert len(r.stderr.strip().splitlines()) == 1


def test_library_warning_is_one_line_on_stderr(runner, tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(
        "id,text,date\n1,Rebels reportedly fled.,someday\n", encoding="utf-8"
    )
    r = runner.invoke(cli, ["highlight", str(path), "--id", "1", "--no-color"])
    assert r.exit_code == 0, r.output
    assert r.stderr == (f"Warning: {path}: 1 date(s) could not be parsed and are NaT\n")


def test_quiet_hides_warnings_and_status_lines(runner, tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(
        "id,text,date\n1,Rebels reportedly fled.,someday\n", encoding="utf-8"
    )
    r = runner.invoke(
        cli,
        [
            "highlight",
            str(path),
            "--id",
            "1",
            "--no-color",
            "-q",
            "-o",
            str(tmp_path / "h.html"),
            "--format",
            "html",
        ],
    )
    assert r.exit_code == 0, r.output
    assert r.stderr == "" and (tmp_path / "h.html").is_file()
    r = runner.invoke(cli, ["lexicon", "-q"])
    assert r.exit_code == 0 and r.stderr == "" and "categories" in r.stdout
