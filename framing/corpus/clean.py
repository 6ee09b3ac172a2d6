"""Clean scraped article text: HTML, entities, share buttons, footers, blobs.

:func:`clean_text` is conservative: it removes whole lines that are page
furniture (share buttons, "read more" links, breadcrumbs, bare URLs, date
stamps, embedded-tweet signatures, outlet footers, JSON / PHP ``var_dump``
blobs) and normalises whitespace, but never rewrites a sentence. Paragraph
breaks are kept because quotation detection relies on them.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterable

from framing.errors import ParameterError

__all__ = ["clean_text", "join_lines"]

_PLATFORMS = (
    r"facebook|twitter|x|whatsapp|linkedin|reddit|telegram|pinterest|messenger"
    r"|instagram|youtube|tiktok|vk|google\s+news|flipboard|rumble|odysee"
    r"|mastodon|bluesky|threads|truth\s+social|email|e-mail|sms"
)
_SOCIAL_ITEM = (
    r"(?:share(?:\s+(?:this|the))?(?:\s+(?:article|story|post|page|video|link))?"
    rf"(?:\s+(?:on|via|to)\s+(?:{_PLATFORMS}))?"
    rf"|click\s+to\s+(?:share|email|print)(?:\s+(?:this|on|via|to)\s+(?:{_PLATFORMS}))?"
    r"(?:\s*\(opens\s+in\s+new\s+window\))?"
    r"|tweet(?:\s+this)?|pin(?:\s+it)?|print(?:\s+this)?(?:\s+(?:article|page|story))?"
    r"|(?:e-?mail)(?:\s+this)?(?:\s+(?:article|story|page))?"
    r"|\d*\s*comments?(?:\s*\(\d+\))?|leave\s+a\s+comment|copy\s+link|link\s+copied"
    rf"|advertisement|{_PLATFORMS})"
)
_SEP = r"[\s|•·,:/-]*"
_SOCIAL_LINE = re.compile(rf"^{_SEP}(?:{_SOCIAL_ITEM}{_SEP})+$", re.IGNORECASE)
_FOLLOW_LINE = re.compile(
    r"^(?i:follow|like|join|subscribe\s+to)\s+"
    r"(?:(?i:us|our\s+\w+)|[A-Z][\w'’.&-]*(?:\s+[A-Z0-9][\w'’.&-]*){0,3})"
    rf"\s+(?i:on|via)\s+(?i:{_PLATFORMS})\b.{{0,80}}$"
)
_NEWSLETTER_LINE = re.compile(
    r"^(?:subscribe|sign\s+up)\b.{0,60}\bnewsletters?\b.{0,40}$", re.IGNORECASE
)
_READ_MORE_LINE = re.compile(
    r"^(?:read\s+more|read\s+also|also\s+read|see\s+also|more\s+on\s+this"
    r"|related(?:\s+(?:articles?|stories|news|content|coverage))?"
    r"|recommended|you\s+may\s+also\s+like)\s*[:>»|]",
    re.IGNORECASE,
)
_URL_LINE = re.compile(
    r"^(?:(?:https?://|www\.)\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"\.(?:com|org|net|info|ir|ru|uk|tv|news|io)(?:/\S*)?)$",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_LINE = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|updated|posted)(?:\s+(?:on|at))?\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:\s*(?:,|at|-|–|\|)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:[a-z]{2,5}|(?:gmt|utc)\s*[+-]?\s*\d{0,4})?)?$",
    re.IGNORECASE,
)
_TWEET_SIGNATURE = re.compile(
    rf"^[—–-]\s*.{{1,60}}\(@\w{{1,15}}\)\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}$",
    re.IGNORECASE,
)
_EMBED_CREDIT = re.compile(
    r"^a\s+(?:post|photo|video)\s+shared\s+by\s+.{1,80}$", re.IGNORECASE
)
_TWEET_LINK = re.compile(r"pic\.twitter\.com/|https?://t\.co/", re.IGNORECASE)
_DUMP_LINE = re.compile(
    r"^(?:string\(\d+\)\s*\"|(?:array\(\d+\)|object\([\w\\]+\)#\d+\s*\(\d+\))\s*\{)"
)
_JSON_LINE = re.compile(r"^(?:\[\s*[{\[\"]|\{\s*\").*[}\]][\s,;\"']*$")
_TRAILING_DUMP = re.compile(
    r"(?:^|\n)[ \t]*(?:string\(\d+\)\s*\"|array\(\d+\)\s*\{"
    r"|object\([\w\\]+\)#\d+\s*\(\d+\)\s*\{).*[\"}]\s*\Z",
    re.DOTALL,
)
#: Lines that start an outlet footer (the rest of the page is furniture).
FOOTER_MARKERS = ("website can also be accessed at",)
_BREADCRUMB_SEP = re.compile(r"\s+[/›»|]\s+")

_HTML_HINT = re.compile(
    r"<(?:!--|/?(?:p|br|div|span|a|b|i|em|strong|li|ul|ol|h[1-6]|script|style"
    r"|img|html|body|head|figure|blockquote|table|tr|td|iframe|section)\b)",
    re.IGNORECASE,
)
_HTML_DROP = re.compile(
    r"<(script|style|noscript|template|iframe|svg|head)\b[^>]*>.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_HTML_BREAK = re.compile(
    r"<(?:br|hr)\b[^<>]*>|</?(?:p|div|li|ul|ol|h[1-6]|blockquote|section|article"
    r"|header|footer|figure|figcaption|table|tr|pre|dl|dt|dd|main|aside|nav)\b[^<>]*>",
    re.IGNORECASE,
)
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:-[a-zA-Z0-9]+)*\b[^<>]*>")
_ENTITY = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
# Unicode line breaks become "\n"; zero-width characters and soft hyphens go.
_TRANSLATE = str.maketrans(
    {
        "\u2028": "\n",
        "\u2029": "\n",
        "\x85": "\n",
        "\u200b": None,
        "\u2060": None,
        "\ufeff": None,
        "\u00ad": None,
    }
)
_TRANSLATED = re.compile("[\u2028\u2029\x85\u200b\u2060\ufeff\u00ad]")


def clean_text(text: str) -> str:
    r"""Remove markup and scraped-page debris from one article's text.

    Steps, in order: line endings normalised to ``\n``; a trailing PHP
    ``var_dump`` / JSON blob removed; HTML stripped (``<p>``, ``<br>`` and
    other block tags become newlines, ``<script>`` / ``<style>`` contents are
    dropped) when the text contains HTML; character entities decoded; Unicode
    NFC; no-break and other exotic spaces become spaces, zero-width characters
    and soft hyphens are removed; runs of spaces collapse; then whole debris
    lines are dropped (share buttons, "Follow us on ...", "Read more: ...",
    breadcrumbs such as ``News / Syria``, bare URLs, date-only lines,
    embedded-tweet signatures, JSON lines and outlet footers such as "...
    website can also be accessed at ..." together with the short lines after
    them). Finally blank-line runs collapse to one blank line and leading and
    trailing whitespace is trimmed. Quotes, apostrophes, dashes and non-ASCII
    letters are left alone.

    Parameters
    ----------
    text : str
        Raw article text (plain text or HTML).

    Returns
    -------
    str
        The cleaned text; paragraphs are still separated by newlines.

    Examples
    --------
    >>> clean_text("<p>Caf&eacute; owners said \u201cno.\u201d</p><p>Share</p>")
    'Café owners said “no.”'
    >>> clean_text("First paragraph.  \n\n\n\nTweet\nEmail\nSecond one.")
    'First paragraph.\n\nSecond one.'
    """
    if not isinstance(text, str):
        raise ParameterError(f"clean_text expects a str, got {type(text).__name__}")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "(" in text and ("string(" in text or "array(" in text or "object(" in text):
        text = _TRAILING_DUMP.sub("", text)
    if _HTML_HINT.search(text):
        text = _strip_html(text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if _TRANSLATED.search(text):
        text = text.translate(_TRANSLATE)
    text = unicodedata.normalize("NFC", text)
    # str.split() without arguments also splits on no-break and other spaces
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = _drop_trailing_json(lines)
    lines = _drop_debris(lines)
    return join_lines(lines)


def _strip_html(text: str) -> str:
    text = _HTML_COMMENT.sub("", text)
    text = _HTML_DROP.sub("", text)
    text = _HTML_BREAK.sub("\n", text)
    return _HTML_TAG.sub("", text)


def _is_debris(line: str) -> bool:
    if len(line) <= 200 and (
        _SOCIAL_LINE.match(line)
        or _FOLLOW_LINE.match(line)
        or _NEWSLETTER_LINE.match(line)
        or _URL_LINE.match(line)
        or _DATE_LINE.match(line)
        or _is_breadcrumb(line)
    ):
        return True
    return bool(
        _READ_MORE_LINE.match(line) or _DUMP_LINE.match(line) or _JSON_LINE.match(line)
    )


def _is_breadcrumb(line: str) -> bool:
    parts = _BREADCRUMB_SEP.split(line)
    if len(parts) < 2 or len(parts) > 5:
        return False
    return all(
        part
        and len(part.split()) <= 4
        and part[0].isupper()
        and not part.endswith((".", "?", "!", ",", ";"))
        for part in parts
    )


def _drop_debris(lines: list[str]) -> list[str]:
    kept: list[str] = []
    for index, line in enumerate(lines):
        if not line:
            kept.append(line)
            continue
        if len(line) <= 200 and any(m in line.casefold() for m in FOOTER_MARKERS):
            tail = [rest for rest in lines[index + 1 :] if rest]
            if len(tail) <= 10 and all(len(rest) <= 80 for rest in tail):
                break
            continue
        if _TWEET_SIGNATURE.match(line) or _EMBED_CREDIT.match(line):
            _drop_embedded_post(kept)
            continue
        if not _is_debris(line):
            kept.append(line)
    return kept


def _drop_embedded_post(kept: list[str]) -> None:
    """Remove the tweet text above a tweet signature, if it carries a link."""
    while kept and not kept[-1]:
        kept.pop()
    if kept and _TWEET_LINK.search(kept[-1]):
        kept.pop()


def _drop_trailing_json(lines: list[str]) -> list[str]:
    """Drop a (possibly multi-line) JSON document that ends the text."""
    end = len(lines)
    while end and not lines[end - 1]:
        end -= 1
    if not end or not lines[end - 1].endswith(("}", "]")):
        return lines
    for start in range(max(0, end - 200), end):
        if lines[start].startswith(("{", "[")):
            try:
                value = json.loads("\n".join(lines[start:end]))
            except ValueError:
                continue
            if isinstance(value, (dict, list)) and value:
                return lines[:start]
    return lines


def join_lines(lines: Iterable[str]) -> str:
    r"""Join lines with newlines, keeping at most one blank line in a row.

    Leading and trailing blank lines are dropped; a line holding only
    whitespace counts as blank (and is kept as it is between paragraphs).

    Parameters
    ----------
    lines : iterable of str
        Lines without their newlines.

    Returns
    -------
    str

    Examples
    --------
    >>> join_lines(["", "One.", "", " ", "Two.", ""])
    'One.\n\nTwo.'
    """
    out: list[str] = []
    for line in lines:
        if line.strip() or (out and out[-1].strip()):
            out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out)
