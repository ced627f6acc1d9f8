"""What the customer says to a question that revealed no need: an answer on the topic asked.

A question on a topic gets an answer on that topic. When no need comes out (the wrong kind of
question, not enough trust, nothing left on that topic), the customer still answers what was
asked, in the order below, and never with another topic's need:

1. trust too low for the need the question aimed at: a deflection (``too_early``);
2. the persona's short truthful answer on the topic (``answers:`` in the persona file), which
   tells no need, so it credits nothing;
3. a topic asked whose need the customer already told: "I told you that" (``nothing_new``), only then;
4. a closed question: a short answer; anything else: "nothing in particular".
"""

from __future__ import annotations

from simkit.content.model import Need, Persona
from simkit.engine.beats import Beat
from simkit.engine.rulebook import CLOSED_ONLY, TOPIC_SALIENCE
from simkit.engine.state import CustomerState

_SALIENCE = {topic: i for i, topic in enumerate(TOPIC_SALIENCE)}
_ANY = len(TOPIC_SALIENCE)


def topic_fit(need: Need, topics: tuple[str, ...]) -> int:
    """How well ``need`` fits a question on ``topics``: 0 when the question is on the need's own
    topic, 1 when it only shares one of the need's ``reveal_topics`` (lower is better)."""
    return 0 if need.topic in topics else 1


def answer_beat(persona: Persona, state: CustomerState, asked: set[str], topics: tuple[str, ...],
                blocked: tuple[str, dict] | None) -> Beat:
    """The beat for a question (techniques ``asked`` on ``topics``) that revealed no need.

    Args:
        persona: the customer.
        state: the customer's state (which needs were told).
        asked: the question techniques of the line.
        topics: the topics the question asks (:func:`simkit.engine.asked.asked_topics`), in label order.
        blocked: ``(rule, params)`` when a need on these topics was held back, else None.
    """
    if blocked is not None and blocked[0] == "need-needs-trust":
        rule, params = blocked
        return Beat(kind="react", rule=rule, params=params, line=("reaction", "too_early"))
    topic = min((t for t in topics if t in persona.answers), key=lambda t: _SALIENCE.get(t, _ANY), default=None)
    if topic is not None:
        rule, params = blocked if blocked is not None else ("topic-answer", {})
        return Beat(kind="answer", rule=rule, params={**params, "topic": topic}, line=("answer", topic))
    if blocked is not None:  # a deep need held back, and nothing else to say on the topic
        rule, params = blocked
        return Beat(kind="react", rule=rule, params=params, line=("reaction", "too_early"))
    told = {persona.need(n).topic for n in state.needs_revealed}
    if told.intersection(topics):  # "I told you" only about what was told, never for a broad question
        return Beat(kind="react", rule="nothing-new", line=("reaction", "nothing_new"))
    if asked == CLOSED_ONLY:
        return Beat(kind="react", rule="closed-answer", line=("reaction", "short_answer"))
    return Beat(kind="react", rule="nothing-to-tell", line=("reaction", "nothing_particular"))
