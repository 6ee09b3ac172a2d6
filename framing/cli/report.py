"""The ``framing report`` command: PNG charts and a multi-page PDF."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import click

from framing.cli._group import cli
from framing.cli._options import (
    corpus_kwargs,
    corpus_options,
    lexicon_option,
    pass_kwargs,
    quiet_option,
)
from framing.cli._progress import info
from framing.errors import FramingError

_TABLE = click.Path(exists=True, dir_okay=False, path_type=Path)


def read_table(path: Path, what: str) -> Any:
    """Read a CSV, TSV, JSONL or Parquet table written by another command."""
    import pandas as pd

    from framing.tables import table_format

    try:
        fmt = table_format(path)
    except FramingError:
        raise FramingError(
            f"{path}: cannot read the {what} table: unknown format "
            f"'{path.suffix}'; use .csv, .tsv, .jsonl or .parquet"
        ) from None
    keep = {
        "id": "str",
        "outlet": "str",
        "term": "str",
        "group": "str",
        "versus": "str",
    }
    try:
        if fmt in ("csv", "tsv"):
            return pd.read_csv(path, sep="," if fmt == "csv" else "\t", dtype=keep)
        if fmt == "jsonl":
            return pd.read_json(path, lines=True, dtype=keep)
        return pd.read_parquet(path)
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise FramingError(f"{path}: cannot read the {what} table ({first})") from None


@cli.command()
@click.option(
    "--corpus",
    "corpus",
    type=click.Path(exists=True, path_type=Path),
    required=True,
    help="The corpus the report is about.",
)
@click.option(
    "-o",
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Output folder, e.g. reports/NAME/.",
)
@click.option(
    "--scores",
    type=_TABLE,
    help="Per-article scores from framing score (default: computed "
    "with --model, else the lexicon framing index is shown).",
)
@click.option(
    "--outlets",
    type=_TABLE,
    help="Outlet table from framing score -O (default: from the scores).",
)
@click.option(
    "--model",
    "model_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A model directory from framing train: evaluation, "
    "explanations, and scores when --scores is not given.",
)
@click.option(
    "--trust",
    is_flag=True,
    help="Load a pickle (joblib) model. Unpickling can run arbitrary "
    "code: only for models you trust.",
)
@click.option(
    "--terms", type=_TABLE, help="Distinguishing terms from framing discover."
)
@click.option(
    "--group",
    "terms_group",
    metavar="GROUP",
    help="The group of --terms drawn on the positive side.",
)
@click.option(
    "--top-outlets",
    default=25,
    show_default=True,
    type=click.IntRange(min=0),
    help="Outlets shown in the outlet charts, most articles first (0: all).",
)
@click.option("--svg", is_flag=True, help="Also write every chart as SVG.")
@click.option("--title", help="Report title (default: from the corpus file name).")
@click.option("--author", help="PDF author metadata (default: framing VERSION).")
@corpus_options()
@lexicon_option
@quiet_option
@pass_kwargs
def report(kw: dict[str, Any]) -> None:
    """Charts (PNG, optionally SVG) and report.pdf for a corpus.

    One page per chart: title page, outlet framing scores with 95% CIs,
    category heatmap, own voice vs quotations, model evaluation, loaded
    language over time, top explanations, distinguishing terms. What is not
    given is computed (features, scores from --model) or replaced by a note
    page. The numbers behind each chart are written beside it as CSV.

    \b
    Example:
        framing report --corpus data/demo/articles.jsonl -o reports/demo/
        framing report --corpus news.jsonl --model models/bias \\
            --terms terms.csv -o reports/bias/ --svg
    """
    from framing.corpus.read import read_corpus
    from framing.report.assemble import build_report
    from framing.scoring.report_inputs import collect_report_inputs

    quiet = kw["quiet"]
    started = time.perf_counter()
    inputs = collect_report_inputs(
        read_corpus(kw["corpus"], **corpus_kwargs(kw)),
        model_dir=kw["model_dir"],
        trust=kw["trust"],
        scores=read_table(kw["scores"], "scores") if kw["scores"] else None,
        outlets=read_table(kw["outlets"], "outlet") if kw["outlets"] else None,
        terms=read_table(kw["terms"], "terms") if kw["terms"] else None,
        terms_group=kw["terms_group"],
        lexicon=list(kw["lexicon_paths"]) or None,
        source=str(kw["corpus"]),
    )
    paths = build_report(
        inputs,
        out_dir=kw["out_dir"],
        svg=kw["svg"],
        top_outlets=kw["top_outlets"] or None,
        title=kw["title"],
        author=kw["author"],
        log=lambda line: info(line, quiet=quiet),
    )
    pdf = next(p for p in paths if p.suffix == ".pdf")
    images = [p for p in paths if p.suffix in (".png", ".svg")]
    click.echo(str(pdf))
    for path in images:
        click.echo(str(path))
    info(
        f"{len(images)} chart files and {pdf} in {time.perf_counter() - started:.1f} s",
        quiet=quiet,
    )
