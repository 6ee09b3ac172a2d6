"""Fixtures of the command tests: a runner, a three-article corpus, one article."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

ARTICLE = (
    "Foreign-backed militants reportedly shelled the town.\n"
    "“These terrorists will be crushed,” the minister said.\n"
    "The so-called council denied it.\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    rows = [
        {"id": "a1", "outlet": "Wire", "date": "2031-01-02", "text": ARTICLE},
        {"id": "a2", "outlet": "Star", "date": "2031-01-03", "text": ""},
        {
            "id": "a3",
            "outlet": "Star",
            "date": "2031-02-01",
            "text": "The regime's so-called elections were a sham, critics claimed.",
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def article_file(tmp_path):
    """ARTICLE with Windows line ends, as a .txt file."""
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    return path
