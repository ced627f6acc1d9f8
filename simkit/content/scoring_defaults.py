"""What a scenario's ``scoring:`` mapping may name, and the defaults of what it leaves out.

Dimensions, behaviours and acts are named here, with the content, so that checking a scenario
file needs nothing from :mod:`simkit.scoring` (which builds the rubric from these values and
detects each named behaviour and act; it checks that its detectors match these names). A
scenario without ``scoring:`` (or leaving a key out) gets the defaults; see
:mod:`simkit.scoring.rubric`.
"""

from __future__ import annotations

#: Dimensions in the order a scorecard lists them.
DIMENSIONS: tuple[str, ...] = (
    "needs", "questioning", "objections", "rapport", "outcome", "listening", "compliance", "responsiveness",
)

#: Channels where reply delays are scored.
TIMED_CHANNELS: tuple[str, ...] = ("online_chat",)

DEFAULT_WEIGHTS: dict[str, int] = {
    "needs": 20, "questioning": 15, "objections": 20, "rapport": 10,
    "outcome": 15, "listening": 5, "compliance": 15, "responsiveness": 0,
}
DEFAULT_CHAT_WEIGHTS: dict[str, int] = {
    "needs": 20, "questioning": 10, "objections": 15, "rapport": 10,
    "outcome": 15, "listening": 5, "compliance": 15, "responsiveness": 10,
}
DEFAULT_THRESHOLD = 60


def weights_for(overrides: dict, channel: str | None) -> dict:
    """Every dimension's weight: the channel's defaults with ``overrides`` on top.

    Reply delays count only on timed channels, so elsewhere ``responsiveness`` is 0 (an unknown
    ``channel``, None, keeps what was given).
    """
    base = DEFAULT_CHAT_WEIGHTS if channel in TIMED_CHANNELS else DEFAULT_WEIGHTS
    weights = {name: overrides.get(name, base[name]) for name in DIMENSIONS}
    if channel is not None and channel not in TIMED_CHANNELS:
        weights["responsiveness"] = 0
    return weights

DEFAULT_REQUIRED: tuple[str, ...] = ("greeting",)
DEFAULT_FORBIDDEN: tuple[str, ...] = ("false_guarantee", "belittling", "personal_data")
DEFAULT_EXCELLENCE: tuple[str, ...] = ("deep_need", "objections_resolved", "goal_met", "no_interrogation")
DEFAULT_LIMITS: dict[str, int] = {
    "first_reply_seconds": 300,  # online: answer the first message within five minutes
    "reply_seconds": 180,  # every later reply
    "talk_share_target": 50,  # % of the words: at or below earns every listening point
    "talk_share_max": 80,  # % of the words: at or above earns none
}
TOP_LEVEL_KEYS: tuple[str, ...] = ("weights", "threshold", "required", "forbidden", "excellence", "tiers", "limits")
TIER_KEYS: tuple[str, ...] = ("id", "min_total", "min_excellence", "label")

#: Good behaviours a scenario may require or count as excellence (detected by
#: :data:`simkit.scoring.behaviours.BEHAVIOURS`).
BEHAVIOURS: tuple[str, ...] = (
    "greeting", "open_question", "funnel_order", "probe", "deep_need", "all_deep_needs", "goal_needs", "all_needs",
    "empathy", "empathy_on_feeling", "objections_resolved", "clean_objection_handling", "answered_questions",
    "goal_met", "first_close", "no_interrogation", "listening", "quick_first_reply", "quick_replies",
    "recommend_on_needs",
)

#: Acts a scenario may forbid. ``pressure`` covers every kind of pressure, the next three one kind each.
ACTS: tuple[str, ...] = (
    "pressure",
    "false_guarantee",
    "belittling",
    "false_urgency",
    "premature_discount",
    "personal_data",
    "ignored_question",
    "pitch_before_needs",
)
