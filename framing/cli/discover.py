"""The ``framing discover`` command: distinguishing terms per outlet or group."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from framing.cli._options import (
    cli,
    corpus_kwargs,
    corpus_options,
    info,
    jobs_option,
    lexicon_option,
    pass_kwargs,
    quiet_option,
)


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
    from framing.corpus.labels import read_outlet_labels
    from framing.corpus.read import read_corpus
    from framing.discovery.candidates import suggest_lexicon
    from framing.discovery.counts import count_terms
    from framing.discovery.logodds import score_terms
    from framing.discovery.terms import assign_groups
    from framing.lexicon.load import load_lexicon
    from framing.tables import atomic_write_text, table_format, write_table

    quiet, by, vs = kw["quiet"], kw["by"], tuple(kw["vs"]) if kw["vs"] else None
    table_format(kw["output"])  # fail on a bad suffix before the long part
    lexicon = load_lexicon(kw["lexicon_paths"])
    labels = None
    if kw["group_labels"]:
        labels, name = read_outlet_labels(
            kw["group_labels"], None if by == "outlet" else by, option="--by"
        )
        by = name
    corpus = read_corpus(kw["corpus"], **corpus_kwargs(kw))
    groups = assign_groups(corpus, by=by, vs=vs, group_labels=labels)
    left_out = len(corpus) - len(groups)
    corpus = corpus.loc[groups.index]
    if kw["strip_boilerplate"]:
        from framing.corpus.boilerplate import find_and_strip

        corpus, _ = find_and_strip(corpus)
    info(
        f"{len(corpus):,} articles in {groups.nunique()} groups by {by} "
        f"({left_out:,} without a group left out); counting terms",
        quiet=quiet,
    )
    phrases = {"likelihood-ratio": "likelihood_ratio", "pmi": "pmi", "all": None}
    counts = count_terms(
        corpus["text"].tolist(),
        groups.tolist(),
        outlets=corpus["outlet"].tolist(),
        ngram_range=(1, kw["ngram_max"]),
        min_count=kw["min_count"],
        stop_words=not kw["keep_stop_words"],
        phrase_measure=phrases[kw["phrases"]],
        voice=kw["voice"],
        n_jobs=kw["jobs"],
    )
    terms = score_terms(
        counts,
        vs=vs,
        prior_scale=kw["prior_scale"],
        top_per_group=kw["top_per_group"],
        lexicon=lexicon,
        min_outlets=kw["min_outlets"],
        max_outlet_share=kw["max_outlet_share"],
    )
    write_table(terms, kw["output"])
    n_uni = int((counts.ngram == 1).sum())
    info(
        f"{len(counts.terms):,} terms scored ({n_uni:,} words, "
        f"{len(counts.terms) - n_uni:,} phrases); {len(terms):,} rows -> "
        f"{kw['output']}",
        quiet=quiet,
    )
    if not quiet:
        for group, rows in terms.groupby("group", sort=False):
            top = ", ".join(rows["term"].head(10))
            click.echo(f"  {group} vs {rows['versus'].iloc[0]}: {top}", err=True)
    if kw["suggest_lexicon"]:
        novel = score_terms(
            counts,
            vs=vs,
            prior_scale=kw["prior_scale"],
            top_per_group=kw["top"],
            lexicon=lexicon,
            exclude_lexicon=True,
            min_outlets=kw["min_outlets"],
            max_outlet_share=kw["max_outlet_share"],
        )
        novel.attrs = {"discover": {"by": by}}
        text = suggest_lexicon(
            novel, top=kw["top"], lexicon=lexicon, source=str(kw["corpus"])
        )
        atomic_write_text(kw["suggest_lexicon"], text)
        n = sum(1 for line in text.splitlines() if line.startswith('    "'))
        info(
            f"{n} candidate terms -> {kw['suggest_lexicon']} (review before use)",
            quiet=quiet,
        )
