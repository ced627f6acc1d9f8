"""The labelled corpus the model learns from, and whether the shipped model is stale."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from simkit.labels import TECHNIQUES, TOPICS
from simkit.understand.matching import HAN
from simkit.understand.model import Model, load_model

CORPUS_DIR = Path(__file__).with_name("corpus")


def load_corpus(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Rows of JSONL files, checked: text, lang, known labels and topics.

    Raises:
        ValueError: on a malformed line, naming the file and the line number.
    """
    rows: list[dict[str, Any]] = []
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                assert isinstance(row.get("text"), str), "no text"
                assert row.get("labels") and set(row["labels"]) <= set(TECHNIQUES), "bad labels"
                assert set(row.get("topics", [])) <= set(TOPICS), "bad topics"
            except (ValueError, AssertionError) as exc:
                raise ValueError(f"{path}:{number}: {exc}") from None
            row.setdefault("lang", "zh" if HAN.search(row["text"]) else "en")
            row.setdefault("topics", [])
            rows.append(row)
    return rows


def train_files(corpus_dir: Path = CORPUS_DIR) -> list[Path]:
    """The training split (``train-*.jsonl``), sorted by name."""
    return sorted(corpus_dir.glob("train-*.jsonl"))


def test_files(corpus_dir: Path = CORPUS_DIR) -> list[Path]:
    """The held-out split (``test-*.jsonl``), sorted by name."""
    return sorted(corpus_dir.glob("test-*.jsonl"))


# The code that decides a line's features: the model's own, and the cues and topic keywords.
_FEATURE_CODE = ("features.py", "model.py", "training.py", "rules.py", "cue_table.py", "topics.py", "matching.py")


def source_hash(corpus_dir: Path = CORPUS_DIR) -> str:
    """SHA-256 over the training files and the code that shapes features (cues and topic
    keywords are features too) and training.

    The shipped model records this value; when it differs, the model is stale and
    ``simkit nlu train`` must be run.
    """
    digest = hashlib.sha256()
    code = Path(__file__).parent
    for path in [*train_files(corpus_dir), *(code / name for name in _FEATURE_CODE)]:
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
    return digest.hexdigest()


def is_stale(model: Model | None = None, corpus_dir: Path = CORPUS_DIR) -> bool:
    """Whether the shipped model was trained from something other than the current sources."""
    model = model or load_model()
    return model is None or model.meta.get("source_sha256") != source_hash(corpus_dir)
