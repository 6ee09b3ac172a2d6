"""Render a text with its framing matches: terminal colours, HTML or JSON."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from framing.columns import QUOTED, SCARE_QUOTES, Match
from framing.quotes.voice import QuoteSpan, find_quotes

if TYPE_CHECKING:
    from framing.lexicon.lexicon import Lexicon

__all__ = [
    "category_colors",
    "highlight_page",
    "render_ansi",
    "render_html",
    "render_json",
]

# Okabe-Ito and Tol "muted"/"light" colours: distinguishable with the common
# colour-vision deficiencies, and light enough to read black text on.
_PALETTE = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00",
    "#CC79A7", "#88CCEE", "#44AA99", "#DDCC77", "#CC6677", "#AA4499",
    "#BBCC33", "#99DDFF", "#EE8866", "#FFAABB",
]  # fmt: skip
_ANSI = [33, 36, 32, 93, 34, 31, 35, 96, 92, 33, 91, 95, 32, 94, 91, 95]


def category_colors(categories: Sequence[str]) -> dict[str, str]:
    """Assign each category a colour from a colour-blind-safe palette.

    Parameters
    ----------
    categories : sequence of str
        Category names; colours repeat after 16.

    Returns
    -------
    dict of str to str
        Category -> ``#RRGGBB`` colour.

    Examples
    --------
    >>> category_colors(["hedges", "boosters"])
    {'hedges': '#E69F00', 'boosters': '#56B4E9'}
    """
    return {c: _PALETTE[i % len(_PALETTE)] for i, c in enumerate(categories)}


def _present(categories: Sequence[str], matches: Sequence[Match]) -> list[str]:
    """Categories that occur in ``matches``, in ``categories`` order.

    Colours are assigned over these only, so the palette does not repeat
    within one document unless it has more categories than colours.
    """
    seen = {m.category for m in matches}
    return [c for c in categories if c in seen]


def _nested(
    text: str,
    spans: list[tuple[int, int, int, Any]],
    escape: Any,
    opener: Any,
    closer: Any,
) -> str:
    """Render properly nested spans; a span that straddles another is dropped.

    ``spans`` items are ``(start, end, depth_rank, payload)``; at equal
    offsets a lower rank encloses a higher one.
    """
    spans = sorted(spans, key=lambda s: (s[0], -s[1], s[2]))
    out: list[str] = []
    stack: list[tuple[int, int, int, Any]] = []
    pos = 0
    for span in spans:
        start, end = span[0], span[1]
        while stack and stack[-1][1] <= start:
            top = stack.pop()
            out.append(escape(text[pos : top[1]]))
            out.append(closer(top[3]))
            pos = top[1]
        if stack and end > stack[-1][1]:
            continue  # straddles its enclosing span
        out.append(escape(text[pos:start]))
        out.append(opener(span[3]))
        pos = start
        stack.append(span)
    while stack:
        top = stack.pop()
        out.append(escape(text[pos : top[1]]))
        out.append(closer(top[3]))
        pos = top[1]
    out.append(escape(text[pos:]))
    return "".join(out)


def render_ansi(text: str, matches: Sequence[Match], categories: Sequence[str]) -> str:
    """Render ``text`` for a terminal, matches coloured by category.

    Quoted-voice matches are underlined; scare quotes are shown in reverse
    video. A legend follows the text.

    Parameters
    ----------
    text : str
        The text.
    matches : sequence of Match
        From :meth:`framing.matching.matcher.Matcher.find`.
    categories : sequence of str
        Category order for colours and the legend.

    Returns
    -------
    str
        Text with ANSI escape sequences.
    """
    present = _present(categories, matches)
    codes = {c: _ANSI[i % len(_ANSI)] for i, c in enumerate(present)}
    codes[SCARE_QUOTES] = 7

    def opener(m: Match) -> str:
        style = f"{codes.get(m.category, 1)}"
        if m.voice == QUOTED:
            style += ";4"
        return f"\x1b[{style}m"

    body = _nested(
        text,
        [(m.start, m.end, 0 if m.category == SCARE_QUOTES else 1, m) for m in matches],
        str,
        opener,
        lambda m: "\x1b[0m",
    )
    used = list(present)
    if SCARE_QUOTES not in used and any(m.category == SCARE_QUOTES for m in matches):
        used.append(SCARE_QUOTES)
    legend = "  ".join(f"\x1b[{codes[c]}m{c}\x1b[0m" for c in used)
    return f"{body}\n\n{legend}\n\x1b[4munderlined\x1b[0m = inside a quotation\n"


_CSS = """
body{font:16px/1.6 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;
color:#222}
h1{font:600 1.2em system-ui,sans-serif}
.text{white-space:pre-wrap}
mark{background:var(--c);padding:0 .1em;border-radius:.2em;color:#000}
mark.quoted{background:transparent;border:2px dashed var(--c);font-style:italic}
span.quote{background:#f1f1f1;border-radius:.2em}
span.scare{outline:2px solid #555;border-radius:.2em}
.legend{font:14px system-ui,sans-serif;margin:1.5em 0;display:flex;
flex-wrap:wrap;gap:.4em}
.legend mark{display:inline-block}
table{font:13px system-ui,sans-serif;border-collapse:collapse;margin-top:1em}
td,th{padding:.15em .6em;border-bottom:1px solid #ddd;text-align:left}
td.n{text-align:right}
"""


def render_html(
    text: str,
    matches: Sequence[Match],
    categories: Sequence[str],
    *,
    quotes: Sequence[QuoteSpan] = (),
    title: str = "framing highlight",
    descriptions: dict[str, str] | None = None,
) -> str:
    """Render a self-contained HTML page of ``text`` with its matches.

    Matches are coloured by category; quoted-voice matches have a dashed
    outline instead of a fill; quotation spans are shaded grey; scare quotes
    are boxed. Hovering a match shows its category, term and voice. A legend
    and a count table follow.

    Parameters
    ----------
    text : str
        The text.
    matches : sequence of Match
        From :meth:`framing.matching.matcher.Matcher.find`.
    categories : sequence of str
        Category order for colours and the legend.
    quotes : sequence of QuoteSpan, optional
        Quotation spans to shade.
    title : str, default="framing highlight"
        Page title.
    descriptions : dict, optional
        Category descriptions, shown on hover in the legend.

    Returns
    -------
    str
        The HTML document.
    """
    colors = category_colors(_present(categories, matches))
    body = _html_body(text, matches, quotes, colors)
    counts: dict[str, list[int]] = {}
    for m in matches:
        row = counts.setdefault(m.category, [0, 0])
        row[1 if m.voice == QUOTED else 0] += 1
    legend = _html_legend(categories, counts, colors, descriptions or {})
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>"
        f"<body><h1>{html.escape(title)}</h1><div class=legend>{legend}</div>"
        f'<div class="text">{body}</div>{_html_counts(counts)}</body></html>\n'
    )


def _html_body(
    text: str,
    matches: Sequence[Match],
    quotes: Sequence[QuoteSpan],
    colors: dict[str, str],
) -> str:
    """Return the text, escaped, with quotations, scare quotes and matches marked."""

    def opener(item: Any) -> str:
        if isinstance(item, QuoteSpan):
            return '<span class="quote">'
        m = item
        if m.category == SCARE_QUOTES:
            return (
                f'<span class="scare" title="scare quotes: '
                f'{html.escape(m.term, quote=True)}">'
            )
        cls = "quoted" if m.voice == QUOTED else "author"
        tip = f"{m.category}: {m.term} ({m.voice} voice)"
        return (
            f'<mark class="{cls}" style="--c:{colors.get(m.category, "#ccc")}" '
            f'title="{html.escape(tip, quote=True)}">'
        )

    def closer(item: Any) -> str:
        if isinstance(item, QuoteSpan) or item.category == SCARE_QUOTES:
            return "</span>"
        return "</mark>"

    spans: list[tuple[int, int, int, Any]] = [(q.start, q.end, 0, q) for q in quotes]
    for m in matches:
        spans.append((m.start, m.end, 1 if m.category == SCARE_QUOTES else 2, m))
    return _nested(text, spans, html.escape, opener, closer)


def _html_legend(
    categories: Sequence[str],
    counts: dict[str, list[int]],
    colors: dict[str, str],
    descriptions: dict[str, str],
) -> str:
    """Return the legend: the categories present, then the voice and quote keys."""
    legend = "".join(
        f'<mark style="--c:{colors[c]}" '
        f'title="{html.escape(descriptions.get(c, ""), quote=True)}">{c}</mark>'
        for c in categories
        if c in counts
    )
    return legend + (
        '<mark class="quoted" style="--c:#888">quoted voice</mark>'
        '<span class="quote">&nbsp;inside a quotation&nbsp;</span>'
        '<span class="scare">&nbsp;scare quotes&nbsp;</span>'
    )


def _html_counts(counts: dict[str, list[int]]) -> str:
    """Return the table of matches per category and voice, most first."""
    rows = "".join(
        f"<tr><td>{html.escape(c)}</td><td class=n>{a}</td><td class=n>{q}</td></tr>"
        for c, (a, q) in sorted(counts.items(), key=lambda kv: -sum(kv[1]))
    )
    return (
        "<table><tr><th>category</th><th>author voice</th><th>quoted</th></tr>"
        f"{rows}</table>"
    )


def highlight_page(
    text: str,
    matches: Sequence[Match],
    lexicon: Lexicon,
    *,
    title: str = "framing highlight",
) -> str:
    """Render the HTML page of one article's matches against a lexicon.

    :func:`render_html` with the lexicon's category order and descriptions
    and the text's quotation spans (:func:`framing.quotes.voice.find_quotes`)
    shaded: the page of ``framing highlight --format html`` and of the demo.

    Parameters
    ----------
    text : str
        The text the matches were found in.
    matches : sequence of Match
        From ``compile_matcher(lexicon).find(text)``.
    lexicon : Lexicon
        The lexicon the matches come from.
    title : str, default="framing highlight"
        Page title.

    Returns
    -------
    str
        The HTML document.

    Examples
    --------
    >>> from framing.lexicon.load import load_lexicon
    >>> from framing.matching.matcher import compile_matcher
    >>> lex = load_lexicon()
    >>> text = 'The "moderate" rebels, reportedly.'
    >>> page = highlight_page(text, compile_matcher(lex).find(text), lex)
    >>> page.startswith("<!DOCTYPE html>"), 'class="scare"' in page
    (True, True)
    """
    return render_html(
        text,
        matches,
        list(lexicon.category_names),
        quotes=find_quotes(text),
        title=title,
        descriptions={n: c.description for n, c in lexicon.categories.items()},
    )


def render_json(
    matches: Sequence[Match], *, text: str | None = None, indent: int | None = 2
) -> str:
    """Serialise matches as JSON.

    Parameters
    ----------
    matches : sequence of Match
        The matches.
    text : str, optional
        When given, the output is ``{"text": text, "matches": [...]}``;
        otherwise a plain list of match objects.
    indent : int or None, default=2
        JSON indentation.

    Returns
    -------
    str

    Examples
    --------
    >>> print(render_json([Match("hedges", "may", 0, 3)], indent=None))
    [{"category": "hedges", "term": "may", "start": 0, "end": 3, "voice": "author"}]
    """
    items = [m.as_dict() for m in matches]
    payload: Any = items if text is None else {"text": text, "matches": items}
    return json.dumps(payload, ensure_ascii=False, indent=indent)
