"""framing.errors: one root, and the CLI's rewording of API parameters as options."""

from __future__ import annotations

import inspect
import warnings

import click
import pytest
from click.testing import CliRunner

from framing import errors
from framing.cli._group import FramingGroup, cli_wording
from framing.errors import (
    PARAMETER,
    CorpusFormatError,
    FramingError,
    LexiconError,
    ModelFileError,
    ParameterError,
)


def test_every_error_class_has_the_one_root() -> None:
    classes = [
        c
        for _, c in inspect.getmembers(errors, inspect.isclass)
        if issubclass(c, BaseException) and c.__module__ == errors.__name__
    ]
    assert FramingError in classes and len(classes) >= 5
    assert all(issubclass(c, FramingError) for c in classes)


@pytest.mark.parametrize(
    "cls", [CorpusFormatError, LexiconError, ModelFileError, ParameterError]
)
def test_value_problems_are_value_errors(cls: type[FramingError]) -> None:
    assert issubclass(cls, ValueError)


def test_a_parameter_error_is_also_a_type_error() -> None:
    # as scikit-learn's InvalidParameterError: checks that raised TypeError
    # before still meet `except TypeError`
    with pytest.raises(TypeError, match="expects a str"):
        from framing.corpus.clean import clean_text

        clean_text(3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "name"),
    [
        ("framing.corpus.read:iter_corpus", "chunksize"),
        ("framing.discovery.counts:count_terms", "min_count"),
        ("framing.discovery.logodds:build_prior", "scale"),
    ],
)
def test_range_checks_raise_parameter_errors_naming_the_parameter(
    call: str, name: str
) -> None:
    import importlib

    module, func = call.split(":")
    fn = getattr(importlib.import_module(module), func)
    args = {
        "chunksize": (("x.csv",), {"chunksize": 0}),
        "min_count": ((["a b"], ["g"]), {"min_count": 0}),
        "scale": (([[1, 2]],), {"scale": 0}),
    }[name]
    with pytest.raises(ParameterError) as err:
        fn(*args[0], **args[1])
    assert f"`{name}`" in str(err.value)


def test_the_parameter_pattern() -> None:
    found = PARAMETER.findall("lower `min_df`, or use `features='lexicon'`")
    assert found == [("min_df", ""), ("features", "'lexicon'")]
    assert PARAMETER.search("no `2x` here") is None


OPTIONS = [
    click.Option(["--min-df"], type=float),
    click.Option(["-f", "--features"]),
    click.Option(["--trust"], is_flag=True),
    click.Option(["--clean/--no-clean"], default=True),
    click.Option(["--no-eval"], is_flag=True),
    click.Option(["--folds"], type=int),
]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("lower `min_df`", "lower --min-df"),
        ("lower `min_df` or `features`", "lower --min-df or --features"),
        ("use `features='lexicon'`", "use --features lexicon"),
        ('use `features="text"`', "use --features text"),
        ("`min_df=3`: too high", "--min-df 3: too high"),
        ("pass `trust=True`", "pass --trust"),
        ("pass `clean=False`", "pass --no-clean"),
        ("pass `clean=True`", "pass --clean"),
        ("or `evaluate=False`", "or --no-eval"),  # the option says the opposite
        ("lower `n_splits`", "lower --folds"),
        ("`top_per_group` must be >= 1", "`top_per_group` must be >= 1"),
        ("`trust=maybe`", "`trust=maybe`"),
        ("no parameter at all", "no parameter at all"),
        # an alternative the command has no option for is left out
        ("Try `min_df`, or `mode='logo'`", "Try --min-df"),
        ("Add outlets, or train with `seed=1`", "Add outlets"),
        ("Lower `n_splits` or use `mode='logo'`", "Lower --folds"),
    ],
)
def test_cli_wording(message: str, expected: str) -> None:
    assert cli_wording(message, OPTIONS) == expected


def _group() -> click.Group:
    """A group like framing's with a command and a subgroup that fail."""

    @click.group(cls=FramingGroup)
    def cli() -> None:
        """Test group."""

    @cli.command()
    @click.option("--min-df", type=float, default=0.01)
    @click.option("--warn", is_flag=True)
    def train(min_df: float, warn: bool) -> None:
        """Fail as the library does."""
        if warn:
            warnings.warn("`min_df` is high", UserWarning, stacklevel=1)
            return
        raise ParameterError(f"no n-gram left (min_df={min_df}); lower `min_df`")

    @cli.group()
    def model() -> None:
        """A subgroup."""

    @model.command()
    @click.option("--trust", is_flag=True)
    def info(trust: bool) -> None:
        """Fail as load_model does."""
        raise ModelFileError("a pickle; refusing. Pass `trust=True` only if ...")

    return cli


def test_the_cli_names_the_option_for_a_library_parameter() -> None:
    r = CliRunner().invoke(_group(), ["train", "--min-df", "5"])
    assert r.exit_code == 1
    assert r.stderr == "Error: no n-gram left (min_df=5.0); lower --min-df\n"


def test_the_cli_maps_parameters_in_a_subgroup_command() -> None:
    r = CliRunner().invoke(_group(), ["model", "info"])
    assert r.exit_code == 1
    assert "Pass --trust only if" in r.stderr


def test_the_cli_maps_parameters_in_warnings() -> None:
    r = CliRunner().invoke(_group(), ["train", "--warn"])
    assert r.exit_code == 0
    assert r.stderr == "Warning: --min-df is high\n"


@pytest.mark.parametrize("command", ["train", "evaluate"])
def test_framing_commands_name_their_own_options(command: str) -> None:
    from framing.cli import cli

    message = (
        "no TF-IDF n-gram is frequent enough (min_df=5000); lower `min_df` or "
        "`min_outlet_share`, or use `features='lexicon'`"
    )
    assert cli_wording(message, cli.commands[command].params) == (
        "no TF-IDF n-gram is frequent enough (min_df=5000); lower --min-df or "
        "--min-outlet-share, or use --features lexicon"
    )


def test_a_corpus_error_names_the_option_on_the_command_line(tmp_path) -> None:
    from framing.cli import cli

    corpus = tmp_path / "news.csv"
    corpus.write_text("body\nhello\n")
    r = CliRunner().invoke(
        cli, ["features", str(corpus), "-o", str(tmp_path / "f.csv")]
    )
    assert r.exit_code == 1
    assert "no such text column; available columns: body. Try --text-col" in r.stderr


def test_evaluate_offers_no_option_it_does_not_have(tmp_path) -> None:
    """framing evaluate has no --no-eval: its error must not offer one."""
    import json

    from framing.cli import cli

    path = tmp_path / "no_outlets.jsonl"
    rows = [
        {"text": "The regime said rebels fled. " * 5, "label": "AB"[i % 2]}
        for i in range(12)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    r = CliRunner().invoke(
        cli, ["evaluate", str(path), "--label-col", "label", "--min-df", "1", "-q"]
    )
    assert r.exit_code == 1
    assert r.stderr.endswith("none found. Try --outlet-col\n")
