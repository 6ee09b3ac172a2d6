"""Options and helpers shared by train and evaluate: labels, pipeline settings.

The defaults the help texts show come from
:class:`~framing.model.settings.TrainSettings` (a light module: no NumPy).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from framing.cli._options import lexicon_option
from framing.cli._progress import info
from framing.model.settings import CLASSIFIERS, FEATURE_SETS, TrainSettings

_D = TrainSettings  # the defaults, as class attributes of the dataclass

__all__ = [
    "PIPELINE_PARAMS",
    "check_labels",
    "cv_table",
    "given_flags",
    "label_options",
    "pipeline_options",
    "pipeline_settings",
    "read_input",
]

_LABEL_OPTIONS = [
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


def _with_options(f: Any, options: list[Any]) -> Any:
    """Apply click option decorators so they show in the order given."""
    for option in reversed(options):
        f = option(f)
    return f


def label_options(f: Any) -> Any:
    """Add --label-col and --outlet-labels to a command."""
    return _with_options(f, _LABEL_OPTIONS)


_PIPELINE_OPTIONS = [
    click.option(
        "--features",
        type=click.Choice(list(FEATURE_SETS)),
        default=_D.features,
        show_default=True,
        help="Lexicon-category rates, TF-IDF n-grams, or both "
        "(lexicon: the fully interpretable model).",
    ),
    click.option(
        "--classifier",
        type=click.Choice(list(CLASSIFIERS)),
        default=_D.classifier,
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
        f"default {_D.min_df}).",
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
        f"outlets (0: all; default {_D.min_outlet_share}).",
    ),
    click.option(
        "--length-features",
        is_flag=True,
        default=_D.length,
        help="Also give the model the article length (tokens, "
        "sentences); off by default: length is house style, "
        "not framing.",
    ),
    click.option(
        "--strip-boilerplate/--keep-boilerplate",
        default=_D.strip_boilerplate,
        show_default=True,
        help="Remove photo credits and lines that recur across an "
        "outlet's articles (bylines, footers) before training.",
    ),
    click.option(
        "--seed",
        type=int,
        default=_D.seed,
        show_default=True,
        help="Random seed (classifier, random split).",
    ),
    click.option(
        "--folds",
        type=click.IntRange(min=2),
        default=_D.n_splits,
        show_default=True,
        help="Outlet-held-out folds (GroupKFold); with fewer than 10 "
        "outlets each fold holds out one outlet.",
    ),
    lexicon_option,
]


def pipeline_options(f: Any) -> Any:
    """Add the pipeline and cross-validation options to a command."""
    return _with_options(f, _PIPELINE_OPTIONS)


#: Parameters of pipeline_options (refused when evaluating a saved model).
PIPELINE_PARAMS = (
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


def given_flags(*names: str) -> list[str]:
    """Return the flags of the options among `names` set on the command line."""
    ctx = click.get_current_context()
    flags = {p.name: p.opts[-1] for p in ctx.command.params}
    return [
        flags[n]
        for n in names
        if ctx.get_parameter_source(n) not in (None, ParameterSource.DEFAULT)
    ]


def check_labels(kw: dict[str, Any]) -> None:
    """Refuse --label-col together with --outlet-labels."""
    if kw["outlet_labels"] and given_flags("label_col"):
        raise click.UsageError("give --label-col or --outlet-labels, not both")


def pipeline_settings(kw: dict[str, Any], *, evaluate: bool = True) -> TrainSettings:
    """Pop the pipeline options from a command's kwargs, as train() settings.

    Options left unset (None) keep the :class:`TrainSettings` default.
    """
    given = {
        "features": kw.pop("features"),
        "classifier": kw.pop("classifier"),
        "seed": kw.pop("seed"),
        "n_splits": kw.pop("folds"),
        "strip_boilerplate": kw.pop("strip_boilerplate"),
        "length": kw.pop("length_features"),
        "C": kw.pop("C"),
        "min_df": _min_df(kw.pop("min_df")),
        "max_features": kw.pop("max_features"),
        "min_outlet_share": kw.pop("min_outlet_share"),
        "lexicon": list(kw.pop("lexicon_paths")) or None,
    }
    unset = ("min_df", "max_features", "min_outlet_share")
    return TrainSettings(
        evaluate=evaluate,
        **{k: v for k, v in given.items() if not (k in unset and v is None)},
    )


def _min_df(value: float | None) -> int | float | None:
    """Return --min-df, a whole number of 1 or more as an int (articles)."""
    if value is None or value < 1:
        return value
    if not value.is_integer():
        raise click.BadParameter(
            f"{value}: a number of articles (whole), or a share below 1",
            param_hint="--min-df",
        )
    return int(value)


def read_input(corpus: Path, ckw: dict[str, Any], quiet: bool) -> Any:
    """Read the corpus, saying so on stderr unless quiet."""
    from framing.corpus.read import read_corpus

    info(f"reading {corpus} ...", quiet=quiet)
    return read_corpus(corpus, **ckw)


def cv_table(evaluation: dict[str, Any]) -> str:
    """Format the card's cross-validation metrics (grouped, random) as a table."""
    from framing.evaluation.table import format_metrics

    cols = {"grouped by outlet": evaluation["grouped"]}
    if evaluation.get("random"):
        cols["random split"] = evaluation["random"]
    return format_metrics(cols)
