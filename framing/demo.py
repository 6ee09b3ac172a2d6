"""The demo job: run framing end to end on the bundled synthetic corpus.

``framing demo`` (and ``make demo``) writes everything under
``reports/demo/`` and prints where each output is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["DemoPaths", "demo_data_dir", "run_demo"]


def demo_data_dir() -> Path:
    """Return the bundled ``data/`` folder of a source checkout.

    Returns
    -------
    Path
        The folder holding ``demo/articles.jsonl``.

    Raises
    ------
    FramingError
        When the package is installed without its source checkout.
    """
    from framing.errors import FramingError

    here = Path(__file__).resolve().parents[1] / "data"
    if not (here / "demo" / "articles.jsonl").is_file():
        raise FramingError(
            f"{here}: demo corpus not found; run the demo from a clone of the "
            "framing repository"
        )
    return here


@dataclass
class DemoPaths:
    """Where the demo wrote its outputs (name -> path), in order."""

    out_dir: Path
    outputs: dict[str, Path] = field(default_factory=dict)
    #: Text for the terminal, e.g. the model's cross-validation table.
    summary: str = ""


def run_demo(out_dir: str | Path = "reports/demo") -> DemoPaths:
    """Run the demo pipeline on the bundled corpus.

    Parameters
    ----------
    out_dir : str or Path, default="reports/demo"
        Output folder (created).

    Returns
    -------
    DemoPaths
        The outputs written.
    """
    from framing.corpus.read import read_corpus
    from framing.features.transformer import FramingFeatures, features_frame
    from framing.lexicon.load import load_lexicon
    from framing.matching.highlight import highlight_page
    from framing.matching.matcher import compile_matcher
    from framing.tables import atomic_write_text, write_table

    data = demo_data_dir()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = DemoPaths(out)
    corpus = read_corpus(data / "demo" / "articles.jsonl", clean=True)

    lexicon = load_lexicon()
    ff = FramingFeatures(lexicon=lexicon).fit([])
    paths.outputs["features"] = write_table(
        features_frame(corpus, ff), out / "features.csv"
    )

    single = data / "demo" / "article_single.txt"
    text = single.read_bytes().decode("utf-8")
    matches = compile_matcher(lexicon).find(text)
    page = highlight_page(
        text, matches, lexicon, title=f"framing highlight: {single.name}"
    )
    paths.outputs["highlight"] = atomic_write_text(out / "highlight.html", page)
    _demo_model(corpus, data, out, paths)
    _demo_report(corpus, data, out, paths)
    return paths


def _demo_model(corpus: object, data: Path, out: Path, paths: DemoPaths) -> None:
    """Train on the demo's outlet alignments, evaluate, score per outlet."""
    from framing.evaluation.table import format_metrics
    from framing.model.storage import save_model
    from framing.model.training import train
    from framing.scoring.score import score_corpus
    from framing.tables import TableWriter, atomic_write_text, write_table

    model = train(
        corpus, outlet_labels=data / "outlets.csv", source="data/demo/articles.jsonl"
    )
    paths.outputs["model"] = save_model(model, out / "model")
    ev = model.card["evaluation"]
    table = format_metrics(
        {"grouped by outlet": ev["grouped"], "random split": ev["random"]},
        title="Outlet-framing model (labels: data/outlets.csv alignment), "
        "cross-validated with outlets held out:",
    )
    paths.outputs["evaluation"] = atomic_write_text(
        out / "evaluation.txt", table + "\n"
    )
    with TableWriter(out / "scores.csv") as writer:
        summary = score_corpus(model, [corpus], writer, by_outlet=True)
    paths.outputs["scores"] = writer.path
    paths.outputs["outlets"] = write_table(summary.outlets, out / "outlets.csv")
    paths.summary = (paths.summary + "\n" + table).strip()


def _demo_report(corpus: object, data: Path, out: Path, paths: DemoPaths) -> None:
    """Write the report (PNG per chart, report.pdf) with terms for A vs B."""
    from framing.corpus.boilerplate import strip_boilerplate
    from framing.corpus.labels import read_outlet_labels
    from framing.discovery.terms import discover_terms
    from framing.report.assemble import build_report
    from framing.scoring.report_inputs import collect_report_inputs

    labels, _ = read_outlet_labels(data / "outlets.csv")
    terms = discover_terms(
        strip_boilerplate(corpus),
        by="alignment",
        group_labels=labels,
        vs=("A", "B"),
        top_per_group=None,
    )
    inputs = collect_report_inputs(
        corpus,
        model_dir=paths.outputs.get("model"),
        terms=terms,
        source="data/demo/articles.jsonl",
    )
    written = build_report(inputs, out_dir=out, title="Framing report: demo corpus")
    for path in written:
        if path.suffix == ".pdf":
            paths.outputs["report"] = path
    for path in written:
        if path.suffix == ".png":
            paths.outputs[f"chart {path.stem[:2]}"] = path
