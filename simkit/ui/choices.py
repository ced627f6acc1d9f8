"""Choice mode for beginners: three or four candidate lines at each turn, one strong.

A scenario may write its own candidates per stage (``choices:`` in its file, see
docs/authoring.md). Where the current stage has none of a kind, they are built from the
scenario and the persona (the needs' topics, the next step of an open objection, the goal) and
the model lines of :mod:`simkit.i18n` (``model.*``):

- **strong**: the move a good consultant makes next: greet, answer the customer's question,
  take an open objection one step further, ask about (or probe) a need not found yet, then
  recommend and ask for the goal once its conditions hold;
- **weak**: plausible but weak (a closed question, a feature pitch, a filler);
- **harmful**: pressure, a false guarantee or a discount before the value is shown.

They are a pure function of the session's scenario, seed, language and turns so far: the
order is shuffled by a ``random.Random`` of its own (never the session's, whose draws decide
the customer's lines), so a replay of the chosen lines gives the same conversation.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from simkit import i18n
from simkit.understand import analyze

if TYPE_CHECKING:  # pragma: no cover
    from simkit.engine import Session

KINDS = ("strong", "weak", "harmful")

WEAK_LINES: dict[str, tuple[str, ...]] = {
    "zh": ("您是要自动挡的吗？", "这台车配置很高，发动机也很好。", "好的，您随便看看。", "这款车卖得特别好，很多人买。"),
    "en": ("Are you looking for an automatic?", "This one has great features and a strong engine.",
           "Okay, have a look around.", "This model sells really well, lots of people buy it."),
}
HARMFUL_LINES: dict[str, tuple[str, ...]] = {
    "zh": ("今天不定就没这个价了，赶紧交钱吧。", "我保证这车绝对没有任何问题。", "我直接给您再便宜五千吧。"),
    "en": ("This price is only for today, you have to decide now.", "I guarantee there is nothing wrong with this car.",
           "I can knock 5,000 off right now."),
}


@dataclass(frozen=True)
class Choice:
    """One candidate line: its text in the session's language and how good it is (:data:`KINDS`)."""

    text: str
    kind: str


def candidates(session: Session) -> tuple[Choice, ...]:
    """The candidate lines for the session's next turn, in a seeded order (empty once it ended)."""
    if session.done:
        return ()
    lang = session.lang
    turn = len(session.transcript.turns) + 1
    rng = random.Random(f"choices:{session.scenario.id}:{session.seed}:{lang}:{turn}")
    own = authored(session)
    fresh = [line for line in own["strong"] if line not in {t.trainee for t in session.transcript.turns}]
    # An authored strong line for the stage, unless a question waits for its answer first.
    strong = fresh[0] if fresh and not _waiting_question(session) else strong_line(session)
    weak = own["weak"] or [line for line in WEAK_LINES[lang] if line != strong]
    harmful = own["harmful"] or HARMFUL_LINES[lang]
    picks = [Choice(strong, "strong"),
             *(Choice(line, "weak") for line in rng.sample(weak, min(len(weak), 2 if turn % 2 else 1))),
             Choice(rng.choice(harmful), "harmful")]
    rng.shuffle(picks)
    return tuple(picks)


def authored(session: Session) -> dict[str, list[str]]:
    """The scenario's own candidate lines for the current stage (``choices:`` in its file), by kind."""
    lines = session.scenario.choices.get(session.view.stage, ())
    return {kind: [says[session.lang] for k, says in lines if k == kind] for kind in KINDS}


def _waiting_question(session: Session) -> bool:
    turns = session.transcript.turns
    beats = turns[-1].beats if turns else session.transcript.opening_beats
    return any(b.get("kind") == "ask" for b in beats)


def strong_line(session: Session) -> str:
    """The next good move, from what the trainee can see (the customer view and the turns so far)."""
    lang = session.lang
    scenario, persona = session.scenario, session.persona
    turns = session.transcript.turns
    said = {t.trainee for t in turns}
    last_beats = turns[-1].beats if turns else session.transcript.opening_beats
    ask = next((b for b in last_beats if b.get("kind") == "ask"), None)
    answer = ""
    if ask is not None:
        ask_id = (ask.get("params") or {}).get("ask")
        asked = next((a for a in scenario.asks if a.id == ask_id), None)
        key = f"model.answer.{asked.topic if asked else 'other'}"
        answer = asked.answer[lang] if asked is not None and asked.answer else \
            _say(key if key in i18n.MESSAGES else "model.answer.other", lang)
    if not turns:  # greet first, answering a question the opening asked
        key = f"model.greeting.{scenario.channel}"
        greeting = _say(key if key in i18n.MESSAGES else "model.greeting.showroom", lang)
        return f"{greeting}{'' if lang == 'zh' else ' '}{answer}" if answer else greeting
    if answer:
        return answer
    countered = next((b for b in last_beats if b.get("rule") == "time-countered"), None)
    if countered is not None:  # the customer proposed another time: take it
        return _say("model.accept-time", lang, time=countered["params"]["time"])
    view = session.view
    for objection in view.objections:
        if objection.status == "open" and objection.next_step:
            if objection.next_step == "evidence":
                return proof_line(persona.objection(objection.id), lang)
            return _say(f"model.step.{objection.next_step}", lang)
    found = {n.id for n in view.needs if n.found}
    missing = [n for n in persona.needs if n.id not in found]
    for need in sorted(missing, key=lambda n: (n.depth == "deep", -n.importance)):
        topic = need.reveal_topics[0] if need.reveal_topics else need.topic
        if need.depth == "deep" and view.trust.value < need.min_trust:
            line = _say("model.empathy.need", lang)
        else:
            line = _say(f"model.{'probe' if need.depth == 'deep' else 'open'}.{topic}", lang)
        if line not in said:
            return line
    goal = scenario.goal
    if goal.decision_maker and persona.decision_maker is not None:  # the goal needs the second decision maker
        rules = {b.get("rule") for t in turns for b in t.beats}
        if "decision-maker-told" not in rules and "decision-maker-involved" not in rules:
            line = _say("model.open.decision_maker", lang)
            if line not in said:
                return line
        if goal.decision_maker == "involved" and "decision-maker-involved" not in rules:
            return _say("model.involve-decision-maker", lang)
    recommend = _say("model.recommend", lang)
    if recommend not in said or view.interest.value < goal.min_interest:
        return recommend
    if view.trust.value < goal.min_trust:
        return _say("model.empathy.objection", lang)
    return _say(f"model.close.{goal.kind}", lang)


def proof_line(objection, lang: str) -> str:
    """The evidence step naming the persona's own proof: the first cue that reads as evidence only."""
    lines = [_say("model.step.evidence", lang, proof=cue) for cue in objection.evidence_cues.get(lang, ())]
    for line in lines:
        techniques = analyze(line, lang=lang).techniques
        if "evidence" in techniques and not {"close", "concession", "pressure"} & set(techniques):
            return line
    return lines[0] if lines else _say("model.step.evidence", lang, proof=i18n.text("model.proof-default", lang))


def _say(key: str, lang: str, **values: object) -> str:
    return i18n.text(key, lang, **values)
