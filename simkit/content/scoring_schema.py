"""The schema of a scenario's optional ``scoring:`` mapping: every check, and its JSON Schema.

:data:`SCORING` is the declaration :mod:`simkit.content.schema` uses for ``scoring:``, a
:class:`~simkit.content.schema_types.Hooked` type: :func:`check_scoring` collects every problem
as ``(yaml path, message, code)``, reported with file, line and column like every other, with a
"did you mean" for misspelt names; :func:`json_schema` gives editors the same rules. The names
and defaults are those of :mod:`simkit.content.scoring_defaults`, so nothing here needs
:mod:`simkit.scoring`.
"""

from __future__ import annotations

from typing import Any

from simkit.content.schema_types import Hooked
from simkit.content.scoring_defaults import (
    ACTS,
    BEHAVIOURS,
    DEFAULT_CHAT_WEIGHTS,
    DEFAULT_EXCELLENCE,
    DEFAULT_LIMITS,
    DEFAULT_THRESHOLD,
    DEFAULT_WEIGHTS,
    DIMENSIONS,
    TIER_KEYS,
    TIMED_CHANNELS,
    TOP_LEVEL_KEYS,
    weights_for,
)
from simkit.errors import suggest


def check_scoring(data: Any, *, channel: str | None = None) -> list[tuple[str, str, str]]:
    """Every problem of a ``scoring:`` mapping, as ``(yaml path, message, code)``.

    Paths start at ``scoring`` (``scoring.weights.needz``). Codes: ``wrong-type``, ``invalid-value``,
    ``unknown-field``, ``unknown-dimension``, ``unknown-behaviour``, ``unknown-act``,
    ``duplicate``, ``tier-order``.

    Example:
        >>> check_scoring({"required": ["greting"]})
        [('scoring.required[0]', "unknown behaviour 'greting'; did you mean 'greeting'?", 'unknown-behaviour')]
    """
    problems: list[tuple[str, str, str]] = []

    def report(path: str, message: str, code: str) -> None:
        problems.append((path, message, code))

    if not isinstance(data, dict):
        report("scoring", f"expected a mapping, got {_kind(data)}", "wrong-type")
        return problems
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            report(f"scoring.{key}", f"unknown field {key!r}{suggest(str(key), TOP_LEVEL_KEYS)}", "unknown-field")
    _check_weights(data.get("weights"), channel, report)
    threshold = data.get("threshold", DEFAULT_THRESHOLD)
    if "threshold" in data:
        _check_int(threshold, "scoring.threshold", 0, 100, report)
    excellence = data.get("excellence", DEFAULT_EXCELLENCE)
    for key, known, code, what in (("required", BEHAVIOURS, "unknown-behaviour", "behaviour"),
                                   ("forbidden", ACTS, "unknown-act", "forbidden act"),
                                   ("excellence", BEHAVIOURS, "unknown-behaviour", "behaviour")):
        if key in data:
            _check_names(data[key], f"scoring.{key}", tuple(known), code, what, report)
    if "tiers" in data:
        _check_tiers(data["tiers"], threshold, excellence, report)
    if "limits" in data:
        _check_limits(data["limits"], report)
    return problems


def _check_weights(weights: Any, channel: str | None, report) -> None:
    if weights is None:
        return
    if not isinstance(weights, dict):
        report("scoring.weights", f"expected a mapping of dimension: points, got {_kind(weights)}", "wrong-type")
        return
    for name, value in weights.items():
        path = f"scoring.weights.{name}"
        if name not in DIMENSIONS:
            report(path, f"unknown dimension {name!r}{suggest(str(name), DIMENSIONS)} "
                         f"(dimensions: {', '.join(DIMENSIONS)})", "unknown-dimension")
            continue
        _check_int(value, path, 0, 100, report)
        if name == "responsiveness" and channel is not None and channel not in TIMED_CHANNELS \
                and isinstance(value, int) and value > 0:
            report(path, f"reply delays are scored only for {', '.join(TIMED_CHANNELS)} scenarios, "
                         f"not {channel}; set it to 0 or leave it out", "invalid-value")
    if all(isinstance(v, int) and not isinstance(v, bool) for v in weights.values()) and weights \
            and all(n in DIMENSIONS for n in weights):
        if sum(weights_for(weights, channel).values()) == 0:
            report("scoring.weights", "every weight is 0: nothing would be scored", "invalid-value")


def _check_names(value: Any, path: str, known: tuple[str, ...], code: str, what: str, report) -> None:
    if not isinstance(value, list):
        report(path, f"expected a list of {what}s, got {_kind(value)}", "wrong-type")
        return
    seen: set[str] = set()
    for i, name in enumerate(value):
        where = f"{path}[{i}]"
        if not isinstance(name, str):
            report(where, f"expected a {what} name, got {_kind(name)}", "wrong-type")
        elif name not in known:
            report(where, f"unknown {what} {name!r}{suggest(name, known)}", code)
        elif name in seen:
            report(where, f"{name!r} is listed twice", "duplicate")
        else:
            seen.add(name)


def _check_tiers(tiers: Any, threshold: Any, excellence: Any, report) -> None:
    if not isinstance(tiers, list) or not tiers:
        report("scoring.tiers", f"expected a non-empty list of tiers, got {_kind(tiers)}", "wrong-type")
        return
    ids: set[str] = set()
    previous = None
    n_excellence = len(excellence) if isinstance(excellence, list | tuple) else 0
    for i, tier in enumerate(tiers):
        path = f"scoring.tiers[{i}]"
        if not isinstance(tier, dict):
            report(path, f"expected a mapping with id and min_total, got {_kind(tier)}", "wrong-type")
            continue
        for key in tier:
            if key not in TIER_KEYS:
                report(f"{path}.{key}", f"unknown field {key!r}{suggest(str(key), TIER_KEYS)}", "unknown-field")
        tier_id = tier.get("id")
        if not isinstance(tier_id, str) or not tier_id:
            report(f"{path}.id", "missing: every tier needs an id (such as pass, merit, distinction)", "wrong-type")
        elif tier_id == "fail":
            report(f"{path}.id", "'fail' is what a failed attempt gets; name passing tiers otherwise", "invalid-value")
        elif tier_id in ids:
            report(f"{path}.id", f"tier {tier_id!r} is listed twice", "duplicate")
        else:
            ids.add(tier_id)
        min_total = tier.get("min_total", threshold)
        if "min_total" in tier:
            _check_int(min_total, f"{path}.min_total", 0, 100, report)
        min_exc = tier.get("min_excellence", 0)
        if min_exc != "all":
            if _check_int(min_exc, f"{path}.min_excellence", 0, 1000, report, allow="all") and min_exc > n_excellence:
                report(f"{path}.min_excellence", f"needs {min_exc} excellence items but the scenario lists "
                       f"{n_excellence}", "invalid-value")
        if "label" in tier and not (isinstance(tier["label"], dict)
                                    and all(isinstance(tier["label"].get(k), str) for k in ("zh", "en"))):
            report(f"{path}.label", "expected {zh: ..., en: ...}", "wrong-type")
        if isinstance(min_total, int) and isinstance(threshold, int):
            if i == 0 and min_total > threshold:
                report(f"{path}.min_total", f"the first tier is what every pass gets: its min_total ({min_total}) "
                       f"cannot be above the threshold ({threshold})", "tier-order")
            if previous is not None and min_total < previous:
                report(f"{path}.min_total", f"tiers go from lowest to highest: {min_total} is below the "
                       f"previous tier's {previous}", "tier-order")
            previous = min_total
    if isinstance(tiers[0], dict) and tiers[0].get("min_excellence", 0) not in (0, None):
        report("scoring.tiers[0].min_excellence", "the first tier is what every pass gets: it cannot "
               "require excellence items", "tier-order")


def _check_limits(limits: Any, report) -> None:
    if not isinstance(limits, dict):
        report("scoring.limits", f"expected a mapping, got {_kind(limits)}", "wrong-type")
        return
    for key, value in limits.items():
        path = f"scoring.limits.{key}"
        if key not in DEFAULT_LIMITS:
            report(path, f"unknown limit {key!r}{suggest(str(key), DEFAULT_LIMITS)}", "unknown-field")
            continue
        top = 100 if key.startswith("talk_share") else 86400
        _check_int(value, path, 1 if key.endswith("seconds") else 0, top, report)
    target = limits.get("talk_share_target", DEFAULT_LIMITS["talk_share_target"])
    most = limits.get("talk_share_max", DEFAULT_LIMITS["talk_share_max"])
    if isinstance(target, int) and isinstance(most, int) and target >= most:
        report("scoring.limits.talk_share_max", f"must be above talk_share_target ({target}), got {most}", "invalid-value")


def _check_int(value: Any, path: str, low: int, high: int, report, allow: str | None = None) -> bool:
    if isinstance(value, bool) or not isinstance(value, int):
        also = f" or {allow!r}" if allow else ""
        report(path, f"expected a whole number from {low} to {high}{also}, got {_kind(value)}", "wrong-type")
        return False
    if not low <= value <= high:
        report(path, f"expected a whole number from {low} to {high}, got {value}", "invalid-value")
        return False
    return True


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    return {dict: "a mapping", list: "a list", str: f"text {value!r}", int: f"{value}", float: f"{value}"}.get(
        type(value), type(value).__name__)


def validate_section(value: Any, root: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The content schema's hook for ``scoring:``: problems of ``value`` in the document ``root``."""
    channel = root.get("channel") if isinstance(root.get("channel"), str) else None
    return check_scoring(value, channel=channel)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) fragment of a ``scoring:`` mapping, for editors."""
    whole = lambda low, high, text: {"type": "integer", "minimum": low, "maximum": high,  # noqa: E731
                                     "description": text}
    names = lambda known, text: {"type": "array", "uniqueItems": True, "description": text,  # noqa: E731
                                 "items": {"enum": list(known)}}
    return {
        "type": "object",
        "additionalProperties": False,
        "description": "Rubric weights and pass rules; anything left out takes simkit's defaults.",
        "properties": {
            "weights": {
                "type": "object",
                "additionalProperties": False,
                "description": "Points per dimension; the total is scaled to 100.",
                "properties": {name: whole(0, 100, f"points for {name} (default {DEFAULT_WEIGHTS[name]}, "
                                                    f"online chat {DEFAULT_CHAT_WEIGHTS[name]})")
                               for name in DIMENSIONS},
            },
            "threshold": whole(0, 100, f"total needed to pass (default {DEFAULT_THRESHOLD})"),
            "required": names(BEHAVIOURS, "behaviours that must be shown to pass"),
            "forbidden": names(ACTS, "acts that fail the attempt whatever the points"),
            "excellence": names(BEHAVIOURS, "behaviours counted by the higher tiers"),
            "tiers": {
                "type": "array",
                "minItems": 1,
                "description": "Lowest first; a pass gets the highest tier it reaches.",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["id"],
                    "properties": {
                        "id": {"type": "string", "minLength": 1, "not": {"const": "fail"}},
                        "min_total": whole(0, 100, "minimum total (default: the threshold)"),
                        "min_excellence": {"anyOf": [{"type": "integer", "minimum": 0}, {"const": "all"}],
                                           "description": "excellence items needed (a number or 'all')"},
                        "label": {"type": "object", "required": ["zh", "en"], "additionalProperties": False,
                                  "properties": {"zh": {"type": "string", "minLength": 1},
                                                 "en": {"type": "string", "minLength": 1}}},
                    },
                },
            },
            "limits": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "first_reply_seconds": whole(1, 86400, "online: first reply within (default 300)"),
                    "reply_seconds": whole(1, 86400, "online: every later reply within (default 180)"),
                    "talk_share_target": whole(0, 100, "% of the words at or below which listening earns all"),
                    "talk_share_max": whole(0, 100, "% of the words at or above which listening earns nothing"),
                },
            },
        },
    }


#: The declaration of ``scoring:`` used by the scenario schema.
SCORING = Hooked(validator=validate_section, schema=json_schema)
