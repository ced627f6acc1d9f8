"""Numbers as written: Chinese numerals and amounts, Arabic digits, English number words."""

from __future__ import annotations

import re

from simkit.understand.matching import lazy_compile

_ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "幺": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
ZH_NUM = "零〇一二两俩三四五六七八九十百千万亿"

_EN_ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
            "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
            "nineteen": 19, "a": 1, "an": 1, "couple": 2}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}
EN_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
EN_WORD = "(?:" + "|".join(EN_NUMBER_WORDS) + ")"
EN_NUMWORDS = rf"{EN_WORD}(?:[- ]{EN_WORD})?"


def zh_int(text: str) -> int | None:
    """Read a Chinese numeral (一万五, 十五, 两千三百, 三); None when malformed (一万万, 二三十)."""
    if not text or any(ch not in ZH_NUM for ch in text):
        return None
    if text in ("零", "〇"):
        return 0
    amount = zh_amount(text)  # one reader for numerals and amounts, so they cannot disagree
    return int(amount[0]) if amount else None


def num(text: str) -> float | None:
    """An Arabic or Chinese number token; None when malformed."""
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        return float(text.replace(",", ""))
    value = zh_int(text)
    return None if value is None else float(value)


def en_words_int(text: str) -> int | None:
    """Read ``twenty-five``, ``five``, ``a``; None when not a number word."""
    total = 0
    for part in re.split(r"[- ]+", text.lower().strip()):
        if part in _EN_ONES and total % 10 == 0 and (total == 0 or total >= 20):
            total += _EN_ONES[part]
        elif part in _EN_TENS and total == 0:
            total = _EN_TENS[part]
        else:
            return None
    return total


def en_num(text: str) -> float | None:
    text = text.strip()
    value = num(text)
    if value is not None:
        return value
    words = en_words_int(text)
    return None if words is None else float(words)


def clean(value: float) -> int | float:
    return int(value) if value == int(value) else round(value, 2)

ZH_NUMBER = rf"(?:\d+(?:\.\d+)?|[{ZH_NUM}]+)"  # a zh-context number token
SMALL_NUMBER = r"(?:\d{1,2}|[零一二两三四五六七八九十]{1,3})"
_AMOUNT_TOKEN = lazy_compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?|[零〇一二两俩三四五六七八九]|[十拾百佰千仟kK]|[万wW亿]")


def zh_amount(raw: str) -> tuple[float, float] | None:
    """Read 15万, 1.5万, 十五万, 一万五, 15w, 3千5, 2万5千, 1,500: (value, unit of its last place).

    The second number is the multiplier of the last unit written (10000 for 15万, 1 for 150), so
    that a range such as 15到20万 can give 15 the unit of 20万. None when malformed.
    """
    raw = raw.strip(".,")
    pos, tokens = 0, []
    while pos < len(raw):
        m = _AMOUNT_TOKEN.match(raw, pos)
        if not m:
            return None
        tokens.append(m.group(0))
        pos = m.end()
    total = section = 0.0
    digit: float | None = None
    last_small: int | None = None
    last_big: int | None = None
    zero = False
    for tok in tokens:
        lower = tok.lower()
        if tok[0].isdigit() or tok in _ZH_DIGIT:
            value = float(tok.replace(",", "")) if tok[0].isdigit() else float(_ZH_DIGIT[tok])
            if digit is not None:
                return None
            if value == 0 and not tok[0].isdigit():
                zero = True
                continue
            digit = value
        elif lower in ("十", "拾", "百", "佰", "千", "仟", "k"):
            unit = _ZH_SMALL.get(tok, 1000)
            if last_small is not None and unit >= last_small:
                return None
            if digit is None and not (unit == 10 and section == 0):
                return None
            section += (1 if digit is None else digit) * unit
            digit, last_small, zero = None, unit, False
        else:
            unit = 100_000_000 if tok == "亿" else 10_000  # 万, w
            if last_big is not None and unit >= last_big:
                return None  # 一万万
            section += digit or 0
            if section == 0:
                return None
            total += section * unit
            section, digit, last_small, last_big, zero = 0.0, None, None, unit, False
    place = 1.0
    if digit is not None:
        if zero or (last_small is None and last_big is None) or last_small == 10:
            section += digit
        elif last_small is not None:
            if digit != int(digit) or digit >= 10:
                return None
            section += digit * last_small // 10  # 三千五 = 3500
        else:
            if digit != int(digit) or digit >= 10:
                return None
            section += digit * (last_big or 10) // 10  # 一万五 = 15000
    elif last_big is not None:
        place = float(last_big)
    elif last_small is not None and last_small >= 1000:
        place = float(last_small)
    value = total + section
    return (value, place) if value > 0 else None

