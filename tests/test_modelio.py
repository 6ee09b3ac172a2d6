"""Tests for framing.modelio: saving, loading, and refusing unsafe files."""

from __future__ import annotations

import hashlib
import json
import pickle
from pathlib import Path

import numpy as np
import pytest
import skops.io as sio
from model_data import synth_corpus

from framing.exceptions import ModelFileError
from framing.model import train
from framing.modelio import ALLOWED_TYPES, file_types, load_model, read_card, save_model


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
        (folder / name).read_bytes()).hexdigest()
    if name.endswith(".joblib"):
        card["files"]["serializer"] = "joblib"
    (folder / "model.json").write_text(json.dumps(card))


def test_round_trip_is_exact(model, saved):
    assert sorted(p.name for p in saved.iterdir()) == [
        "boilerplate.json", "model.json", "pipeline.skops"]
    loaded = load_model(saved)
    texts = synth_corpus(labels="ABC", seed=9)["text"].tolist()
    assert np.array_equal(loaded.pipeline.predict_proba(texts),
                          model.pipeline.predict_proba(texts))
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
    with pytest.raises(ModelFileError, match="can run arbitrary code.*--trust"):
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
    with pytest.raises(ModelFileError, match="--trust"):
        load_model(folder)
    assert load_model(folder, trust=True).classes == model.classes


@pytest.mark.parametrize("edit, message", [
    (lambda c: c.update(format_version=99), "format version 99"),
    (lambda c: c.update(format="other"), "not a framing model card"),
    (lambda c: c.update(labels=["x", "y", "z"]), "do not match the card's labels"),
    (lambda c: c["lexicon"].update(digest="0" * 16), "lexicon digest"),
])
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
    from model_data import DEMO

    from framing.corpus import read_corpus
    from framing.scoring import score_documents

    corpus = read_corpus(DEMO / "demo" / "articles.jsonl", clean=True)
    model = train(corpus, outlet_labels=DEMO / "outlets.csv", evaluate=False)
    loaded = load_model(save_model(model, tmp_path / "demo-model"))
    before, after = score_documents(model, corpus), score_documents(loaded, corpus)
    assert len(after) == 72 and after["id"].tolist() == corpus["id"].tolist()
    cols = ["p_A", "p_B", "p_neutral"]
    assert np.array_equal(before[cols].to_numpy(), after[cols].to_numpy())
    assert before["top_features"].tolist() == after["top_features"].tolist()
    assert loaded.card["training"]["outlets"] == 6
