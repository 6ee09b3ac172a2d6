"""Loaded-language highlighting quality on the SemEval propaganda corpus (PTC).

Run: ``python bench/lexicon_quality.py [--shared DIR] [--json out.json]``
(needs ../shared/data/ptc; exits 0 with "skipped: ../shared not found" when
it is absent).

Token-level evaluation. Each article is tokenised with the regex ``\\w+``. A
token is *gold* when it overlaps a gold span of technique ``Loaded_Language``
or ``Name_Calling,Labeling``; a token is *predicted* when it overlaps a match
of a loaded category (``loaded = true`` in the lexicon). Reported:

- overall precision / recall / F1 of the loaded categories together;
- per loaded category: matches, predicted tokens, precision (share of the
  category's predicted tokens that are gold) and recall contribution (share
  of all gold tokens that the category's matches cover);
- the same split by voice (author vs quoted);
- the worst-precision terms with at least ``--min-matches`` matches, to tune
  the lexicon (move or drop a term only when it is not loaded in context);
- the same overall figures for a naive baseline list of common loaded words,
  defined below, for comparison.

Gold spans mark whole phrases ("the so-called experts"), so recall is bounded
well below 1 for any word list; precision is the figure to watch.
"""

from __future__ import annotations

import json
import re
import sys
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import parser  # noqa: E402
from framing.lexicon.lexicon import Lexicon
from framing.lexicon.load import load_lexicon
from framing.matching.matcher import Matcher, compile_matcher

GOLD_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
TOKEN = re.compile(r"\w+")

# A naive list of "obviously loaded" words, the kind one writes down without
# checking how the words are used in news text. Kept fixed so that the
# comparison with the shipped lexicon means the same from run to run.
BASELINE_TERMS = (
    "terrorist",
    "regime",
    "evil",
    "criminal",
    "corrupt",
    "lie",
    "fake news",
    "radical",
    "extremist",
    "thug",
    "traitor",
    "disgrace",
    "shameful",
    "outrageous",
    "disaster",
    "destroy",
    "attack",
    "massacre",
    "so-called",
    "puppet",
    "brutal",
    "horrible",
    "terrible",
    "stupid",
    "crazy",
    "idiot",
    "liar",
    "hoax",
    "witch hunt",
    "propaganda",
    "according to",
    "dictator",
)


@dataclass
class Article:
    """One PTC article: id, text and its gold loaded-language spans."""

    id: str
    text: str
    spans: list[tuple[int, int]]


@dataclass
class Counts:
    """Token counts of one slice (a category, a term, a voice)."""

    matches: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """Share of predicted tokens that are gold."""
        return self.gold / self.predicted if self.predicted else 0.0


@dataclass
class Result:
    """Evaluation of one lexicon on the corpus."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    n_gold: int = 0
    n_tokens: int = 0
    categories: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    terms: dict[tuple[str, str], Counts] = field(
        default_factory=lambda: defaultdict(Counts)
    )
    voices: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))

    @property
    def precision(self) -> float:
        """Token precision."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Token recall."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def overall(self) -> dict[str, Any]:
        """Return the overall figures as a dict."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


# ----------------------------------------------------------------- corpus
def read_ptc(ptc: Path) -> list[Article]:
    """Read ``articles/*.txt`` and their ``labels/*.labels`` gold spans."""
    articles = []
    for path in sorted((ptc / "articles").glob("*.txt")):
        with path.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        spans: list[tuple[int, int]] = []
        for lab in sorted((ptc / "labels").glob(path.stem + ".*labels")):
            for line in lab.read_text(encoding="utf-8").splitlines():
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 4 and parts[1] in GOLD_TECHNIQUES:
                    spans.append((int(parts[2]), int(parts[3])))
        articles.append(Article(path.stem, text, spans))
    return articles


def overlapping(
    tokens: Sequence[tuple[int, int]], starts: Sequence[int], start: int, end: int
) -> range:
    """Return the indices of the tokens that overlap the character span [start, end)."""
    i = max(bisect_left(starts, start) - 1, 0)
    while i < len(tokens) and tokens[i][1] <= start:
        i += 1
    j = bisect_left(starts, end, lo=i)
    return range(i, j)


# -------------------------------------------------------------- evaluation
def evaluate(
    articles: Iterable[Article], matcher: Matcher, loaded: Iterable[str]
) -> Result:
    """Score the matches of the ``loaded`` categories against the gold tokens."""
    loaded = set(loaded)
    res = Result()
    for art in articles:
        tokens = [m.span() for m in TOKEN.finditer(art.text)]
        starts = [s for s, _ in tokens]
        gold: set[int] = set()
        for s, e in art.spans:
            gold.update(overlapping(tokens, starts, s, e))
        predicted: set[int] = set()
        for m in matcher.find(art.text):
            if m.category not in loaded:
                continue
            idx = set(overlapping(tokens, starts, m.start, m.end))
            hit = len(idx & gold)
            for c in (
                res.categories[m.category],
                res.terms[(m.category, m.term)],
                res.voices[m.voice],
            ):
                c.matches += 1
                c.predicted += len(idx)
                c.gold += hit
            predicted |= idx
        res.tp += len(predicted & gold)
        res.fp += len(predicted - gold)
        res.fn += len(gold - predicted)
        res.n_gold += len(gold)
        res.n_tokens += len(tokens)
    return res


def baseline_lexicon() -> Lexicon:
    """Return the naive comparison list as a one-category loaded lexicon."""
    return Lexicon.from_dict(
        {
            "lexicon": {"name": "naive", "version": "1", "description": "naive"},
            "categories": {
                "naive_loaded": {
                    "description": "Common loaded words, unchecked.",
                    "loaded": True,
                    "terms": list(BASELINE_TERMS),
                }
            },
        },
        source="<baseline>",
    )


# ----------------------------------------------------------------- output
def text_table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """Format rows as an aligned text table (numbers right-aligned)."""

    def fmt(v: Any) -> str:
        if isinstance(v, float):
            return f"{v:.3f}"
        if isinstance(v, int):
            return f"{v:,}"
        return str(v)

    cells = [[fmt(r.get(c, "")) for c in columns] for r in rows]
    widths = [
        max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)
    ]
    numeric = [
        all(isinstance(r.get(c), (int, float)) for r in rows) and bool(rows)
        for c in columns
    ]

    def line(values: list[str]) -> str:
        return "  ".join(
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ).rstrip()

    out = [line(columns), line(["-" * w for w in widths])]
    out += [line(row) for row in cells]
    return "\n".join(out)


def category_rows(res: Result, loaded: Sequence[str]) -> list[dict[str, Any]]:
    """Return one row per loaded category: matches, tokens, precision, recall."""
    rows = []
    for name in loaded:
        c = res.categories.get(name, Counts())
        rows.append(
            {
                "category": name,
                "matches": c.matches,
                "tokens": c.predicted,
                "precision": round(c.precision, 4),
                "recall_contrib": round(c.gold / res.n_gold, 4) if res.n_gold else 0.0,
            }
        )
    return rows


def voice_rows(res: Result) -> list[dict[str, Any]]:
    """Return one row per voice: matches, tokens, precision."""
    return [
        {
            "voice": v,
            "matches": c.matches,
            "tokens": c.predicted,
            "precision": round(c.precision, 4),
        }
        for v, c in sorted(res.voices.items())
    ]


def term_rows(res: Result, min_matches: int, top: int) -> list[dict[str, Any]]:
    """Return the `top` worst-precision terms with at least `min_matches` matches."""
    rows = [
        {
            "term": term,
            "category": cat,
            "matches": c.matches,
            "precision": round(c.precision, 4),
        }
        for (cat, term), c in res.terms.items()
        if c.matches >= min_matches
    ]
    rows.sort(key=lambda r: (r["precision"], -r["matches"], r["term"]))
    return rows[:top]


def main(argv: Sequence[str] | None = None) -> int:
    """Evaluate the shipped lexicon and the naive baseline; print the tables."""
    p = parser(__doc__.splitlines()[0])
    p.add_argument(
        "--lexicon",
        type=Path,
        action="append",
        default=[],
        help="a user lexicon applied on top of the shipped one",
    )
    p.add_argument(
        "--min-matches",
        type=int,
        default=5,
        help="minimum matches for a term to enter the term table",
    )
    p.add_argument(
        "--top", type=int, default=25, help="rows of the worst-precision term table"
    )
    p.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = p.parse_args(argv)

    ptc = args.shared / "data" / "ptc"
    if not (ptc / "articles").is_dir():
        print(f"skipped: ../shared not found (no {ptc / 'articles'})")
        return 0

    articles = read_ptc(ptc)
    lex = load_lexicon(args.lexicon)
    loaded = list(lex.loaded_categories)
    res = evaluate(articles, compile_matcher(lex), loaded)
    base_lex = baseline_lexicon()
    base = evaluate(articles, compile_matcher(base_lex), base_lex.loaded_categories)

    n_spans = sum(len(a.spans) for a in articles)
    print(
        f"PTC: {len(articles)} articles, {res.n_tokens:,} tokens, {n_spans:,} gold "
        f"spans ({' + '.join(GOLD_TECHNIQUES)}), {res.n_gold:,} gold tokens"
    )
    print(
        f"lexicon {lex.name} {lex.version} ({lex.digest}): {lex.n_terms} terms, "
        f"{len(loaded)} loaded categories\n"
    )

    overall = [
        {"lexicon": "shipped (loaded categories)", **res.overall()},
        {"lexicon": f"naive baseline ({len(BASELINE_TERMS)} words)", **base.overall()},
    ]
    cols = ["lexicon", "precision", "recall", "f1", "tp", "fp", "fn"]
    print("Overall, token level")
    print(text_table(overall, cols) + "\n")

    cats = category_rows(res, loaded)
    print("Per loaded category")
    print(
        text_table(
            cats, ["category", "matches", "tokens", "precision", "recall_contrib"]
        )
        + "\n"
    )

    voices = voice_rows(res)
    print("By voice")
    print(text_table(voices, ["voice", "matches", "tokens", "precision"]) + "\n")

    worst = term_rows(res, args.min_matches, args.top)
    print(f"Worst-precision terms (>= {args.min_matches} matches)")
    print(
        text_table(worst, ["term", "category", "matches", "precision"])
        if worst
        else "(none)"
    )

    if args.json:
        payload = {
            "corpus": {
                "articles": len(articles),
                "tokens": res.n_tokens,
                "gold_spans": n_spans,
                "gold_tokens": res.n_gold,
                "techniques": list(GOLD_TECHNIQUES),
            },
            "lexicon": {
                "name": lex.name,
                "version": lex.version,
                "digest": lex.digest,
                "n_terms": lex.n_terms,
                "loaded_categories": loaded,
            },
            "overall": res.overall(),
            "categories": cats,
            "voices": voices,
            "worst_terms": worst,
            "baseline": {"terms": list(BASELINE_TERMS), "overall": base.overall()},
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
