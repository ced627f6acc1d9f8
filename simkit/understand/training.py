"""Training the model from the corpus (offline; needs the ``train`` extra, scikit-learn).

Each label gets one classifier, fitted with a fixed solver on sorted inputs, so training is
deterministic and ``simkit nlu train --check`` can compare a fresh model with the shipped one
byte for byte.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simkit.labels import TECHNIQUES
from simkit.understand import rules
from simkit.understand.context import Context
from simkit.understand.features import FeatureConfig, features
from simkit.understand.model import ALL_LABELS, FORMAT, MODEL_PATH, Model, decide
from simkit.understand.topics import topic_hits


@dataclass(frozen=True)
class TrainParams:
    """Hyper-parameters chosen by cross-validation on the training split.

    ``context_dropout``: when the features take the context (``features.context_weight`` > 0), the share of
    rows fitted without it, so the model leans on the conversation but still reads a bare line (chosen on
    held-out authors, bench/eval_context_by_author.py).
    """

    c: float = 1.0
    prune: float = 0.15
    learner: str = "svm"
    class_weight: str | None = "balanced"
    cue_dropout: float = 0.3
    eval_cue_dropout: float = 0.3
    context_dropout: float = 0.5
    # context_weight 0: the shipped model takes no context features (docs/labels.md, "Context", says why)
    features: FeatureConfig = FeatureConfig()


def _fit(rows: Sequence[dict[str, Any]], labels: Sequence[str], params: TrainParams) -> Model:
    """Fit one logistic regression per label; deterministic for the same rows."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([train_features(r["text"], params, context=_fit_context(r, params)) for r in rows]).tocsr()
    x.indices = x.indices.astype("int32")  # liblinear wants 32-bit indices
    x.indptr = x.indptr.astype("int32")
    names = vec.get_feature_names_out()
    # Topics are what the line itself is about (docs/labels.md): their classifiers do not see the
    # context features, or they would copy the customer's topics onto the trainee's line.
    own = [j for j, name in enumerate(names) if not name.startswith("x:")]
    x_own = x[:, own] if len(own) < len(names) else x
    weights: dict[str, dict[int, float]] = {}
    bias: list[float] = []
    for index, label in enumerate(labels):
        y = [_has(r, label) for r in rows]
        if not any(y) or all(y):
            bias.append(-8.0 if not any(y) else 8.0)
            continue
        topic = label.startswith("topic:") and x_own is not x
        if params.learner == "svm":
            from sklearn.svm import LinearSVC

            clf = LinearSVC(C=params.c, class_weight=params.class_weight, random_state=0, max_iter=10000)
        else:
            clf = LogisticRegression(C=params.c, solver="liblinear", max_iter=1000, random_state=0,
                                     class_weight=params.class_weight)
        clf.fit(x_own if topic else x, y)
        bias.append(float(clf.intercept_[0]))
        for j, w in enumerate(clf.coef_[0]):
            if abs(w) >= params.prune:
                weights.setdefault(str(names[own[j] if topic else j]), {})[index] = round(float(w), 3)
    return Model(labels=tuple(labels), bias=tuple(bias), weights=weights, thresholds={}, config=params.features, meta={})


def _fit_context(row: dict[str, Any], params: TrainParams) -> Context | None:
    """The row's context as the fit sees it: dropped for a share ``params.context_dropout`` of the rows
    (by a hash of the line), so the model still reads a line well without one."""
    if params.context_dropout and hashlib.md5(("context\0" + row["text"]).encode()).digest()[0] / 256 < params.context_dropout:
        return None
    return row_context(row)


def row_context(row: dict[str, Any]) -> Context | None:
    """The :class:`Context` of a corpus row (its ``context``: None, the customer's previous line, or a dict)."""
    return Context.from_item(row.get("context"))


def train_features(text: str, params: TrainParams, dropout: float | None = None, *,
                   context: Context | None = None) -> dict[str, float]:
    """Features for training and cross-validation, with cue dropout (and the row's context).

    The cues were written while reading the training lines, so on those lines they fire more
    reliably than on new wording. Dropping each cue hit with probability ``params.cue_dropout``
    (decided by a hash of the line and the cue, so it is deterministic) keeps the model from
    leaning on cues alone and makes the cross-validated figures and thresholds less optimistic.
    """
    rate = params.cue_dropout if dropout is None else dropout
    if not rate:
        return features(text, params.features, context=context)

    def kept(name: str) -> bool:
        digest = hashlib.md5(f"{name}\0{text}".encode()).digest()
        return digest[0] / 256 >= rate

    cues = [h for h in rules.find_cues(text) if kept(h.name)]
    topics = [h for h in topic_hits(text) if kept("k:" + h.topic)]
    return features(text, params.features, cues=cues, topics=topics, context=context)


def _has(row: dict[str, Any], label: str) -> bool:
    if label.startswith("topic:"):
        return label[6:] in row.get("topics", [])
    return label in row["labels"]


def cross_val_probs(rows: Sequence[dict[str, Any]], params: TrainParams, folds: int = 5) -> list[dict[str, float]]:
    """Out-of-fold probabilities for every training row (folds assigned by a stable hash)."""
    fold_of = [int(hashlib.md5(r["text"].encode()).hexdigest(), 16) % folds for r in rows]
    out: list[dict[str, float]] = [{} for _ in rows]
    for k in range(folds):
        train = [r for r, f in zip(rows, fold_of) if f != k]
        model = _fit(train, ALL_LABELS, params)
        for i, (r, f) in enumerate(zip(rows, fold_of)):
            if f == k:
                out[i] = model.scores(train_features(r["text"], params, params.eval_cue_dropout, context=row_context(r)))
    return out


def tune_thresholds(rows: Sequence[dict[str, Any]], probs: Sequence[dict[str, float]]) -> dict[str, dict[str, float]]:
    """Per language and label, the threshold that maximises F1 on out-of-fold probabilities."""
    grid = [round(0.1 + 0.025 * i, 3) for i in range(29)]  # 0.10 .. 0.80
    result: dict[str, dict[str, float]] = {}
    for lang in sorted({r["lang"] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r["lang"] == lang]
        result[lang] = {}
        for label in ALL_LABELS:
            gold = [_has(rows[i], label) for i in idx]
            best = (-1.0, 0.5)
            for t in grid:
                pred = [probs[i].get(label, 0.0) >= t for i in idx]
                score = _f1(gold, pred)
                if score > best[0] + 1e-9 or (abs(score - best[0]) <= 1e-9 and abs(t - 0.5) < abs(best[1] - 0.5)):
                    best = (score, t)
            result[lang][label] = best[1]
    return result


def _f1(gold: Sequence[bool], pred: Sequence[bool]) -> float:
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum(p and not g for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def macro_f1(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]], labels: Sequence[str]) -> float:
    """Macro-averaged F1 over ``labels`` that occur in ``gold``."""
    present = [lab for lab in labels if any(lab in g for g in gold)]
    if not present:
        return 0.0
    return sum(_f1([lab in g for g in gold], [lab in p for p in pred]) for lab in present) / len(present)


def train(rows: Sequence[dict[str, Any]], params: TrainParams | None = None, *, source_sha256: str = "",
          cv_folds: int = 5) -> Model:
    """Train the shipped model: thresholds from cross-validation, weights from all rows.

    Args:
        rows: training rows (``text``, ``lang``, ``labels``, ``topics``); order does not matter.
        params: hyper-parameters (defaults from :class:`TrainParams`).
        source_sha256: recorded in the model for the staleness check.
        cv_folds: folds used to choose thresholds and to report the cross-validated macro-F1.

    Returns:
        A :class:`Model` ready to be written with :func:`save_model`.
    """
    params = params or TrainParams()
    rows = sorted(rows, key=lambda r: (r["lang"], r["text"], tuple(r["labels"])))
    oof = cross_val_probs(rows, params, cv_folds)
    thresholds = tune_thresholds(rows, oof)
    cv_scores = {}
    for lang in thresholds:
        idx = [i for i, r in enumerate(rows) if r["lang"] == lang]
        pred = [decide(oof[i], thresholds[lang])[0] for i in idx]
        cv_scores[lang] = round(macro_f1([rows[i]["labels"] for i in idx], pred, TECHNIQUES), 4)
    model = _fit(rows, ALL_LABELS, params)
    meta = {
        "format": FORMAT,
        "source_sha256": source_sha256,
        "trained_on": {lang: sum(r["lang"] == lang for r in rows) for lang in thresholds},
        "cv_macro_f1": cv_scores,
        "params": {"c": params.c, "prune": params.prune, "learner": params.learner,
                   "class_weight": params.class_weight, "cue_dropout": params.cue_dropout,
                   "eval_cue_dropout": params.eval_cue_dropout, "context_dropout": params.context_dropout,
                   "cv_folds": cv_folds},
    }
    return Model(labels=model.labels, bias=model.bias, weights=model.weights, thresholds=thresholds,
                 config=params.features, meta=meta)


def save_model(model: Model, path: Path = MODEL_PATH) -> None:
    """Write ``model`` as compact, sorted JSON (byte-identical for identical models)."""
    text = json.dumps(model.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    tmp.replace(path)
