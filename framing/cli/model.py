"""Model commands: train, evaluate, score, and ``model info``."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from framing.cli._common import (
    chunksize_option,
    cli,
    corpus_kwargs,
    corpus_options,
    info,
    iter_progress,
    jobs_option,
    lexicon_option,
    pass_kwargs,
    quiet_option,
)

_MODEL_DIR = click.Path(file_okay=False, path_type=Path)
label_options = [
    click.option(
        "--label-col",
        default="label",
        show_default=True,
        help="Column holding the labels (e.g. alignment, bias).",
    ),
    click.option(
        "--outlet-labels",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Labels per outlet instead: a CSV with a header such as "
        "'outlet,alignment' (distant supervision). Articles of "
        "outlets not in it are left out.",
    ),
]
trust_option = click.option(
    "--trust",
    is_flag=True,
    help="Also load pickle (joblib) files and types outside the allow-list. "
    "Unpickling can run arbitrary code: only for models you trust.",
)


def _labels(f: Any) -> Any:
    for option in reversed(label_options):
        f = option(f)
    return f


def _pipeline_options(f: Any) -> Any:
    options = [
        click.option(
            "--features",
            type=click.Choice(["both", "lexicon", "text"]),
            default="both",
            show_default=True,
            help="Lexicon-category rates, TF-IDF n-grams, or both "
            "(lexicon: the fully interpretable model).",
        ),
        click.option(
            "--classifier",
            type=click.Choice(["logreg", "svm"]),
            default="logreg",
            show_default=True,
            help="Class-balanced logistic regression, or a calibrated linear SVM.",
        ),
        click.option(
            "-C",
            "--C",
            "C",
            type=click.FloatRange(min=0, min_open=True),
            default=None,
            help="Inverse regularisation strength (default: the model default).",
        ),
        click.option(
            "--min-df",
            type=click.FloatRange(min=0, min_open=True),
            default=None,
            help="TF-IDF: keep n-grams in at least this many articles "
            "(a number below 1: this share of the articles; "
            "default 0.01).",
        ),
        click.option(
            "--max-features",
            type=click.IntRange(min=1),
            default=None,
            help="TF-IDF: keep at most this many n-grams.",
        ),
        click.option(
            "--min-outlet-share",
            type=click.FloatRange(0, 1),
            default=None,
            help="Keep n-grams used by at least this share of the training "
            "outlets (0: all; default 0.33).",
        ),
        click.option(
            "--length-features",
            is_flag=True,
            help="Also give the model the article length (tokens, "
            "sentences); off by default: length is house style, "
            "not framing.",
        ),
        click.option(
            "--strip-boilerplate/--keep-boilerplate",
            default=True,
            show_default=True,
            help="Remove photo credits and lines that recur across an "
            "outlet's articles (bylines, footers) before training.",
        ),
        click.option(
            "--seed",
            type=int,
            default=0,
            show_default=True,
            help="Random seed (classifier, random split).",
        ),
        click.option(
            "--folds",
            type=click.IntRange(min=2),
            default=5,
            show_default=True,
            help="Outlet-held-out folds (GroupKFold); with fewer than 10 "
            "outlets each fold holds out one outlet.",
        ),
        lexicon_option,
    ]
    for option in reversed(options):
        f = option(f)
    return f


@contextmanager
def _warnings_to_stderr(quiet: bool) -> Iterator[None]:
    """Show library warnings as one 'Warning: ...' line each on stderr."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            if not quiet:
                seen = set()
                for w in caught:
                    msg = str(w.message)
                    if msg not in seen and issubclass(w.category, UserWarning):
                        seen.add(msg)
                        click.echo(f"Warning: {msg}", err=True)


_PIPELINE_PARAMS = (
    "features",
    "classifier",
    "C",
    "min_df",
    "max_features",
    "min_outlet_share",
    "length_features",
    "strip_boilerplate",
    "seed",
    "folds",
    "lexicon_paths",
)


def _given(*names: str) -> list[str]:
    """Return the flags of the options among `names` set on the command line."""
    ctx = click.get_current_context()
    flags = {p.name: p.opts[-1] for p in ctx.command.params}
    return [
        flags[n]
        for n in names
        if ctx.get_parameter_source(n) not in (None, ParameterSource.DEFAULT)
    ]


def _check_labels(kw: dict[str, Any]) -> None:
    if kw["outlet_labels"] and _given("label_col"):
        raise click.UsageError("give --label-col or --outlet-labels, not both")


def _settings(kw: dict[str, Any]) -> dict[str, Any]:
    from framing.model import DEFAULTS

    out = {
        "features": kw.pop("features"),
        "classifier": kw.pop("classifier"),
        "seed": kw.pop("seed"),
        "n_splits": kw.pop("folds"),
        "strip_boilerplate": kw.pop("strip_boilerplate"),
        "length": kw.pop("length_features"),
    }
    for key in ("C", "min_df", "max_features", "min_outlet_share"):
        value = kw.pop(key)
        out[key] = DEFAULTS[key] if value is None else value
    if isinstance(out["min_df"], float) and out["min_df"] >= 1:
        if not out["min_df"].is_integer():
            raise click.BadParameter(
                f"{out['min_df']}: a number of articles (whole), or a share below 1",
                param_hint="--min-df",
            )
        out["min_df"] = int(out["min_df"])
    paths = list(kw.pop("lexicon_paths"))
    out["lexicon"] = paths or None
    return out


def _read(corpus: Path, ckw: dict[str, Any], quiet: bool) -> Any:
    from framing.corpus import read_corpus

    info(f"reading {corpus} ...", quiet=quiet)
    return read_corpus(corpus, **ckw)


def _cv_table(evaluation: dict[str, Any]) -> str:
    from framing.evaluation import format_metrics

    cols = {"grouped by outlet": evaluation["grouped"]}
    if evaluation.get("random"):
        cols["random split"] = evaluation["random"]
    return format_metrics(cols)


@cli.command()
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    "model_dir",
    type=_MODEL_DIR,
    required=True,
    help="Model directory to write (pipeline.skops + model.json).",
)
@_labels
@_pipeline_options
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
    from framing.model import train as train_model
    from framing.modelio import save_model

    quiet = kw.pop("quiet")
    _check_labels(kw)
    ckw = corpus_kwargs(kw)
    settings = _settings(kw)
    corpus = _read(kw["corpus"], ckw, quiet)
    info(
        f"training on {len(corpus):,} articles"
        + ("" if kw["no_eval"] else " (with outlet-held-out cross-validation)")
        + " ...",
        quiet=quiet,
    )
    with _warnings_to_stderr(quiet):
        model = train_model(
            corpus,
            label_col=kw["label_col"],
            outlet_labels=kw["outlet_labels"],
            evaluate=not kw["no_eval"],
            n_jobs=kw["jobs"],
            source=str(kw["corpus"]),
            **settings,
        )
    save_model(model, kw["model_dir"])
    t = model.card["training"]
    info(
        f"{t['articles']:,} articles, {t['outlets']} outlets, labels "
        + ", ".join(f"{k} {v:,}" for k, v in t["label_counts"].items()),
        quiet=quiet,
    )
    if model.card.get("evaluation"):
        click.echo(_cv_table(model.card["evaluation"]))
    info(f"model -> {kw['model_dir']}", quiet=quiet)


@cli.command()
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    metavar="[MODEL_DIR] CORPUS",
    type=click.Path(exists=True, path_type=Path),
)
@_labels
@_pipeline_options
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

    from framing.evaluation import format_metrics

    quiet = kw.pop("quiet")
    paths = kw["paths"]
    _check_labels(kw)
    if len(paths) > 2:
        raise click.UsageError("give CORPUS, or MODEL_DIR and CORPUS")
    if len(paths) == 2 and (given := _given(*_PIPELINE_PARAMS)):
        raise click.UsageError(
            f"{', '.join(given)}: pipeline options apply when cross-validating "
            "a CORPUS; a saved model keeps its own settings"
        )
    if len(paths) == 1 and kw["record"]:
        raise click.UsageError("--record needs MODEL_DIR (it writes to its model.json)")
    ckw = corpus_kwargs(kw)
    settings = _settings(kw)
    if len(paths) == 1:
        if paths[0].is_dir() and (paths[0] / "model.json").is_file():
            raise click.UsageError(
                f"{paths[0]} is a model; give the test corpus after it"
            )
        from framing.model import train as train_model

        corpus = _read(paths[0], ckw, quiet)
        with _warnings_to_stderr(quiet):
            model = train_model(
                corpus,
                label_col=kw["label_col"],
                outlet_labels=kw["outlet_labels"],
                n_jobs=kw["jobs"],
                source=str(paths[0]),
                **settings,
            )
        result: dict[str, Any] = model.card["evaluation"]
        click.echo(_cv_table(result))
    else:
        from framing.modelio import load_model, record_test
        from framing.scoring import evaluate_model

        with _warnings_to_stderr(quiet):
            model = load_model(paths[0], trust=kw["trust"])
            corpus = _read(paths[1], ckw, quiet)
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
        from framing.output import atomic_write_text

        atomic_write_text(kw["json_out"], json.dumps(result, indent=2) + "\n")
        info(f"metrics -> {kw['json_out']}", quiet=quiet)


@cli.command()
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    metavar="[MODEL_DIR] CORPUS",
    type=click.Path(exists=True, path_type=Path),
)
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
    from framing.corpus import iter_corpus
    from framing.output import TableWriter, write_table

    quiet = kw.pop("quiet")
    paths = kw["paths"]
    ckw = corpus_kwargs(kw)
    lexicon_only = kw["lexicon_only"]
    if lexicon_only and len(paths) != 1:
        raise click.UsageError("with --lexicon-only give only CORPUS (no model)")
    if not lexicon_only and len(paths) != 2:
        raise click.UsageError("give MODEL_DIR and CORPUS (or --lexicon-only CORPUS)")
    by_outlet = kw["by"] == "outlet" or (lexicon_only and kw["outlets_output"])
    if kw["by"] == "outlet" and not kw["outlets_output"]:
        raise click.UsageError("--by outlet needs -O/--outlets-output FILE")
    if kw["outlets_output"] and not by_outlet:
        raise click.UsageError("-O/--outlets-output needs --by outlet")
    if by_outlet:
        from framing.output import table_format

        table_format(kw["outlets_output"])  # fail on a bad suffix before scoring
        if kw["outlets_output"].resolve() == kw["output"].resolve():
            raise click.UsageError("-o and -O name the same file")
    corpus = paths[-1]
    keep = (kw["label_col"],) if kw["label_col"] else ()
    chunks = iter_progress(
        _with_columns(
            iter_corpus(corpus, chunksize=kw["chunksize"], **ckw), keep, corpus
        ),
        "score",
        quiet=quiet,
    )
    with _warnings_to_stderr(quiet):
        if lexicon_only:
            from framing.features import FramingFeatures
            from framing.scoring import profile_corpus

            ff = FramingFeatures(lexicon=list(kw["lexicon_paths"]) or None).fit([])
            with TableWriter(kw["output"]) as writer:
                summary = profile_corpus(
                    ff,
                    chunks,
                    writer,
                    keep=keep,
                    by_outlet=bool(by_outlet),
                    n_jobs=kw["jobs"],
                )
        else:
            from framing.modelio import load_model
            from framing.scoring import score_corpus

            if kw["lexicon_paths"]:
                raise click.UsageError(
                    "--lexicon applies to --lexicon-only; a "
                    "model carries its own lexicon"
                )
            model = load_model(paths[0], trust=kw["trust"])
            with TableWriter(kw["output"]) as writer:
                summary = score_corpus(
                    model,
                    chunks,
                    writer,
                    top_k=kw["top_k"],
                    keep=keep,
                    by_outlet=bool(by_outlet),
                    n_boot=kw["n_boot"],
                    seed=kw["seed"],
                    n_jobs=kw["jobs"],
                )
    info(
        f"{summary.rows:,} rows ({summary.ok:,} ok, {summary.empty:,} empty, "
        f"{summary.errors:,} errors) -> {kw['output']}",
        quiet=quiet,
    )
    if by_outlet and summary.outlets is not None:
        write_table(summary.outlets, kw["outlets_output"])
        info(f"{len(summary.outlets):,} outlets -> {kw['outlets_output']}", quiet=quiet)


def _with_columns(
    chunks: Iterator[Any], keep: tuple[str, ...], source: Path
) -> Iterator[Any]:
    """Pass chunks through, after checking the first has the `keep` columns."""
    from framing.exceptions import CorpusFormatError

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


@cli.group()
def model() -> None:
    """Inspect saved models.

    \b
    Example:
        framing model info reports/demo/model
        framing model info bias-model/ --check
    """


@model.command("info")
@click.argument("model_dir", type=_MODEL_DIR)
@click.option("--json", "as_json", is_flag=True, help="Print model.json as is.")
@click.option(
    "--check",
    is_flag=True,
    help="Also load the pipeline (verifies hash and allowed types).",
)
@trust_option
@quiet_option
def model_info(
    model_dir: Path, as_json: bool, check: bool, trust: bool, quiet: bool
) -> None:
    """Print a model's card: labels, settings, training corpus, metrics.

    \b
    Example:
        framing model info reports/demo/model
    """
    import json

    from framing.modelio import describe_card, load_model, read_card

    card = load_model(model_dir, trust=trust).card if check else read_card(model_dir)
    if as_json:
        click.echo(json.dumps(card, indent=2, ensure_ascii=False))
    else:
        click.echo(describe_card(card))
    if check:
        info("pipeline file checked: hash and types OK", quiet=quiet)


__all__ = ["evaluate", "model", "score", "train"]
