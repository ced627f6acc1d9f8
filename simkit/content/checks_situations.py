"""Cross-reference checks of the seeds' situations (see :mod:`simkit.content.checks`).

Codes: ``needs-negotiation`` (a seller, a trade-in or a valuation goal without a seller's stance on
his car), ``needs-decision-maker`` (a goal requires the second decision maker the persona does not
declare), ``invalid-goal`` (``within_hours`` on a goal that books no time; a complaint to recover
that names no complaint; an ``also`` kind that books a time when the goal does not, or the reverse), ``dead-goal`` (the goal needs proof that must be seen, on a channel that
cannot show the car).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from simkit.content.problems import Problem, value_at
from simkit.content.situations import SELLING_ROLES, TIME_GOALS, VALUATION_GOALS

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content.checks import Corpus
    from simkit.content.schema import CheckedDocument

SHOWING_CHANNELS = ("showroom", "video")  # where the customer can see the car
_STANCE = "negotiation: {side: seller, about: trade_in, target: ..., limit: ...}"


def _sells(persona: dict[str, Any]) -> bool:
    stance = persona.get("negotiation")
    return isinstance(stance, dict) and stance.get("side") == "seller" and stance.get("about") == "trade_in"


def check_roles(corpus: Corpus) -> Iterator[Problem]:
    """``needs-negotiation``: a seller or trade-in customer, or a valuation goal, without a seller's
    stance on his car (what he asks and the least he takes).

    Fails::

        role: seller          # and no negotiation

    Passes::

        role: seller
        negotiation: {side: seller, about: trade_in, target: asking_price, limit: floor_price}
    """
    for persona in corpus.of_kind("persona"):
        role = persona.data.get("role")
        if role in SELLING_ROLES and not _sells(persona.data):
            message = f"role {role!r} needs the customer's stance on his car: {_STANCE}"
            yield persona.doc.problem(("role",), "needs-negotiation", message)
    for scenario in corpus.of_kind("scenario"):
        found = corpus.persona_of(scenario)
        if found is None:
            continue
        persona, persona_id = found.data, found.data.get("id")
        role = scenario.data.get("role")
        if role in SELLING_ROLES and not _sells(persona):
            message = f"role {role!r} needs persona {persona_id!r} to have {_STANCE}"
            yield scenario.doc.problem(("role",), "needs-negotiation", message)
        kind = value_at(scenario.data, "goal", "kind")
        valuation = value_at(scenario.data, "goal", "requires", "valuation")
        if (kind in VALUATION_GOALS or valuation is not None) and not _sells(persona):
            path = ("goal", "requires", "valuation") if valuation is not None else ("goal", "kind")
            what = f"the goal {kind!r}" if valuation is None else "requires.valuation"
            message = f"{what} needs persona {persona_id!r} to have {_STANCE}"
            yield scenario.doc.problem(path, "needs-negotiation", message)


def check_situation_goals(corpus: Corpus) -> Iterator[Problem]:
    """``needs-decision-maker``, ``invalid-goal``, ``dead-goal``: a goal the persona or the channel
    cannot give.

    Fails (the persona declares no ``decision_maker``; the goal books no time)::

        goal: {kind: deposit, requires: {decision_maker: involved}, within_hours: 24, accept: ...}

    Passes::

        goal: {kind: callback, within_hours: 24, accept: ...}   # and the persona's decision_maker
    """
    for scenario in corpus.of_kind("scenario"):
        goal = scenario.data.get("goal")
        if not isinstance(goal, dict):
            continue
        yield from _goal_shape(scenario, goal)
        found = corpus.persona_of(scenario)
        if found is None:
            continue
        persona = found.data
        if value_at(goal, "requires", "decision_maker") is not None and not isinstance(persona.get("decision_maker"), dict):
            message = (f"the goal requires the second decision maker, but persona {persona.get('id')!r} declares "
                       "no decision_maker: {who, cares_about, says, involve}")
            yield scenario.doc.problem(("goal", "requires", "decision_maker"), "needs-decision-maker", message)
        yield from _unshowable(scenario, found, goal)


def _goal_shape(scenario: CheckedDocument, goal: dict[str, Any]) -> Iterator[Problem]:
    kind = goal.get("kind")
    books = goal.get("books_time", kind in TIME_GOALS)
    if "within_hours" in goal and books is False:
        message = f"within_hours needs a goal that books a time; {kind!r} books none here (set books_time: true)"
        yield scenario.doc.problem(("goal", "within_hours"), "invalid-goal", message)
    also = goal.get("also")
    for index, other in enumerate(also if isinstance(also, list) else []):
        if other == kind or other in VALUATION_GOALS or kind in VALUATION_GOALS:
            message = f"{other!r} cannot stand in for {kind!r}: give other kinds, none of them a valuation"
            yield scenario.doc.problem(("goal", "also", index), "invalid-goal", message)
        elif isinstance(other, str) and isinstance(books, bool) and (other in TIME_GOALS) != books:
            what = "books a time" if other in TIME_GOALS else "books no time"
            message = (f"{other!r} {what} and the goal {kind!r} " + ("does" if books else "does not") +
                       ": the kinds in also must book a time exactly when the goal does")
            yield scenario.doc.problem(("goal", "also", index), "invalid-goal", message)
    objections = value_at(goal, "requires", "objections")
    if kind == "complaint_recovered" and not (isinstance(objections, list) and objections):
        message = ("complaint_recovered needs the complaint in requires.objections (an objection of kind "
                   "complaint: acknowledged, its cause told, the cause explained, confirmed)")
        yield scenario.doc.problem(("goal", "kind"), "invalid-goal", message)


def _unshowable(scenario: CheckedDocument, persona: CheckedDocument, goal: dict[str, Any]) -> Iterator[Problem]:
    channel = scenario.data.get("channel")
    required = value_at(goal, "requires", "objections")
    if not isinstance(channel, str) or channel in SHOWING_CHANNELS or not isinstance(required, list):
        return
    objections = persona.data.get("objections")
    shown = {o.get("id") for o in objections if isinstance(o, dict) and value_at(o, "resolve", "show") is True} \
        if isinstance(objections, list) else set()
    for index, objection_id in enumerate(required):
        if objection_id in shown:
            message = (f"the goal needs the objection {objection_id!r} resolved, but its proof must be seen "
                       f"(resolve.show: true) and a {channel} customer cannot see the car: the goal can never be "
                       f"met (use channel showroom or video, or drop show)")
            yield scenario.doc.problem(("goal", "requires", "objections", index), "dead-goal", message)
