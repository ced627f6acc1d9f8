"""The seeds' situations: roles, the goal kinds beyond a sale, a second decision maker, channel lines.

A persona (or a scenario, for one situation) has a **role**: ``buyer`` (as before), ``seller``
(brings a car to sell: every amount the trainee names is an offer for that car) or ``both`` (a
trade-in: sells and buys at once; amounts on the topic ``trade_in`` are for the car)::

    role: seller
    negotiation: {side: seller, about: trade_in, target: asking_price, limit: floor_price}

A **second decision maker** (a spouse, a boss, a finance director) is declared in the persona.
The trainee can ask about them (their concern is told) or propose bringing them in; a goal may
require either (``requires: {decision_maker: involved}``)::

    decision_maker:
      who: {zh: 我太太, en: my wife}
      cares_about: {zh: 后排空间, en: rear space}
      says: {zh: [这事得我太太点头。], en: ["My wife has the final say."]}
      involve: {zh: [行，周末我带她来。], en: ["Sure, I'll bring her at the weekend."]}

The goal kinds and what each needs to succeed are documented in ``docs/authoring.md`` and in
:mod:`simkit.engine.situations`, which applies them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ROLES = ("buyer", "seller", "both")
SELLING_ROLES = ("seller", "both")  # roles that bring a car to sell

# Goal kinds that fix a concrete time by default (``goal.books_time`` overrides).
TIME_GOALS = ("test_drive", "visit", "inspection_booked", "callback", "quote_meeting", "complaint_recovered")
# Goal kinds whose success is a sale of the customer's car at their price (needs a seller stance).
VALUATION_GOALS = ("valuation_agreed",)
DEFAULT_WITHIN_HOURS = {"complaint_recovered": 24}  # how soon the remedy must start, by default
DECISION_MAKER_LEVELS = ("asked", "involved")  # what ``requires.decision_maker`` may ask for
VALUATION_LEVELS = ("agreed",)
DEFAULT_CLOCK = "10:00"  # the time of day a conversation happens when the scenario does not say
DEFAULT_DM_REVEAL = ("open_question", "closed_question", "exclusion_question", "probe")

# The reactions to each kind of bad move and to the channel, with defaults for a persona that
# gives none (a belittled customer must never answer "rushing me won't help"). Placeholders:
# {asked} the time the trainee named, {time} the latest time the customer accepts.
SITUATION_LINES: dict[str, dict[str, tuple[str, ...]]] = {
    "belittled": {"zh": ("你这么说话就没意思了，我也不是什么都不懂。", "用不着这么看低人吧。"),
                  "en": ("There's no need to talk down to me.", "I know a bit more than you think, you know.")},
    "false_promise": {"zh": ("这种话谁都不敢保证，你这么说我反而不放心了。", "话说得太满了吧，我不太信。"),
                      "en": ("Nobody can promise that. Now I trust you less.", "That's a big promise. I don't buy it.")},
    "busy": {"zh": ("不好意思，我这会儿挺忙的，你长话短说吧。", "你说简单点，我这边还有事。"),
             "en": ("Sorry, I'm busy. Can you keep it short?", "I've only got a minute, just the short version please.")},
    "slow_reply": {"zh": ("还在吗？我等了好一会儿了。", "怎么这么久才回？"),
                   "en": ("Are you still there? I've been waiting a while.", "That took a while to answer.")},
    "need_to_see": {"zh": ("光听你说不行，我得亲眼看看。", "这个我得自己看到才放心。"),
                    "en": ("I'd have to see it with my own eyes.", "Telling me isn't enough. I need to see it.")},
    "time_too_late": {"zh": ("{asked}太晚了，这事最迟{time}之前得解决。", "等到{asked}可不行，{time}之前能不能来？"),
                      "en": ("{asked} is too late. This needs sorting by {time}.",
                             "I can't wait until {asked}. Can it be done by {time}?")},
    "offer_needed": {"zh": ("那你们到底能给我的车出多少？", "说了半天，价格呢？"),
                     "en": ("So what's your offer for my car?", "Fine, but what will you pay for it?")},
}
SITUATION_LINE_PARAMETERS: dict[str, tuple[str, ...]] = {"time_too_late": ("time", "asked")}
# The pressure kinds of the compliance lexicon (simkit.understand.pressure) and the line each gets.
PRESSURE_LINES = {"belittling": "belittled", "false_guarantee": "false_promise"}


def _lines(data: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(variants) for lang, variants in data.items()}


@dataclass(frozen=True)
class DecisionMaker:
    """The second decision maker: who, what they care about, and what the customer says of them.

    Attributes:
        who: who it is, zh and en ("my wife", "our finance director").
        cares_about: what they care about, zh and en (told when the trainee asks).
        says: the customer's lines when asked about them.
        involve: the customer's lines when the trainee proposes bringing them in.
        reveal_by: question techniques that get ``says``.
        min_trust: trust needed before the customer tells.
    """

    who: dict[str, str]
    cares_about: dict[str, str]
    says: dict[str, tuple[str, ...]]
    involve: dict[str, tuple[str, ...]]
    reveal_by: tuple[str, ...] = DEFAULT_DM_REVEAL
    min_trust: int = 0

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> DecisionMaker | None:
        if data is None:
            return None
        reveal = data.get("reveal", {})
        return cls(who=dict(data["who"]), cares_about=dict(data["cares_about"]), says=_lines(data["says"]),
                   involve=_lines(data["involve"]), reveal_by=tuple(reveal.get("by", DEFAULT_DM_REVEAL)),
                   min_trust=int(reveal.get("min_trust", 0)))
