"""Needs discovery: the hidden needs uncovered, weighted by importance and depth.

Each of the persona's needs is worth ``importance`` units, doubled for a deep need (those only
come out under a probe once the customer trusts the trainee). A need found earns its units on
the turn it was revealed; a need missed loses them on the last turn a question aimed at it but
the customer held back (not enough trust, or no probe), or on no turn when nothing ever asked.
"""

from __future__ import annotations

from simkit.scoring.ledger import Ledger

DEEP_FACTOR = 2


def need_units(need) -> int:
    """What a need is worth: its importance, doubled when it is deep."""
    return need.importance * (DEEP_FACTOR if need.depth == "deep" else 1)


def measure(conv, obs, rubric) -> Ledger:
    ledger = Ledger()
    for need in conv.persona.needs:
        units = need_units(need)
        facts = {"need": need.id, "importance": need.importance, "depth": need.depth}
        if need.id in obs.needs_found:
            turn, params = obs.needs_found[need.id]
            ledger.gain(units, turn=turn, reason="need-found", technique=params.get("technique", ""),
                        topic=params.get("topic", need.topic), **facts)
        elif need.id in obs.needs_blocked:
            blocked = obs.needs_blocked[need.id]
            if blocked.rule == "need-needs-trust":
                ledger.miss(units, turn=blocked.turn, reason="need-held-back-trust",
                            trust=blocked.params.get("trust", 0), min_trust=blocked.params.get("min_trust", 0),
                            **facts)
            else:
                ledger.miss(units, turn=blocked.turn, reason="need-held-back-probe", **facts)
        else:
            ledger.miss(units, turn=None, reason="need-missed", topic=need.topic, **facts)
    return ledger
