"""A beat: one thing the customer does in a turn, with the rule that decided it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simkit import i18n


@dataclass(frozen=True, kw_only=True)
class Beat:
    """What the customer does and why.

    Attributes:
        kind: what happens (``reveal_need``, ``raise_objection``, ``objection_step``, ``react``,
            ``ask``, ``accept``, ``leave``, ``opening``).
        rule: the director's rule that fired; ``i18n.text("rule." + rule, lang, **params)``
            explains it in words.
        params: the values the explanation names (need id, topic, deltas, ...).
        line: where the actor finds the words: ``("reaction", key)``, ``("need", id)``,
            ``("objection", id, step)``, ``("ask", id)``, ``("accept",)``, ``("opening",)``, or
            ``None`` when the beat is silent.
        effects: changes to trust, interest and patience this beat caused.
    """

    kind: str
    rule: str
    params: dict[str, Any] = field(default_factory=dict)
    line: tuple[str, ...] | None = None
    effects: dict[str, int] = field(default_factory=dict)

    def silenced(self) -> Beat:
        """The same beat, recorded but not spoken."""
        return Beat(kind=self.kind, rule=self.rule, params=self.params, line=None, effects=self.effects)

    def explain(self, lang: str) -> str:
        said = i18n.text("rule." + self.rule, lang, **self.params)
        if self.kind == "objection_step" and "turn" in self.params:  # a step heard before the raise
            said += i18n.text("rule.step-before-raise", lang, turn=self.params["turn"])
        return said

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "rule": self.rule}
        if self.params:
            data["params"] = dict(self.params)
        if self.line:
            data["line"] = list(self.line)
        if self.effects:
            data["effects"] = dict(self.effects)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Beat:
        """The beat :meth:`to_dict` wrote (as a transcript records it)."""
        line = data.get("line")
        return cls(kind=data["kind"], rule=data["rule"], params=dict(data.get("params", {})),
                   line=tuple(line) if line else None, effects=dict(data.get("effects", {})))


# Beats whose words carry what the customer tells or decides: they always speak (what scoring
# credits is what the customer said). Any other beat with a line is a reaction.
SUBSTANCE_LINES = frozenset({"need", "objection", "answer", "ask", "accept", "opening", "decision_maker"})
# Reaction lines that carry the customer's side of a deal (simkit.engine.appointments and
# offers): a time booked, a counter-time, a question for the day or hour, a counter-offer. They
# speak like substance, so a counter is never dropped for a reaction that outranks it.
DEAL_LINES = frozenset({"time_booked", "time_countered", "time_needed", "time_needs_hour", "offer_countered",
                        "time_too_late"})


def is_reaction(beat: Beat) -> bool:
    """The beat speaks a reaction line (``("reaction", key)``) other than leaving or a deal's."""
    return beat.line is not None and beat.line[0] == "reaction" and beat.line[1] not in DEAL_LINES | {"leave"}


def compose(beats: list[Beat], priority: tuple[str, ...]) -> list[Beat]:
    """One coherent reply: every substance beat speaks, and at most one reaction.

    Of competing reactions the first in ``priority`` (reaction keys, most important first)
    speaks; the others are recorded silently, so a turn never says "I don't like being pushed"
    and "That's useful" at once. A greeting is answered silently when anything else speaks.
    Leaving always speaks, after the reaction that drove the customer away.
    """
    reactions = [b for b in beats if is_reaction(b)]
    others_speak = any(b.line is not None and not is_reaction(b) for b in beats)
    if not reactions or (len(reactions) == 1 and not (others_speak and reactions[0].line[1] == "greet")):
        return beats
    rank = {key: i for i, key in enumerate(priority)}  # "greet" is last: anything else outranks it
    keep = min(reactions, key=lambda b: rank.get(b.line[1], len(rank)))
    if others_speak and keep.line[1] == "greet":
        keep = None
    return [b.silenced() if is_reaction(b) and b is not keep else b for b in beats]
