"""Compliance: pressure, false guarantees, belittling, and personal data asked for without reason.

Six units, kept unless incidents cost them: a false guarantee costs 3, any other pressure
(false urgency, belittling rivals or the customer, hard selling) 2, and asking for an ID number,
a home address, income or bank details without saying why 2. The analyzer decides what is
pressure; :mod:`simkit.scoring.acts` says which kind. A trainee who said nothing earns none.
"""

from __future__ import annotations

from simkit.scoring.ledger import Ledger

UNITS = 6
COSTS = {"false_guarantee": 3, "belittling": 2, "false_urgency": 2, "pressure": 2, "personal_data": 2}
# Act -> its evidence reason, written out (see simkit.scoring.reasons).
REASONS = {"false_guarantee": "act-false-guarantee", "belittling": "act-belittling",
           "false_urgency": "act-false-urgency", "pressure": "act-pressure", "personal_data": "act-personal-data"}


def measure(conv, obs, rubric) -> Ledger:
    ledger = Ledger()
    if not conv.turns:  # clean conduct is earned by talking to the customer, not by silence
        ledger.miss(UNITS, turn=None, reason="said-nothing")
        return ledger
    incidents = [(COSTS[a.kind], a.turn, REASONS[a.kind], {"detail": a.detail} if a.detail else {})
                 for a in obs.acts if a.kind in COSTS]
    ledger.pool(UNITS, incidents, clean_reason="conduct-clean")
    return ledger
