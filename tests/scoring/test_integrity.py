"""Customer lines in a file are checked, never trusted: tampering and old versions are reported."""

from __future__ import annotations

import json

import pytest

from simkit.scoring import score
from simkit.transcript import Transcript
from tests.scoring.reference_play import REFERENCES, play_reference

SHOWROOM = REFERENCES / "showroom-family-suv-v1.yaml"


@pytest.fixture
def recorded(tmp_path):
    path = tmp_path / "strong.json"
    play_reference(SHOWROOM, "strong", "en", save_to=path)
    return path


def _edit(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_untouched_transcript_is_ok(recorded):
    card = score(recorded)
    assert card.integrity.status == "ok" and card.integrity.turns == ()
    assert card.passed


def test_edited_customer_line_is_tampered_and_fails(recorded):
    honest = score(recorded)
    _edit(recorded, lambda d: d["turns"][2].__setitem__("customer", "I'll take three, cash, today."))
    card = score(recorded)
    assert card.integrity.status == "tampered"
    assert card.integrity.turns == (3,)
    assert not card.passed and card.tier == "fail" and "tampered" in card.verdict.failures
    # The points come from the replay, so the edit changes nothing else.
    assert [d.points for d in card.dimensions] == [d.points for d in honest.dimensions]


def test_edited_opening_and_outcome_are_tampered(recorded):
    def change(data):
        data["opening"] = "I want to buy the most expensive car you have."
        data["outcome"] = {"status": "success", "turn": 2, "goal": "test_drive", "reason": None}
    card = score(_edit(recorded, change))
    assert card.integrity.status == "tampered"
    assert card.integrity.turns == (0, 9)


def test_edited_analysis_or_state_cannot_raise_the_score(recorded):
    def change(data):
        for turn in data["turns"]:
            turn["analysis"]["techniques"] = ["pressure"]
            turn["state"]["trust"] = 0
            turn["beats"] = []
    card = score(_edit(recorded, change))
    assert card.total == score(play_reference(SHOWROOM, "strong", "en")).total


def test_transcript_of_an_older_scenario_version_is_reported_as_such(recorded):
    card = score(_edit(recorded, lambda d: d["scenario"].__setitem__("hash", "sha256:" + "0" * 64)))
    assert card.integrity.status == "scenario-changed"
    assert card.integrity.scenario_changed
    assert card.passed  # scored against the current version, not failed for it


def test_extra_turns_after_the_end_are_tampered(recorded):
    def change(data):
        extra = dict(data["turns"][-1], n=len(data["turns"]) + 1, customer="Sure, and a second car too.")
        data["turns"].append(extra)
    card = score(_edit(recorded, change))
    assert card.integrity.status == "tampered" and 10 in card.integrity.turns


def test_score_accepts_a_transcript_object(recorded):
    assert score(Transcript.load(recorded)).total == score(recorded).total
