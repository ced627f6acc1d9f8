"""The scorecard JSON carries its format version, and format 1's keys are all there.

A key removed or renamed without bumping ``FORMAT_VERSION`` breaks every grader that reads the
JSON; this test fails first. New keys are allowed (they keep the version).
"""

from __future__ import annotations

import pytest

from simkit.scoring import FORMAT_VERSION, score
from simkit.scoring.render import to_json
from tests.references import reference_file, play_reference

# The keys of format 1, level by level (integrity's own details belong to integrity.py).
LAYOUT = {
    1: {
        "top": {"format_version", "source", "scenario", "seed", "lang", "total", "passed", "tier", "outcome",
                "integrity", "verdict", "dimensions", "feedback", "report_lang", "tier_name"},
        "scenario": {"id", "hash"},
        "outcome": {"status", "turn", "goal", "reason", "text"},
        "integrity": {"status", "text"},
        "verdict": {"passed", "tier", "threshold", "failures", "required", "forbidden", "excellence", "reasons"},
        "dimension": {"name", "title", "points", "max", "applicable", "evidence"},
        "evidence": {"turn", "reason", "points", "lost", "params", "text"},
        "feedback": {"code", "dimension", "turn", "points", "params", "advice", "quote", "try"},
    },
}


@pytest.fixture(scope="module")
def card():
    return score(play_reference(reference_file("showroom-family-suv-v1"), "average", "en"))


def test_the_version_comes_first_in_both_forms(card):
    assert list(card.to_dict())[0] == "format_version"
    assert card.to_dict()["format_version"] == FORMAT_VERSION
    assert list(to_json(card, "zh"))[0] == "format_version"


def test_every_key_of_the_current_format_is_there(card):
    assert FORMAT_VERSION in LAYOUT, "bumped FORMAT_VERSION: write its layout here"
    layout = LAYOUT[FORMAT_VERSION]
    data = to_json(card, "en")
    assert layout["top"] <= set(data)
    for part in ("scenario", "outcome", "integrity", "verdict"):
        assert layout[part] <= set(data[part]), part
    assert data["dimensions"] and data["feedback"]
    for dim in data["dimensions"]:
        assert layout["dimension"] <= set(dim)
        for ev in dim["evidence"]:
            assert layout["evidence"] <= set(ev)
    for item in data["feedback"]:
        assert layout["feedback"] <= set(item)
