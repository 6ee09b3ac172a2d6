"""Dask: the per-partition functions on a local distributed cluster."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

distributed = pytest.importorskip("dask.distributed")

from framing.corpus.read import read_corpus  # noqa: E402
from framing.distributed import features_dask, read_corpus_dask, score_dask  # noqa: E402
from framing.errors import FramingError  # noqa: E402
from framing.features.transformer import FramingFeatures, features_frame  # noqa: E402
from framing.scoring.score import score_documents  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def corpus_path(tmp_path_factory):
    # several files -> several partitions
    df = read_corpus(DATA / "demo" / "articles.jsonl")
    folder = tmp_path_factory.mktemp("dask")
    for i, part in enumerate((df.iloc[:30], df.iloc[30:55], df.iloc[55:])):
        part[["id", "outlet", "text"]].to_json(
            folder / f"part-{i}.jsonl", orient="records", lines=True
        )
    return folder, df


def test_features_on_cluster_equal_local(client, corpus_path):
    folder, df = corpus_path
    ddf = read_corpus_dask(str(folder / "part-*.jsonl"))
    assert ddf.npartitions == 3
    ff = FramingFeatures().fit([])
    got = features_dask(ddf, ff).compute(scheduler=client.get)
    want = features_frame(df[["id", "outlet", "text"]], ff)
    assert got["id"].tolist() == want["id"].tolist()
    pd.testing.assert_frame_equal(
        got.drop(columns=["id", "outlet"]).reset_index(drop=True),
        want.drop(columns=["id", "outlet"]).reset_index(drop=True),
        check_dtype=False,
    )


def test_score_on_cluster_equal_local(client, corpus_path):
    from framing.model.training import train

    folder, df = corpus_path
    model = train(
        df,
        label_col=None,
        outlet_labels=DATA / "outlets.csv",
        evaluate=False,
        features="lexicon",
    )
    ddf = read_corpus_dask(str(folder / "part-*.jsonl"))
    got = score_dask(ddf, model, top_k=2).compute(scheduler=client.get)
    want = score_documents(model, df[["id", "outlet", "text"]], top_k=2)
    assert len(got) == len(df)
    assert got["predicted"].tolist() == want["predicted"].tolist()
    p = [c for c in want.columns if c.startswith("p_")]
    assert got[p].to_numpy() == pytest.approx(want[p].to_numpy())


def test_missing_text_column(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("body\nhello\n", encoding="utf-8")
    with pytest.raises(FramingError, match="no text column 'text'"):
        read_corpus_dask(str(path))
