"""Rule 5 of the director: the open objection advances through acknowledge → probe → evidence → confirm.

Only the most recently raised open objection moves, in order, by as many steps as one line
earns; after the acknowledgement, targeted proof without a probe skips the probe
(:mod:`.objection_flow`, which also credits the steps taken just before the raise). Evidence
counts only when it names the right kind of proof (the objection's ``evidence_cues``) or a
figure that agrees with the facts (:mod:`simkit.engine.figures`); a figure that proves the
opposite resolves nothing. A probed cause is told alone: later steps wait a turn.
"""

from __future__ import annotations

from simkit.content.model import OBJECTION_STEPS, Objection, Persona
from simkit.engine import figures
from simkit.engine.beats import Beat
from simkit.engine.cues import contains_any
from simkit.engine.objection_flow import TARGETED, forget_this_turn, proof_without_probe, skip_beat
from simkit.engine.rulebook import (
    ACKNOWLEDGE_TRUST, CONFIRM_TRUST, EVIDENCE_INTEREST, EVIDENCE_TRUST, PROBE_TRUST, SHOW_CUES, SHOWING_CHANNELS,
    SKIPPED_PROBE_TRUST,
    STEP_TECHNIQUES,
)
from simkit.engine.state import CustomerState
from simkit.understand import Analysis


def advance_objection(
    persona: Persona, state: CustomerState, tech: set[str], text: str, analysis: Analysis, *, channel: str = "showroom"
) -> list[Beat]:
    """Advance the most recently raised open objection by as many steps as the line earns.

    Args:
        persona: The customer, whose objections these are.
        state: The customer's state; the objection's progress and the effects are applied to it.
        tech: The line's techniques.
        text: The trainee's line (evidence must mention one of the objection's cues).
        analysis: The line's analysis (its language and the figures it states).
        channel: Where the talk happens: proof that must be seen (``resolve.show``) counts only where
            the car can be seen, and on video a line that shows the car (``SHOW_CUES``) is that proof.

    Returns:
        The beats of the steps taken (only the furthest one speaks), a reaction when the line's
        proof misses or contradicts, or when a later step's technique came before its turn; else
        nothing.
    """
    open_objections = state.open_objections
    if not open_objections:
        return []
    progress = open_objections[-1]
    objection = persona.objection(progress.id)
    beats: list[Beat] = []
    while (step := progress.next_step) is not None:
        if step == "probed":  # proof right after the acknowledgement: heard, the probe missed
            proof, amount = proof_without_probe(persona, objection, tech, text, analysis)
            if proof == TARGETED:
                progress.skipped.append(step)
                beats.append(skip_beat(objection, step))
                continue
            if proof == figures.CONTRADICTS:
                return [_contradicted(objection, amount)]
        if not tech.intersection(STEP_TECHNIQUES[step]):
            break
        figure = figures.read_evidence(objection, persona, analysis) if step == "evidence" \
            else (figures.SILENT, None)
        if figure[0] == figures.CONTRADICTS:  # a number that proves the opposite resolves nothing
            beats.append(_contradicted(objection, figure[1]))
            return beats
        if step == "evidence" and objection.show and channel not in SHOWING_CHANNELS and ("evidence" in tech or
                contains_any(text, objection.evidence_cues.get(analysis.lang, ()))):
            beats.append(Beat(kind="react", rule="evidence-not-seen", params={"objection": objection.id,
                              "channel": channel}, line=("reaction", "need_to_see")))
            return beats
        shown = step == "evidence" and objection.show and channel == "video" \
            and contains_any(text, SHOW_CUES[analysis.lang])  # the walk-around on camera shows it
        if step == "evidence" and figure[0] != figures.AGREES and not shown \
                and not contains_any(text, objection.evidence_cues.get(analysis.lang, ())):
            if "evidence" not in tech:  # a plain presentation, not an attempt at proof
                break
            beats.append(Beat(kind="react", rule="evidence-off-target", params={"objection": objection.id},
                              line=("reaction", "not_convinced")))
            return beats
        progress.steps.append(step)
        beats.append(step_beat(state, objection, step, after_skip=step == "evidence" and "probed" in progress.skipped))
        if step == "probed":  # the cause is told now and heard alone: later steps wait a turn
            break
    if beats:
        forget_this_turn(state)  # the line worked on this objection: it is no step of another one
        # Only the furthest step speaks; earlier ones this turn are recorded silently.
        return [b.silenced() for b in beats[:-1]] + beats[-1:]
    # A later step's technique used before its turn: the customer is not convinced yet.
    # Only the step's own technique counts as an attempt: an open question or a
    # presentation may be about something else entirely.
    later = [s for s in OBJECTION_STEPS[OBJECTION_STEPS.index(progress.next_step) + 1:]
             if STEP_TECHNIQUES[s][0] in tech]
    if later:
        return [Beat(kind="react", rule="objection-out-of-order",
                     params={"objection": objection.id, "missing": progress.next_step},
                     line=("reaction", "not_convinced"))]
    return []


def _contradicted(objection: Objection, amount: float | None) -> Beat:
    return Beat(kind="react", rule="evidence-contradicted", params={"objection": objection.id, "amount": amount},
                line=("reaction", "figure_contradicted"))


def step_beat(state: CustomerState, objection: Objection, step: str, *, after_skip: bool = False) -> Beat:
    """The beat of ``step`` done on ``objection``, its effects applied to ``state``.

    ``after_skip``: the proof came after a skipped probe and earns less trust (``SKIPPED_PROBE_TRUST``).
    """
    params: dict[str, object] = {"objection": objection.id}
    effects: dict[str, int] = {}
    trust = {"acknowledged": ACKNOWLEDGE_TRUST, "probed": PROBE_TRUST,
             "evidence": EVIDENCE_TRUST, "confirmed": CONFIRM_TRUST}[step] + (SKIPPED_PROBE_TRUST if after_skip else 0)
    effects["trust"] = trust
    if step == "evidence":
        effects["interest"] = EVIDENCE_INTEREST
    state.adjust(**effects)
    params.update(effects)
    line = {
        "acknowledged": ("reaction", "acknowledged"),
        "probed": ("objection", objection.id, "cause"),
        "evidence": ("objection", objection.id, "accepted"),
        "confirmed": ("objection", objection.id, "resolved"),
    }[step]
    return Beat(kind="objection_step", rule="objection-" + step, params=params, line=line, effects=effects)
