"""A small library of situation scenarios for the engine's tests (issue 12): one persona per role.

Written to a folder by :func:`write_library`; every file passes the validator, so the tests play
real sessions on real content. Lines are short and English-first; zh is given where a test plays it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from simkit.content.model import REACTION_LINES


def _lines(en: str, zh: str) -> dict[str, list[str]]:
    return {"zh": [zh], "en": [en]}


REACTIONS = {key: _lines(f"({key})", f"（{key}）") for key in REACTION_LINES}
REACTIONS["pressured"] = _lines("Rushing me won't help.", "催我也没用。")

FEAR = {
    "id": "lowball-fear", "kind": "trust", "topic": "concern",
    "name": {"zh": "怕被压价", "en": "fear of a lowball"},
    "raise": {"by": ["present", "close", "concession", "evidence"]},
    "resolve": {"evidence": {"zh": ["检测报告", "市场数据"], "en": ["inspection report", "market data"]}},
    "says": {"raise": _lines("Dealers always lowball, don't they?", "你们车商都压价吧？"),
             "cause": _lines("The last dealer offered me half of what it's worth.", "上一家只给了一半的价。"),
             "accepted": _lines("Alright, a report I can check myself.", "行，有报告我能自己核对。"),
             "resolved": _lines("Yes, that settles it.", "嗯，这下放心了。")},
}
COMPLAINT = {
    "id": "repeat-fault", "kind": "complaint", "topic": "concern",
    "raise": {"by": ["greeting", "open_question", "present", "close", "empathy"]},
    "resolve": {"evidence": {"zh": ["检测报告", "原因"], "en": ["technician's report", "the cause"]}},
    "says": {"raise": _lines("The warning light is back, the third time this month!", "故障灯又亮了，这个月第三次了！"),
             "cause": _lines("I lost a whole day of work every time.", "每次都耽误我一整天。"),
             "accepted": _lines("So that's why it kept coming back.", "原来是这个原因。"),
             "resolved": _lines("Okay, I see what went wrong.", "好，我明白了。")},
}
BODYWORK = {
    "id": "bodywork-doubt", "kind": "quality", "topic": "concern",
    "raise": {"by": ["present", "evidence"]},
    "resolve": {"evidence": {"zh": ["漆面", "车身"], "en": ["bodywork", "paint"]}, "show": True},
    "says": {"raise": _lines("Photos hide scratches, you know.", "照片看不出划痕。"),
             "cause": _lines("I was burned by a car that looked fine online.", "我被网上看着好的车坑过。"),
             "accepted": _lines("I can see it, it looks clean.", "看到了，确实干净。"),
             "resolved": _lines("Fine, the bodywork is okay.", "行，车身没问题。")},
}
DECISION_MAKER = {
    "who": {"zh": "我太太", "en": "my wife"},
    "cares_about": {"zh": "后排空间", "en": "rear space"},
    "says": _lines("My wife decides with me. She cares about room in the back.", "我太太也要拍板，她在意后排空间。"),
    "involve": _lines("Good idea, I'll bring her along.", "好主意，我带她一起来。"),
}


def persona(persona_id: str, **extra: Any) -> dict[str, Any]:
    """A persona with one surface need (the reason for the visit, topic timeline) and ``extra``."""
    return {
        "kind": "persona", "id": persona_id, "name": {"zh": "测试", "en": "Test"},
        "summary": {"zh": "测试用。", "en": "For tests."},
        "traits": {"patience": 6, "trust": 40, "interest": 40},
        "facts": {"asking": {"value": 95000, "zh": "九万五", "en": "95,000"},
                  "floor": {"value": 86000, "zh": "八万六", "en": "86,000"}},
        "needs": [{"id": "why-now", "topic": "timeline", "reveal": {"by": ["open_question", "probe"],
                                                                   "topics": ["timeline", "current_car", "usage"]},
                   "says": _lines("We're moving abroad next month.", "下个月我们要出国。")}],
        "lines": REACTIONS,
        **extra,
    }


def scenario(scenario_id: str, persona_id: str, goal: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "kind": "scenario", "id": scenario_id, "title": {"zh": "测试", "en": "Test"},
        "brief": {"zh": "测试用。", "en": "For tests."}, "persona": persona_id, "channel": "showroom",
        "opening": _lines("Hello.", "你好。"), "max_turns": 14, "weekday": "tue",
        "goal": {"accept": _lines("Deal.", "成交。"), **goal}, **extra,
    }


SELLER = {"role": "seller", "objections": [FEAR],
          "negotiation": {"side": "seller", "about": "trade_in", "target": "asking", "limit": "floor"},
          "availability": [{"days": ["sat", "sun"], "from": "09:00", "to": "12:00"}]}

PERSONAS = [
    persona("seller", **SELLER),
    persona("trader", **{**SELLER, "role": "both", "decision_maker": DECISION_MAKER}),
    persona("complainer", objections=[COMPLAINT]),
    persona("viewer", objections=[BODYWORK]),
    persona("plain"),
]
SCENARIOS = [
    scenario("inspection-v1", "seller", {"kind": "inspection_booked",
                                         "requires": {"objections": ["lowball-fear"], "min_trust": 50}}),
    scenario("valuation-v1", "seller", {"kind": "valuation_agreed", "requires": {"needs": ["why-now"]},
                                        "accept": _lines("Fine, {amount} it is.", "行，{amount}成交。")}),
    scenario("trade-in-v1", "trader", {"kind": "deposit",
                                       "requires": {"valuation": "agreed", "decision_maker": "involved"}}),
    scenario("callback-v1", "plain", {"kind": "callback", "requires": {"needs": ["why-now"]}}, channel="phone"),
    scenario("invite-v1", "plain", {"kind": "callback", "also": ["visit"], "requires": {"needs": ["why-now"]},
                                    "accept": _lines("Okay, {time} then.", "好，那就{time}。")}, channel="phone"),
    scenario("asks-price-v1", "seller", {"kind": "valuation_agreed"},
             asks=[{"id": "what-price", "topic": "trade_in", "turn": 0,
                    "says": _lines("What would you pay for it?", "你们能出多少？")}]),
    scenario("quote-v1", "plain", {"kind": "quote_meeting", "requires": {"needs": ["why-now"]}}),
    scenario("complaint-v1", "complainer", {"kind": "complaint_recovered",
                                            "requires": {"objections": ["repeat-fault"], "min_trust": 55}},
             channel="phone", clock="16:00"),
    scenario("reactivated-v1", "plain", {"kind": "reactivated", "requires": {"needs": ["why-now"]}}),
    scenario("video-v1", "viewer", {"kind": "visit", "requires": {"objections": ["bodywork-doubt"]}},
             channel="video"),
    scenario("photos-v1", "viewer", {"kind": "visit"}, channel="online_chat"),
    scenario("chat-v1", "plain", {"kind": "contact", "requires": {"needs": ["why-now"]}}, channel="online_chat"),
]


def write_library(folder: Path) -> Path:
    """Write every persona and scenario above under ``folder``; returns it."""
    for sub, items in (("personas", PERSONAS), ("scenarios", SCENARIOS)):
        (folder / sub).mkdir(parents=True, exist_ok=True)
        for item in items:
            text = yaml.safe_dump({"format_version": 2, **item}, allow_unicode=True, sort_keys=False)
            (folder / sub / f"{item['id']}.yaml").write_text(text, encoding="utf-8")
    return folder
