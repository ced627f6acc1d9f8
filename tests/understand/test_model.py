"""The shipped model: fresh, small, standard-library at run time, and good enough on held-out lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from simkit.labels import TECHNIQUES
from simkit.understand import corpus, features, model as m
from simkit.understand.cli import evaluate

# Macro-F1 measured on the held-out split with the shipped model (en 0.860, zh 0.880 when the
# floors were set); the floors sit a little below so a retrain that loses ground fails here.
# Both meet the target of 0.85 per language.
HELD_OUT_FLOOR = {"en": 0.85, "zh": 0.86}


def test_shipped_model_is_not_stale() -> None:
    model = m.load_model()
    assert model is not None, "no model shipped: run `simkit nlu train`"
    assert not corpus.is_stale(model), (
        "the training lines or their features (cues, keywords) changed since the model was trained: "
        "run `simkit nlu train` and commit simkit/understand/model.json"
    )


def test_shipped_model_is_small_and_complete() -> None:
    assert m.MODEL_PATH.stat().st_size < 3_000_000
    data = json.loads(m.MODEL_PATH.read_text(encoding="utf-8"))
    assert data["labels"] == list(m.ALL_LABELS)
    assert set(data["thresholds"]) == {"en", "zh"}
    assert len(data["source_sha256"]) == 64
    assert data["format"] == m.FORMAT


def test_staleness_is_detected(tmp_path: Path) -> None:
    copy = tmp_path / "corpus"
    copy.mkdir()
    for path in corpus.train_files():
        target = copy / path.relative_to(corpus.CORPUS_DIR)
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(path.read_bytes())
    assert not corpus.is_stale(corpus_dir=copy)
    with (copy / "train-en.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps({"text": "A brand new line.", "lang": "en", "labels": ["other"]}) + "\n")
    assert corpus.is_stale(corpus_dir=copy)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_held_out_macro_f1_floor(lang: str) -> None:
    path = corpus.CORPUS_DIR / f"test-{lang}.jsonl"
    report = evaluate(corpus.load_corpus([path]))
    assert report["n"] >= 200
    assert report["macro_f1"] >= HELD_OUT_FLOOR[lang], report["per_label"]


def test_held_out_lines_are_not_training_lines() -> None:
    train = {r["text"].strip() for r in corpus.load_corpus(corpus.train_files())}
    test = {r["text"].strip() for r in corpus.load_corpus(corpus.test_files())}
    assert not train & test


def test_runtime_needs_no_training_library() -> None:
    code = (
        "import sys\n"
        "import simkit.understand.model as m\n"
        "assert m._cached is None, 'the model must load lazily'\n"
        "from simkit.understand import analyze\n"
        "analyze('您好，欢迎光临')\n"
        "assert m._cached is not None\n"
        "print(sorted(k for k in ('sklearn', 'scipy') if k in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_features_are_deterministic_and_normalised() -> None:
    a = features.features("您刚才说孩子多，具体几个人坐？")
    assert a == features.features("您刚才说孩子多，具体几个人坐？")
    ngrams = [v for k, v in a.items() if not k.startswith(("r:", "q:question", "k:", "f:"))]
    assert abs(sum(v * v for v in ngrams) - 1.0) < 1e-9
    assert "u:孩" in a and "b:孩 子" in a and any(k.startswith("r:probe/zh/") for k in a)


def test_units_fold_digits_and_mix_languages() -> None:
    assert features.units("这台 SUV 只要 $25,000?") == ["这", "台", "suv", "只", "要", "$", "00,000", "?"]


def test_decide_keeps_one_question_type_and_never_returns_nothing() -> None:
    thresholds = {t: 0.5 for t in TECHNIQUES}
    labels, _ = m.decide({"open_question": 0.9, "closed_question": 0.8, "greeting": 0.7}, thresholds)
    assert labels == ["greeting", "open_question"]
    labels, _ = m.decide({"other": 0.6, "close": 0.7}, thresholds)
    assert labels == ["close"]
    labels, _ = m.decide({"other": 0.9, "close": 0.55}, thresholds)
    assert labels == ["other"]
    labels, _ = m.decide({"present": 0.3, "evidence": 0.2}, thresholds)
    assert labels == ["present"]


def test_load_corpus_names_the_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok", "labels": ["other"]}\n{"text": "x", "labels": ["opne_question"]}\n',
                   encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:2: bad labels"):
        corpus.load_corpus([bad])


def test_training_is_deterministic_and_reproduces_the_shipped_model(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from simkit.understand.cli import train_shipped

    out = tmp_path / "model.json"
    train_shipped(out=out)
    assert out.read_bytes() == m.MODEL_PATH.read_bytes(), "run `simkit nlu train`: the shipped model differs"
