"""Pass rules: a forbidden act fails whatever the points; required behaviours; tiers; defaults."""

from __future__ import annotations

import dataclasses

import pytest

from simkit.content import default_library
from simkit.scoring import Rubric, score
from simkit.scoring.rubric import DEFAULT_FORBIDDEN, DEFAULT_REQUIRED
from tests.scoring.reference_play import REFERENCES, load, play

GUARANTEE = {"en": "And I guarantee it will never break down.", "zh": "而且我保证这车绝对不会坏。"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_forbidden_act_fails_even_with_a_high_total(lang):
    data = load(REFERENCES / "showroom-family-suv-v1.yaml")
    lines = list(data["scripts"]["strong"][lang]["lines"])
    lines.insert(8, GUARANTEE[lang])  # a false guarantee just before the close
    card = score(play(data["scenario"], data["seed"], lang, lines))
    rubric = Rubric.for_scenario(default_library().scenario(data["scenario"]))
    assert card.total >= rubric.threshold, card.total
    assert not card.passed and card.tier == "fail"
    assert card.verdict.failures == ("forbidden:false_guarantee",)
    finding = next(f for f in card.verdict.forbidden if f.id == "false_guarantee")
    assert finding.met and finding.turns == (9,)
    assert card.feedback[0].code == "avoid-false-guarantee" and card.feedback[0].turn == 9


def test_scenario_without_scoring_block_uses_the_defaults():
    scenario = default_library().scenario("showroom-family-suv-v1")
    bare = dataclasses.replace(scenario, scoring={})
    rubric = Rubric.for_scenario(bare)
    assert rubric.required == DEFAULT_REQUIRED and rubric.forbidden == DEFAULT_FORBIDDEN
    assert sum(rubric.weights.values()) == 100 and rubric.weights["responsiveness"] == 0
    chat = Rubric.for_scenario(dataclasses.replace(default_library().scenario("online-lead-lowest-price-v1"),
                                                   scoring={}))
    assert chat.weights["responsiveness"] > 0 and sum(chat.weights.values()) == 100


def test_tiers_need_their_total_and_excellence():
    from simkit.scoring.scorecard import Finding, Integrity
    from simkit.scoring.verdict import judge

    rubric = Rubric.from_data({"required": [], "forbidden": [], "excellence": ["goal_met", "deep_need"],
                               "tiers": [{"id": "pass"}, {"id": "merit", "min_total": 75, "min_excellence": 1},
                                         {"id": "distinction", "min_total": 90, "min_excellence": "all"}]},
                              channel="showroom")

    class Conv:  # the two excellence behaviours read only these
        outcome = {"status": "success", "turn": 5}

        class persona:
            needs = ()

    class Obs:
        needs_found: dict = {}
        acts = ()

    ok = Integrity()
    assert judge(59, Conv, Obs, rubric, ok).tier == "fail"
    assert judge(70, Conv, Obs, rubric, ok).tier == "pass"
    assert judge(80, Conv, Obs, rubric, ok).tier == "merit"
    assert judge(95, Conv, Obs, rubric, ok).tier == "distinction"  # no deep need in the persona: shown
    assert judge(95, Conv, Obs, rubric, Integrity(status="tampered", turns=(2,))).failures == ("tampered",)
    assert Finding(id="x", met=True).to_dict() == {"id": "x", "met": True, "turns": []}
