"""Issue 12 item 1 in the engine: each new goal kind and role is reached by a strong conversation
and missed by a poor one; the decision maker, the channels and the reactions per bad move.

Every test plays real sessions (the real analyzer, director and actor) on the small library of
:mod:`tests.engine.situations_library`.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from simkit import Session
from simkit.content import load_library
from simkit.engine.replay import replay
from tests.engine.situations_library import write_library

GREET = "Hi, welcome! I'm Alex."
WHY = "What brings you to look at a car now?"
# An offer for the customer's car is present, not a concession; a presentation after it is what
# brings up the fear of a lowball, which the four steps then take away.
PAPERWORK = "We handle all the transfer paperwork for you."
FEAR_STEPS = ["I understand, nobody wants to be lowballed.", "What worries you most about the valuation?",
              "Our inspection report and the market data for your model are on the table for you to check.",
              "Does that settle your worry about the price?"]
COMPLAINT_STEPS = ["Hello, this is Alex from the service desk.",
                   "I'm very sorry about the repeat fault, that must be frustrating.",
                   "What exactly happened when the light came on again?",
                   "The technician's report shows the cause: a faulty sensor from one batch.",
                   "Does that explanation make sense to you?"]
BODYWORK_STEPS = [GREET, WHY, "This one has a full service history and one owner.", "I understand, photos can hide a lot.",
                  "What happened with the last car?",
                  "Let me show you the bodywork on camera, you can see there are no scratches.",
                  "Does that settle your worry about the bodywork?"]

#: scenario -> (strong lines, poor lines, goal kind, booked time or None)
CONVERSATIONS = {
    "inspection-v1": (
        [GREET, "What made you decide to sell the car now?",
         "Could you bring the car in on Saturday at 10 am for the inspection?", *FEAR_STEPS,
         "Could you bring the car in on Saturday at 10 am for the inspection?"],
        [GREET, "Honestly your old car is junk, nobody wants it.",
         "Could you bring the car in on Saturday at 10 am for the inspection?"],
        "inspection_booked", "Saturday at 10 am"),
    "valuation-v1": (
        [GREET, "What made you decide to sell the car now?", "We can offer 88,000 for your car.", PAPERWORK, *FEAR_STEPS,
         "Shall we go ahead at 88,000 then?"],
        [GREET, "What made you decide to sell the car now?", "We can offer 80,000 for your car.", PAPERWORK, *FEAR_STEPS,
         "Shall we go ahead at 80,000 then?"],
        "valuation_agreed", None),
    "trade-in-v1": (
        [GREET, "Tell me about the car you drive now.", "Who else will have a say in the new car?",
         "We can offer 88,000 for your trade-in.", PAPERWORK, *FEAR_STEPS,
         "Why not bring your wife along on Saturday so she can see the back seat?"],
        [GREET, "Tell me about the car you drive now.", "We can offer 88,000 for your trade-in.", PAPERWORK, *FEAR_STEPS,
         "Shall we put down a refundable deposit today to hold the car?"],
        "deposit", None),
    "callback-v1": (
        ["Hi, this is Alex from Star Motors.", WHY, "Can I call you back tomorrow at 3 pm?"],
        ["Hi, this is Alex from Star Motors.", WHY, "I'll call you back sometime."],
        "callback", "tomorrow at 3 pm"),
    "quote-v1": (
        [GREET, WHY, "Shall we sit down on Thursday at 2 pm to go over the written quote?"],
        [GREET, "Shall we sit down on Thursday at 2 pm to go over the written quote?",
         "We have a great offer, sign today or it is gone."],
        "quote_meeting", "Thursday at 2 pm"),
    "complaint-v1": (
        [*COMPLAINT_STEPS, "Shall we book our technician for tomorrow at 9 am to replace it?"],
        [COMPLAINT_STEPS[0], COMPLAINT_STEPS[3], "Shall we book our technician for tomorrow at 9 am to replace it?"],
        "complaint_recovered", "tomorrow at 9 am"),
    "reactivated-v1": (
        ["Hi, this is Alex from Star Motors.", "It has been a while, how has the car been treating you?",
         "Would you like to come by on Saturday at 10 to see the new model?"],
        ["Hi, this is Alex from Star Motors.", "Would you like to come by on Saturday at 10 to see the new model?",
         "We have a great offer, sign today or it is gone."],
        "reactivated", None),
    "video-v1": (
        [*BODYWORK_STEPS, "Would you like to come by on Saturday at 10 to see it?"],
        [*BODYWORK_STEPS[:5], "Trust me, the bodywork is perfect.",
         "Would you like to come by on Saturday at 10 to see it?"],
        "visit", "Saturday at 10"),
}


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = write_library(tmp_path_factory.mktemp("situations"))
    return load_library([folder / "personas", folder / "scenarios"])


def play(library, scenario, lines, *, lang="en", **options):
    session = Session(scenario, seed=0, lang=lang, library=library, **options)
    replies = []
    for line in lines:
        replies.append(session.say(line))
        if session.done:
            break
    return session, replies


@pytest.mark.parametrize("scenario", sorted(CONVERSATIONS))
def test_the_strong_conversation_reaches_the_goal(library, scenario):
    strong, _, kind, booked = CONVERSATIONS[scenario]
    session, _ = play(library, scenario, strong)
    assert session.outcome is not None and session.outcome.status == "success", session.transcript.turns[-1].beats
    assert session.outcome.goal == kind
    assert (session.outcome.appointment or {}).get("time") == booked


@pytest.mark.parametrize("scenario", sorted(CONVERSATIONS))
def test_the_poor_conversation_does_not(library, scenario):
    _, poor, _, _ = CONVERSATIONS[scenario]
    session, _ = play(library, scenario, poor)
    assert session.outcome is None or session.outcome.status != "success"


def test_a_seller_hears_an_offer_for_his_car_and_no_discount(library):
    _, replies = play(library, "valuation-v1", [GREET, "We can offer 80,000 for your car."])
    rules = [b.rule for b in replies[-1].beats]
    assert "offer-countered" in rules and "discount-premature" not in rules
    assert replies[-1].state["offers"][0] == {"by": "trainee", "about": "trade_in", "amount": 80000, "turn": 2}
    assert "95,000" in replies[-1].text


def test_a_valuation_close_below_the_floor_names_what_is_missing(library):
    strong, poor, _, _ = CONVERSATIONS["valuation-v1"]
    session, replies = play(library, "valuation-v1", [*poor[:-1], "Shall we close the deal today?"])
    beat = next(b for b in replies[-1].beats if b.rule == "close-not-ready")
    assert beat.params == {"missing": "valuation>=86000"}
    assert replies[-1].text in ("So what's your offer for my car?", "Fine, but what will you pay for it?")
    session, replies = play(library, "valuation-v1", strong)
    assert replies[-1].text == "Fine, 88,000 it is."


def test_the_decision_maker_is_told_then_involved(library):
    _, replies = play(library, "trade-in-v1", [GREET, "Who else will have a say in the new car?",
                                              "Why not bring your wife along on Saturday so she can see the back seat?"])
    assert replies[1].text == "My wife decides with me. She cares about room in the back."
    assert replies[1].state["decision_maker"] == "asked"
    assert "decision-maker-involved" in [b.rule for b in replies[2].beats]
    assert replies[2].text.startswith("Good idea, I'll bring her along.")
    assert replies[2].state["decision_maker"] == "involved"


def test_without_the_decision_maker_involved_the_trade_in_deposit_waits(library):
    session, replies = play(library, "trade-in-v1", CONVERSATIONS["trade-in-v1"][1])
    assert next(b for b in replies[-1].beats if b.rule == "close-not-ready").params == \
        {"missing": "decision_maker:involved"}


def test_a_remedy_after_24_hours_is_countered_with_a_time_within_them(library):
    session, replies = play(library, "complaint-v1", [
        *COMPLAINT_STEPS, "Shall we book our technician for next Monday at 9 am to replace it?", "Sure, see you then."])
    assert replies[-2].text == "I can't wait until next Monday at 9 am. Can it be done by Tuesday at 5 pm?"
    assert session.outcome.status == "success" and session.outcome.appointment["time"] == "Tuesday at 5 pm"


def test_the_complaint_is_not_recovered_below_the_trust_bar(library):
    # Every step but the acknowledgement (whose trust is missing), then the remedy: trust stays under 55.
    session, replies = play(library, "complaint-v1", [COMPLAINT_STEPS[0], "What exactly happened?", *COMPLAINT_STEPS[3:],
                                                      "Shall we book our technician for tomorrow at 9 am to replace it?"])
    assert session.outcome is None
    assert any(b.rule == "close-not-ready" for b in replies[-1].beats)


@pytest.mark.parametrize(("text", "line", "kind"), [
    ("Honestly your old car is junk, nobody wants it.", "There's no need to talk down to me.", "belittling"),
    ("I guarantee you will never get a better price anywhere.", "Nobody can promise that. Now I trust you less.",
     "false_guarantee"),
    ("Sign today, someone else is coming to look at it this afternoon.", "Rushing me won't help.", None),
])
def test_each_kind_of_pressure_gets_its_own_reaction(library, text, line, kind):
    _, replies = play(library, "inspection-v1", [GREET, text])
    beat = next(b for b in replies[-1].beats if b.rule == "pressure")
    assert beat.params.get("kind") == kind and beat.effects == {"trust": -15, "patience": -2}
    assert replies[-1].text.startswith(line)


def test_a_belittled_seller_answers_in_chinese_too(library):
    _, replies = play(library, "inspection-v1", ["你好，我是二手车部的小李。", "你这破车不值钱，没人要的。"], lang="zh")
    assert replies[-1].text in ("你这么说话就没意思了，我也不是什么都不懂。", "用不着这么看低人吧。")
    assert "催" not in replies[-1].text


LONG = ("Let me tell you everything about our dealership, we have been open for twenty years, we have three "
        "showrooms, a huge used car lot, a service centre with twelve bays, a cafe, a kids corner and a team of "
        "forty consultants who will all be happy to help you find exactly the car you need.")


def test_a_long_line_costs_a_busy_caller_patience_and_not_a_showroom_visitor(library):
    _, phone = play(library, "callback-v1", [GREET, LONG])
    _, showroom = play(library, "quote-v1", [GREET, LONG])
    assert phone[-1].text.startswith("Sorry, I'm busy. Can you keep it short?")
    assert phone[-1].state["patience"] == showroom[-1].state["patience"] - 1
    assert "phone-long-line" not in [b.rule for b in showroom[-1].beats]


def test_a_busy_caller_hangs_up_on_long_lines(library):
    session, _ = play(library, "callback-v1", [GREET, WHY] + [LONG] * 6)
    assert session.outcome.status == "defeat" and session.outcome.reason == "hung_up"


def test_off_topic_talk_costs_patience_from_the_first_line_on_the_phone(library):
    _, phone = play(library, "callback-v1", [GREET, "Did you watch the football last night?"])
    _, showroom = play(library, "quote-v1", [GREET, "Did you watch the football last night?"])
    assert (phone[-1].state["patience"], showroom[-1].state["patience"]) == (5, 6)


def _times(*gaps: int) -> list[str]:
    start = datetime(2026, 1, 6, 10, 0, tzinfo=timezone.utc)
    moments, at = [], start
    for gap in gaps:
        at += timedelta(seconds=gap)
        moments.append(at.isoformat())
    return [start.isoformat(), *moments]


def _chat(library, gaps, *, trusted):
    started, *moments = _times(*gaps)
    session = Session("chat-v1", seed=0, lang="en", library=library, clock=lambda: started,
                      trust_given_times=trusted)
    replies = [session.say(line, at=at) for line, at in zip([GREET, WHY, "Hello?"], moments)]
    return session, replies


def test_an_online_lead_notices_a_slow_reply_only_on_trusted_times(library):
    _, trusted = _chat(library, [30, 400, 20], trusted=True)
    _, untrusted = _chat(library, [30, 400, 20], trusted=False)
    slow = next(b for b in trusted[1].beats if b.rule == "slow-reply")
    assert slow.params == {"seconds": 400, "limit": 180, "patience": -1}
    assert trusted[1].text.startswith(("Are you still there?", "That took a while to answer."))
    assert all(b.rule != "slow-reply" for r in untrusted for b in r.beats)
    assert trusted[1].state["patience"] == untrusted[1].state["patience"] - 1


def test_the_replay_of_a_live_chat_reacts_to_its_times_again(library):
    session, _ = _chat(library, [30, 400, 20], trusted=True)
    transcript = session.transcript
    transcript.times = "live"  # as a live session records it
    assert replay(transcript, library=library).reproduced
    transcript.times = "untrusted"  # times nobody vouches for: the customer never noticed them
    assert not replay(transcript, library=library).reproduced


def test_proof_that_must_be_seen_does_not_count_in_a_chat(library):
    _, replies = play(library, "photos-v1", BODYWORK_STEPS[:6])
    rules = [b.rule for b in replies[-1].beats]
    assert "evidence-not-seen" in rules and "objection-evidence" not in rules
    assert replies[-1].view.objections[0].next_step == "evidence"
    _, replies = play(library, "video-v1", BODYWORK_STEPS[:6])
    assert "objection-evidence" in [b.rule for b in replies[-1].beats]


@pytest.mark.parametrize(("close", "kind", "said"), [
    ("Can I call you back tomorrow at 3 pm?", "callback", "Okay, tomorrow at 3 pm then."),
    ("Would you like to come by the showroom on Saturday at 10?", "visit", "Okay, Saturday at 10 then."),
])
def test_a_goal_with_alternatives_is_met_by_each_and_names_the_one_booked(library, close, kind, said):
    session, replies = play(library, "invite-v1", ["Hi, this is Alex from Star Motors.", WHY, close])
    assert (session.outcome.status, session.outcome.goal, replies[-1].text) == ("success", kind, said)


def test_answering_the_customers_own_question_with_a_price_is_no_pitch_unasked(library):
    line = "For your trade-in we could pay around 88,000, based on last month's sales."
    _, replies = play(library, "asks-price-v1", [line])
    rules = [b.rule for b in replies[0].beats]
    assert "ask-answered" in rules and "present-before-needs" not in rules
    assert replies[0].state["patience"] == 6
    _, unasked = play(library, "quote-v1", [line])
    assert "present-before-needs" in [b.rule for b in unasked[0].beats]


def test_bringing_the_car_in_is_a_visit_when_the_goal_allows_one(library):
    session, _ = play(library, "invite-v1", ["Hi, this is Alex from Star Motors.", WHY,
                                             "Could you bring the car in on Saturday at 10?"])
    assert (session.outcome.status, session.outcome.goal) == ("success", "visit")


@pytest.mark.parametrize(("line", "about", "amount"), [
    ("指导价二十一万九千八，旧车按评估价抵，再加置换补贴，抵完大约补十三万四千八", "discount", 219800),
    ("新车指导价二十一万九千八，您的旧车我们评估八万八。", "trade_in", 88000),
    ("We can offer 88,000 for your trade-in.", "trade_in", 88000),
])
def test_a_trade_in_customer_tells_the_price_of_the_new_car_from_the_offer_for_his(library, line, about, amount):
    lang = "zh" if "新车" in line or "指导价" in line else "en"
    _, replies = play(library, "trade-in-v1", [line], lang=lang)
    assert replies[0].state["offers"][0] == {"by": "trainee", "about": about, "amount": amount, "turn": 1}


def test_a_goal_met_through_an_alternative_is_reported_by_the_goals_name_and_the_kind_booked(library):
    from simkit.scoring import score
    from simkit.scoring.render import to_json

    session, _ = play(library, "invite-v1", ["Hi, this is Alex from Star Motors.", WHY,
                                             "Would you like to come by the showroom on Saturday at 10?"])
    card = score(session.transcript, library=library)
    assert "a callback (a visit)" in to_json(card, "en")["outcome"]["text"]
    assert "约定回电时间（到店看车）" in to_json(card, "zh")["outcome"]["text"]


def test_a_callback_said_the_chinese_way_is_a_callback(library):
    session, _ = play(library, "invite-v1", ["你好，我是星辰汽车的小李。", "您这次为什么考虑换车呢？",
                                             "那今晚八点我给您回个电话，把报价跟您说清楚。"], lang="zh")
    assert (session.outcome.status, session.outcome.goal) == ("success", "callback")
