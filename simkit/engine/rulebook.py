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

# -- appointments (simkit.engine.appointments) -----------------------------------------------
# The minutes of the day (after midnight) each part of the day covers, for "Saturday morning".
DAY_PARTS = {"morning": (540, 720), "noon": (720, 810), "afternoon": (780, 1080), "evening": (1080, 1260),
             "night": (1260, 1440)}
# Words that accept the time the customer proposed ("Sunday at 9 works") ...
AGREE_CUES = {"en": ("ok", "okay", "sure", "works", "great", "perfect", "deal", "see you", "fine", "sounds good",
                     "yes", "let's do"),
              "zh": ("好", "行", "可以", "没问题", "就这么定", "见", "定了")}
# ... unless the line says no.
REFUSE_CUES = {"en": ("not", "doesn't", "don't", "can't", "won't", "isn't", "wouldn't", "couldn't", "cannot",
                      "another time", "instead"),
               "zh": ("不行", "不方便", "不可以", "不太", "没空", "没时间", "换个", "改天")}
AGREE_TECHNIQUES = frozenset({"close", "confirm"})  # techniques that accept a proposed time

# -- numbers (simkit.engine.figures, simkit.engine.offers) --------------------------------------
# Words beside an amount that say which way it goes: more (a higher cost, an extra) or less (a saving).
MORE_CUES = {"en": ("more", "extra", "higher", "dearer", "pricier", "on top", "premium", "increase", "above"),
             "zh": ("贵", "多花", "多出", "多付", "高出", "额外", "增加", "超出", "更高")}
LESS_CUES = {"en": ("less", "save", "saves", "saving", "savings", "cheaper", "lower", "below", "under", "reduce",
                    "cut"),
             "zh": ("省", "少花", "少付", "便宜", "低", "节约", "节省", "降低", "减少")}
OFFER_TECHNIQUES = frozenset({"concession", "present", "recommend", "close"})  # techniques that put an amount on the table
OFFER_INTEREST = 4  # an offer the customer can accept (one they counter changes nothing)

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
