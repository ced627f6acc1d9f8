"""A customer who hears the objection steps already taken, and is strict about those missing.

Strong consultants acknowledge a worry and dig into it as soon as the customer hints at it, often
before the customer states it as an objection. Two rules make the four steps
(:mod:`.objection_steps`) hear that:

- **Steps before the raise.** When an objection is raised on turn t, the trainee's lines of
  turns ``t - PRE_RAISE_TURNS`` .. t that were on its subject are credited in order: the first
  empathy on the subject acknowledges it, a question digging into it at or after that empathy
  probes it (:data:`~.rulebook.PRE_RAISE_STEPS`). The customer then tells the cause with the
  raise, so what is credited is said. Each credited step keeps its own turn (``params["turn"]``).
- **A skipped probe.** Once acknowledged, targeted proof without a probe is heard: the probe is
  recorded as skipped (a silent ``objection-skipped`` beat; scoring counts it as missed) and the
  proof is accepted, for a little less trust (``SKIPPED_PROBE_TRUST``: it answers the worry as
  stated, not its cause). Proof with no acknowledgement at all, and a confirm before any proof,
  are still out of order.

"On the subject" is decided by the objection, never by an earlier empathy on something else:
the line's own topics meet the objection's (its ``topic`` and the
:data:`~.rulebook.OBJECTION_SUBJECT_TOPICS` of its kind), or it names its kind's
:data:`~.rulebook.OBJECTION_SUBJECT_CUES`. A line with no topic of its own, or only broad ones
(:data:`~.rulebook.BROAD_TOPICS`), is about what the customer last told
(``CustomerState.thread``): "I'd worry too" after the customer listed what frightens them.

The memory is part of the customer state (``recent_lines``, ``thread``), small and rebuilt by
the same lines on replay, so a replay gives the same result.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from simkit.content.model import Objection, Persona, Scenario
from simkit.engine import figures
from simkit.engine.beats import Beat
from simkit.engine.cues import contains_any, mentions
from simkit.engine.rulebook import (
    BROAD_TOPICS, OBJECTION_SUBJECT_CUES, OBJECTION_SUBJECT_TOPICS, PRE_RAISE_STEPS, PRE_RAISE_TURNS, STEP_TECHNIQUES,
)
from simkit.engine.state import CustomerState, ObjectionProgress, RecentLine
from simkit.understand import Analysis


TARGETED = "targeted"  # proof on the objection's point (proof_without_probe)


class Subjects:
    """Which of a persona's objections a line, or what the customer told, is about (built once)."""

    def __init__(self, persona: Persona, scenario: Scenario) -> None:
        self.persona = persona
        self._ask_topics = {ask.id: ask.topic for ask in scenario.asks}
        self._objections = []
        for objection in persona.objections:
            topics = frozenset((objection.topic, *OBJECTION_SUBJECT_TOPICS.get(objection.kind, ()))) - BROAD_TOPICS
            # Not the evidence cues: "a full safety package" is proof of value for a price worry,
            # yet "I understand, safety comes first" before it is empathy on another subject.
            cues = OBJECTION_SUBJECT_CUES.get(objection.kind, {})
            self._objections.append((objection.id, topics, cues))

    def of_line(self, analysis: Analysis, thread: tuple[str, ...]) -> tuple[str, ...]:
        """The ids of the objections whose subject the line is on."""
        own = set(analysis.topics) - BROAD_TOPICS
        topics = own or set(thread)  # a reply to what the customer just said is about that
        return tuple(oid for oid, on_topics, cues in self._objections
                     if not on_topics.isdisjoint(topics) or mentions(analysis.text, cues.get(analysis.lang, ())))

    def told(self, beats: list[Beat]) -> tuple[str, ...] | None:
        """The topics of what the customer said in ``beats`` (the last thing told), or None."""
        topics = None
        for beat in beats:
            line = beat.line
            if not line:
                continue
            if line[0] == "need":
                need = self.persona.need(line[1])
                topics = (need.topic, *need.reveal_topics)
            elif line[0] == "answer":
                topics = (line[1],)
            elif line[0] == "ask" and line[1] in self._ask_topics:  # the customer's own question
                topics = (self._ask_topics[line[1]],)
            elif line[0] == "objection":
                objection = self.persona.objection(line[1])
                topics = (objection.topic, *OBJECTION_SUBJECT_TOPICS.get(objection.kind, ()))
        return topics


def remember(subjects: Subjects, state: CustomerState, tech: set[str], analysis: Analysis) -> None:
    """Keep this turn's line if it could acknowledge or probe a worry it is on; forget old lines."""
    kept = [line for line in state.recent_lines if line.turn >= state.turn - PRE_RAISE_TURNS]
    steps = tuple(step for step, techniques in PRE_RAISE_STEPS.items() if not tech.isdisjoint(techniques))
    if steps and (on := subjects.of_line(analysis, state.thread)):
        kept.append(RecentLine(turn=state.turn, steps=steps, on=on))
    state.recent_lines = kept


def forget_this_turn(state: CustomerState) -> None:
    """This turn's line worked on an open objection: it is no step of another one."""
    state.recent_lines = [line for line in state.recent_lines if line.turn != state.turn]


def after_turn(subjects: Subjects, state: CustomerState, beats: list[Beat]) -> None:
    """What the customer said this turn is the thread the next topicless line is about."""
    told = subjects.told(beats)
    if told is not None:
        state.thread = told


def credit_before_raise(state: CustomerState, objection: Objection, progress: ObjectionProgress,
                        step_beat: Callable[[CustomerState, Objection, str], Beat]) -> list[Beat]:
    """The steps the last few lines took on ``objection``, raised this turn, credited in order.

    ``step_beat(state, objection, step)`` is the step's beat (:func:`.objection_steps.step_beat`);
    the acknowledgement is recorded silently, a probe speaks the cause beside the raise.
    """
    window = [line for line in state.recent_lines
              if line.turn >= state.turn - PRE_RAISE_TURNS and objection.id in line.on]
    ack = next((line for line in window if "acknowledged" in line.steps), None)
    if ack is None:
        return []
    probe = next((line for line in window if line.turn >= ack.turn and "probed" in line.steps), None)
    credited = [("acknowledged", ack)] + ([("probed", probe)] if probe is not None else [])
    beats = []
    for step, line in credited:
        progress.steps.append(step)
        beat = step_beat(state, objection, step)
        beats.append(dataclasses.replace(beat, params={**beat.params, "turn": line.turn}))
    used = {line.turn for _, line in credited}
    state.recent_lines = [line for line in state.recent_lines if line.turn not in used]
    return [b.silenced() for b in beats[:-1]] + [beats[-1] if probe is not None else beats[-1].silenced()]


def proof_without_probe(persona: Persona, objection: Objection, tech: set[str], text: str,
                        analysis: Analysis) -> tuple[str | None, float | None]:
    """What proof offered right after the acknowledgement, with no probe, does.

    Returns ``(TARGETED, None)`` when it names the objection's evidence cues or a figure that
    agrees (the probe is skipped, the proof heard), ``(figures.CONTRADICTS, amount)`` when its
    number proves the opposite, else ``(None, None)`` (no proof, or proof off the point: the
    probe is still missing).
    """
    if not tech.isdisjoint(STEP_TECHNIQUES["probed"]) or tech.isdisjoint(STEP_TECHNIQUES["evidence"]):
        return None, None
    verdict, amount = figures.read_evidence(objection, persona, analysis)
    if verdict == figures.CONTRADICTS:
        return verdict, amount
    if verdict == figures.AGREES or contains_any(text, objection.evidence_cues.get(analysis.lang, ())):
        return TARGETED, None
    return None, None


def skip_beat(objection: Objection, step: str) -> Beat:
    """The silent record of a step the customer let pass (scoring shows it as missed)."""
    return Beat(kind="objection_skip", rule="objection-skipped", params={"objection": objection.id, "step": step})
