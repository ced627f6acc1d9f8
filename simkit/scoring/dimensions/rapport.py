"""Rapport: a greeting, the trust reached, and empathy when the customer showed a feeling.

Ten units: a greeting within the first two turns (2); trust raised from where the customer
started to what the goal needs (4, in proportion, judged on the last turn); and empathy on the
trainee's next line each time the customer voiced an objection or opened up about a deep need
(4, shared among those moments; not counted when there were none); an objection acknowledged
just before the customer voiced it was met already, at the acknowledgement's turn. A talk that did no work (no
need found, no objection step, no goal) earns none of it: a greeting and a pleasant start that
led nowhere show no rapport.
"""

from __future__ import annotations

from fractions import Fraction

from simkit.scoring.ledger import Ledger

GREETING_UNITS, TRUST_UNITS, EMPATHY_UNITS = 2, 4, 4


def measure(conv, obs, rubric) -> Ledger:
    ledger = Ledger()
    if obs.greeting_turn is not None and not obs.work_done:
        ledger.miss(GREETING_UNITS, turn=obs.greeting_turn, reason="no-work")
    elif obs.greeting_turn is not None:
        ledger.gain(GREETING_UNITS, turn=obs.greeting_turn, reason="greeted")
    elif obs.greeted_late is not None:
        ledger.miss(GREETING_UNITS, turn=obs.greeted_late, reason="greeted-late")
    else:
        ledger.miss(GREETING_UNITS, turn=1 if conv.turns else None, reason="no-greeting")
    if not obs.work_done:
        units = TRUST_UNITS + (EMPATHY_UNITS if obs.answerable_feelings else 0)
        ledger.miss(units, turn=conv.last_turn, reason="no-work")
        return ledger
    start = conv.persona.traits.trust
    target = conv.scenario.goal.min_trust
    final = conv.final_state("trust", start)
    if target > start:
        earned = Fraction(max(0, min(final, target) - start), target - start) * TRUST_UNITS
    else:
        earned = Fraction(TRUST_UNITS if final >= target else 0)
    ledger.criterion(TRUST_UNITS, earned, turn=conv.last_turn, reason="trust-reached" if final >= target
                     else "trust-short", trust=final, start=start, target=target)
    moments = obs.answerable_feelings
    units = Fraction(EMPATHY_UNITS, len(moments)) if moments else 0
    for feeling in moments:
        facts = {"feeling": feeling.kind, "id": feeling.id, "at": feeling.turn}
        shown = obs.empathy_for(feeling)  # an objection acknowledged before its raise was met already
        if shown is not None:
            ledger.gain(units, turn=shown, reason="empathy-shown", **facts)
        else:
            ledger.miss(units, turn=feeling.turn + 1, reason="empathy-missed", **facts)
    return ledger
