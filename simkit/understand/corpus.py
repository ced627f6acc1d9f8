"""The labelled corpus the model learns from, and whether the shipped model is stale."""

from __future__ import annotations

import dataclasses
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
                assert row.get("context") is None or isinstance(row["context"], (str, dict)), \
                    "context must be the customer's previous line (a string) or a dict"
            except (ValueError, AssertionError) as exc:
                raise ValueError(f"{path}:{number}: {exc}") from None
            row.setdefault("lang", "zh" if HAN.search(row["text"]) else "en")
            row.setdefault("topics", [])
            rows.append(row)
    return rows


def train_files(corpus_dir: Path = CORPUS_DIR) -> list[Path]:
    """The training split: the project's ``train-*.jsonl`` and the independent authors'
    ``natural/*.jsonl`` (colloquial lines, many with the customer's previous line), sorted by name."""
    return sorted(corpus_dir.glob("train-*.jsonl")) + sorted(corpus_dir.glob("natural/*.jsonl"))


def test_files(corpus_dir: Path = CORPUS_DIR) -> list[Path]:
    """The held-out split (``test-*.jsonl``), sorted by name."""
    return sorted(corpus_dir.glob("test-*.jsonl"))


#: Bump by hand when the training code (the fit, the threshold search) changes what it produces.
TRAINING_VERSION = 2


def source_hash(corpus_dir: Path = CORPUS_DIR) -> str:
    """SHA-256 over what training sees, as behaviour rather than bytes of code.

    Every training row with the features the current code gives it (rule cues and topic
    keywords are features too, with the same cue dropout as training), the training
    parameters and :data:`TRAINING_VERSION`. The shipped model records this value; when it
    differs, retraining would give another model: it is stale and ``simkit nlu train`` must be
    run. A comment or a refactor changes none of this, so it never makes the model stale.
    """
    from simkit.understand.training import TrainParams, row_context, train_features  # training code, not run time

    params = TrainParams()
    rows = sorted(load_corpus(train_files(corpus_dir)), key=lambda r: (r["lang"], r["text"], tuple(r["labels"])))
    digest = hashlib.sha256()
    head = {"training_version": TRAINING_VERSION, "params": dataclasses.asdict(params)}
    digest.update(json.dumps(head, sort_keys=True).encode())
    for row in rows:
        seen = [row, train_features(row["text"], params, context=row_context(row))]
        if params.eval_cue_dropout != params.cue_dropout:
            seen.append(train_features(row["text"], params, params.eval_cue_dropout, context=row_context(row)))
        digest.update(json.dumps(seen, sort_keys=True, ensure_ascii=False).encode("utf-8") + b"\n")
    return digest.hexdigest()


def is_stale(model: Model | None = None, corpus_dir: Path = CORPUS_DIR) -> bool:
    """Whether the shipped model was trained from something other than the current sources."""
    model = model or load_model()
    return model is None or model.meta.get("source_sha256") != source_hash(corpus_dir)
