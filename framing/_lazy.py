"""Lazy attribute exports for packages (PEP 562).

A package's ``__init__`` names its public API and the module that holds each
name; a name is imported on first use. ``import framing`` and the command
line's start-up therefore load neither scikit-learn nor pandas.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_exports(
    package: str, exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return ``__getattr__`` and ``__dir__`` for a package with lazy exports.

    Parameters
    ----------
    package : str
        The package's ``__name__``.
    exports : mapping of str to str
        Public name -> module that defines it, relative to `package`
        (``".load"``) or absolute (``"framing.lexicon.load"``).

    Returns
    -------
    (__getattr__, __dir__)
        Functions to assign at the package's top level.

    Examples
    --------
    >>> getattr_, dir_ = lazy_exports("framing", {"Match": ".columns"})
    >>> getattr_("Match").__name__
    'Match'
    """

    def __getattr__(name: str) -> Any:
        try:
            module = exports[name]
        except KeyError:
            raise AttributeError(
                f"module {package!r} has no attribute {name!r}"
            ) from None
        return getattr(import_module(module, package), name)

    def __dir__() -> list[str]:
        return sorted(exports)

    return __getattr__, __dir__
