"""Appointments: a goal that books a time (a test drive, a visit) books only a concrete time.

Once the goal's conditions hold, a close attempt is read for a time (the analyzer's ``date`` and
``time`` facts). A concrete time is a day (a weekday, "tomorrow", a date) with an hour or a part
of the day ("Saturday morning"):

- a time inside the persona's availability is booked, and the customer repeats it in the
  trainee's own words ("Okay, tomorrow at 3 pm it is."); of two options offered ("Saturday at 10
  or Sunday at 2?") the customer takes the first that suits them;
- a time outside it is countered with the first free slot after it ("I can't make Monday at
  10. How about Monday at 7 pm?"); a line that accepts it ("Sure, see you then") or names it
  books it, another time is checked afresh;
- a day without an hour gets "what time?", and a vague "drop by some day" books nothing: the
  customer asks for a day and a time.

The state's ``appointment`` records where the exchange stands (``asked``, ``day``,
``countered`` or ``booked``); the booked time is in the accept beat, the outcome and the
transcript. Nothing here is about cars: a seller bringing a car in for valuation or a fleet
manager's demo books the same way (the persona's ``availability``, the scenario's ``weekday``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from simkit import i18n
from simkit.engine.beats import Beat
from simkit.engine.cues import find, mentions
from simkit.engine.rulebook import AGREE_CUES, AGREE_TECHNIQUES, DAY_PARTS, REFUSE_CUES

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content.model import Persona, Scenario
    from simkit.engine.state import CustomerState
    from simkit.understand import Analysis

_CLAUSE_END = re.compile(r"[,.;!?，。；！？]")
_DAY_KEYS = ("weekday", "day_offset", "month", "day")  # what makes a date a particular day ("weekend" does not)


@dataclass(frozen=True)
class Slot:
    """A time as far as it is known: the weekday (Monday = 0; None for a date of unknown weekday),
    the minute of the day it starts, or only the part of the day; ``text`` is how it was said."""

    weekday: int | None
    start: int | None = None
    part: str | None = None
    text: str = ""
    has_day: bool = True

    @property
    def concrete(self) -> bool:
        return self.has_day and (self.start is not None or self.part is not None)

    def span(self) -> tuple[int, int | None]:
        """The minute it starts and, for a part of the day, the minute that part ends."""
        if self.start is not None:
            return self.start, None
        return DAY_PARTS[self.part or "morning"]

    def to_dict(self) -> dict[str, Any]:
        return {"weekday": self.weekday, "start": self.start, "part": self.part}


def read_slots(analysis: Analysis, *, today: int, after: int = 0) -> list[Slot]:
    """Every time a line names from character ``after`` on, merged from its date and time facts:
    "Saturday at 10 am or Sunday at 2 pm" is two slots, "Saturday at 10 or at 2" two on Saturday."""
    slots: list[Slot] = []
    current: dict[str, Any] | None = None

    def close() -> None:
        if current is not None:
            joiner = "" if analysis.lang == "zh" else " "
            slots.append(Slot(weekday=current["weekday"], start=current["start"], part=current["part"],
                              text=joiner.join(current["words"]), has_day=current["has_day"]))

    for fact in analysis.facts:
        if fact.kind not in ("date", "time") or not isinstance(fact.value, dict) or fact.start < after:
            continue
        value = fact.value
        day = bool(value.keys() & set(_DAY_KEYS))
        clock = "hour" in value or "part" in value
        if current is None or (day and current["has_day"]) or (clock and not day and (
                current["start"] is not None or current["part"] is not None)):
            close()
            inherited = current if current is not None and not day else None  # "... or at 2": the same day
            current = {"weekday": inherited["weekday"] if inherited else None,
                       "has_day": bool(inherited and inherited["has_day"]), "start": None, "part": None, "words": []}
        if day and not current["has_day"]:
            current["has_day"] = True
            if "weekday" in value:
                current["weekday"] = value["weekday"]
            elif "day_offset" in value:
                current["weekday"] = (today + value["day_offset"]) % 7
        if "hour" in value:
            current["start"] = value["hour"] * 60 + value.get("minute", 0)
        elif "part" in value and current["part"] is None:
            current["part"] = value["part"]
        current["words"].append(fact.text)
    close()
    return slots


def read_slot(analysis: Analysis, *, today: int, after: int = 0) -> Slot | None:
    """The first time a line names (see :func:`read_slots`), or None."""
    slots = read_slots(analysis, today=today, after=after)
    return slots[0] if slots else None


def describe(slot: Slot, lang: str) -> str:
    """A time in words, as the customer says it (``周日上午9点``, ``Sunday at 9 am``)."""
    day = i18n.text(f"time.weekday.{slot.weekday}", lang) if slot.weekday is not None else \
        i18n.text("time.some-day", lang)
    if slot.start is None:
        return i18n.text("time.day-part", lang, day=day, part=i18n.text(f"time.part.{slot.part or 'morning'}", lang))
    hour, minute = divmod(slot.start, 60)
    if lang == "zh":
        part = "上午" if hour < 12 else "中午" if hour == 12 else "下午" if hour < 18 else "晚上"
        shown = hour if hour <= 12 else hour - 12
        clock = f"{shown}点" + ("半" if minute == 30 else f"{minute}分" if minute else "")
        return i18n.text("time.day-clock", lang, day=day, part=part, clock=clock)
    suffix = "am" if hour < 12 else "pm"
    shown = hour % 12 or 12
    clock = f"{shown}:{minute:02d} {suffix}" if minute else f"{shown} {suffix}"
    return i18n.text("time.day-clock", lang, day=day, part="", clock=clock)


def _refusal_end(analysis: Analysis) -> int:
    """Where the clause of the line's last refusal ("doesn't work", "不方便") ends (0: none)."""
    refusals = find(analysis.text, REFUSE_CUES[analysis.lang])
    if not refusals:
        return 0
    end = refusals[-1][1]
    stop = _CLAUSE_END.search(analysis.text, end)
    return stop.end() if stop else len(analysis.text)


class Booking:
    """Books the time of one scenario's goal with one persona (see the module docstring)."""

    def __init__(self, scenario: Scenario, persona: Persona) -> None:
        self.today = scenario.weekday
        self.windows = persona.availability
        self.goal = scenario.goal.kind
        self.accept_says_time = any("{time}" in line for lines in scenario.goal.accept.values() for line in lines)
        self.within = scenario.goal.within_hours  # hours from now the time must start within (None: any)
        self.clock = scenario.clock  # the time of day now (minutes after midnight)

    def is_answer(self, state: CustomerState, analysis: Analysis) -> bool:
        """Whether the line answers the customer's "when?" or their counter (names a time, or agrees)."""
        pending = state.appointment
        if pending is None or pending["status"] == "booked":
            return False
        if any(f.kind in ("date", "time") for f in analysis.facts):
            return True
        return pending["status"] == "countered" and self._agrees(analysis)

    def settle(self, state: CustomerState, analysis: Analysis, *, goal: str | None = None) -> tuple[list[Beat], bool]:
        """The customer's answer to a close attempt once the goal's conditions hold; True when booked.

        ``goal``: the goal kind the close asked for (one of ``goal.also``), default the scenario's.
        """
        if goal is not None:
            self.goal = goal
        lang = analysis.lang
        pending = state.appointment or {}
        # "Sunday doesn't work for me, how about Monday at 7?": the time refused is no proposal.
        slots = read_slots(analysis, today=self.today, after=_refusal_end(analysis))
        # Of two options ("Saturday at 10 or Sunday at 2?") the customer takes the first that suits.
        slot = next((s for s in slots if s.concrete and self._fits(s) and self._in_time(s)), slots[0] if slots else None)
        if slot is not None and not slot.has_day and pending.get("weekday") is not None:
            slot = Slot(weekday=pending["weekday"], start=slot.start, part=slot.part)  # the day said before
        if slot is None or not slot.has_day:
            if pending.get("status") == "countered" and self._agrees(analysis):
                countered = Slot(pending["weekday"], pending["start"], pending["part"])
                return self._book(state, countered, describe(countered, lang), "customer"), True
            state.appointment = {"status": "asked"}
            return [Beat(kind="react", rule="time-needed", line=("reaction", "time_needed"))], False
        if not slot.concrete:
            if slot.weekday is not None and self.windows and not any(slot.weekday in w.days for w in self.windows):
                return self._counter(state, slot, lang), False
            state.appointment = {"status": "day", "weekday": slot.weekday}
            words = slot.text or describe(slot, lang)
            return [Beat(kind="react", rule="time-needs-hour", params={"time": words},
                         line=("reaction", "time_needs_hour"))], False
        if not self._in_time(slot):
            return self._too_late(state, slot, lang), False
        if self._fits(slot):
            return self._book(state, slot, slot.text or describe(slot, lang), "trainee"), True
        return self._counter(state, slot, lang), False

    def _agrees(self, analysis: Analysis) -> bool:
        lang = analysis.lang
        if mentions(analysis.text, REFUSE_CUES[lang]):
            return False
        return bool(AGREE_TECHNIQUES.intersection(analysis.techniques)) or mentions(analysis.text, AGREE_CUES[lang])

    def _fits(self, slot: Slot) -> bool:
        if not self.windows:
            return True
        start, end = slot.span()
        days = [slot.weekday] if slot.weekday is not None else range(7)
        return any(w.covers(day, start, end) for w in self.windows for day in days)

    def _in_time(self, slot: Slot) -> bool:
        """Whether ``slot`` starts within ``within`` hours of now (a goal such as a complaint's remedy)."""
        if self.within is None:
            return True
        if slot.weekday is None:
            return False
        start, end = slot.span()
        offset = (slot.weekday - self.today) % 7
        ahead = offset * 1440 + start - self.clock
        if ahead < 0 and offset == 0 and end is not None and end > self.clock:
            ahead = 0  # "this afternoon" while the afternoon is under way
        if ahead < 0:
            ahead += 7 * 1440  # earlier today: next week
        return ahead <= self.within * 60

    def _too_late(self, state: CustomerState, slot: Slot, lang: str) -> list[Beat]:
        """A time after the deadline: the customer asks for the first free time from now."""
        now = Slot(weekday=self.today, start=self.clock)
        if self.windows:
            offer = self._first_free(now)
        else:
            hour = self.clock // 60 + 1
            offer = Slot(weekday=self.today, start=hour * 60) if hour <= 20 else Slot((self.today + 1) % 7, 540)
        state.appointment = {"status": "countered", **offer.to_dict(), "by": "customer"}
        params = {"asked": slot.text or describe(slot, lang), "time": describe(offer, lang), **offer.to_dict(),
                  "within_hours": self.within}
        return [Beat(kind="react", rule="time-too-late", params=params, line=("reaction", "time_too_late"))]

    def _first_free(self, slot: Slot) -> Slot:
        """The first free slot after ``slot``: later the same day, else the next day with a window."""
        start, end = slot.span()
        after = start if end is None else end
        weekday = slot.weekday if slot.weekday is not None else self.today
        for offset in range(8):
            day = (weekday + offset) % 7
            starts = sorted(w.start for w in self.windows if day in w.days and (offset or w.start >= after))
            if starts:
                return Slot(weekday=day, start=starts[0])
        return Slot(weekday=weekday, start=min(w.start for w in self.windows))  # pragma: no cover - windows exist

    def _counter(self, state: CustomerState, slot: Slot, lang: str) -> list[Beat]:
        offer = self._first_free(slot)
        state.appointment = {"status": "countered", **offer.to_dict(), "by": "customer"}
        asked = slot.text or describe(slot, lang)
        params = {"asked": asked, "time": describe(offer, lang), **offer.to_dict()}
        return [Beat(kind="react", rule="time-countered", params=params, line=("reaction", "time_countered"))]

    def _book(self, state: CustomerState, slot: Slot, words: str, by: str) -> list[Beat]:
        state.appointment = {"status": "booked", **slot.to_dict(), "time": words, "by": by}
        params = {"goal": self.goal, "time": words, **slot.to_dict()}
        accept = Beat(kind="accept", rule="close-success", params=params, line=("accept",))
        if self.accept_says_time:
            return [accept]
        return [Beat(kind="react", rule="time-booked", params={"time": words}, line=("reaction", "time_booked")), accept]
