"""Context: what the analyzer derives from the conversation so far, and that a bare line reads as before."""

from __future__ import annotations

import pytest

from simkit.understand import analyze
from simkit.understand.cli import evaluate
from simkit.understand.context import Context, context_features, recalls
from simkit.understand import corpus

PRESENTED = Context(customer_last="嗯，这个报告我看看。", just_presented=True)


def test_a_line_without_context_reads_as_it_did():
    rows = corpus.load_corpus(corpus.test_files())[::7]
    for row in rows:
        bare = analyze(row["text"], row["lang"])
        assert analyze(row["text"], row["lang"], None) == bare
        assert analyze(row["text"], row["lang"], Context()) == bare  # the customer said nothing yet
        assert analyze(row["text"], row["lang"], "") == bare


@pytest.mark.parametrize(("value", "expected"), [
    (None, None),
    ("太贵了", Context(customer_last="太贵了")),
    ({"customer_last": "太贵了", "mentioned_topics": ["budget"], "just_presented": True, "note": "ignored"},
     Context(customer_last="太贵了", mentioned_topics=("budget",), just_presented=True)),
])
def test_an_item_context_is_a_string_or_a_dict(value, expected):
    assert Context.from_item(value) == expected


def test_an_item_context_of_another_type_is_refused():
    with pytest.raises(TypeError, match="a context is a string, a dict or None, got int"):
        Context.from_item(3)


def test_the_next_context_follows_the_conversation():
    first = Context().then("预算十五万左右，主要是接孩子。")
    assert first.customer_topics == ("budget", "family")
    assert first.mentioned_facts and not first.just_presented
    second = first.then("那电池衰减怎么办？", techniques=("present", "evidence"), open_objection="battery",
                        objection_step="probed")
    assert second.customer_last == "那电池衰减怎么办？"
    assert second.mentioned_topics == ("budget", "family", "concern")
    assert second.mentioned_facts == first.mentioned_facts
    assert (second.open_objection, second.objection_step, second.just_presented, second.just_proposed) == \
        ("battery", "probed", True, False)
    assert first.then("好", techniques=("close",)).just_proposed


def test_context_features_name_the_customer_topics_the_shared_topics_and_echoed_words():
    ctx = Context.after("What's the monthly payment on the hybrid?")
    feats = context_features("The hybrid's monthly payment comes to about 420.", ctx, ["finance"])
    assert {"x:ct:finance", "x:same:finance", "x:echo", "x:cq"} <= set(feats)
    assert context_features("Welcome in!", Context.after("Hi"), []) == []
    assert context_features("anything", None, []) == []
    zh = context_features("您说的油耗，这台车百公里五个油。", Context.after("这车油耗高不高？"), [])
    assert "x:echo" in zh and "x:cq" in zh


@pytest.mark.parametrize(("line", "recalled"), [
    ("您刚才说孩子多，具体几个人坐？", True),
    ("Well, you mentioned your wife. What matters most to her?", True),
    ("So you said the old car was a pain in winter, what happened?", True),
    ("您说说呗，这车您打算平时咋用？", False),  # "tell me": an instruction to talk, not a recall
    ("What did you say your budget was?", False),
])
def test_a_recall_opens_a_clause(line, recalled):
    assert recalls(line) is recalled


def test_an_open_question_that_recalls_what_the_customer_said_is_a_probe():
    line = "Well, you mentioned your wife. What else does she need in a car?"
    ctx = Context.after("My wife will drive it most days.")
    assert "probe" in analyze(line, "en", ctx).techniques
    assert not {"open_question", "closed_question"} & set(analyze(line, "en", ctx).techniques)


@pytest.mark.parametrize(("line", "lang"), [("Is that okay?", "en"), ("这个价格您能接受吗？", "zh"),
                                            ("Any questions on that?", "en")])
def test_a_yes_no_check_right_after_an_offer_is_a_confirm(line, lang):
    assert analyze(line, lang).techniques != ("confirm",)  # bare, it reads as a yes/no question (or filler)
    assert analyze(line, lang, PRESENTED).techniques == ("confirm",)


@pytest.mark.parametrize(("line", "lang", "label"), [
    ("预算是六百万左右吗？", "zh", "closed_question"),  # a question of its own, not about the offer
    ("Is your budget around four million?", "en", "closed_question"),
    ("Saturday at 10 work for you?", "en", "close"),  # a close stays a close
])
def test_a_question_of_its_own_after_an_offer_is_no_confirm(line, lang, label):
    assert label in analyze(line, lang, PRESENTED).techniques
    assert "confirm" not in analyze(line, lang, PRESENTED).techniques


def test_the_same_line_after_a_question_is_not_read_as_a_check():
    asked = Context(customer_last="这个报告是谁出的？")  # the trainee did not just present
    assert analyze("Is that okay?", "en", asked).techniques == analyze("Is that okay?", "en").techniques


def test_nlu_eval_reads_an_items_context():
    line = "Well, you mentioned your wife. What else does she need in a car?"
    rows = [{"text": line, "labels": ["probe"], "context": "My wife will drive it most days."},
            {"text": "Is that okay?", "labels": ["confirm"],
             "context": {"customer_last": "Right, a full service history.", "just_presented": True}}]
    report = evaluate(rows)
    assert report["with_context"] == 2
    assert report["per_label"]["probe"]["recall"] == 1.0 and report["per_label"]["confirm"]["recall"] == 1.0
