"""Seeded variants: what a scenario lets the seed change, so one trainee's lines are no answer key.

A scenario may declare ``variants``; a session draws one from its seed alone (``seed % count``,
so seeds 0, 1, 2, ... take the variants in turn and a keyed exam seed spreads them evenly), and
the brief, the persona's facts, the free slots, the order objections come in, which needs matter
most and what the goal requires all follow it::

    variants:
      - id: saturday-morning
        brief: {zh: ..., en: ...}                  # replaces the scenario's brief
        facts: {competitor_price: {zh: 十一万五, en: "115,000"}}   # persona facts it changes
        availability: [{days: [sat], from: "09:00", to: "12:00"}]  # replaces the free slots
        objections_first: [loan-fees]              # these come first, in this order
        importance: {charging-worry: 3}            # which needs matter most
        goal_needs: [daily-commute, charging-worry]   # replaces goal.requires.needs
      - id: sunday-afternoon
        ...

A scenario without variants is played exactly as written. The drawn variant's id is recorded in
the transcript (the opening beat's ``variant`` parameter); scoring reads the varied scenario and
persona from the session, so it follows the variant too.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from simkit.content.availability import Window, windows

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content.model import Persona, Scenario, Text


@dataclass(frozen=True)
class Variant:
    """One way a scenario can go (see the module docstring); absent fields change nothing."""

    id: str
    brief: Text | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    availability: tuple[Window, ...] | None = None
    objections_first: tuple[str, ...] = ()
    importance: dict[str, int] = field(default_factory=dict)
    goal_needs: tuple[str, ...] | None = None

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Variant:
        return cls(
            id=data["id"],
            brief=dict(data["brief"]) if "brief" in data else None,
            facts=dict(data.get("facts", {})),
            availability=windows(data["availability"]) if "availability" in data else None,
            objections_first=tuple(data.get("objections_first", ())),
            importance={k: int(v) for k, v in data.get("importance", {}).items()},
            goal_needs=tuple(data["goal_needs"]) if "goal_needs" in data else None,
        )


def draw(scenario: Scenario, *, seed: int) -> Variant | None:
    """The variant the seed picks (``seed % count``), or None when the scenario has none."""
    if not scenario.variants:
        return None
    return scenario.variants[seed % len(scenario.variants)]


def apply(scenario: Scenario, persona: Persona, variant: Variant | None) -> tuple[Scenario, Persona]:
    """The scenario and persona as ``variant`` has them (unchanged when it is None)."""
    if variant is None:
        return scenario, persona
    first = {oid: i for i, oid in enumerate(variant.objections_first)}
    objections = sorted(persona.objections, key=lambda o: (first.get(o.id, len(first)), persona.objections.index(o)))
    needs = tuple(replace(n, importance=variant.importance[n.id]) if n.id in variant.importance else n
                  for n in persona.needs)
    persona = replace(
        persona,
        facts={**persona.facts, **variant.facts},
        availability=persona.availability if variant.availability is None else variant.availability,
        needs=needs,
        objections=tuple(objections),
    )
    goal = scenario.goal if variant.goal_needs is None else replace(scenario.goal, needs=variant.goal_needs)
    scenario = replace(scenario, brief=dict(variant.brief) if variant.brief else scenario.brief, goal=goal)
    return scenario, persona
