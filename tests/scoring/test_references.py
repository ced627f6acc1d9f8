"""Reference salespeople per scenario: strong passes, poor fails, strong > average > poor, and the
evidence of every dimension points at the right turns, in Chinese and in English."""

from __future__ import annotations

import pytest

from simkit.content import default_library
from simkit.scoring import score
from simkit.scoring.render import to_json, to_text
from tests.scoring.reference_play import LEVELS, load, play_reference, reference_files

LANGS = ("zh", "en")


def _cases():
    for path in reference_files():
        for lang in LANGS:
            yield pytest.param(path, lang, id=f"{path.stem}:{lang}")


def _trace(card) -> str:
    return "\n".join(f"  {d.name}: " + ", ".join(f"{e.turn}:{e.reason}{_short(e.params)}" for e in d.evidence)
                     for d in card.dimensions)


def _short(params) -> str:
    keep = {k: v for k, v in params.items() if k in ("need", "step", "objection", "act", "detail", "at")}
    return str(keep) if keep else ""


def _parse(item: str) -> tuple[str, int | str | None, str, dict[str, str]]:
    """``"needs 4 need-found need=x"``; turn ``-`` is the whole conversation, ``*`` any turn."""
    dimension, turn, reason, *pairs = item.split()
    params = dict(p.split("=", 1) for p in pairs)
    return dimension, {"-": None, "*": "*"}.get(turn, turn) if turn in "-*" else int(turn), reason, params


def test_every_scenario_has_references():
    covered = {load(p)["scenario"] for p in reference_files()}
    assert covered == set(default_library().scenarios)


@pytest.mark.parametrize(("path", "lang"), list(_cases()))
def test_strong_beats_average_beats_poor(path, lang):
    cards = {level: score(play_reference(path, level, lang)) for level in LEVELS}
    totals = {level: card.total for level, card in cards.items()}
    assert cards["strong"].passed, _trace(cards["strong"])
    assert not cards["poor"].passed
    assert totals["strong"] > totals["average"] > totals["poor"], totals


@pytest.mark.parametrize(("path", "lang"), list(_cases()))
@pytest.mark.parametrize("level", LEVELS)
def test_evidence_points_at_the_right_turns(path, lang, level):
    expect = load(path)["expect"][level]
    card = score(play_reference(path, level, lang))
    trace = _trace(card)
    assert card.passed is expect["passed"], trace
    assert card.outcome["status"] == expect["outcome"], trace
    if "tier" in expect:
        assert card.tier == expect["tier"]
    for failure in expect.get("failures", []):
        assert failure in card.verdict.failures, card.verdict.failures
    for item in expect["evidence"]:
        dimension, turn, reason, params = _parse(item)
        found = [e for e in card.dimension(dimension).evidence if turn in ("*", e.turn) and e.reason == reason
                 and all(str(e.params.get(k)) == v for k, v in params.items())]
        assert found, f"no evidence {item!r}; {dimension} has:\n{trace}"
    codes = [i.code for i in card.feedback]
    assert codes[: len(expect.get("feedback", []))] == expect.get("feedback", []), codes


@pytest.mark.parametrize(("path", "lang"), list(_cases()))
@pytest.mark.parametrize("level", LEVELS)
def test_every_point_is_attributed(path, lang, level):
    card = score(play_reference(path, level, lang))
    for dim in card.dimensions:
        assert sum(e.points for e in dim.evidence) == dim.points, dim.name
        assert sum(e.lost for e in dim.evidence) == dim.max - dim.points, dim.name
        assert all(e.points >= 0 and e.lost >= 0 for e in dim.evidence)
    applicable = [d for d in card.dimensions if d.applicable]
    assert sum(d.max for d in applicable) == 100  # every scenario's weights add up to 100
    assert card.total == sum(d.points for d in applicable)


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
