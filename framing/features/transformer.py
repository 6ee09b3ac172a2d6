"""Framing features: per-category rates per 1,000 tokens, by voice.

:class:`FramingFeatures` is a scikit-learn transformer from texts to a dense
matrix with, for every lexicon category ``c`` (plus ``scare_quotes``), the
rate of matches in the author's voice (``c``) and in quotations
(``c@quoted``), then ``n_tokens`` and ``n_sentences``. The per-document work
is the pure function :func:`document_features`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from joblib import Parallel, delayed
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from framing.columns import QUOTED, SCARE_QUOTES
from framing.errors import CorpusFormatError, FramingError
from framing.lexicon.lexicon import Lexicon
from framing.lexicon.load import resolve_lexicon
from framing.matching.matcher import Matcher
from framing.text.tokens import SentenceMethod, count_sentences, count_tokens

__all__ = [
    "LENGTH",
    "FramingFeatures",
    "as_texts",
    "document_features",
    "feature_names",
    "features_frame",
]

_PARALLEL_MIN_DOCS = 2000


LENGTH = ("n_tokens", "n_sentences")


def feature_names(
    categories: Sequence[str], *, voice: bool = True, length: bool = True
) -> list[str]:
    """Return the feature names for ``categories`` (scare quotes last).

    Parameters
    ----------
    categories : sequence of str
        Lexicon category names, in order.
    voice : bool, default=True
        Add a ``<category>@quoted`` name after each category.
    length : bool, default=True
        End with the article length, ``n_tokens`` and ``n_sentences``.

    Returns
    -------
    list of str
        Category rates, ``scare_quotes``, then ``n_tokens``, ``n_sentences``.

    Examples
    --------
    >>> feature_names(["hedges"])
    ['hedges', 'hedges@quoted', 'scare_quotes', 'n_tokens', 'n_sentences']
    """
    names = []
    for c in categories:
        names.append(c)
        if voice:
            names.append(f"{c}@{QUOTED}")
    return names + [SCARE_QUOTES, *(LENGTH if length else ())]


def document_features(
    text: str,
    matcher: Matcher,
    *,
    voice: bool = True,
    per: float = 1000.0,
    sentences: SentenceMethod | None = "regex",
) -> np.ndarray:
    """Compute the feature vector of one text.

    Parameters
    ----------
    text : str
        The document. Empty text gives all zeros.
    matcher : Matcher
        Compiled lexicon.
    voice : bool, default=True
        Count quoted-voice matches separately.
    per : float, default=1000.0
        Rates are matches per ``per`` tokens.
    sentences : {"regex", "punkt"} or None, default="regex"
        Sentence splitter for ``n_sentences``; None leaves it 0 (for callers
        that drop the length columns).

    Returns
    -------
    ndarray of shape (n_features,)
        In the order of :func:`feature_names`.

    Examples
    --------
    >>> from framing.matching.matcher import compile_matcher
    >>> m = compile_matcher()
    >>> v = document_features("Rebels reportedly fled.", m)
    >>> int(v[-2]), int(v[-1])
    (3, 1)
    """
    cats = matcher.categories
    width = len(cats) * (2 if voice else 1)
    out = np.zeros(width + 3, dtype=np.float64)
    if not text:
        return out
    n_tokens = count_tokens(text)
    out[-2] = n_tokens
    if sentences is not None:
        out[-1] = count_sentences(text, method=sentences)
    if n_tokens == 0:
        return out
    index = {c: i for i, c in enumerate(cats)}
    for m in matcher.find(text, voice=voice):
        if m.category == SCARE_QUOTES:
            out[width] += 1
            continue
        i = index[m.category] * (2 if voice else 1)
        out[i + (1 if voice and m.voice == QUOTED else 0)] += 1
    out[: width + 1] *= per / n_tokens
    return out


def as_texts(X: Any) -> list[str]:
    """Coerce a corpus-like input to a list of strings (missing -> ``""``).

    Accepts a list/tuple/array/Series of strings, or a DataFrame with a
    ``text`` column. A bare string is rejected: wrap it in a list.

    Parameters
    ----------
    X : sequence of str, array, Series or DataFrame
        The documents.

    Returns
    -------
    list of str
        One string per document; missing or non-string values become ``""``.

    Raises
    ------
    CorpusFormatError
        On a bare string, or a DataFrame without a ``text`` column.

    Examples
    --------
    >>> as_texts(["a", None, float("nan")])
    ['a', '', '']
    """
    if isinstance(X, (str, bytes)):
        raise CorpusFormatError(
            "expected a sequence of documents, got a single string; "
            "wrap it in a list: [text]"
        )
    if hasattr(X, "columns"):
        if "text" not in X.columns:
            raise CorpusFormatError(
                "DataFrame input needs a 'text' column; got "
                + ", ".join(map(str, X.columns))
            )
        X = X["text"]
    if isinstance(X, np.ndarray) and X.ndim == 2 and X.shape[1] == 1:
        X = X[:, 0]
    return [x if isinstance(x, str) else "" for x in X]


class FramingFeatures(TransformerMixin, BaseEstimator):
    """Texts to framing-category rates per 1,000 tokens, by voice.

    Parameters
    ----------
    lexicon : Lexicon, str, Path, list of paths or None, default=None
        ``None`` uses the shipped lexicon; paths are user TOML files applied
        on top of it.
    voice : bool, default=True
        Separate author-voice and quoted-voice counts.
    per : float, default=1000.0
        Rates are per ``per`` tokens.
    sentences : {"regex", "punkt"}, default="regex"
        Sentence splitter used for ``n_sentences``.
    length : bool, default=True
        Output the article length (``n_tokens``, ``n_sentences``) after the
        rates. Outlet-framing models leave it out: length is house style,
        not framing (see :func:`framing.model.pipeline.build_pipeline`).
    n_jobs : int or None, default=None
        Parallel workers (joblib) for inputs of 2,000 documents or more.

    Attributes
    ----------
    lexicon_ : dict
        The resolved lexicon as plain data (``Lexicon.to_dict()``).
    lexicon_digest_ : str
        Digest of the lexicon used.
    categories_ : tuple of str
        Lexicon categories, in feature order.
    feature_names_out_ : ndarray of str
        Output feature names.

    Examples
    --------
    >>> ff = FramingFeatures().fit(["The regime's so-called elections."])
    >>> X = ff.transform(["Foreign-backed militants reportedly fled."])
    >>> X.shape[1] == len(ff.get_feature_names_out())
    True
    """

    def __init__(
        self,
        *,
        lexicon: Lexicon | str | Path | Sequence[str | Path] | None = None,
        voice: bool = True,
        per: float = 1000.0,
        sentences: SentenceMethod = "regex",
        length: bool = True,
        n_jobs: int | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.voice = voice
        self.per = per
        self.sentences = sentences
        self.length = length
        self.n_jobs = n_jobs

    def fit(self, X: Any, y: Any = None) -> FramingFeatures:
        """Resolve and compile the lexicon; learns nothing from ``X``.

        Parameters
        ----------
        X : sequence of str
            Documents (checked for shape only).
        y : ignored

        Returns
        -------
        self
        """
        as_texts(X)
        if self.sentences not in ("regex", "punkt"):
            raise FramingError(
                f"sentences must be 'regex' or 'punkt', got {self.sentences!r}"
            )
        lex = resolve_lexicon(self.lexicon)
        self.lexicon_ = lex.to_dict()
        self.lexicon_digest_ = lex.digest
        self.categories_ = tuple(lex.category_names)
        self.feature_names_out_ = np.asarray(
            feature_names(self.categories_, voice=self.voice, length=self._length),
            dtype=object,
        )
        self._matcher = Matcher(lex)
        return self

    @property
    def _length(self) -> bool:
        # Models saved before the option existed always had the length.
        return bool(getattr(self, "length", True))

    @property
    def matcher_(self) -> Matcher:
        """The compiled matcher (rebuilt lazily after unpickling)."""
        check_is_fitted(self, "lexicon_")
        if getattr(self, "_matcher", None) is None:
            self._matcher = Matcher(Lexicon.from_dict(self.lexicon_))
        return self._matcher

    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()
        state.pop("_matcher", None)
        return state

    def transform(self, X: Any) -> np.ndarray:
        """Compute the feature matrix.

        Parameters
        ----------
        X : sequence of str
            Documents; missing values count as empty documents.

        Returns
        -------
        ndarray of shape (n_documents, n_features)
        """
        check_is_fitted(self, "lexicon_")
        texts = as_texts(X)
        matcher = self.matcher_
        kw = {
            "voice": self.voice,
            "per": self.per,
            "sentences": self.sentences if self._length else None,
        }
        width = len(self.feature_names_out_)
        if not texts:
            return np.zeros((0, width))
        n_jobs = self.n_jobs or 1
        if n_jobs == 1 or len(texts) < _PARALLEL_MIN_DOCS:
            out = _block(texts, matcher, kw)
        else:
            size = -(-len(texts) // (4 * abs(n_jobs) if n_jobs > 0 else 8))
            out = np.vstack(
                Parallel(n_jobs=n_jobs)(
                    delayed(_block)(texts[i : i + size], matcher, kw)
                    for i in range(0, len(texts), size)
                )
            )
        return out if self._length else out[:, : -len(LENGTH)]

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Return the output feature names (object array)."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()

    def __sklearn_tags__(self):  # noqa: D105
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags


def _block(texts: list[str], matcher: Matcher, kw: dict[str, Any]) -> np.ndarray:
    return np.vstack([document_features(t, matcher, **kw) for t in texts])


def features_frame(
    corpus: Any, transformer: FramingFeatures, *, keep: Sequence[str] = ()
) -> Any:
    """Return a features table for a corpus chunk: one row per input row.

    Parameters
    ----------
    corpus : DataFrame
        With a ``text`` column and optionally ``id``, ``outlet``, ``date``.
    transformer : FramingFeatures
        A fitted transformer.
    keep : sequence of str, optional
        Extra corpus columns to carry into the output.

    Returns
    -------
    DataFrame
        ``id``, ``outlet``, ``date`` (those present), ``keep`` columns,
        ``status`` (``ok`` or ``empty``) and the features; an empty row's
        rates are NaN and its ``n_tokens`` is 0.

    Examples
    --------
    >>> import pandas as pd
    >>> ff = FramingFeatures().fit([])
    >>> t = features_frame(pd.DataFrame({"text": ["The regime fell.", " "]}), ff)
    >>> t["status"].tolist()
    ['ok', 'empty']
    """
    import pandas as pd

    texts = as_texts(corpus)
    values = transformer.transform(texts)
    names = list(transformer.get_feature_names_out())
    table = pd.DataFrame(values, columns=names, index=corpus.index)
    empty = np.array([not t.strip() for t in texts], dtype=bool)
    table.loc[empty, [n for n in names if n not in LENGTH]] = np.nan
    meta = [c for c in ("id", "outlet", "date", *keep) if c in corpus.columns]
    out = corpus[meta].copy()
    out["status"] = np.where(empty, "empty", "ok")
    return pd.concat([out, table], axis=1)
