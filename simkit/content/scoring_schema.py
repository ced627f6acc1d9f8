"""The schema of a scenario's optional ``scoring:`` mapping, declared like the rest of the file.

:data:`SCORING` is a :class:`~simkit.content.schema_types.Record` used by
:mod:`simkit.content.schema`, so its problems come with file, line and column, its JSON Schema
is exported with the rest, and only what no field can say alone is a rule here (responsiveness
on an untimed channel, all weights 0, tiers in order, the talk-share limits).
:func:`check_scoring` checks a bare mapping (for :mod:`simkit.scoring.rubric`). The names and
defaults are those of :mod:`simkit.content.scoring_defaults`, so nothing here needs
:mod:`simkit.scoring`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from simkit.content.problems import YamlPath
from simkit.content.schema_text import DEFS, Text
from simkit.content.schema_types import AnyOf, Choice, Context, Field, Int, ListOf, Record, Str
from simkit.content.scoring_defaults import (
    ACTS,
    BEHAVIOURS,
    DEFAULT_CHAT_WEIGHTS,
    DEFAULT_EXCELLENCE,
    DEFAULT_LIMITS,
    DEFAULT_THRESHOLD,
    DEFAULT_WEIGHTS,
    DIMENSIONS,
    TIMED_CHANNELS,
    weights_for,
)
from simkit.content.yamlsource import YamlDoc

Found = Iterator[tuple[YamlPath, str, str]]


def _weights_rules(weights: dict[str, Any], root: dict[str, Any]) -> Found:
    channel = root.get("channel") if isinstance(root.get("channel"), str) else None
    if weights.get("responsiveness", 0) > 0 and channel is not None and channel not in TIMED_CHANNELS:
        yield ("responsiveness",), "invalid-value", (f"reply delays are scored only for {', '.join(TIMED_CHANNELS)} "
                                                     f"scenarios, not {channel}; set it to 0 or leave it out")
    elif weights and sum(weights_for(weights, channel).values()) == 0:
        yield (), "invalid-value", "every weight is 0: nothing would be scored"


def _tier_rules(scoring: dict[str, Any], root: dict[str, Any]) -> Found:
    threshold = scoring.get("threshold", DEFAULT_THRESHOLD)
    n_excellence = len(scoring.get("excellence", DEFAULT_EXCELLENCE))
    previous = None
    for i, tier in enumerate(scoring.get("tiers", ())):
        min_total = tier.get("min_total", threshold)
        if tier["id"] == "fail":
            yield ("tiers", i, "id"), "invalid-value", "'fail' is what a failed attempt gets; name passing tiers otherwise"
        elif tier["id"] in [t["id"] for t in scoring["tiers"][:i]]:
            yield ("tiers", i, "id"), "duplicate", f"tier {tier['id']!r} is listed twice"
        if isinstance(tier.get("min_excellence"), int) and tier["min_excellence"] > n_excellence:
            yield ("tiers", i, "min_excellence"), "invalid-value", (
                f"needs {tier['min_excellence']} excellence items but the scenario lists {n_excellence}")
        if i == 0 and min_total > threshold:
            yield ("tiers", i, "min_total"), "tier-order", (
                f"the first tier is what every pass gets: its min_total ({min_total}) cannot be above the "
                f"threshold ({threshold})")
        if i == 0 and tier.get("min_excellence", 0) != 0:
            yield ("tiers", i, "min_excellence"), "tier-order", (
                "the first tier is what every pass gets: it cannot require excellence items")
        if previous is not None and min_total < previous:
            yield ("tiers", i, "min_total"), "tier-order", (
                f"tiers go from lowest to highest: {min_total} is below the previous tier's {previous}")
        previous = min_total


def _limits_rules(limits: dict[str, Any], root: dict[str, Any]) -> Found:
    target = limits.get("talk_share_target", DEFAULT_LIMITS["talk_share_target"])
    most = limits.get("talk_share_max", DEFAULT_LIMITS["talk_share_max"])
    if target >= most:
        yield ("talk_share_max",), "invalid-value", f"must be above talk_share_target ({target}), got {most}"


def _names(known: tuple[str, ...], noun: str, code: str) -> ListOf:
    return ListOf(Choice(known, noun, code), unique=True)


WEIGHTS = Record(
    tuple(Field(name, Int(0, 100), description=f"Points for {name} (default {DEFAULT_WEIGHTS[name]}, online chat "
                f"{DEFAULT_CHAT_WEIGHTS[name]}).") for name in DIMENSIONS),
    description="Points per dimension; the total is scaled to 100.",
    unknown=("dimension", "unknown-dimension"), rules=(_weights_rules,),
)

TIER = Record((
    Field("id", Str(), True, "The tier's name (pass, merit, distinction, ...; not fail)."),
    Field("min_total", Int(0, 100), False, "Minimum total (default: the threshold)."),
    Field("min_excellence", AnyOf((Int(0), Choice(("all",), "value")), "a whole number or 'all'"), False,
          "Excellence items needed (a number or 'all').", 0),
    Field("label", Text(), False, "The tier's name as shown, zh and en (default: simkit's)."),
))

LIMITS = Record(tuple(Field(name, Int(0 if name.startswith("talk") else 1, 100 if name.startswith("talk") else 86400),
                            description=f"Default {default}.") for name, default in DEFAULT_LIMITS.items()),
                unknown=("limit", "unknown-field"), rules=(_limits_rules,))

#: The declaration of ``scoring:`` used by the scenario schema.
SCORING = Record((
    Field("weights", WEIGHTS, description="Points per dimension; the total is scaled to 100."),
    Field("threshold", Int(0, 100), description=f"Total needed to pass (default {DEFAULT_THRESHOLD})."),
    Field("required", _names(BEHAVIOURS, "behaviour", "unknown-behaviour"),
          description="Behaviours that must be shown to pass."),
    Field("forbidden", _names(ACTS, "forbidden act", "unknown-act"),
          description="Acts that fail the attempt whatever the points."),
    Field("excellence", _names(BEHAVIOURS, "behaviour", "unknown-behaviour"),
          description="Behaviours counted by the higher tiers."),
    Field("tiers", ListOf(TIER, 1), description="Lowest first; a pass gets the highest tier it reaches."),
    Field("limits", LIMITS, description="Reply-time and talk-share limits."),
), description="Rubric weights and pass rules; anything left out takes simkit's defaults.", rules=(_tier_rules,))


def check_scoring(data: Any, *, channel: str | None = None) -> list[tuple[str, str, str]]:
    """Every problem of a ``scoring:`` mapping, as ``(yaml path, message, code)``.

    Example:
        >>> check_scoring({"required": ["greting"]})
        [('scoring.required[0]', "unknown behaviour 'greting'; did you mean 'greeting'?", 'unknown-behaviour')]
    """
    ctx = Context(YamlDoc("", {"channel": channel, "scoring": data}))
    SCORING.check(data, ("scoring",), ctx)
    return [(p.path, p.message, p.code) for p in ctx.problems]


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) fragment of a ``scoring:`` mapping, for editors."""
    return {**SCORING.json(), "$defs": dict(DEFS)}

