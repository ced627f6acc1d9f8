"""Numbers in content: numeric facts, figures that evidence must match, and a bargaining stance.

A **numeric fact** is a persona fact with a value and its words in each language, so lines can
say it and rules can compute with it::

    facts:
      five_year_saving: {value: 15000, zh: 一万五, en: "15,000"}
      competitor_quote: 238000          # a plain number is numeric too

A **figure** on an objection says what a number in the trainee's evidence must show. The
objection "leasing costs more" with ``figure: {fact: leasing_saving, shows: less}`` is not
resolved by a cost sheet that shows leasing costing 30,000 *more*, nor by a saving far from the
persona's own figure; a saving close to it is evidence on target even without a cue word::

    resolve:
      evidence: {zh: [成本对比], en: [cost sheet]}
      figure: {fact: leasing_saving, shows: less, tolerance: 0.25}

A **negotiation** stance makes the customer answer amounts offered to them. ``side: buyer`` pays
and wants the amount low (price talk); ``side: seller`` is paid and wants it high (a trade-in, a
private seller's valuation). ``about`` says which amounts it answers: ``price`` (the car the
customer buys) or ``trade_in`` (the car the customer sells)::

    negotiation: {side: buyer, about: price, target: competitor_quote, limit: 250000}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FIGURE_DIRECTIONS = ("less", "more")
NEGOTIATION_SIDES = ("buyer", "seller")
NEGOTIATION_ABOUT = ("price", "trade_in")
DEFAULT_TOLERANCE = 0.25  # a figure within 25 % of the persona's is "the same figure"


def numeric_value(value: Any) -> float | None:
    """The number of a fact (``15000``, ``{value: 15000, zh: ..., en: ...}``), or None for text."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dict) and isinstance(value.get("value"), int | float) and not isinstance(value["value"], bool):
        return float(value["value"])
    return None


def amount_of(ref: Any, facts: dict[str, Any]) -> float | None:
    """A number given directly or as the name of a numeric fact."""
    if isinstance(ref, str):
        return numeric_value(facts.get(ref))
    return numeric_value(ref)


@dataclass(frozen=True)
class Figure:
    """What a number in the evidence for an objection must show (see the module docstring).

    Attributes:
        fact: the persona's numeric fact holding the true figure (always positive).
        shows: ``less`` (a saving, a lower cost) or ``more`` (a gain, a higher value).
        tolerance: how far, as a fraction of the fact, a named amount may be and still match.
    """

    fact: str
    shows: str
    tolerance: float = DEFAULT_TOLERANCE

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> Figure | None:
        if data is None:
            return None
        return cls(fact=data["fact"], shows=data["shows"], tolerance=float(data.get("tolerance", DEFAULT_TOLERANCE)))


@dataclass(frozen=True)
class Negotiation:
    """How the customer bargains over amounts offered to them (see the module docstring).

    Attributes:
        side: ``buyer`` (wants the amount low) or ``seller`` (wants it high).
        about: the amounts it answers: ``price`` or ``trade_in``.
        target: what the customer counters with (a number or a numeric fact's name).
        limit: the most a buyer pays, the least a seller takes (a number or a fact's name).
    """

    side: str
    about: str
    target: float | str
    limit: float | str

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> Negotiation | None:
        if data is None:
            return None
        return cls(side=data["side"], about=data.get("about", "price"), target=data["target"], limit=data["limit"])
