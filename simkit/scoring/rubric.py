"""The rubric of a scenario: dimension weights, pass rules, tiers and limits.

Everything comes from the scenario file's top-level ``scoring:`` mapping; whatever it leaves
out takes the defaults below, so a scenario without ``scoring:`` still scores::

    scoring:
      weights: {needs: 25, questioning: 15, objections: 20, rapport: 10,
                outcome: 15, listening: 5, compliance: 10}   # the rest keep their defaults
      threshold: 60                        # total (0-100) needed to pass
      required: [greeting, goal_needs]     # behaviours that must be shown (see behaviours.py)
      forbidden: [false_guarantee]         # acts that fail the attempt whatever the points
      excellence: [deep_need, first_close] # counted by the higher tiers
      tiers:                               # lowest first; a pass gets the highest tier it reaches
        - {id: pass}
        - {id: merit, min_total: 75}
        - {id: distinction, min_total: 85, min_excellence: all}
      limits: {first_reply_seconds: 300, reply_seconds: 180,
               talk_share_target: 50, talk_share_max: 80}

The total is the sum of the dimension points scaled to 100 (exactly their sum when the weights
add up to 100). :func:`check_scoring` lists every problem of a ``scoring:`` mapping; the content
schema calls it, so ``simkit validate`` reports them with file, line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simkit.content.scoring_defaults import (
    DEFAULT_EXCELLENCE,
    DEFAULT_FORBIDDEN,
    DEFAULT_LIMITS,
    DEFAULT_REQUIRED,
    DEFAULT_THRESHOLD,
    DIMENSIONS,
    weights_for,
)
from simkit.content.scoring_schema import check_scoring, json_schema

__all__ = ["DIMENSIONS", "Rubric", "Tier", "check_scoring", "json_schema"]


@dataclass(frozen=True)
class Tier:
    """A tier a passing attempt can reach: a minimum total and a number of excellence items.

    ``min_excellence`` is None for "all the scenario's excellence items".
    """

    id: str
    min_total: int
    min_excellence: int | None = 0
    label: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Rubric:
    """A scenario's weights and pass rules, defaults filled in (see the module docstring)."""

    weights: dict[str, int]
    threshold: int
    required: tuple[str, ...]
    forbidden: tuple[str, ...]
    excellence: tuple[str, ...]
    tiers: tuple[Tier, ...]
    limits: dict[str, int]

    @classmethod
    def for_scenario(cls, scenario) -> Rubric:
        """The rubric of ``scenario`` (a :class:`~simkit.content.model.Scenario`)."""
        return cls.from_data(scenario.scoring or {}, channel=scenario.channel)

    @classmethod
    def from_data(cls, data: dict[str, Any], *, channel: str) -> Rubric:
        """Build from a validated ``scoring:`` mapping (see :func:`check_scoring`)."""
        weights = {name: int(w) for name, w in weights_for(data.get("weights") or {}, channel).items()}
        threshold = int(data.get("threshold", DEFAULT_THRESHOLD))
        excellence = tuple(data.get("excellence", DEFAULT_EXCELLENCE))
        tiers_data = data.get("tiers") or [
            {"id": "pass"}, {"id": "merit", "min_total": 75},
            {"id": "distinction", "min_total": 85, "min_excellence": "all"},
        ]
        tiers = tuple(
            Tier(
                id=str(t["id"]),
                min_total=int(t.get("min_total", threshold)),
                min_excellence=None if t.get("min_excellence", 0) == "all" else int(t.get("min_excellence", 0)),
                label=dict(t.get("label") or {}),
            )
            for t in tiers_data
        )
        return cls(
            weights=weights,
            threshold=threshold,
            required=tuple(data.get("required", DEFAULT_REQUIRED)),
            forbidden=tuple(data.get("forbidden", DEFAULT_FORBIDDEN)),
            excellence=excellence,
            tiers=tiers,
            limits={**DEFAULT_LIMITS, **{k: int(v) for k, v in (data.get("limits") or {}).items()}},
        )
