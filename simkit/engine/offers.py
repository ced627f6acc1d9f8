"""Offers and counter-offers: amounts on the table, kept in the customer's state.

A trainee line that puts an amount on the table (a concession, a presentation, a recommendation
or a close naming money) is recorded in ``state.offers`` as
``{"by": "trainee", "about": ..., "amount": ..., "turn": ...}``, where ``about`` is

- ``trade_in``: what the dealer pays for the customer's car (the line is about the trade-in, even
  when it raises the valuation as a concession);
- ``discount``: an amount off (the line is a concession: "I'll knock 5,000 off");
- ``price``: what the customer would pay.

A persona with a ``negotiation`` stance (:class:`simkit.content.amounts.Negotiation`) answers the
offers of its kind: a buyer accepts an amount at or under their limit and counters anything above
with their target; a seller (a trade-in, a private sale) accepts at or over their limit and
counters anything below. A counter is recorded as ``{"by": "customer", ...}`` and said as
``{amount}``. A persona without a stance records amounts and answers none, as before.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from simkit.content.amounts import amount_of
from simkit.engine.beats import Beat
from simkit.engine.cues import mentions
from simkit.engine.rulebook import CAR_AMOUNT_CUES, OFFER_INTEREST, OFFER_TECHNIQUES, PRICE_AMOUNT_CUES
from simkit.understand.facts.numbers import clean

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content.model import Persona
    from simkit.engine.state import CustomerState
    from simkit.understand import Analysis


def say_amount(amount: float, lang: str) -> str:
    """An amount as the customer says it: ``23.8万`` / ``238,000``."""
    if lang == "zh" and amount >= 10000:
        return f"{clean(amount / 10000):g}万"
    return f"{clean(amount):,}" + ("元" if lang == "zh" else "")


def offered(analysis: Analysis, *, about_car: bool = False, by_clause: bool = False) -> tuple[str, float] | None:
    """``(about, amount)`` of the amount a trainee line puts on the table, or None.

    ``about_car``: the line's amount is for the customer's own car (a seller; a trade-in customer
    hearing about his car, :meth:`simkit.engine.situations.Situations.about_car`). ``by_clause``
    (a trade-in customer): of several amounts, the one whose clause speaks of his car ("旧车",
    "for your old car") is the offer for it, one whose clause names the new car's price ("指导价",
    "list price") is not; a line whose amounts none of that tells apart makes no offer for the car.
    """
    techniques = set(analysis.techniques)
    if techniques.isdisjoint(OFFER_TECHNIQUES):
        return None
    amounts = [f for f in analysis.facts if f.kind == "money" and not isinstance(f.value, dict)]
    if not amounts:
        return None
    money = amounts[0].value
    if about_car and by_clause:
        sides = [(_side(analysis, f), f) for f in amounts]
        car = next((f for side, f in sides if side == "trade_in"), None)
        if car is None and len(sides) == 1 and sides[0][0] is None:
            car = amounts[0]  # one amount, said about his car ("We can offer 88,000 for your trade-in")
        if car is not None:
            return "trade_in", float(car.value)
        about_car = False  # the new car's price, or amounts nothing tells apart: no offer for his car
    # "we can go up to 78,000 for your car": a valuation, not money off
    if about_car or ("trade_in" in analysis.topics and not by_clause):
        about = "trade_in"
    elif "concession" in techniques:
        about = "discount"
    else:
        about = "price"
    return about, float(money)


def _side(analysis: Analysis, fact) -> str | None:
    """``trade_in`` or ``price`` from the words of the amount's own clause, or None."""
    text = analysis.text
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, fact.start)), default=0)
    stop = _CLAUSE_END.search(text, fact.start + len(fact.text))
    clause = text[start:stop.start() if stop else len(text)]
    lang = analysis.lang
    if mentions(clause, PRICE_AMOUNT_CUES[lang]):
        return "price"
    if mentions(clause, CAR_AMOUNT_CUES[lang]):
        return "trade_in"
    return None


_CLAUSE_END = re.compile(r"[,;!?，。；！？]|\.(?!\d)")


class Offers:
    """Records amounts and answers them for one persona (see the module docstring)."""

    def __init__(self, persona: Persona) -> None:
        stance = persona.negotiation
        self.stance = stance
        if stance is not None:
            facts = {**persona.profile, **persona.facts}
            self.target = amount_of(stance.target, facts)
            self.limit = amount_of(stance.limit, facts)

    def step(self, state: CustomerState, analysis: Analysis, *, about_car: bool = False,
             by_clause: bool = False) -> list[Beat]:
        """Record the line's offer, if any, and the customer's answer to it (the options: see :func:`offered`)."""
        found = offered(analysis, about_car=about_car, by_clause=by_clause)
        if found is None:
            return []
        about, amount = found
        state.offers.append({"by": "trainee", "about": about, "amount": clean(amount), "turn": state.turn})
        stance = self.stance
        if stance is None or about != stance.about or self.limit is None or self.target is None:
            return []
        lang = analysis.lang
        acceptable = amount <= self.limit if stance.side == "buyer" else amount >= self.limit
        if acceptable:
            state.adjust(interest=OFFER_INTEREST)
            return [Beat(kind="react", rule="offer-acceptable",
                         params={"amount": say_amount(amount, lang), "interest": OFFER_INTEREST},
                         line=("reaction", "offer_acceptable"), effects={"interest": OFFER_INTEREST})]
        state.offers.append({"by": "customer", "about": about, "amount": clean(self.target), "turn": state.turn})
        return [Beat(kind="react", rule="offer-countered",
                     params={"offered": say_amount(amount, lang), "amount": say_amount(self.target, lang)},
                     line=("reaction", "offer_countered"))]
