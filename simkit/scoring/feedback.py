"""Feedback a trainee can act on: the most valuable improvements, each with a better line.

Every point lost in the scorecard becomes a candidate improvement worth the points it lost;
a forbidden act outranks them all (it fails the attempt whatever the points), then the costly
mistakes a trainer names first (:data:`COSTLY`: pressure, a premature discount, an ignored
question, prying), then the rest by points. Candidates of the same kind are merged (the
costliest one stays), then the top three are kept, ties broken by turn and code so the order
never changes between runs.

The better line comes from the persona's own data when it can (the topic that would have
revealed a missed need, the proof that answers the persona's objection) and from a model
answer otherwise; both live in :mod:`simkit.i18n` under ``model.*`` in Chinese and English.
A better line is never one the trainee already said (another is chosen, or none), and a line
that says "you mentioned ..." is offered only about what the customer did mention.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools

from simkit import i18n
from simkit.labels import LANGS
from simkit.scoring.acts import PRESSURE_ACTS
from simkit.scoring.scorecard import Dimension, Improvement, Verdict

TOP = 3

# Evidence reason -> improvement code (None: a consequence of other items, not advice of its own).
REASON_CODES: dict[str, str | None] = {
    "need-missed": "ask-need",
    "need-held-back-probe": "probe-deep-need",
    "need-held-back-trust": "earn-trust-first",
    "no-questions": "ask-open",
    "no-open-question": "ask-open",
    "funnel-narrow-first": "funnel-broad-first",
    "no-probe": "probe",
    "closed-run": "break-closed-run",
    "step-missing": "objection-step",
    "step-skipped": "objection-step",
    "step-not-reached": "objection-step",
    "step-off-target": "objection-evidence",
    "probe-skipped": "probe-objection",
    "objection-never-raised": "draw-out-objection",
    "push-before-evidence": "evidence-before-discount",
    "no-greeting": "greet",
    "greeted-late": "greet",
    "empathy-missed": "show-empathy",
    "talk-share": "listen-more",
    "act-false-guarantee": "avoid-false-guarantee",
    "act-belittling": "avoid-belittling",
    "act-false-urgency": "avoid-false-urgency",
    "act-pressure": "avoid-pressure",
    "act-personal-data": "avoid-personal-data",
    "first-reply-late": "reply-faster",
    "reply-late": "reply-faster",
    "unfinished": "ask-for-goal",
}
DEFEAT_CODES = {"pushed_to_close": "close-when-ready", "ignored": "answer-question",
                "not_listened_to": "ask-before-pitching", "out_of_time": "ask-for-goal",
                "lost_interest": "ask-for-goal"}
ACT_CODES = {"pressure": "avoid-pressure", "false_guarantee": "avoid-false-guarantee",
             "belittling": "avoid-belittling", "false_urgency": "avoid-false-urgency",
             "premature_discount": "avoid-premature-discount", "personal_data": "avoid-personal-data",
             "ignored_question": "answer-question", "pitch_before_needs": "ask-before-pitching"}
ACT_DIMENSIONS = {"premature_discount": "objections", "ignored_question": "rapport", "pitch_before_needs": "needs"}
# The mistakes a trainer names before any missed point, most costly first, when they drove the
# customer away or came more than once (one slip is weighed by its points like the rest), and a
# premature discount at once: money given away is not taken back.
COSTLY = ("avoid-false-guarantee", "avoid-belittling", "avoid-false-urgency", "avoid-pressure",
          "avoid-premature-discount", "evidence-before-discount", "answer-question", "avoid-personal-data")
ONE_SLIP_COSTLY = frozenset({"avoid-premature-discount"})
PRESSURE_CODES = frozenset({"avoid-false-guarantee", "avoid-belittling", "avoid-false-urgency", "avoid-pressure"})
DEFEAT_MISTAKES = {"pressured": PRESSURE_CODES, "lost_trust": {"avoid-premature-discount", "evidence-before-discount"},
                   "ignored": {"answer-question"}, "privacy": {"avoid-personal-data"}}


def improvements(conv, obs, dimensions: tuple[Dimension, ...], verdict: Verdict) -> tuple[Improvement, ...]:
    """The most valuable improvements (at most three), most valuable first."""
    candidates: list[tuple[bool, Improvement]] = []
    for finding in verdict.forbidden:
        if finding.met:
            kind = finding.id
            if kind == "pressure":  # advise on the kind of pressure it was
                kind = next(a.kind for a in obs.acts if a.turn == finding.turns[0] and a.kind in PRESSURE_ACTS)
            code = ACT_CODES[kind]
            dim = ACT_DIMENSIONS.get(finding.id, "compliance")
            candidates.append((True, Improvement(code=code, dimension=dim, turn=finding.turns[0], points=0,
                                                 params={"act": finding.id})))
    for dim in dimensions:
        for ev in dim.evidence:
            if not ev.lost:
                continue
            code = REASON_CODES.get(ev.reason)
            turn = ev.turn if ev.turn is not None else _turn_for(conv, obs, ev)
            if ev.reason == "defeat":
                code = DEFEAT_CODES.get(str(ev.params.get("defeat")))
            if ev.reason == "need-missed" and ev.params.get("depth") == "deep":
                code = "probe-deep-need"
            if code == "draw-out-objection" and conv.outcome["status"] == "defeat":
                code = None  # the customer left before it could come up: other advice comes first
            if code == "ask-for-goal" and obs.vague_closes and (
                    not obs.failed_closes or obs.vague_closes[-1] > obs.failed_closes[-1][0]):
                code, turn = "name-a-time", obs.vague_closes[-1]  # ready, but no day and time was named
            elif code == "ask-for-goal" and obs.failed_closes:  # they asked, but too early
                code, turn = "close-when-ready", obs.failed_closes[-1][0]
            if code is None:
                continue
            candidates.append((False, Improvement(code=code, dimension=dim.name, turn=turn, points=ev.lost,
                                                  params=dict(ev.params))))
    groups: dict[str, list[tuple[bool, Improvement]]] = {}
    for forbidden, item in candidates:
        groups.setdefault(item.code, []).append((forbidden, item))
    merged = []
    for group in groups.values():
        forbidden = any(f for f, _ in group)
        points = max(item.points for _, item in group)
        first = min(group, key=lambda pair: _rank(*pair))[1]
        merged.append((forbidden, dataclasses.replace(first, points=points)))
    costly = _costly(conv, obs)
    ranked = sorted(merged, key=lambda pair: _rank(*pair, costly=costly))
    return tuple(_with_better(conv, obs, item) for _, item in ranked[:TOP])


def _costly(conv, obs) -> frozenset[str]:
    """The :data:`COSTLY` codes of this conversation: mistakes made twice or more, or that lost the customer."""
    counts: dict[str, int] = {}
    for act in obs.acts:
        code = ACT_CODES.get(act.kind)
        if code is not None:
            counts[code] = counts.get(code, 0) + 1
    pressure = sum(n for code, n in counts.items() if code in PRESSURE_CODES)
    codes = {code for code, n in counts.items()
             if n >= 2 or (code in PRESSURE_CODES and pressure >= 2) or code in ONE_SLIP_COSTLY}
    if conv.outcome.get("status") == "defeat":
        codes |= set(DEFEAT_MISTAKES.get(str(conv.outcome.get("reason")), ()))
    if "avoid-premature-discount" in codes:  # the discount advice and its evidence-first twin
        codes.add("evidence-before-discount")
    return frozenset(codes & set(COSTLY))


def _rank(forbidden: bool, item: Improvement, *, costly: frozenset[str] = frozenset()) -> tuple:
    tier = COSTLY.index(item.code) if item.code in costly else len(COSTLY)
    return (not forbidden, tier, -item.points, item.turn is None, item.turn or 0, item.code)


def _turn_for(conv, obs, ev) -> int | None:
    """A turn to quote for evidence about the whole conversation."""
    if not conv.turns:
        return None
    if ev.reason in ("need-missed", "no-probe"):
        moved_on = next((t.n for t in conv.turns if t.has("present", "recommend", "close")), None)
        return moved_on or conv.last_turn
    if ev.reason in ("no-questions", "no-open-question"):
        return 1
    if ev.reason == "talk-share":
        words = obs.trainee_words
        return max(range(len(words)), key=lambda i: (words[i], -i)) + 1
    return conv.last_turn


def _with_better(conv, obs, item: Improvement) -> Improvement:
    better, source = better_line(conv, obs, item.code, item.params, item.turn)
    if better and _already_said(conv, better.get(conv.lang, "")):
        # Advice to say what the trainee said is no advice: a broad open question, else nothing.
        better, source = _model("model.open.broad"), "model"
        if _already_said(conv, better.get(conv.lang, "")):
            better = {}
    return dataclasses.replace(item, better=better, source=source)


def _folded(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _already_said(conv, line: str) -> bool:
    """The trainee said ``line`` (ignoring case, spaces and punctuation), or all but a word of it."""
    target = _folded(line)
    if not target:
        return False
    said = [_folded(t.text) for t in conv.turns]
    return any(target == s or (len(s) >= 12 and difflib.SequenceMatcher(None, target, s).ratio() >= 0.9)
               for s in said)


def _customer_topics(conv, obs) -> set[str]:
    """Topics the customer talked about: needs they told, objections they raised, questions they asked."""
    persona = conv.persona
    topics = {persona.need(n).topic for n in obs.needs_found}
    topics |= {o.topic for o in persona.objections if any(t.id == o.id and t.raised for t in obs.objections)}
    return topics | {a.topic for a in obs.asks}


def better_line(conv, obs, code: str, params: dict, turn: int | None) -> tuple[dict[str, str], str]:
    """A line the trainee could have said instead, in both languages, and where it comes from."""
    persona = conv.persona
    if code in ("ask-need", "probe-deep-need", "earn-trust-first") and params.get("need"):
        need = persona.need(params["need"])
        topic = need.reveal_topics[0] if need.reveal_topics else need.topic
        if need.depth != "deep":
            return _model(f"model.open.{topic}"), "persona"
        # A probe says "you mentioned ...": only about a topic the customer did talk about.
        mentioned = _customer_topics(conv, obs)
        told = next((t for t in need.reveal_topics if t in mentioned), None)
        return _model(f"model.probe.{told}" if told else f"model.open.{topic}"), "persona"
    if code == "probe":
        found = [persona.need(n) for n in obs.needs_found]
        if not found:
            return _model("model.open.broad"), "model"
        return _model(f"model.probe.{found[0].topic}"), "persona"
    if code == "break-closed-run":
        topics = conv.turn(turn).topics if turn and conv.turn(turn) else ()
        return _model(f"model.open.{topics[0] if topics else 'broad'}"), "model"
    if code in ("ask-open", "funnel-broad-first", "ask-before-pitching"):
        return _model("model.open.broad"), "model"
    if code == "probe-objection":
        return _model("model.step.probed"), "model"
    if code == "objection-step" and params.get("step") != "evidence":
        return _model(f"model.step.{params.get('step', 'acknowledged')}"), "model"
    if code in ("objection-step", "objection-evidence", "evidence-before-discount"):
        return _with_proof("model.step.evidence", _objection(persona, params.get("objection"))), "persona"
    if code == "draw-out-objection":
        objection = _objection(persona, params.get("objection"))
        if objection is not None and not set(objection.raise_on) & {"present", "recommend"}:
            return _model(f"model.close.{conv.scenario.goal.kind}"), "persona"
        return _model("model.recommend"), "persona"
    if code in ("avoid-false-guarantee", "avoid-pressure", "avoid-false-urgency", "avoid-belittling"):
        return _with_proof("model.proof", _objection_at(conv, persona, turn)), "persona"
    if code == "avoid-premature-discount":
        price = next((o for o in persona.objections if o.kind == "price"), None)
        return _with_proof("model.value", price or _objection_at(conv, persona, turn)), "persona"
    if code == "avoid-personal-data":
        return _model("model.personal-data"), "model"
    if code == "answer-question":
        topic = str(params.get("topic") or next((a.topic for a in obs.asks if a.ignored), "budget"))
        key = f"model.answer.{topic}"
        return _model(key if key in i18n.MESSAGES else "model.answer.other"), "model"
    if code == "greet":
        channel = conv.scenario.channel
        key = f"model.greeting.{channel}"
        return _model(key if key in i18n.MESSAGES else "model.greeting.showroom"), "model"
    if code == "show-empathy":
        return _model(f"model.empathy.{params.get('feeling', 'objection')}"), "model"
    if code in ("ask-for-goal", "close-when-ready"):
        key = "model.check-ready" if code == "close-when-ready" else f"model.close.{conv.scenario.goal.kind}"
        return _model(key), "model"
    if code == "name-a-time":
        return _model("model.name-a-time"), "model"
    if code == "listen-more":
        return _model("model.listen"), "model"
    if code == "reply-faster":
        return _model("model.quick-reply"), "model"
    return {}, "model"


def _model(key: str) -> dict[str, str]:
    return {lang: i18n.text(key, lang) for lang in LANGS}


def _with_proof(key: str, objection) -> dict[str, str]:
    """Model line ``key`` naming the proof that answers ``objection``, from the persona's own cues.

    The first cue whose line the analyzer reads as evidence, and not as a close, a concession or
    pressure, is chosen (cues such as "refundable" can read as a close); else the first cue.
    """
    out = {}
    for lang in LANGS:
        cues = objection.evidence_cues.get(lang, ()) if objection is not None else ()
        lines = [i18n.text(key, lang, proof=cue) for cue in cues] or \
            [i18n.text(key, lang, proof=i18n.text("model.proof-default", lang))]
        out[lang] = next((line for line in lines if _reads_as_proof(line, lang)), lines[0])
    return out


@functools.lru_cache(maxsize=512)  # model lines come from the scenario, shared by a whole cohort
def _reads_as_proof(line: str, lang: str) -> bool:
    from simkit.understand import analyze

    techniques = analyze(line, lang=lang).techniques
    return "evidence" in techniques and not {"close", "concession", "pressure"} & set(techniques)


def _objection(persona, objection_id):
    return next((o for o in persona.objections if o.id == objection_id), None)


def _objection_at(conv, persona, turn: int | None):
    """The objection open just before ``turn``, else the persona's first objection."""
    before = conv.turn(turn - 1) if turn else None
    open_ids = before.state.get("objections_open", []) if before else []
    if open_ids:
        return _objection(persona, open_ids[-1])
    return persona.objections[0] if persona.objections else None
