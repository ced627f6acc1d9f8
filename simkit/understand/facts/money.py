"""Money (amounts and ranges, in yuan or dollars) and percentages."""

from __future__ import annotations

import re
from typing import Any

from simkit.understand.facts.found import Found
from simkit.understand.facts.numbers import EN_NUMWORDS, ZH_NUM, clean, en_num, num, zh_amount
from simkit.understand.matching import lazy_compile

_ZH_TENTHS = lazy_compile(r"(?P<n>[一二两三四五六七八九]|\d)成(?!交|本|功|为|熟|绩|立|果|员|品|型|年)")  # 两成 = 20 %
_ZH_PERCENT = (
    _ZH_TENTHS,
    lazy_compile(r"百分之(?P<n>[零一二两三四五六七八九十百]+|\d+(?:\.\d+)?)"),
    lazy_compile(r"(?P<n>\d+(?:\.\d+)?)\s*[%％]"),
)
_EN_PERCENT = lazy_compile(rf"\b(?P<n>\d+(?:\.\d+)?|{EN_NUMWORDS})\s*(?:%|percent\b|per cent\b)", re.I)

# A Chinese amount: a loose run of digits, numerals and units, validated by zh_amount.
_RUN = rf"[\d.,{ZH_NUM}wWkK]+"
_ZH_MONEY = lazy_compile(
    rf"(?<![A-Za-z$¥￥第])(?P<a>{_RUN})(?:\s*(?:到|至|-|~|～)\s*(?P<b>{_RUN}))?"
    r"\s*(?P<cur>元|块钱|块|人民币)?(?P<after>多|左右|以内|上下|出头)?"
)
_EN_MONEY = lazy_compile(
    rf"(?P<dollar>\$|USD\s?|RMB\s?|¥|￥)?\s?(?P<a>\d[\d,.]*|{EN_NUMWORDS})"
    rf"(?:\s?(?:-|to|–)\s?\$?(?P<b>\d[\d,.]*|{EN_NUMWORDS}))?"
    r"(?:\s?(?P<mult>k\b|K\b|grand\b|thousand\b|hundred\b|million\b|mil\b|m\b))?"
    r"(?:\s?(?P<cur>dollars?\b|bucks\b|usd\b|rmb\b|yuan\b|kuai\b))?",
    re.I,
)
_WAN_SUFFIX = lazy_compile(r"\d[wW](?![A-Za-z])")  # 15w: the chat shorthand for 15万
# "15,000." at the end of a sentence is an amount; "15,000.5" and "15,0001" are not.
_BARE_THOUSANDS = lazy_compile(r"(?<![\d,.$])\b\d{1,3}(?:,\d{3})+(?:\.\d{2})?\b(?![\d,]|\.\d)")
_EN_MULT = {"k": 1000, "grand": 1000, "thousand": 1000, "hundred": 100, "million": 1_000_000,
            "mil": 1_000_000, "m": 1_000_000}


def percents(text: str, scripts: frozenset[str], found: Found) -> None:
    """两成, 百分之三十 and 30% in Chinese lines; 20 percent and 30% in English ones."""
    for pattern in _ZH_PERCENT if "zh" in scripts else ():
        for m in pattern.finditer(text):
            raw = m.group("n")
            n = num(raw)
            if n is None:
                continue
            if pattern is _ZH_TENTHS:
                n *= 10
            if 0 < n <= 100:
                found.add(m.start(), m.end(), "percent", clean(n))
    for m in _EN_PERCENT.finditer(text) if "en" in scripts else ():
        n = en_num(m.group("n"))
        if n is not None and 0 < n <= 100:
            found.add(m.start(), m.end(), "percent", clean(n))


def zh_money(text: str, scripts: frozenset[str], found: Found) -> None:
    """Chinese amounts (15万, 一万五, 15到20万, 3000元), on Chinese lines and lines with the 15w shorthand."""
    if "zh" not in scripts and not _WAN_SUFFIX.search(text):
        return
    for m in _ZH_MONEY.finditer(text):
        a_raw, b_raw, cur = m.group("a"), m.group("b"), m.group("cur")
        if not re.search(r"[\d一二两俩三四五六七八九十百千万亿]", a_raw):
            continue
        a = zh_amount(a_raw)
        b = zh_amount(b_raw) if b_raw else None
        if a is None or (b_raw and b is None):
            continue
        has_unit = bool(re.search(r"[万亿wWkK千]", a_raw + (b_raw or "")))
        if not (has_unit or cur):
            continue
        if re.search(r"\.\.|,,", a_raw):
            continue  # 15..万: malformed, no reading is better than a wrong one
        amounts = [a[0]]
        if b is not None:
            if b[1] > 1 and not re.search(r"[万亿wWkK千]", a_raw):
                amounts = [a[0] * b[1]]  # 15到20万: 15 takes the unit of 20万
            amounts.append(b[0])
        if any(x <= 0 or x >= 1e10 for x in amounts):
            continue
        end = m.end()
        while text[end - 1].isspace():
            end -= 1
        value: Any = clean(amounts[0]) if len(amounts) == 1 else {
            "min": clean(min(amounts)), "max": clean(max(amounts))}
        found.add(m.start("a"), end, "money", value)


def en_money(text: str, scripts: frozenset[str], found: Found) -> None:
    """English amounts, money only beside a currency or a multiplier ($25,000, 150k, 2 grand)."""
    if "en" not in scripts:
        return
    for m in _EN_MONEY.finditer(text):
        dollar, mult, cur = m.group("dollar"), m.group("mult"), m.group("cur")
        if not (dollar or mult or cur):
            continue
        if mult and not (dollar or cur) and mult.lower() == "m":
            continue  # "5 m" is metres more often than millions
        if mult and mult.lower() == "hundred" and not (dollar or cur):
            continue
        values = []
        for raw in (m.group("a"), m.group("b")):
            if raw is None:
                continue
            v = en_num(raw.rstrip(".,"))
            if v is None:
                values = []
                break
            values.append(v)
        if not values:
            continue
        factor = _EN_MULT.get((mult or "").lower(), 1)
        amounts = [v * factor for v in values]
        if any(a <= 0 or a >= 1e10 for a in amounts):
            continue
        start = m.start("dollar") if dollar else m.start("a")
        end = m.end()
        while end > start and text[end - 1] in " .,":
            end -= 1
        value: Any = clean(amounts[0]) if len(amounts) == 1 else {
            "min": clean(min(amounts)), "max": clean(max(amounts))}
        found.add(start, end, "money", value)


def bare_thousands(text: str, found: Found) -> None:
    """``I can do 24,500``: a comma-grouped number with no other reading is an amount."""
    for m in _BARE_THOUSANDS.finditer(text):
        value = num(m.group(0))
        if value is not None and value >= 1000:
            found.add(m.start(), m.end(), "money", clean(value))

