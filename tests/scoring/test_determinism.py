"""Scores are identical across runs, processes, hash seeds and worker counts."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from simkit.scoring import score
from simkit.scoring.batch import find_transcripts, score_many, write_csv
from tests.references import LEVELS, play_reference, reference_files


def _cohort(folder):
    for path in reference_files():
        for level in LEVELS:
            for lang in ("zh", "en"):
                play_reference(path, level, lang, save_to=folder / f"{path.stem}-{level}-{lang}.json")
    return sorted(folder.glob("*.json"))


def test_same_transcript_same_scorecard_twice(tmp_path):
    files = _cohort(tmp_path)
    for path in files:
        assert score(path) == score(path)


def test_identical_json_across_processes_with_different_hash_seeds(tmp_path):
    files = _cohort(tmp_path)
    outputs = []
    for hashseed in ("0", "4242"):
        run = subprocess.run([sys.executable, "-m", "simkit", "score", "--json", *map(str, files)],
                             capture_output=True, text=True, timeout=300,
                             env={**os.environ, "PYTHONHASHSEED": hashseed})
        assert run.returncode == 0, run.stderr
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1]
    cards = json.loads(outputs[0])
    assert len(cards) == len(files)
    assert all(isinstance(c["total"], int) for c in cards)


def test_csv_identical_with_one_or_two_workers(tmp_path):
    _cohort(tmp_path)
    paths = find_transcripts([tmp_path])
    csvs = []
    for jobs in (1, 2):
        from io import StringIO

        out = StringIO()
        write_csv(score_many(paths, jobs=jobs), out)
        csvs.append(out.getvalue())
    assert csvs[0] == csvs[1]
    assert csvs[0].count("\n") == len(paths) + 1


def test_no_float_reaches_the_output(tmp_path):
    path = _cohort(tmp_path)[0]
    data = score(path).to_dict()

    def walk(value):
        assert not isinstance(value, float), value
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)
    walk(data)
