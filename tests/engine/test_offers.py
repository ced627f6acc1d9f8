"""Offers on both sides of a deal: a buyer's price and a seller's valuation (issue 11, item 5;
issue 12 builds its seller and trade-in customers on this)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from simkit.content import default_library
from simkit.content.amounts import Negotiation
from simkit.engine.offers import Offers, say_amount
from simkit.engine.state import CustomerState
from simkit.understand import analyze


def _persona(stance: Negotiation):
    persona = default_library().persona("zhou-jian")
    return replace(persona, negotiation=stance)


@pytest.mark.parametrize(("lang", "low", "high"), [
    ("en", "For your current car we can offer 60,000 as a trade-in.",
     "For your current car we can offer 78,000 as a trade-in, on the road."),
    ("zh", "您的旧车置换我们可以给到六万。", "您这台旧车我们置换可以出到七万八。"),
])
def test_a_seller_counters_a_low_valuation_and_accepts_one_at_his_limit(lang, low, high):
    offers = Offers(_persona(Negotiation(side="seller", about="trade_in", target=80000, limit=75000)))
    state = CustomerState(trust=50, interest=40, patience=6, turn=4)
    beats = offers.step(state, analyze(low, lang=lang))
    assert [b.rule for b in beats] == ["offer-countered"]
    assert beats[0].params["amount"] == say_amount(80000, lang)
    assert state.offers == [{"by": "trainee", "about": "trade_in", "amount": 60000, "turn": 4},
                            {"by": "customer", "about": "trade_in", "amount": 80000, "turn": 4}]
    beats = offers.step(state, analyze(high, lang=lang))
    assert [b.rule for b in beats] == ["offer-acceptable"] and state.interest == 44
    assert state.offers[-1] == {"by": "trainee", "about": "trade_in", "amount": 78000, "turn": 4}


def test_a_stance_answers_only_its_own_kind_of_amount_and_no_stance_only_records():
    buyer = Offers(_persona(Negotiation(side="buyer", about="price", target=238000, limit=250000)))
    state = CustomerState(trust=50, interest=40, patience=6)
    assert buyer.step(state, analyze("For your current car we can offer 60,000 as a trade-in.", lang="en")) == []
    assert state.offers[-1]["about"] == "trade_in"
    silent = Offers(default_library().persona("he-min"))
    assert silent.step(state, analyze("This one is 148,000 on the road.", lang="en")) == []
    assert state.offers[-1] == {"by": "trainee", "about": "price", "amount": 148000, "turn": 0}


def test_amounts_are_said_the_way_each_language_says_them():
    assert [say_amount(238000, "zh"), say_amount(238000, "en"), say_amount(8500, "zh")] == ["23.8万", "238,000", "8,500元"]
