"""``simkit score`` in real processes: reports, JSON, HTML escaping, exit codes, the cohort CSV."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from simkit.scoring.batch import COLUMNS
from simkit.scoring.rubric import DIMENSIONS
from simkit.scoring.scorecard import FORMAT_VERSION
from tests.references import reference_file, load, play, play_reference

SHOWROOM = reference_file("showroom-family-suv-v1")


def simkit(*args):
    return subprocess.run([sys.executable, "-m", "simkit", *map(str, args)], capture_output=True, text=True,
                          timeout=300, env=dict(os.environ))


@pytest.fixture
def strong(tmp_path):
    path = tmp_path / "strong.json"
    play_reference(SHOWROOM, "strong", "en", save_to=path)
    return path


def test_text_report(strong):
    run = simkit("score", strong)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"Scorecard: showroom-family-suv-v1 (seed 3, en) · {strong}\nTotal: ")
    assert "Needs discovery  " in run.stdout and "turn 4" in run.stdout
    zh = simkit("score", strong, "--lang", "zh")
    assert zh.stdout.startswith("评分表: ") and "需求挖掘" in zh.stdout


def test_json_has_the_contract_fields(strong):
    run = simkit("score", strong, "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert {"total", "passed", "tier", "outcome", "dimensions"} <= set(data)
    assert data["format_version"] == FORMAT_VERSION
    assert isinstance(data["total"], int) and 0 <= data["total"] <= 100 and isinstance(data["passed"], bool)
    assert [d["name"] for d in data["dimensions"]] == list(DIMENSIONS)
    for dim in data["dimensions"]:
        assert {"name", "points", "max", "evidence"} <= set(dim)
        for ev in dim["evidence"]:
            assert {"turn", "reason", "text"} <= set(ev)


def test_html_escapes_what_the_trainee_typed(tmp_path):
    data = load(SHOWROOM)
    lines = ["<script>alert('x')</script> Hi, welcome! What brings you in today?", "<b>bold</b> & <i>co</i>"]
    path = tmp_path / "xss.json"
    play(data["scenario"], 0, "en", lines, save_to=path)
    run = simkit("score", path, "--html")
    assert run.returncode == 0, run.stderr
    assert "<script>" not in run.stdout and "<b>bold</b>" not in run.stdout
    assert "&lt;script&gt;" in run.stdout and "&lt;b&gt;bold&lt;/b&gt; &amp;" in run.stdout
    assert run.stdout.startswith("<!DOCTYPE html>")


def test_tampered_transcript_prints_the_report_and_exits_1(strong):
    data = json.loads(strong.read_text(encoding="utf-8"))
    data["turns"][1]["customer"] = "Money is no object."
    strong.write_text(json.dumps(data), encoding="utf-8")
    run = simkit("score", strong)
    assert run.returncode == 1
    assert "tampered: the customer lines of turn 2 differ from the replay" in run.stdout
    assert f"{strong}: tampered (turns that differ: 2)" in run.stderr


def test_unreadable_transcript_exits_2_with_the_message(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "simkit-transcript", "format_version": 1, "turns": [', encoding="utf-8")
    run = simkit("score", path)
    assert run.returncode == 2
    assert f"simkit: error: {path}: not valid JSON at line 1, column" in run.stderr
    assert "(the file looks truncated)" in run.stderr
    missing = simkit("score", tmp_path / "nope.json")
    assert missing.returncode == 2 and "cannot read" in missing.stderr


def test_unknown_scenario_exits_2(strong):
    data = json.loads(strong.read_text(encoding="utf-8"))
    data["scenario"]["id"] = "showroom-family-suv-v9"
    strong.write_text(json.dumps(data), encoding="utf-8")
    run = simkit("score", strong)
    assert run.returncode == 2
    assert "unknown scenario 'showroom-family-suv-v9'; did you mean 'showroom-family-suv-v1'?" in run.stderr


def test_cohort_folder_writes_one_row_per_transcript_and_reports_errors(tmp_path):
    cohort = tmp_path / "cohort"
    (cohort / "ann").mkdir(parents=True)
    play_reference(SHOWROOM, "strong", "en", save_to=cohort / "ann" / "a.json")
    play_reference(SHOWROOM, "poor", "zh", save_to=cohort / "b.json")
    (cohort / "c.json").write_text("not json", encoding="utf-8")
    out = tmp_path / "cohort.csv"
    run = simkit("score", cohort, "--jobs", "2", "--csv", out)
    assert run.returncode == 2  # a file could not be scored
    assert f"{cohort / 'c.json'}: not valid JSON" in run.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == list(COLUMNS)
    assert [r["file"] for r in rows] == [str(cohort / "ann" / "a.json"), str(cohort / "b.json"), str(cohort / "c.json")]
    assert rows[0]["status"] == "ok" and rows[0]["passed"] == "true"
    assert rows[1]["passed"] == "false" and rows[1]["result"].startswith("defeat:")
    assert rows[2]["status"] == "error" and "not valid JSON" in rows[2]["error"]
    assert all(rows[0][d] != "" for d in DIMENSIONS if d != "responsiveness")
    stdout = simkit("score", cohort)  # no --csv: the CSV goes to stdout
    assert stdout.stdout.splitlines()[0] == ",".join(COLUMNS)
    mixed = simkit("score", cohort, "--json")
    assert mixed.returncode == 2 and "--json and --html are for reports on files" in mixed.stderr
