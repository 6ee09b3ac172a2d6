"""The ``framing features`` command: framing-category rates per article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from framing.cli._group import cli
from framing.cli._options import (
    chunksize_option,
    corpus_kwargs,
    corpus_options,
    jobs_option,
    lexicon_option,
    pass_kwargs,
    quiet_option,
)
from framing.cli._progress import info, iter_progress


@cli.command()
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Output table: .csv, .tsv, .jsonl or .parquet.",
)
@corpus_options()
@lexicon_option
@click.option(
    "--strip-boilerplate",
    is_flag=True,
    help="Remove photo credits and lines that recur across an outlet's "
    "articles (reads the corpus twice: to find the lines, then to strip them).",
)
@click.option(
    "--no-voice",
    is_flag=True,
    help="Pool author and quoted voice into one rate per category.",
)
@chunksize_option
@jobs_option
@quiet_option
@pass_kwargs
def features(kw: dict[str, Any]) -> None:
    """Per-article framing-category rates per 1,000 tokens, by voice.

    One output row per input row, in input order, with a status column
    (ok / empty). Rates are NaN for empty articles.

    \b
    Example:
        framing features data/demo/articles.jsonl -o features.csv
        framing features news.csv --text-col body -o features.parquet
    """
    from framing.tables import TableWriter, table_format

    corpus, output, quiet = kw["corpus"], kw["output"], kw["quiet"]
    table_format(output)  # fail on a bad suffix before anything heavy loads

    from framing.corpus.boilerplate import iter_stripped_corpus
    from framing.corpus.read import iter_corpus
    from framing.features.transformer import FramingFeatures, features_frame

    ckw = corpus_kwargs(kw)
    ff = FramingFeatures(
        lexicon=list(kw["lexicon_paths"]) or None,
        voice=not kw["no_voice"],
        n_jobs=kw["jobs"],
    ).fit([])
    if kw["strip_boilerplate"]:
        chunks = iter_stripped_corpus(corpus, chunksize=kw["chunksize"], **ckw)
    else:
        chunks = iter_corpus(corpus, chunksize=kw["chunksize"], **ckw)
    n = empty = 0
    with TableWriter(output) as writer:
        for chunk in iter_progress(chunks, "features", quiet=quiet):
            table = features_frame(chunk, ff)
            writer.write(table)
            n += len(table)
            empty += int((table["status"] != "ok").sum())
    info(f"{n:,} rows ({empty:,} empty) -> {output}", quiet=quiet)
