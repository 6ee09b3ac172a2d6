"""Start-up of the ``framing`` command, whole process, beside ``python -c pass``.

Run: ``python bench/startup.py [--runs 5]`` (needs nothing outside the
repository). Each command runs ``--runs`` times, round-robin with the others
so that machine load hits all alike, after one warm-up run each; printed are
the median and fastest wall time, the median peak RSS of the child process
(``os.wait4``) and the ratio of the median to that of ``python -c pass``.

Floors on the project's 2-core machine: ``framing --version`` at most 0.3 s,
``framing highlight`` of one short article at most 0.5 s.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import REPO, ChildRun, run_child, table  # noqa: E402

ARTICLE = REPO / "data" / "demo" / "article_single.txt"


def framing_command() -> list[str]:
    """Return the ``framing`` console script beside this Python, else ``-m``."""
    script = Path(sys.executable).parent / "framing"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "framing"]


def commands() -> list[tuple[str, list[str], int, float | None]]:
    """Return (label, argv, expected exit code, floor in seconds) per command."""
    framing = framing_command()
    return [
        ("python -c pass", [sys.executable, "-c", "pass"], 0, None),
        ("framing --version", [*framing, "--version"], 0, 0.3),
        ("framing --help", [*framing, "--help"], 0, None),
        (
            "framing highlight article_single.txt --format json",
            [*framing, "highlight", str(ARTICLE), "--format", "json"],
            0,
            0.5,
        ),
        (
            "framing score article_single.txt -o x.csv (usage error)",
            [*framing, "score", str(ARTICLE), "-o", "x.csv"],
            2,
            None,
        ),
    ]


def measure(runs: int) -> list[dict[str, object]]:
    """Run every command `runs` times, round-robin; return one row per command."""
    cmds = commands()
    seen: dict[str, list[ChildRun]] = {label: [] for label, *_ in cmds}
    for round_ in range(runs + 1):
        for label, argv, code, _ in cmds:
            run = run_child(argv)
            if run.returncode != code:
                raise SystemExit(
                    f"{label}: exit {run.returncode}, expected {code}\n{run.stderr}"
                )
            if round_:  # round 0 warms the file cache and the .pyc files
                seen[label].append(run)
    base = statistics.median(r.seconds for r in seen["python -c pass"])
    rows: list[dict[str, object]] = []
    for label, _, _, floor in cmds:
        median = statistics.median(r.seconds for r in seen[label])
        verdict = "" if floor is None else ("pass" if median <= floor else "MISSED")
        rows.append(
            {
                "command": label,
                "median s": f"{median:.3f}",
                "fastest s": f"{min(r.seconds for r in seen[label]):.3f}",
                "peak RSS MB": statistics.median(r.rss_mb for r in seen[label]),
                "x python -c pass": median / base,
                "floor s": "" if floor is None else floor,
                "verdict": verdict,
            }
        )
    return rows


def main() -> None:
    """Print the start-up table."""
    import argparse

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5, help="timed runs per command")
    args = p.parse_args()
    rows = measure(args.runs)
    print(f"start-up, median of {args.runs} runs each ({sys.executable})")
    print(table(rows, list(rows[0])))


if __name__ == "__main__":
    main()
