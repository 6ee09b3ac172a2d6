"""The ``framing score`` command: score articles with a model, or lexicon profiles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from framing.cli._group import cli, warnings_to_stderr
from framing.cli._options import (
    chunksize_option,
    corpus_kwargs,
    corpus_options,
    jobs_option,
    lexicon_option,
    model_corpus_argument,
    pass_kwargs,
    quiet_option,
    trust_option,
)
from framing.cli._progress import info, iter_progress

__all__ = ["score"]


@cli.command()
@model_corpus_argument
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Per-article scores: .csv, .tsv, .jsonl, .parquet.",
)
@click.option(
    "--by", type=click.Choice(["outlet"]), help="Also aggregate per outlet (needs -O)."
)
@click.option(
    "-O",
    "--outlets-output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The outlet table (with --by outlet).",
)
@click.option(
    "--lexicon-only",
    is_flag=True,
    help="No model: per-article and per-outlet lexicon profiles.",
)
@click.option(
    "--top-k",
    type=click.IntRange(min=0),
    default=5,
    show_default=True,
    help="Contributing features listed per article (0: none).",
)
@click.option(
    "--label-col",
    default=None,
    help="A label column to carry into the output, if present.",
)
@click.option(
    "--bootstrap",
    "n_boot",
    type=click.IntRange(min=100),
    default=1000,
    show_default=True,
    help="Bootstrap resamples for the outlet CIs.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Bootstrap seed.")
@trust_option
@lexicon_option
@corpus_options()
@chunksize_option
@jobs_option
@quiet_option
@pass_kwargs
def score(kw: dict[str, Any]) -> None:
    """Score articles: predicted framing label, probabilities, explanations.

    One output row per input row, in order, with status (ok / empty /
    error:reason), predicted, p_<class> per class and top_features (signed
    linear contributions toward the predicted label). --by outlet -O adds the
    outlet table: mean probabilities with bootstrap 95% intervals, label
    shares and mean framing rates by voice. Streams in chunks.

    \b
    Example:
        framing score m/ news.jsonl -o scores.csv --by outlet -O outlets.csv
        framing score --lexicon-only news.jsonl -o profiles.csv -O outlets.csv
    """
    quiet = kw.pop("quiet")
    by_outlet = _check_usage(kw)
    # usage errors come before the imports below, which load pandas
    from framing.corpus.read import iter_corpus
    from framing.tables import table_format, write_table

    if by_outlet:
        table_format(kw["outlets_output"])  # fail on a bad suffix before scoring
    corpus = kw["paths"][-1]
    keep = (kw["label_col"],) if kw["label_col"] else ()
    chunks = iter_progress(
        _with_columns(
            iter_corpus(corpus, chunksize=kw["chunksize"], **corpus_kwargs(kw)),
            keep,
            corpus,
        ),
        "score",
        quiet=quiet,
    )
    run = _profile if kw["lexicon_only"] else _score_with_model
    with warnings_to_stderr(quiet):
        summary = run(kw, chunks, keep=keep, by_outlet=by_outlet)
    info(
        f"{summary.rows:,} rows ({summary.ok:,} ok, {summary.empty:,} empty, "
        f"{summary.errors:,} errors) -> {kw['output']}",
        quiet=quiet,
    )
    if by_outlet and summary.outlets is not None:
        write_table(summary.outlets, kw["outlets_output"])
        info(f"{len(summary.outlets):,} outlets -> {kw['outlets_output']}", quiet=quiet)


def _check_usage(kw: dict[str, Any]) -> bool:
    """Raise the usage errors of the argument combinations; return by_outlet."""
    paths, lexicon_only = kw["paths"], kw["lexicon_only"]
    if lexicon_only and len(paths) != 1:
        raise click.UsageError("with --lexicon-only give only CORPUS (no model)")
    if not lexicon_only and len(paths) != 2:
        raise click.UsageError("give MODEL_DIR and CORPUS (or --lexicon-only CORPUS)")
    by_outlet = kw["by"] == "outlet" or bool(lexicon_only and kw["outlets_output"])
    if kw["by"] == "outlet" and not kw["outlets_output"]:
        raise click.UsageError("--by outlet needs -O/--outlets-output FILE")
    if kw["outlets_output"] and not by_outlet:
        raise click.UsageError("-O/--outlets-output needs --by outlet")
    if by_outlet and kw["outlets_output"].resolve() == kw["output"].resolve():
        raise click.UsageError("-o and -O name the same file")
    if kw["lexicon_paths"] and not lexicon_only:
        raise click.UsageError(
            "--lexicon applies to --lexicon-only; a model carries its own lexicon"
        )
    return by_outlet


def _profile(
    kw: dict[str, Any], chunks: Any, *, keep: tuple[str, ...], by_outlet: bool
) -> Any:
    """Write lexicon profiles per article (--lexicon-only); return the summary."""
    from framing.features.transformer import FramingFeatures
    from framing.scoring.score import profile_corpus
    from framing.tables import TableWriter

    ff = FramingFeatures(lexicon=list(kw["lexicon_paths"]) or None).fit([])
    with TableWriter(kw["output"]) as writer:
        return profile_corpus(
            ff, chunks, writer, keep=keep, by_outlet=by_outlet, n_jobs=kw["jobs"]
        )


def _score_with_model(
    kw: dict[str, Any], chunks: Any, *, keep: tuple[str, ...], by_outlet: bool
) -> Any:
    """Write scores per article with the model in MODEL_DIR; return the summary."""
    from framing.model.storage import load_model
    from framing.scoring.score import score_corpus
    from framing.tables import TableWriter

    model = load_model(kw["paths"][0], trust=kw["trust"])
    with TableWriter(kw["output"]) as writer:
        return score_corpus(
            model,
            chunks,
            writer,
            top_k=kw["top_k"],
            keep=keep,
            by_outlet=by_outlet,
            n_boot=kw["n_boot"],
            seed=kw["seed"],
            n_jobs=kw["jobs"],
        )


def _with_columns(
    chunks: Iterator[Any], keep: tuple[str, ...], source: Path
) -> Iterator[Any]:
    """Pass chunks through, after checking the first has the `keep` columns."""
    from framing.errors import CorpusFormatError

    first = True
    for chunk in chunks:
        if first:
            missing = [c for c in keep if c not in chunk.columns]
            if missing:
                raise CorpusFormatError(
                    f"{source}: no column {missing[0]!r} (--label-col); columns "
                    f"are {', '.join(map(str, chunk.columns))}"
                )
            first = False
        yield chunk
