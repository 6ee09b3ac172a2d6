"""The model card (``model.json``): read it, check its schema, describe it.

The card records the format version, framing and library versions, lexicon
digest, labels, settings, training corpus summary, evaluation metrics,
created-at and the SHA-256 of the model's files. :func:`read_card` refuses a
card whose keys do not have the types the code relies on, naming the key;
:func:`describe_card` prints it for ``framing model info``;
:func:`record_test` adds held-out metrics to it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from framing.errors import ModelFileError, one_line
from framing.tables import atomic_write_text

__all__ = [
    "BOILERPLATE_FILE",
    "CARD_FILE",
    "MODEL_FILES",
    "FORMAT_VERSION",
    "PIPELINE_FILES",
    "READABLE_VERSIONS",
    "describe_card",
    "read_card",
    "record_test",
]

CARD_FILE = "model.json"
BOILERPLATE_FILE = "boilerplate.json"
PIPELINE_FILES = {"skops": "pipeline.skops", "joblib": "pipeline.joblib"}
#: The files :func:`save_model` writes; a directory holding anything else is
#: not replaced.
MODEL_FILES = frozenset({CARD_FILE, BOILERPLATE_FILE, *PIPELINE_FILES.values()})
FORMAT = "framing-model"
#: The model format version :func:`~framing.model.storage.save_model` writes.
#: It is bumped whenever a saved file or setting changes meaning.
#:
#: 1
#:     framing 0.1 to 0.2.0, flat module layout: ``pipeline.skops`` names
#:     ``framing.features.FramingFeatures``. Four sub-variants were added
#:     without a bump; the card's ``settings`` tells them apart by the keys
#:     the older ones lack, and loading and scoring follow the card:
#:
#:     - no ``lexicon_weight``: the lexicon block beside TF-IDF is unweighted;
#:     - no ``length``: the lexicon features always include ``n_tokens`` and
#:       ``n_sentences`` (the FramingFeatures has no ``length`` attribute);
#:     - no ``min_outlet_share``, ``min_outlets`` or ``n_text_features``:
#:       n-grams were kept whatever the number of outlets using them;
#:     - no ``strip_credits``: photo credits were not stripped in training,
#:       so scoring keeps them too.
#: 2
#:     The stage-subpackage layout: ``pipeline.skops`` names
#:     ``framing.features.transformer.FramingFeatures``; settings as in the
#:     newest version 1 card.
FORMAT_VERSION = 2
#: The format versions :func:`read_card` accepts (oldest first).
READABLE_VERSIONS: tuple[int, ...] = (1, 2)


# -- the model card ------------------------------------------------------------


def read_card(path: str | Path) -> dict[str, Any]:
    """Read and check a model directory's ``model.json``.

    Parameters
    ----------
    path : str or Path
        The model directory.

    Returns
    -------
    dict
        The card, with the keys and types the rest of framing relies on.

    Raises
    ------
    ModelFileError
        Missing directory or card, invalid JSON, not a framing model, a
        format version this framing does not read, or a key missing or of
        the wrong type (the message names it).
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
    except OSError as exc:
        raise ModelFileError(f"{card_path}: cannot read ({one_line(exc)})") from None
    if not isinstance(card, dict) or card.get("format") != FORMAT:
        raise ModelFileError(f"{card_path}: not a framing model card")
    _check_format_version(card.get("format_version"), card_path)
    try:
        _check_card(card)
    except _CardError as exc:
        raise ModelFileError(f"{card_path}: bad model card: {exc}") from None
    return card


def _check_format_version(version: Any, card_path: Path) -> None:
    if not _is(version, "an integer"):
        raise ModelFileError(
            f"{card_path}: bad model card: 'format_version' must "
            f"be an integer, not {_json_name(version)}"
        )
    if version > FORMAT_VERSION:
        raise ModelFileError(
            f"{card_path}: model format version {version} is newer than this "
            f"framing reads (version {FORMAT_VERSION}); upgrade framing"
        )
    if version not in READABLE_VERSIONS:
        raise ModelFileError(
            f"{card_path}: model format version {version}; this framing reads "
            f"versions {READABLE_VERSIONS[0]} to {FORMAT_VERSION}. Retrain the model"
        )


class _CardError(Exception):
    """A key of the card is missing or of the wrong type (one-line message)."""


_KINDS: dict[str, tuple[type, ...]] = {
    "an object": (dict,),
    "an array": (list,),
    "a string": (str,),
    "an integer": (int,),
    "a number": (int, float),
}


def _json_name(value: Any) -> str:
    """Name a value's JSON type for a message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    for kind, types in _KINDS.items():
        if isinstance(value, types):
            return kind
    return type(value).__name__


def _is(value: Any, kind: str) -> bool:
    return isinstance(value, _KINDS[kind]) and not isinstance(value, bool)


def _need(value: Any, kind: str, key: str, *, null: bool = False) -> Any:
    """Return `value` if it is of JSON `kind` (or null if allowed), else raise."""
    if (value is None and null) or _is(value, kind):
        return value
    raise _CardError(
        f"'{key}' must be {kind}{' or null' if null else ''}, not {_json_name(value)}"
    )


def _field(
    obj: Mapping[str, Any],
    key: str,
    kind: str,
    *,
    where: str = "",
    null: bool = False,
    required: bool = True,
) -> Any:
    """Return ``obj[key]`` checked by :func:`_need`; None if optional and absent."""
    name = f"{where}.{key}" if where else key
    if key not in obj:
        if required:
            raise _CardError(f"'{name}' is missing")
        return None
    return _need(obj[key], kind, name, null=null)


def _each(values: Any, kind: str, key: str) -> None:
    """Check every value of an array or object (named ``key[i]``/``key.k``)."""
    items = values.items() if isinstance(values, dict) else enumerate(values)
    for k, v in items:
        _need(v, kind, f"{key}.{k}" if isinstance(values, dict) else f"{key}[{k}]")


def _check_card(card: Mapping[str, Any]) -> None:
    """Check the keys and types of a card that framing uses."""
    labels = _field(card, "labels", "an array")
    if not labels:
        raise _CardError("'labels' is empty")
    _each(labels, "a string", "labels")
    _field(card, "settings", "an object")
    _check_training(_field(card, "training", "an object"))
    _each(_field(card, "versions", "an object"), "a string", "versions")
    lexicon = _field(card, "lexicon", "an object", required=False) or {}
    _field(lexicon, "digest", "a string", where="lexicon", null=True, required=False)
    _field(card, "label_source", "an object", required=False)
    _field(card, "created_at", "a string", null=True, required=False)
    _check_files(_field(card, "files", "an object"))
    evaluation = _field(card, "evaluation", "an object", null=True, required=False)
    if evaluation is not None:
        _check_evaluation(evaluation)
    tests = _field(card, "tests", "an object", null=True, required=False) or {}
    for name, metrics in tests.items():
        _check_metrics(metrics, f"tests.{name}")


def _check_training(t: Mapping[str, Any]) -> None:
    for key in ("articles", "outlets"):
        _field(t, key, "an integer", where="training", required=False)
    for key in ("label_counts", "outlets_per_label"):
        counts = _field(t, key, "an object", where="training", required=False)
        _each(counts or {}, "an integer", f"training.{key}")
    _field(t, "dropped", "an object", where="training", null=True, required=False)
    dates = _field(
        t, "date_range", "an array", where="training", null=True, required=False
    )
    if dates is not None and len(dates) != 2:
        raise _CardError("'training.date_range' must be [first, last] or null")


def _check_files(files: Mapping[str, Any]) -> None:
    serializer = files.get("serializer")
    if not isinstance(serializer, str) or serializer not in PIPELINE_FILES:
        raise _CardError(f"'files.serializer' must be {' or '.join(PIPELINE_FILES)}")
    _field(files, "pipeline", "a string", where="files")
    _field(files, "pipeline_sha256", "a string", where="files")
    for key in ("boilerplate", "boilerplate_sha256"):
        _field(files, key, "a string", where="files", null=True, required=False)


def _check_evaluation(ev: Mapping[str, Any]) -> None:
    _check_metrics(
        _field(ev, "grouped", "an object", where="evaluation"), "evaluation.grouped"
    )
    random = _field(
        ev, "random", "an object", where="evaluation", null=True, required=False
    )
    if random is not None:
        _check_metrics(random, "evaluation.random")


def _check_metrics(m: Any, key: str) -> None:
    """Check a metric set has what :func:`format_metrics` reads."""
    _need(m, "an object", key)
    for label, pc in _field(m, "per_class", "an object", where=key).items():
        where = f"{key}.per_class.{label}"
        _need(pc, "an object", where)
        for name in ("precision", "recall", "f1"):
            _field(pc, name, "a number", where=where)
        _field(pc, "support", "an integer", where=where)
    _check_confusion(_field(m, "confusion", "an object", where=key), f"{key}.confusion")
    for i, b in enumerate(_field(m, "reliability", "an array", where=key)):
        where = f"{key}.reliability[{i}]"
        _need(b, "an object", where)
        for name in ("lo", "hi", "n", "confidence", "accuracy"):
            _field(b, name, "a number", where=where)


def _check_confusion(conf: Mapping[str, Any], key: str) -> None:
    labels = _field(conf, "labels", "an array", where=key)
    matrix = _field(conf, "matrix", "an array", where=key)
    if len(matrix) != len(labels):
        raise _CardError(f"'{key}.matrix' must have one row per label")
    for i, row in enumerate(matrix):
        _each(
            _need(row, "an array", f"{key}.matrix[{i}]"),
            "a number",
            f"{key}.matrix[{i}]",
        )


# -- card updates and display --------------------------------------------------


def record_test(path: str | Path, name: str, metrics: Mapping[str, Any]) -> Path:
    """Add held-out test metrics to a model's card under ``tests[name]``.

    The pipeline file (and its hash) is not touched.
    """
    folder = Path(path)
    card = read_card(folder)
    card["tests"] = {**(card.get("tests") or {}), name: dict(metrics)}
    return atomic_write_text(
        folder / CARD_FILE, json.dumps(card, indent=2, ensure_ascii=False) + "\n"
    )


def _obj(value: Any) -> Mapping[str, Any]:
    """`value` if it is a mapping, else an empty one (for display)."""
    return value if isinstance(value, Mapping) else {}


def _metrics_text(columns: dict[str, Any], title: str, keys: list[str]) -> str:
    """Format metric sets (card keys `keys`), or say which is unreadable."""
    from framing.evaluation.table import format_metrics

    try:
        for m, key in zip(columns.values(), keys, strict=True):
            _check_metrics(m, key)
    except _CardError as exc:
        return f"{title} unreadable ({exc})"
    return format_metrics(columns, title=title)


def _evaluation_lines(card: Mapping[str, Any]) -> list[str]:
    ev = card.get("evaluation")
    if not ev:
        return ["evaluation: none (trained with --no-eval)"]
    if not isinstance(ev, Mapping):
        return [f"evaluation: unreadable ('evaluation' is {_json_name(ev)})"]
    cols, keys = {"grouped by outlet": ev.get("grouped")}, ["evaluation.grouped"]
    if ev.get("random"):
        cols["random split"] = ev["random"]
        keys.append("evaluation.random")
    return ["", _metrics_text(cols, "cross-validation:", keys)]


def _training_lines(t: Mapping[str, Any]) -> list[str]:
    dates = t.get("date_range")
    per_label = _obj(t.get("outlets_per_label"))
    lines = [
        f"training:   {t.get('articles')} articles, {t.get('outlets')} outlets"
        + (
            f", {dates[0]} to {dates[1]}"
            if isinstance(dates, list) and len(dates) == 2
            else ""
        )
        + (f" ({t.get('source')})" if t.get("source") else ""),
        "            per label: "
        + ", ".join(
            f"{k} {n} ({per_label.get(k, '?')} outlets)"
            for k, n in _obj(t.get("label_counts")).items()
        ),
    ]
    dropped = _obj(t.get("dropped"))
    if dropped:
        lines.append(
            "            left out: "
            + ", ".join(f"{str(k).replace('_', ' ')} {n}" for k, n in dropped.items())
        )
    return lines


def _settings_lines(s: Mapping[str, Any]) -> list[str]:
    lines = [
        f"features:   {s.get('features')}; classifier {s.get('classifier')} "
        f"C={s.get('C')}; seed {s.get('seed')}; boilerplate stripped: "
        f"{s.get('strip_boilerplate')}"
        + (f"; photo credits: {s['strip_credits']}" if "strip_credits" in s else "")
    ]
    if s.get("features") != "lexicon":
        lines.append(
            f"            tf-idf 1-{s.get('ngram_max')}-grams, min_df="
            f"{s.get('min_df')}, in >= {s.get('min_outlets', 1)} outlets (share "
            f"{s.get('min_outlet_share', 0)}): {s.get('n_text_features', '?')} "
            f"kept; lexicon weight {s.get('lexicon_weight', '-')}"
        )
    return lines


def describe_card(card: Mapping[str, Any]) -> str:
    """Format a model card as readable text (``framing model info``).

    Missing or malformed parts are shown as such, never an error.

    Parameters
    ----------
    card : mapping
        A model card (:func:`read_card`, or ``FramingModel.card``).

    Returns
    -------
    str
    """
    lex, src = _obj(card.get("lexicon")), _obj(card.get("label_source"))
    labels = card.get("labels")
    label_from = (
        f"outlet table {src.get('outlet_table')} ({src.get('column')})"
        if "outlet_table" in src
        else f"column {src.get('column')!r}"
    )
    lines = [
        f"framing model (format {card.get('format_version')}), created "
        f"{card.get('created_at')}",
        f"labels:     {', '.join(map(str, labels if isinstance(labels, list) else []))}"
        f" (from {label_from})",
        *_settings_lines(_obj(card.get("settings"))),
        f"lexicon:    {lex.get('name')} v{lex.get('version')} digest "
        f"{lex.get('digest')}",
        *_training_lines(_obj(card.get("training"))),
        "versions:   "
        + ", ".join(f"{k} {x}" for k, x in _obj(card.get("versions")).items()),
    ]
    files = _obj(card.get("files"))
    if files:
        lines.append(
            f"file:       {files.get('pipeline')} ({files.get('serializer')}, "
            f"sha256 {str(files.get('pipeline_sha256'))[:16]}...)"
        )
    lines += _evaluation_lines(card)
    for name, m in _obj(card.get("tests")).items():
        lines += [
            "",
            _metrics_text({"held-out": m}, f"held-out test {name}:", [f"tests.{name}"]),
        ]
    return "\n".join(lines)
