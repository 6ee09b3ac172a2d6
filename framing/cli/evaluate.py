"""The ``framing evaluate`` command: cross-validate by outlet, or score a test set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from framing.cli._group import cli, warnings_to_stderr
from framing.cli._options import (
    corpus_kwargs,
    corpus_options,
    jobs_option,
    model_corpus_argument,
    pass_kwargs,
    quiet_option,
    trust_option,
)
from framing.cli._progress import info
from framing.cli._train_options import (
    PIPELINE_PARAMS,
    check_labels,
    cv_table,
    given_flags,
    label_options,
    pipeline_options,
    pipeline_settings,
    read_input,
)

__all__ = ["evaluate"]


@cli.command()
@model_corpus_argument
@label_options
@pipeline_options
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the metrics as JSON to this file.",
)
@click.option(
    "--record",
    is_flag=True,
    help="With MODEL_DIR: add the held-out metrics to its model.json.",
)
@trust_option
@corpus_options()
@jobs_option
@quiet_option
@pass_kwargs
def evaluate(kw: dict[str, Any]) -> None:
    """Evaluate: cross-validate by outlet, or score a labelled test corpus.

    With one argument, cross-validates the pipeline on CORPUS grouped by
    outlet, beside the optimistic random split (as train does). With
    MODEL_DIR and CORPUS, scores the separate labelled corpus with the
    saved model and prints the held-out metrics.

    \b
    Example:
        framing evaluate news.jsonl --label-col bias
        framing evaluate bias-model/ held_out.jsonl --label-col bias
    """
    import json

    from framing.evaluation.table import format_metrics

    quiet = kw.pop("quiet")
    paths = kw["paths"]
    check_labels(kw)
    if len(paths) > 2:
        raise click.UsageError("give CORPUS, or MODEL_DIR and CORPUS")
    if len(paths) == 2 and (given := given_flags(*PIPELINE_PARAMS)):
        raise click.UsageError(
            f"{', '.join(given)}: pipeline options apply when cross-validating "
            "a CORPUS; a saved model keeps its own settings"
        )
    if len(paths) == 1 and kw["record"]:
        raise click.UsageError("--record needs MODEL_DIR (it writes to its model.json)")
    if len(paths) == 1 and paths[0].is_dir() and (paths[0] / "model.json").is_file():
        raise click.UsageError(f"{paths[0]} is a model; give the test corpus after it")
    ckw = corpus_kwargs(kw)
    settings = pipeline_settings(kw)  # --min-df is checked: after usage errors
    if len(paths) == 1:
        from framing.model.training import train as train_model

        corpus = read_input(paths[0], ckw, quiet)
        with warnings_to_stderr(quiet):
            model = train_model(
                corpus,
                label_col=kw["label_col"],
                outlet_labels=kw["outlet_labels"],
                n_jobs=kw["jobs"],
                source=str(paths[0]),
                settings=settings,
            )
        result: dict[str, Any] = model.card["evaluation"]
        click.echo(cv_table(result))
    else:
        from framing.model.card import record_test
        from framing.model.storage import load_model
        from framing.scoring.score import evaluate_model

        with warnings_to_stderr(quiet):
            model = load_model(paths[0], trust=kw["trust"])
            corpus = read_input(paths[1], ckw, quiet)
            result = evaluate_model(
                model,
                corpus,
                label_col=kw["label_col"],
                outlet_labels=kw["outlet_labels"],
                n_jobs=kw["jobs"],
            )
        click.echo(
            format_metrics(
                {"held-out corpus": result}, title=f"{paths[1]} scored with {paths[0]}:"
            )
        )
        if kw["record"]:
            record_test(paths[0], str(paths[1]), result)
            info(f"metrics recorded in {paths[0] / 'model.json'}", quiet=quiet)
    if kw["json_out"]:
        from framing.tables import atomic_write_text

        atomic_write_text(kw["json_out"], json.dumps(result, indent=2) + "\n")
        info(f"metrics -> {kw['json_out']}", quiet=quiet)
