"""Issue 11's "Must show", on every scenario of the library and both languages (the other tests
take three scenarios each): a rude line, a request for personal data and a budget question each
get their own answer; a figure that proves the opposite settles nothing in the two other scenarios
whose objection reads numbers (the fleet and the trade-in); and on every scenario with seeded
variants, the strong lines written for one seed do not meet the goal, nor pass (where the goal
is required), on the other.

Real Sessions on the repo's scenarios and reference conversations, no stand-ins.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from simkit import Session
from simkit.content import default_library
from simkit.engine.actor import Actor
from simkit.scoring import score
from tests.references import load

LIBRARY = tuple(sorted(default_library().scenarios))
GREETING = {"en": "Hello, I'm Sam from the dealership.", "zh": "您好，我是销售顾问小陈。"}


def _said(session: Session, text: str, ref: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of the ways the session's customer says ``ref``."""
    actor = Actor(session.scenario, session.persona, session.lang, random.Random(0))
    return any(actor.fill(v) in text for v in actor._variants(ref).get(session.lang, ()))


@pytest.mark.parametrize("scenario", LIBRARY)
@pytest.mark.parametrize(("lang", "line"), [("en", "Shut up"), ("zh", "滚")])
def test_a_rude_line_draws_its_own_reaction_everywhere(scenario, lang, line):
    session = Session(scenario, seed=0, lang=lang)
    trust = session.view.trust.value
    reply = session.say(line)
    spoken = [b.rule for b in reply.beats if b.line]
    assert spoken[0] == "rude" and set(spoken) <= {"rude", "leave"}, spoken  # a busy caller may hang up on it
    assert reply.state["trust"] < trust and reply.state["needs_revealed"] == []


@pytest.mark.parametrize("scenario", LIBRARY)
@pytest.mark.parametrize(("lang", "line"), [("en", "Give me your phone number and ID number"),
                                            ("zh", "把你的电话和身份证号给我")])
def test_personal_data_without_a_reason_draws_its_own_reaction_everywhere(scenario, lang, line):
    session = Session(scenario, seed=0, lang=lang)
    reply = session.say(line)
    assert "personal-data" in [b.rule for b in reply.beats]
    assert _said(session, reply.text, ("reaction", "privacy")), reply.text
    assert reply.state["needs_revealed"] == []


@pytest.mark.parametrize("scenario", LIBRARY)
@pytest.mark.parametrize(("lang", "line"), [("en", "Ballpark, what are you looking to spend?"), ("zh", "大概预算多少？")])
def test_a_budget_question_gets_a_budget_answer_or_a_deflection_everywhere(scenario, lang, line):
    session = Session(scenario, seed=0, lang=lang)
    session.say(GREETING[lang])
    reply = session.say(line)
    persona = session.persona
    told = [persona.need(b.params["need"]) for b in reply.beats if b.kind == "reveal_need"]
    assert all("budget" in n.reveal_topics for n in told), [n.id for n in told]  # never another topic's need
    on_topic = [b for b in reply.beats if b.line and (
        b.line[0] == "need" or b.line == ("answer", "budget") or b.line == ("reaction", "too_early"))]
    assert on_topic, (reply.text, [b.rule for b in reply.beats])
    assert all(_said(session, reply.text, b.line) for b in on_topic), reply.text  # and said


# -- numbers: the fleet's battery rent and the trade-in's gap, read against the persona's facts --

FIGURES = {
    # (references file, index of the proof line in its strong script, a proof that says the opposite)
    "fleet-battery-rental-v1": ("fleet-battery-rental.references.yaml", 9, {
        "en": "Here's the five-year cost sheet: renting the batteries costs the twenty cars 30,000 more "
              "than buying outright.",
        "zh": "我给您做了一份五年成本测算表：五年算下来，租电池比买断二十台车一共要多花三万。"}),
    "trade-in-gap-private-sale-v1": ("trade-in-gap-private-sale.references.yaml", 9, {
        "en": "Let me lay out the numbers: we pay 80,000 for your car, so trading in comes out 10,000 less than "
              "the private buyer's offer. It is all in the written quote.",
        "zh": "我给您把账摆出来：旧车我们按八万收，算下来置换比您自己卖要少一万，这些都写进书面报价单。"}),
}


@pytest.mark.parametrize("scenario", sorted(FIGURES))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_cost_claim_contradicting_the_personas_facts_does_not_resolve(scenario, lang):
    name, at, wrong = FIGURES[scenario]
    refs = load(Path(default_library().reference_sets[scenario][0].source).with_name(name))
    lines = refs["scripts"]["strong"][lang]["lines"]
    session = Session(scenario, seed=refs["seed"], lang=lang, clock=lambda: "")
    for line in lines[:at]:
        session.say(line)
    objection = session.state["objections_open"][-1]
    reply = session.say(wrong[lang])  # a cost sheet, the proof's own cue words, and a number going the wrong way
    assert "evidence-contradicted" in [b.rule for b in reply.beats], [b.rule for b in reply.beats]
    assert _said(session, reply.text, ("reaction", "figure_contradicted")), reply.text
    reply = session.say(lines[at + 1])  # "does that settle it?" after the wrong figure settles nothing
    assert objection in reply.state["objections_open"] and objection not in reply.state["objections_resolved"]
    reply = session.say(lines[at])  # the persona's own figure is proof
    assert "objection-evidence" in [b.rule for b in reply.beats], [b.rule for b in reply.beats]


# -- seeded variants: one seed's lines are no answer key for another ---------------------------

VARIED = sorted(s for s, sets in default_library().reference_sets.items() if len(sets) > 1)


def _strong(scenario: str, seed: int, lang: str, lines: list[str]):
    session = Session(scenario, seed=seed, lang=lang, clock=lambda: "")
    for line in lines:
        if session.done:
            break
        session.say(line)
    return session


@pytest.mark.parametrize("scenario", VARIED)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_seeds_of_every_scenario_with_variants_need_different_lines(scenario, lang):
    sets = [load(Path(r.source)) for r in default_library().reference_sets[scenario]]
    seeds = [s["seed"] for s in sets]
    assert len({Session(scenario, seed=seed).variant.id for seed in seeds}) == len(seeds)
    met, passed = {}, {}
    for own in sets:
        for lines_of in sets:
            session = _strong(scenario, own["seed"], lang, lines_of["scripts"]["strong"][lang]["lines"])
            card = score(session.transcript)
            met[own["seed"], lines_of["seed"]] = card.outcome["status"] == "success"
            # quick replies are judged on live times only, which a scripted session has not
            passed[own["seed"], lines_of["seed"]] = not set(card.verdict.failures) - {"missing:quick_first_reply"}
    for seed in seeds:
        assert met[seed, seed] and passed[seed, seed], (seed, met, passed)  # each seed's own lines pass
    crossed = [(a, b) for a in seeds for b in seeds if a != b]
    assert not all(met[pair] for pair in crossed), met  # some seed's lines miss the goal on another
    assert not all(passed[pair] for pair in crossed), passed  # ... and fail there
