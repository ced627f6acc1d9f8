"""The statistical part of understanding: features, inference and (offline) training.

Features are computed by plain Python (:func:`features`), both when training and at run time,
so the two cannot drift. A line becomes:

* ``u:``/``b:``/``t:`` unit uni-, bi- and trigrams, where a unit is one Chinese character, one
  English word, a number (digits folded to ``0``) or a ``?``/``!`` -- character n-grams for
  Chinese and word n-grams for English in one pass, so mixed lines need nothing special;
* ``c:`` character 3- and 4-grams inside English words (``guarantee``/``guaranteed`` share them);
* ``^:``/``^^:``/``$:`` the first unit, the first two units and the last unit;
* ``r:`` the names of the rule cues that matched (:mod:`simkit.understand.rules`), and ``q:`` when
  the line is a question.

Every label (techniques, and topics under ``topic:``) has its own logistic regression
(one-vs-rest), trained by scikit-learn with a fixed solver and sorted inputs, so training is
deterministic. The shipped ``model.json`` keeps only weights that matter, rounded, plus
per-language thresholds found by cross-validation on the training split, and the SHA-256 of
what it was trained from (:func:`source_hash`), so a stale model is detected.

Run time needs numpy for the sum of weights (one gather and one sum per line, instead of a
Python loop over every weight); training also needs the ``train`` extra
(``pip install simkit[train]``).
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from simkit.labels import QUESTION_TECHNIQUES, TECHNIQUES, TOPICS
from simkit.understand import rules
from simkit.understand.facts import extract_facts
from simkit.understand.topics import TopicHit, topic_hits

MODEL_PATH = Path(__file__).with_name("model.json")
CORPUS_DIR = Path(__file__).with_name("corpus")
FORMAT = 1

_DIGIT = re.compile(r"\d")
_LATIN_WORD = re.compile(r"[a-z]{3,}")


def normalise(text: str) -> str:
    """NFKC (full-width to half-width), lower case, curly quotes straightened."""
    text = unicodedata.normalize("NFKC", text).lower()
    return text.replace("\u2019", "'").replace("\u2018", "'")


_CASED_UNIT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[A-Za-z]+(?:'[A-Za-z]+)?|\d+(?:[.,]\d+)*|[?!$%]|[.。！？]")


def units(text: str) -> list[str]:
    """Chinese characters, lower-cased English words, numbers (digits as ``0``) and ``? ! $ %``."""
    out: list[str] = []
    for tok in _CASED_UNIT.findall(unicodedata.normalize("NFKC", text).replace("\u2019", "'")):
        if tok in ".。！？":
            continue
        out.append(_DIGIT.sub("0", tok) if tok[0].isdigit() else tok.lower())
    return out


_SENTENCE_END = re.compile(r"[.!?。！？;；…~～]+|\s[-—–]+\s|[—–]+|\n")


@dataclass(frozen=True)
class FeatureConfig:
    """How a line becomes features (recorded in the model so run time matches training)."""

    cue_weight: float = 0.2
    max_n: int = 2
    subwords: bool = True
    unigram_weight: float = 1.2
    subword_weight: float = 0.4
    sentences: bool = True
    lengths: bool = True
    topic_cues: bool = True
    fact_cues: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeatureConfig:
        # a model written before the group weights existed weighed every n-gram 1
        data = {"unigram_weight": 1.0, "subword_weight": 1.0, **data}
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def features(
    text: str,
    config: FeatureConfig = FeatureConfig(),
    *,
    cues: Sequence[rules.CueHit] | None = None,
    topics: Sequence[TopicHit] | None = None,
    seq: list[str] | None = None,
) -> dict[str, float]:
    """The feature vector of one line.

    N-gram features are L2-normalised together; rule-cue and question features are added on top
    with the fixed weight ``config.cue_weight``, so long lines do not drown them. Before the
    normalisation, unigrams weigh ``config.unigram_weight`` and character n-grams
    ``config.subword_weight`` (an English word yields many of those, which would otherwise
    drown its word n-grams); every other feature weighs 1.

    Args:
        text: the utterance.
        config: which feature families to use.
        cues: rule cues already found in ``text`` (found here when omitted).
        topics: topic keywords already found in ``text`` (found here when omitted).
        seq: ``units(text)``, when the caller has it already.

    Returns:
        A mapping from feature name to value.
    """
    seq = units(text) if seq is None else seq
    feats: dict[str, float] = {}
    for i, u in enumerate(seq):
        feats["u:" + u] = config.unigram_weight
        if config.max_n >= 2 and i + 1 < len(seq):
            feats["b:" + u + " " + seq[i + 1]] = 1.0
        if config.max_n >= 3 and i + 2 < len(seq):
            feats["t:" + u + " " + seq[i + 1] + " " + seq[i + 2]] = 1.0
    if seq:
        feats["^:" + seq[0]] = 1.0
        feats["^^:" + " ".join(seq[:2])] = 1.0
        feats["$:" + seq[-1]] = 1.0
    if config.subwords:
        for word in _LATIN_WORD.findall(" ".join(u for u in seq if u[0].isalpha())):
            padded = f"<{word}>"
            feats.update(dict.fromkeys(["c:" + padded[i:i + 3] for i in range(len(padded) - 2)]
                                       + ["c:" + padded[i:i + 4] for i in range(len(padded) - 3)],
                                       config.subword_weight))
    if config.sentences:
        normal = normalise(text)
        parts = [p for p in _SENTENCE_END.split(normal) if p.strip()]
        marks = _SENTENCE_END.findall(normal)
        for k, part in enumerate(parts):
            pu = units(part)
            if not pu:
                continue
            asked = k < len(marks) and "?" in marks[k]
            where = "last" if k == len(parts) - 1 else "first" if k == 0 else "mid"
            feats["s^:" + pu[0]] = 1.0
            feats["s^^:" + " ".join(pu[:2])] = 1.0
            if asked:
                feats["q^:" + pu[0]] = 1.0
                feats["q^^:" + " ".join(pu[:2])] = 1.0
                feats["q$:" + pu[-1]] = 1.0
                feats["qpos:" + where] = 1.0
    if config.lengths:
        n = len(seq)
        feats["len:" + ("1-2" if n <= 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11-20" if n <= 20 else "21+")] = 1.0
    norm = math.sqrt(sum([v * v for v in feats.values()])) or 1.0
    out = {k: v / norm for k, v in feats.items()}
    if config.cue_weight:
        lang = "zh" if any("\u3400" <= u[0] <= "\ufaff" for u in seq) else "en"
        for hit in rules.find_cues(text) if cues is None else cues:
            out["r:" + hit.name] = config.cue_weight
        if rules.is_question(text, lang):
            out["q:question"] = config.cue_weight
        if config.topic_cues:
            for t_hit in topic_hits(text) if topics is None else topics:
                out["k:" + t_hit.topic] = config.cue_weight
        if config.fact_cues:
            for fact in extract_facts(text):
                out["f:" + fact.kind] = config.cue_weight
    return out


# --- the shipped model -----------------------------------------------------------------------


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


# --- corpus and staleness --------------------------------------------------------------------


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
            row.setdefault("lang", "zh" if re.search(r"[\u4e00-\u9fff]", row["text"]) else "en")
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
_FEATURE_CODE = ("model.py", "rules.py", "topics.py", "matching.py")


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


# --- training (needs scikit-learn) -----------------------------------------------------------


@dataclass(frozen=True)
class TrainParams:
    """Hyper-parameters chosen by cross-validation on the training split."""

    c: float = 1.0
    prune: float = 0.05
    learner: str = "svm"
    class_weight: str | None = "balanced"
    cue_dropout: float = 0.3
    eval_cue_dropout: float = 0.3
    features: FeatureConfig = FeatureConfig()


def _fit(rows: Sequence[dict[str, Any]], labels: Sequence[str], params: TrainParams) -> Model:
    """Fit one logistic regression per label; deterministic for the same rows."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([train_features(r["text"], params) for r in rows]).tocsr()
    x.indices = x.indices.astype("int32")  # liblinear wants 32-bit indices
    x.indptr = x.indptr.astype("int32")
    names = vec.get_feature_names_out()
    weights: dict[str, dict[int, float]] = {}
    bias: list[float] = []
    for index, label in enumerate(labels):
        y = [_has(r, label) for r in rows]
        if not any(y) or all(y):
            bias.append(-8.0 if not any(y) else 8.0)
            continue
        if params.learner == "svm":
            from sklearn.svm import LinearSVC

            clf = LinearSVC(C=params.c, class_weight=params.class_weight, random_state=0, max_iter=10000)
        else:
            clf = LogisticRegression(C=params.c, solver="liblinear", max_iter=1000, random_state=0,
                                     class_weight=params.class_weight)
        clf.fit(x, y)
        bias.append(float(clf.intercept_[0]))
        for j, w in enumerate(clf.coef_[0]):
            if abs(w) >= params.prune:
                weights.setdefault(str(names[j]), {})[index] = round(float(w), 3)
    return Model(tuple(labels), tuple(bias), weights, {}, params.features, {})


def train_features(text: str, params: TrainParams, dropout: float | None = None) -> dict[str, float]:
    """Features for training and cross-validation, with cue dropout.

    The cues were written while reading the training lines, so on those lines they fire more
    reliably than on new wording. Dropping each cue hit with probability ``params.cue_dropout``
    (decided by a hash of the line and the cue, so it is deterministic) keeps the model from
    leaning on cues alone and makes the cross-validated figures and thresholds less optimistic.
    """
    rate = params.cue_dropout if dropout is None else dropout
    if not rate:
        return features(text, params.features)

    def kept(name: str) -> bool:
        digest = hashlib.md5(f"{name}\0{text}".encode()).digest()
        return digest[0] / 256 >= rate

    cues = [h for h in rules.find_cues(text) if kept(h.name)]
    topics = [h for h in topic_hits(text) if kept("k:" + h.topic)]
    return features(text, params.features, cues=cues, topics=topics)


def _has(row: dict[str, Any], label: str) -> bool:
    if label.startswith("topic:"):
        return label[6:] in row.get("topics", [])
    return label in row["labels"]


ALL_LABELS: tuple[str, ...] = (*TECHNIQUES, *("topic:" + t for t in TOPICS))


def cross_val_probs(rows: Sequence[dict[str, Any]], params: TrainParams, folds: int = 5) -> list[dict[str, float]]:
    """Out-of-fold probabilities for every training row (folds assigned by a stable hash)."""
    fold_of = [int(hashlib.md5(r["text"].encode()).hexdigest(), 16) % folds for r in rows]
    out: list[dict[str, float]] = [{} for _ in rows]
    for k in range(folds):
        train = [r for r, f in zip(rows, fold_of) if f != k]
        model = _fit(train, ALL_LABELS, params)
        for i, (r, f) in enumerate(zip(rows, fold_of)):
            if f == k:
                out[i] = model.scores(train_features(r["text"], params, params.eval_cue_dropout))
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
                   "eval_cue_dropout": params.eval_cue_dropout, "cv_folds": cv_folds},
    }
    return Model(model.labels, model.bias, model.weights, thresholds, params.features, meta)


def save_model(model: Model, path: Path = MODEL_PATH) -> None:
    """Write ``model`` as compact, sorted JSON (byte-identical for identical models)."""
    text = json.dumps(model.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    tmp.replace(path)
