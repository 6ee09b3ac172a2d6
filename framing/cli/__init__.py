"""The ``framing`` command line: a thin click shell over the Python API.

Every command turns a :class:`~framing.errors.FramingError` into a
one-line ``Error: ...`` on stderr and exit code 1; usage errors exit 2.
Command modules import the library inside their functions, so start-up,
``--help`` and usage errors load neither scikit-learn nor pandas.
"""

from __future__ import annotations

from framing.cli import (  # noqa: F401  (each module registers its commands)
    demo,
    discover,
    evaluate,
    features,
    highlight,
    lexicon,
    model,
    report,
    score,
    train,
)
from framing.cli._group import cli

__all__ = ["cli", "main"]


def main() -> None:
    """Entry point of the ``framing`` console script."""
    cli(prog_name="framing")
