"""Shared helpers for the benchmarks: locating ../shared, loading, timing."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"


class ChildRun(NamedTuple):
    """One child process: wall seconds, its own peak RSS in MB, exit code, stderr."""

    seconds: float
    rss_mb: float
    returncode: int
    stderr: str


def parser(description: str) -> argparse.ArgumentParser:
    """Return an argument parser with the common ``--shared`` option."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help="the shared/ folder with data/abp and data/ptc",
    )
    return p


def require_shared(shared: Path, *parts: str) -> Path:
    """Return ``shared/parts``; exit 0 with a message when it is absent."""
    path = shared.joinpath(*parts)
    if not path.exists():
        print(f"skipped: {path} not found (the benchmark needs ../shared)")
        sys.exit(0)
    return path


def load_jsonl_gz(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Read a gzip JSONL file into a list of dicts."""
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                break
            rows.append(json.loads(line))
    return rows


def best_of(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """Run ``fn`` ``repeat`` times; return the fastest wall time and a result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def run_child(argv: list[str], *, env: dict[str, str] | None = None) -> ChildRun:
    """Run `argv` with stdout discarded; return its wall time, peak RSS, stderr.

    The peak RSS is the child's own (``os.wait4``), not that of earlier
    children, so runs of different commands are told apart.
    """
    with open(os.devnull, "wb") as null, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        pid = os.posix_spawn(
            argv[0],
            argv,
            os.environ if env is None else env,
            file_actions=[
                (os.POSIX_SPAWN_DUP2, null.fileno(), 1),
                (os.POSIX_SPAWN_DUP2, err.fileno(), 2),
            ],
        )
        _, status, usage = os.wait4(pid, 0)
        seconds = time.perf_counter() - t0
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return ChildRun(
        seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), stderr
    )


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """Format rows as a Markdown table."""

    def fmt(v: Any) -> str:
        return f"{v:,.2f}" if isinstance(v, float) else str(v)

    lines = [
        "| " + " | ".join(columns) + " |",
        "|" + "|".join("---" for _ in columns) + "|",
    ]
    lines += [
        "| " + " | ".join(fmt(r.get(c, "")) for c in columns) + " |" for r in rows
    ]
    return "\n".join(lines)
