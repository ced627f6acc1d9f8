"""Scorecards of the reference salespeople, as reports: feedback that quotes
the turn and offers a better line, reports in both languages.

What each reference must get (outcome, pass, score band, evidence, every point attributed,
strong > average > poor) is
checked by ``simkit check`` (tests/content/test_check.py runs it over the whole library)."""

from __future__ import annotations

import pytest

from simkit.scoring import score
from simkit.scoring.render import to_json, to_text
from tests.references import LEVELS, play_reference, reference_files

LANGS = ("zh", "en")


def _cases():
    for path in reference_files():
        for lang in LANGS:
            yield pytest.param(path, lang, id=f"{path.stem}:{lang}")


@pytest.mark.parametrize(("path", "lang"), list(_cases()))
@pytest.mark.parametrize("level", ["average", "poor"])
def test_feedback_quotes_the_turn_and_offers_a_better_line(path, lang, level):
    card = score(play_reference(path, level, lang))
    assert 1 <= len(card.feedback) <= 3
    assert len({i.code for i in card.feedback}) == len(card.feedback)
    data = to_json(card, lang)
    for item, rendered in zip(card.feedback, data["feedback"]):
        assert item.turn is not None and rendered["quote"] == card.turns[item.turn - 1]
        assert rendered["try"] and "{" not in rendered["try"] and "{" not in rendered["advice"]
        assert item.better["zh"] and item.better["en"]
    text = to_text(card, lang)
    assert "{" not in text.replace("{'", "")  # every placeholder filled


@pytest.mark.parametrize(("path", "lang"), list(_cases()))
def test_reports_render_in_both_languages(path, lang):
    card = score(play_reference(path, "average", lang))
    for report_lang in LANGS:
        data = to_json(card, report_lang)
        for dim in data["dimensions"]:
            for ev in dim["evidence"]:
                assert ev["text"] and "{" not in ev["text"], ev
        assert to_text(card, report_lang)
