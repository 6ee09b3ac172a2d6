"""Status lines and a rows-processed counter on stderr."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import click


def info(message: str, *, quiet: bool) -> None:
    """Print a status line on stderr unless quiet."""
    if not quiet:
        click.echo(message, err=True)


class Progress:
    """Rows-processed counter on stderr, only for a terminal and not quiet."""

    def __init__(self, label: str, *, quiet: bool) -> None:
        self.label = label
        self.enabled = not quiet and sys.stderr.isatty()
        self.rows = 0

    def update(self, n: int) -> None:
        """Count ``n`` more rows and redraw."""
        self.rows += n
        if self.enabled:
            click.echo(f"\r{self.label}: {self.rows:,} rows", err=True, nl=False)

    def close(self) -> None:
        """End the progress line."""
        if self.enabled:
            click.echo("", err=True)


def iter_progress(chunks: Iterator[Any], label: str, *, quiet: bool) -> Iterator[Any]:
    """Yield corpus chunks while showing rows processed."""
    bar = Progress(label, quiet=quiet)
    try:
        for chunk in chunks:
            yield chunk
            bar.update(len(chunk))
    finally:
        bar.close()
