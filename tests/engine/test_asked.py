"""The customer answers the topic the question asks (issue 11, item 1), not any topic the line names.

:func:`simkit.engine.asked.asked_topics` on real analyses, then real Sessions on three scenarios
and both languages: set-aside topics, the salesperson's own clauses, pitches after the question,
general words, "I told you that" only for what was told.
"""

from __future__ import annotations

import pytest

from simkit import Session
from simkit.engine.asked import asked_topics
from simkit.understand import analyze

SCENARIOS = ("showroom-family-suv-v1", "used-car-hidden-defects-v1", "online-lead-lowest-price-v1")
GREETING = {"en": "Hello, welcome in! I'm Sam.", "zh": "您好，欢迎光临！我是小陈。"}


def _greeted(scenario: str, lang: str, seed: int = 0) -> Session:
    session = Session(scenario, seed=seed, lang=lang)
    session.say(GREETING[lang])
    return session


def _needs_told(session: Session, reply) -> list:
    return [session.persona.need(b.params["need"]) for b in reply.beats if b.kind == "reveal_need"]


# -- asked_topics ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "topics", "excluded"), [
    # the salesperson's own clauses and offers ask nothing
    ("I'm Sam, I handle our SUVs. What brings you in?", (), ()),
    ("我是小陈，专门负责SUV的。您今天主要想了解什么？", (), ()),
    ("有旧车要置换吗？现在置换有补贴的", ("trade_in",), ()),
    ("Do you have a car to trade in? We've got a bonus on trade-ins this month.", ("trade_in",), ()),
    # what follows 除了 / apart from (or precedes 之外 / aside) is set aside
    # (the model reads no topic into "what matters to you?": a broad question, the price set aside)
    ("Apart from the price, what matters to you?", (), ("budget",)),
    ("Other than the budget, is anything worrying you?", ("concern",), ("budget",)),
    ("除了价格，您挑车还在意什么？", ("preference",), ("budget",)),
    ("价格之外，您还担心什么？", ("concern",), ("budget",)),
    ("除了价钱，还有什么让您拿不定主意的？", (), ("budget",)),
    # general words give way to a specific topic; a keyword inside a longer one gives way to it
    ("家里有小孩要装安全座椅吗？", ("family",), ()),
    ("换车这件事，最后是您拍板还是要和爱人商量？", ("decision_maker",), ()),
    ("What kind of monthly payment would feel comfortable?", ("finance",), ()),
    ("When you drive to work, how many people ride with you?", ("family",), ()),
    ("When do you need the car by?", ("timeline",), ()),
    ("Ballpark, what are you looking to spend?", ("budget",), ()),
    # a price as a yardstick asks about the competition; alone, it still asks about the budget
    ("Are there other cars at a similar price you're looking at?", ("competitor",), ()),
    # (the model also reads current_car into "as before", and a general word stands with the model's
    # topics: the customer answers the budget first, the most telling topic)
    ("Is it the same budget as before?", ("budget", "current_car"), ()),
    # a recalled clause sets the scene: the topic asked comes first
    ("您刚才提到通勤，平时在家的话打算在哪儿充电？", ("usage",), ()),
])
def test_asked_topics_are_those_of_the_question(line, topics, excluded):
    analysis = analyze(line)
    asked = asked_topics(analysis)
    assert (asked.topics, asked.excluded) == (topics, excluded), analysis.topics
    assert set(asked.topics) <= set(analysis.topics), "never a topic the analyzer did not read"


def test_a_line_without_topics_asks_none():
    assert asked_topics(analyze("What brings you in today?")).topics == ()
    assert asked_topics(analyze("嗯")).topics == ()


# -- the customer answers the topic asked ----------------------------------------------------------

@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize(("lang", "line"), [("en", "Ballpark, what are you looking to spend?"),
                                            ("en", "Roughly what figure did you have in mind to spend?"),
                                            ("zh", "大概想花多少钱？"), ("zh", "您心里的价位大概是多少？")])
def test_a_budget_question_gets_a_budget_answer(scenario, lang, line):
    session = _greeted(scenario, lang)
    reply = session.say(line)
    told = _needs_told(session, reply)
    assert all("budget" in n.reveal_topics for n in told), [n.id for n in told]
    on_budget = any(n.topic == "budget" for n in told) or any(
        b.params.get("topic") == "budget" for b in reply.beats if b.kind == "answer")
    assert on_budget, (reply.text, [b.rule for b in reply.beats])


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize(("lang", "line"), [("en", "Apart from the price, what matters to you?"),
                                            ("en", "Price aside, what else is important to you in the car?"),
                                            ("zh", "除了价格，您挑车还在意什么？"),
                                            ("zh", "除了价钱，还有什么让您拿不定主意的？")])
def test_a_topic_set_aside_never_gets_its_need(scenario, lang, line):
    session = _greeted(scenario, lang)
    reply = session.say(line)
    assert not [n.id for n in _needs_told(session, reply) if n.topic == "budget"], reply.text
    assert not any(b.kind == "answer" and b.params.get("topic") == "budget" for b in reply.beats)


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_salespersons_own_clauses_change_nothing_the_question_asks(scenario, lang):
    """"I'm Sam, I handle our SUVs. What brings you in?" is answered as "What brings you in?" is."""
    intro = {"en": ("I'm Sam, I handle our SUVs. What brings you in today?", "What brings you in today?"),
             "zh": ("我是小陈，专门负责SUV的。您今天主要想了解什么？", "您今天主要想了解什么？")}[lang]
    rules = []
    for line in intro:
        reply = _greeted(scenario, lang).say(line)
        rules.append([(b.rule, b.params.get("need")) for b in reply.beats])
    assert rules[0] == rules[1]


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize(("lang", "line", "topic"), [
    ("zh", "有旧车要置换吗？现在置换有补贴的", "trade_in"),
    ("en", "Do you have a car to trade in? We've got a bonus on trade-ins this month.", "trade_in"),
    ("zh", "家里有小孩要装安全座椅吗？", "family"),
    ("en", "When you drive to work, how many people ride with you?", "family"),
    ("en", "What kind of monthly payment would feel comfortable?", "finance"),
])
def test_no_need_of_another_topic_than_the_one_asked(scenario, lang, line, topic):
    session = _greeted(scenario, lang)
    reply = session.say(line)
    assert all(topic in n.reveal_topics for n in _needs_told(session, reply)), reply.text


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_i_told_you_only_when_the_topic_asked_was_told(scenario, lang):
    lines = {"en": ["What budget do you have in mind?", "Is there anything else?", "Is that all right?",
                    "And the budget, what was it again?", "What will you use the car for?"],
             "zh": ["您预算大概多少？", "还有别的吗？", "这样可以吗？", "预算方面您再说说？", "您买车主要做什么用？"]}[lang]
    session = _greeted(scenario, lang, seed=1)
    told: set[str] = set()
    for line in lines:
        reply = session.say(line)
        asked = set(asked_topics(reply.analysis).topics)
        for beat in reply.beats:
            if beat.rule == "nothing-new":
                assert asked & told, (line, reply.text)
        told |= {n.topic for n in _needs_told(session, reply)}
    broad = [t for t in session.turns if t.trainee in lines[1:3]]
    assert broad and not any(b["rule"] == "nothing-new" for t in broad for b in t.beats), \
        "a question on no topic is never 'I told you that'"


# -- junk the customer hears as junk, in general forms --------------------------------------------

@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize(("lang", "line", "rule"), [
    ("en", "Nice watch! Is it new?", "junk"),
    ("en", "Did you see the game last night?", "junk"),
    ("en", "Wait, am I talking to a chatbot?", "junk"),
    ("en", "Make up your mind, I haven't got all day.", "rude"),
    ("en", "Can I have your national insurance number?", "personal-data"),
    ("en", "So how much does your employer pay you?", "personal-data"),
    ("zh", "您这外套真不错，哪里买的？", "junk"),
    ("zh", "昨晚看球了吗？", "junk"),
    ("zh", "你是不是自动回复的？", "junk"),
    ("zh", "别瞎问了，买不买吧。", "rude"),
    ("zh", "你一个月能挣多少？", "personal-data"),
    ("zh", "您平时喜欢打高尔夫吗？", "junk"),  # was answered as a question on preference
    ("en", "Do you play golf at the weekend?", "junk"),
])
def test_small_talk_bots_dismissals_and_prying_get_their_reaction_and_no_reward(scenario, lang, line, rule):
    session = _greeted(scenario, lang)
    trust = session.state["trust"]
    reply = session.say(line)
    assert rule in [b.rule for b in reply.beats], [b.rule for b in reply.beats]
    assert reply.state["needs_revealed"] == [] and reply.state["trust"] <= trust


@pytest.mark.parametrize(("lang", "line"), [
    ("zh", "周末一般会开车去哪儿玩？"), ("zh", "这台车可以用手表解锁。"),
    ("en", "Do you take many road trips at the weekend?"), ("en", "Would your employer pay towards the lease?"),
    ("zh", "您是怕网上这个价是钓鱼价吧？"),  # 钓鱼 (fishing) is bait here, not a pastime
])
def test_car_talk_with_the_same_words_is_not_junk(lang, line):
    session = _greeted("showroom-family-suv-v1", lang)
    reply = session.say(line)
    assert not {"junk", "rude", "personal-data"} & {b.rule for b in reply.beats}, reply.text
