"""Responsiveness (online chat): reply delays, from the timestamps.

Ten units: the first reply within ``first_reply_seconds`` of the customer's opening (4), and the
later replies each within ``reply_seconds`` of the customer's previous line (6, shared among
them). A delay that cannot be read (a missing or backwards timestamp) counts as late. Scored
only when the scenario's rubric gives this dimension weight (online-chat scenarios).
"""

from __future__ import annotations

from fractions import Fraction

from simkit.scoring.ledger import Ledger

FIRST_UNITS, LATER_UNITS = 4, 6


def measure(conv, obs, rubric) -> Ledger:
    ledger = Ledger()
    if not rubric.weights.get("responsiveness"):
        return ledger
    if not obs.delays:
        ledger.miss(FIRST_UNITS + LATER_UNITS, turn=None, reason="no-reply")
        return ledger
    first_limit, limit = rubric.limits["first_reply_seconds"], rubric.limits["reply_seconds"]
    turn, seconds = obs.delays[0]
    _reply(ledger, FIRST_UNITS, turn, seconds, first_limit, first=True)
    later = obs.delays[1:]
    units = Fraction(LATER_UNITS, len(later)) if later else 0
    for turn, seconds in later:
        _reply(ledger, units, turn, seconds, limit, first=False)
    return ledger


def _reply(ledger: Ledger, units, turn: int, seconds: int | None, limit: int, *, first: bool) -> None:
    if seconds is None:
        ledger.miss(units, turn=turn, reason="reply-time-unknown")
    elif seconds <= limit:
        reason = "first-reply-in-time" if first else "reply-in-time"  # codes written out: see reasons.py
        ledger.gain(units, turn=turn, reason=reason, seconds=seconds, limit=limit)
    else:
        reason = "first-reply-late" if first else "reply-late"
        ledger.miss(units, turn=turn, reason=reason, seconds=seconds, limit=limit)
