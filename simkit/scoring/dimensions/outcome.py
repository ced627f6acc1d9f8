"""Outcome: the scenario's goal met, or the defeat reason.

Ten units. A met goal earns them all on the turn the customer agreed. Otherwise half of them
are lost to the defeat (or to the conversation stopping unfinished), and the other half are
shared among the goal's conditions (needs found, objections resolved, trust and interest
reached): each condition that held at the end earns its share on the turn it came true.
"""

from __future__ import annotations

from fractions import Fraction

from simkit.scoring.ledger import Ledger

UNITS = 10


def measure(conv, obs, rubric) -> Ledger:
    ledger = Ledger()
    outcome = conv.outcome
    goal = conv.scenario.goal
    if outcome["status"] == "success":
        ledger.gain(UNITS, turn=outcome["turn"], reason="goal-met", goal=goal.kind)
        return ledger
    half = Fraction(UNITS, 2)
    if outcome["status"] == "defeat":
        ledger.miss(half, turn=outcome["turn"], reason="defeat", goal=goal.kind, defeat=outcome["reason"])
    else:
        ledger.miss(half, turn=conv.last_turn, reason="unfinished", goal=goal.kind)
    conditions = _conditions(conv, obs)
    share = half / len(conditions) if conditions else 0
    for met_turn, condition, params in conditions:
        if met_turn is not None:
            ledger.gain(share, turn=met_turn, reason="condition-met", condition=condition, **params)
        else:
            ledger.miss(share, turn=None, reason="condition-missing", condition=condition, **params)
    return ledger


def _conditions(conv, obs) -> list[tuple[int | None, str, dict]]:
    goal = conv.scenario.goal
    last = conv.last_turn
    tracks = {t.id: t for t in obs.objections}
    out: list[tuple[int | None, str, dict]] = []
    for need in goal.needs:
        out.append((obs.needs_found[need][0] if need in obs.needs_found else None, "need", {"need": need}))
    for objection in goal.objections:
        track = tracks.get(objection)
        done = track.steps.get("confirmed") if track and track.resolved else None
        out.append((done, "objection", {"objection": objection}))
    trust = conv.final_state("trust", conv.persona.traits.trust)
    interest = conv.final_state("interest", conv.persona.traits.interest)
    out.append((last if trust >= goal.min_trust else None, "trust", {"value": trust, "target": goal.min_trust}))
    out.append((last if interest >= goal.min_interest else None, "interest",
                {"value": interest, "target": goal.min_interest}))
    return out
