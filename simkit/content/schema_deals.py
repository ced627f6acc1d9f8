"""Schema of the parts that book times and talk numbers: availability, numeric facts, figures,
negotiation and seeded variants (the models are in :mod:`simkit.content.availability`,
:mod:`simkit.content.amounts` and :mod:`simkit.content.variants`).

Fails (an unquoted time, an unknown day, a fact that is not numeric)::

    availability: [{days: [saturday], from: 09:00, to: 12:00}]
    facts: {saving: {value: lots, zh: 很多, en: lots}}

Passes::

    availability: [{days: [sat], from: "09:00", to: "12:00"}]
    facts: {saving: {value: 15000, zh: 一万五, en: "15,000"}}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from simkit.content.amounts import FIGURE_DIRECTIONS, NEGOTIATION_ABOUT, NEGOTIATION_SIDES
from simkit.content.availability import CLOCK, WEEKDAYS
from simkit.content.problems import YamlPath
from simkit.content.schema_text import Text
from simkit.content.schema_types import AnyOf, Choice, Context, Field, Int, ListOf, MapOf, Num, Record, Str

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_ID = Str(SLUG, "use lowercase letters and digits in words joined by '-', like 'wife-safety'", "invalid-id")
_PLACEHOLDER = Str(r"[A-Za-z_][A-Za-z0-9_]*", "use letters, digits and '_' (lines refer to it as {name})", "invalid-id")
_TEXT = Text()


@dataclass(frozen=True)
class Clock(Str):
    """A time of day written ``"HH:MM"`` (quoted: YAML reads an unquoted 18:30 as 1110)."""

    expected = 'a time of day as a string "HH:MM"'


CLOCK_TIME = Clock(CLOCK, 'write the time as "HH:MM", like "09:30"')
WEEKDAY = Choice(WEEKDAYS, "weekday")

WINDOW = Record((
    Field("days", ListOf(WEEKDAY, 1), True, "Weekdays of the window: mon, tue, wed, thu, fri, sat, sun."),
    Field("from", CLOCK_TIME, True, 'When the window opens, "HH:MM".'),
    Field("to", CLOCK_TIME, True, 'When it closes, "HH:MM" (after "from").'),
), description="A weekly window in which the customer is free.")

AVAILABILITY = ListOf(WINDOW, 1)

NUMERIC_FACT = Record((
    Field("value", Num(), True, "The number rules compute with (yuan, km, ...)."),
    Field("zh", Str(), True, "How a Chinese line says it."),
    Field("en", Str(), True, "How an English line says it."),
), description="A numeric fact: its value and its words in each language.")

_PLAIN_VALUE = AnyOf((Num(), Str(), _TEXT), "a number, a string or bilingual text {zh: ..., en: ...}")


@dataclass(frozen=True)
class FactValue(AnyOf):
    """A fact: a number, a string, bilingual text, or a numeric fact ``{value, zh, en}``."""

    def accepts(self, value: Any) -> bool:
        return _PLAIN_VALUE.accepts(value)

    def check(self, value: Any, path: YamlPath, ctx: Context) -> None:
        if isinstance(value, dict) and "value" in value:
            NUMERIC_FACT.check(value, path, ctx)
        else:
            _PLAIN_VALUE.check(value, path, ctx)

    def json(self) -> dict[str, Any]:
        return {"anyOf": [*_PLAIN_VALUE.json()["anyOf"], NUMERIC_FACT.json()]}


FACT_VALUE = FactValue((), "a number, a string, bilingual text or a numeric fact {value: ..., zh: ..., en: ...}")
FACTS = MapOf(FACT_VALUE, _PLACEHOLDER)

FIGURE = Record((
    Field("fact", _PLACEHOLDER, True, "The persona's numeric fact holding the true figure."),
    Field("shows", Choice(FIGURE_DIRECTIONS, "direction"), True,
          "What a number in the evidence must show: 'less' (a saving, a lower cost) or 'more'."),
    Field("tolerance", Num(0, 1), False, "How far a named amount may be from the fact, as a fraction.", 0.25),
), description="Evidence that names an amount is checked against the persona's figure.")

_AMOUNT = AnyOf((Num(0), _PLACEHOLDER), "a number or the name of a numeric fact")
NEGOTIATION = Record((
    Field("side", Choice(NEGOTIATION_SIDES, "side"), True, "buyer: wants amounts low; seller: wants them high."),
    Field("about", Choice(NEGOTIATION_ABOUT, "amount kind"), False, "Which amounts it answers.", "price"),
    Field("target", _AMOUNT, True, "What the customer counters with."),
    Field("limit", _AMOUNT, True, "The most a buyer pays, the least a seller takes."),
), description="How the customer bargains over amounts offered to them.")

VARIANT = Record((
    Field("id", _ID, True, "Unique within the scenario; transcripts record it."),
    Field("brief", _TEXT, False, "Replaces the scenario's brief."),
    Field("facts", FACTS, False, "Persona facts this variant changes."),
    Field("availability", AVAILABILITY, False, "Replaces the persona's free slots."),
    Field("objections_first", ListOf(_ID), False, "Objection ids that come first, in this order."),
    Field("importance", MapOf(Int(1, 3), _ID), False, "New importance of some needs, 1-3."),
    Field("goal_needs", ListOf(_ID), False, "Replaces goal.requires.needs."),
), description="One way the scenario can go; the session's seed draws one.")

VARIANTS = ListOf(VARIANT, 2)
