"""Small labelled corpora for the model, scoring and CLI tests."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd

DEMO = Path(__file__).resolve().parents[1] / "data"

_VOICE = {
    "A": [
        "the so-called regime",
        "terrorists reportedly",
        "the brutal regime",
        "foreign-backed militants",
        "allegedly",
        "martyrs",
    ],
    "B": [
        "officials said",
        "according to the ministry",
        "the government said",
        "armed groups",
        "a spokesman said",
        "police said",
    ],
    "C": [
        "clearly",
        "undoubtedly",
        "the massacre",
        "heroic resistance",
        "liberated",
        "obviously",
    ],
}
_FILLER = (
    "the city council met on monday to discuss the budget and the new "
    "road while residents waited for news about the market and schools "
    "in the region after a long week"
).split()


def synth_corpus(
    labels: str = "AB", outlets_per_label: int = 3, per_outlet: int = 6, seed: int = 0
) -> pd.DataFrame:
    """Articles whose wording depends on their outlet's label (and outlet)."""
    rng = random.Random(seed)
    rows = []
    for label in labels:
        for o in range(outlets_per_label):
            outlet = f"{label} Outlet {o}"
            for i in range(per_outlet):
                words = rng.choices(_FILLER, k=50)
                for phrase in rng.sample(_VOICE[label], 3):
                    words.insert(rng.randrange(len(words)), phrase)
                text = " ".join(words).capitalize() + "."
                text += f"\n\nFollow {outlet} on social media."
                rows.append(
                    {
                        "id": f"{label}{o}-{i}",
                        "outlet": outlet,
                        "date": f"2024-01-{i + 1:02d}",
                        "text": text,
                        "label": label,
                    }
                )
    return pd.DataFrame(rows)


def write_corpus(df: pd.DataFrame, path: Path) -> Path:
    """Write a corpus as JSONL."""
    df.to_json(path, orient="records", lines=True, force_ascii=False)
    return path
