"""The shipped statistical model: loading ``model.json``, scoring a line's features, deciding labels.

Every label (techniques, and topics under ``topic:``) has its own linear classifier
(one-vs-rest, trained by :mod:`simkit.understand.training`). The shipped ``model.json`` keeps
only weights that matter, rounded, plus per-language thresholds found by cross-validation on the
training split, and the SHA-256 of what it was trained from
(:func:`simkit.understand.corpus.source_hash`: the training rows and their features, not the
bytes of the code), so a stale model is detected.

Run time needs numpy for the sum of weights (one gather and one sum per line, instead of a
Python loop over every weight); training also needs the ``train`` extra
(``pip install simkit[train]``).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from simkit.labels import QUESTION_TECHNIQUES, TECHNIQUES, TOPICS
from simkit.understand.features import FeatureConfig

MODEL_PATH = Path(__file__).with_name("model.json")
FORMAT = 1
#: Every output of the model: techniques, then topics as ``topic:<name>``.
ALL_LABELS: tuple[str, ...] = (*TECHNIQUES, *("topic:" + t for t in TOPICS))


@dataclass(frozen=True)
class Model:
    """A trained model as loaded from ``model.json``.

    Attributes:
        labels: output names, techniques first, then ``topic:<name>``.
        bias: intercept per label.
        weights: feature name -> sparse ``{label index: weight}``.
        thresholds: language -> label -> probability threshold.
        config: the feature configuration the model was trained with.
        meta: everything else recorded at training time (source hash, scores, parameters).
    """

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, dict[int, float]]
    thresholds: dict[str, dict[str, float]]
    config: FeatureConfig
    meta: dict[str, Any]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Model:
        labels = tuple(data["labels"])
        weights = {f: {int(i): w for i, w in zip(pairs[::2], pairs[1::2])} for f, pairs in data["weights"].items()}
        meta = {k: v for k, v in data.items() if k not in ("labels", "bias", "weights", "thresholds", "features")}
        config = FeatureConfig.from_dict(data["features"])
        return cls(labels, tuple(data["bias"]), weights, data["thresholds"], config, meta)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.meta,
            "features": self.config.to_dict(),
            "labels": list(self.labels),
            "bias": [round(b, 4) for b in self.bias],
            "thresholds": self.thresholds,
            "weights": {
                f: [x for i, w in sorted(ws.items()) for x in (i, w)] for f, ws in sorted(self.weights.items())
            },
        }

    def margins(self, feats: dict[str, float]) -> list[float]:
        """Linear score per label: the bias, then each known feature's weights times its value.

        The sum runs row by row in feature order (numpy adds whole rows elementwise, so every
        label sees the same additions in the same order as a plain loop would, on any machine).
        """
        index, matrix = self._dense
        get = index.get
        rows = [0, *[get(name, 1) for name in feats]]  # row 0 holds the bias, row 1 zeros
        picked = matrix.take(rows, axis=0)
        picked *= np.array([1.0, *feats.values()])[:, None]
        return picked.sum(axis=0).tolist()

    @functools.cached_property
    def _dense(self) -> tuple[dict[str, int], np.ndarray]:
        """Feature name -> row, and the weights as a dense matrix (built once, on first use).

        Row 0 holds the bias and row 1 zeros, the weights of a feature the model does not know.
        """
        index = {name: row for row, name in enumerate(self.weights, start=2)}
        matrix = np.zeros((len(index) + 2, len(self.labels)))
        matrix[0] = self.bias
        rows: list[int] = []
        columns: list[int] = []
        values: list[float] = []
        for row, ws in enumerate(self.weights.values(), start=2):  # the order of index
            rows += [row] * len(ws)
            columns += ws.keys()
            values += ws.values()
        matrix[rows, columns] = values  # one assignment: much quicker than one per feature
        return index, matrix

    def scores(self, feats: dict[str, float]) -> dict[str, float]:
        """Score in (0, 1) per label: the logistic of the linear margin (compared with thresholds)."""
        return {label: _sigmoid(m) for label, m in zip(self.labels, self.margins(feats))}

    def contributions(self, feats: dict[str, float], label: str, top: int = 6) -> list[tuple[str, float]]:
        """The features that pushed ``label`` most, as ``(feature, weight x value)``, strongest first."""
        index = self.labels.index(label)
        parts = [(name, self.weights[name][index] * value) for name, value in feats.items()
                 if index in self.weights.get(name, {})]
        parts.sort(key=lambda p: (-abs(p[1]), p[0]))
        return [("(baseline)", self.bias[index]), *parts[:top]]

    def thresholds_for(self, lang: str) -> dict[str, float]:
        """Thresholds tuned for ``lang`` (those of another language when it was not trained)."""
        return self.thresholds.get(lang) or next(iter(self.thresholds.values()), {})


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


_cached: Model | None = None
_cached_missing = False


def load_model(path: Path | None = None) -> Model | None:
    """The shipped model (cached after the first call), or None when no model file exists."""
    global _cached, _cached_missing
    if path is not None:
        return Model.from_dict(json.loads(path.read_text(encoding="utf-8")))
    if _cached is None and not _cached_missing:
        if MODEL_PATH.exists():
            _cached = Model.from_dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
        else:
            _cached_missing = True
    return _cached


def forget_cached_model() -> None:
    """Drop the cached model so the next :func:`load_model` reads the file again."""
    global _cached, _cached_missing
    _cached, _cached_missing = None, False


def decide(scores: dict[str, float], thresholds: dict[str, float]) -> tuple[list[str], list[str]]:
    """Turn per-label scores into techniques and topics.

    A technique is kept when its score reaches its threshold; at most one question type is
    kept (the likeliest, as the labelling guidelines ask); ``other`` never stands next to a real
    label: it wins alone when it clears its threshold by more than every other label, and is
    dropped otherwise; when nothing passes, the label closest to its threshold is returned, so
    the list is never empty.

    Returns:
        ``(techniques, topics)``, each in label order.
    """
    chosen = {t for t in TECHNIQUES if scores.get(t, 0.0) >= thresholds.get(t, 0.5)}
    questions = chosen & QUESTION_TECHNIQUES
    if len(questions) > 1:
        best = max(sorted(questions), key=lambda t: scores[t] - thresholds.get(t, 0.5))
        chosen -= questions - {best}
    if "other" in chosen and len(chosen) > 1:
        margin = scores["other"] - thresholds.get("other", 0.5)
        if all(margin > scores[t] - thresholds.get(t, 0.5) for t in chosen - {"other"}):
            chosen = {"other"}  # filler read with more confidence than anything else
        else:
            chosen.discard("other")
    if not chosen:
        chosen = {max(TECHNIQUES, key=lambda t: (scores.get(t, 0.0) - thresholds.get(t, 0.5), -TECHNIQUES.index(t)))}
    topics = [t for t in TOPICS if scores.get("topic:" + t, 0.0) >= thresholds.get("topic:" + t, 0.5)]
    return [t for t in TECHNIQUES if t in chosen], topics


def decision_notes(scores: dict[str, float], thresholds: dict[str, float], chosen: Sequence[str]) -> list[str]:
    """Plain-words account of the rules :func:`decide` applied on top of the thresholds."""
    passed = [t for t in TECHNIQUES if scores.get(t, 0.0) >= thresholds.get(t, 0.5)]
    notes = []
    dropped_q = [t for t in passed if t in QUESTION_TECHNIQUES and t not in chosen]
    if dropped_q:
        notes.append("one question type only: dropped " + ", ".join(dropped_q))
    if "other" in passed and "other" not in chosen:
        notes.append("'other' dropped next to a real label")
    if "other" in chosen and len(passed) > 1:
        notes.append("'other' won: it cleared its threshold by more than " + ", ".join(t for t in passed if t != "other"))
    if not passed:
        notes.append(f"no label reached its threshold: kept the closest, {chosen[0]}")
    return notes
