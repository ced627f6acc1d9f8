"""The rulebook: every number and table the director's rules use, in one place.

The engine's version (:mod:`simkit.engine.version`) is a hash of this table (every upper-case
name below) plus a hand-bumped rules version, so a changed effect is a new version and a changed
comment or a refactor is not. A rule that needs a new number gets it here, never inline.

Effects are in points: trust and interest run 0-100, patience counts down to 0.
"""

from __future__ import annotations

# -- effects on the customer's state ---------------------------------------------------------
GREETING_TRUST = 5  # a first greeting ...
GREETING_LATEST_TURN = 2  # ... earns trust only this early in the talk
EMPATHY_TRUST = 3  # empathy that works on no objection
PRESSURE_TRUST, PRESSURE_PATIENCE = -15, -2  # pressure and false promises
PREMATURE_DISCOUNT_TRUST, PREMATURE_DISCOUNT_PATIENCE = -10, -1  # a discount before the value was shown
LATE_CONCESSION_INTEREST = 5  # a discount once the value was shown
IGNORED_ASK_PATIENCE = -1  # the customer's question went unanswered
ACKNOWLEDGE_TRUST, PROBE_TRUST, EVIDENCE_TRUST, CONFIRM_TRUST = 4, 3, 6, 4  # objection steps
EVIDENCE_INTEREST = 5  # proof that lands
NEED_TRUST, NEED_INTEREST = 3, 4  # a need revealed
PRESENT_INTEREST, RECOMMEND_INTEREST = 8, 12  # a relevant presentation / recommendation
PITCH_BEFORE_NEEDS_PATIENCE = -1  # presenting before any need is known
FAILED_CLOSE_TRUST, FAILED_CLOSE_PATIENCE = -3, -1  # a close attempt while something is missing
INTERROGATION_RUN = 3  # closed questions in a row that start to cost patience ...
INTERROGATION_PATIENCE = -1  # ... this much each

# -- which technique does what ---------------------------------------------------------------
# Which technique advances each objection step.
STEP_TECHNIQUES = {
    "acknowledged": ("empathy",),
    "probed": ("probe", "open_question"),
    "evidence": ("evidence", "present", "recommend"),  # a presentation counts only if it names the proof
    "confirmed": ("confirm",),
}
# Techniques that present something; proof offered unasked is a pitch too.
PITCH_TECHNIQUES = frozenset({"present", "recommend", "evidence"})
CLOSED_ONLY = frozenset({"closed_question"})  # the question techniques of a plain closed question

# -- why the customer leaves -----------------------------------------------------------------
# Most serious first: when one line commits several offences, the defeat reason names the worst.
OFFENCE_SEVERITY = ("pressure", "discount", "ignored", "premature_close", "interrogation", "pitching")
# What the customer says when the last thing that cost patience makes them leave.
DEFEAT_REASONS = {
    "pressure": "pressured",
    "ignored": "ignored",
    "interrogation": "interrogated",
    "pitching": "not_listened_to",
    "premature_close": "pushed_to_close",
    "discount": "lost_trust",
}


def table() -> dict[str, object]:
    """The rulebook as data: every upper-case name of this module and its value."""
    return {name: value for name, value in globals().items() if name.isupper() and not name.startswith("_")}
