"""Responsiveness (online chat): reply delays, from timestamps the session recorded live.

Ten units: the first reply within ``first_reply_seconds`` of the customer's opening (4), and the
later replies each within ``reply_seconds`` of the customer's previous line (6, shared among
them). Scored only when the scenario's rubric gives this dimension weight (online-chat
scenarios).

Only times the session itself stamped as a person typed are judged (the policy is
:mod:`simkit.scoring.integrity`): when the times are untrusted (piped, scripted, ``at=``) or
fail a clock check, no reply is judged and one evidence item says why; a reply typed faster
than anyone types is not judged. A reply that is not judged earns no points (it is not left out
of the total, which would let an untrusted slow attempt beat an honest one).
"""

from __future__ import annotations

from fractions import Fraction

from simkit.scoring.ledger import Ledger

FIRST_UNITS, LATER_UNITS = 4, 6

# Why reply times cannot be judged: the integrity finding -> the evidence reason.
_UNJUDGED = {"times-untrusted": "reply-times-untrusted"}


def measure(conv, obs, rubric) -> Ledger:
    ledger = Ledger()
    if not rubric.weights.get("responsiveness"):
        return ledger
    if not obs.delays:
        ledger.miss(FIRST_UNITS + LATER_UNITS, turn=None, reason="no-reply")
        return ledger
    unjudged = obs.times.unjudged_reason
    if unjudged is not None:
        reason = _UNJUDGED.get(unjudged.code, "reply-times-inconsistent")
        ledger.miss(FIRST_UNITS + LATER_UNITS, turn=unjudged.turn, reason=reason, finding=unjudged.code)
        return ledger
    first_limit, limit = rubric.limits["first_reply_seconds"], rubric.limits["reply_seconds"]
    turn, seconds = obs.delays[0]
    _reply(ledger, obs, FIRST_UNITS, turn, seconds, first_limit, first=True)
    later = obs.delays[1:]
    units = Fraction(LATER_UNITS, len(later)) if later else 0
    for turn, seconds in later:
        _reply(ledger, obs, units, turn, seconds, limit, first=False)
    return ledger


def _reply(ledger: Ledger, obs, units, turn: int, seconds: int | None, limit: int, *, first: bool) -> None:
    too_fast = obs.times.too_fast(turn)
    if too_fast is not None:
        ledger.miss(units, turn=turn, reason="reply-typed-too-fast", **too_fast.params)
    elif seconds is not None and seconds <= limit:  # None only when a clock check failed (handled above)
        reason = "first-reply-in-time" if first else "reply-in-time"  # codes written out: see reasons.py
        ledger.gain(units, turn=turn, reason=reason, seconds=seconds, limit=limit)
    else:
        reason = "first-reply-late" if first else "reply-late"
        ledger.miss(units, turn=turn, reason=reason, seconds=seconds, limit=limit)
