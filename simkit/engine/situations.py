"""The seeds' situations in the director: roles, the second decision maker, channels, bad moves.

- **Roles.** A ``seller`` brings a car to sell: every amount the trainee names is an offer for it
  (``about: trade_in``), and raising it is no "discount before the value was shown". A trade-in
  customer (``both``) hears amounts on his car (topics ``trade_in`` or ``current_car``) the same way.
- **Valuation.** ``requires.valuation: agreed`` (implied by ``valuation_agreed``) holds once the
  trainee's latest offer for the car is at or above the persona's floor (``negotiation.limit``).
- **Second decision maker.** A question on the topic ``decision_maker`` that reveals no need gets
  what the customer says of them (``decision-maker-told``, once); a line on that topic that proposes
  (close, recommend, present) brings them in (``decision-maker-involved``).
- **Channels.** On the ``phone`` a long line costs patience (``phone-long-line``) and junk costs it
  from the first line (:func:`junk_free_run`); on ``online_chat`` a slow reply costs patience
  (``slow-reply``), judged only on trusted reply times (the session passes none otherwise); proof
  that must be seen (``resolve.show``) counts only where the car can be seen (:func:`can_show`).
- **Alternatives.** A goal with ``also`` (a callback, or a visit) is met by any of its kinds; the
  outcome names the one the close asked for (:meth:`Situations.name_goal`, ``GOAL_CUES``).
- **Bad moves.** Pressure is answered by its kind (:mod:`simkit.understand.pressure`): belittling
  gets ``belittled``, a false promise ``false_promise``, anything else ``pressured``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simkit.content.amounts import amount_of
from simkit.content.situations import PRESSURE_LINES
from simkit.engine.beats import Beat
from simkit.engine.cues import mentions
from simkit.engine.offers import say_amount
from simkit.engine.rulebook import (
    DM_PROPOSE_TECHNIQUES, DM_TOLD_TRUST, GOAL_CUES, JUNK_FREE_RUN, LONG_LINE_PATIENCE, PHONE_LONG_LINE, SHOWING_CHANNELS,
    SLOW_FIRST_REPLY_SECONDS, SLOW_REPLY_PATIENCE, SLOW_REPLY_SECONDS,
)
from simkit.understand.pressure import pressure_kind

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content.model import Persona, Scenario
    from simkit.engine.state import CustomerState
    from simkit.understand import Analysis

_CAR_TOPICS = frozenset({"trade_in", "current_car"})  # a trade-in customer's own car


class Situations:
    """The situation rules of one scenario with one persona (see the module docstring)."""

    def __init__(self, scenario: Scenario, persona: Persona) -> None:
        self.role = scenario.role or persona.role
        self.channel = scenario.channel
        self.goal = scenario.goal
        self.decision_maker = persona.decision_maker
        stance = persona.negotiation
        sells = stance is not None and stance.side == "seller" and stance.about == "trade_in"
        self.floor = amount_of(stance.limit, {**persona.profile, **persona.facts}) if sells else None
        self.goal_asked = scenario.goal.kind  # the kind of next step the latest close asked for

    def name_goal(self, analysis: Analysis) -> str:
        """The goal kind a close asks for: of ``goal.also`` the first whose words the line says
        ("call you back" for a callback), else the one asked before, else ``goal.kind``."""
        for kind in (self.goal.kind, *self.goal.also) if self.goal.also else ():
            if mentions(analysis.text, GOAL_CUES.get(kind, {}).get(analysis.lang, ())):
                self.goal_asked = kind
                break
        return self.goal_asked

    # -- roles and valuation --------------------------------------------------------------------

    def about_car(self, analysis: Analysis) -> bool:
        """Whether an amount in this line is an offer for the customer's own car."""
        if self.role == "seller":
            return True
        return self.role == "both" and not _CAR_TOPICS.isdisjoint(analysis.topics)

    def valuation_agreed(self, state: CustomerState) -> bool:
        """The trainee's latest offer for the car is at or above the customer's floor."""
        offers = [o for o in state.offers if o["by"] == "trainee" and o["about"] == "trade_in"]
        return self.floor is not None and bool(offers) and offers[-1]["amount"] >= self.floor

    def missing(self, state: CustomerState) -> list[str]:
        """What the goal's situation fields still need (added to the director's missing list)."""
        missing = []
        wanted = self.goal.decision_maker
        if wanted == "asked" and state.decision_maker is None:
            missing.append("decision_maker:asked")
        elif wanted == "involved" and state.decision_maker != "involved":
            missing.append("decision_maker:involved")
        if self.goal.valuation == "agreed" and not self.valuation_agreed(state):
            missing.append(f"valuation>={self.floor:g}" if self.floor is not None else "valuation")
        return missing

    def accept_params(self, state: CustomerState, lang: str) -> dict[str, str]:
        """What an accept line may say besides the time: the agreed amount for the car."""
        offers = [o for o in state.offers if o["by"] == "trainee" and o["about"] == "trade_in"]
        return {"amount": say_amount(offers[-1]["amount"], lang)} if offers and self.floor is not None else {}

    # -- the second decision maker ----------------------------------------------------------------

    def decision_maker_beats(self, state: CustomerState, tech: set[str], analysis: Analysis,
                             need_told: bool) -> list[Beat]:
        """Asking about the second decision maker, or proposing to bring them in."""
        person = self.decision_maker
        if person is None or "decision_maker" not in analysis.topics:
            return []
        if not tech.isdisjoint(DM_PROPOSE_TECHNIQUES) and state.decision_maker != "involved":
            state.decision_maker = "involved"
            return [Beat(kind="decision_maker", rule="decision-maker-involved", line=("decision_maker", "involve"))]
        if need_told or state.decision_maker is not None or tech.isdisjoint(person.reveal_by):
            return []
        if state.trust < person.min_trust:
            return [Beat(kind="react", rule="decision-maker-too-early",
                         params={"min_trust": person.min_trust, "trust": state.trust}, line=("reaction", "too_early"))]
        state.decision_maker = "asked"
        state.adjust(trust=DM_TOLD_TRUST)
        return [Beat(kind="decision_maker", rule="decision-maker-told", params={"trust": DM_TOLD_TRUST},
                     line=("decision_maker", "says"), effects={"trust": DM_TOLD_TRUST})]

    # -- channels ---------------------------------------------------------------------------------

    def junk_free_run(self) -> int:
        """Junk lines in a row the customer lets pass: none on the phone."""
        return 0 if self.channel == "phone" else JUNK_FREE_RUN

    def can_show(self) -> bool:
        """Whether the customer can see the car (proof that must be seen counts)."""
        return self.channel in SHOWING_CHANNELS

    def channel_beats(self, state: CustomerState, text: str, analysis: Analysis, delay: float | None) -> list[Beat]:
        """A long line on the phone; a slow reply in an online chat (``delay``: trusted seconds or None)."""
        if self.channel == "phone":
            size = len(text.strip()) if analysis.lang == "zh" else len(text.split())
            if size > PHONE_LONG_LINE[analysis.lang]:
                state.adjust(patience=LONG_LINE_PATIENCE)
                state.offend("long_line")
                return [Beat(kind="react", rule="phone-long-line",
                             params={"size": size, "limit": PHONE_LONG_LINE[analysis.lang],
                                     "patience": LONG_LINE_PATIENCE},
                             line=("reaction", "busy"), effects={"patience": LONG_LINE_PATIENCE})]
        elif self.channel == "online_chat" and delay is not None:
            limit = SLOW_FIRST_REPLY_SECONDS if state.turn == 1 else SLOW_REPLY_SECONDS
            if delay > limit:
                state.adjust(patience=SLOW_REPLY_PATIENCE)
                state.offend("slow_reply")
                return [Beat(kind="react", rule="slow-reply",
                             params={"seconds": round(delay), "limit": limit, "patience": SLOW_REPLY_PATIENCE},
                             line=("reaction", "slow_reply"), effects={"patience": SLOW_REPLY_PATIENCE})]
        return []


def pressure_reaction(text: str) -> tuple[str, str]:
    """``(kind, line)`` for a pressure line: ``("belittling", "belittled")``, ``("false_guarantee",
    "false_promise")``, or ``(kind, "pressured")`` for false urgency and plain hard selling."""
    kind = pressure_kind(text)
    return kind, PRESSURE_LINES.get(kind, "pressured")
