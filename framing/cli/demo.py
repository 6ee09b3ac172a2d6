"""The ``framing demo`` command."""

from __future__ import annotations

from pathlib import Path

import click

from framing.cli._group import cli
from framing.cli._options import quiet_option


@cli.command()
@click.option(
    "-o",
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("reports/demo"),
    show_default=True,
    help="Folder for the demo outputs.",
)
@quiet_option
def demo(out_dir: Path, quiet: bool) -> None:
    """Run framing end to end on the bundled synthetic demo corpus.

    Prints the model's outlet-held-out cross-validation table and the paths
    of what it wrote (with --quiet, only the output folder).

    \b
    Example:
        framing demo
        framing demo -o /tmp/framing-demo
    """
    from framing.demo import run_demo

    result = run_demo(out_dir)
    if quiet:
        click.echo(f"demo outputs in {result.out_dir}/")
        return
    if result.summary:
        click.echo(result.summary + "\n")
    click.echo(f"demo outputs in {result.out_dir}/")
    for name, path in result.outputs.items():
        click.echo(f"  {name:<12} {path}")
