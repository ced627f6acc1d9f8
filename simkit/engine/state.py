"""The customer's hidden state, which only the director changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simkit.content.model import OBJECTION_STEPS
from simkit.engine.rulebook import OFFENCE_SEVERITY

STAGES = ("reception", "needs", "presentation", "objection", "closing", "ended")


@dataclass
class ObjectionProgress:
    """How far the trainee got with one raised objection (steps of OBJECTION_STEPS, in order).

    ``skipped`` holds the steps the customer let pass without them (a probe, when targeted
    proof follows the acknowledgement: :mod:`simkit.engine.objection_flow`); a skipped step is
    behind the trainee, not done, and scoring counts it as missed.
    """

    id: str
    raised_turn: int
    steps: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def resolved(self) -> bool:
        return len(self.steps) + len(self.skipped) == len(OBJECTION_STEPS)

    @property
    def next_step(self) -> str | None:
        return next((s for s in OBJECTION_STEPS if s not in self.steps and s not in self.skipped), None)


@dataclass(frozen=True)
class RecentLine:
    """One of the trainee's last lines as the objection steps remember it (:mod:`.objection_flow`).

    Attributes:
        turn: the line's turn.
        steps: the objection steps it could take before a raise (``acknowledged``, ``probed``).
        on: the ids of the persona's objections whose subject the line was on.
    """

    turn: int
    steps: tuple[str, ...]
    on: tuple[str, ...]


@dataclass
class CustomerState:
    """Trust, interest (0-100), patience points and what the trainee has uncovered so far."""

    trust: int
    interest: int
    patience: int
    turn: int = 0
    stage: str = "reception"
    needs_revealed: list[str] = field(default_factory=list)
    objections: list[ObjectionProgress] = field(default_factory=list)
    pending_ask: str | None = None  # id of a question the customer asked and awaits an answer to
    asks_done: list[str] = field(default_factory=list)
    closed_run: int = 0  # closed questions in a row
    junk_run: int = 0  # lines in a row that did no work (fillers, empty or off-topic talk)
    greeted: bool = False
    failed_closes: int = 0
    last_offence_turn: int = -1
    last_offence: str | None = None  # what last cost patience, for the defeat reason
    # Where fixing a time stands (simkit.engine.appointments): status asked, day, countered or booked.
    appointment: dict[str, Any] | None = None
    offers: list[dict[str, Any]] = field(default_factory=list)  # amounts on the table (simkit.engine.offers)
    decision_maker: str | None = None  # the second decision maker: None, "asked" or "involved"
    # The director's short memory for objections (simkit.engine.objection_flow): the last few
    # lines that could acknowledge or probe a worry not yet raised, and the topics of what the
    # customer last told (a topicless "I'd worry too" or "why is that?" is about that).
    recent_lines: list[RecentLine] = field(default_factory=list)
    thread: tuple[str, ...] = ()

    def offend(self, offence: str) -> None:
        """Remember what cost patience; within one turn the most serious offence wins."""
        if self.last_offence is None or self.last_offence_turn != self.turn or \
                OFFENCE_SEVERITY.index(offence) < OFFENCE_SEVERITY.index(self.last_offence):
            self.last_offence = offence
        self.last_offence_turn = self.turn

    def adjust(self, *, trust: int = 0, interest: int = 0, patience: int = 0) -> None:
        self.trust = max(0, min(100, self.trust + trust))
        self.interest = max(0, min(100, self.interest + interest))
        self.patience = max(0, self.patience + patience)

    def objection(self, objection_id: str) -> ObjectionProgress | None:
        return next((o for o in self.objections if o.id == objection_id), None)

    @property
    def open_objections(self) -> list[ObjectionProgress]:
        if not self.objections:  # the usual case, checked several times a turn
            return []
        return [o for o in self.objections if not o.resolved]

    def snapshot(self) -> dict[str, Any]:
        """The state as plain data: what meters and transcripts show."""
        return {
            "turn": self.turn,
            "stage": self.stage,
            "trust": self.trust,
            "interest": self.interest,
            "patience": self.patience,
            "needs_revealed": list(self.needs_revealed),
            "objections_open": [o.id for o in self.objections if not o.resolved],
            "objections_resolved": [o.id for o in self.objections if o.resolved],
            "appointment": dict(self.appointment) if self.appointment else None,
            "offers": [dict(o) for o in self.offers],
            # Only once it happened, so the states of conversations without one read as before.
            **({"decision_maker": self.decision_maker} if self.decision_maker else {}),
        }
