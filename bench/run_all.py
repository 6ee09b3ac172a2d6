"""Run every benchmark in bench/, one child process each, and sum up.

Run: ``python bench/run_all.py`` (``make bench``; the model benchmark alone
takes about an hour on 2 cores) or ``python bench/run_all.py --quick``
(``make bench-quick``: small sizes, a few minutes; its Markdown results go to
a temporary folder, not to bench/results/). Benchmarks that need
``../shared`` print ``skipped: ...`` and count as skipped when it is absent.
``model_heldout_ci.py`` needs a trained model: give it with
``--heldout-model DIR`` (from ``framing train
../shared/data/abp/train.jsonl.gz --label-col bias -o DIR``), else it is
skipped. Exit code 1 when a benchmark failed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

BENCH = Path(__file__).resolve().parent
QUICK_LIMIT = 3000


class Benchmark(NamedTuple):
    """A script in bench/ and its arguments for a full and a quick run."""

    script: str
    full: tuple[str, ...]
    quick: tuple[str, ...]


def benchmarks(out: Path) -> list[Benchmark]:
    """Return every benchmark; quick runs write their results under `out`."""
    return [
        Benchmark("startup.py", (), ("--runs", "3")),
        Benchmark("matcher_throughput.py", (), ("--limit", "300")),
        Benchmark("lexicon_quality.py", (), ("--top", "5")),
        Benchmark(
            "discover_bench.py",
            (),
            ("--split", "valid", "--no-outlet", "--out", str(out / "discover.md")),
        ),
        Benchmark(
            "model_bench.py",
            (),
            ("--limit", str(QUICK_LIMIT), "--out", str(out / "model.md")),
        ),
    ]


def heldout_args(model: Path | None, *, quick: bool) -> list[str] | None:
    """Return model_heldout_ci.py's arguments, or None when it cannot run."""
    if model is None:
        return None
    reference = f"reference_pipeline_{QUICK_LIMIT if quick else 'full'}.joblib"
    return [str(model), "--reference", str(BENCH / "out" / reference)] + (
        ["--boot", "200"] if quick else []
    )


def run(script: str, args: list[str], shared: Path | None) -> tuple[str, float]:
    """Run one benchmark, its output passed through; return (status, seconds)."""
    argv = [sys.executable, str(BENCH / script), *args]
    if shared is not None:
        argv += ["--shared", str(shared)]
    print(f"\n=== {script} {' '.join(args)}", flush=True)
    t0 = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - t0
    print(proc.stdout, end="", flush=True)
    if proc.returncode:
        return f"failed (exit {proc.returncode})", seconds
    skipped = proc.stdout.lstrip().startswith("skipped:")
    return ("skipped" if skipped else "ok"), seconds


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; print a summary; return 1 if any failed."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="small sizes, a few minutes")
    p.add_argument("--shared", type=Path, help="the shared/ folder (default ../shared)")
    p.add_argument(
        "--heldout-model",
        type=Path,
        help="a framing model for model_heldout_ci.py (skipped without it)",
    )
    args = p.parse_args(argv)
    known = {"run_all.py", "_common.py", "__init__.py", "model_heldout_ci.py"}
    summary: list[tuple[str, str, float]] = []
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as tmp:
        listed = benchmarks(Path(tmp))
        unknown = sorted(
            f.name
            for f in BENCH.glob("*.py")
            if f.name not in known | {b.script for b in listed}
        )
        for name in unknown:  # a new benchmark runs with its defaults
            listed.append(Benchmark(name, (), ()))
        for bench in listed:
            extra = list(bench.quick if args.quick else bench.full)
            shared = None if bench.script == "startup.py" else args.shared
            summary.append((bench.script, *run(bench.script, extra, shared)))
        held = heldout_args(args.heldout_model, quick=args.quick)
        if held is None:
            print("\n=== model_heldout_ci.py: skipped (give --heldout-model DIR)")
            summary.append(("model_heldout_ci.py", "skipped", 0.0))
        else:
            summary.append(
                ("model_heldout_ci.py", *run("model_heldout_ci.py", held, args.shared))
            )
    print("\n| benchmark | status | seconds |\n|---|---|---:|")
    for script, status, seconds in summary:
        print(f"| {script} | {status} | {seconds:,.1f} |")
    return 1 if any(s.startswith("failed") for _, s, _ in summary) else 0


if __name__ == "__main__":
    sys.exit(main())
