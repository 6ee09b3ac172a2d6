"""Options shared by the commands: corpus columns and format, model, jobs, quiet."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def corpus_options(*, clean_default: bool = True) -> Callable[[F], F]:
    """Return a decorator adding the corpus column and format options."""
    options = [
        click.option(
            "--text-col",
            default="text",
            show_default=True,
            help="Column holding the article text.",
        ),
        click.option(
            "--id-col",
            default="id",
            show_default=True,
            help="Column holding the article id (row number if absent).",
        ),
        click.option(
            "--outlet-col",
            default="outlet",
            show_default=True,
            help="Column holding the outlet name.",
        ),
        click.option(
            "--date-col",
            default="date",
            show_default=True,
            help="Column holding the publication date.",
        ),
        click.option(
            "--title-col",
            default="title",
            show_default=True,
            help="Column holding the headline.",
        ),
        click.option(
            "--encoding",
            default="utf-8",
            show_default=True,
            help="Text encoding of the input (e.g. latin-1, cp1252).",
        ),
        click.option(
            "--input-format",
            "fmt",
            type=click.Choice(["csv", "tsv", "jsonl", "json", "parquet", "txt"]),
            help="Input format (default: from the file suffix).",
        ),
        click.option(
            "--clean/--no-clean",
            default=clean_default,
            show_default=True,
            help="Strip HTML and scraped debris (share buttons, footers, "
            "trailing JSON blobs) before matching.",
        ),
    ]

    def decorate(f: F) -> F:
        for option in reversed(options):
            f = option(f)
        return f

    return decorate


def corpus_kwargs(kw: dict[str, Any]) -> dict[str, Any]:
    """Pop the corpus options from a command's kwargs, for read_corpus."""
    return {
        "text_col": kw.pop("text_col"),
        "id_col": kw.pop("id_col"),
        "outlet_col": kw.pop("outlet_col"),
        "date_col": kw.pop("date_col"),
        "title_col": kw.pop("title_col"),
        "fmt": kw.pop("fmt"),
        "encoding": kw.pop("encoding"),
        "clean": kw.pop("clean"),
    }


lexicon_option = click.option(
    "--lexicon",
    "lexicon_paths",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A user lexicon TOML applied on top of the shipped one (repeatable).",
)
#: A model directory argument or option.
MODEL_DIR = click.Path(file_okay=False, path_type=Path)
#: The ``[MODEL_DIR] CORPUS`` arguments of evaluate and score, as ``paths``.
model_corpus_argument = click.argument(
    "paths",
    nargs=-1,
    required=True,
    metavar="[MODEL_DIR] CORPUS",
    type=click.Path(exists=True, path_type=Path),
)
trust_option = click.option(
    "--trust",
    is_flag=True,
    help="Also load pickle (joblib) files and types outside the allow-list. "
    "Unpickling can run arbitrary code: only for models you trust.",
)


def _quiet(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    if value:  # scoped: FramingGroup.invoke runs each command in catch_warnings
        warnings.simplefilter("ignore")
    return value


quiet_option = click.option(
    "-q",
    "--quiet",
    is_flag=True,
    callback=_quiet,
    help="No progress, summary or warnings on stderr.",
)


def _jobs(ctx: click.Context, param: click.Parameter, value: int) -> int:
    if value == 0 or value < -1:
        raise click.BadParameter(
            f"{value}: give a number of processes, or -1 for all cores",
            ctx=ctx,
            param=param,
        )
    return value


jobs_option = click.option(
    "-j",
    "--jobs",
    default=1,
    show_default=True,
    type=int,
    callback=_jobs,
    help="Parallel worker processes (-1: all cores).",
)
chunksize_option = click.option(
    "--chunksize",
    default=5000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Rows read and processed at a time.",
)


def pass_kwargs(f: F) -> F:
    """Make a command receive its parameters as one dict (for option reuse)."""

    @functools.wraps(f)
    def wrapper(**kw: Any) -> Any:
        return f(kw)

    return wrapper  # type: ignore[return-value]
