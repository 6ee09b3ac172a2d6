"""Start-up stays light: the CLI's start, help and usage errors load no heavy stack.

Each check runs in a fresh interpreter (``sys.modules`` of the test process
already holds everything) and prints the heavy modules it finds loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("sklearn", "scipy", "pandas", "matplotlib")

_PROBE = """
import json, sys
{body}
print(json.dumps(sorted(
    m for m in sys.modules if m.partition(".")[0] in {heavy!r}
)))
"""

_INVOKE = """
from framing.cli import cli
try:
    cli.main({args!r}, prog_name="framing", standalone_mode=False)
except BaseException as exc:  # usage errors, SystemExit from --help/--version
    sys.stderr.write(f"{{type(exc).__name__}}: {{exc}}\\n")
"""


def _heavy_loaded(body: str) -> list[str]:
    """Run `body` in a fresh interpreter; return the heavy modules it loaded."""
    code = _PROBE.format(body=body, heavy=set(HEAVY))
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("module", ["framing", "framing.cli"])
def test_import_loads_no_heavy_module(module: str) -> None:
    assert _heavy_loaded(f"import {module}") == []


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--help"],
        ["score", "--help"],
        ["no-such-command"],
        ["features"],
        ["train", "--min-df", "2.5", "x.csv", "-o", "m"],
        ["score", "--jobs", "0", "x.csv"],
    ],
    ids=" ".join,
)
def test_cli_start_help_and_usage_errors_load_no_heavy_module(
    args: list[str],
) -> None:
    assert _heavy_loaded(_INVOKE.format(args=args)) == []


def test_every_command_help_loads_no_heavy_module() -> None:
    from framing.cli import cli

    names = sorted(cli.commands)
    body = "\n".join(_INVOKE.format(args=[name, "--help"]) for name in names)
    assert _heavy_loaded(body) == []


def test_score_usage_errors_load_no_heavy_module(tmp_path) -> None:
    corpus = tmp_path / "news.csv"
    corpus.write_text("text\nhello\n")
    out = str(tmp_path / "out.csv")
    cases = [
        ["score", str(corpus), "-o", out],
        ["score", str(tmp_path), str(corpus), "-o", out, "--by", "outlet"],
        ["score", "--lexicon-only", str(corpus), "-o", out, "-O", out],
        ["score", str(tmp_path), str(corpus), "-o", out, "--lexicon", str(corpus)],
        ["train", str(corpus), "-o", out, "--label-col", "a", "--outlet-labels", out],
    ]
    body = "\n".join(_INVOKE.format(args=args) for args in cases)
    assert _heavy_loaded(body) == []


def test_early_errors_load_no_heavy_module(tmp_path) -> None:
    """A bad output suffix or a missing model fails before pandas or sklearn."""
    corpus = tmp_path / "news.csv"
    corpus.write_text("text\nhello\n")
    bad = str(tmp_path / "out.xyz")
    cases = [
        ["features", str(corpus), "-o", bad],
        ["discover", str(corpus), "-o", bad],
        ["model", "info", str(tmp_path / "no-model")],
    ]
    body = "\n".join(_INVOKE.format(args=args) for args in cases)
    assert _heavy_loaded(body) == []
