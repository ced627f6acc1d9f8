"""Observations: the facts of a replayed conversation that dimensions and pass rules judge.

Read once from the turns' analyses and beats, then shared: the questions asked, the needs found
or blocked, how far each objection got, the moments the customer showed a feeling, the acts a
trainer must see (pressure, premature discounts, personal data, ignored questions), the words
each side said and the reply delays.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from simkit.content.model import OBJECTION_STEPS
from simkit.scoring.acts import PRESSURE_ACTS, asks_personal_data, pressure_kind
from simkit.scoring.conversation import Conversation
from simkit.scoring.integrity import TimeReview, review_times
from simkit.understand.matching import HAN_CHARS


@dataclass(frozen=True, kw_only=True)
class Question:
    """A question the trainee asked: its turn, its type and its topics."""

    turn: int
    type: str
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Blocked:
    """A need a question aimed at but the customer kept to themselves (the last such turn)."""

    turn: int
    rule: str  # need-needs-trust | need-needs-probe
    params: dict


@dataclass
class ObjectionTrack:
    """How one objection went.

    Attributes:
        id, kind: the persona's objection.
        required: the scenario's goal needs it resolved.
        raised: the turn the customer raised it, or None.
        steps: step name -> the turn of the line that achieved it (a step heard just before the
            raise keeps its own, earlier turn: :mod:`simkit.engine.objection_flow`).
        skipped: step name -> the turn the customer let it pass (a probe skipped by targeted
            proof right after the acknowledgement); missed, yet the steps after it count.
        out_of_order: ``(turn, missing step)`` for each later step tried too early.
        off_target: turns whose evidence did not address the objection.
        pushes: ``(turn, act)`` for pressure or a discount before its evidence step.
    """

    id: str
    kind: str
    required: bool
    raised: int | None = None
    steps: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    out_of_order: list[tuple[int, str]] = field(default_factory=list)
    off_target: list[int] = field(default_factory=list)
    pushes: list[tuple[int, str]] = field(default_factory=list)

    @property
    def resolved(self) -> bool:
        """As the engine has it (``ObjectionProgress.resolved``): every step done or let pass."""
        return len(self.steps) + len(self.skipped) == len(OBJECTION_STEPS)


@dataclass(frozen=True)
class Feeling:
    """A moment the customer showed a feeling: an objection or a deep (emotional) need.

    ``answered`` is the turn of an empathy heard before the feeling was voiced: an objection
    acknowledged just before its raise (:mod:`simkit.engine.objection_flow`) was met already.
    """

    turn: int
    kind: str  # objection | need
    id: str
    answered: int | None = None


@dataclass(frozen=True)
class Act:
    """Something the trainee did that compliance and the pass rules care about."""

    turn: int
    kind: str  # false_guarantee | belittling | false_urgency | pressure | premature_discount |
    #            personal_data | ignored_question | pitch_before_needs
    detail: str = ""


@dataclass(frozen=True, kw_only=True)
class AskTrack:
    """How one of the scenario's questions (a :class:`simkit.content.Ask`) went: when the
    customer asked it, and whether and when the trainee answered it."""

    id: str
    topic: str
    asked: int  # the turn after which it was asked (0 = in the opening)
    answered: int | None
    ignored: int | None


@dataclass(frozen=True)
class Observations:
    """Everything the scorer reads from one conversation."""

    questions: tuple[Question, ...]
    needs_found: dict[str, tuple[int, dict]]  # need id -> (turn, beat params), in turn order
    needs_blocked: dict[str, Blocked]
    objections: tuple[ObjectionTrack, ...]  # raised ones in raise order, then unraised required ones
    feelings: tuple[Feeling, ...]
    empathy_turns: tuple[int, ...]
    greeting_turn: int | None  # the greeting that counted (within the first two turns)
    greeted_late: int | None  # a greeting after that
    acts: tuple[Act, ...]
    interrogations: tuple[tuple[int, int], ...]  # (turn, closed questions in a row)
    asks: tuple[AskTrack, ...]
    failed_closes: tuple[tuple[int, str], ...]  # (turn, what was missing)
    vague_closes: tuple[int, ...]  # turns of a ready customer asking "which day, what time?"
    relevant_pitches: tuple[int, ...]  # turns whose presentation answered a known need
    recommendations: tuple[int, ...]  # turns with a recommendation tied to known needs
    trainee_words: tuple[int, ...]  # per turn
    customer_words: tuple[int, ...]  # per turn
    opening_words: int
    # (turn, whole seconds since the customer's last line), None when the time cannot be judged
    # (not recorded live, a failed check: see simkit.scoring.integrity)
    delays: tuple[tuple[int, int | None], ...]
    times: TimeReview  # the checked timestamps and why any reply time cannot be judged
    # The talk did some work: a need found, an objection step taken or the goal met. Without
    # it, a short talk's listening share and rapport show no skill (simkit.scoring.dimensions).
    work_done: bool = True
    unclear_turns: tuple[int, ...] = ()  # lines the analyzer could not read: recorded, not penalised

    @property
    def listener_words(self) -> int:
        """Everything the customer said: the opening and every reply."""
        return sum(self.customer_words) + self.opening_words

    @property
    def answerable_feelings(self) -> tuple[Feeling, ...]:
        """The feelings the trainee had a next turn to answer (with empathy, ideally)."""
        return tuple(f for f in self.feelings if f.answered is not None or f.turn + 1 <= len(self.trainee_words))

    def empathy_for(self, feeling: Feeling) -> int | None:
        """The turn the trainee met ``feeling`` with empathy (the next line, or before it), or None."""
        if feeling.answered is not None:
            return feeling.answered
        return feeling.turn + 1 if feeling.turn + 1 in self.empathy_turns else None


_CJK = re.compile(f"[{HAN_CHARS}]+")  # runs of Chinese characters
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")


# Every beat rule the loop in observe() looks at; other beats are skipped at once.
_OBSERVED_RULES = frozenset({
    "need-revealed", "need-needs-trust", "need-needs-probe", "objection-raised",
    *(f"objection-{step}" for step in OBJECTION_STEPS), "objection-out-of-order", "objection-skipped",
    "evidence-off-target",
    "interrogation", "discount-premature", "present-before-needs", "present-relevant", "close-not-ready",
    "ask-answered", "ask-ignored", "ask", "unclear", "time-needed", "time-needs-hour",
})


def count_words(text: str) -> int:
    """Words in ``text``: each Chinese character counts as one, as does each Latin word or number."""
    chinese = 0 if text.isascii() else sum(map(len, _CJK.findall(text)))  # runs, not one match a character
    return chinese + len(_WORD.findall(text))


def observe(conv: Conversation) -> Observations:
    """Read the observations of a replayed conversation."""
    persona, goal = conv.persona, conv.scenario.goal
    times = review_times(conv.started_at, [(t.n, t.text, t.at, t.chosen) for t in conv.turns], times=conv.times)
    deep = {n.id for n in persona.needs if n.depth == "deep"}
    questions: list[Question] = []
    found: dict[str, tuple[int, dict]] = {}
    blocked: dict[str, Blocked] = {}
    tracks: dict[str, ObjectionTrack] = {}
    feelings: list[Feeling] = []
    acts: list[Act] = []
    interrogations: list[tuple[int, int]] = []
    failed: list[tuple[int, str]] = []
    vague: list[int] = []
    relevant: list[int] = []
    recommended: list[int] = []
    empathy_turns: list[int] = []
    unclear: list[int] = []
    greeting_turn = greeted_late = None
    asked_at: dict[str, int] = {}
    answered: dict[str, int] = {}
    ignored: dict[str, int] = {}
    pending = [b.params["ask"] for b in conv.opening_beats if b.rule == "ask"]
    for ask_id in pending:
        asked_at[ask_id] = 0
    for objection in persona.objections:  # tracked from the start: a discount may come before it is raised
        _track(tracks, persona, goal, objection.id)

    for turn in conv.turns:
        n = turn.n
        techniques = turn.techniques
        first_act = len(acts)  # the acts of this turn are appended from here on
        data = asks_personal_data(turn.text, is_question=turn.is_question)
        question_type = turn.question_type
        if question_type and not data:  # a demand for an ID number is no needs question
            questions.append(Question(turn=n, type=question_type, topics=turn.topics))
        if "greeting" in techniques:
            if turn.beat("greeting") and greeting_turn is None:
                greeting_turn = n
            elif greeting_turn is None and greeted_late is None and n > 2:
                greeted_late = n
        if "empathy" in techniques:
            empathy_turns.append(n)
        if "pressure" in techniques:
            acts.append(Act(n, pressure_kind(turn.text)))
        if data:
            acts.append(Act(n, "personal_data", data))
        for beat in turn.beats:
            rule, params = beat.rule, beat.params
            if rule not in _OBSERVED_RULES:  # most beats (fillers, greetings, ...) say nothing here
                continue
            if rule == "need-revealed":
                found.setdefault(params["need"], (n, params))
                if params["need"] in deep:
                    feelings.append(Feeling(n, "need", params["need"]))
            elif rule in ("need-needs-trust", "need-needs-probe"):
                blocked[params["need"]] = Blocked(n, rule, params)
            elif rule == "objection-raised":
                track = _track(tracks, persona, goal, params["objection"])
                track.raised = n
                feelings.append(Feeling(n, "objection", track.id))
            elif rule.startswith("objection-") and rule[len("objection-"):] in OBJECTION_STEPS:
                step_turn = int(params.get("turn", n))  # a step heard before the raise keeps its turn
                _track(tracks, persona, goal, params["objection"]).steps.setdefault(rule[len("objection-"):], step_turn)
                if rule == "objection-acknowledged" and "turn" in params:  # the worry was met before it was voiced
                    feelings[:] = [dataclasses.replace(f, answered=step_turn) if (f.turn, f.kind, f.id)
                                   == (n, "objection", params["objection"]) else f for f in feelings]
            elif rule == "objection-skipped":
                _track(tracks, persona, goal, params["objection"]).skipped.setdefault(params["step"], n)
            elif rule == "objection-out-of-order":
                _track(tracks, persona, goal, params["objection"]).out_of_order.append((n, params["missing"]))
            elif rule == "evidence-off-target":
                _track(tracks, persona, goal, params["objection"]).off_target.append(n)
            elif rule == "interrogation":
                interrogations.append((n, int(params.get("count", 0))))
            elif rule == "discount-premature":
                acts.append(Act(n, "premature_discount"))
            elif rule == "present-before-needs":
                acts.append(Act(n, "pitch_before_needs"))
            elif rule == "present-relevant":
                relevant.append(n)
                if turn.has("recommend"):
                    recommended.append(n)
            elif rule == "close-not-ready":
                failed.append((n, str(params.get("missing", ""))))
            elif rule in ("time-needed", "time-needs-hour"):
                vague.append(n)
            elif rule == "ask-answered":
                ask_id = _pending_id(pending)
                if ask_id:
                    answered[ask_id] = n
            elif rule == "ask-ignored":
                ask_id = _pending_id(pending)
                if ask_id:
                    ignored[ask_id] = n
                acts.append(Act(n, "ignored_question", str(params.get("topic", ""))))
            elif rule == "ask":
                pending.append(params["ask"])
                asked_at[params["ask"]] = n
            elif rule == "unclear":
                unclear.append(n)
        if len(acts) > first_act:
            _note_pushes(tracks, n, turn.beats, acts[first_act:])

    for objection_id in goal.objections:
        _track(tracks, persona, goal, objection_id)
    order = [o.id for o in persona.objections]
    counted = [t for t in tracks.values() if t.raised is not None or t.required]
    ordered = sorted(counted, key=lambda t: (t.raised is None, t.raised or 0,
                                             order.index(t.id) if t.id in order else len(order)))
    asks = tuple(
        AskTrack(id=a.id, topic=a.topic, asked=asked_at[a.id], answered=answered.get(a.id), ignored=ignored.get(a.id))
        for a in conv.scenario.asks if a.id in asked_at
    )
    return Observations(
        questions=tuple(questions),
        needs_found=found,
        needs_blocked=blocked,
        objections=tuple(ordered),
        feelings=tuple(feelings),
        empathy_turns=tuple(empathy_turns),
        greeting_turn=greeting_turn,
        greeted_late=greeted_late,
        acts=tuple(acts),
        interrogations=tuple(interrogations),
        asks=asks,
        failed_closes=tuple(failed),
        vague_closes=tuple(vague),
        relevant_pitches=tuple(relevant),
        recommendations=tuple(recommended),
        trainee_words=tuple(count_words(t.text) for t in conv.turns),
        customer_words=tuple(count_words(t.customer) for t in conv.turns),
        opening_words=count_words(conv.opening),
        delays=_judged_delays(times),
        times=times,
        work_done=bool(found) or any(t.steps for t in tracks.values())
        or (conv.outcome or {}).get("status") == "success",
        unclear_turns=tuple(unclear),
    )


def _track(tracks: dict[str, ObjectionTrack], persona, goal, objection_id: str) -> ObjectionTrack:
    if objection_id not in tracks:
        kind = next((o.kind for o in persona.objections if o.id == objection_id), "")
        tracks[objection_id] = ObjectionTrack(objection_id, kind, objection_id in goal.objections)
    return tracks[objection_id]


def _note_pushes(tracks: dict[str, ObjectionTrack], n: int, beats, acts: list[Act]) -> None:
    """Pressure or a discount before an objection's evidence step counts against that objection.

    Pressure counts from the turn the objection is raised; a premature discount counts against a
    price objection even before it is raised (the discount came before any value was shown).
    """
    pushes = [a.kind for a in acts if a.kind in (*PRESSURE_ACTS, "premature_discount")]
    if not pushes:
        return
    for track in tracks.values():
        if "evidence" in track.steps and track.steps["evidence"] <= n:
            continue
        for kind in pushes:
            raised = track.raised is not None and track.raised <= n
            if raised or (kind == "premature_discount" and track.kind == "price"):
                track.pushes.append((n, kind))


def _pending_id(pending: list[str]) -> str | None:
    return pending.pop(0) if pending else None


def _judged_delays(times: TimeReview) -> tuple[tuple[int, int | None], ...]:
    """Whole seconds from the customer's last line to each trainee line, where they can be judged."""
    if times.unjudged_reason is not None:
        return tuple((n, None) for n, _ in times.delays)
    return tuple((n, None if seconds is None or times.too_fast(n) else int(seconds)) for n, seconds in times.delays)
