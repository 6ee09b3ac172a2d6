"""Tests for framing.model.storage: saving, loading, and refusing unsafe files."""

from __future__ import annotations

import hashlib
import json
import pickle
from pathlib import Path

import numpy as np
import pytest
import skops.io as sio

from framing.errors import ModelFileError
from framing.model.card import describe_card, read_card
from framing.model.storage import ALLOWED_TYPES, file_types, load_model, save_model
from framing.model.training import train
from tests.model_data import synth_corpus


class Sentinel:
    """Writes a file when rebuilt: proves whether loading ran code."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __setstate__(self, state):
        Path(state["path"]).write_text("ran", encoding="utf-8")
        self.__dict__.update(state)


class Payload:
    """A pickle that writes a file when unpickled."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (Path.write_text, (Path(self.path), "ran"))


@pytest.fixture(scope="module")
def model():
    return train(synth_corpus(labels="ABC"), evaluate=False, min_df=1)


@pytest.fixture()
def saved(model, tmp_path):
    return save_model(model, tmp_path / "model")


def _rehash(folder: Path, name: str) -> None:
    card = json.loads((folder / "model.json").read_text())
    card["files"]["pipeline"] = name
    card["files"]["pipeline_sha256"] = hashlib.sha256(
        (folder / name).read_bytes()
    ).hexdigest()
    if name.endswith(".joblib"):
        card["files"]["serializer"] = "joblib"
    (folder / "model.json").write_text(json.dumps(card))


def test_round_trip_is_exact(model, saved):
    assert sorted(p.name for p in saved.iterdir()) == [
        "boilerplate.json",
        "model.json",
        "pipeline.skops",
    ]
    loaded = load_model(saved)
    texts = synth_corpus(labels="ABC", seed=9)["text"].tolist()
    assert np.array_equal(
        loaded.pipeline.predict_proba(texts), model.pipeline.predict_proba(texts)
    )
    assert loaded.boilerplate == model.boilerplate
    assert loaded.card["files"]["serializer"] == "skops"
    names = {name for name, _ in file_types(saved / "pipeline.skops")}
    assert names <= ALLOWED_TYPES


def test_missing_files(saved, tmp_path):
    with pytest.raises(ModelFileError, match="no such model directory"):
        load_model(tmp_path / "nowhere")
    (saved / "pipeline.skops").unlink()
    with pytest.raises(ModelFileError, match="pipeline file missing"):
        load_model(saved)
    (saved / "model.json").unlink()
    with pytest.raises(ModelFileError, match=r"not a framing model \(model.json"):
        load_model(saved)


def test_tampered_pipeline_is_refused(saved):
    data = bytearray((saved / "pipeline.skops").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (saved / "pipeline.skops").write_bytes(bytes(data))
    with pytest.raises(ModelFileError, match="SHA-256 does not match"):
        load_model(saved)


def test_foreign_type_is_refused_without_running_it(saved, tmp_path):
    flag = tmp_path / "ran.txt"
    sio.dump({"steps": Sentinel(str(flag))}, saved / "pipeline.skops")
    _rehash(saved, "pipeline.skops")  # even with a matching hash
    with pytest.raises(ModelFileError, match="outside the allow-list.*Sentinel"):
        load_model(saved)
    assert not flag.exists()
    # The allow-list is what protects: trusting everything would run it.
    with pytest.raises(ModelFileError):
        load_model(saved, trust=True)
    assert flag.read_text() == "ran"


def test_function_reference_is_refused(saved, model):
    import os

    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    pipe = make_pipeline(FunctionTransformer(os.system), model.pipeline)
    sio.dump(pipe, saved / "pipeline.skops")
    _rehash(saved, "pipeline.skops")
    with pytest.raises(ModelFileError, match="outside the allow-list"):
        load_model(saved)


def test_pickle_needs_trust_and_never_runs_otherwise(saved, tmp_path):
    flag = tmp_path / "ran.txt"
    (saved / "pipeline.joblib").write_bytes(pickle.dumps(Payload(str(flag))))
    _rehash(saved, "pipeline.joblib")
    with pytest.raises(ModelFileError, match="can run arbitrary code.*`trust=True`"):
        load_model(saved)
    assert not flag.exists()
    # A pickle renamed to look like a skops file is not a skops file.
    (saved / "pipeline.joblib").rename(saved / "pipeline.skops")
    card = json.loads((saved / "model.json").read_text())
    card["files"]["serializer"] = "skops"
    (saved / "model.json").write_text(json.dumps(card))
    _rehash(saved, "pipeline.skops")
    with pytest.raises(ModelFileError, match="not a skops model file"):
        load_model(saved)
    assert not flag.exists()


def test_joblib_model_loads_with_trust(model, tmp_path):
    folder = save_model(model, tmp_path / "m", serializer="joblib")
    with pytest.raises(ModelFileError, match="`trust=True`"):
        load_model(folder)
    assert load_model(folder, trust=True).classes == model.classes


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda c: c.update(format_version=99), "format version 99"),
        (lambda c: c.update(format="other"), "not a framing model card"),
        (lambda c: c.update(labels=["x", "y", "z"]), "do not match the card's labels"),
        (lambda c: c["lexicon"].update(digest="0" * 16), "lexicon digest"),
    ],
)
def test_card_mismatches(saved, edit, message):
    card = json.loads((saved / "model.json").read_text())
    edit(card)
    (saved / "model.json").write_text(json.dumps(card))
    with pytest.raises(ModelFileError, match=message):
        load_model(saved)


def test_invalid_card_json(saved):
    (saved / "model.json").write_text("{not json")
    with pytest.raises(ModelFileError, match="not valid JSON"):
        read_card(saved)


def test_demo_train_save_load_score_round_trip(tmp_path):
    from framing.corpus.read import read_corpus
    from framing.scoring.score import score_documents
    from tests.model_data import DEMO

    corpus = read_corpus(DEMO / "demo" / "articles.jsonl", clean=True)
    model = train(corpus, outlet_labels=DEMO / "outlets.csv", evaluate=False)
    loaded = load_model(save_model(model, tmp_path / "demo-model"))
    before, after = score_documents(model, corpus), score_documents(loaded, corpus)
    assert len(after) == 72 and after["id"].tolist() == corpus["id"].tolist()
    cols = ["p_A", "p_B", "p_neutral"]
    assert np.array_equal(before[cols].to_numpy(), after[cols].to_numpy())
    assert before["top_features"].tolist() == after["top_features"].tolist()
    assert loaded.card["training"]["outlets"] == 6


# -- the pipeline must have the structure of a framing pipeline -----------------


def _foreign_pipeline(model):
    """An allow-listed but foreign pipeline with the model's classes."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    X = np.random.default_rng(0).normal(size=(30, 3))
    y = np.array(model.classes * 10)
    return Pipeline(
        [("scale", StandardScaler()), ("classifier", LogisticRegression())]
    ).fit(X, y)


def _variant(model, change):
    """A deep copy of the model's pipeline, changed in place by `change`."""
    import copy

    pipe = copy.deepcopy(model.pipeline)
    change(pipe)
    return pipe


def _rename_step(pipe):
    pipe.steps[1] = ("clf", pipe.steps[1][1])


def _rename_part(pipe):
    union = pipe.named_steps["features"]
    union.transformer_list = [
        ("words" if n == "tfidf" else n, p) for n, p in union.transformer_list
    ]
    union.transformer_weights = None


def _unfit_classifier(pipe):
    from sklearn.linear_model import LogisticRegression

    pipe.steps[1] = ("classifier", LogisticRegression())


def _svc_classifier(pipe):
    from sklearn.svm import LinearSVC

    X = pipe.named_steps["features"].transform(
        synth_corpus(labels="ABC")["text"].tolist()
    )
    y = synth_corpus(labels="ABC")["label"].to_numpy()
    pipe.steps[1] = ("classifier", LinearSVC().fit(X, y))


def _lex_without_features(pipe):
    union = pipe.named_steps["features"]
    union.transformer_list = [
        (n, p.steps[1][1] if n == "lex" else p) for n, p in union.transformer_list
    ]


def _tfidf_as_scaler(pipe):
    from sklearn.preprocessing import StandardScaler

    union = pipe.named_steps["features"]
    union.transformer_list = [
        (n, StandardScaler() if n == "tfidf" else p) for n, p in union.transformer_list
    ]


@pytest.mark.parametrize("serializer", ["skops", "joblib"])
def test_foreign_allow_listed_pipeline_is_refused(model, saved, serializer):
    import joblib

    name = f"pipeline.{serializer}"
    pipe = _foreign_pipeline(model)
    if serializer == "skops":
        sio.dump(pipe, saved / name)
        assert {n for n, _ in file_types(saved / name)} <= ALLOWED_TYPES
    else:
        joblib.dump(pipe, saved / name)
    _rehash(saved, name)
    with pytest.raises(
        ModelFileError,
        match=r"pipeline\.\w+: not a framing model "
        r"pipeline \(steps \['scale', 'classifier'\]",
    ):
        load_model(saved, trust=serializer == "joblib")


@pytest.mark.parametrize(
    "change, message",
    [
        (_rename_step, r"steps \['features', 'clf'\]"),
        (_rename_part, r"parts are \['lex', 'words'\]"),
        (_unfit_classifier, "'classifier' is not fitted"),
        (_svc_classifier, "'classifier' is a LinearSVC"),
        (_lex_without_features, "'lex' is not a Pipeline of FramingFeatures"),
        (_tfidf_as_scaler, "'tfidf' is a StandardScaler, not a TfidfVectorizer"),
    ],
)
def test_pipeline_structure_is_checked(model, saved, change, message):
    sio.dump(_variant(model, change), saved / "pipeline.skops")
    _rehash(saved, "pipeline.skops")
    with pytest.raises(
        ModelFileError, match="not a framing model pipeline.*" + message
    ):
        load_model(saved)


def test_pipeline_must_match_features_setting(saved):
    card = json.loads((saved / "model.json").read_text())
    card["settings"]["features"] = "lexicon"
    (saved / "model.json").write_text(json.dumps(card))
    with pytest.raises(ModelFileError, match="features setting 'lexicon'"):
        load_model(saved)


# -- the card's schema ----------------------------------------------------------


def _metrics(classes=("A", "B", "C")):
    from framing.evaluation.metrics import classification_metrics

    proba = np.eye(len(classes))[[0, 1, 2, 0, 1, 2]] * 0.7 + 0.1
    return classification_metrics(list(classes) * 2, proba, list(classes))


def _set(path, value):
    """An edit that sets the card key at dotted `path` to `value`."""

    def edit(card):
        *parents, last = path.split(".")
        for key in parents:
            card = card[key]
        card[last] = value

    return edit


def _drop(key):
    return lambda card: card.pop(key)


@pytest.mark.parametrize(
    "edit, message",
    [
        (_set("training", None), "'training' must be an object, not null"),
        (
            _set("evaluation", {"grouped": {}}),
            "'evaluation.grouped.per_class' is missing",
        ),
        (
            _set("evaluation", []),
            "'evaluation' must be an object or null, not an array",
        ),
        (
            _set("evaluation", {"grouped": {**_metrics(), "per_class": {"A": {}}}}),
            "'evaluation.grouped.per_class.A.precision' is missing",
        ),
        (
            _set(
                "evaluation",
                {
                    "grouped": _metrics(),
                    "random": {**_metrics(), "reliability": [None]},
                },
            ),
            r"'evaluation.random.reliability\[0\]' must be an object, not null",
        ),
        (
            _set(
                "evaluation",
                {
                    "grouped": {
                        **_metrics(),
                        "confusion": {"labels": ["A", "B"], "matrix": [[1, 0]]},
                    }
                },
            ),
            "'evaluation.grouped.confusion.matrix' must have one row per label",
        ),
        (_set("tests", {"t.jsonl": {"n": 3}}), "'tests.t.jsonl.per_class' is missing"),
        (_set("labels", "ABC"), "'labels' must be an array, not a string"),
        (_set("labels", []), "'labels' is empty"),
        (_set("labels", [1, 2, 3]), r"'labels\[0\]' must be a string, not an integer"),
        (_set("settings", None), "'settings' must be an object, not null"),
        (_drop("versions"), "'versions' is missing"),
        (
            _set("versions", {"scikit-learn": 1.5}),
            "'versions.scikit-learn' must be a string, not a number",
        ),
        (
            _set("training.label_counts", {"A": "x"}),
            "'training.label_counts.A' must be",
        ),
        (_set("training.date_range", ["2024-01-01"]), "'training.date_range' must be"),
        (_set("training.dropped", []), "'training.dropped' must be an object or null"),
        (_set("lexicon", "shipped"), "'lexicon' must be an object"),
        (_set("label_source", None), "'label_source' must be an object, not null"),
        (_set("files", None), "'files' must be an object, not null"),
        (
            _set("files.serializer", ["skops"]),
            "'files.serializer' must be skops or joblib",
        ),
        (
            _set("files.pipeline_sha256", None),
            "'files.pipeline_sha256' must be a string",
        ),
        (
            _set("format_version", "1"),
            "'format_version' must be an integer, not a string",
        ),
        (_set("format_version", True), "'format_version' must be an integer"),
    ],
)
def test_malformed_card_is_refused_naming_the_key(saved, edit, message):
    card = json.loads((saved / "model.json").read_text())
    edit(card)
    (saved / "model.json").write_text(json.dumps(card))
    with pytest.raises(
        ModelFileError, match=f"model.json: bad model card: {message}"
    ) as info:
        read_card(saved)
    assert "\n" not in str(info.value)
    with pytest.raises(ModelFileError, match=message):
        load_model(saved)
    # and `model info` says so in one line instead of a traceback
    from click.testing import CliRunner

    from framing.cli._group import cli

    result = CliRunner().invoke(cli, ["model", "info", str(saved)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.stderr.splitlines()[-1].startswith("Error: ")
    assert "bad model card" in result.stderr


def test_valid_card_with_metrics_is_described(saved):
    card = json.loads((saved / "model.json").read_text())
    card["evaluation"] = {"grouped": _metrics(), "random": _metrics()}
    card["tests"] = {"held.jsonl": _metrics()}
    (saved / "model.json").write_text(json.dumps(card))
    text = describe_card(read_card(saved))
    assert "cross-validation:" in text and "held-out test held.jsonl:" in text
    assert "unreadable" not in text


@pytest.mark.parametrize(
    "card",
    [
        {},
        {
            "training": None,
            "settings": None,
            "versions": None,
            "lexicon": None,
            "label_source": None,
            "files": None,
            "labels": None,
            "tests": None,
        },
        {
            "labels": [1, 2],
            "training": {
                "date_range": ["x"],
                "label_counts": [],
                "dropped": [],
                "outlets_per_label": "?",
            },
        },
        {"evaluation": {"grouped": {}}},
        {"evaluation": {"grouped": {**_metrics(), "reliability": [{"n": None}]}}},
        {"evaluation": ["grouped"]},
        {"tests": {"x": None, "y": {"per_class": {}}}},
    ],
)
def test_describe_card_never_fails(card):
    text = describe_card({"format": "framing-model", "format_version": 1, **card})
    assert text.startswith("framing model (format 1)")
    if "evaluation" in card or "tests" in card and card["tests"]:
        assert "unreadable" in text


def test_record_test_on_card_with_null_tests(saved):
    from framing.model.card import record_test

    card = json.loads((saved / "model.json").read_text())
    card["tests"] = None
    (saved / "model.json").write_text(json.dumps(card))
    record_test(saved, "t", _metrics())
    assert list(read_card(saved)["tests"]) == ["t"]


# -- saving replaces a model as a unit ------------------------------------------


@pytest.fixture(scope="module")
def model_ab():
    return train(synth_corpus(labels="AB"), evaluate=False, min_df=1)


def test_save_over_existing_model_gives_the_new_model(model_ab, saved):
    saved.chmod(0o750)
    assert save_model(model_ab, saved) == saved
    loaded = load_model(saved)
    assert loaded.classes == ["A", "B"]
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name]
    assert (saved.stat().st_mode & 0o777) == 0o750
    # switching serializer leaves no stale pipeline file behind
    save_model(model_ab, saved, serializer="joblib")
    assert sorted(p.name for p in saved.iterdir()) == [
        "boilerplate.json",
        "model.json",
        "pipeline.joblib",
    ]


@pytest.mark.parametrize("fail_at", ["pipeline", "card"])
def test_failed_save_leaves_the_old_model(model_ab, saved, monkeypatch, fail_at):
    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    if fail_at == "pipeline":
        monkeypatch.setattr(sio, "dump", boom)
    else:  # after the new pipeline file is complete
        real = json.dumps

        def dumps(obj, *args, **kwargs):
            if isinstance(obj, dict) and obj.get("format") == "framing-model":
                boom()
            return real(obj, *args, **kwargs)

        monkeypatch.setattr(json, "dumps", dumps)
    with pytest.raises(RuntimeError, match="disk on fire"):
        save_model(model_ab, saved)
    assert load_model(saved).classes == ["A", "B", "C"]
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name]


def test_failed_swap_restores_the_old_model(model_ab, saved, monkeypatch):
    import os

    real, calls = os.rename, []

    def flaky(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:  # the new directory into place
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(os, "rename", flaky)
    with pytest.raises(ModelFileError, match="cannot write the model"):
        save_model(model_ab, saved)
    monkeypatch.undo()
    assert len(calls) == 3  # aside, (failed) into place, back
    assert load_model(saved).classes == ["A", "B", "C"]
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name]


def test_save_refuses_directory_with_other_files(model_ab, saved, tmp_path):
    (saved / "notes.txt").write_text("mine")
    with pytest.raises(ModelFileError, match=r"not part of a model \(notes.txt\)"):
        save_model(model_ab, saved)
    assert (saved / "notes.txt").read_text() == "mine"
    assert load_model(saved).classes == ["A", "B", "C"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(ModelFileError, match="not a directory"):
        save_model(model_ab, tmp_path / "file")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert load_model(save_model(model_ab, empty)).classes == ["A", "B"]


# -- corrupt pickle, versions ---------------------------------------------------


def test_corrupt_joblib_file_is_a_model_file_error(model, tmp_path):
    folder = save_model(model, tmp_path / "m", serializer="joblib")
    (folder / "pipeline.joblib").write_bytes(b"not a pickle at all")
    _rehash(folder, "pipeline.joblib")
    with pytest.raises(
        ModelFileError,
        match=r"pipeline.joblib: cannot load the "
        r"pipeline \(KeyError",
    ) as info:
        load_model(folder, trust=True)
    assert "\n" not in str(info.value)


def _set_version(folder, name, version):
    card = json.loads((folder / "model.json").read_text())
    card["versions"][name] = version
    (folder / "model.json").write_text(json.dumps(card))


def test_newer_framing_version_warns(saved):
    import warnings

    from framing import __version__

    major, minor = (int(x) for x in __version__.split(".")[:2])
    _set_version(saved, "framing", f"{major}.{minor + 1}.0")
    with pytest.warns(
        UserWarning,
        match=rf"framing {major}\.{minor + 1}\.0, newer "
        rf"than the installed framing {__version__}",
    ):
        assert load_model(saved).classes == ["A", "B", "C"]
    for same_or_older in (f"{major}.{minor}.99", f"{major}.{minor}", "0.0.1", "dev"):
        _set_version(saved, "framing", same_or_older)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            load_model(saved)


def test_newer_format_version_is_refused(saved):
    card = json.loads((saved / "model.json").read_text())
    card["format_version"] = 3
    (saved / "model.json").write_text(json.dumps(card))
    with pytest.raises(
        ModelFileError,
        match="format version 3 is newer than this framing reads.*upgrade framing",
    ):
        read_card(saved)
    card["format_version"] = 0
    (saved / "model.json").write_text(json.dumps(card))
    with pytest.raises(ModelFileError, match="format version 0.*Retrain"):
        read_card(saved)
