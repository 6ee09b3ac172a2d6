"""The package's shape: imports point down the stages, no cycles, short functions.

These tests read the source with :mod:`ast`; they import nothing from framing.
The allowed dependencies are the data flow of docs/architecture.md.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "framing"

#: Modules every part of framing may import.
SHARED = {"errors", "columns", "tables", "bootstrap", "_lazy", "_version"}

#: Stage -> the stages it may import (beside SHARED). A stage never imports a
#: later one; report draws what it is given and imports no computing stage.
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "columns": set(),
    "tables": set(),
    "_lazy": set(),
    "_version": set(),
    "bootstrap": set(),
    "text": set(),
    "corpus": set(),
    "lexicon": set(),
    "quotes": {"text"},
    "matching": {"lexicon", "quotes", "text"},
    "features": {"corpus", "lexicon", "matching", "quotes", "text"},
    "evaluation": set(),
    "model": {"corpus", "evaluation", "features", "lexicon", "matching", "text"},
    "scoring": {"corpus", "evaluation", "features", "lexicon", "model"},
    "discovery": {"corpus", "lexicon", "matching", "quotes", "text"},
    "report": set(),
    "distributed": {"corpus", "features", "model", "scoring"},
}
#: The top of the tree: may import any stage, and nothing imports them.
TOP = {"cli", "demo", "__main__", "__init__"}

MAX_FUNCTION_LINES = 80


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _sources() -> dict[str, ast.Module]:
    return {
        _module_name(p): ast.parse(p.read_text(encoding="utf-8"))
        for p in sorted(PACKAGE.rglob("*.py"))
    }


def _imports(tree: ast.Module, modules: set[str]) -> set[str]:
    """Every framing module a source imports, at top level or inside functions."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] != "framing":
                continue
            found.add(node.module)
            for alias in node.names:  # `from framing.cli import demo`
                if f"{node.module}.{alias.name}" in modules:
                    found.add(f"{node.module}.{alias.name}")
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "framing"}
    return found


SOURCES = _sources()
GRAPH = {m: _imports(t, set(SOURCES)) for m, t in SOURCES.items()}


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_point_down_the_stages(module: str) -> None:
    stage = _stage(module)
    if stage in TOP:
        return
    assert stage in ALLOWED, f"{module}: stage {stage!r} missing from ALLOWED"
    allowed = ALLOWED[stage] | SHARED | {stage}
    wrong = sorted(m for m in GRAPH[module] if _stage(m) not in allowed)
    assert not wrong, f"{module} imports {wrong}"


def test_nothing_imports_the_command_line() -> None:
    users = sorted(
        m
        for m, deps in GRAPH.items()
        if _stage(m) not in {"cli", "__main__"}
        and any(_stage(d) == "cli" for d in deps)
    )
    assert users == []


def test_no_import_cycles() -> None:
    """Depth-first search over module imports, lazy (in-function) ones included."""
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in sorted(GRAPH.get(module, ())):
            if dep not in GRAPH or dep == module:
                continue
            if state.get(dep) == 1:
                cycles.append([*path[path.index(dep) :], dep])
            elif dep not in state:
                visit(dep, [*path, dep])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    # A package importing its own submodules is not a cycle unless a submodule
    # imports the package back; the search above reports exactly those.
    assert cycles == []


def _function_lengths() -> list[tuple[int, str]]:
    """(lines, qualified name) per function, from ``def`` to its end.

    The docstring is not counted, nor are decorators (click options).
    """
    out = []
    for module, tree in SOURCES.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            first = node.body[0]
            doc = (
                first.end_lineno - first.lineno + 1
                if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                else 0
            )
            out.append(
                (node.end_lineno - node.lineno + 1 - doc, f"{module}.{node.name}")
            )
    return sorted(out, reverse=True)


def test_no_function_over_80_lines() -> None:
    long = [(n, name) for n, name in _function_lengths() if n > MAX_FUNCTION_LINES]
    assert long == []


@pytest.mark.parametrize(
    "old",
    [
        "framing.modelio",
        "framing.modelbase",
        "framing.modelcard",
        "framing.lexiconbase",
        "framing.schema",
        "framing.exceptions",
        "framing.readers",
        "framing.termcount",
        "framing.matcher",
        "framing.voice",
    ],
)
def test_old_module_paths_are_gone(old: str) -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module(old)


def test_public_api_resolves() -> None:
    import framing

    missing = [name for name in framing.__all__ if not hasattr(framing, name)]
    assert missing == []
    assert set(dir(framing)) >= set(framing.__all__) - {"__version__"}


@pytest.mark.parametrize(
    "package",
    sorted(
        m for m, t in SOURCES.items() if (PACKAGE.parent / m.replace(".", "/")).is_dir()
    ),
)
def test_exports_are_not_shadowed_by_submodules(package: str) -> None:
    """``from framing.model import train`` must give the function, not a module:
    importing a submodule sets the package attribute of the same name."""
    module = importlib.import_module(package)
    folder = PACKAGE.parent / package.replace(".", "/")
    clashes = [
        name
        for name in getattr(module, "__all__", [])
        if (folder / f"{name}.py").exists() or (folder / name).is_dir()
    ]
    assert clashes == []
