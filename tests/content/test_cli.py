"""``simkit list``, ``validate`` and ``schema`` in real processes: output format and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from simkit.content import json_schema, load_library

HERE = Path(__file__).parent
REPO = HERE.parent.parent


def simkit(*args: str, cwd: Path = HERE, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "SIMKIT_SCENARIOS"}
    return subprocess.run([sys.executable, "-m", "simkit", *args], cwd=cwd, capture_output=True, text=True,
                          env={**environment, **(env or {})}, timeout=120)


def test_validate_defaults_to_the_scenarios_folder():
    result = simkit("validate", cwd=REPO)
    files = len(list((REPO / "scenarios").rglob("*.y*ml")))
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{files} files checked, no problems\n", "")


def test_validate_clean_folder():
    result = simkit("validate", "fixtures")
    assert (result.returncode, result.stdout) == (0, "2 files checked, no problems\n"
                                                     "note: 2 of them use an older format (they load as they are); "
                                                     "`simkit migrate fixtures` brings them to format 2\n")


def test_validate_prints_every_problem_sorted_then_a_summary():
    result = simkit("validate", "fixtures", "broken/unknown-topic.yaml", "broken/bad-id.yaml")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "broken/bad-id.yaml:3:5: id: 'Bad_Id' is not valid: use lowercase words joined by '-' ending in a version, "
        "like 'showroom-family-suv-v1' (invalid-id)",
        "broken/bad-id.yaml:7:10: channel: unknown channel 'shworoom'; did you mean 'showroom'? (invalid-value)",
        "broken/bad-id.yaml:14:9: goal.kind: unknown goal kind 'drive'; did you mean 'test_drive'? (invalid-value)",
        "broken/unknown-topic.yaml:20:12: needs[1].topic: unknown topic 'usag'; did you mean 'usage'? (unknown-topic)",
        "broken/unknown-topic.yaml:22:43: needs[1].reveal.topics[1]: unknown topic 'weather'; expected one of: "
        "budget, usage, family, current_car, timeline, preference, finance, trade_in, decision_maker, competitor, "
        "concern, contact (unknown-topic)",
        "5 problems in 2 files; 4 files checked",
    ]


def test_validate_json():
    result = simkit("validate", "--json", "broken/empty.yaml")
    assert result.returncode == 1
    assert json.loads(result.stdout) == {"files": 1, "older_format": [], "problems": [{
        "file": "broken/empty.yaml", "line": 1, "column": 1, "path": "", "code": "empty-file",
        "message": "the file is empty",
    }]}


def test_validate_missing_path():
    result = simkit("validate", "nowhere")
    assert (result.returncode, result.stdout) == (1, "nowhere:1:1: no such file or folder (no-such-path)\n"
                                                     "1 problem in 1 file; 0 files checked\n")


def test_list_json_uses_the_environment_folder():
    result = simkit("list", "--json", env={"SIMKIT_SCENARIOS": str(HERE / "fixtures")})
    assert result.returncode == 0
    assert json.loads(result.stdout) == load_library(HERE / "fixtures").catalogue()


def test_list_text():
    result = simkit("list", env={"SIMKIT_SCENARIOS": str(HERE / "fixtures")})
    assert (result.returncode, result.stdout) == (0, (
        "wang-lei-first-car-v1  showroom     wang-lei      First car | 第一次买车\n"
        "                       tags: showroom, first-car\n"
    ))


def test_list_with_broken_content_fails_cleanly():
    result = simkit("list", env={"SIMKIT_SCENARIOS": str(HERE / "broken/empty.yaml")})
    assert result.returncode == 2
    assert result.stderr.endswith("empty.yaml:1:1: the file is empty (empty-file)\n")
    assert result.stderr.startswith("simkit: error: ")
    assert "Traceback" not in result.stderr


def test_schema_prints_the_json_schema():
    for args, kind in (((), None), (("--kind", "persona"), "persona"), (("--kind", "scenario"), "scenario")):
        result = simkit("schema", *args)
        assert result.returncode == 0
        assert json.loads(result.stdout) == json_schema(kind)


def test_schema_rejects_an_unknown_kind():
    result = simkit("schema", "--kind", "robot")
    assert result.returncode == 2
    assert "invalid choice: 'robot'" in result.stderr
