"""``simkit nlu eval|explain|train``: wiring, output shape and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simkit.cli import main
from simkit.understand.cli import evaluate, explain

LINES = [
    {"text": "您好，欢迎光临，我是销售顾问小陈", "lang": "zh", "labels": ["greeting"], "topics": []},
    {"text": "I can knock off two grand", "lang": "en", "labels": ["concession"], "topics": ["budget"]},
    {"text": "Could you come for a test drive Saturday at 10?", "lang": "en", "labels": ["close"]},
    {"text": "好的，稍等", "lang": "zh", "labels": ["other"]},
]


@pytest.fixture()
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "lines.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in LINES) + "\n", encoding="utf-8")
    return path


def test_eval_json_prints_one_object_with_macro_f1(jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nlu", "eval", str(jsonl), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["macro_f1"] == evaluate(LINES)["macro_f1"]
    assert set(report["per_label"]) == {"greeting", "concession", "close", "other"}  # labels present in the file
    assert {"precision", "recall", "f1", "support"} <= set(report["per_label"]["close"])
    assert set(report["by_lang"]) == {"en", "zh"}
    assert "confusion" in report and "worst" in report


def test_eval_text_shows_table_confusion_and_macro(jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nlu", "eval", str(jsonl)]) == 0
    out = capsys.readouterr().out
    assert "macro-F1" in out and "confusion" in out and "greeting" in out


def test_evaluate_counts_misses_in_confusion() -> None:
    report = evaluate([{"text": "您好", "labels": ["pressure"]}])
    assert report["macro_f1"] == 0.0
    assert report["confusion"]["pressure"]["(missed)"] == 1
    assert report["worst"][0]["gold"] == ["pressure"]


def test_eval_missing_file_is_a_clean_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nlu", "eval", str(tmp_path / "nope.jsonl")]) == 2
    assert "nope.jsonl: no such file" in capsys.readouterr().err


def test_eval_bad_line_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "hi", "labels": ["greting"]}\n', encoding="utf-8")
    assert main(["nlu", "eval", str(bad)]) == 2
    assert "bad.jsonl:1: bad labels" in capsys.readouterr().err


def test_explain_names_features_and_cues(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nlu", "explain", "周六上午十点来试驾可以吗？"]) == 0
    out = capsys.readouterr().out
    assert "techniques: close" in out
    assert "rule cue" in out and "close/zh/visit" in out
    assert "fact date" in out


def test_explain_json() -> None:
    info = explain("I understand, that's a fair concern")
    assert info["techniques"] == ["empathy"]
    chosen = info["labels"]["empathy"]
    assert chosen["chosen"] and chosen["score"] >= chosen["threshold"]
    assert chosen["features"][0][0] == "(baseline)"
    assert any(name.startswith("r:empathy/") for name, _ in chosen["features"])


def test_train_check_passes_on_the_shipped_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nlu", "train", "--check"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_nlu_without_action_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nlu"]) == 2
    assert "eval" in capsys.readouterr().out
