"""Dimensions on small hand-made conversations: timing, silence, hostile lines."""

from __future__ import annotations

import json

import pytest

from simkit import Session
from simkit.scoring import score
from simkit.scoring.render import to_html, to_json, to_text
from tests.references import play

ONLINE = "online-lead-lowest-price-v1"
HELLO = {"en": ["Hi, thanks for your message! I'm Sam. The official price is 119,800, every fee in writing.",
                "What will you mostly use the car for?"],
         "zh": ["您好，感谢您的咨询！我是顾问小王。官方价格是十一万九千八，费用都白纸黑字写清楚。",
                "您平时用车主要是什么场景？"]}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reply_delays_come_from_the_timestamps(lang):
    fast = score(play(ONLINE, 1, lang, HELLO[lang], [60, 30])).dimension("responsiveness")
    slow = score(play(ONLINE, 1, lang, HELLO[lang], [301, 121])).dimension("responsiveness")
    assert fast.points == fast.max and slow.points == 0
    assert [(e.turn, e.reason, e.params["seconds"]) for e in slow.evidence] == [
        (1, "first-reply-late", 301), (2, "reply-late", 121)]


def test_an_unreadable_timestamp_leaves_every_reply_unjudged(tmp_path):
    path = tmp_path / "t.json"
    play(ONLINE, 1, "en", HELLO["en"], [60, 30], save_to=path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["turns"][1]["trainee_at"] = "yesterday"
    path.write_text(json.dumps(data), encoding="utf-8")
    card = score(path)
    assert card.integrity.status == "ok"  # timestamps are the trainee's data, not the customer's
    assert [(f.code, f.turn) for f in card.integrity.findings] == [("time-unreadable", 2)]
    dim = card.dimension("responsiveness")
    assert dim.points == 0 and [(e.turn, e.reason, e.params) for e in dim.evidence] == [
        (2, "reply-times-inconsistent", {"finding": "time-unreadable"})]


def test_showroom_scenarios_do_not_score_reply_delays():
    card = score(play("showroom-family-suv-v1", 0, "en", ["Hi, welcome in! How can I help you today?"], [3600]))
    dim = card.dimension("responsiveness")
    assert not dim.applicable and dim.max == 0


@pytest.mark.parametrize("scenario", ["showroom-family-suv-v1", ONLINE])
def test_silence_earns_nothing(scenario):
    card = score(Session(scenario, seed=1, lang="en").transcript)
    assert card.total == 0 and not card.passed
    assert card.outcome["status"] == "open"
    to_text(card, "zh"), to_html(card, "en"), to_json(card, "en")


@pytest.mark.parametrize("line", ["😀" * 40, "x" * 5000, "<script>alert(1)</script>", "\x00\x01"])
def test_hostile_lines_score_and_render(line):
    card = score(play("used-car-hidden-defects-v1", 2, "en", [line, line]))
    assert 0 <= card.total <= 100
    html = to_html(card, "en")
    assert "<script>alert" not in html
    assert to_text(card, "zh") and to_json(card, "en")
