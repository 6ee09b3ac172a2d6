"""The ``framing`` command group: one-line errors, and library wording in CLI terms."""

from __future__ import annotations

import errno
import re
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from framing._version import __version__
from framing.errors import PARAMETER, FramingError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class FramingGroup(click.Group):
    """A click group that reports library errors as one line, exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command: warnings as one line each, errors as ClickException."""
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            return self._invoke(ctx)

    def _invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FramingError as exc:
            params = _command_params(self, ctx)
            raise click.ClickException(cli_wording(str(exc), params)) from None
        except PermissionError as exc:
            raise click.ClickException(f"{exc.filename}: permission denied") from None
        except OSError as exc:  # an output path that cannot be written, a full disk
            if exc.errno == errno.EPIPE:
                raise  # click exits quietly when stdout is closed (| head)
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None
        except MemoryError:
            raise click.ClickException(
                "out of memory; use a smaller --chunksize or fewer --jobs"
            ) from None


def _show_warning(message: Warning | str, *args: Any, **kwargs: Any) -> None:
    """Show a library warning as one ``Warning: ...`` line on stderr."""
    click.echo(f"Warning: {_wording_here(str(message))}", err=True)


#: API parameters whose command-line option has another name: API name ->
#: (click parameter name, whether the option's flag means the opposite).
_API_ALIASES = {
    "evaluate": ("no_eval", True),
    "lexicon": ("lexicon_paths", False),
    "n_splits": ("folds", False),
}


#: "..., or `evaluate=False`": an alternative a message offers. One the
#: running command has no option for is left out of what the user reads.
_ALTERNATIVE = re.compile(r",? or (?:train with |use )?" + PARAMETER.pattern)


def cli_wording(message: str, params: Iterable[click.Parameter]) -> str:
    """Rewrite the API parameters a library message names as command options.

    Library messages name parameters in backticks (see
    :class:`~framing.errors.ParameterError`); each one that is an option of
    the command becomes that option, spelled as on the command line. An
    alternative the command does not offer (", or `evaluate=False`" in a
    command without ``--no-eval``) is left out; other names stay as they are.

    Parameters
    ----------
    message : str
        A library error or warning message.
    params : iterable of click.Parameter
        The running command's parameters.

    Returns
    -------
    str
        The message as a command-line user should read it.

    Examples
    --------
    >>> opts = [click.Option(["--min-df"]), click.Option(["--trust"], is_flag=True)]
    >>> cli_wording("lower `min_df`, or pass `trust=True`", opts)
    'lower --min-df, or pass --trust'
    >>> cli_wording("use `min_df=2` or `top_per_group`", opts)
    'use --min-df 2'
    >>> cli_wording("raise `top_per_group`", opts)
    'raise `top_per_group`'
    """
    options = {p.name: p for p in params if isinstance(p, click.Option)}

    def spelled(name: str, value: str | None) -> str | None:
        target, negated = _API_ALIASES.get(name, (name, False))
        option = options.get(target)
        return None if option is None else _spell(option, value, negated=negated)

    def offered(match: re.Match[str]) -> str:
        name, value = PARAMETER.search(match.group(0)).groups()  # type: ignore[union-attr]
        return match.group(0) if spelled(name, value) is not None else ""

    def spell(match: re.Match[str]) -> str:
        return spelled(*match.groups()) or match.group(0)

    return PARAMETER.sub(spell, _ALTERNATIVE.sub(offered, message))


def _spell(option: click.Option, value: str | None, *, negated: bool) -> str | None:
    """Spell ``name`` or ``name=value`` as `option`; None when it has no way to."""
    if value is None:
        return _long(option.opts)
    if not option.is_flag:
        return f"{_long(option.opts)} {value.strip(chr(39) + chr(34))}"
    if value not in ("True", "False"):
        return None
    if (value == "True") != negated:
        return _long(option.opts)
    return _long(option.secondary_opts)


def _long(opts: list[str]) -> str | None:
    """Return the first long option of `opts`, else the first, else None."""
    return next((o for o in opts if o.startswith("--")), opts[0] if opts else None)


def _command_params(group: click.Group, ctx: click.Context) -> list[click.Parameter]:
    """Return the parameters of the subcommand that `ctx` ran."""
    name = ctx.invoked_subcommand
    command = group.get_command(ctx, name) if name else None
    return [] if command is None else _all_params(command)


def _all_params(command: click.Command) -> list[click.Parameter]:
    """Return a command's parameters; a group's: those of all its commands."""
    if isinstance(command, click.Group):
        return [p for sub in command.commands.values() for p in _all_params(sub)]
    return list(command.params)


def _wording_here(message: str) -> str:
    """Rewrite `message` for the command running now (see :func:`cli_wording`)."""
    ctx = click.get_current_context(silent=True)
    return message if ctx is None else cli_wording(message, ctx.command.params)


@click.group(cls=FramingGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="framing")
def cli() -> None:
    """Measure how news outlets frame events.

    \b
    Start with the bundled demo:   make demo
    Highlight one article:         framing highlight article.txt
    Features for a corpus:         framing features news.jsonl -o features.csv
    The shipped lexicon:           framing lexicon
    """


@contextmanager
def warnings_to_stderr(quiet: bool) -> Iterator[None]:
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
                        click.echo(f"Warning: {_wording_here(msg)}", err=True)
