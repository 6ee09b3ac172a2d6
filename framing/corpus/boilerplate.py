"""Find and strip boilerplate: lines recurring across an outlet, photo credits.

Outlet style is easy to memorise: a byline, a footer or a "follow us" line
that appears in a third of an outlet's articles tells a classifier which
outlet it is reading, not how the article frames events. These functions find
such lines per outlet and remove them before training. Photo credits such as
"(Kevin Lamarque/Reuters)" at the end of a caption are boilerplate of another
kind: each is different, but they name photographers and agencies, and an
outlet that captions wire photos would teach a model that "Reuters" is its
label. They are removed wherever they occur.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from framing.columns import OUTLET, TEXT
from framing.corpus.clean import join_lines
from framing.corpus.read import (
    iter_corpus,
    read_corpus,
    warn_unparsed_dates,
)
from framing.errors import CorpusFormatError, ParameterError

__all__ = [
    "CREDIT",
    "apply_boilerplate",
    "find_and_strip",
    "find_boilerplate",
    "find_boilerplate_in_chunks",
    "iter_stripped_corpus",
    "normalize_line",
    "remove_credits",
    "strip_boilerplate",
    "strip_credits",
]

#: The boilerplate lines of each outlet: outlet -> normalised lines.
Boilerplate = Mapping[Any, Iterable[str]]

#: A photo credit closing a line. Two forms:
#:
#: - "(Name/Agency)", "(Photo by Name/Agency via Getty Images)", "(Court
#:   sketch: Name/Agency)", alone on its line or after a caption's final
#:   punctuation: one to three slashes, no digits (so "(Republican up 50-44 in
#:   CNN/ORC poll)" is kept), a capital first letter (so "(and/or)" is kept)
#:   and no sentence punctuation before the closing bracket (so "(Yes/no
#:   questions were not allowed.)" is kept);
#: - "(Photo: Name, Agency)", "(Image credit: Getty Images)", anywhere at the
#:   end of a line.
CREDIT = re.compile(
    r"(?:"
    r"(?:^|(?<=[.!?\"\u201d\u2019']))[ \t]*\("
    r"(?i:(?:photos?|images?|video|illustration|court sketch)(?: by)?:?[ \t]*)?"
    r"[A-Z\u00c0-\u00d6\u00d8-\u00de][^()\n\d/:]{0,50}"
    r"(?:/[^()\n\d/:]{1,50}){1,3}(?<![.!?])\)"
    r"|[ \t]*\((?i:(?:photo|image)s?(?: credit)?|credit):[ \t]*[^()\n]{1,80}\)"
    r")[ \t]*(?=\r?$)",
    re.MULTILINE,
)


def normalize_line(line: str) -> str:
    r"""Normalise a line for comparison: collapse whitespace and case-fold.

    Parameters
    ----------
    line : str
        One line of text.

    Returns
    -------
    str
        The normalised line.

    Examples
    --------
    >>> normalize_line("  Follow  us on\tTelegram ")
    'follow us on telegram'
    """
    return " ".join(line.split()).casefold()


def find_boilerplate(
    df: pd.DataFrame,
    *,
    outlet_col: str = OUTLET,
    text_col: str = TEXT,
    min_share: float = 0.3,
    min_articles: int = 5,
    min_chars: int = 3,
) -> dict[Any, set[str]]:
    r"""Find normalised lines that recur in many of one outlet's articles.

    One pass over the texts: each article contributes the set of its
    normalised lines to its outlet's counter, so a line repeated inside one
    article counts once.

    Parameters
    ----------
    df : pandas.DataFrame
        The corpus.
    outlet_col, text_col : str, default="outlet", "text"
        Columns holding the outlet and the text. Rows without an outlet are
        ignored; missing text counts as an article with no lines.
    min_share : float, default=0.3
        A line is boilerplate when it occurs in at least this share of the
        outlet's articles (and in at least two of them).
    min_articles : int, default=5
        Outlets with fewer articles are skipped.
    min_chars : int, default=3
        Normalised lines shorter than this (empty lines, ``"*"``, ``"--"``)
        are never boilerplate.

    Returns
    -------
    dict
        Outlet -> set of normalised lines (see :func:`normalize_line`);
        outlets without boilerplate are left out.

    Raises
    ------
    CorpusFormatError
        If a column is missing.
    ParameterError
        If `min_share` is not in (0, 1] (a ``ValueError``).

    Examples
    --------
    >>> df = pd.DataFrame({
    ...     "outlet": ["A"] * 5 + ["B"] * 2,
    ...     "text": [f"Story {i}.\nFollow  us on X" for i in range(7)]})
    >>> find_boilerplate(df)
    {'A': {'follow us on x'}}
    """
    _check(df, outlet_col, text_col, min_share)
    lines = _LineCounts(min_chars)
    lines.add(df, outlet_col, text_col)
    return lines.boilerplate(min_share, min_articles)


def find_boilerplate_in_chunks(
    chunks: Iterable[pd.DataFrame],
    *,
    credits: bool = True,
    outlet_col: str = OUTLET,
    text_col: str = TEXT,
    min_share: float = 0.3,
    min_articles: int = 5,
    min_chars: int = 3,
) -> dict[Any, set[str]]:
    r"""Find each outlet's boilerplate lines in a corpus read chunk by chunk.

    The same lines :func:`find_and_strip` finds on the whole corpus, with
    memory bounded by a chunk: feed the result to :func:`apply_boilerplate`
    in a second pass over the chunks.

    Parameters
    ----------
    chunks : iterable of pandas.DataFrame
        The corpus, e.g. :func:`framing.corpus.read.iter_corpus`.
    credits : bool, default=True
        Count the lines as they are once photo credits are removed, as
        :func:`find_and_strip` does.
    outlet_col, text_col, min_share, min_articles, min_chars
        See :func:`find_boilerplate`.

    Returns
    -------
    dict
        Outlet -> set of normalised lines, as :func:`find_boilerplate`.

    Raises
    ------
    CorpusFormatError
        If a column is missing.
    ParameterError
        If `min_share` is not in (0, 1].

    Examples
    --------
    >>> df = pd.DataFrame({
    ...     "outlet": ["A"] * 5,
    ...     "text": [f"Story {i}. (Jo Doe/AP)\nFollow us" for i in range(5)]})
    >>> find_boilerplate_in_chunks([df.iloc[:2], df.iloc[2:]])
    {'A': {'follow us'}}
    """
    _check_share(min_share)
    lines = _LineCounts(min_chars)
    for chunk in chunks:
        _require_columns(chunk, {outlet_col: _COLUMNS, text_col: _COLUMNS})
        if credits:
            chunk = strip_credits(chunk, text_col=text_col)
        lines.add(chunk, outlet_col, text_col)
    return lines.boilerplate(min_share, min_articles)


def strip_boilerplate(
    df: pd.DataFrame,
    *,
    outlet_col: str = OUTLET,
    text_col: str = TEXT,
    min_share: float = 0.3,
    min_articles: int = 5,
    min_chars: int = 3,
    boilerplate: Mapping[Any, Iterable[str]] | None = None,
    credits: bool = True,
) -> pd.DataFrame:
    r"""Remove each outlet's boilerplate lines, and photo credits, from its texts.

    Parameters
    ----------
    df : pandas.DataFrame
        The corpus; it is not modified.
    outlet_col, text_col, min_share, min_articles, min_chars
        See :func:`find_boilerplate`.
    boilerplate : mapping, optional
        Outlet -> normalised lines to remove, e.g. found on a training corpus
        and applied to new articles chunk by chunk. Default: found on `df`.
    credits : bool, default=True
        Remove photo credits first (:func:`strip_credits`), from every row.

    Returns
    -------
    pandas.DataFrame
        A copy with the lines removed (blank-line runs left behind collapse
        to one, leading and trailing blank lines go). All rows are kept, in
        order. ``attrs["boilerplate"]`` maps each outlet to the number of
        lines removed from its articles (absent when no row has an outlet or
        `boilerplate` is empty); ``attrs["credits"]`` counts the photo
        credits removed (when `credits`).

    See Also
    --------
    find_and_strip : The same, returning the lines found.
    apply_boilerplate : Strip known lines from one chunk.

    Raises
    ------
    CorpusFormatError
        If a column is missing.
    ParameterError
        If `min_share` is not in (0, 1] (a ``ValueError``).

    Examples
    --------
    >>> df = pd.DataFrame({
    ...     "outlet": ["A"] * 5,
    ...     "text": [f"Story {i}.\n\nShare this article" for i in range(5)]})
    >>> out = strip_boilerplate(df)
    >>> out.loc[0, "text"], out.attrs["boilerplate"]
    ('Story 0.', {'A': 5})
    """
    _check(df, outlet_col, text_col, min_share)
    if boilerplate is not None:
        return apply_boilerplate(
            df,
            boilerplate,
            credits=credits,
            outlet_col=outlet_col,
            text_col=text_col,
            min_chars=min_chars,
        )
    stripped, _ = find_and_strip(
        df,
        credits=credits,
        outlet_col=outlet_col,
        text_col=text_col,
        min_share=min_share,
        min_articles=min_articles,
        min_chars=min_chars,
    )
    return stripped


def find_and_strip(
    df: pd.DataFrame,
    *,
    credits: bool = True,
    outlet_col: str = OUTLET,
    text_col: str = TEXT,
    min_share: float = 0.3,
    min_articles: int = 5,
    min_chars: int = 3,
) -> tuple[pd.DataFrame, dict[Any, set[str]]]:
    r"""Strip photo credits, then find each outlet's boilerplate lines and strip them.

    What training, evaluation and discovery do to a corpus before they count
    anything: credits first (the lines are found without them), then the
    lines that recur across an outlet's articles. The line step is skipped
    when the corpus has no outlet column or no row with an outlet.

    Parameters
    ----------
    df : pandas.DataFrame
        The corpus; it is not modified.
    credits : bool, default=True
        Remove photo credits first (:func:`strip_credits`).
    outlet_col, text_col, min_share, min_articles, min_chars
        See :func:`find_boilerplate`.

    Returns
    -------
    stripped : pandas.DataFrame
        A copy, all rows in order; ``attrs["credits"]`` counts the credits
        removed (with `credits`) and ``attrs["boilerplate"]`` the lines
        removed per outlet (when the line step ran).
    found : dict
        Outlet -> normalised lines found (:func:`find_boilerplate`): pass it
        to :func:`apply_boilerplate` to strip new articles the same way.

    Raises
    ------
    CorpusFormatError
        If `text_col` is missing.
    ParameterError
        If `min_share` is not in (0, 1].

    Examples
    --------
    >>> df = pd.DataFrame({
    ...     "outlet": ["A"] * 5,
    ...     "text": [f"Story {i}. (Jo Doe/AP)\nShare this" for i in range(5)]})
    >>> out, found = find_and_strip(df)
    >>> out.loc[0, "text"], found, out.attrs["credits"]
    ('Story 0.', {'A': {'share this'}}, 5)
    """
    _check_share(min_share)
    _require_columns(df, {text_col: "`text_col`"})
    if credits:
        df = strip_credits(df, text_col=text_col)
    if outlet_col not in df.columns or not df[outlet_col].notna().any():
        return df, {}
    found = find_boilerplate(
        df,
        outlet_col=outlet_col,
        text_col=text_col,
        min_share=min_share,
        min_articles=min_articles,
        min_chars=min_chars,
    )
    return _strip_lines(df, found, outlet_col, text_col, min_chars), found


def iter_stripped_corpus(
    path: str | Path, *, chunksize: int = 10_000, **options: Any
) -> Iterator[pd.DataFrame]:
    r"""Read a corpus in chunks without photo credits and boilerplate lines.

    Two passes over the file: the first finds each outlet's boilerplate lines
    (:func:`find_boilerplate_in_chunks`), the second strips them chunk by
    chunk (:func:`apply_boilerplate`). The texts are those
    :func:`strip_boilerplate` gives on the whole corpus, with memory bounded
    by a chunk. An input that cannot be read twice (a pipe such as
    ``/dev/stdin``) is read once, whole.

    Parameters
    ----------
    path : str or Path
        The corpus.
    chunksize : int, default=10000
        Maximum rows per chunk.
    **options
        Reading options of :func:`~framing.corpus.read.iter_corpus`.

    Yields
    ------
    pandas.DataFrame
        Chunks of the canonical frame, stripped.

    Examples
    --------
    >>> import tempfile, pathlib, json
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl"
    >>> rows = [{"outlet": "A", "text": f"Story {i}.\nShare this"} for i in range(5)]
    >>> _ = tmp.write_text("\n".join(json.dumps(r) for r in rows))
    >>> [c["text"].tolist() for c in iter_stripped_corpus(tmp, chunksize=3)]
    [['Story 0.', 'Story 1.', 'Story 2.'], ['Story 3.', 'Story 4.']]
    """
    path = Path(path)
    if not (path.is_file() or path.is_dir()):
        whole = strip_boilerplate(read_corpus(path, **options))
        for start in range(0, len(whole), chunksize):
            yield whole.iloc[start : start + chunksize]
        return
    found = find_boilerplate_in_chunks(
        iter_corpus(path, chunksize=chunksize, **options)
    )
    unparsed = 0
    for chunk in iter_corpus(path, chunksize=chunksize, **options):
        unparsed += chunk.attrs["corpus"]["unparsed_dates"]
        yield apply_boilerplate(chunk, found)
    warn_unparsed_dates(path, unparsed)


def apply_boilerplate(
    chunk: pd.DataFrame,
    boilerplate: Boilerplate | None,
    *,
    credits: bool = True,
    outlet_col: str = OUTLET,
    text_col: str = TEXT,
    min_chars: int = 3,
) -> pd.DataFrame:
    r"""Strip photo credits and known boilerplate lines from a chunk of articles.

    The per-chunk step of scoring and of streamed stripping: the lines were
    found before (:func:`find_and_strip` in training,
    :func:`find_boilerplate_in_chunks`), so each chunk is stripped alone.

    Parameters
    ----------
    chunk : pandas.DataFrame
        Articles; not modified.
    boilerplate : mapping or None
        Outlet -> normalised lines to remove from that outlet's articles.
        None or empty: remove credits only.
    credits : bool, default=True
        Remove photo credits first; skipped when there is no `text_col`.
    outlet_col, text_col, min_chars
        See :func:`find_boilerplate`; the line step is skipped when there is
        no `outlet_col`.

    Returns
    -------
    pandas.DataFrame
        The chunk, stripped (a copy when anything was done); attrs as
        :func:`strip_boilerplate`.

    Examples
    --------
    >>> chunk = pd.DataFrame({"outlet": ["A", "B"],
    ...                       "text": ["News.\nShare this", "News. (Jo Doe/AP)"]})
    >>> apply_boilerplate(chunk, {"A": {"share this"}})["text"].tolist()
    ['News.', 'News.']
    """
    if credits and text_col in chunk.columns:
        chunk = strip_credits(chunk, text_col=text_col)
    if not boilerplate or outlet_col not in chunk.columns:
        return chunk
    return _strip_lines(chunk, boilerplate, outlet_col, text_col, min_chars)


def _strip_lines(
    df: pd.DataFrame,
    boilerplate: Boilerplate,
    outlet_col: str,
    text_col: str,
    min_chars: int,
) -> pd.DataFrame:
    """Remove each outlet's boilerplate lines from its texts; count them in attrs."""
    _require_columns(df, {outlet_col: _COLUMNS, text_col: _COLUMNS})
    lookup = {
        outlet: frozenset(map(normalize_line, lines))
        for outlet, lines in boilerplate.items()
    }
    removed: Counter[Any] = Counter()
    texts = []
    for outlet, text in zip(df[outlet_col], df[text_col], strict=True):
        lines = lookup.get(outlet) if _present(outlet) else None
        if not lines or not isinstance(text, str):
            texts.append(text)
            continue
        kept = [
            line
            for line in text.split("\n")
            if len(key := normalize_line(line)) < min_chars or key not in lines
        ]
        n_removed = text.count("\n") + 1 - len(kept)
        if n_removed:
            removed[outlet] += n_removed
            text = join_lines(kept)
        texts.append(text)
    out = df.copy()
    out[text_col] = pd.Series(texts, index=df.index, dtype=_text_dtype(df[text_col]))
    out.attrs = {**df.attrs, "boilerplate": dict(removed)}
    return out


def remove_credits(text: str) -> tuple[str, int]:
    r"""Remove photo credits (:data:`CREDIT`) from one text.

    Parameters
    ----------
    text : str
        An article.

    Returns
    -------
    text : str
        The text without its credits; a line left empty by a removal goes
        (blank-line runs collapse to one).
    n : int
        Credits removed.

    Examples
    --------
    >>> remove_credits("Talks in the Oval Office. (Kevin Lamarque/Reuters)\nText.")
    ('Talks in the Oval Office.\nText.', 1)
    >>> remove_credits("(Dado Ruvic/Reuters)\n\nThe vote (and/or) was close.")
    ('The vote (and/or) was close.', 1)
    """
    if ")" not in text or ("/" not in text and ":" not in text):
        return text, 0
    kept: list[str] = []
    total = 0
    for line in text.split("\n"):
        # Only lines closing with a bracket can end in a credit (cheap test).
        if line.rstrip(" \t\r").endswith(")"):
            new, n = CREDIT.subn("", line)
            if n:
                total += n
                if not new.strip():
                    continue  # the line was only a credit
                line = new
        kept.append(line)
    return (join_lines(kept), total) if total else (text, 0)


def strip_credits(df: pd.DataFrame, *, text_col: str = TEXT) -> pd.DataFrame:
    r"""Remove photo credits (:func:`remove_credits`) from every article.

    Parameters
    ----------
    df : pandas.DataFrame
        The corpus; it is not modified. No outlet column is needed.
    text_col : str, default="text"
        The text column; values that are not strings are left as they are.

    Returns
    -------
    pandas.DataFrame
        A copy, all rows in order; ``attrs["credits"]`` counts the credits
        removed.

    Raises
    ------
    CorpusFormatError
        If `text_col` is missing.

    Examples
    --------
    >>> df = pd.DataFrame({"text": ["A rally. (Jane Doe/AP)", "Polls (A/B)."]})
    >>> out = strip_credits(df)
    >>> out["text"].tolist(), out.attrs["credits"]
    (['A rally.', 'Polls (A/B).'], 1)
    """
    _require_columns(df, {text_col: "`text_col`"})
    total = 0
    texts = []
    for text in df[text_col]:
        if isinstance(text, str):
            text, n = remove_credits(text)
            total += n
        texts.append(text)
    out = df.copy()
    out[text_col] = pd.Series(texts, index=df.index, dtype=_text_dtype(df[text_col]))
    out.attrs = {**df.attrs, "credits": total}
    return out


def _text_dtype(column: pd.Series) -> Any:
    """Keep the input's dtype if it holds any string (str, object), else object.

    A categorical text column cannot take a stripped text that is not one of
    its categories; it would become NaN.
    """
    if column.dtype == object or isinstance(column.dtype, pd.StringDtype):
        return column.dtype
    return object


_COLUMNS = "`outlet_col` / `text_col`"


def _require_columns(df: pd.DataFrame, options: Mapping[str, str]) -> None:
    """Raise a one-line error naming the first missing column and its option."""
    for column, option in options.items():
        if column not in df.columns:
            raise CorpusFormatError(
                f"boilerplate: no column {column!r}; columns are "
                f"{', '.join(map(str, df.columns))}. Try {option}"
            )


def _check(df: pd.DataFrame, outlet_col: str, text_col: str, min_share: float) -> None:
    _require_columns(df, {outlet_col: _COLUMNS, text_col: _COLUMNS})
    _check_share(min_share)


def _check_share(min_share: float) -> None:
    if not 0 < min_share <= 1:
        raise ParameterError(f"`min_share` must be in (0, 1], got {min_share}")


class _LineCounts:
    """Per outlet: articles seen, and in how many of them each line occurs.

    Fed one frame or chunk at a time (:meth:`add`), so the lines can be found
    on a corpus that is never whole in memory. Outlets keep the order of
    ``groupby`` on the first chunk they occur in.
    """

    def __init__(self, min_chars: int) -> None:
        self.min_chars = min_chars
        self.articles: Counter[Any] = Counter()
        self.lines: dict[Any, Counter[str]] = {}

    def add(self, df: pd.DataFrame, outlet_col: str, text_col: str) -> None:
        """Count the lines of each outlet's articles in `df` (once per article)."""
        for outlet, texts in df.groupby(outlet_col, sort=True, dropna=True)[text_col]:
            self.articles[outlet] += len(texts)
            counts = self.lines.setdefault(outlet, Counter())
            for text in texts:
                counts.update(_line_set(text, self.min_chars))

    def boilerplate(self, min_share: float, min_articles: int) -> dict[Any, set[str]]:
        """Lines in at least `min_share` of an outlet's articles (and two)."""
        found: dict[Any, set[str]] = {}
        for outlet, counts in self.lines.items():
            n = self.articles[outlet]
            if n < min_articles:
                continue
            threshold = max(2, math.ceil(min_share * n - 1e-9))
            lines = {line for line, count in counts.items() if count >= threshold}
            if lines:
                found[outlet] = lines
        return found


def _present(value: Any) -> bool:
    return not (value is None or (pd.api.types.is_scalar(value) and pd.isna(value)))


def _line_set(text: Any, min_chars: int) -> set[str]:
    if not isinstance(text, str):
        return set()
    lines = {normalize_line(line) for line in text.split("\n")}
    return {line for line in lines if len(line) >= min_chars}
