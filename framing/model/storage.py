"""Save and load models in a format whose loading cannot execute code.

A model directory holds:

``pipeline.skops``
    The fitted pipeline, written with skops (a zip of JSON and ``.npy``
    arrays; objects are rebuilt from an explicit description, never
    unpickled). :func:`load_model` reads the file's schema first and refuses
    any type outside :data:`ALLOWED_TYPES` (the exact scikit-learn, NumPy
    and framing types the pipelines use) before anything is constructed,
    and checks after loading that the pipeline has the structure
    :func:`framing.model.pipeline.build_pipeline` gives it.
``model.json``
    The model card: format version, framing and library versions, lexicon
    digest, labels, settings, training corpus summary, evaluation metrics,
    created-at, and the SHA-256 of the pipeline file (a tampered file is
    refused). Its schema is checked when read (:func:`read_card`).
``boilerplate.json``
    Per-outlet boilerplate lines removed in training (also hashed).

Plain pickle / joblib files (``serializer="joblib"``) load only with
``trust=True`` (``--trust``): unpickling can run arbitrary code.

:func:`save_model` writes a complete model into a hidden sibling directory
and swaps it in with renames, so an interrupted save never leaves a mix of
old and new files. The card's schema lives in :mod:`framing.model.card`, the
checks on a loaded pipeline in :mod:`framing.model.checks`.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import stat
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

from framing.errors import ModelFileError, one_line
from framing.model.card import (
    BOILERPLATE_FILE,
    CARD_FILE,
    MODEL_FILES,
    PIPELINE_FILES,
    read_card,
)
from framing.model.checks import check_pipeline, check_versions
from framing.model.framing_model import FramingModel

__all__ = ["ALLOWED_TYPES", "MOVED_TYPES", "file_types", "load_model", "save_model"]

#: Every type a framing model file may contain (``module.Class`` as skops
#: records it). Anything else is refused before loading.
ALLOWED_TYPES: frozenset[str] = frozenset(
    {
        "builtins.bool",
        "builtins.dict",
        "builtins.float",
        "builtins.int",
        "builtins.list",
        "builtins.NoneType",
        "builtins.str",
        "builtins.tuple",
        "numpy.bool",
        "numpy.bool_",
        "numpy.dtype",
        "numpy.float32",
        "numpy.float64",
        "numpy.int32",
        "numpy.int64",
        "numpy.ndarray",
        "numpy.str_",
        "framing.features.transformer.FramingFeatures",
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
    }
)
#: Classes a format version 1 file (framing 0.1 to 0.2.0) names by a path that
#: moved in version 2: old ``module.Class`` -> the path in
#: :data:`ALLOWED_TYPES`. Only these are mapped; everything else is checked as
#: written.
MOVED_TYPES: Mapping[str, str] = {
    "framing.features.FramingFeatures": "framing.features.transformer.FramingFeatures",
}
#: skops node kinds a framing model file may contain (no functions,
#: methods, operators or reduce calls).
_ALLOWED_NODES = frozenset(
    {
        "DictNode",
        "ListNode",
        "JsonNode",
        "TypeNode",
        "TupleNode",
        "ObjectNode",
        "NdArrayNode",
        "DTypeNode",
    }
)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# -- saving --------------------------------------------------------------------


def save_model(
    model: FramingModel,
    path: str | Path,
    *,
    serializer: Literal["skops", "joblib"] = "skops",
) -> Path:
    """Write a model directory (pipeline file, ``model.json``, boilerplate).

    All files are written into a hidden temporary directory beside `path`,
    which then replaces `path` by renames (the old directory is renamed
    aside, the new one into place, the old one removed). An interrupted or
    failed save leaves the previous model complete: at `path`, or (if the
    process dies between the two renames) in ``.<name>.<hex>.old`` beside it.

    Parameters
    ----------
    model : FramingModel
        A trained model (:func:`framing.model.training.train`).
    path : str or Path
        The directory: created, or replaced if it holds only model files.
    serializer : {"skops", "joblib"}, default="skops"
        ``"joblib"`` (pickle) is for pipelines with custom types skops cannot
        describe; such a model loads only with ``trust=True``.

    Returns
    -------
    Path
        The directory.

    Raises
    ------
    ModelFileError
        Bad `serializer`, `path` is a file or a directory holding files that
        are not model files, or the directory cannot be written.
    """
    if serializer not in PIPELINE_FILES:
        raise ModelFileError(f"serializer must be skops or joblib, got {serializer!r}")
    out = Path(path)
    target = out.resolve()
    _check_target(out, target)
    try:
        staging = _make_staging(target)
    except OSError as exc:
        raise ModelFileError(
            f"{out}: cannot write the model ({one_line(exc)})"
        ) from None
    try:
        card = _write_model(model, staging, serializer)
        _swap_in(staging, target)
    except OSError as exc:
        raise ModelFileError(
            f"{out}: cannot write the model ({one_line(exc)})"
        ) from None
    finally:
        if staging.is_dir():
            shutil.rmtree(staging, ignore_errors=True)
    model.card, model.path = card, out
    return out


def _check_target(out: Path, target: Path) -> None:
    """Refuse a file, or a directory holding more than a model's files."""
    if not target.exists():
        return
    if not target.is_dir():
        raise ModelFileError(f"{out}: exists and is not a directory")
    others = sorted(
        p.name for p in target.iterdir() if p.name not in MODEL_FILES or not p.is_file()
    )
    if others:
        shown = ", ".join(others[:3]) + (" ..." if len(others) > 3 else "")
        raise ModelFileError(
            f"{out}: holds files that are not part of a model ({shown}); refusing "
            "to replace it. Save to a new or empty directory"
        )


def _make_staging(target: Path) -> Path:
    """Create an empty hidden directory beside `target` (same file system)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    while True:
        staging = target.parent / f".{target.name}.{os.urandom(4).hex()}.new"
        try:
            staging.mkdir()
        except FileExistsError:  # pragma: no cover - 32 random bits collided
            continue
        break
    if target.is_dir():  # keep the permissions of the directory it replaces
        os.chmod(staging, stat.S_IMODE(target.stat().st_mode))
    return staging


def _write_model(model: FramingModel, folder: Path, serializer: str) -> dict[str, Any]:
    """Write all model files into `folder`; return the card written."""
    target = folder / PIPELINE_FILES[serializer]
    _dump(model.pipeline, target, serializer)
    bp = _write_text(
        folder / BOILERPLATE_FILE,
        json.dumps(model.boilerplate, ensure_ascii=False, indent=0, sort_keys=True)
        + "\n",
    )
    card = dict(model.card)
    card["files"] = {
        "pipeline": target.name,
        "serializer": serializer,
        "pipeline_sha256": _sha256(target),
        "boilerplate": bp.name,
        "boilerplate_sha256": _sha256(bp),
    }
    _write_text(
        folder / CARD_FILE, json.dumps(card, indent=2, ensure_ascii=False) + "\n"
    )
    return card


def _dump(pipeline: Any, path: Path, serializer: str) -> None:
    if serializer == "skops":
        import skops.io as sio

        sio.dump(pipeline, path)
    else:
        import joblib

        joblib.dump(pipeline, path)
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _write_text(path: Path, text: str) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    return path


def _fsync_dir(path: Path) -> None:
    """Flush a directory's entries to disk, where the OS allows it."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows cannot open directories
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - not supported for directories
        pass
    finally:
        os.close(fd)


def _swap_in(staging: Path, target: Path) -> None:
    """Put the complete directory `staging` at `target`, replacing any old one."""
    _fsync_dir(staging)
    if not target.exists():
        os.rename(staging, target)
        _fsync_dir(target.parent)
        return
    aside = target.parent / f".{target.name}.{os.urandom(4).hex()}.old"
    os.rename(target, aside)
    try:
        os.rename(staging, target)
    except BaseException as exc:
        try:
            os.rename(aside, target)
        except OSError:
            raise ModelFileError(
                f"{target}: cannot replace the model ({one_line(exc)}); the "
                f"previous model is in {aside}"
            ) from None
        raise
    _fsync_dir(target.parent)
    shutil.rmtree(aside, ignore_errors=True)


# -- loading -------------------------------------------------------------------


def file_types(path: str | Path) -> set[tuple[str, str]]:
    """Return the ``(module.Class, node kind)`` pairs in a skops file's schema.

    Reads ``schema.json`` from the zip without constructing anything.

    Raises
    ------
    ModelFileError
        If the file is not a skops file.
    """
    return _schema_types(_read_schema(Path(path).read_bytes(), path))


def _read_schema(data: bytes, path: str | Path) -> Any:
    """Parse ``schema.json`` of a skops file given as bytes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return json.loads(zf.read("schema.json"))
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, UnicodeDecodeError):
        raise ModelFileError(f"{path}: not a skops model file") from None


def _schema_nodes(schema: Any) -> Iterator[dict[str, Any]]:
    """Yield every node of a skops schema that names a class."""
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "__class__" in node:
                yield node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _schema_types(schema: Any) -> set[tuple[str, str]]:
    return {
        (f"{node.get('__module__')}.{node['__class__']}", str(node.get("__loader__")))
        for node in _schema_nodes(schema)
    }


def _move_classes(schema: Any) -> bool:
    """Rewrite, in place, the class paths of :data:`MOVED_TYPES` in a schema.

    Returns whether anything was rewritten.
    """
    moved = False
    for node in _schema_nodes(schema):
        new = MOVED_TYPES.get(f"{node.get('__module__')}.{node['__class__']}")
        if new is not None:
            node["__module__"], node["__class__"] = new.rsplit(".", 1)
            moved = True
    return moved


def _with_schema(data: bytes, schema: Any) -> bytes:
    """Return the skops zip `data` with its ``schema.json`` replaced."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as old,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as new,
    ):
        for item in old.infolist():
            if item.filename == "schema.json":
                new.writestr(item, json.dumps(schema))
            else:
                new.writestr(item, old.read(item))
    return out.getvalue()


def load_model(path: str | Path, *, trust: bool = False) -> FramingModel:
    """Load a model directory, refusing anything that could run code.

    Checks, in order: the card (:func:`read_card`), that the pipeline file
    exists and its SHA-256 matches the card (the bytes hashed are the bytes
    loaded), that every type in it is in :data:`ALLOWED_TYPES` (a format 1
    file's moved classes mapped by :data:`MOVED_TYPES`); then loads it and
    checks that it has the structure of a framing pipeline and that its
    classes and lexicon digest match the card. A model written by another
    scikit-learn major.minor version, or by a newer framing major.minor
    version, loads with a warning.

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
        Missing, corrupt or tampered files, foreign types, pickle without
        `trust`, or a pipeline that is not a framing pipeline or does not
        match its card.
    """
    folder = Path(path)
    card = read_card(folder)
    files = card["files"]
    pipe_path = folder / files["pipeline"]
    if Path(files["pipeline"]).name != files["pipeline"]:
        raise ModelFileError(f"{folder / CARD_FILE}: bad pipeline file name")
    if not pipe_path.is_file():
        raise ModelFileError(f"{pipe_path}: pipeline file missing")
    data = pipe_path.read_bytes()  # hashed and loaded: the same bytes
    if hashlib.sha256(data).hexdigest() != files["pipeline_sha256"]:
        raise ModelFileError(
            f"{pipe_path}: SHA-256 does not match {CARD_FILE}; the file was "
            "modified or replaced. Refusing to load it"
        )
    check_versions(card)
    if files["serializer"] == "joblib":
        pipeline = _load_joblib(data, pipe_path, trust=trust)
    else:
        pipeline = _load_skops(
            data, pipe_path, trust=trust, version=card["format_version"]
        )
    boilerplate = _load_boilerplate(folder, files)
    check_pipeline(pipeline, card, pipe_path)
    return FramingModel(pipeline, card, boilerplate, folder)


def _load_joblib(data: bytes, path: Path, *, trust: bool) -> Any:
    if not trust:
        raise ModelFileError(
            f"{path}: a pickle (joblib) file can run arbitrary code when "
            "loaded; refusing. Pass `trust=True` only if you trust "
            "its source"
        )
    import joblib

    try:
        return joblib.load(io.BytesIO(data))
    except Exception as exc:  # a corrupt pickle raises almost anything
        raise ModelFileError(
            f"{path}: cannot load the pipeline ({one_line(exc)})"
        ) from None


def _load_skops(data: bytes, path: Path, *, trust: bool, version: int) -> Any:
    """Load a skops file's bytes after checking its types against the allow-list.

    A version 1 file names classes by their pre-2 paths; they are mapped to
    where the classes are now (:data:`MOVED_TYPES`) before the check, in
    memory: the file on disk is not changed. `path` is for messages.
    """
    import skops.io as sio

    schema = _read_schema(data, path)
    if version < 2 and _move_classes(schema):
        data = _with_schema(data, schema)
    foreign = sorted(
        {
            name
            for name, kind in _schema_types(schema)
            if name not in ALLOWED_TYPES or kind not in _ALLOWED_NODES
        }
    )
    if foreign and not trust:
        shown = ", ".join(foreign[:5]) + (" ..." if len(foreign) > 5 else "")
        raise ModelFileError(
            f"{path}: contains types outside the allow-list ({shown}); refusing "
            "to load it. Pass `trust=True` only if you trust its source"
        )
    try:
        return sio.loads(data, trusted=sio.get_untrusted_types(data=data))
    except ModelFileError:
        raise
    except Exception as exc:  # skops raises many kinds on a corrupt file
        raise ModelFileError(
            f"{path}: cannot load the pipeline ({one_line(exc)})"
        ) from None


def _load_boilerplate(folder: Path, files: Mapping[str, Any]) -> dict[str, list[str]]:
    name = files.get("boilerplate")
    if not name:
        return {}
    path = folder / Path(str(name)).name
    if not path.is_file():
        raise ModelFileError(f"{path}: boilerplate file missing")
    if _sha256(path) != files.get("boilerplate_sha256"):
        raise ModelFileError(f"{path}: SHA-256 does not match {CARD_FILE}; refusing")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelFileError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not all(
        isinstance(v, list) for v in data.values()
    ):
        raise ModelFileError(f"{path}: not an outlet -> lines table")
    return {str(k): [str(x) for x in v] for k, v in data.items()}
