"""The natural-speech corpus and the held-out test set pass the corpus checker (labels, order, duplicates)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "simkit" / "understand" / "corpus"


def _check(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_corpus.py"), "--quiet", *map(str, paths)],
                          capture_output=True, text=True, timeout=120)


def test_the_natural_training_corpus_is_clean_and_large():
    result = _check(*sorted((CORPUS / "natural").glob("*.jsonl")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 error(s)" in result.stdout


def test_the_held_out_set_is_clean():
    result = _check(*sorted((CORPUS / "eval").glob("natural-*.jsonl")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checker_reports_a_bad_line_with_its_place(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "hi", "lang": "en", "labels": ["gretting"], "topics": [], "context": null, '
                   '"author": "x", "register": "r", "business": "general", "boundary": null}\n{not json\n',
                   encoding="utf-8")
    result = _check(bad)
    assert result.returncode == 1
    assert f"{bad}:1:" in result.stdout and "gretting" in result.stdout
    assert f"{bad}:2: invalid JSON" in result.stdout
