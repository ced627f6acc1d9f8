"""The scorecard as plain text for a terminal: totals, evidence turn by turn, rules, feedback.

Every field is terminal-safe (:func:`simkit.safetext.shown`): a trainee line holding ESC, BEL or
a bidi override prints as visible escapes, never as terminal control."""

from __future__ import annotations

from simkit import i18n
from simkit.safetext import shown
from simkit.scoring import words
from simkit.scoring.scorecard import Scorecard

QUOTE_CHARS = 160  # longer trainee lines are cut in quotes


def to_text(card: Scorecard, lang: str) -> str:
    """The whole scorecard as text in ``lang``."""
    t = lambda code, **kw: i18n.text(code, lang, **kw)  # noqa: E731
    verdict = t("score.label.passed") if card.passed else t("score.label.failed")
    lines = [
        f"{t('score.label.scorecard')}: {card.scenario_id} (seed {card.seed}, {card.lang})"
        + (f" · {shown(card.source)}" if card.source else ""),
        f"{t('score.label.total')}: {card.total}/100 · {verdict} · {t('score.label.tier')}: "
        f"{card.tier_name.get(lang, card.tier)}",
        f"{t('score.label.outcome')}: {words.outcome_text(card.outcome, lang, names=card.names)}",
        f"{t('score.label.integrity')}: {words.integrity_text(card.integrity, lang)}",
    ]
    for dim in card.dimensions:
        lines.append("")
        points = t("score.label.points", points=dim.points, max=dim.max) if dim.applicable \
            else t("score.label.not-applicable")
        lines.append(f"{words.dimension_title(dim.name, lang)}  {points}")
        for ev in dim.evidence:
            lines.append(f"  {words.points_text(ev):>6}  {words.turn_label(ev.turn, lang):<8} {words.describe(ev, lang, names=card.names)}")
    lines.append("")
    lines.append(f"{t('score.label.rules')} ({t('score.label.threshold', threshold=card.verdict.threshold)})")
    for ok, kind, name, state, turns in words.verdict_rows(card.verdict, lang):
        where = f" ({', '.join(turns)})" if turns else ""
        lines.append(f"  {'✓' if ok else '✗'} {kind}: {name}: {state}{where}")
    reasons = words.failures(card.verdict, card.total, lang)
    if reasons:
        lines.append(f"{t('score.label.why-failed')}:")
        lines.extend(f"  - {r}" for r in reasons)
    if card.feedback:
        lines.append("")
        lines.append(t("score.label.feedback"))
        for i, item in enumerate(card.feedback, start=1):
            stake = t("score.label.at-stake", points=item.points) if item.points \
                else t("score.label.fails-attempt")
            lines.append(f"  {i}. {words.turn_label(item.turn, lang)} ({stake}): {words.advice(item, lang, names=card.names)}")
            if item.turn is not None and 1 <= item.turn <= len(card.turns):
                lines.append(f"     {t('score.label.you-said')}: “{_cut(card.turns[item.turn - 1])}”")
            if item.better.get(card.lang):
                source = t("score.label.from-persona" if item.source == "persona" else "score.label.from-model")
                lines.append(f"     {t('score.label.try')}: “{item.better[card.lang]}” ({source})")
    return shown("\n".join(lines), keep_newlines=True) + "\n"


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"
