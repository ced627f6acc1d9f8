"""A customer who hears the objection steps already taken, and stays strict about those missing.

Hand-written conversations, zh and en, on real Sessions (simkit.engine.objection_flow):
steps taken on a worry just before it is raised are credited with their own turns; targeted
proof straight after the acknowledgement skips the probe; proof with no acknowledgement, empathy
on another subject and a confirm before any proof are still not enough.
"""

from __future__ import annotations

import random

import pytest

from simkit import Session
from simkit.engine.actor import Actor
from simkit.engine.replay import replay
from simkit.engine.rulebook import EVIDENCE_TRUST, PRE_RAISE_TURNS, SKIPPED_PROBE_TRUST

USED_CAR, SHOWROOM = "used-car-hidden-defects-v1", "showroom-family-suv-v1"
SEEDS = {USED_CAR: 11, SHOWROOM: 0}
OBJECTION = {USED_CAR: "hidden-defects", SHOWROOM: "price-gap"}

# (scenario, lang, lines, turn of the empathy, turn of the probe, turn of the raise): the
# consultant acknowledges the worry and digs into it when the customer hints at it; the
# customer states it as an objection afterwards; targeted proof and a confirm follow.
BEFORE_THE_RAISE = [
    (USED_CAR, "en", ["Hello, welcome! I'm Sam. Buying used, what worries you most?",
                      "I understand, those three are exactly what people fear most; I'd worry too.",
                      "Did that happen to you, or to a friend?",
                      "We checked the odometer when the car came in. Based on what you've told me, I'd recommend "
                      "this one: an automatic with one previous owner.",
                      "Here are its full service records at the franchised dealer, the mileage climbs steadily.",
                      "Does that address your worry about the car's condition?"], 2, 3, 4),
    (USED_CAR, "zh", ["您好，欢迎！我是小孙。买二手车，您最在意哪些方面？",
                      "我理解，事故、泡水、调表确实是大家最怕的，换做是我也会担心。",
                      "是您自己遇到过，还是朋友遇到过？",
                      "里程我们收车时查过。根据您的情况，我推荐这台：一手车、自动挡。",
                      "这是它在4S店的完整保养记录，里程一直是稳定增长的。",
                      "这样的话，车况方面的顾虑解除了吗？"], 2, 3, 4),
    (SHOWROOM, "en", ["Hello, welcome in! I'm Sam. What brings you in today?",
                      "What budget do you have in mind?",
                      "I hear you on the price, it's a big number.",
                      "What are you comparing it against, another quote?",
                      "This seven-seater has the space for your parents too.",
                      "Here's a total-cost-of-ownership comparison with a written offer sheet: over five years it "
                      "saves you on fuel and maintenance.",
                      "Does that address your concern about the price?"], 3, 4, 5),
    (SHOWROOM, "zh", ["您好，欢迎光临！我是小陈。今天想看点什么车？",
                      "您在预算上是怎么考虑的？",
                      "价格这块我理解，确实不是小数目。",
                      "您主要是跟哪些车在比较呢？",
                      "这款七座车空间够大，您父母来了也坐得下。",
                      "我给您做个配置对比：五年算下来，油耗和保养费用更低，保值率也更高。",
                      "这样算的话，价格方面的顾虑解除了吗？"], 3, 4, 5),
]

# The worry is raised on turn 2 and acknowledged on turn 3; turn 4 shows targeted proof at once.
SKIPPED_PROBE = {
    "en": ["Hello, welcome! I'm Sam. What will you mostly use the car for?",
           "Based on what you've told me, I'd recommend this one: an automatic that's easy to park.",
           "I completely understand, that's a fair worry.",
           "Here is the third-party inspection report and the full service history.",
           "Does that address your worry about the car's condition?"],
    "zh": ["您好，欢迎！我是小孙。您平时用车主要是什么场景？",
           "根据您的情况，我推荐这台：自动挡，停车也方便。",
           "我完全理解，有这个担心很正常。",
           "这是第三方检测报告，还有完整的保养记录。",
           "这样的话，车况方面的顾虑解除了吗？"],
}


def play(scenario: str, lang: str, lines: list[str]) -> tuple[Session, list]:
    session = Session(scenario, seed=SEEDS[scenario], lang=lang)
    return session, [session.say(line) for line in lines]


def rules(reply) -> list[str]:
    return [b.rule for b in reply.beats]


def beat(reply, rule: str):
    return next(b for b in reply.beats if b.rule == rule)


def said(session: Session, reply, ref: tuple[str, ...]) -> bool:
    """Whether the customer's reply has one of the ways the persona says ``ref``."""
    actor = Actor(session.scenario, session.persona, session.lang, random.Random(0))
    return any(actor.fill(v) in reply.text for v in actor._variants(ref)[session.lang])


@pytest.mark.parametrize(("scenario", "lang", "lines", "empathy", "probe", "raised"), BEFORE_THE_RAISE,
                         ids=[f"{c[0]}:{c[1]}" for c in BEFORE_THE_RAISE])
def test_steps_taken_just_before_the_raise_are_credited_with_their_own_turns(
        scenario, lang, lines, empathy, probe, raised):
    session, replies = play(scenario, lang, lines)
    objection = OBJECTION[scenario]
    for reply in replies[:raised - 1]:  # before the raise, nothing is credited yet
        assert not any(r.startswith("objection-") for r in rules(reply)), rules(reply)
    at_raise = replies[raised - 1]
    assert rules(at_raise).count("objection-raised") == 1, rules(at_raise)
    assert beat(at_raise, "objection-acknowledged").params["turn"] == empathy
    assert beat(at_raise, "objection-probed").params["turn"] == probe
    # spoken = credited: the customer tells the cause with the raise
    assert said(session, at_raise, ("objection", objection, "raise")), at_raise.text
    assert said(session, at_raise, ("objection", objection, "cause")), at_raise.text
    proof, confirm = replies[raised], replies[raised + 1]
    assert "objection-evidence" in rules(proof) and "objection-out-of-order" not in rules(proof), rules(proof)
    assert "objection-skipped" not in rules(proof)
    assert "objection-confirmed" in rules(confirm), rules(confirm)
    assert objection in confirm.state["objections_resolved"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_probe_skipped_by_targeted_proof_is_recorded_and_the_proof_is_heard(lang):
    session, replies = play(USED_CAR, lang, SKIPPED_PROBE[lang])
    assert "objection-raised" in rules(replies[1])
    assert "objection-acknowledged" in rules(replies[2])
    proof = replies[3]
    skipped = beat(proof, "objection-skipped")
    assert skipped.params == {"objection": "hidden-defects", "step": "probed"} and skipped.line is None
    evidence = beat(proof, "objection-evidence")
    assert evidence.line == ("objection", "hidden-defects", "accepted") and said(session, proof, evidence.line)
    assert evidence.effects["trust"] == EVIDENCE_TRUST + SKIPPED_PROBE_TRUST  # answers the worry, not its cause
    assert "objection-out-of-order" not in rules(proof)
    assert "objection-confirmed" in rules(replies[4])
    assert replies[4].state["objections_resolved"] == ["hidden-defects"]
    handled = next(o for o in replies[4].view.objections if o.id == "hidden-defects")
    assert handled.status == "handled" and handled.next_step is None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_proof_with_no_acknowledgement_at_all_is_still_not_convincing(lang):
    lines = SKIPPED_PROBE[lang][:2] + SKIPPED_PROBE[lang][3:4]  # raise, then proof at once
    session, replies = play(USED_CAR, lang, lines)
    proof = replies[2]
    out_of_order = beat(proof, "objection-out-of-order")
    assert out_of_order.params == {"objection": "hidden-defects", "missing": "acknowledged"}
    assert said(session, proof, ("reaction", "not_convinced")), proof.text
    assert "objection-evidence" not in rules(proof) and "objection-skipped" not in rules(proof)
    assert proof.state["objections_open"] == ["hidden-defects"]


OTHER_SUBJECT = {  # empathy on the school run, not on the car's condition, then the raise and proof
    "en": ["Hello, welcome! I'm Sam. What will you mostly use the car for?",
           "I understand, the school run matters a lot with a little one.",
           "Based on what you've told me, I'd recommend this one: an automatic that's easy to park.",
           "Here is the third-party inspection report and the full service history."],
    "zh": ["您好，欢迎！我是小孙。您平时用车主要是什么场景？",
           "我理解，接送孩子确实很重要。",
           "根据您的情况，我推荐这台：自动挡，停车也方便。",
           "这是第三方检测报告，还有完整的保养记录。"],
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_empathy_on_another_subject_before_the_raise_is_no_acknowledgement(lang):
    session, replies = play(USED_CAR, lang, OTHER_SUBJECT[lang])
    assert "empathy" in rules(replies[1])  # the empathy was heard, as empathy
    assert "objection-raised" in rules(replies[2])
    assert "objection-acknowledged" not in rules(replies[2]), rules(replies[2])
    assert beat(replies[3], "objection-out-of-order").params["missing"] == "acknowledged"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_empathy_older_than_the_window_is_not_credited(lang):
    lines = {"en": ["Hello, welcome! I'm Sam. Buying used, what worries you most?",
                    "I understand, those three are exactly what people fear most; I'd worry too.",
                    "What kind of budget are you working with?",
                    "When do you need the car by?",
                    "Who else will have a say in the decision?",
                    "Based on what you've told me, I'd recommend this one: an automatic with one previous owner."],
             "zh": ["您好，欢迎！我是小孙。买二手车，您最在意哪些方面？",
                    "我理解，事故、泡水、调表确实是大家最怕的，换做是我也会担心。",
                    "您的预算大概是怎么打算的？",
                    "您大概什么时候要用车？",
                    "您家里几口人？",
                    "根据您的情况，我推荐这台：一手车、自动挡。"]}[lang]
    _, replies = play(USED_CAR, lang, lines)
    raised = next(i + 1 for i, r in enumerate(replies) if "objection-raised" in rules(r))
    assert raised - 2 > PRE_RAISE_TURNS  # the empathy (turn 2) is outside the window
    assert not any(r.startswith("objection-") and r != "objection-raised" for r in rules(replies[raised - 1]))


@pytest.mark.parametrize(("scenario", "lang", "lines", "empathy", "probe", "raised"), BEFORE_THE_RAISE,
                         ids=[f"{c[0]}:{c[1]}" for c in BEFORE_THE_RAISE])
def test_a_confirm_before_any_proof_is_still_out_of_order(scenario, lang, lines, empathy, probe, raised):
    session, replies = play(scenario, lang, lines[:raised] + lines[-1:])  # the confirm instead of the proof
    early = replies[raised]
    assert beat(early, "objection-out-of-order").params == {"objection": OBJECTION[scenario], "missing": "evidence"}
    assert said(session, early, ("reaction", "not_convinced")), early.text
    assert early.state["objections_open"] == [OBJECTION[scenario]]


@pytest.mark.parametrize(("scenario", "lang", "lines", "empathy", "probe", "raised"), BEFORE_THE_RAISE[:2],
                         ids=[f"{c[0]}:{c[1]}" for c in BEFORE_THE_RAISE[:2]])
def test_the_memory_is_small_and_a_replay_gives_the_same_credit(scenario, lang, lines, empathy, probe, raised):
    session = Session(scenario, seed=SEEDS[scenario], lang=lang)
    for line in lines:
        session.say(line)
        assert len(session._state.recent_lines) <= PRE_RAISE_TURNS + 1  # the window and this turn's line
    report = replay(session.transcript)
    assert report.differences == []
    assert [t.beats for t in report.session.turns] == [t.beats for t in session.turns]


FIGURES = {  # the price worry raised (turn 3) and acknowledged (turn 4); then a number as the proof
    "en": (["Hello, welcome in! I'm Sam. What brings you in today?", "What budget do you have in mind?",
            "This seven-seater has the space for your parents too.", "I hear you, nobody wants to overpay."],
           "Here are the numbers: over five years it works out about 15,000 cheaper to run.",
           "Here are the numbers: over five years it works out about 30,000 more to run."),
    "zh": (["您好，欢迎光临！我是小陈。今天想看点什么车？", "您在预算上是怎么考虑的？",
            "这款七座车空间够大，您父母来了也坐得下。", "我理解，谁都不想多花冤枉钱。"],
           "五年算下来，这台车能帮您省一万五左右。",
           "这是对比数据：五年算下来要多花三万。"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_figure_that_agrees_skips_the_probe_and_one_that_contradicts_settles_nothing(lang):
    before, agrees, contradicts = FIGURES[lang]
    session, replies = play(SHOWROOM, lang, before + [agrees])
    assert "objection-raised" in rules(replies[2]) and "objection-acknowledged" in rules(replies[3])
    assert [r for r in rules(replies[4]) if r.startswith("objection-")] == ["objection-skipped", "objection-evidence"]
    session, replies = play(SHOWROOM, lang, before + [contradicts])
    wrong = replies[4]
    assert "evidence-contradicted" in rules(wrong), rules(wrong)
    assert not any(r in ("objection-skipped", "objection-evidence") for r in rules(wrong))
    assert said(session, wrong, ("reaction", "figure_contradicted")), wrong.text
