"""Exact points: fractions in, whole points out, every point attributed."""

from __future__ import annotations

from fractions import Fraction

import pytest

from simkit.scoring.ledger import Ledger, apportion, percent, round_half_up


@pytest.mark.parametrize(("value", "expected"), [(Fraction(5, 2), 3), (Fraction(7, 3), 2), (Fraction(-5, 2), -3),
                                                 (Fraction(0), 0), (Fraction(199, 2), 100)])
def test_round_half_up(value, expected):
    assert round_half_up(value) == expected


def test_apportion_keeps_the_total_and_breaks_ties_by_order():
    thirds = [Fraction(10, 3)] * 3
    assert apportion(thirds, 10) == [4, 3, 3]
    assert apportion([Fraction(1, 2), Fraction(1, 2)], 1) == [1, 0]
    assert apportion([], 0) == []


def test_settle_attributes_every_point():
    ledger = Ledger()
    ledger.gain(3, turn=1, reason="a")
    ledger.criterion(1, Fraction(1, 3), turn=None, reason="b")
    ledger.miss(2, turn=4, reason="c")
    ledger.note(turn=2, reason="d")
    dim = ledger.settle("x", 15)
    assert dim.points == round_half_up(Fraction(10, 3) * 15 / 6)
    assert sum(e.points for e in dim.evidence) == dim.points
    assert sum(e.lost for e in dim.evidence) == 15 - dim.points
    assert [e.turn for e in dim.evidence] == [1, 2, 4, None]  # by turn, whole-conversation items last


def test_pool_caps_costs_and_nothing_to_earn_means_not_applicable():
    ledger = Ledger()
    ledger.pool(6, [(3, 2, "x", {}), (5, 3, "y", {})], clean_reason="clean")
    dim = ledger.settle("compliance", 10)
    assert dim.points == 0 and [e.lost for e in dim.evidence] == [5, 5]  # 3 and 3 (capped) of 6 units
    empty = Ledger().settle("responsiveness", 10)
    assert not empty.applicable and empty.max == 0
    assert percent(1, 3) == 33 and percent(0, 0) == 0
