"""The ``framing model`` command group: ``model info`` prints a saved model's card.

The train, evaluate and score commands live in :mod:`framing.cli.train`,
:mod:`framing.cli.evaluate` and :mod:`framing.cli.score`.
"""

from __future__ import annotations

from pathlib import Path

import click

from framing.cli._group import cli
from framing.cli._options import MODEL_DIR, quiet_option, trust_option
from framing.cli._progress import info

__all__ = ["model"]


@cli.group()
def model() -> None:
    """Inspect saved models.

    \b
    Example:
        framing model info reports/demo/model
        framing model info bias-model/ --check
    """


@model.command("info")
@click.argument("model_dir", type=MODEL_DIR)
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

    from framing.model.card import describe_card, read_card

    if check:
        from framing.model.storage import load_model

        card = load_model(model_dir, trust=trust).card
    else:
        card = read_card(model_dir)
    if as_json:
        click.echo(json.dumps(card, indent=2, ensure_ascii=False))
    else:
        click.echo(describe_card(card))
    if check:
        info("pipeline file checked: hash and types OK", quiet=quiet)
