"""How sure is setting (b)? Per-class scores and an outlet bootstrap.

Run: ``python bench/model_heldout_ci.py MODEL_DIR`` after
``python bench/model_bench.py`` (which leaves the fitted reference pipeline
in bench/out/) and ``framing train ../shared/data/abp/train.jsonl.gz
--label-col bias -o MODEL_DIR`` (the default model, as in the benchmark).

Both models score valid.jsonl.gz (outlets unseen in training). Prints each
model's per-class precision, recall and F1, then the difference in
macro-F1 (framing minus reference) with a 95% interval from a paired
bootstrap that resamples whole outlets (the articles of one outlet are not
independent, and one outlet holds most of valid).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import load_jsonl_gz, parser, require_shared  # noqa: E402

LABEL = "bias"


def main() -> None:
    import joblib
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    from framing.corpus.boilerplate import strip_boilerplate
    from framing.corpus.read import read_corpus
    from framing.model.storage import load_model
    from framing.scoring.score import score_documents

    p = parser(__doc__.splitlines()[0])
    p.add_argument("model", type=Path, help="framing model directory")
    p.add_argument(
        "--reference",
        type=Path,
        default=Path(__file__).resolve().parent
        / "out"
        / "reference_pipeline_full.joblib",
    )
    p.add_argument("--boot", type=int, default=2000)
    args = p.parse_args()
    abp = require_shared(args.shared, "data", "abp")
    raw = load_jsonl_gz(abp / "valid.jsonl.gz")
    y = np.array([r[LABEL] for r in raw], dtype=object)
    outlets = np.array([r["outlet"] for r in raw], dtype=object)
    if not Path(args.reference).is_file():
        raise SystemExit(
            f"{args.reference}: no reference pipeline; run bench/model_bench.py "
            "first or pass --reference"
        )
    ref = joblib.load(args.reference)
    preds = {"reference": ref.predict([r["text"] for r in raw]).astype(object)}
    model = load_model(args.model)
    valid = read_corpus(abp / "valid.jsonl.gz", clean=True)
    settings = model.card.get("settings", {})
    if settings.get("strip_boilerplate"):  # as framing evaluate does
        valid = strip_boilerplate(valid, credits=bool(settings.get("strip_credits")))
    scores = score_documents(model, valid, top_k=0)
    preds["framing default"] = scores["predicted"].to_numpy(dtype=object)
    classes = sorted(set(y))
    print(
        f"valid: {len(y)} articles, {len(set(outlets))} outlets; "
        + ", ".join(f"{c} {int((y == c).sum())}" for c in classes)
    )
    print(
        "| model | " + " | ".join(f"{c} P / R / F1" for c in classes) + " | macro-F1 |"
    )
    print("|---|" + "---|" * (len(classes) + 1))
    for name, pred in preds.items():
        p_, r_, f_, _ = precision_recall_fscore_support(
            y, pred, labels=classes, zero_division=0
        )
        cells = [
            f"{a:.2f} / {b:.2f} / {c:.2f}" for a, b, c in zip(p_, r_, f_, strict=True)
        ]
        macro = f1_score(y, pred, labels=classes, average="macro", zero_division=0)
        print(f"| {name} | " + " | ".join(cells) + f" | {macro:.3f} |")
    names = sorted(set(outlets))
    rows_of = {o: np.nonzero(outlets == o)[0] for o in names}
    rng = np.random.default_rng(0)
    diffs = []
    a, b = preds["framing default"], preds["reference"]
    for _ in range(args.boot):
        pick = rng.choice(len(names), size=len(names), replace=True)
        idx = np.concatenate([rows_of[names[i]] for i in pick])
        diffs.append(
            f1_score(y[idx], a[idx], labels=classes, average="macro", zero_division=0)
            - f1_score(y[idx], b[idx], labels=classes, average="macro", zero_division=0)
        )
    point = f1_score(y, a, labels=classes, average="macro", zero_division=0) - f1_score(
        y, b, labels=classes, average="macro", zero_division=0
    )
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    print(
        f"\nmacro-F1 difference (framing default - reference): {point:+.3f}, "
        f"95% outlet-bootstrap interval [{lo:+.3f}, {hi:+.3f}] "
        f"({args.boot} resamples of the {len(names)} outlets)"
    )
    share = float(np.mean(np.array(diffs) > 0))
    print(f"share of resamples where framing is ahead: {share:.2f}")


if __name__ == "__main__":
    main()
