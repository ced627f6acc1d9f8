"""Scoring gives nothing for talk that did no work, records unclear lines without penalty, and
its feedback speaks like a trainer: the costly mistake first, nothing the trainee already said,
nothing the customer did not say."""

from __future__ import annotations

import dataclasses

import pytest

from simkit import Session
from simkit.content import default_library
from simkit.engine import session as session_module
from simkit.scoring import score
from simkit.scoring.conversation import Conversation
from simkit.scoring.dimensions import listening
from simkit.scoring.observe import observe
from simkit.scoring.rubric import Rubric
from tests.references import play_reference, reference_files

HUNG_UP = {  # a poor trainee: greets, then junk and rudeness; the customer leaves within a few turns
    "en": ["Hi, welcome! I'm Sam.", "do you like hotpot?", "Shut up", "Shut up"],
    "zh": ["您好，欢迎！我是小陈。", "你喜欢吃火锅吗？", "滚", "闭嘴"],
}
SCENARIOS = tuple(sorted(default_library().scenarios))  # every scenario of the library


def _play(scenario: str, lang: str, lines: list[str], seed: int = 0) -> Session:
    session = Session(scenario, seed=seed, lang=lang)
    for line in lines:
        if session.done:
            break
        session.say(line)
    return session


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_trainee_hung_up_on_early_gets_no_listening_or_rapport_credit(scenario, lang):
    session = _play(scenario, lang, HUNG_UP[lang])
    assert session.done and session.outcome.status == "defeat" and session.outcome.turn <= 4
    card = score(session.transcript)
    for name in ("listening", "rapport"):
        dim = card.dimension(name)
        assert dim.points == 0, (name, dim.evidence)
        assert any(e.reason == "no-work" for e in dim.evidence)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_poor_reference_gets_no_listening_or_rapport_credit(lang):
    for path in reference_files():
        card = score(play_reference(path, "poor", lang))
        assert card.dimension("listening").points == 0, path.stem
        assert card.dimension("rapport").points == 0, path.stem


def test_an_unclear_line_is_recorded_and_costs_nothing(monkeypatch):
    """The analyzer sets ``Analysis.unclear``; until it does, this test marks one line itself."""
    mark = "the line nobody can read"
    real = session_module.analyze
    monkeypatch.setattr(session_module, "analyze",
                        lambda text, **kw: dataclasses.replace(real(text, **kw), unclear=text == mark))
    lines = ["Hi, welcome in! I'm Alex. What brings you in today?", mark, "What budget do you have in mind?"]
    with_mark = _play("showroom-family-suv-v1", "en", lines)
    without = _play("showroom-family-suv-v1", "en", [lines[0], lines[2]])
    assert with_mark.turns[1].beats[0]["rule"] == "unclear"
    assert with_mark.state | {"turn": 0} == without.state | {"turn": 0}
    conv = Conversation.from_session(with_mark)
    obs = observe(conv)
    assert obs.unclear_turns == (2,)
    dim = listening.measure(conv, obs, Rubric.for_scenario(conv.scenario)).settle("listening", 10)
    notes = [e for e in dim.evidence if e.reason == "unclear-line"]
    assert notes and notes[0].turn == 2 and notes[0].points == 0 and notes[0].lost == 0


PUSHY = {
    "en": ["Hi, welcome in! I'm Alex. What brings you in today?", "What budget do you have in mind?",
           "This is the last one in stock, you have to decide today.", "What are you driving at the moment?",
           "Come on, prices go up next week, sign now.", "Stop overthinking it and buy it today."],
    "zh": ["您好，欢迎光临！我是小陈。今天想了解点什么？", "您的预算大概是多少？", "这是最后一台了，今天不定明天就没了。",
           "您现在开的是什么车？", "下周就涨价了，赶紧定吧。", "别犹豫了，今天必须定。"],
}
PRESSURE_TIPS = {"avoid-pressure", "avoid-false-urgency", "avoid-false-guarantee", "avoid-belittling"}


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_pushy_trainees_first_tip_is_about_the_pressure(scenario, lang):
    card = score(_play(scenario, lang, PUSHY[lang]).transcript)
    assert card.feedback and card.feedback[0].code in PRESSURE_TIPS, [i.code for i in card.feedback]


ONE_DISCOUNT = {
    "en": ["Hi, welcome in! I'm Alex. What brings you in today?", "What matters most to you in a car?",
           "Tell you what, I'll knock 5,000 off the price right now.", "What are you driving at the moment?"],
    "zh": ["您好，欢迎光临！我是小陈。今天想了解点什么？", "您买车最看重什么？", "这样吧，我现在直接给您便宜五千。",
           "您现在开的是什么车？"],
}
DISCOUNT_TIPS = {"avoid-premature-discount", "evidence-before-discount"}
# Every scenario whose scorecard charges a discount given before its time (the seller is offered
# none; the busy phone lead's rubric weighs only the call's goal and manners).
DISCOUNT_SCENARIOS = tuple(s for s in SCENARIOS if s not in ("used-car-seller-lowball-fear-v1", "idcc-busy-site-lead-v1"))


@pytest.mark.parametrize("scenario", DISCOUNT_SCENARIOS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_one_premature_discount_is_the_first_tip(scenario, lang):
    """Money given away is not taken back: a trainer names the discount first, even said once."""
    card = score(_play(scenario, lang, ONE_DISCOUNT[lang]).transcript)
    assert card.feedback and card.feedback[0].code in DISCOUNT_TIPS, [i.code for i in card.feedback]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_feedback_never_suggests_a_line_the_trainee_said(lang):
    """Asked for the test drive too early, the trainee is told to check first: but they said the
    model check line word for word, so another line is offered."""
    from simkit import i18n

    check = i18n.text("model.check-ready", lang)
    lines = [i18n.text("model.greeting.showroom", lang), check, i18n.text("model.close.test_drive", lang)]
    card = score(_play("showroom-family-suv-v1", lang, lines).transcript)
    codes = [item.code for item in card.feedback]
    assert "close-when-ready" in codes, codes
    said = set(lines)
    assert all(item.better.get(lang) not in said for item in card.feedback), [i.better for i in card.feedback]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_feedback_says_you_mentioned_only_what_the_customer_mentioned(lang):
    """A trainee who found no family need is never told "you mentioned your family"."""
    from simkit import i18n

    lines = {"en": ["Hi, welcome in! I'm Alex.", "What budget do you have in mind?",
                    "This X7 has seven seats.", "Shall we book a test drive?"],
             "zh": ["您好，欢迎光临！我是小陈。", "您的预算大概是多少？", "这款X7是七座的。", "那我们约个试驾吧？"]}[lang]
    session = _play("showroom-family-suv-v1", lang, lines)
    assert "more-seats" not in session.state["needs_revealed"]
    card = score(session.transcript)
    family_probe = i18n.text("model.probe.family", lang)
    assert all(item.better.get(lang) != family_probe for item in card.feedback), [i.better for i in card.feedback]


VAGUE_CLOSE = {"en": "Come and see it at the store some day.", "zh": "您哪天有空就来店里看看吧，报价单我提前准备好。"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_ready_customer_asked_to_come_some_day_is_told_to_name_a_day_and_a_time(lang):
    """The strong online-lead salesperson up to the close, who then closes with no day or time:
    the customer asks "which day, what time?", nothing is booked, and the first tip says why."""
    from simkit import i18n
    from tests.references import load, reference_file

    refs = load(reference_file("online-lead-lowest-price-v1"))
    lines = refs["scripts"]["strong"][lang]["lines"][:12] + [VAGUE_CLOSE[lang]]
    session = _play("online-lead-lowest-price-v1", lang, lines, seed=refs["seed"])
    assert session.transcript.turns[-1].beats[-1]["rule"] == "time-needed"
    card = score(session.transcript)
    assert card.outcome["status"] != "success"
    tip = next(item for item in card.feedback if item.code == "name-a-time")
    assert tip.turn == len(lines) and tip.better[lang] == i18n.text("model.name-a-time", lang)
