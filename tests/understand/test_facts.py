"""Fact extraction: every kind in both languages, plus malformed numbers."""

from __future__ import annotations

import pytest

from simkit.understand.facts import en_words_int, extract_facts, zh_int


def facts(text: str) -> list[tuple[str, object]]:
    return [(f.kind, f.value) for f in extract_facts(text)]


def values(text: str, kind: str) -> list[object]:
    return [f.value for f in extract_facts(text) if f.kind == kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("预算15万左右", 150000),
        ("十五万以内", 150000),
        ("一万五", 15000),
        ("15w", 150000),
        ("1.5万", 15000),
        ("一万五千块", 15000),
        ("3千5", 3500),
        ("再给您便宜一万", 10000),
        ("月供两千三", 2300),
        ("总价二十三万八", 238000),
        ("3000元", 3000),
        ("三百块钱的油卡", 300),
        ("1,500元", 1500),
    ],
)
def test_money_zh(text: str, expected: int) -> None:
    assert values(text, "money") == [expected]


def test_money_range_zh() -> None:
    assert values("15到20万", "money") == [{"min": 150000, "max": 200000}]
    assert values("二十到二十五万之间", "money") == [{"min": 200000, "max": 250000}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a budget of 150k", 150000),
        ("$25,000 out the door", 25000),
        ("I can knock off 2 grand", 2000),
        ("I can knock off two grand", 2000),
        ("around twenty-five thousand dollars", 25000),
        ("$1.5k for the warranty", 1500),
        ("$300 a month", 300),
        ("I can do 24,500", 24500),
        ("The other dealer offered 15,000.", 15000),  # the full stop ends the sentence, not the number
        ("$24,500.00 total", 24500),
        ("30 thousand", 30000),
    ],
)
def test_money_en(text: str, expected: int) -> None:
    assert values(text, "money") == [expected]


def test_a_decimal_or_longer_number_is_no_bare_amount() -> None:
    assert values("15,000.5 litres", "money") == [] and values("15,0001 items", "money") == []


def test_money_text_and_offsets() -> None:
    text = "预算15万，首付两成"
    money = [f for f in extract_facts(text) if f.kind == "money"][0]
    assert money.text == "15万" and text[money.start:money.start + len(money.text)] == "15万"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("两成首付", 20), ("首付三成", 30), ("首付百分之三十", 30), ("利率3.5%", 3.5),
     ("20% down", 20), ("twenty percent down", 20), ("0.9 per cent APR", 0.9)],
)
def test_percent(text: str, expected: float) -> None:
    assert values(text, "percent") == [expected]


def test_chengjiao_is_not_a_percent() -> None:
    assert values("今天成交的话", "percent") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("周六上午十点来试驾", {"weekday": 5, "hour": 10}),
        ("明天下午三点", {"day_offset": 1, "hour": 15}),
        ("下周二", {"weekday": 1, "week_offset": 1}),
        ("这周日下午两点", {"weekday": 6, "week_offset": 0, "hour": 14}),
        ("星期三晚上7点半", {"weekday": 2, "hour": 19, "minute": 30}),
        ("10月1日", {"month": 10, "day": 1}),
        ("后天上午", {"day_offset": 2, "part": "morning"}),
        ("这周末", {"week_offset": 0, "weekend": True}),
        ("tomorrow at 3", {"day_offset": 1, "hour": 15}),
        ("Saturday at 10am", {"weekday": 5, "hour": 10}),
        ("next Tuesday", {"weekday": 1, "week_offset": 1}),
        ("this Friday at 4:30pm", {"weekday": 4, "week_offset": 0, "hour": 16, "minute": 30}),
        ("tomorrow morning", {"day_offset": 1, "part": "morning"}),
        ("March 3rd", {"month": 3, "day": 3}),
        ("next weekend", {"week_offset": 1, "weekend": True}),
        ("we close at 9 tonight", {"day_offset": 0, "hour": 21}),
        # spoken clock times
        ("half past three on Saturday", {"hour": 15, "minute": 30, "weekday": 5}),
        ("Wednesday, half four", {"weekday": 2, "hour": 16, "minute": 30}),  # UK: half past four
        ("a quarter to eleven tomorrow", {"hour": 10, "minute": 45, "day_offset": 1}),
        ("twenty past two next Monday", {"hour": 14, "minute": 20, "weekday": 0, "week_offset": 1}),
        ("Friday at seven-fifteen pm", {"weekday": 4, "hour": 19, "minute": 15}),
        ("Sunday at 4:20", {"weekday": 6, "hour": 16, "minute": 20}),  # a business hour, like "at 4"
        ("at ten this morning", {"hour": 10, "day_offset": 0}),
        ("this afternoon", {"day_offset": 0, "part": "afternoon"}),
    ],
)
def test_dates(text: str, expected: dict) -> None:
    assert values(text, "date") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("十点半到", {"hour": 10, "minute": 30}), ("下午3:30", {"hour": 15, "minute": 30}),
     ("see you at 10:15", {"hour": 10, "minute": 15}), ("at noon", {"hour": 12}),
     ("around 7pm", {"hour": 19})],
)
def test_times(text: str, expected: dict) -> None:
    assert values(text, "time") == [expected]


@pytest.mark.parametrize("text", ["half price on the extras", "give it half an hour", "five thirty-inch boxes",
                                  "two fifteen-year-old cars", "half of the fee"])
def test_numbers_that_are_no_clock_time(text: str) -> None:
    assert values(text, "time") == [] and [v for v in values(text, "date") if "hour" in v] == []


def test_dates_do_not_depend_on_today() -> None:
    # Relative days stay relative: the same text gives the same value on any day.
    assert values("明天", "date") == [{"day_offset": 1}]
    assert values("tomorrow", "date") == [{"day_offset": 1}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我们一家五口", {"n": 5, "of": "people"}),
        ("家里四口人", {"n": 4, "of": "people"}),
        ("两个孩子", {"n": 2, "of": "children"}),
        ("旧车开了五年", {"n": 5, "of": "years"}),
        ("跑了8万公里", {"n": 80000, "of": "km"}),
        ("we're a family of five", {"n": 5, "of": "people"}),
        ("I have 3 kids", {"n": 3, "of": "children"}),
        ("usually four people in the car", {"n": 4, "of": "people"}),
        ("it has 60,000 miles", {"n": 60000, "of": "miles"}),
        ("I've had it for 6 years", {"n": 6, "of": "years"}),
    ],
)
def test_counts(text: str, expected: dict) -> None:
    assert values(text, "count") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("想要一台SUV", ["suv"]),
        ("七座的", ["seats:7"]),
        ("纯电还是混动", ["ev", "hybrid"]),
        ("插混车型", ["phev"]),
        ("增程版", ["erev"]),
        ("四驱轿车", ["awd", "sedan"]),
        ("a hybrid SUV", ["hybrid", "suv"]),
        ("a 7-seater minivan", ["seats:7", "mpv"]),
        ("fully electric with a third row", ["ev", "seats:7"]),
        ("plug-in hybrid sedan", ["phev", "sedan"]),
    ],
)
def test_attributes(text: str, expected: list[str]) -> None:
    assert values(text, "attribute") == expected


@pytest.mark.parametrize(
    "text",
    ["15..万", "$2,50,0", "一万万", "万万", "二三十万", "$", "15,,000元", "..万", "99:99", "25点", "13月45日",
     "$-5", "1e9万", "万一", "第一万次", "10000000000万"],
)
def test_malformed_numbers_give_no_nonsense(text: str) -> None:
    got = facts(text)
    for kind, value in got:
        assert kind not in ("date", "time") or all(
            (k != "hour" or 0 <= v <= 23) and (k != "minute" or 0 <= v <= 59) for k, v in value.items()
        )
    assert not [v for k, v in got if k == "money"], (text, got)


def test_money_does_not_swallow_dates_counts_or_phone_numbers() -> None:
    assert facts("一家五口，周六十点") == [("count", {"n": 5, "of": "people"}), ("date", {"weekday": 5, "hour": 10})]
    assert values("我的电话是13812345678", "money") == []
    assert values("2024年买的", "money") == []


def test_mixed_line() -> None:
    got = facts("预算15万, about $20k, 周六 at 10am 来看 SUV")
    kinds = [k for k, _ in got]
    assert ("money", 150000) in got and ("money", 20000) in got and "attribute" in kinds


@pytest.mark.parametrize(("text", "n"), [("十五", 15), ("一万五", 15000), ("两千三百", 2300), ("三", 3),
                                        ("一百零五", 105), ("十", 10), ("一亿", 100_000_000)])
def test_zh_int(text: str, n: int) -> None:
    assert zh_int(text) == n


@pytest.mark.parametrize("text", ["一万万", "二三", "十十", "", "abc", "千百"])
def test_zh_int_malformed(text: str) -> None:
    assert zh_int(text) is None


def test_en_words_int() -> None:
    assert en_words_int("twenty-five") == 25
    assert en_words_int("five") == 5
    assert en_words_int("five twenty") is None
    assert en_words_int("lots") is None


def test_long_text_is_fine() -> None:
    assert len(extract_facts("预算15万，" * 500)) == 500


@pytest.mark.parametrize(("text", "value"), [
    ("see you at nıght", {"part": "evening"}),  # dotless i, as a Turkish keyboard types it
    ("ſaturday then", {"weekday": 5}),  # long s
    ("NIGHT", {"part": "evening"}),
    ("ſun morning", {"part": "morning"}),  # "sun" is not Sunday
])
def test_letters_ignorecase_reads_as_ascii_are_read_not_crashed_on(text: str, value: dict) -> None:
    assert [f.value for f in extract_facts(text)] == [value]
