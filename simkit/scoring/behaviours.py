"""Behaviours a scenario's pass rules can name: the good ones it requires or counts for
excellence, and the acts it forbids.

Each entry is a small function of the conversation's :class:`~simkit.scoring.observe.Observations`
returning a :class:`~simkit.scoring.scorecard.Finding`: whether it happened and on which turns.
A behaviour that cannot happen in a scenario (such as answering the customer's questions when
the customer asks none) counts as shown.

In a scenario file::

    scoring:
      required: [greeting, goal_needs]     # every one must be shown to pass
      forbidden: [false_guarantee]         # any one fails the attempt, whatever the points
      excellence: [deep_need, first_close] # counted for the higher tiers
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from simkit.content.scoring_defaults import BEHAVIOURS as NAMED_BEHAVIOURS
from simkit.scoring.acts import PRESSURE_ACTS
from simkit.scoring.observe import Observations
from simkit.scoring.scorecard import Finding

if TYPE_CHECKING:  # pragma: no cover
    from simkit.scoring.conversation import Conversation
    from simkit.scoring.rubric import Rubric

Detector = Callable[["Conversation", Observations, "Rubric"], tuple[bool, tuple[int, ...]]]



def _turns(values) -> tuple[int, ...]:
    return tuple(sorted(set(values)))


def _greeting(conv, obs, rubric):
    return obs.greeting_turn is not None, _turns([obs.greeting_turn] if obs.greeting_turn else [])


def _questions_of(kind):
    def detect(conv, obs, rubric):
        turns = _turns(q.turn for q in obs.questions if q.type == kind)
        return bool(turns), turns
    return detect


def _funnel_order(conv, obs, rubric):
    if not obs.questions:
        return False, ()
    first = obs.questions[0]
    return first.type == "open_question", (first.turn,)


def _deep_need(conv, obs, rubric):
    deep = {n.id for n in conv.persona.needs if n.depth == "deep"}
    turns = _turns(t for need, (t, _) in obs.needs_found.items() if need in deep)
    return bool(turns) or not deep, turns


def _needs(which):
    def detect(conv, obs, rubric):
        if which == "goal":
            wanted = list(conv.scenario.goal.needs)
        else:
            wanted = [n.id for n in conv.persona.needs if which == "all" or n.depth == "deep"]
        turns = _turns(obs.needs_found[n][0] for n in wanted if n in obs.needs_found)
        return all(n in obs.needs_found for n in wanted), turns
    return detect


def _empathy(conv, obs, rubric):
    return bool(obs.empathy_turns), _turns(obs.empathy_turns)


def _empathy_on_feeling(conv, obs, rubric):
    moments = obs.answerable_feelings
    shown = [turn for f in moments if (turn := obs.empathy_for(f)) is not None]
    return bool(moments) and len(shown) == len(moments), _turns(shown)


def _objections_resolved(conv, obs, rubric):
    turns = _turns(t for o in obs.objections for t in o.steps.values())
    return bool(obs.objections) and all(o.resolved for o in obs.objections), turns


def _clean_objections(conv, obs, rubric):
    resolved, turns = _objections_resolved(conv, obs, rubric)
    clean = all(not o.out_of_order and not o.skipped and not o.off_target and not o.pushes for o in obs.objections)
    return resolved and clean, turns


def _answered_questions(conv, obs, rubric):
    turns = _turns(a.answered for a in obs.asks if a.answered)
    return all(a.answered for a in obs.asks), turns


def _goal_met(conv, obs, rubric):
    success = conv.outcome["status"] == "success"
    return success, (conv.outcome["turn"],) if success else ()


def _first_close(conv, obs, rubric):
    met, turns = _goal_met(conv, obs, rubric)
    return met and not obs.failed_closes, turns


def _no_interrogation(conv, obs, rubric):
    return bool(obs.questions) and not obs.interrogations, ()


def _listening(conv, obs, rubric):
    trainee = sum(obs.trainee_words)
    total = trainee + obs.listener_words
    if not trainee:
        return False, ()
    return trainee * 100 <= rubric.limits["talk_share_target"] * total, ()


def _quick_first_reply(conv, obs, rubric):
    if not obs.delays:
        return False, ()
    turn, seconds = obs.delays[0]
    return seconds is not None and seconds <= rubric.limits["first_reply_seconds"], (turn,)


def _quick_replies(conv, obs, rubric):
    if not obs.delays:
        return False, ()
    late = [t for t, s in obs.delays if s is None or s > _limit(rubric, t)]
    return not late, _turns(t for t, _ in obs.delays if t not in late)


def _limit(rubric, turn: int) -> int:
    return rubric.limits["first_reply_seconds"] if turn == 1 else rubric.limits["reply_seconds"]


def _recommend_on_needs(conv, obs, rubric):
    return bool(obs.recommendations), _turns(obs.recommendations)


#: Good behaviours, for ``required`` and ``excellence``.
BEHAVIOURS: dict[str, Detector] = {
    "greeting": _greeting,
    "open_question": _questions_of("open_question"),
    "funnel_order": _funnel_order,
    "probe": _questions_of("probe"),
    "deep_need": _deep_need,
    "all_deep_needs": _needs("deep"),
    "goal_needs": _needs("goal"),
    "all_needs": _needs("all"),
    "empathy": _empathy,
    "empathy_on_feeling": _empathy_on_feeling,
    "objections_resolved": _objections_resolved,
    "clean_objection_handling": _clean_objections,
    "answered_questions": _answered_questions,
    "goal_met": _goal_met,
    "first_close": _first_close,
    "no_interrogation": _no_interrogation,
    "listening": _listening,
    "quick_first_reply": _quick_first_reply,
    "quick_replies": _quick_replies,
    "recommend_on_needs": _recommend_on_needs,
}

assert tuple(BEHAVIOURS) == NAMED_BEHAVIOURS, "a behaviour is detected here but not named in scoring_defaults"


def find_behaviour(behaviour: str, conv: Conversation, obs: Observations, rubric: Rubric) -> Finding:
    """Whether the good behaviour ``behaviour`` was shown, and on which turns."""
    met, turns = BEHAVIOURS[behaviour](conv, obs, rubric)
    return Finding(id=behaviour, met=bool(met), turns=tuple(turns))


def find_act(act: str, obs: Observations) -> Finding:
    """Whether the forbidden act ``act`` was committed, and on which turns."""
    kinds = PRESSURE_ACTS if act == "pressure" else (act,)
    turns = _turns(a.turn for a in obs.acts if a.kind in kinds)
    return Finding(id=act, met=bool(turns), turns=turns)
