"""Typed, read-only views of persona and scenario files.

The loader validates a file first (see :mod:`simkit.content.schema`), then builds these
objects with ``from_data``; nothing here checks input again. Bilingual text is a ``dict``
keyed by language (``{"zh": ..., "en": ...}``); line variants are tuples per language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simkit import i18n
from simkit.content.amounts import Figure, Negotiation, numeric_value
from simkit.content.availability import WEEKDAYS, Window, minutes, windows
from simkit.content.default_lines import BEAT_PLACEHOLDERS, DEFAULT_LINES, LINE_PARAMETERS  # noqa: F401 (API)
from simkit.content.situations import DEFAULT_CLOCK, DEFAULT_WITHIN_HOURS, TIME_GOALS, VALUATION_GOALS, DecisionMaker
from simkit.content.variants import Variant
from simkit.errors import UnknownIdError
from simkit.labels import LANGS

Text = dict[str, str]  # {"zh": "...", "en": "..."}
Lines = dict[str, tuple[str, ...]]  # {"zh": ("...", ...), "en": (...)}

NEED_DEPTHS = ("surface", "deep")
OBJECTION_KINDS = ("price", "quality", "delay", "trust", "finance", "competitor", "complaint")
OBJECTION_STEPS = ("acknowledged", "probed", "evidence", "confirmed")
GOAL_KINDS = ("test_drive", "visit", "deposit", "contact", "signing",
              "inspection_booked", "valuation_agreed", "callback", "quote_meeting", "complaint_recovered", "reactivated")
CHANNELS = ("showroom", "online_chat", "phone", "video")
# Catalogue metadata of a scenario (simkit catalog); the words for each are in simkit.content.catalog.
BUSINESS_LINES = ("new_car", "used_car", "after_sales", "fleet")
SKILLS = ("first_response", "needs_discovery", "presentation", "objection_handling", "closing", "follow_up")
DIFFICULTIES = ("beginner", "intermediate", "advanced")

# Persona-level reaction lines: every persona must have each of these in every language.
REACTION_LINES = (
    "greet",  # answer to a greeting
    "filler",  # answer to small talk or logistics
    "short_answer",  # a closed question with nothing to reveal
    "nothing_new",  # a question on a topic with nothing left to reveal
    "too_early",  # a question that needs more trust than the customer has
    "interested",  # a presentation that answers a need they told you
    "lukewarm",  # a presentation that answers nothing they told you
    "acknowledged",  # empathy for an open objection
    "not_convinced",  # an answer to an objection that skips a step or misses the point
    "pressured",  # pressure, false urgency, promises nobody can keep
    "discount_suspicious",  # a discount before the value was shown
    "ignored",  # their question went unanswered
    "interrogated",  # a run of closed questions
    "not_ready",  # a close attempt before they are ready
    "leave",  # the customer leaves
)
# Reaction lines a persona may give in its own words; simkit's generic line is used otherwise
# (``customer.<key>`` in :mod:`simkit.i18n`), so files written before these existed still load.
GENERIC_REACTION_LINES = (
    "rude",  # an insult or a dismissal
    "privacy",  # personal data asked for without a reason
    "off_topic",  # talk about anything but the customer, the car or the deal
    "unclear",  # a line that says nothing the customer can follow
    "idle",  # fillers in a row
    "impatient",  # patience is running out
    "nothing_particular",  # a question on a topic they have nothing to say about
)

# Every optional reaction line: the generic ones of simkit.i18n and those with defaults above.
OPTIONAL_REACTION_LINES = GENERIC_REACTION_LINES + tuple(DEFAULT_LINES)
BOOKING_GOALS = TIME_GOALS  # goals that book a time with the customer unless ``goal.books_time`` says otherwise


def _lines(data: dict[str, list[str]]) -> Lines:
    return {lang: tuple(variants) for lang, variants in data.items()}


@dataclass(frozen=True)
class Traits:
    """How the customer reacts: starting trust and interest (0-100) and patience points."""

    patience: int
    trust: int
    interest: int

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Traits:
        return cls(
            patience=int(data["patience"]),
            trust=int(data["trust"]),
            interest=int(data.get("interest", 30)),
        )


@dataclass(frozen=True)
class Need:
    """A hidden need, revealed only by the right kind of question on the right topic.

    ``depth: deep`` needs are revealed only by a ``probe`` once ``min_trust`` is reached.
    ``name`` is the optional display name from the file; :attr:`display_name` is what a UI shows.
    """

    id: str
    topic: str
    importance: int
    depth: str
    reveal_by: tuple[str, ...]
    reveal_topics: tuple[str, ...]
    min_trust: int
    says: Lines
    name: Text | None = None

    @property
    def display_name(self) -> Text:
        """The file's ``name``, else a generic name from the topic (``"a need about budget"``)."""
        if self.name is not None:
            return dict(self.name)
        return {lang: i18n.text("need.unnamed", lang, topic=i18n.text(f"topic.{self.topic}", lang))
                for lang in LANGS}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Need:
        reveal = data["reveal"]
        return cls(
            id=data["id"],
            topic=data["topic"],
            importance=int(data.get("importance", 2)),
            depth=data.get("depth", "surface"),
            reveal_by=tuple(reveal["by"]),
            reveal_topics=tuple(reveal.get("topics", [data["topic"]])),
            min_trust=int(reveal.get("min_trust", 0)),
            says=_lines(data["says"]),
            name=dict(data["name"]) if "name" in data else None,
        )


@dataclass(frozen=True)
class Objection:
    """An objection the customer raises when prompted, and what resolves it.

    It is resolved only by the four steps in order: empathy (acknowledged), a probe or open
    question (probed), evidence whose wording matches one of ``evidence_cues`` (evidence), and a
    confirm question (confirmed). ``name`` is the optional display name from the file;
    :attr:`display_name` is what a UI shows.
    """

    id: str
    kind: str
    topic: str
    raise_on: tuple[str, ...]
    min_turn: int
    evidence_cues: Lines
    says: dict[str, Lines]  # raise, cause, accepted, resolved
    name: Text | None = None
    figure: Figure | None = None  # what a number in the evidence must show (simkit.content.amounts)
    show: bool = False  # the proof must be seen: only on channels that can show the car

    @property
    def display_name(self) -> Text:
        """The file's ``name``, else a generic name from the kind (``"a worry about the price"``)."""
        if self.name is not None:
            return dict(self.name)
        return {lang: i18n.text(f"objection.kind.{self.kind}", lang) for lang in LANGS}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Objection:
        raise_ = data["raise"]
        return cls(
            id=data["id"],
            kind=data["kind"],
            topic=data.get("topic", "concern"),
            raise_on=tuple(raise_["by"]),  # not "on": YAML 1.1 reads a bare `on` key as True
            min_turn=int(raise_.get("min_turn", 1)),
            evidence_cues=_lines(data["resolve"]["evidence"]),
            says={step: _lines(lines) for step, lines in data["says"].items()},
            name=dict(data["name"]) if "name" in data else None,
            figure=Figure.from_data(data["resolve"].get("figure")),
            show=bool(data["resolve"].get("show", False)),
        )


@dataclass(frozen=True)
class Persona:
    """A simulated customer: who they are, what they hide, how they react and what they say.

    ``answers`` maps a topic to what the customer says when asked about it and no need comes
    out (a closed question, a deep need not yet earned): short, truthful, telling no need.
    """

    id: str
    name: Text
    summary: Text
    profile: dict[str, Any]
    traits: Traits
    facts: dict[str, Any]
    needs: tuple[Need, ...]
    objections: tuple[Objection, ...]
    lines: dict[str, Lines]
    source: Path | None = None
    answers: dict[str, Lines] = field(default_factory=dict)  # topic -> a short truthful answer
    availability: tuple[Window, ...] = ()  # when they are free; none: any time suits them
    negotiation: Negotiation | None = None  # how they answer amounts offered to them
    role: str = "buyer"  # buyer, seller or both (a trade-in): simkit.content.situations
    decision_maker: DecisionMaker | None = None  # a second decision maker, if any

    def number(self, name: str) -> float | None:
        """The value of the numeric fact ``name`` (see :mod:`simkit.content.amounts`), or None."""
        return numeric_value(self.facts.get(name, self.profile.get(name)))

    @classmethod
    def from_data(cls, data: dict[str, Any], source: Path | None = None) -> Persona:
        return cls(
            id=data["id"],
            name=dict(data["name"]),
            summary=dict(data["summary"]),
            profile=dict(data.get("profile", {})),
            traits=Traits.from_data(data["traits"]),
            facts=dict(data.get("facts", {})),
            needs=tuple(Need.from_data(n) for n in data["needs"]),
            objections=tuple(Objection.from_data(o) for o in data.get("objections", [])),
            lines={**DEFAULT_LINES, **{key: _lines(value) for key, value in data["lines"].items()}},
            source=source,
            answers={topic: _lines(value) for topic, value in data.get("answers", {}).items()},
            availability=windows(data.get("availability")),
            negotiation=Negotiation.from_data(data.get("negotiation")),
            role=data.get("role", "buyer"),
            decision_maker=DecisionMaker.from_data(data.get("decision_maker")),
        )

    def need(self, need_id: str) -> Need:
        """The need ``need_id``.

        Raises:
            UnknownIdError: the persona has no such need (the message suggests close ids).
        """
        for need in self.needs:
            if need.id == need_id:
                return need
        raise UnknownIdError(f"need of persona {self.id!r}", need_id, [n.id for n in self.needs])

    def objection(self, objection_id: str) -> Objection:
        """The objection ``objection_id``.

        Raises:
            UnknownIdError: the persona has no such objection (the message suggests close ids).
        """
        for objection in self.objections:
            if objection.id == objection_id:
                return objection
        raise UnknownIdError(f"objection of persona {self.id!r}", objection_id, [o.id for o in self.objections])


@dataclass(frozen=True)
class Ask:
    """A question the customer asks at a given turn (0 = in the opening); it must be answered."""

    id: str
    topic: str
    turn: int
    says: Lines
    answer: Text | None = None  # a good answer (choice mode's strong line while it waits)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Ask:
        return cls(id=data["id"], topic=data["topic"], turn=int(data["turn"]), says=_lines(data["says"]),
                   answer=dict(data["answer"]) if "answer" in data else None)


@dataclass(frozen=True)
class Goal:
    """What a successful close needs: trust, interest, needs revealed, objections resolved.

    ``name`` is the optional display name from the file; :attr:`display_name` is what reports show.
    """

    kind: str
    min_trust: int
    min_interest: int
    needs: tuple[str, ...]
    objections: tuple[str, ...]
    accept: Lines
    name: Text | None = None
    books_time: bool = False  # the close must fix a concrete time (default by kind: situations.TIME_GOALS)
    within_hours: int | None = None  # the booked time must start this soon (complaint_recovered: 24)
    decision_maker: str | None = None  # "asked" or "involved": the second decision maker's part
    valuation: str | None = None  # "agreed": an offer for the customer's car at or over their floor
    also: tuple[str, ...] = ()  # other goal kinds that meet the goal too (a callback or a visit)

    @property
    def display_name(self) -> Text:
        """The file's ``name``, else the goal kind's (``"a test drive"``)."""
        if self.name is not None:
            return dict(self.name)
        return {lang: i18n.text(f"goal.{self.kind}", lang) for lang in LANGS}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Goal:
        requires = data.get("requires", {})
        return cls(
            kind=data["kind"],
            min_trust=int(requires.get("min_trust", 0)),
            min_interest=int(requires.get("min_interest", 0)),
            needs=tuple(requires.get("needs", [])),
            objections=tuple(requires.get("objections", [])),
            accept=_lines(data["accept"]),
            name=dict(data["name"]) if "name" in data else None,
            books_time=bool(data.get("books_time", data["kind"] in TIME_GOALS)),
            within_hours=data.get("within_hours", DEFAULT_WITHIN_HOURS.get(data["kind"])),
            decision_maker=requires.get("decision_maker"),
            valuation=requires.get("valuation", "agreed" if data["kind"] in VALUATION_GOALS else None),
            also=tuple(data.get("also", ())),
        )


@dataclass(frozen=True)
class Scenario:
    """A persona in a situation: channel, opening, questions they ask, the goal and the limits."""

    id: str
    title: Text
    brief: Text
    persona_id: str
    channel: str
    tags: tuple[str, ...]
    opening: Lines
    asks: tuple[Ask, ...]
    max_turns: int
    goal: Goal
    scoring: dict[str, Any] = field(default_factory=dict)  # rubric weights and pass rules
    source: Path | None = None
    business_line: str | None = None  # catalogue metadata: None when the file does not say
    skills: tuple[str, ...] = ()
    difficulty: str | None = None
    #: choice mode's authored candidates: stage -> ((kind, {"zh": ..., "en": ...}), ...)
    choices: dict[str, tuple[tuple[str, Text], ...]] = field(default_factory=dict)
    weekday: int = 0  # the day the conversation happens (Monday = 0): "tomorrow" counts from it
    variants: tuple[Variant, ...] = ()  # what the seed may vary (simkit.content.variants)
    role: str | None = None  # overrides the persona's role in this situation
    clock: int = minutes(DEFAULT_CLOCK)  # the time of day it happens (minutes after midnight)

    @property
    def books_time(self) -> bool:
        """Whether the goal books a time with the customer (a test drive, a visit, a callback, ...)."""
        return self.goal.books_time

    @classmethod
    def from_data(cls, data: dict[str, Any], source: Path | None = None) -> Scenario:
        return cls(
            id=data["id"],
            title=dict(data["title"]),
            brief=dict(data["brief"]),
            persona_id=data["persona"],
            channel=data["channel"],
            tags=tuple(data.get("tags", [])),
            opening=_lines(data["opening"]),
            asks=tuple(Ask.from_data(a) for a in data.get("asks", [])),
            max_turns=int(data.get("max_turns", 20)),
            goal=Goal.from_data(data["goal"]),
            scoring=dict(data.get("scoring", {})),
            source=source,
            business_line=data.get("business_line"),
            skills=tuple(data.get("skills", ())),
            difficulty=data.get("difficulty"),
            choices={stage: tuple((c["kind"], dict(c["says"])) for c in lines)
                     for stage, lines in (data.get("choices") or {}).items()},
            weekday=WEEKDAYS.index(data.get("weekday", WEEKDAYS[0])),
            variants=tuple(Variant.from_data(v) for v in data.get("variants", [])),
            role=data.get("role"),
            clock=minutes(data.get("clock", DEFAULT_CLOCK)),
        )

    def ask(self, ask_id: str) -> Ask:
        """The customer question ``ask_id``.

        Raises:
            UnknownIdError: the scenario has no such question (the message suggests close ids).
        """
        for ask in self.asks:
            if ask.id == ask_id:
                return ask
        raise UnknownIdError(f"question of scenario {self.id!r}", ask_id, [a.id for a in self.asks])


def display_names(persona: Persona, scenario: Scenario) -> dict[str, dict[str, Text]]:
    """What people read for the ids in beats and scorecards: ``{"need": {id: {zh, en}}, "objection":
    {id: ...}, "goal": {kind: ...}}`` (see :func:`simkit.scoring.words.localize`)."""
    return {"need": {n.id: n.display_name for n in persona.needs},
            "objection": {o.id: o.display_name for o in persona.objections},
            "goal": {**{kind: _alternative_name(scenario.goal, kind) for kind in scenario.goal.also},
                     scenario.goal.kind: scenario.goal.display_name}}


def _alternative_name(goal: Goal, kind: str) -> Text:
    """A goal met through one of its ``also`` kinds: the goal's name, then the kind ("a callback or a
    visit (a visit)"), so reports name the goal the author wrote and what was booked."""
    name = goal.display_name
    return {lang: i18n.text("goal.through", lang, goal=name[lang], kind=i18n.text(f"goal.{kind}", lang))
            for lang in LANGS}
