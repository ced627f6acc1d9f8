"""analyze(): labels, topics, language and robustness on the lines the engine relies on."""

from __future__ import annotations

import pytest

from simkit.labels import QUESTION_TECHNIQUES, TECHNIQUES, TOPICS
from simkit.understand import ANALYZER_VERSION, Analysis, analyze, detect_lang

# (line, a label it must carry, topics it must carry)
CORE_LINES = [
    ("您好，欢迎光临，我是销售顾问小陈", "greeting", ()),
    ("您平时用车主要是什么场景？", "open_question", ("usage",)),
    ("您刚才说孩子多，具体几个人坐？", "probe", ("family",)),
    ("我理解您的担心", "empathy", ("concern",)),
    ("这是第三方检测报告和全部保养记录", "evidence", ()),
    ("这台车今天不买明天就没了", "pressure", ()),
    ("我再给您便宜一万", "concession", ()),
    ("周六上午十点来试驾可以吗？", "close", ()),
    ("Hi, welcome in, I'm Alex", "greeting", ()),
    ("What will you mostly use the car for?", "open_question", ("usage",)),
    ("You mentioned the kids — how many seats do you really need?", "probe", ("family",)),
    ("I understand, that's a fair concern", "empathy", ("concern",)),
    ("Here's the independent inspection report and full service history", "evidence", ()),
    ("This is the last one, buy today or lose it", "pressure", ()),
    ("I can knock off two grand", "concession", ()),
    ("Could you come for a test drive Saturday at 10?", "close", ()),
    ("Does that address your worry about the battery?", "confirm", ("concern",)),
]


@pytest.mark.parametrize(("line", "label", "topics"), CORE_LINES)
def test_core_lines(line: str, label: str, topics: tuple[str, ...]) -> None:
    a = analyze(line)
    assert label in a.techniques, (line, a.techniques)
    assert set(topics) <= set(a.topics), (line, a.topics)


@pytest.mark.parametrize("line", [line for line, _, _ in CORE_LINES])
def test_at_most_one_question_type(line: str) -> None:
    assert len(set(analyze(line).techniques) & QUESTION_TECHNIQUES) <= 1


def test_close_carries_the_date() -> None:
    a = analyze("周六上午十点来试驾可以吗？")
    assert a.is_question
    assert [(f.kind, f.value) for f in a.facts] == [("date", {"weekday": 5, "hour": 10})]
    b = analyze("Could you come for a test drive Saturday at 10?")
    assert [(f.kind, f.value) for f in b.facts] == [("date", {"weekday": 5, "hour": 10})]


@pytest.mark.parametrize(
    ("topic", "lines"),
    [
        ("budget", ["您的预算大概多少？", "这个价位您能接受吗？", "What price range are you thinking?",
                    "How much were you hoping to spend?", "What can you afford each month?"]),
        ("usage", ["您上下班通勤远吗？", "平时跑长途多吗？", "How long is your commute?",
                   "What do you use it for mostly?"]),
        ("family", ["家里几口人？", "孩子多大了？", "Do the kids ride with you?", "How big is your family?"]),
        ("current_car", ["您现在开的是什么车？", "旧车开了几年了？", "What are you driving now?",
                         "How do you like your current car?"]),
        ("timeline", ["您打算什么时候买？", "What's your timeline?", "When do you want to buy?"]),
        ("preference", ["您喜欢什么颜色？", "看轿车还是SUV？", "What are you looking for in a car?",
                        "Do you prefer a sedan?"]),
        ("finance", ["您考虑贷款吗？", "首付准备多少？", "Would you finance it?",
                     "What monthly payment works?", "How much down payment?"]),
        ("trade_in", ["旧车考虑置换吗？", "Do you have a trade-in?", "Thinking of trading in your car?"]),
        ("decision_maker", ["需要跟家人商量吗？", "您爱人也会一起来看吗？", "Will your wife be part of the decision?",
                            "Who else will decide?"]),
        ("competitor", ["您还看过别家的车吗？", "其他品牌有对比吗？", "Have you visited another dealer?",
                        "Did you get a quote elsewhere?"]),
        ("concern", ["您最担心什么？", "有什么顾虑吗？", "Any worries about it?", "Is the accident history a concern?"]),
        ("contact", ["方便留个电话吗？", "加个微信吧", "What's the best number to reach you?",
                     "Can I get your email?"]),
    ],
)
def test_topic_keywords_are_broad(topic: str, lines: list[str]) -> None:
    for line in lines:
        assert topic in analyze(line).topics, (topic, line, analyze(line).topics)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("您好", "zh"),
        ("Hello there", "en"),
        ("这台 SUV 很省油", "zh"),
        ("Does the 七座 version fit your family?", "en"),
        ("", "en"),
        ("12345", "en"),
    ],
)
def test_detect_lang(text: str, lang: str) -> None:
    assert detect_lang(text) == lang
    assert analyze(text).lang == lang


def test_lang_argument_wins() -> None:
    assert analyze("OK", lang="zh").lang == "zh"
    assert analyze("好的", lang="xx").lang == "zh"  # unknown values are detected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "😀😀🚗",
        "好" * 10_000,
        "word " * 2_000,
        "<script>alert('x')</script><b>hi</b>",
        "这台 SUV comes with 七座 and a hybrid engine, 要不要 test drive?",
        "\x00\x01\ufeff",
        "？？？",
        "$$$ 万万万 15..万 $2,50,0",
    ],
)
def test_never_crashes(text: str) -> None:
    a = analyze(text)
    assert isinstance(a, Analysis)
    assert a.text == text
    assert a.techniques and set(a.techniques) <= set(TECHNIQUES)
    assert list(a.techniques) == [t for t in TECHNIQUES if t in a.techniques]
    assert list(a.topics) == [t for t in TOPICS if t in a.topics]
    assert a.lang in ("zh", "en")


def test_nothing_applies_gives_other() -> None:
    assert analyze("").techniques == ("other",)
    assert analyze("😀").techniques == ("other",)


def test_deterministic() -> None:
    line = "您刚才说孩子多，具体几个人坐？"
    assert analyze(line) == analyze(line)


def test_non_string_input_does_not_crash() -> None:
    assert analyze(None).techniques == ("other",)  # type: ignore[arg-type]


def test_version_is_a_string() -> None:
    assert isinstance(ANALYZER_VERSION, str) and ANALYZER_VERSION.startswith("nlu-")


def test_to_dict_is_json_ready() -> None:
    import json

    json.dumps(analyze("预算15万，周六上午十点来").to_dict())


def test_same_results_under_different_hash_seeds() -> None:
    import os
    import subprocess
    import sys

    code = (
        "import json\n"
        "from simkit.understand import analyze\n"
        f"lines = {[line for line, _, _ in CORE_LINES]!r}\n"
        "print(json.dumps([analyze(x).to_dict() for x in lines], sort_keys=True, ensure_ascii=False))\n"
    )
    outs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert len(outs) == 1
