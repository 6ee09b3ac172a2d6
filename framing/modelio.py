"""Save and load models in a format whose loading cannot execute code.

A model directory holds:

``pipeline.skops``
    The fitted pipeline, written with skops (a zip of JSON and ``.npy``
    arrays; objects are rebuilt from an explicit description, never
    unpickled). :func:`load_model` reads the file's schema first and refuses
    any type outside :data:`ALLOWED_TYPES` (the exact scikit-learn, NumPy
    and framing types the pipelines use) before anything is constructed.
``model.json``
    The model card: format version, framing and library versions, lexicon
    digest, labels, settings, training corpus summary, evaluation metrics,
    created-at, and the SHA-256 of the pipeline file (a tampered file is
    refused).
``boilerplate.json``
    Per-outlet boilerplate lines removed in training (also hashed).

Plain pickle / joblib files (``serializer="joblib"``) load only with
``trust=True`` (``--trust``): unpickling can run arbitrary code.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from framing.exceptions import ModelFileError
from framing.model import FramingModel
from framing.output import atomic_write_text

__all__ = [
    "ALLOWED_TYPES",
    "CARD_FILE",
    "describe_card",
    "file_types",
    "load_model",
    "read_card",
    "record_test",
    "save_model",
]

CARD_FILE = "model.json"
BOILERPLATE_FILE = "boilerplate.json"
PIPELINE_FILES = {"skops": "pipeline.skops", "joblib": "pipeline.joblib"}
FORMAT, FORMAT_VERSION = "framing-model", 1

#: Every type a framing model file may contain (``module.Class`` as skops
#: records it). Anything else is refused before loading.
ALLOWED_TYPES: frozenset[str] = frozenset({
    "builtins.bool", "builtins.dict", "builtins.float", "builtins.int",
    "builtins.list", "builtins.NoneType", "builtins.str", "builtins.tuple",
    "numpy.bool", "numpy.bool_", "numpy.dtype", "numpy.float32", "numpy.float64",
    "numpy.int32", "numpy.int64", "numpy.ndarray", "numpy.str_",
    "framing.features.FramingFeatures",
    "sklearn.pipeline.Pipeline",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.preprocessing._data.StandardScaler",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.svm._classes.LinearSVC",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
})
#: skops node kinds a framing model file may contain (no functions,
#: methods, operators or reduce calls).
_ALLOWED_NODES = frozenset({"DictNode", "ListNode", "JsonNode", "TypeNode",
                            "TupleNode", "ObjectNode", "NdArrayNode", "DTypeNode"})


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def save_model(
    model: FramingModel,
    path: str | Path,
    *,
    serializer: Literal["skops", "joblib"] = "skops",
) -> Path:
    """Write a model directory (pipeline file, ``model.json``, boilerplate).

    Parameters
    ----------
    model : FramingModel
        A trained model (:func:`framing.model.train`).
    path : str or Path
        The directory (created; existing model files are replaced).
    serializer : {"skops", "joblib"}, default="skops"
        ``"joblib"`` (pickle) is for pipelines with custom types skops cannot
        describe; such a model loads only with ``trust=True``.

    Returns
    -------
    Path
        The directory.
    """
    if serializer not in PIPELINE_FILES:
        raise ModelFileError(f"serializer must be skops or joblib, got {serializer!r}")
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise ModelFileError(f"{out}: exists and is not a directory")
    out.mkdir(parents=True, exist_ok=True)
    target = out / PIPELINE_FILES[serializer]
    tmp = out / f".{target.name}.{os.urandom(4).hex()}.tmp"
    try:
        if serializer == "skops":
            import skops.io as sio

            sio.dump(model.pipeline, tmp)
        else:
            import joblib

            joblib.dump(model.pipeline, tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    for other in PIPELINE_FILES.values():
        if other != target.name:
            (out / other).unlink(missing_ok=True)
    bp = atomic_write_text(out / BOILERPLATE_FILE,
                           json.dumps(model.boilerplate, ensure_ascii=False,
                                      indent=0, sort_keys=True) + "\n")
    card = dict(model.card)
    card["files"] = {
        "pipeline": target.name, "serializer": serializer,
        "pipeline_sha256": _sha256(target),
        "boilerplate": bp.name, "boilerplate_sha256": _sha256(bp),
    }
    atomic_write_text(out / CARD_FILE,
                      json.dumps(card, indent=2, ensure_ascii=False) + "\n")
    model.card, model.path = card, out
    return out


def read_card(path: str | Path) -> dict[str, Any]:
    """Read and check a model directory's ``model.json``.

    Raises
    ------
    ModelFileError
        Missing directory or card, invalid JSON, not a framing model, or a
        format version this framing does not read.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise ModelFileError(f"{folder}: no such model directory")
    card_path = folder / CARD_FILE
    if not card_path.is_file():
        raise ModelFileError(f"{folder}: not a framing model ({CARD_FILE} missing)")
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelFileError(f"{card_path}: not valid JSON ({exc})") from None
    if not isinstance(card, dict) or card.get("format") != FORMAT:
        raise ModelFileError(f"{card_path}: not a framing model card")
    if card.get("format_version") != FORMAT_VERSION:
        raise ModelFileError(
            f"{card_path}: model format version {card.get('format_version')!r}; "
            f"this framing reads version {FORMAT_VERSION}. Retrain the model")
    files = card.get("files")
    if not isinstance(files, dict) or files.get("serializer") not in PIPELINE_FILES:
        raise ModelFileError(f"{card_path}: no pipeline file recorded")
    return card


def file_types(path: str | Path) -> set[tuple[str, str]]:
    """Return the ``(module.Class, node kind)`` pairs in a skops file's schema.

    Reads ``schema.json`` from the zip without constructing anything.

    Raises
    ------
    ModelFileError
        If the file is not a skops file.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            schema = json.loads(zf.read("schema.json"))
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, UnicodeDecodeError):
        raise ModelFileError(f"{path}: not a skops model file") from None
    found: set[tuple[str, str]] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "__class__" in node:
                found.add((f"{node.get('__module__')}.{node['__class__']}",
                           str(node.get("__loader__"))))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def load_model(path: str | Path, *, trust: bool = False) -> FramingModel:
    """Load a model directory, refusing anything that could run code.

    Checks, in order: the card (:func:`read_card`), that the pipeline file
    exists and its SHA-256 matches the card, that every type in it is in
    :data:`ALLOWED_TYPES`; then loads it and checks that its classes and
    lexicon digest match the card. A model written by another scikit-learn
    version loads with a warning.

    Parameters
    ----------
    path : str or Path
        The model directory.
    trust : bool, default=False
        Also accept types outside the allow-list and joblib/pickle files.
        Only for models from a source you trust: unpickling runs code.

    Returns
    -------
    FramingModel

    Raises
    ------
    ModelFileError
        Missing or tampered files, foreign types, pickle without `trust`,
        or a pipeline that does not match its card.
    """
    folder = Path(path)
    card = read_card(folder)
    files = card["files"]
    pipe_path = folder / str(files.get("pipeline"))
    if Path(str(files.get("pipeline"))).name != files.get("pipeline"):
        raise ModelFileError(f"{folder / CARD_FILE}: bad pipeline file name")
    if not pipe_path.is_file():
        raise ModelFileError(f"{pipe_path}: pipeline file missing")
    if _sha256(pipe_path) != files.get("pipeline_sha256"):
        raise ModelFileError(
            f"{pipe_path}: SHA-256 does not match {CARD_FILE}; the file was "
            "modified or replaced. Refusing to load it")
    if files["serializer"] == "joblib":
        if not trust:
            raise ModelFileError(
                f"{pipe_path}: a pickle (joblib) file can run arbitrary code when "
                "loaded; refusing. Pass --trust (trust=True) only if you trust "
                "its source")
        import joblib

        pipeline = joblib.load(pipe_path)
    else:
        pipeline = _load_skops(pipe_path, trust=trust)
    boilerplate = _load_boilerplate(folder, files)
    _check_versions(card)
    _check_pipeline(pipeline, card, pipe_path)
    return FramingModel(pipeline, card, boilerplate, folder)


def _load_skops(path: Path, *, trust: bool) -> Any:
    import skops.io as sio

    found = file_types(path)
    foreign = sorted({name for name, kind in found
                      if name not in ALLOWED_TYPES or kind not in _ALLOWED_NODES})
    if foreign and not trust:
        shown = ", ".join(foreign[:5]) + (" ..." if len(foreign) > 5 else "")
        raise ModelFileError(
            f"{path}: contains types outside the allow-list ({shown}); refusing "
            "to load it. Pass --trust only if you trust its source")
    try:
        untrusted = sio.get_untrusted_types(file=path)
        return sio.load(path, trusted=untrusted)
    except ModelFileError:
        raise
    except Exception as exc:  # skops raises many kinds on a corrupt file
        raise ModelFileError(f"{path}: cannot load the pipeline ({exc})") from None


def _load_boilerplate(folder: Path, files: Mapping[str, Any]) -> dict[str, list[str]]:
    name = files.get("boilerplate")
    if not name:
        return {}
    path = folder / Path(str(name)).name
    if not path.is_file():
        raise ModelFileError(f"{path}: boilerplate file missing")
    if _sha256(path) != files.get("boilerplate_sha256"):
        raise ModelFileError(f"{path}: SHA-256 does not match {CARD_FILE}; refusing")
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ModelFileError(f"{path}: not an outlet -> lines table")
    return {str(k): [str(x) for x in v] for k, v in data.items()}


def _check_versions(card: Mapping[str, Any]) -> None:
    import sklearn

    saved = (card.get("versions") or {}).get("scikit-learn")
    if saved and saved.split(".")[:2] != sklearn.__version__.split(".")[:2]:
        warnings.warn(
            f"model saved with scikit-learn {saved}, running {sklearn.__version__}; "
            "predictions may differ. Retrain to be sure", UserWarning, stacklevel=3)


def _check_pipeline(pipeline: Any, card: Mapping[str, Any], path: Path) -> None:
    from sklearn.pipeline import Pipeline

    if not isinstance(pipeline, Pipeline) or not hasattr(pipeline, "predict_proba"):
        raise ModelFileError(f"{path}: not a classification pipeline")
    try:
        classes = [str(c) for c in pipeline.classes_]
    except AttributeError:
        raise ModelFileError(f"{path}: the pipeline is not fitted") from None
    if classes != [str(c) for c in card.get("labels", [])]:
        raise ModelFileError(
            f"{path}: classes {classes} do not match the card's labels "
            f"{card.get('labels')}")
    digest = (card.get("lexicon") or {}).get("digest")
    features = pipeline.named_steps.get("features")
    lex = dict(getattr(features, "transformer_list", [])).get("lex")
    if lex is not None and digest:
        ff = lex.steps[0][1]
        if getattr(ff, "lexicon_digest_", None) != digest:
            raise ModelFileError(
                f"{path}: lexicon digest {getattr(ff, 'lexicon_digest_', None)} "
                f"does not match the card's {digest}")


def record_test(path: str | Path, name: str, metrics: Mapping[str, Any]) -> Path:
    """Add held-out test metrics to a model's card under ``tests[name]``.

    The pipeline file (and its hash) is not touched.
    """
    folder = Path(path)
    card = read_card(folder)
    card.setdefault("tests", {})[name] = dict(metrics)
    return atomic_write_text(folder / CARD_FILE,
                             json.dumps(card, indent=2, ensure_ascii=False) + "\n")


def describe_card(card: Mapping[str, Any]) -> str:
    """Format a model card as readable text (``framing model info``)."""
    from framing.evaluation import format_metrics

    t = card.get("training", {})
    s = card.get("settings", {})
    v = card.get("versions", {})
    lex = card.get("lexicon", {})
    src = card.get("label_source", {})
    label_from = (f"outlet table {src.get('outlet_table')} ({src.get('column')})"
                  if "outlet_table" in src else f"column {src.get('column')!r}")
    lines = [
        f"framing model (format {card.get('format_version')}), created "
        f"{card.get('created_at')}",
        f"labels:     {', '.join(card.get('labels', []))} (from {label_from})",
        f"features:   {s.get('features')}; classifier {s.get('classifier')} "
        f"C={s.get('C')}; seed {s.get('seed')}; boilerplate stripped: "
        f"{s.get('strip_boilerplate')}",
        *([f"            tf-idf 1-{s.get('ngram_max')}-grams, min_df="
           f"{s.get('min_df')}, in >= {s.get('min_outlets', 1)} outlets (share "
           f"{s.get('min_outlet_share', 0)}): {s.get('n_text_features', '?')} kept; "
           f"lexicon weight {s.get('lexicon_weight', '-')}"]
          if s.get("features") != "lexicon" else []),
        f"lexicon:    {lex.get('name')} v{lex.get('version')} digest "
        f"{lex.get('digest')}",
        f"training:   {t.get('articles')} articles, {t.get('outlets')} outlets"
        + (f", {t['date_range'][0]} to {t['date_range'][1]}"
           if t.get("date_range") else "")
        + (f" ({t.get('source')})" if t.get("source") else ""),
        "            per label: " + ", ".join(
            f"{k} {n} ({t.get('outlets_per_label', {}).get(k, '?')} outlets)"
            for k, n in t.get("label_counts", {}).items()),
    ]
    dropped = t.get("dropped") or {}
    if dropped:
        lines.append("            left out: " + ", ".join(
            f"{k.replace('_', ' ')} {n}" for k, n in dropped.items()))
    lines.append("versions:   " + ", ".join(f"{k} {x}" for k, x in v.items()))
    files = card.get("files") or {}
    if files:
        lines.append(f"file:       {files.get('pipeline')} ({files.get('serializer')}, "
                     f"sha256 {str(files.get('pipeline_sha256'))[:16]}...)")
    ev = card.get("evaluation")
    if ev:
        cols = {"grouped by outlet": ev["grouped"]}
        if ev.get("random"):
            cols["random split"] = ev["random"]
        lines += ["", format_metrics(cols, title="cross-validation:")]
    else:
        lines.append("evaluation: none (trained with --no-eval)")
    for name, m in (card.get("tests") or {}).items():
        lines += ["", format_metrics({"held-out": m}, title=f"held-out test {name}:")]
    return "\n".join(lines)
