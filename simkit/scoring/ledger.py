"""Exact points arithmetic: criteria in units, settled into whole points with every point attributed.

A dimension adds *criteria* to a :class:`Ledger`: each has the units it could earn, the units it
did earn, and the turn and reason that explain it. :meth:`Ledger.settle` scales the units to the
dimension's weight with exact fractions, rounds the dimension's points half up, and hands the
whole points out to the criteria by the largest-remainder method, so that the points of the
evidence items add up exactly to the dimension's points, and the points lost to its maximum
minus its points. No floating point is involved anywhere, so scores cannot drift between
machines.

Example:
    >>> ledger = Ledger()
    >>> ledger.gain(2, turn=1, reason="greeted")
    >>> ledger.miss(1, turn=None, reason="no-probe")
    >>> dim = ledger.settle("rapport", 10)
    >>> dim.points, [(e.points, e.lost) for e in dim.evidence]
    (7, [(7, 0), (0, 3)])
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from simkit.scoring.scorecard import Dimension, Evidence


def round_half_up(value: Fraction) -> int:
    """``value`` rounded to a whole number, halves away from zero (``2.5 -> 3``)."""
    if value < 0:
        return -round_half_up(-value)
    return int(value + Fraction(1, 2))


def round_half_up_ratio(numerator: int, denominator: int) -> int:
    """``round_half_up(Fraction(numerator, denominator))`` in whole-number arithmetic."""
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    if numerator < 0:
        return -((denominator - 2 * numerator) // (2 * denominator))
    return (2 * numerator + denominator) // (2 * denominator)


def percent(part: int | Fraction, whole: int | Fraction) -> int:
    """``part / whole`` as a whole percentage, rounded half up (0 when ``whole`` is 0)."""
    if not whole:
        return 0
    if type(part) is int and type(whole) is int:  # the usual case: no Fraction to build
        return round_half_up_ratio(part * 100, whole)
    return round_half_up(Fraction(part) * 100 / Fraction(whole))


def apportion(shares: list[Fraction], target: int) -> list[int]:
    """Whole numbers close to ``shares`` that add up to ``target`` (largest remainder, ties by order)."""
    if not shares:
        return []
    denominator = math.lcm(*(s.denominator for s in shares))
    return _apportion_int([s.numerator * (denominator // s.denominator) for s in shares], denominator, target)


def _apportion_int(numerators: list[int], denominator: int, target: int) -> list[int]:
    """:func:`apportion` of the shares ``numerator / denominator``, in whole-number arithmetic."""
    floors = [n // denominator for n in numerators]  # shares are never negative
    left = target - sum(floors)
    if left <= 0:  # nothing to hand out (often so): the loop below would change nothing
        return floors
    remainders = [n % denominator for n in numerators]
    # Largest remainder first; the sort is stable, so ties stay in order.
    order = sorted(range(len(numerators)), key=lambda i: -remainders[i])
    for i in order:
        if left <= 0:
            break
        if remainders[i]:
            floors[i] += 1
            left -= 1
    if left > 0:  # only when rounding asked for more than the remainders hold
        for i in order[:left]:
            floors[i] += 1
    return floors


@dataclass
class _Criterion:
    turn: int | None
    reason: str
    params: dict[str, Any]
    possible: int | Fraction
    earned: int | Fraction
    possible_ratio: tuple[int, int]  # possible as (numerator, denominator)
    earned_ratio: tuple[int, int]


class Ledger:
    """Criteria of one dimension, in units, with the turn and reason of each."""

    def __init__(self) -> None:
        self._items: list[_Criterion] = []
        self._denominator = 1  # common denominator of every criterion's units

    def criterion(self, units: int | Fraction, earned: int | Fraction, *, turn: int | None, reason: str,
                  **params: Any) -> None:
        """A criterion worth ``units`` of which ``earned`` (0..units) were earned."""
        self._add(units, earned, turn, reason, params)

    def gain(self, units: int | Fraction, *, turn: int | None, reason: str, **params: Any) -> None:
        """A criterion fully earned."""
        self._add(units, units, turn, reason, params)

    def miss(self, units: int | Fraction, *, turn: int | None, reason: str, **params: Any) -> None:
        """A criterion not earned at all."""
        self._add(units, 0, turn, reason, params)

    def note(self, *, turn: int | None, reason: str, **params: Any) -> None:
        """Evidence worth no points: context a trainer wants to see."""
        self._add(0, 0, turn, reason, params)

    def _add(self, units: int | Fraction, earned: int | Fraction, turn: int | None, reason: str,
             params: dict[str, Any]) -> None:
        # earned = max(0, min(units, earned)), compared as whole numbers (comparing Fractions is
        # slow): a/b < c/d exactly when a*d < c*b, denominators being positive.
        units_n, units_d = ratio = units.as_integer_ratio()
        earned_n, earned_d = earned.as_integer_ratio()
        if not earned_n * units_d < units_n * earned_d:  # min() keeps units unless earned is smaller
            earned, earned_n, earned_d = units, units_n, units_d
        if earned_n <= 0:  # max() keeps 0 unless the value is larger
            earned, earned_n, earned_d = 0, 0, 1
        if units_d != 1 or earned_d != 1:
            self._denominator = math.lcm(self._denominator, units_d, earned_d)
        self._items.append(_Criterion(turn, reason, params, units, earned, ratio, (earned_n, earned_d)))

    def pool(self, units: int, incidents: list[tuple[int, int | None, str, dict[str, Any]]], *,
             clean_reason: str, rest_reason: str = "pool-rest") -> None:
        """``units`` kept unless incidents cost them: each incident is ``(cost, turn, reason, params)``.

        Costs are capped so the pool never goes below zero. With no incident every unit is earned
        under ``clean_reason``; otherwise what the incidents left is earned under ``rest_reason``.
        """
        left = units
        for cost, turn, reason, params in incidents:
            taken = min(cost, left)
            left -= taken
            self.criterion(taken, 0, turn=turn, reason=reason, **params)
        if not incidents:
            self.gain(units, turn=None, reason=clean_reason)
        elif left:
            self.gain(left, turn=None, reason=rest_reason)

    @property
    def possible(self) -> int | Fraction:
        return sum(c.possible for c in self._items)

    @property
    def earned(self) -> int | Fraction:
        return sum(c.earned for c in self._items)

    def settle(self, name: str, weight: int) -> Dimension:
        """The dimension worth ``weight`` points, with every point attributed to a criterion.

        A dimension with nothing to earn (no criteria worth units, or weight 0) is *not
        applicable*: its maximum is 0 and it does not count towards the total.
        """
        items = self._items
        possible, earned = self._whole_units()
        total = sum(possible)  # self.possible times a positive denominator: 0 exactly when it is 0
        if not items or weight == 0 or total == 0:
            evidence = tuple(Evidence(turn=c.turn, reason=c.reason, params=dict(c.params)) for c in items)
            return Dimension(name=name, points=0, max=0, evidence=_by_turn(evidence), applicable=False)
        # The exact points of item i are weight * earned[i] / total.
        points = (2 * weight * sum(earned) + total) // (2 * total)  # rounded half up
        got = _apportion_int([weight * e for e in earned], total, points)
        missed = _apportion_int([weight * (p - e) for p, e in zip(possible, earned)], total, weight - points)
        evidence = tuple([
            Evidence(turn=c.turn, reason=c.reason, params=dict(c.params), points=g, lost=m)
            for c, g, m in zip(items, got, missed)
        ])
        return Dimension(name=name, points=points, max=weight, evidence=_by_turn(evidence))

    def _whole_units(self) -> tuple[list[int], list[int]]:
        """The possible and earned units of every criterion over one common denominator."""
        items, denominator = self._items, self._denominator
        if denominator == 1:  # whole units only, the usual case
            return [c.possible_ratio[0] for c in items], [c.earned_ratio[0] for c in items]
        return ([n * (denominator // d) for n, d in (c.possible_ratio for c in items)],
                [n * (denominator // d) for n, d in (c.earned_ratio for c in items)])


def _by_turn(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """Evidence in turn order; whole-conversation items (no turn) last; otherwise as added."""
    return tuple(sorted(evidence, key=lambda e: (e.turn is None, e.turn or 0)))
