"""Practice conversations as evidence: a saved transcript counts only as its replay."""

from __future__ import annotations

from pathlib import Path

from simkit.errors import SimkitError
from simkit.grading.strict import AnswerError
from simkit.scoring import Scorecard, score


def _cards(scenario_id: str, folder: str | Path, lang: str | None) -> list[Scorecard]:
    """Scorecards of every transcript of ``scenario_id`` in ``folder`` whose replay reproduces it."""
    cards = []
    for path in sorted(Path(folder).glob("*.json")):
        try:
            card = score(path)
        except SimkitError:
            continue  # not a transcript (or a broken one, or of an unknown scenario): it proves nothing
        if card.scenario_id != scenario_id or (lang is not None and card.lang != lang):
            continue
        if card.integrity.ok:
            cards.append(card)
    return cards


def _best(cards: list[Scorecard]) -> Scorecard | None:
    """The highest total (ties: the file name last in order), or None."""
    return max(cards, key=lambda card: (card.total, card.source or "")) if cards else None


def _best_or_fail(cards: list[Scorecard], en: str, zh: str) -> Scorecard:
    best = _best(cards)
    if best is None:
        raise AnswerError(en, zh)
    return best


def best_scorecard(scenario_id: str, *, folder: str | Path = ".", lang: str | None = None) -> Scorecard | None:
    """The highest-scoring honest practice of ``scenario_id`` saved in ``folder``, or None.

    Only transcripts whose recorded customer lines are what their trainee lines produce on replay
    count; a hand-edited one is ignored.
    """
    return _best(_cards(scenario_id, folder, lang))


def passing_scorecard(scenario_id: str, *, folder: str | Path = ".", lang: str | None = None) -> Scorecard:
    """The best honest practice of ``scenario_id`` in ``folder`` that passed; AnswerError when none did."""
    return _best_or_fail([card for card in _cards(scenario_id, folder, lang) if card.passed],
                         f"no saved practice of {scenario_id} passes yet (play it to the end, then run this cell)",
                         f"还没有通过的 {scenario_id} 练习记录（请完成对话后再运行本单元格）")


def goal_scorecard(scenario_id: str, *, folder: str | Path = ".", lang: str | None = None) -> Scorecard:
    """The best honest practice of ``scenario_id`` in ``folder`` whose customer agreed to the goal."""
    reached = [card for card in _cards(scenario_id, folder, lang) if card.outcome.get("status") == "success"]
    return _best_or_fail(reached,
                         f"no saved practice of {scenario_id} reaches the goal yet",
                         f"还没有达成目标的 {scenario_id} 练习记录")


def needs_found(card: Scorecard) -> int:
    """How many of the persona's hidden needs the conversation uncovered."""
    return sum(1 for ev in card.dimension("needs").evidence if ev.reason == "need-found")


def needs_scorecard(scenario_id: str, *, at_least: int, folder: str | Path = ".",
                    lang: str | None = None) -> Scorecard:
    """The best honest practice of ``scenario_id`` in ``folder`` that uncovered ``at_least`` needs."""
    return _best_or_fail([card for card in _cards(scenario_id, folder, lang) if needs_found(card) >= at_least],
                         f"no saved practice of {scenario_id} uncovers {at_least} needs yet",
                         f"还没有发现 {at_least} 条需求的 {scenario_id} 练习记录")
