"""When a customer is free: weekly windows that appointments are checked against.

A persona's ``availability`` lists the times they can come in, as weekly windows::

    availability:
      - {days: [sat, sun], from: "09:00", to: "12:00"}   # weekend mornings
      - {days: [wed], from: "19:00", to: "21:00"}        # Wednesday evening

Times are quoted (YAML reads an unquoted ``18:30`` as the number 1110). A scenario names the
weekday the conversation happens on (``weekday: sat``), so "tomorrow" is a weekday too. A
persona without availability is free at any time (every concrete time suits them). The same
windows serve any goal that books a time: a test drive, a store visit, a viewing of a car a
seller brings in, a fleet demo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # Monday = 0, as facts give weekdays
CLOCK = r"(?:[01]?[0-9]|2[0-3]):[0-5][0-9]|24:00"


def minutes(clock: str) -> int:
    """``"18:30"`` as minutes after midnight (1110); the schema checked the format."""
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)


def is_clock(value: Any) -> bool:
    """Whether ``value`` is a time written ``HH:MM``."""
    return isinstance(value, str) and re.fullmatch(CLOCK, value) is not None


@dataclass(frozen=True)
class Window:
    """A weekly window the customer is free in: ``days`` (Monday = 0), from ``start`` to ``end``
    (minutes after midnight, ``start < end``)."""

    days: tuple[int, ...]
    start: int
    end: int

    def covers(self, weekday: int, start: int, end: int | None = None) -> bool:
        """Whether the window holds ``start`` on ``weekday`` (or overlaps ``start``-``end``, a part of
        the day such as "the morning")."""
        if weekday not in self.days:
            return False
        if end is None:
            return self.start <= start < self.end
        return start < self.end and self.start < end

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Window:
        return cls(days=tuple(WEEKDAYS.index(d) for d in data["days"]), start=minutes(data["from"]),
                   end=minutes(data["to"]))


def windows(data: Any) -> tuple[Window, ...]:
    """The windows of an ``availability`` list (none when absent)."""
    return tuple(Window.from_data(item) for item in data or ())
