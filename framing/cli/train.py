"""The ``framing train`` command: train a model and save it with its card."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from framing.cli._group import cli, warnings_to_stderr
from framing.cli._options import (
    MODEL_DIR,
    corpus_kwargs,
    corpus_options,
    jobs_option,
    pass_kwargs,
    quiet_option,
)
from framing.cli._progress import info
from framing.cli._train_options import (
    check_labels,
    cv_table,
    label_options,
    pipeline_options,
    pipeline_settings,
    read_input,
)

__all__ = ["train"]


@cli.command()
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    "model_dir",
    type=MODEL_DIR,
    required=True,
    help="Model directory to write (pipeline.skops + model.json).",
)
@label_options
@pipeline_options
@click.option(
    "--no-eval",
    is_flag=True,
    help="Skip the cross-validation (faster; no metrics in the card).",
)
@corpus_options()
@jobs_option
@quiet_option
@pass_kwargs
def train(kw: dict[str, Any]) -> None:
    """Train an outlet-framing model and evaluate it with outlets held out.

    Labels come from --label-col, or per outlet from --outlet-labels. The
    default model: framing-lexicon rates (scaled) and TF-IDF word 1-2-grams
    into a class-balanced logistic regression. Unless --no-eval, it is
    cross-validated grouped by outlet (no outlet in both train and test
    folds) beside an optimistic random split; the metrics go in model.json.

    \b
    Example:
        framing train data/demo/articles.jsonl --outlet-labels data/outlets.csv -o m/
        framing train news.jsonl --label-col bias -o bias-model/ --features lexicon
    """
    quiet = kw.pop("quiet")
    check_labels(kw)
    ckw = corpus_kwargs(kw)
    settings = pipeline_settings(kw, evaluate=not kw["no_eval"])
    from framing.model.storage import save_model  # after the usage errors: sklearn
    from framing.model.training import train as train_model

    corpus = read_input(kw["corpus"], ckw, quiet)
    info(
        f"training on {len(corpus):,} articles"
        + ("" if kw["no_eval"] else " (with outlet-held-out cross-validation)")
        + " ...",
        quiet=quiet,
    )
    with warnings_to_stderr(quiet):
        model = train_model(
            corpus,
            label_col=kw["label_col"],
            outlet_labels=kw["outlet_labels"],
            n_jobs=kw["jobs"],
            source=str(kw["corpus"]),
            settings=settings,
        )
    save_model(model, kw["model_dir"])
    t = model.card["training"]
    info(
        f"{t['articles']:,} articles, {t['outlets']} outlets, labels "
        + ", ".join(f"{k} {v:,}" for k, v in t["label_counts"].items()),
        quiet=quiet,
    )
    if model.card.get("evaluation"):
        click.echo(cv_table(model.card["evaluation"]))
    info(f"model -> {kw['model_dir']}", quiet=quiet)
