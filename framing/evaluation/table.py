"""Format metric sets side by side as a plain-text table."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["format_metrics"]

_ROWS = (
    ("macro_f1", "macro-F1"),
    ("accuracy", "accuracy"),
    ("roc_auc_ovr", "ROC AUC (one-vs-rest)"),
    ("brier", "Brier score"),
    ("ece", "calibration error (ECE)"),
)


def _num(v: Any, width: int = 8) -> str:
    return f"{v:>{width}.3f}" if isinstance(v, (int, float)) else f"{'-':>{width}}"


def format_metrics(
    columns: Mapping[str, Mapping[str, Any]], *, title: str | None = None
) -> str:
    """Format one or more metric sets side by side as a readable table.

    Parameters
    ----------
    columns : mapping of str to dict
        Column heading -> metrics
        (:func:`framing.evaluation.metrics.classification_metrics`, as in a report from
        :func:`framing.evaluation.evaluate_cv`). A column with a ``note`` is
        marked with ``*`` and the note printed below.
    title : str, optional
        A first line.

    Returns
    -------
    str
        Headline metrics, per-class precision / recall / F1, the confusion
        matrix of the first column and the reliability bins of the first.
    """
    names = list(columns)
    heads = [n + ("*" if columns[n].get("note") else "") for n in names]
    support = max(
        (pc["support"] for m in columns.values() for pc in m["per_class"].values()),
        default=0,
    )
    width = max(24 + len(str(support)), *(len(h) + 2 for h in heads))
    label_w = 26
    lines = [title] if title else []
    lines.append(" " * label_w + "".join(f"{h:>{width}}" for h in heads))
    for key, label in _ROWS:
        lines.append(
            f"{label:<{label_w}}"
            + "".join(f"{_num(columns[n].get(key), width)}" for n in names)
        )
    first = columns[names[0]]
    sizes = [f"{columns[n].get('n')} / {columns[n].get('n_folds', '-')}" for n in names]
    lines.append(
        f"{'articles / folds':<{label_w}}" + "".join(f"{x:>{width}}" for x in sizes)
    )
    lines.append("per class: precision / recall / F1 (support)")
    for c in first["per_class"]:
        cells = []
        for n in names:
            pc = columns[n]["per_class"].get(c)
            cells.append(
                "-"
                if pc is None
                else f"{pc['precision']:.2f} / {pc['recall']:.2f} / {pc['f1']:.2f}"
                f" ({pc['support']})"
            )
        lines.append(f"  {c:<{label_w - 2}}" + "".join(f"{x:>{width}}" for x in cells))
    conf = first["confusion"]
    labels = [str(x) for x in conf["labels"]]
    cw = max(7, *(len(x) + 1 for x in labels))
    lines.append(f"confusion matrix, {heads[0]} (rows true, columns predicted):")
    lines.append(" " * label_w + "".join(f"{x:>{cw}}" for x in labels))
    for lab, row in zip(labels, conf["matrix"], strict=True):
        lines.append(f"  {lab:<{label_w - 2}}" + "".join(f"{v:>{cw}}" for v in row))
    lines.append(f"reliability, {heads[0]} (top-label confidence bins):")
    lines.append(f"  {'bin':<14}{'n':>7}{'confidence':>12}{'accuracy':>10}")
    for b in first["reliability"]:
        lines.append(
            f"  {b['lo']:.1f}-{b['hi']:.1f}{'':<7}{b['n']:>7}"
            f"{b['confidence']:>12.3f}{b['accuracy']:>10.3f}"
        )
    if len(names) > 1 and all(
        isinstance(columns[n].get("macro_f1"), float) for n in names[:2]
    ):
        gap = columns[names[1]]["macro_f1"] - columns[names[0]]["macro_f1"]
        lines.append(f"gap in macro-F1 ({heads[1]} minus {heads[0]}): {gap:+.3f}")
    for h, n in zip(heads, names, strict=True):
        if columns[n].get("note"):
            how = columns[n].get("cv")
            lines.append(f"* {columns[n]['note']}" + (f"; {how}" if how else ""))
        elif columns[n].get("cv"):
            lines.append(
                f"{h}: {columns[n]['cv']}, {columns[n].get('n_outlets', '?')} outlets"
            )
    return "\n".join(lines)
