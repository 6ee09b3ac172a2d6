"""The ``framing discover`` command: distinguishing terms per outlet or group.

A shell over :mod:`framing.discovery.terms`: group the corpus, count the
terms once, rank them (and, with --suggest-lexicon, rank them again without
the lexicon's terms).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from framing.cli._group import cli
from framing.cli._options import (
    corpus_kwargs,
    corpus_options,
    jobs_option,
    lexicon_option,
    pass_kwargs,
    quiet_option,
)
from framing.cli._progress import info

if TYPE_CHECKING:
    from framing.discovery.collocation import PhraseMeasure
    from framing.discovery.counts import TermCounts
    from framing.lexicon.lexicon import Lexicon


@cli.command()
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--by",
    default="outlet",
    show_default=True,
    metavar="outlet|COLUMN",
    help="Group articles by this column (a label such as bias), or name "
    "the group column of --group-labels.",
)
@click.option(
    "--group-labels",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV mapping outlet -> group (e.g. data/outlets.csv with columns "
    "outlet,alignment); --by names the group column.",
)
@click.option(
    "--vs",
    nargs=2,
    metavar="GROUP_A GROUP_B",
    help="Compare two groups (both directions) instead of each group with the rest.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Output table: .csv, .tsv, .jsonl or .parquet.",
)
@click.option(
    "--ngram-max",
    type=click.IntRange(1, 2),
    default=2,
    show_default=True,
    help="Longest term in words (1: words only; 2: words and phrases).",
)
@click.option(
    "--min-count",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Keep terms seen at least this often in the whole corpus.",
)
@click.option(
    "--prior-scale",
    type=click.FloatRange(min=0, min_open=True),
    default=0.1,
    show_default=True,
    help="Strength of the corpus-wide Dirichlet prior: pseudo-counts per "
    "corpus occurrence (1 = as strong as the data).",
)
@click.option(
    "--top-per-group",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Rows written per group (highest z first).",
)
@click.option(
    "--min-outlets",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="List a term for a group only if at least this many of the "
    "group's outlets use it (keeps one outlet's house style, such as "
    "photo captions, out of a --by bias list).",
)
@click.option(
    "--max-outlet-share",
    type=click.FloatRange(0, 1, min_open=True),
    default=1.0,
    show_default=True,
    help="List a term for a group only if no single outlet accounts for "
    "more than this share of its uses in the group (e.g. 0.5).",
)
@click.option(
    "--keep-stop-words",
    is_flag=True,
    help="Keep stop-word unigrams and stop-word-only bigrams (of the).",
)
@click.option(
    "--phrases",
    type=click.Choice(["likelihood-ratio", "pmi", "all"]),
    default="likelihood-ratio",
    show_default=True,
    help="Which bigrams count as phrases: collocations by Dunning's "
    "log-likelihood ratio (G2 > 10.83), by PMI (> 3 bits), or all.",
)
@click.option(
    "--voice",
    type=click.Choice(["all", "author"]),
    default="all",
    show_default=True,
    help="author: count only the outlet's own words (quotations left out).",
)
@click.option(
    "--strip-boilerplate/--keep-boilerplate",
    default=True,
    show_default=True,
    help="Remove photo credits and lines that recur across an outlet's "
    "articles first (bylines, footers), so that they do not pass for framing.",
)
@click.option(
    "--suggest-lexicon",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the strongest terms not yet in the lexicon as a TOML "
    "category skeleton for review (never edits the lexicon).",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Terms per group in --suggest-lexicon.",
)
@corpus_options()
@lexicon_option
@jobs_option
@quiet_option
@pass_kwargs
def discover(kw: dict[str, Any]) -> None:
    """Find the words and phrases that set outlets or groups apart.

    Scores every term of each group against the rest of the corpus (or, with
    --vs, group A against group B) with the log-odds ratio with an
    informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin'
    Words"). Writes term, group, versus, z, counts and rates per 1,000 tokens
    in the group and the rest, and whether the lexicon already has the term
    (and in which category). z > 1.96 is the usual 5% level; with thousands
    of terms, read the top of each list, not single z-values.

    \b
    Example:
        framing discover news.jsonl --by outlet -o terms.csv
        framing discover news.jsonl --by bias --vs left right -o terms.csv
        framing discover news.jsonl --by bias --max-outlet-share 0.5 -o terms.csv
        framing discover data/demo/articles.jsonl --by alignment \\
            --group-labels data/outlets.csv --min-count 3 -o terms.csv \\
            --suggest-lexicon candidates.toml --top 50
    """
    from framing.tables import table_format, write_table

    quiet, vs = kw["quiet"], tuple(kw["vs"]) if kw["vs"] else None
    table_format(kw["output"])  # fail on a bad suffix before anything heavy loads

    from framing.corpus.read import read_corpus
    from framing.discovery.logodds import score_terms
    from framing.discovery.terms import count_group_terms, group_corpus
    from framing.lexicon.load import load_lexicon

    lexicon = load_lexicon(kw["lexicon_paths"])
    by, labels = _grouping(kw["by"], kw["group_labels"])
    grouped = group_corpus(
        read_corpus(kw["corpus"], **corpus_kwargs(kw)),
        by=by,
        vs=vs,
        group_labels=labels,
        strip_boilerplate=kw["strip_boilerplate"],
    )
    info(
        f"{len(grouped.corpus):,} articles in {grouped.groups.nunique()} groups "
        f"by {by} ({grouped.left_out:,} without a group left out); counting terms",
        quiet=quiet,
    )
    counts = count_group_terms(
        grouped,
        ngram_range=(1, kw["ngram_max"]),
        min_count=kw["min_count"],
        stop_words=not kw["keep_stop_words"],
        phrase_measure=_PHRASES[kw["phrases"]],
        voice=kw["voice"],
        n_jobs=kw["jobs"],
    )
    rank = functools.partial(
        score_terms,
        counts,
        vs=vs,
        prior_scale=kw["prior_scale"],
        lexicon=lexicon,
        min_outlets=kw["min_outlets"],
        max_outlet_share=kw["max_outlet_share"],
    )
    terms = rank(top_per_group=kw["top_per_group"])
    write_table(terms, kw["output"])
    _summarise(counts, terms, kw["output"], quiet=quiet)
    if kw["suggest_lexicon"]:
        novel = rank(top_per_group=kw["top"], exclude_lexicon=True)
        _write_candidates(novel, kw, by=by, lexicon=lexicon)


#: --phrases choices -> count_terms(phrase_measure=...).
_PHRASES: dict[str, PhraseMeasure | None] = {
    "likelihood-ratio": "likelihood_ratio",
    "pmi": "pmi",
    "all": None,
}


def _grouping(by: str, group_labels: Path | None) -> tuple[str, dict[str, str] | None]:
    """Return the grouping's name and, with --group-labels, outlet -> group."""
    if not group_labels:
        return by, None
    from framing.corpus.labels import read_outlet_labels

    labels, name = read_outlet_labels(
        group_labels, None if by == "outlet" else by, option="--by"
    )
    return name, labels


def _summarise(counts: TermCounts, terms: Any, output: Path, *, quiet: bool) -> None:
    """Print the vocabulary size and each group's ten strongest terms."""
    n_uni = int((counts.ngram == 1).sum())
    info(
        f"{len(counts.terms):,} terms scored ({n_uni:,} words, "
        f"{len(counts.terms) - n_uni:,} phrases); {len(terms):,} rows -> "
        f"{output}",
        quiet=quiet,
    )
    if not quiet:
        for group, rows in terms.groupby("group", sort=False):
            top = ", ".join(rows["term"].head(10))
            click.echo(f"  {group} vs {rows['versus'].iloc[0]}: {top}", err=True)


def _write_candidates(
    novel: Any, kw: dict[str, Any], *, by: str, lexicon: Lexicon
) -> None:
    """Write the strongest terms not in the lexicon as a TOML skeleton."""
    from framing.discovery.candidates import suggest_lexicon
    from framing.tables import atomic_write_text

    novel.attrs = {"discover": {"by": by}}
    text = suggest_lexicon(
        novel, top=kw["top"], lexicon=lexicon, source=str(kw["corpus"])
    )
    atomic_write_text(kw["suggest_lexicon"], text)
    n = sum(1 for line in text.splitlines() if line.startswith('    "'))
    info(
        f"{n} candidate terms -> {kw['suggest_lexicon']} (review before use)",
        quiet=kw["quiet"],
    )
