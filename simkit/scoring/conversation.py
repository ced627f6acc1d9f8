"""A read-only view of a replayed conversation: what the scorer looks at.

Built from the *replayed* session, never from the recorded file: the trainee's lines and
timestamps come from the transcript, while every analysis, beat, state and customer line comes
from feeding those lines to a fresh session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from simkit.engine.beats import Beat
from simkit.labels import QUESTION_TECHNIQUES

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content.model import Persona, Scenario
    from simkit.engine import Session

# When an analysis carries several question types, the one that counts (domain guidelines).
QUESTION_PRECEDENCE = ("probe", "exclusion_question", "closed_question", "open_question")
assert set(QUESTION_PRECEDENCE) == QUESTION_TECHNIQUES  # TurnView.question_type relies on it


@dataclass(frozen=True, kw_only=True)
class TurnView:
    """One replayed turn.

    Attributes:
        n: turn number, from 1.
        text: the trainee's line.
        at: its timestamp as recorded (ISO 8601 text).
        customer: the customer's replayed answer.
        techniques, topics: the analysis of the trainee's line.
        is_question: whether the line asks something.
        beats: what the director decided, in order.
        state: the customer's visible state after the turn.
        chosen: the line was clicked from the offered choices, not typed.
    """

    n: int
    text: str
    at: str
    customer: str
    techniques: tuple[str, ...]
    topics: tuple[str, ...]
    is_question: bool
    beats: tuple[Beat, ...]
    state: dict[str, Any]
    chosen: bool = False

    def has(self, *techniques: str) -> bool:
        """True when the line carries any of ``techniques``."""
        return any(t in self.techniques for t in techniques)

    def beat(self, rule: str) -> Beat | None:
        """The first beat decided by ``rule`` this turn, or None."""
        return next((b for b in self.beats if b.rule == rule), None)

    def beats_of(self, rule: str) -> tuple[Beat, ...]:
        return tuple(b for b in self.beats if b.rule == rule)

    @property
    def question_type(self) -> str | None:
        """The line's question type (probe, exclusion, closed or open question), or None."""
        # QUESTION_PRECEDENCE lists every question technique, so no set of them is needed.
        for question in QUESTION_PRECEDENCE:
            if question in self.techniques:
                return question
        return None


@dataclass(frozen=True)
class Conversation:
    """The replayed conversation with its scenario and persona.

    Attributes:
        scenario, persona: the content the conversation was replayed against.
        lang: conversation language.
        started_at: when the customer's opening arrived (ISO 8601 text).
        opening: the customer's replayed opening.
        opening_beats: what the director decided for the opening (a question it asks, ...).
        turns: the replayed turns, in order.
        outcome: ``{"status", "goal", "reason", "turn"}``; status ``open`` when the trainee
            stopped before the customer agreed or left.
        times: how the recorded timestamps were taken, ``live`` or ``untrusted`` (see
            :mod:`simkit.scoring.integrity`: only live times are judged).
    """

    scenario: Scenario
    persona: Persona
    lang: str
    started_at: str
    opening: str
    opening_beats: tuple[Beat, ...]
    turns: tuple[TurnView, ...]
    outcome: dict[str, Any]
    times: str = "untrusted"

    @property
    def last_turn(self) -> int | None:
        return self.turns[-1].n if self.turns else None

    def turn(self, n: int) -> TurnView | None:
        return self.turns[n - 1] if 1 <= n <= len(self.turns) else None

    def final_state(self, key: str, default: Any = None) -> Any:
        """A value of the customer's state after the last turn (``default`` before any turn)."""
        return self.turns[-1].state.get(key, default) if self.turns else default

    @classmethod
    def from_session(cls, session: Session, *, times: str | None = None) -> Conversation:
        """The view of a (replayed) session.

        Args:
            session: the session.
            times: the recorded transcript's ``times`` when ``session`` is its replay (a replay
                stamps the recorded times itself, so its own record says ``untrusted``).
        """
        record = session.transcript
        turns = tuple([
            TurnView(n=t.n, text=t.trainee, at=t.trainee_at, customer=t.customer,
                     techniques=tuple(t.analysis.get("techniques", ())), topics=tuple(t.analysis.get("topics", ())),
                     is_question=bool(t.analysis.get("is_question")), beats=_beats(t.beats), state=dict(t.state),
                     chosen=t.chosen)
            for t in record.turns
        ])
        if session.outcome is not None:
            outcome = session.outcome.to_dict()
        else:
            outcome = {"status": "open", "turn": turns[-1].n if turns else 0, "goal": None, "reason": None}
        return cls(
            scenario=session.scenario,
            persona=session.persona,
            lang=session.lang,
            started_at=record.started_at,
            opening=session.opening,
            opening_beats=_beats(record.opening_beats),
            turns=turns,
            outcome=outcome,
            times=times or record.times,
        )


def _beats(data: list[dict[str, Any]]) -> tuple[Beat, ...]:
    return tuple([Beat.from_dict(b) for b in data])


def parse_time(value: str) -> datetime | None:
    """An ISO 8601 timestamp with a time zone, or None when it is not one."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else None
