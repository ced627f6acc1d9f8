"""Scoring reads the objection steps as the customer heard them (simkit.engine.objection_flow).

The engine's resolved objections are the scorecard's; steps credited before the raise show in
the evidence with their own turns; a skipped probe loses its unit and the clean-handling
excellence, and the feedback says so. zh and en, hand-written conversations and the references.
"""

from __future__ import annotations

import pytest

from simkit import Session
from simkit.engine.replay import replay
from simkit.scoring import score
from simkit.scoring.conversation import Conversation
from simkit.scoring.observe import observe
from tests.engine.test_objection_flow import BEFORE_THE_RAISE, OBJECTION, SEEDS, SKIPPED_PROBE, USED_CAR
from tests.references import LEVELS, load, play_reference, reference_file, reference_files


def talk(scenario: str, lang: str, lines: list[str]) -> Session:
    session = Session(scenario, seed=SEEDS[scenario], lang=lang)
    for line in lines:
        if not session.done:
            session.say(line)
    return session


def objection_evidence(card, objection: str) -> list:
    dim = next(d for d in card.dimensions if d.name == "objections")
    return [e for e in dim.evidence if e.params.get("objection") == objection]


def resolved_by_scoring(session: Session) -> set[str]:
    return {t.id for t in observe(Conversation.from_session(session)).objections if t.resolved}


@pytest.mark.parametrize(("scenario", "lang", "lines", "empathy", "probe", "raised"), BEFORE_THE_RAISE,
                         ids=[f"{c[0]}:{c[1]}" for c in BEFORE_THE_RAISE])
def test_steps_before_the_raise_score_at_their_own_turns(scenario, lang, lines, empathy, probe, raised):
    session = talk(scenario, lang, lines)
    objection = OBJECTION[scenario]
    evidence = objection_evidence(score(session.transcript), objection)
    done = {e.params["step"]: e.turn for e in evidence if e.reason == "step-done"}
    assert done == {"acknowledged": empathy, "probed": probe, "evidence": raised + 1, "confirmed": raised + 2}
    assert [e.turn for e in evidence if e.reason == "objection-raised"] == [raised]
    assert not [e for e in evidence if e.lost], [(e.turn, e.reason) for e in evidence if e.lost]
    assert resolved_by_scoring(session) == set(session.state["objections_resolved"]) == {objection}
    # the worry was met with empathy before it was voiced: rapport counts it at that turn
    card = score(session.transcript)
    rapport = next(d for d in card.dimensions if d.name == "rapport")
    on_it = [(e.reason, e.turn) for e in rapport.evidence if e.params.get("id") == objection]
    assert on_it == [("empathy-shown", empathy)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_skipped_probe_loses_its_unit_and_the_steps_after_it_count(lang):
    session = talk(USED_CAR, lang, SKIPPED_PROBE[lang])
    card = score(session.transcript)
    evidence = objection_evidence(card, "hidden-defects")
    skipped = [e for e in evidence if e.reason == "probe-skipped"]
    assert [(e.turn, e.params["step"]) for e in skipped] == [(4, "probed")] and skipped[0].lost > 0
    done = {e.params["step"]: e.turn for e in evidence if e.reason == "step-done"}
    assert done == {"acknowledged": 3, "evidence": 4, "confirmed": 5}
    assert resolved_by_scoring(session) == set(session.state["objections_resolved"]) == {"hidden-defects"}
    clean = next(f for f in card.verdict.excellence if f.id == "clean_objection_handling")
    assert not clean.met


def _strong_without_its_probe(lang: str) -> list[str]:
    """The used-car strong reference minus its probe of the condition worry (turn 10)."""
    lines = list(load(reference_file(USED_CAR))["scripts"]["strong"][lang]["lines"])
    del lines[9]
    if lang == "zh":  # its husband question reads as digging into the worry: ask about him instead
        lines[6] = "您刚才提到您老公，他平时开车多吗？"
    return lines


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_feedback_says_the_probe_was_skipped(lang):
    session = talk(USED_CAR, lang, _strong_without_its_probe(lang))
    card = score(session.transcript)
    assert session.outcome.status == "success"
    assert "hidden-defects" in resolved_by_scoring(session)
    first = card.feedback[0]
    assert first.code == "probe-objection" and first.params["objection"] == "hidden-defects", card.feedback
    assert first.turn == next(t.n for t in session.turns if any(b["rule"] == "objection-skipped" for b in t.beats))
    assert first.better[lang]  # a model probe to say instead
    clean = next(f for f in card.verdict.excellence if f.id == "clean_objection_handling")
    assert not clean.met and card.tier != "distinction"


def _reference_cases():
    for path in reference_files():
        for lang in ("zh", "en"):
            for level in LEVELS:
                yield pytest.param(path, lang, level, id=f"{path.stem}:{lang}:{level}")


@pytest.mark.parametrize(("path", "lang", "level"), list(_reference_cases()))
def test_the_engines_resolved_objections_are_the_scorecards(path, lang, level):
    transcript = play_reference(path, level, lang)
    engine = set(transcript.turns[-1].state["objections_resolved"])
    card = score(transcript)
    dim = next(d for d in card.dimensions if d.name == "objections")
    confirmed = {e.params["objection"] for e in dim.evidence
                 if e.reason == "step-done" and e.params.get("step") == "confirmed"}
    assert confirmed == engine
    assert resolved_by_scoring(replay(transcript).session) == engine
