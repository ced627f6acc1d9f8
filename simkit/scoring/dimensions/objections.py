"""Objection handling: the four steps, in order, for every objection, and no pushing before proof.

Each objection the customer raised, and each one the scenario's goal needs resolved even if it
was never drawn out, is worth five units: one per step achieved (acknowledge, probe, evidence,
confirm; the director only accepts them in that order, counting those taken on the worry just
before it was raised, each at its own turn) and one for no pressure or discount before the
evidence step. A probe the customer let pass (targeted proof straight after the
acknowledgement) loses its unit on the turn of that proof, and the steps after it still count.
The first missing step loses its unit on the turn that shows it: evidence that missed the point,
a later step tried too early, or else the turn after the last step achieved; the steps after it
were never reached.
"""

from __future__ import annotations

from simkit.content.model import OBJECTION_STEPS
from simkit.scoring.ledger import Ledger

CALM_UNITS = 1


def measure(conv, obs, rubric) -> Ledger:
    ledger = Ledger()
    for track in obs.objections:
        facts = {"objection": track.id}
        if track.raised is None:
            ledger.miss(len(OBJECTION_STEPS) + CALM_UNITS, turn=None, reason="objection-never-raised", **facts)
            continue
        ledger.note(turn=track.raised, reason="objection-raised", **facts)
        last, gap = track.raised, False
        for step in OBJECTION_STEPS:
            if step in track.steps:
                ledger.gain(1, turn=track.steps[step], reason="step-done", step=step, **facts)
                last = max(last, track.steps[step])  # a step before the raise: look after the raise
            elif step in track.skipped:
                last = max(last, track.skipped[step])
                ledger.miss(1, turn=track.skipped[step], reason="probe-skipped", step=step, **facts)
            elif gap:  # a step after a missing one could not happen
                ledger.miss(1, turn=None, reason="step-not-reached", step=step, **facts)
            else:
                gap = True
                turn, reason = _where_missing(conv, track, step, last)
                ledger.miss(1, turn=turn, reason=reason, step=step, **facts)
        if track.pushes:
            turn, act = track.pushes[0]
            ledger.miss(CALM_UNITS, turn=turn, reason="push-before-evidence", act=act, **facts)
        else:
            ledger.gain(CALM_UNITS, turn=track.steps.get("evidence"), reason="no-push-before-evidence", **facts)
    return ledger


def _where_missing(conv, track, step: str, last: int) -> tuple[int | None, str]:
    """The turn that shows a step was missing, and the reason code."""
    if step == "evidence" and track.off_target:
        return track.off_target[0], "step-off-target"
    early = next((turn for turn, missing in track.out_of_order if missing == step), None)
    if early is not None:
        return early, "step-skipped"
    after = conv.turn(last + 1)
    if after is not None:
        return after.n, "step-missing"
    return None, "step-not-reached"
