"""Defaults of the rubric: dimensions, weights, pass rules and limits a scenario may override.

A scenario without ``scoring:`` (or leaving a key out) gets these; see :mod:`simkit.scoring.rubric`.
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
