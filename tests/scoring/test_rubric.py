"""The ``scoring:`` section: every problem found, with a stable code, a path and "did you mean"."""

from __future__ import annotations

import jsonschema
import pytest

from simkit.content import json_schema, validate_paths
from simkit.scoring.rubric import check_scoring
from simkit.scoring.rubric import json_schema as scoring_schema


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"thresold": 60}, ("scoring.thresold", "unknown field 'thresold'; did you mean 'threshold'?", "unknown-field")),
        ({"weights": {"need": 20}}, ("scoring.weights.need", "unknown dimension 'need'; did you mean 'needs'?",
                                     "unknown-dimension")),
        ({"weights": {"nedds_found": 20}}, ("scoring.weights.nedds_found", "unknown dimension 'nedds_found'; known "
                                            "dimensions: needs, questioning, objections, rapport, outcome, listening, "
                                            "compliance, responsiveness", "unknown-dimension")),
        ({"weights": {"needs": -1}}, ("scoring.weights.needs", "must be between 0 and 100, got -1", "out-of-range")),
        ({"weights": {"needs": "a lot"}}, ("scoring.weights.needs", "expected a whole number, got a string",
                                            "wrong-type")),
        ({"required": ["greting"]}, ("scoring.required[0]", "unknown behaviour 'greting'; did you mean 'greeting'?",
                                     "unknown-behaviour")),
        ({"forbidden": ["false_guarantees"]}, ("scoring.forbidden[0]", "unknown forbidden act 'false_guarantees'; "
                                               "did you mean 'false_guarantee'?", "unknown-act")),
        ({"excellence": ["goal_met", "goal_met"]}, ("scoring.excellence[1]", "'goal_met' is listed twice", "duplicate")),
        ({"threshold": 101}, ("scoring.threshold", "must be between 0 and 100, got 101", "out-of-range")),
        ({"tiers": [{"id": "pass"}, {"id": "merit", "min_total": 50}]},
         ("scoring.tiers[1].min_total", "tiers go from lowest to highest: 50 is below the previous tier's 60", "tier-order")),
        ({"tiers": [{"id": "fail"}]}, ("scoring.tiers[0].id", "'fail' is what a failed attempt gets; name passing "
                                       "tiers otherwise", "invalid-value")),
        ({"excellence": ["goal_met"], "tiers": [{"id": "pass"}, {"id": "top", "min_excellence": 2}]},
         ("scoring.tiers[1].min_excellence", "needs 2 excellence items but the scenario lists 1", "invalid-value")),
        ({"limits": {"reply_secs": 60}}, ("scoring.limits.reply_secs", "unknown limit 'reply_secs'; did you mean "
                                          "'reply_seconds'?", "unknown-field")),
        ({"limits": {"talk_share_target": 90}}, ("scoring.limits.talk_share_max", "must be above talk_share_target "
                                                 "(90), got 80", "invalid-value")),
        ({"weights": {"responsiveness": 10}}, ("scoring.weights.responsiveness", "reply delays are scored only for "
                                               "online_chat scenarios, not showroom; set it to 0 or leave it out",
                                               "invalid-value")),
    ],
)
def test_each_problem_is_reported_in_full(data, problem):
    assert check_scoring(data, channel="showroom") == [problem]


def test_a_clean_section_has_no_problems():
    assert check_scoring({
        "weights": {"needs": 30, "responsiveness": 10}, "threshold": 70, "required": ["greeting"],
        "forbidden": ["pressure"], "excellence": ["goal_met", "deep_need"],
        "tiers": [{"id": "pass"}, {"id": "merit", "min_total": 80, "min_excellence": 1,
                                   "label": {"zh": "良好", "en": "merit"}},
                  {"id": "distinction", "min_total": 90, "min_excellence": "all"}],
        "limits": {"first_reply_seconds": 120},
    }, channel="online_chat") == []


def test_validate_reports_scoring_problems_with_file_line_and_column(tmp_path):
    source = (REPO_SCENARIOS / "scenarios" / "showroom-family-suv.yaml").read_text(encoding="utf-8")
    assert "\nscoring:\n" in source
    broken = source.replace("required: [greeting, goal_needs, objections_resolved]",
                            "required: [greeting, goal_neds, objections_resolved]")
    folder = tmp_path / "scenarios"
    (folder / "scenarios").mkdir(parents=True)
    (folder / "personas").mkdir()
    (folder / "scenarios" / "showroom-family-suv.yaml").write_text(broken, encoding="utf-8")
    for persona in (REPO_SCENARIOS / "personas").glob("*.yaml"):
        (folder / "personas" / persona.name).write_text(persona.read_text(encoding="utf-8"), encoding="utf-8")
    problems = validate_paths([folder])
    assert [(p.path, p.code, p.message) for p in problems] == [
        ("scoring.required[1]", "unknown-behaviour", "unknown behaviour 'goal_neds'; did you mean 'goal_needs'?")]
    line = next(i for i, text in enumerate(broken.splitlines(), start=1) if "goal_neds" in text)
    assert problems[0].line == line and problems[0].column > 1


def test_repository_scenarios_are_valid_and_match_the_json_schema():
    import yaml

    assert validate_paths([REPO_SCENARIOS]) == []
    schema = scoring_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in sorted(p for p in (REPO_SCENARIOS / "scenarios").glob("*.yaml") if not p.name.endswith(".references.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        jsonschema.validate(data["scoring"], schema)
    assert "weights" in str(json_schema())  # exported with the content schema for editors


from pathlib import Path  # noqa: E402

REPO_SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
