"""Outlet-framing models against a TF-IDF + logistic-regression reference.

Run: ``python bench/model_bench.py`` (needs ../shared/data/abp; about an hour
on 2 cores). ``--limit 3000`` makes a quick smoke run.

On the political-bias corpus (labels in ``bias``), measured in the same run
for each model, each model in its own process (for its peak RSS):

(a) outlet-held-out cross-validation: GroupKFold(5) by outlet on
    train.jsonl.gz, the same folds for the reference and for framing
    (checked); macro-F1 and accuracy of the pooled out-of-fold predictions,
    and the mean of the per-fold macro-F1s;
(b) train on train.jsonl.gz, evaluate on valid.jsonl.gz (outlets unseen in
    training).

Models:
- ``reference``: ``TfidfVectorizer(ngram_range=(1, 2), min_df=3,
  sublinear_tf=True, max_features=300000)`` + ``LogisticRegression(C=4,
  max_iter=2000)`` on the texts as stored;
- ``default``: ``framing train CORPUS --label-col bias`` (the API call
  :func:`framing.model.training.train` with its defaults; the corpus read as the CLI
  reads it, cleaned);
- ``lexicon``: the same with ``--features lexicon``.

Train seconds: one fit on the whole of train.jsonl.gz (for framing:
boilerplate stripping, lexicon features and the final fit, from
``model.json``), with BLAS limited to one thread for every model. Scoring:
articles per second over valid.jsonl.gz, in memory (framing: the full
``framing score`` work, with top-5 explanations; also with 2 worker
processes). The scoring floor is judged in the framing process, which
times its own scoring and the reference pipeline's ``predict_proba``
(fitted by the reference child, left in bench/out/) in alternating rounds,
so machine load hits both alike. Peak RSS: the process (and, separately,
its largest worker).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import load_jsonl_gz, parser, require_shared, table  # noqa: E402

MODELS = ("reference", "default", "lexicon")
LABEL = "bias"
OUT = Path(__file__).resolve().parent / "out"
ROUNDS = 3


def _reference_file(limit: int | None) -> Path:
    """Where the reference child leaves its fitted pipeline (bench/out/)."""
    return OUT / f"reference_pipeline_{limit or 'full'}.joblib"


def _rss() -> dict[str, float]:
    return {
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_child_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        / 1024,
    }


def _folds(y: Any, groups: Any) -> list[tuple[Any, Any]]:
    from sklearn.model_selection import GroupKFold

    return list(GroupKFold(5).split(y, y, groups))


def _metrics(y: Any, pred: Any) -> dict[str, float]:
    from sklearn.metrics import accuracy_score, f1_score

    return {
        "macro_f1": float(f1_score(y, pred, average="macro")),
        "accuracy": float(accuracy_score(y, pred)),
    }


def run_reference(abp: Path, limit: int | None) -> dict[str, Any]:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.pipeline import make_pipeline
    from threadpoolctl import threadpool_limits

    def make() -> Any:
        return make_pipeline(
            TfidfVectorizer(
                ngram_range=(1, 2), min_df=3, sublinear_tf=True, max_features=300000
            ),
            LogisticRegression(C=4, max_iter=2000),
        )

    train = load_jsonl_gz(abp / "train.jsonl.gz", limit)
    valid = load_jsonl_gz(abp / "valid.jsonl.gz")
    texts = [r["text"] for r in train]
    y = np.array([r[LABEL] for r in train], dtype=object)
    groups = np.array([r["outlet"] for r in train], dtype=object)
    out: dict[str, Any] = {}
    with threadpool_limits(limits=1, user_api="blas"):
        t0 = time.perf_counter()
        pred = np.empty(len(y), dtype=object)
        fold_f1 = []
        for tr, te in _folds(y, groups):
            pipe = make().fit([texts[i] for i in tr], y[tr])
            pred[te] = pipe.predict([texts[i] for i in te])
            fold_f1.append(float(f1_score(y[te], pred[te], average="macro")))
        out["cv_s"] = time.perf_counter() - t0
        out["a"] = {**_metrics(y, pred), "fold_macro_f1": fold_f1}
        t0 = time.perf_counter()
        pipe = make().fit(texts, y)
        out["train_s"] = time.perf_counter() - t0
        import joblib

        OUT.mkdir(parents=True, exist_ok=True)
        joblib.dump(pipe, _reference_file(limit))
        vtexts = [r["text"] for r in valid]
        t0 = time.perf_counter()
        proba = pipe.predict_proba(vtexts)
        out["score_s"] = time.perf_counter() - t0
    vpred = pipe.classes_[proba.argmax(axis=1)]
    out["b"] = _metrics([r[LABEL] for r in valid], vpred)
    out["score_rate"] = len(vtexts) / out["score_s"]
    out["n_train"], out["n_valid"] = len(texts), len(vtexts)
    return out


def run_framing(
    abp: Path, limit: int | None, features: str, random_split: bool, jobs: int
) -> dict[str, Any]:
    from framing.corpus.read import read_corpus
    from framing.evaluation.folds import outlet_splits
    from framing.model.training import train
    from framing.scoring.score import evaluate_model, score_corpus, score_documents

    t0 = time.perf_counter()
    corpus = read_corpus(abp / "train.jsonl.gz", clean=True)
    if limit:
        corpus = corpus.iloc[:limit]
    valid = read_corpus(abp / "valid.jsonl.gz", clean=True)
    read_s = time.perf_counter() - t0
    y = corpus[LABEL].astype(str).to_numpy(dtype=object)
    groups = corpus["outlet"].to_numpy(dtype=object)
    ours, _ = outlet_splits(y, groups, n_splits=5)
    same = all(
        (a[1] == b[1]).all() for a, b in zip(ours, _folds(y, groups), strict=True)
    )
    if not same:
        raise SystemExit("framing's grouped folds differ from GroupKFold(5)")
    model = train(
        corpus,
        label_col=LABEL,
        features=features,  # type: ignore[arg-type]
        random_split=random_split,
        n_jobs=jobs,
        source="train.jsonl.gz",
    )
    card = model.card
    sec = card["training"]["seconds"]
    grouped = card["evaluation"]["grouped"]
    out: dict[str, Any] = {
        "read_s": read_s,
        "train_s": sec["prepare"] + sec.get("lexicon_features", 0) + sec["final_fit"],
        "cv_s": sec["cross_validation"],
        "seconds": sec,
        "a": {
            "macro_f1": grouped["macro_f1"],
            "accuracy": grouped["accuracy"],
            "fold_macro_f1": grouped["fold_macro_f1"],
            "brier": grouped["brier"],
            "roc_auc_ovr": grouped["roc_auc_ovr"],
        },
        "same_folds_as_reference": same,
        "settings": card["settings"],
    }
    if card["evaluation"].get("random"):
        out["a_random"] = {
            k: card["evaluation"]["random"][k] for k in ("macro_f1", "accuracy")
        }
    held = evaluate_model(model, valid, label_col=LABEL)
    out["b"] = {"macro_f1": held["macro_f1"], "accuracy": held["accuracy"]}
    scores = score_documents(model, valid)  # warm up (builds the TF-IDF index)
    out.update(_interleaved_scoring(abp, limit, model, valid))
    score_corpus(model, [valid.iloc[:20]], n_jobs=2)  # start the workers
    t0 = time.perf_counter()
    step = -(-len(valid) // 2)
    score_corpus(
        model, (valid.iloc[i : i + step] for i in range(0, len(valid), step)), n_jobs=2
    )
    out["score_rate_jobs2"] = len(valid) / (time.perf_counter() - t0)
    out["n_train"], out["n_valid"] = len(corpus), len(valid)
    out["scored_ok"] = int((scores["status"] == "ok").sum())
    # No example explanation: it would quote the corpus's words into the
    # committed results.
    out["explained_ok"] = bool(scores["top_features"].str.len().gt(0).all())
    return out


def _interleaved_scoring(
    abp: Path, limit: int | None, model: Any, valid: Any
) -> dict[str, Any]:
    """Time framing scoring and the reference's predict_proba, alternating.

    Both run in this process, on valid.jsonl.gz, BLAS on one thread,
    ``ROUNDS`` times each in turn; rates are medians. The reference pipeline
    is the one the reference child fitted (bench/out/), if it ran.
    """
    import statistics

    import joblib
    from threadpoolctl import threadpool_limits

    from framing.scoring.score import score_documents

    path = _reference_file(limit)
    ref = joblib.load(path) if path.exists() else None
    raw = [r["text"] for r in load_jsonl_gz(abp / "valid.jsonl.gz")]
    ours, theirs = [], []
    with threadpool_limits(limits=1, user_api="blas"):
        for _ in range(ROUNDS):
            if ref is not None:
                t0 = time.perf_counter()
                ref.predict_proba(raw)
                theirs.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            score_documents(model, valid)
            ours.append(time.perf_counter() - t0)
    out: dict[str, Any] = {"score_s": statistics.median(ours)}
    out["score_rate"] = len(valid) / out["score_s"]
    if theirs:
        out["ref_score_rate_same_process"] = len(raw) / statistics.median(theirs)
        out["score_ratio_interleaved"] = (
            out["score_rate"] / out["ref_score_rate_same_process"]
        )
    return out


def child(kind: str, args: Any) -> None:
    abp = require_shared(args.shared, "data", "abp")
    if kind == "reference":
        result = run_reference(abp, args.limit)
    else:
        features = "both" if kind == "default" else "lexicon"
        result = run_framing(
            abp, args.limit, features, random_split=kind == "default", jobs=args.jobs
        )
        result["jobs"] = args.jobs
    result.update(_rss())
    print("RESULT " + json.dumps(result), flush=True)


def _row(name: str, r: dict[str, Any]) -> dict[str, Any]:
    import statistics

    return {
        "model": name,
        "(a) macro-F1": f"{r['a']['macro_f1']:.3f}",
        "(a) fold mean": f"{statistics.mean(r['a']['fold_macro_f1']):.3f}",
        "(a) accuracy": f"{r['a']['accuracy']:.3f}",
        "(b) macro-F1": f"{r['b']['macro_f1']:.3f}",
        "(b) accuracy": f"{r['b']['accuracy']:.3f}",
        "train s": f"{r['train_s']:.0f}",
        "CV s": f"{r['cv_s']:.0f}",
        "peak RSS MB": f"{max(r['peak_rss_mb'], r['peak_child_rss_mb']):,.0f}",
        "score art/s": f"{r['score_rate']:.0f}"
        + (
            f" ({r['score_rate_jobs2']:.0f} with -j 2)"
            if "score_rate_jobs2" in r
            else ""
        ),
    }


def report(results: dict[str, dict[str, Any]], args: Any, load: list[float]) -> str:
    ref = results.get("reference")
    names = {
        "reference": "reference TF-IDF + LR(C=4)",
        "default": "framing default (`framing train`)",
        "lexicon": "framing lexicon-only (`--features lexicon`)",
    }
    rows = [_row(names[k], v) for k, v in results.items()]
    limit = (f" --limit {args.limit}" if args.limit else "") + (
        f" --jobs {args.jobs}" if args.jobs != 1 else ""
    )
    cols = list(rows[0])
    lines = [
        "# Outlet-framing model benchmark",
        "",
        f"Command: `python bench/model_bench.py{limit}` (load average "
        f"{load[0]:.1f} at start, {load[1]:.1f} at end, on {os.cpu_count()} cores).",
        "",
        table(rows, cols),
        "",
    ]
    if ref:

        def floor(name: str, ok: bool, text: str) -> str:
            return f"- {name}: {'met' if ok else 'MISSED'} ({text})"

        lines.append("Floors (default vs reference, same run):")
        d = results.get("default")
        if d:
            gain = d["a"]["macro_f1"] - ref["a"]["macro_f1"]
            lines += [
                floor(
                    "(a) macro-F1 >= reference + 0.03",
                    gain >= 0.03,
                    f"{d['a']['macro_f1']:.3f} vs {ref['a']['macro_f1']:.3f}, "
                    f"{gain:+.3f}",
                ),
                floor(
                    "(b) macro-F1 >= reference",
                    d["b"]["macro_f1"] >= ref["b"]["macro_f1"],
                    f"{d['b']['macro_f1']:.3f} vs {ref['b']['macro_f1']:.3f}",
                ),
                floor(
                    "train time <= 1.5x reference",
                    d["train_s"] <= 1.5 * ref["train_s"],
                    f"{d['train_s']:.0f} s vs {ref['train_s']:.0f} s, "
                    f"{d['train_s'] / ref['train_s']:.2f}x",
                ),
                floor(
                    "peak RSS <= 6 GB",
                    max(d["peak_rss_mb"], d["peak_child_rss_mb"]) <= 6144,
                    f"{d['peak_rss_mb']:,.0f} MB",
                ),
                floor(
                    "scoring >= 0.8x reference (1 process)",
                    d.get("score_ratio_interleaved", 0) >= 0.8,
                    f"{d.get('score_ratio_interleaved', float('nan')):.2f}x, "
                    f"{ROUNDS} alternating rounds in one process: "
                    f"{d['score_rate']:.0f} vs "
                    f"{d.get('ref_score_rate_same_process', float('nan')):.0f} "
                    "articles/s",
                ),
                floor(
                    "scoring with -j 2 >= 0.8x reference (1 process)",
                    d["score_rate_jobs2"]
                    >= 0.8 * d.get("ref_score_rate_same_process", ref["score_rate"]),
                    f"{d['score_rate_jobs2']:.0f} articles/s",
                ),
            ]
            if "a_random" in d:
                lines.append(
                    f"- optimistic random split (outlets seen in training), "
                    f"default model: macro-F1 {d['a_random']['macro_f1']:.3f} "
                    f"(gap {d['a_random']['macro_f1'] - d['a']['macro_f1']:+.3f})"
                )
        lx = results.get("lexicon")
        if lx:
            lines.append(
                f"- lexicon-only: (a) {lx['a']['macro_f1']:.3f} "
                f"({lx['a']['macro_f1'] - ref['a']['macro_f1']:+.3f} vs reference), "
                f"(b) {lx['b']['macro_f1']:.3f} "
                f"({lx['b']['macro_f1'] - ref['b']['macro_f1']:+.3f})"
            )
    lines += [
        "",
        "Raw results:",
        "",
        "```json",
        json.dumps(results, indent=1, default=str),
        "```",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--only", choices=MODELS, help="(internal) run one model")
    p.add_argument(
        "--models",
        default=",".join(MODELS),
        help="comma-separated subset of " + ", ".join(MODELS),
    )
    p.add_argument("--limit", type=int, help="use only the first N training articles")
    p.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="framing train --jobs (lexicon features in N processes)",
    )
    p.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent / "results" / "model.md",
    )
    args = p.parse_args()
    if args.only:
        child(args.only, args)
        return
    require_shared(args.shared, "data", "abp", "train.jsonl.gz")
    load = [os.getloadavg()[0]]
    results: dict[str, dict[str, Any]] = {}
    for kind in args.models.split(","):
        cmd = [sys.executable, __file__, "--only", kind, "--shared", str(args.shared)]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        cmd += ["--jobs", str(args.jobs)]
        print(f"running {kind} ...", flush=True)
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        line = [x for x in proc.stdout.splitlines() if x.startswith("RESULT ")]
        if proc.returncode or not line:
            print(proc.stdout[-2000:], proc.stderr[-4000:], file=sys.stderr)
            raise SystemExit(f"{kind} failed")
        results[kind] = json.loads(line[-1][len("RESULT ") :])
        print(json.dumps(results[kind])[:600], flush=True)
    load.append(os.getloadavg()[0])
    text = report(results, args, load)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
