"""Words for people: evidence, findings, failures and advice rendered in Chinese or English.

Codes and params stay in the scorecard; this module turns them into sentences through
:mod:`simkit.i18n`, translating the params it knows (topics, techniques, steps, goals, defeat
reasons, durations). Needs, objections and the goal are named by the display names the
scorecard carries (``names=card.names``), the id itself only when no name is given.
"""

from __future__ import annotations

import string
from typing import Any

from simkit import i18n
from simkit.scoring import reasons
from simkit.scoring.scorecard import Evidence, Improvement, Integrity, IntegrityFinding, Verdict

# Param name -> the message family that translates its value.
_FAMILIES = {
    "topic": "topic", "technique": "technique", "step": "step", "goal": "goal", "defeat": "defeat",
    "depth": "depth", "act": "act", "detail": "data", "feeling": "feeling", "finding": "time-check",
}


Names = dict[str, dict[str, dict[str, str]]]  # "need" | "objection" | "goal" -> id -> {lang: name}


def say(code: str, lang: str, *, names: Names | None = None, **params: Any) -> str:
    """``i18n`` message ``code`` with ``params`` translated; unknown placeholders stay visible."""
    template = i18n.MESSAGES[code][lang]
    return string.Formatter().vformat(template, (), i18n.Lenient(localize(params, lang, names=names)))


def localize(params: dict[str, Any], lang: str, *, names: Names | None = None) -> dict[str, Any]:
    """``params`` with the values a person reads translated (``budget`` -> ``预算``, a need id -> its name)."""
    out: dict[str, Any] = {}
    for key, value in params.items():
        family = _FAMILIES.get(key)
        code = f"{family}.{value}" if family else ""
        named = (names or {}).get(key, {}).get(value) if isinstance(value, str) else None
        if named and named.get(lang):
            out[key] = named[lang]
        elif family and code in i18n.MESSAGES:
            out[key] = i18n.MESSAGES[code][lang]
        elif key in ("seconds", "limit") and isinstance(value, int):
            out[key] = duration(value, lang)
        else:
            out[key] = value
    if "condition" in params:
        out["condition"] = say(f"condition.{params['condition']}", lang, names=names,
                               **{k: v for k, v in params.items() if k != "condition"})
    return out


def duration(seconds: int, lang: str) -> str:
    """``"4 min 5 s"`` / ``"4分5秒"``, ``"5 min"`` on the minute, or ``"45 s"`` under a minute."""
    minutes, rest = divmod(int(seconds), 60)
    if minutes and not rest:
        return i18n.text("duration.whole-minutes", lang, minutes=minutes)
    if minutes:
        return i18n.text("duration.minutes", lang, minutes=minutes, seconds=rest)
    return i18n.text("duration.seconds", lang, seconds=rest)


def describe(evidence: Evidence, lang: str, *, names: Names | None = None) -> str:
    """The evidence's reason as a sentence (``names``: the scorecard's display names)."""
    return say(reasons.key("evidence", evidence.reason), lang, names=names, **evidence.params)


def turn_label(turn: int | None, lang: str) -> str:
    """``"turn 3"`` / ``"第3轮"``, or ``"overall"`` / ``"全程"`` for the whole conversation."""
    if turn is None:
        return i18n.text("score.label.whole", lang)
    return i18n.text("score.label.turn", lang, turn=turn)


def dimension_title(name: str, lang: str) -> str:
    return i18n.text(f"dimension.{name}", lang)


def tier_label(tier: str, lang: str, labels: dict[str, dict[str, str]] | None = None) -> str:
    """A tier's name: the scenario's own label, the catalogue's, or the id itself."""
    if labels and tier in labels and labels[tier].get(lang):
        return labels[tier][lang]
    code = f"tier.{tier}"
    return i18n.MESSAGES[code][lang] if code in i18n.MESSAGES else tier


def behaviour_label(behaviour: str, lang: str) -> str:
    return i18n.text(f"behaviour.{behaviour}", lang)


def act_label(act: str, lang: str) -> str:
    return i18n.text(f"act.{act}", lang)


def failures(verdict: Verdict, total: int, lang: str) -> list[str]:
    """Why the attempt failed, one sentence per reason."""
    out = []
    forbidden = {f.id: f for f in verdict.forbidden}
    for code in verdict.failures:
        kind, _, name = code.partition(":")
        if kind == "below-threshold":
            out.append(reasons.text("failure", "below-threshold", lang, total=total, threshold=verdict.threshold))
        elif kind == "missing":
            out.append(reasons.text("failure", "missing", lang, behaviour=behaviour_label(name, lang)))
        elif kind == "forbidden":
            turns = ", ".join(str(t) for t in forbidden[name].turns)
            out.append(reasons.text("failure", "forbidden", lang, act=act_label(name, lang), turns=turns))
        elif kind == "tampered":
            out.append(reasons.text("failure", "tampered", lang))
    return out


def integrity_text(integrity: Integrity, lang: str) -> str:
    """The status as a sentence, then every finding the status does not already say."""
    turns = ", ".join(str(t) for t in integrity.turns)
    parts = [reasons.text("integrity", integrity.status, lang, turns=turns or "-")]
    parts += [finding_text(f, lang) for f in integrity.findings if f.code != "customer-line-differs"]
    return ("；" if lang == "zh" else "; ").join(parts)


def finding_text(finding: IntegrityFinding, lang: str) -> str:
    """One integrity finding as a sentence."""
    return say(reasons.key("finding", finding.code), lang, turn=finding.turn, **finding.params)


def advice(item: Improvement, lang: str, *, names: Names | None = None) -> str:
    """What to do better, as a sentence (``names``: the scorecard's display names)."""
    return say(reasons.key("feedback", item.code), lang, names=names, **item.params)


def outcome_text(outcome: dict[str, Any], lang: str, *, names: Names | None = None) -> str:
    goal = (names or {}).get("goal", {}).get(outcome.get("goal") or "")
    if outcome.get("status") == "success" and goal:
        return i18n.text("outcome.success", lang, goal=goal[lang])
    if outcome.get("status") in ("success", "defeat"):
        from simkit.engine import Outcome  # the engine words its own outcomes

        return Outcome.from_dict(outcome).describe(lang)
    return i18n.text("outcome.open", lang)


def verdict_rows(verdict: Verdict, lang: str) -> list[tuple[bool, str, str, str, list[str]]]:
    """The pass rules as rows for any renderer: ``(ok, kind, name, state, turn labels)``.

    ``ok`` is True when the rule is satisfied (a required or excellence behaviour shown, a
    forbidden act avoided); turn labels are given only for behaviours or acts that happened.
    """
    rows = []
    for kind, findings, good in (("required", verdict.required, True),
                                 ("forbidden", verdict.forbidden, False),
                                 ("excellence", verdict.excellence, True)):
        for f in findings:
            name = behaviour_label(f.id, lang) if good else act_label(f.id, lang)
            if good:
                state = i18n.text("score.label.met" if f.met else "score.label.not-met", lang)
            else:
                state = i18n.text("score.label.committed" if f.met else "score.label.avoided", lang)
            turns = [turn_label(n, lang) for n in f.turns] if f.met else []
            rows.append((f.met if good else not f.met, i18n.text("score.label." + kind, lang), name, state, turns))
    return rows


def points_text(ev: Evidence) -> str:
    """``+3``, ``-4``, ``+3/-4`` or ``·`` (a note worth nothing), for every renderer."""
    if ev.points and ev.lost:
        return f"+{ev.points}/-{ev.lost}"
    if ev.points:
        return f"+{ev.points}"
    if ev.lost:
        return f"-{ev.lost}"
    return "·"
