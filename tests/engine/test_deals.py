"""Issue 11, items 4-6: appointments at a concrete time, numbers read against the persona's facts,
seeded variants. Every test plays real sessions on the repo's scenarios, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from simkit import Session
from simkit.content import load_library
from tests.references import load

SHOWROOM = "showroom-family-suv-v1"
ONLINE = "online-lead-lowest-price-v1"
REPO = Path(__file__).resolve().parents[2]

# The showroom strong salesperson up to a resolved price objection: the goal's conditions then hold.
READY = {
    "en": ["Hi, welcome in! I'm Alex, one of the consultants here. How can I help you today?",
           "Congratulations on the baby! What kind of budget do you have in mind for the new car?",
           "And what are you driving at the moment?",
           "You mentioned your wife. What matters most to her in the next car?",
           "That makes complete sense after what happened. Based on what you've told me, I'd recommend the "
           "seven-seat X7, with a full safety package and curtain airbags for the third row.",
           "I understand, nobody wants to overpay. What's behind the concern for you?"],
    "zh": ["您好，欢迎光临！我是销售顾问小陈。今天想了解点什么？",
           "恭喜您家添了宝宝！这次换车，您在预算上是怎么考虑的？",
           "您现在开的是什么车？",
           "您刚才提到您爱人，她对新车最看重的是什么？",
           "我理解，出过那样的事，安全肯定是第一位的。根据您的情况，我建议您看这款七座的X7，它配备了全套安全配置，第三排也有侧气帘。",
           "我理解，谁都不想多花冤枉钱。您具体是担心哪一方面呢？"],
}
PROOF = {"en": "Here are the figures side by side. Over five years the lower fuel and maintenance costs and the "
               "better resale value cover the difference.",
         "zh": "我给您做个配置对比：五年算下来，油耗和保养费用更低，保值率也更高，差价基本能补回来。"}
CONFIRM = {"en": "Does that address your worry about the price?", "zh": "这样算的话，价格方面的顾虑解除了吗？"}


def _ready(lang: str, seed: int = 3) -> Session:
    session = Session(SHOWROOM, seed=seed, lang=lang, clock=lambda: "")
    for line in READY[lang] + [PROOF[lang], CONFIRM[lang]]:
        session.say(line)
    assert session.state["objections_resolved"] == ["price-gap"] and not session.done
    return session


# --- 4. appointments -------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "vague"), [("en", "Could you drop by for a test drive some day?"),
                                              ("zh", "您哪天有空过来试驾一下？"),
                                              ("zh", "改天有空来试驾吧。")])
def test_some_day_books_nothing(lang, vague):
    session = _ready(lang)
    reply = session.say(vague)
    assert not reply.done and reply.outcome is None
    assert [b.rule for b in reply.beats if b.rule.startswith("time")] == ["time-needed"]
    assert reply.state["appointment"] == {"status": "asked"}


@pytest.mark.parametrize(("lang", "line", "said"), [
    ("en", "Could you come in for a test drive tomorrow at 3 pm?", "tomorrow at 3 pm"),
    ("zh", "明天下午三点来试驾怎么样？", "明天下午三点"),
    ("zh", "周六下午两点半来试驾可以吗？", "周六下午两点半"),
])
def test_a_time_that_suits_him_is_repeated_and_booked(lang, line, said):
    session = _ready(lang)
    reply = session.say(line)
    assert reply.done and reply.outcome.status == "success"
    assert said in reply.text  # his words name the time proposed, not one of his own
    assert "Sunday" not in reply.text and "周日" not in reply.text  # tomorrow is Sunday: said as proposed
    assert reply.outcome.appointment["time"] == said and reply.outcome.appointment["by"] == "trainee"
    record = session.transcript.to_dict()
    assert record["outcome"]["appointment"]["time"] == said
    assert record["turns"][-1]["state"]["appointment"]["status"] == "booked"
    assert said in reply.outcome.describe(lang)


@pytest.mark.parametrize(("lang", "busy", "counter", "agree"), [
    ("en", "Could you come for a test drive on Monday at 10 am?", "Monday at 7 pm", "Great, see you then."),
    ("zh", "周一上午十点来试驾可以吗？", "周一晚上7点", "好的，那就这么定了。"),
])
def test_a_time_he_cannot_make_is_countered_and_the_counter_can_be_accepted(lang, busy, counter, agree):
    session = _ready(lang)
    reply = session.say(busy)  # he works weekdays: free from 19:00
    assert not reply.done
    assert [b.rule for b in reply.beats][-1] == "time-countered"
    assert counter in reply.text and reply.state["appointment"]["status"] == "countered"
    reply = session.say(agree)
    assert reply.done and reply.outcome.appointment["time"] == counter
    assert reply.outcome.appointment["by"] == "customer" and counter in reply.text


def test_a_new_time_after_a_counter_is_checked_afresh():
    session = _ready("en")
    session.say("Could you come for a test drive on Monday at 10 am?")
    reply = session.say("What about Saturday at 11?")  # no close label: an answer to his counter
    assert reply.done and reply.outcome.appointment == {
        "status": "booked", "weekday": 5, "start": 660, "part": None, "time": "Saturday at 11", "by": "trainee"}


def test_a_day_without_an_hour_asks_for_the_time_and_the_hour_completes_it():
    session = _ready("en")
    reply = session.say("Can you come for a test drive on Sunday?")
    assert [b.rule for b in reply.beats][-1] == "time-needs-hour" and not reply.done
    reply = session.say("Does 10 am work?")
    assert reply.done and reply.outcome.appointment["weekday"] == 6 and reply.outcome.appointment["start"] == 600


# --- 5. numbers ------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "wrong", "right"), [
    ("en", "Here is the total cost sheet: over five years the X7 costs you 30,000 more than the rival.",
     "Here's the total cost side by side: it's 12,000 more up front, but over five years you save 15,000 on fuel."),
    ("zh", "这是总成本对比表：五年算下来X7比对手多花三万。", "这是总成本对比：五年下来油耗和保养能省一万五。"),
])
def test_a_figure_that_proves_the_opposite_does_not_resolve(lang, wrong, right):
    session = Session(SHOWROOM, seed=3, lang=lang, clock=lambda: "")
    for line in READY[lang]:
        session.say(line)
    reply = session.say(wrong)  # a cue word (total cost) and a number that says the opposite
    assert [b.rule for b in reply.beats] == ["evidence-contradicted"]
    assert reply.view.objections[0].next_step == "evidence"
    reply = session.say(right)
    assert "objection-evidence" in [b.rule for b in reply.beats]


def test_a_saving_far_from_the_persona_figure_is_not_believed():
    session = Session(SHOWROOM, seed=3, lang="en", clock=lambda: "")
    for line in READY["en"]:
        session.say(line)
    reply = session.say("Here is the total cost: over five years you save 60,000 yuan.")
    assert [b.rule for b in reply.beats] == ["evidence-contradicted"]


def test_offers_are_amounts_in_the_state_and_a_bargaining_persona_counters(tmp_path):
    root = tmp_path / "scenarios"
    for sub in ("personas", "scenarios"):
        (root / sub).mkdir(parents=True)
        for path in (REPO / "scenarios" / sub).glob("*.yaml"):
            (root / sub / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    persona = root / "personas" / "zhou-jian.yaml"
    persona.write_text(persona.read_text(encoding="utf-8")
                       + "negotiation: {side: buyer, about: price, target: 238000, limit: profile_budget}\n"
                       + "# the limit as a numeric fact\n", encoding="utf-8")
    text = persona.read_text(encoding="utf-8").replace(
        "facts:\n", "facts:\n  profile_budget: {value: 250000, zh: 二十五万, en: \"250,000\"}\n", 1)
    persona.write_text(text, encoding="utf-8")
    library = load_library(root)
    for lang, high, low in (("en", "The X7 comes in at 258,000 on the road.", "The X7 is 248,000 on the road."),
                            ("zh", "这款X7落地价是二十五万八。", "这款X7落地价二十四万八。")):
        session = Session(SHOWROOM, seed=3, lang=lang, library=library, clock=lambda: "")
        for line in READY[lang][:4]:
            session.say(line)
        reply = session.say(high)
        assert reply.state["offers"][-2:] == [
            {"by": "trainee", "about": "price", "amount": 258000, "turn": 5},
            {"by": "customer", "about": "price", "amount": 238000, "turn": 5}], lang
        countered = next(b for b in reply.beats if b.rule == "offer-countered")
        assert countered.params["amount"] == ("238,000" if lang == "en" else "23.8万")  # {amount} in its line
        assert countered.line and countered.params["amount"] in reply.text  # the counter is said
        reply = session.say(low)
        assert "offer-acceptable" in [b.rule for b in reply.beats]
        assert reply.state["offers"][-1]["amount"] == 248000


# --- 6. seeded variants ----------------------------------------------------------------------

SCENARIOS = Path(__file__).parents[2] / "scenarios" / "scenarios"
SUNDAY = "online-lead-lowest-price.references.yaml"  # seed 5: she counters Saturday morning
SATURDAY = "online-lead-lowest-price.saturday.references.yaml"  # seed 4: Saturday morning suits her


def _reference(name: str) -> dict:
    return load(SCENARIOS / name)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_two_seeds_of_a_scenario_with_variants_need_different_lines(lang):
    sunday, saturday = _reference(SUNDAY), _reference(SATURDAY)
    assert Session(ONLINE, seed=sunday["seed"]).variant.id != Session(ONLINE, seed=saturday["seed"]).variant.id
    results = {}
    for own in (sunday, saturday):
        for lines_of in (sunday, saturday):
            session = Session(ONLINE, seed=own["seed"], lang=lang, clock=lambda: "")
            for line in lines_of["scripts"]["strong"][lang]["lines"]:
                if not session.done:
                    session.say(line)
            results[own["seed"], lines_of["seed"]] = session.outcome.status if session.outcome else "open"
    assert results[sunday["seed"], sunday["seed"]] == results[saturday["seed"], saturday["seed"]] == "success"
    assert results[sunday["seed"], saturday["seed"]] != "success"  # Saturday morning does not suit her


def test_the_variant_follows_the_seed_alone_and_changes_brief_and_facts():
    drawn = {seed: Session(ONLINE, seed=seed, lang="en") for seed in range(4)}
    assert [s.variant.id for s in drawn.values()] == ["free-saturday-morning", "free-sunday-afternoon"] * 2
    assert Session(ONLINE, seed=1, lang="zh").variant.id == "free-sunday-afternoon"
    assert "115,000" in drawn[0].scenario.brief["en"] and "112,000" in drawn[1].scenario.brief["en"]
    assert drawn[0].persona.facts["competitor_price"]["en"] == "115,000"
    assert drawn[1].persona.facts["budget"]["en"] == "125,000 all in"
    assert drawn[1].transcript.opening_beats[0]["params"] == {"variant": "free-sunday-afternoon"}
    assert Session(SHOWROOM, seed=1).variant is None  # no variants: played as written


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_on_the_online_lead_some_day_books_no_visit_and_a_refusal_does_not_accept_a_counter(lang):
    script = _reference(SUNDAY)["scripts"]["strong"][lang]["lines"]
    session = Session(ONLINE, seed=5, lang=lang, clock=lambda: "")  # free on Sunday afternoons
    for line in script[:12]:
        session.say(line)
    vague = {"en": "Could you drop by the store some day to see it?", "zh": "您哪天有空来店里看看车？"}[lang]
    reply = session.say(vague)
    assert not reply.done and reply.state["appointment"] == {"status": "asked"}
    reply = session.say(script[12])  # Saturday morning: she counters with Sunday at 2 pm
    assert [b.rule for b in reply.beats][-1] == "time-countered"
    refusal = {"en": "Sorry, Sunday doesn't work for me.", "zh": "周日不行，我那天不方便。"}[lang]
    reply = session.say(refusal)  # no booking: she asks when instead
    assert not reply.done and reply.state["appointment"] == {"status": "asked"}
    other = {"en": "Sorry, Sunday doesn't work for me. How about Monday at 7 pm?",
             "zh": "周日我不方便，周一晚上七点可以吗？"}[lang]
    reply = session.say(other)
    assert reply.done and reply.outcome.appointment["weekday"] == 0 and reply.outcome.appointment["start"] == 19 * 60


@pytest.mark.parametrize(("text", "lang", "way"), [
    ("Leasing costs 30,000 more per car over three years.", "en", "more"),
    ("Leasing saves you 8,000 per car.", "en", "less"),
    ("It's 8,000 cheaper than buying, and the list price is 250,000.", "en", "less"),
    ("租赁每台车要多花三万。", "zh", "more"),
    ("五年下来能省一万五。", "zh", "less"),
    ("这台车比对手贵一万二。", "zh", "more"),
    ("算下来置换比您自己卖要少一万。", "zh", "less"),  # a bare 多 / 少 right before the amount
    ("租电池比买断二十台车要多三万。", "zh", "more"),
    ("旧车差不多八万。", "zh", None),  # 差不多: about, no way
    ("您心里价位多少？八万行吗？", "zh", None),
])
def test_the_direction_of_an_amount_is_read_from_the_words_beside_it(text, lang, way):
    from simkit.engine.figures import direction
    from simkit.understand import analyze

    money = next(f for f in analyze(text, lang=lang).facts if f.kind == "money")
    assert direction(text, money.start, money.start + len(money.text), lang) == way


@pytest.mark.parametrize(("lang", "options", "taken"), [
    ("en", "Could you come by on Saturday at 10 am or Sunday at 2 pm? I'll have the quote ready.", "Sunday at 2 pm"),
    ("zh", "您看这周六上午十点还是周日下午两点方便到店？", "周日下午两点"),
])
def test_of_two_options_she_takes_the_one_that_suits_her(lang, options, taken):
    script = _reference(SUNDAY)["scripts"]["strong"][lang]["lines"]
    session = Session(ONLINE, seed=5, lang=lang, clock=lambda: "")  # free on Sunday afternoons
    for line in script[:12]:
        session.say(line)
    reply = session.say(options)
    assert reply.done and reply.outcome.appointment["time"] == taken and taken in reply.text
