"""Lazy attribute exports for packages (PEP 562).

A package's ``__init__`` names its public API and the module that holds each
name; a name is imported on first use. ``import framing`` and the command
line's start-up therefore load neither scikit-learn nor pandas.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any

#: The release that drops the names kept for code written against the flat
#: 0.2 layout (``from framing.model import DEFAULTS``).
REMOVAL = "0.4.0"


def lazy_exports(
    package: str,
    exports: Mapping[str, str],
    moved: Mapping[str, str] | None = None,
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return ``__getattr__`` and ``__dir__`` for a package with lazy exports.

    Parameters
    ----------
    package : str
        The package's ``__name__``.
    exports : mapping of str to str
        Public name -> module that defines it, relative to `package`
        (``".load"``) or absolute (``"framing.lexicon.load"``).
    moved : mapping of str to str, optional
        Names this path held in framing 0.2 that now live elsewhere -> their
        module (absolute). They still resolve, with a ``FutureWarning``
        naming the new path and the release that removes the old one. They
        are not listed by ``dir()``.

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
        if name in exports:
            return getattr(import_module(exports[name], package), name)
        if moved and name in moved:
            warnings.warn(
                f"{package}.{name} moved to {moved[name]}.{name}; the old path "
                f"will be removed in framing {REMOVAL}",
                FutureWarning,
                stacklevel=2,
            )
            return getattr(import_module(moved[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(exports)

    return __getattr__, __dir__
