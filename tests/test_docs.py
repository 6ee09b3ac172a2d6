"""Documentation stays in sync with the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli._group import cli
from framing.lexicon.load import load_lexicon
from framing.lexicon.markdown import render_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_lexicon_markdown_is_in_sync():
    committed = (ROOT / "docs" / "lexicon.md").read_text(encoding="utf-8")
    assert committed == render_markdown(load_lexicon()), (
        "docs/lexicon.md is stale: run `framing lexicon --markdown > docs/lexicon.md`"
    )


def _commands(group, prefix=()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize(
    "path", [p for p, _ in _commands(cli)], ids=lambda p: " ".join(p)
)
def test_every_command_has_help_and_an_example(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    command = dict(_commands(cli))[path]
    assert (command.help or "").strip(), f"{' '.join(path)} has no help text"
    assert "Example" in command.help, f"{' '.join(path)} has no example"
    assert re.search(r"framing \w+", command.help)


def test_readme_keeps_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Set up and run", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^make \w+", block, flags=re.M)
    assert commands == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
