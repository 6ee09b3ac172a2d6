"""Commands that extract framing features: features, highlight, lexicon."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from framing.cli._options import (
    chunksize_option,
    cli,
    corpus_kwargs,
    corpus_options,
    info,
    iter_progress,
    jobs_option,
    lexicon_option,
    pass_kwargs,
    quiet_option,
)
from framing.errors import FramingError
from framing.lexicon.load import load_lexicon


@cli.command()
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Output table: .csv, .tsv, .jsonl or .parquet.",
)
@corpus_options()
@lexicon_option
@click.option(
    "--strip-boilerplate",
    is_flag=True,
    help="Remove photo credits and lines that recur across an outlet's "
    "articles (reads the whole corpus into memory first).",
)
@click.option(
    "--no-voice",
    is_flag=True,
    help="Pool author and quoted voice into one rate per category.",
)
@chunksize_option
@jobs_option
@quiet_option
@pass_kwargs
def features(kw: dict[str, Any]) -> None:
    """Per-article framing-category rates per 1,000 tokens, by voice.

    One output row per input row, in input order, with a status column
    (ok / empty). Rates are NaN for empty articles.

    \b
    Example:
        framing features data/demo/articles.jsonl -o features.csv
        framing features news.csv --text-col body -o features.parquet
    """
    from framing.corpus.read import iter_corpus, read_corpus
    from framing.features.transformer import FramingFeatures, features_frame
    from framing.tables import TableWriter, table_format

    corpus, output, quiet = kw["corpus"], kw["output"], kw["quiet"]
    table_format(output)  # fail on a bad suffix before reading the corpus
    ckw = corpus_kwargs(kw)
    ff = FramingFeatures(
        lexicon=list(kw["lexicon_paths"]) or None,
        voice=not kw["no_voice"],
        n_jobs=kw["jobs"],
    ).fit([])
    if kw["strip_boilerplate"]:
        from framing.corpus.boilerplate import strip_boilerplate

        whole = strip_boilerplate(read_corpus(corpus, **ckw))
        step = kw["chunksize"]
        chunks: Any = (whole.iloc[i : i + step] for i in range(0, len(whole), step))
    else:
        chunks = iter_corpus(corpus, chunksize=kw["chunksize"], **ckw)
    n = empty = 0
    with TableWriter(output) as writer:
        for chunk in iter_progress(chunks, "features", quiet=quiet):
            table = features_frame(chunk, ff)
            writer.write(table)
            n += len(table)
            empty += int((table["status"] != "ok").sum())
    info(f"{n:,} rows ({empty:,} empty) -> {output}", quiet=quiet)


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
        if path.is_dir():
            raise FramingError(f"{source}: is a folder; give a file, or --id")
        try:
            return path.read_bytes().decode("utf-8"), path.name
        except UnicodeDecodeError as exc:
            raise FramingError(
                f"{source}: not UTF-8 text (byte {exc.start}); convert it first"
            ) from None
    from framing.corpus.read import read_corpus

    ckw = {**ckw, "clean": False}
    df = read_corpus(path, **ckw)
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
    from framing.matching.highlight import render_ansi, render_html, render_json
    from framing.matching.matcher import compile_matcher
    from framing.quotes.voice import find_quotes

    ckw = corpus_kwargs(kw)
    clean = ckw["clean"]
    text, title = _read_one(kw["source"], kw["article_id"], kw["row"], ckw)
    if clean:
        text = clean_text(text)
    lexicon = load_lexicon(kw["lexicon_paths"])
    matches = compile_matcher(lexicon).find(text)
    cats = list(lexicon.category_names)
    if kw["fmt_out"] == "json":
        out = render_json(matches, text=text if clean else None) + "\n"
    elif kw["fmt_out"] == "html":
        out = render_html(
            text,
            matches,
            cats,
            quotes=find_quotes(text),
            title=title,
            descriptions={n: c.description for n, c in lexicon.categories.items()},
        )
    else:
        out = render_ansi(text, matches, cats)
    if kw["output"]:
        from framing.tables import atomic_write_text

        atomic_write_text(kw["output"], out)
        info(f"{len(matches)} matches -> {kw['output']}", quiet=kw["quiet"])
    else:
        color = kw["color"]
        click.echo(out, nl=False, color=color)


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

    lex = load_lexicon(kw["lexicon_paths"])
    if kw["as_json"]:
        click.echo(json.dumps(lex.to_dict(), indent=2, ensure_ascii=False))
        return
    if kw["markdown"]:
        click.echo(lex.to_markdown(), nl=False)
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
