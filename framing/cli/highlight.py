"""The ``framing highlight`` command: one article with its framing terms marked.

It imports only what matching needs (no scikit-learn, scipy or pandas): a
text file or stdin is read as it is; only a row of a corpus (``--id``,
``--row``) goes through the corpus reader.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from framing.cli._group import cli
from framing.cli._options import (
    corpus_kwargs,
    corpus_options,
    lexicon_option,
    pass_kwargs,
    quiet_option,
)
from framing.cli._progress import info
from framing.errors import FramingError


def _present(value: Any) -> bool:
    """Whether a corpus cell holds a value (not None, NA or blank)."""
    import pandas as pd

    return value is not None and not pd.isna(value) and str(value).strip() != ""


def _read_one(
    source: str, article_id: str | None, row: int | None, ckw: dict[str, Any]
) -> tuple[str, str]:
    """Return (text, title) for ``highlight``: a text file, stdin or a row."""
    if source == "-":
        try:
            return sys.stdin.read(), "stdin"
        except UnicodeDecodeError as exc:
            raise FramingError(
                f"stdin: not UTF-8 text (byte {exc.start}); convert it first"
            ) from None
    path = Path(source)
    if not path.exists():
        raise FramingError(f"{source}: no such file")
    if article_id is None and row is None:
        return _read_text(source), path.name
    return _read_row(source, article_id, row, ckw)


def _read_text(source: str) -> str:
    """Read a text file as it is: the light path, without the corpus reader."""
    path = Path(source)
    if path.is_dir():
        raise FramingError(f"{source}: is a folder; give a file, or --id")
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FramingError(
            f"{source}: not UTF-8 text (byte {exc.start}); convert it first"
        ) from None


def _read_row(
    source: str, article_id: str | None, row: int | None, ckw: dict[str, Any]
) -> tuple[str, str]:
    """Return (text, title) of one corpus row, by id or 1-based number."""
    from framing.corpus.read import read_corpus

    path = Path(source)
    df = read_corpus(path, **{**ckw, "clean": False})
    if article_id is not None:
        hit = df[df["id"].astype(str) == article_id]
        if hit.empty:
            raise FramingError(f"{source}: no article with id '{article_id}'")
        rec = hit.iloc[0]
    else:
        if not 1 <= row <= len(df):
            raise FramingError(f"{source}: --row must be 1..{len(df)}, got {row}")
        rec = df.iloc[row - 1]
    text = rec["text"] if isinstance(rec["text"], str) else ""
    title = next(
        (str(v) for v in (rec.get("title"), rec.get("id")) if _present(v)),
        path.name,
    )
    return text, title


@cli.command()
@click.argument("source", metavar="FILE|-")
@click.option(
    "--format",
    "fmt_out",
    type=click.Choice(["terminal", "html", "json"]),
    default="terminal",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout.",
)
@click.option("--id", "article_id", help="FILE is a corpus: highlight this id.")
@click.option("--row", type=int, help="FILE is a corpus: highlight this row (1-based).")
@click.option(
    "--color/--no-color",
    default=None,
    help="Force colours on or off (default: on for a terminal).",
)
@corpus_options(clean_default=False)
@lexicon_option
@quiet_option
@pass_kwargs
def highlight(kw: dict[str, Any]) -> None:
    """Show an article with its framing terms marked by category and voice.

    Terminal output colours matches by category and underlines those inside
    quotations; --format html writes a self-contained page; --format json
    lists the matches with offsets into the text exactly as read (with
    --clean, into the cleaned text, which the JSON then includes).

    \b
    Example:
        framing highlight data/demo/article_single.txt
        framing highlight data/demo/articles.jsonl --id mw-004 --format html -o a.html
        cat article.txt | framing highlight - --format json
    """
    from framing.corpus.clean import clean_text
    from framing.lexicon.load import load_lexicon
    from framing.matching.highlight import highlight_page, render_ansi, render_json
    from framing.matching.matcher import compile_matcher

    ckw = corpus_kwargs(kw)
    clean = ckw["clean"]
    text, title = _read_one(kw["source"], kw["article_id"], kw["row"], ckw)
    if clean:
        text = clean_text(text)
    lexicon = load_lexicon(kw["lexicon_paths"])
    matches = compile_matcher(lexicon).find(text)
    if kw["fmt_out"] == "json":
        out = render_json(matches, text=text if clean else None) + "\n"
    elif kw["fmt_out"] == "html":
        out = highlight_page(text, matches, lexicon, title=title)
    else:
        out = render_ansi(text, matches, list(lexicon.category_names))
    if kw["output"]:
        from framing.tables import atomic_write_text

        atomic_write_text(kw["output"], out)
        info(f"{len(matches)} matches -> {kw['output']}", quiet=kw["quiet"])
    else:
        color = kw["color"]
        click.echo(out, nl=False, color=color)
