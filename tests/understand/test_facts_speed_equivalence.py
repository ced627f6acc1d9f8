"""The gates of fact extraction only save time: with every gate open, extraction finds the same.

Each extractor pattern runs only when a cheap gate says the line may hold a match (see "gates" in
facts.py). Here the gates are forced open, and both ways must give the same facts (or the same
error) on the corpus and on generated lines full of numbers, units, dates and odd letters.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from simkit.understand import facts

CORPUS = sorted((Path(facts.__file__).parent / "corpus").glob("*.jsonl"))

# Tokens that the patterns care about, and letters where lower-casing and IGNORECASE part ways.
TOKENS = (
    "0 1 2 3 5 7 9 10 12 15 20 24 30 45 99 100 150 2.5 1.5 15.. 24,500 2,50,0 1,000 $ $25,000 USD RMB ¥ ￥ % ％ "
    "k K w W 万 千 百 十 亿 一 二 两 俩 三 五 七 九 零 〇 十五 一万五 元 块 块钱 人民币 左右 多 到 至 - ~ ～ to – "
    "成 百分之 percent per cent 点 點 半 一刻 三刻 分 钟 : ： 号 日 月 周 星期 礼拜 末 下 下个 这 上 本 天 今天 明天 后天 "
    "今晚 明早 上午 下午 晚上 凌晨 中午 早上 夜里 mon Mon monday Tuesday tues wed Thurs fri sat Saturday sun sunday next "
    "this coming last today tonight tomorrow yesterday the day after week weekend Jan march Dec 3rd 21st of at "
    "around by about from am pm a.m. p.m. o'clock oclock noon midday midnight morning afternoon evening night in "
    "zero one two three five seven ten twelve fifteen twenty ninety twenty-five a an couple grand thousand hundred "
    "million mil m dollars bucks yuan kuai family us people passengers adults kids children little ones grandkids "
    "for had it owned driven years year miles mi km KM kilometers 公里 千米 一家 口 口人 个 位 人 孩子 娃 开 用 了 年 "
    "座 人座 seater seats passenger third row third-row 7-seater SUV suvs crossover sedan 轿车 MPV minivan people "
    "carrier pickup truck hatch wagon estate coupe sports car plug-in plugin PHEV hybrid HEV 混动 插混 EV ev bevs "
    "electric gas gasoline ICE petrol diesel awd 4wd 4x4 all-wheel drive automatic manual transmission stick shift "
    "sunroof panoramic roof 天窗 纯电 电车 新能源 增程 ı İ ſ \u212a é — , . ? 第 预算 试驾 的"
).split()
SEPARATORS = ["", " ", " ", " ", "  ", ",", "\t", "，", "-"]


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    lines = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 10)):
            token = rng.choice(TOKENS)
            token = token.upper() if rng.random() < 0.15 else token
            parts += [token, rng.choice(SEPARATORS)]
        line = "".join(parts)
        if rng.random() < 0.05:
            line = line.replace("i", "ı").replace("s", "ſ").replace("k", "\u212a")
        lines.append(line)
    return lines


def _corpus() -> list[str]:
    lines = [json.loads(row)["text"] for path in CORPUS for row in path.read_text(encoding="utf-8").splitlines()]
    return lines + [line.upper() for line in lines]


class _Everything(frozenset):
    """The characters or words of a line with its gates open: they meet every set."""

    def isdisjoint(self, other: object) -> bool:
        return False

    def __contains__(self, item: object) -> bool:
        return True

    def intersection(self, *others: object) -> set:  # type: ignore[override]
        return set().union(*others)  # type: ignore[arg-type]


class _OpenLine(facts._Line):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        if self.zh:
            self.chars = _Everything()
        if self.en:
            self.words = _Everything()
            self.digit = True


class _OpenGate:
    def search(self, text: str) -> bool:
        return True


def _outcome(text: str) -> object:
    try:
        return [f.to_dict() for f in facts.extract_facts(text)]
    except Exception as e:  # noqa: BLE001 - an error must be the same error both ways
        return (type(e).__name__, str(e))


def _open_all_gates(monkeypatch: pytest.MonkeyPatch) -> None:
    gates = [name for name in vars(facts) if name.endswith("_GATE")]
    assert len(gates) >= 6, gates  # the gates are named *_GATE: renaming them would hide them here
    for name in gates:
        monkeypatch.setattr(facts, name, _OpenGate())
    monkeypatch.setattr(facts, "_Line", _OpenLine)


@pytest.mark.parametrize(("name", "lines"), [
    ("corpus", _corpus()),
    ("generated", _generated(3000, seed=7)),
])
def test_gates_never_turn_away_a_fact(name: str, lines: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    gated = [_outcome(line) for line in lines]
    _open_all_gates(monkeypatch)
    opened = [_outcome(line) for line in lines]
    differ = [(line, a, b) for line, a, b in zip(lines, gated, opened) if a != b]
    assert not differ, differ[:5]
    assert sum(1 for g in gated if g) > len(lines) // 10  # the lines do hold facts
