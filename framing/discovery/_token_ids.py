"""Tokenise texts into one flat array of integer token ids, in parallel if asked."""

from __future__ import annotations

import re
from array import array
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np

from framing.text.tokens import WORD_PATTERN

__all__ = ["Voice", "tokenize_texts"]

Voice = Literal["all", "author"]

_TOKEN_RE = re.compile(
    r"[^\W\d_]\.(?:[^\W\d_]\.)+"  # dotted abbreviations: u.s., e.g.
    rf"|{WORD_PATTERN}"  # words
    r"|[^\w\s]+|\n"  # punctuation and line breaks: phrase breaks
)
_BREAK = "\n"  # token id 0; also ends every document


def tokenize_texts(
    texts: list[Any],
    *,
    voice: Voice = "all",
    n_jobs: int = 1,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Tokenise texts into integer ids over one vocabulary, in one pass.

    Each text is lower-cased and split at spaces; each chunk ("said.",
    "(reuters)") is mapped to an integer, the token pattern runs once per
    distinct chunk, and numpy expands the chunk ids into token ids. Every
    document ends with a line break (token id 0), a phrase break.

    Parameters
    ----------
    texts : list of str
        The documents (anything but a str counts as empty).
    voice : {"all", "author"}, default="all"
        "author" replaces quotations (:func:`framing.quotes.voice.find_quotes`) by
        line breaks first.
    n_jobs : int, default=1
        Processes (joblib; -1: all cores), at most one per 1,000 texts.

    Returns
    -------
    strings : ndarray of str
        The token types; ``strings[0]`` is the line break.
    ids : ndarray of int32
        Token ids of all documents, one after the other.
    lens : ndarray of int64
        Tokens per document.

    Examples
    --------
    >>> strings, ids, lens = tokenize_texts(["So-called rebels fled.", "U.S. aid"])
    >>> [str(strings[i]) for i in ids]
    ['so-called', 'rebels', 'fled', '.', '\\n', 'u.s.', 'aid', '\\n']
    >>> lens.tolist()
    [5, 3]
    """
    from joblib import Parallel, delayed, effective_n_jobs

    jobs = min(effective_n_jobs(n_jobs), max(1, len(texts) // 1000))
    if jobs <= 1:
        parts = [_tokenize(texts, voice)]
    else:
        cuts = np.linspace(0, len(texts), jobs + 1).astype(int)
        parts = Parallel(n_jobs=jobs)(
            delayed(_tokenize)(texts[a:b], voice)
            for a, b in zip(cuts[:-1], cuts[1:], strict=True)
        )
    chunk_index: defaultdict[str, int] = defaultdict()
    chunk_index.default_factory = chunk_index.__len__
    chunk_ids, chunk_lens = [], []
    for vocab, part_ids, part_lens in parts:  # one id per chunk type overall
        remap = np.fromiter(
            map(chunk_index.__getitem__, vocab), dtype=np.int32, count=len(vocab)
        )
        chunk_ids.append(remap[np.frombuffer(part_ids, dtype=np.int32)])
        chunk_lens.append(np.frombuffer(part_lens, dtype=np.int64))
    del parts
    return _expand(
        list(chunk_index), np.concatenate(chunk_ids), np.concatenate(chunk_lens)
    )


def _tokenize(texts: Sequence[Any], voice: Voice) -> tuple[list[str], bytes, bytes]:
    """Split at spaces and map each chunk to an id: (chunk types, ids, per doc).

    Chunks are what lies between spaces ("said.", "(reuters)", "u.s."), each
    line break its own chunk; every document ends with one (id 0). The
    vocabulary assigns ids in C: a ``defaultdict`` whose factory is its own
    ``__len__``. Splitting at spaces is about twice as fast as running the
    token pattern over the text; the pattern then runs once per chunk type
    (:func:`_expand`).
    """
    vocab: defaultdict[str, int] = defaultdict()
    vocab.default_factory = vocab.__len__
    vocab[_BREAK]  # noqa: B018  (id 0)
    get = vocab.__getitem__
    ids, lens = array("i"), array("q")
    for text in texts:
        if not isinstance(text, str):
            text = ""
        if voice == "author" and text:
            text = _drop_quotes(text)
        chunks = text.lower().replace(_BREAK, " \n ").split(" ")
        ids.extend(map(get, chunks))
        ids.append(0)
        lens.append(len(chunks) + 1)
    return list(vocab), ids.tobytes(), lens.tobytes()


def _drop_quotes(text: str) -> str:
    """Replace quotation spans (the speakers' words) by line breaks."""
    from framing.quotes.voice import find_quotes

    spans = find_quotes(text)
    if not spans:
        return text
    parts, last = [], 0
    for span in spans:
        parts.append(text[last : span.start])
        last = span.end
    parts.append(text[last:])
    return "\n".join(parts)


def _expand(
    chunks: list[str],
    chunk_ids: np.ndarray,
    chunk_lens: np.ndarray,
    step: int = 4_000_000,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Replace every chunk by its tokens, vectorised: token ids, tokens per doc.

    The token pattern runs once per chunk type; a chunk of ``k`` tokens
    (``k = 0`` for the empty chunk between two spaces) becomes ``k``
    positions via ``repeat`` over offsets into the flat token list.
    """
    index: defaultdict[str, int] = defaultdict()
    index.default_factory = index.__len__
    index[_BREAK]  # noqa: B018  (id 0)
    findall, get = _TOKEN_RE.findall, index.__getitem__
    flat = array("i")
    sizes = np.empty(len(chunks), dtype=np.int64)
    for i, chunk in enumerate(chunks):  # the curly apostrophe folds into '
        tokens = findall(chunk.replace("’", "'"))
        flat.extend(map(get, tokens))
        sizes[i] = len(tokens)
    flat_ids = np.frombuffer(flat, dtype=np.int32)
    offsets = np.cumsum(sizes) - sizes
    per_chunk = sizes[chunk_ids].astype(np.int32)
    doc_starts = np.cumsum(chunk_lens) - chunk_lens
    doc_lens = (
        np.add.reduceat(per_chunk, doc_starts, dtype=np.int64)
        if len(doc_starts)
        else np.zeros(0, dtype=np.int64)
    )
    pieces = []
    for a in range(0, len(chunk_ids), step):
        ids, n = chunk_ids[a : a + step], per_chunk[a : a + step]
        ends = np.cumsum(n, dtype=np.int64)
        base = np.repeat(offsets[ids] - (ends - n), n)
        pieces.append(flat_ids[base + np.arange(len(base))])
    tokens = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int32)
    strings = np.empty(len(index), dtype=object)
    strings[:] = list(index)
    return strings, tokens, doc_lens
