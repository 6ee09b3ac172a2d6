"""The ``framing lexicon`` command: list, show or document the lexicon."""

from __future__ import annotations

from typing import Any

import click

from framing.cli._group import cli
from framing.cli._options import lexicon_option, pass_kwargs, quiet_option
from framing.errors import FramingError


@cli.command()
@click.option("--show", "show", metavar="CATEGORY", help="List this category's terms.")
@click.option(
    "--markdown",
    is_flag=True,
    help="Print the lexicon documentation as Markdown (the source of docs/lexicon.md).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the lexicon as JSON.")
@lexicon_option
@quiet_option
@pass_kwargs
def lexicon(kw: dict[str, Any]) -> None:
    """List the lexicon's categories with term counts and descriptions.

    \b
    Example:
        framing lexicon
        framing lexicon --show delegitimising
        framing lexicon --lexicon my_terms.toml --markdown > docs/lexicon.md
    """
    import json
    import shutil
    import textwrap

    from framing.lexicon.load import load_lexicon
    from framing.lexicon.markdown import render_markdown

    lex = load_lexicon(kw["lexicon_paths"])
    if kw["as_json"]:
        click.echo(json.dumps(lex.to_dict(), indent=2, ensure_ascii=False))
        return
    if kw["markdown"]:
        click.echo(render_markdown(lex), nl=False)
        return
    if kw["show"]:
        cat = lex.categories.get(kw["show"])
        if cat is None:
            raise FramingError(
                f"no category '{kw['show']}'; categories: "
                + ", ".join(lex.category_names)
            )
        click.echo(
            f"{cat.name} ({len(cat.terms)} terms{', loaded' if cat.loaded else ''})"
        )
        click.echo(textwrap.fill(cat.description, 88))
        for ref in cat.references:
            click.echo(f"  ref: {ref}")
        click.echo("")
        click.echo("\n".join(cat.terms))
        return
    click.echo(
        f"{lex.name} v{lex.version}: {lex.n_terms} terms in "
        f"{len(lex.categories)} categories (digest {lex.digest})\n"
    )
    width = max(len(n) for n in lex.category_names)
    room = max(30, shutil.get_terminal_size((120, 20)).columns - width - 9)
    for row in lex.describe():
        flag = "*" if row["loaded"] else " "
        desc = textwrap.shorten(row["description"], room, placeholder=" ...")
        click.echo(f"{row['category']:<{width}} {row['terms']:>4} {flag} {desc}")
    click.echo("\n* loaded-language category.  Terms: framing lexicon --show NAME")
