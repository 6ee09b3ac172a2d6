"""The ``framing`` command line: a thin click shell over the Python API.

Every command turns a :class:`~framing.exceptions.FramingError` into a
one-line ``Error: ...`` on stderr and exit code 1; usage errors exit 2.
"""

from __future__ import annotations

from framing.cli import demo, extract  # noqa: F401  (registers commands)
from framing.cli import discover as _discover  # noqa: F401  (discover)
from framing.cli import evaluate as _evaluate  # noqa: F401  (evaluate)
from framing.cli import model as _model  # noqa: F401  (model info)
from framing.cli import report as _report  # noqa: F401  (report)
from framing.cli import score as _score  # noqa: F401  (score)
from framing.cli import train as _train  # noqa: F401  (train)
from framing.cli._common import cli

__all__ = ["cli", "main"]


def main() -> None:
    """Entry point of the ``framing`` console script."""
    cli(prog_name="framing")
