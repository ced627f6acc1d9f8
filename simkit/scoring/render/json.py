"""The scorecard as one JSON object: the data plus every sentence in the chosen language."""

from __future__ import annotations

from typing import Any

from simkit.scoring import words
from simkit.scoring.scorecard import Scorecard


def to_json(card: Scorecard, lang: str) -> dict[str, Any]:
    """A JSON-ready dict: ``format_version``, ``total``, ``passed``, ``tier``, ``outcome``, ``dimensions``, ...

    ``format_version`` (:data:`simkit.scoring.scorecard.FORMAT_VERSION`) is the layout's version:
    it changes when a key is removed, renamed or changes meaning (new keys may appear without it).

    Every evidence item carries ``turn``, ``reason`` (a stable code), ``points``, ``lost``,
    ``params`` and ``text`` (the reason as a sentence in ``lang``); feedback items carry the
    advice (in ``lang``), the quoted line and the better line to ``try`` (in the conversation's
    language: it is what the trainee would say).
    """
    data = card.to_dict()
    data["report_lang"] = lang
    data["tier_name"] = card.tier_name.get(lang, card.tier)
    data["outcome"]["text"] = words.outcome_text(card.outcome, lang, names=card.names)
    data["integrity"]["text"] = words.integrity_text(card.integrity, lang)
    for finding_data, finding in zip(data["integrity"]["findings"], card.integrity.findings):
        finding_data["text"] = words.finding_text(finding, lang)
    data["verdict"]["reasons"] = words.failures(card.verdict, card.total, lang)
    for dim_data, dim in zip(data["dimensions"], card.dimensions):
        dim_data["title"] = words.dimension_title(dim.name, lang)
        for ev_data, ev in zip(dim_data["evidence"], dim.evidence):
            ev_data["text"] = words.describe(ev, lang, names=card.names)
    for item_data, item in zip(data["feedback"], card.feedback):
        item_data["advice"] = words.advice(item, lang, names=card.names)
        item_data["quote"] = _quote(card, item.turn)
        item_data["try"] = item.better.get(card.lang, "")  # said in the conversation's language
    return data


def _quote(card: Scorecard, turn: int | None) -> str | None:
    if turn is None or not 1 <= turn <= len(card.turns):
        return None
    return card.turns[turn - 1]
