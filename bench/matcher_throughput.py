"""Matcher + voice throughput against TfidfVectorizer.transform, same run.

Run: ``python bench/matcher_throughput.py`` (needs ../shared/data/abp).

Measures, on ../shared/data/abp/valid.jsonl.gz, the best of three runs of
- the reference: ``TfidfVectorizer().transform`` (unigrams, fitted on the
  same texts);
- framing's matcher (Aho-Corasick) with voice and scare quotes, as shipped;
- the same lexicon as a trie-shaped compiled regex, and as a naive regex
  alternation (on a 5% sample: it is slow), to justify the choice;
- FramingFeatures.transform (matcher + voice + token/sentence counts).
Prints MB/s and the ratio to the reference.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import best_of, load_jsonl_gz, parser, require_shared, table  # noqa: E402
from framing.features.transformer import FramingFeatures
from framing.lexicon.load import load_lexicon
from framing.matching.matcher import compile_matcher, surface_forms


def _trie_regex(forms: list[str]) -> re.Pattern[str]:
    trie: dict = {}
    for w in forms:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [
            re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(r"(?<!\w)" + build(trie) + r"(?!\w)", re.IGNORECASE)


def main() -> None:
    """Time each method on the ABP validation texts; print the table."""
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--limit", type=int, help="only the first N articles (quick run)")
    args = p.parse_args()
    path = require_shared(args.shared, "data", "abp", "valid.jsonl.gz")
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [r["text"] for r in load_jsonl_gz(path, limit=args.limit)]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    lex = load_lexicon()
    matcher = compile_matcher(lex)
    forms = sorted(
        {
            f
            for c in lex.categories.values()
            for t in c.terms
            for f in surface_forms(t, inflect=c.inflect)
        },
        key=len,
        reverse=True,
    )
    print(
        f"{len(texts):,} articles, {mb:.1f} MB; lexicon {lex.n_terms} terms, "
        f"{len(forms):,} surface forms",
        flush=True,
    )

    vec = TfidfVectorizer().fit(texts)
    t_ref, _ = best_of(lambda: vec.transform(texts))
    rows = [
        {
            "method": "reference: TfidfVectorizer().transform",
            "MB/s": mb / t_ref,
            "ratio": 1.0,
        }
    ]

    def run_matcher() -> int:
        return sum(len(matcher.find(t)) for t in texts)

    t, n = best_of(run_matcher)
    rows.append(
        {
            "method": "framing matcher + voice + scare quotes (Aho-Corasick)",
            "MB/s": mb / t,
            "ratio": t_ref / t,
            "matches": n,
        }
    )
    t, n = best_of(lambda: sum(len(matcher.find_terms(x)) for x in texts))
    rows.append(
        {
            "method": "framing matcher, terms only",
            "MB/s": mb / t,
            "ratio": t_ref / t,
            "matches": n,
        }
    )
    ff = FramingFeatures().fit([])
    t, _ = best_of(lambda: ff.transform(texts), repeat=1)
    rows.append(
        {
            "method": "FramingFeatures.transform (1 job)",
            "MB/s": mb / t,
            "ratio": t_ref / t,
        }
    )
    trie = _trie_regex(forms)
    t, n = best_of(lambda: sum(len(trie.findall(x)) for x in texts), repeat=1)
    rows.append(
        {
            "method": "alternative: trie-shaped regex",
            "MB/s": mb / t,
            "ratio": t_ref / t,
            "matches": n,
        }
    )
    naive = re.compile(
        r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b", re.IGNORECASE
    )
    sample = texts[::20]
    smb = sum(len(x.encode("utf-8")) for x in sample) / 1e6
    t, _ = best_of(lambda: sum(len(naive.findall(x)) for x in sample), repeat=1)
    rows.append(
        {
            "method": "alternative: naive regex alternation (5% sample)",
            "MB/s": smb / t,
            "ratio": (t_ref / mb) / (t / smb),
        }
    )
    print(table(rows, ["method", "MB/s", "ratio", "matches"]))
    ok = rows[1]["ratio"] >= 1.0
    print(f"floor (matcher + voice >= 1.0x reference): {'PASS' if ok else 'FAIL'}")


if __name__ == "__main__":
    main()
