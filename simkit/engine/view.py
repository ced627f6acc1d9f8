"""What a UI may show of the customer: a frozen, typed view of the hidden state.

A :class:`CustomerView` is built from the director's state and the persona after every turn
(``Reply.view``, ``Session.view``). Meters carry their own range, so a UI never has to know a
persona's patience; needs and objections carry bilingual display names. The plain dict in
``Reply.state`` is the recorded form (what transcripts keep); this view is what UIs read.

Example:
    >>> from simkit import Session
    >>> view = Session("showroom-family-suv-v1", seed=1, lang="en").view
    >>> view.trust.low, view.trust.high, view.needs_found, view.needs_total
    (0, 100, 0, 4)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content.model import Persona
    from simkit.engine.state import CustomerState

PERCENT_HIGH = 100  # trust and interest run 0-100


@dataclass(frozen=True)
class Meter:
    """One bounded value: ``low <= value <= high``.

    Trust and interest run 0-100. Patience only counts down, from the persona's starting
    patience (``high``) to 0, where the customer leaves.
    """

    value: int
    low: int
    high: int


@dataclass(frozen=True)
class NeedView:
    """One of the persona's needs: its id, display name ``{"zh": ..., "en": ...}`` and whether found.

    The name of a need not yet found gives it away: a practice UI names the found ones and
    counts the rest (a trainer's view may show all).
    """

    id: str
    name: dict[str, str]
    found: bool


@dataclass(frozen=True)
class ObjectionView:
    """One raised objection.

    ``status`` is ``"open"`` or ``"handled"``. ``next_step`` is the next of the four steps still
    missing, one of ``content.model.OBJECTION_STEPS`` (``"acknowledged"``, ``"probed"``,
    ``"evidence"``, ``"confirmed"``; ``i18n.text("step." + next_step, lang)`` names it), or
    ``None`` once handled.
    """

    id: str
    name: dict[str, str]
    status: str
    next_step: str | None


@dataclass(frozen=True)
class CustomerView:
    """The customer as a UI shows them after ``turn`` lines (0 = after the opening).

    ``stage`` is one of ``engine.state.STAGES``; ``needs`` lists every need of the persona,
    found or not, in the persona's order (a meter shows x/y); ``objections`` those raised so
    far, in the order raised.
    """

    turn: int
    stage: str
    trust: Meter
    interest: Meter
    patience: Meter
    needs: tuple[NeedView, ...]
    objections: tuple[ObjectionView, ...]

    @property
    def needs_found(self) -> int:
        return sum(1 for n in self.needs if n.found)

    @property
    def needs_total(self) -> int:
        return len(self.needs)


def customer_view(state: CustomerState, persona: Persona) -> CustomerView:
    """The view of ``state`` for ``persona`` (whose traits give patience its range)."""
    revealed = set(state.needs_revealed)
    objections = {o.id: o for o in persona.objections}
    return CustomerView(
        turn=state.turn,
        stage=state.stage,
        trust=Meter(state.trust, 0, PERCENT_HIGH),
        interest=Meter(state.interest, 0, PERCENT_HIGH),
        # A persona's starting patience is its ceiling: nothing in the engine adds patience.
        patience=Meter(state.patience, 0, max(persona.traits.patience, state.patience)),
        needs=tuple(NeedView(n.id, n.display_name, n.id in revealed) for n in persona.needs),
        objections=tuple(
            ObjectionView(p.id, objections[p.id].display_name, "handled" if p.resolved else "open", p.next_step)
            for p in state.objections
        ),
    )
