"""Facts in an utterance: money, percentages, dates and times, counts, car attributes.

Values are normalised and never depend on today's date, so results are deterministic:

=========  ==========================================  ===========================================
kind       value                                        examples
=========  ==========================================  ===========================================
money      a number in the currency's unit              15万, 十五万, 一万五, 15w, $25,000, 150k, 2 grand
money      ``{"min": a, "max": b}`` for a range           15到20万, $20k-$25k
percent    a number of percent (``20`` for 20 %)          两成首付, 30%, 百分之三十, 20 percent
date       dict with any of ``weekday`` (Monday=0),       周六上午十点, 下周二, 明天下午三点,
           ``week_offset``, ``day_offset``, ``month``,      tomorrow at 3, Saturday at 10am,
           ``day``, ``weekend``, ``hour``, ``minute``,      next Tuesday
           ``part`` (only when no hour is known)
time       dict with ``hour`` (0-23) and ``minute``, or    十点半, at 3, 10:30
           ``part`` (``morning``/``afternoon``/...)
count      ``{"n": 5, "of": "people"}`` (people,          一家五口, a family of five, 两个孩子,
           children, years, km, miles)                     8万公里, 3 kids
attribute  a lower-case string: ``suv``, ``sedan``,       SUV, 七座, hybrid, 纯电, 7-seater
           ``mpv``, ``ev``, ``hybrid``, ``phev``,
           ``seats:7``, ``awd``, ...
=========  ==========================================  ===========================================

An hour written without a part of day is read as a business hour: 1 to 6 become 13 to 18
(``tomorrow at 3`` is 15:00), 7 to 12 stay as written. Malformed numbers ("15..万",
"$2,50,0", "一万万") give no fact rather than a wrong one.

Example:
    >>> [f.value for f in extract_facts("预算15万，周六上午十点来试驾")]
    [150000, {'weekday': 5, 'hour': 10}]
"""

from __future__ import annotations

import re
from typing import Any

from simkit.understand.analysis import Fact
from simkit.understand.matching import LazyPattern, lazy_compile, loose, scripts_of

# --- numbers ---------------------------------------------------------------------------------

_ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "幺": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_ZH_NUM = "零〇一二两俩三四五六七八九十百千万亿"

_EN_ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
            "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
            "nineteen": 19, "a": 1, "an": 1, "couple": 2}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}
_EN_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_EN_WORD = "(?:" + "|".join(_EN_NUMBER_WORDS) + ")"
_EN_NUMWORDS = rf"{_EN_WORD}(?:[- ]{_EN_WORD})?"


def zh_int(text: str) -> int | None:
    """Read a Chinese numeral (一万五, 十五, 两千三百, 三); None when malformed (一万万, 二三十)."""
    if not text or any(ch not in _ZH_NUM for ch in text):
        return None
    if text in ("零", "〇"):
        return 0
    amount = _zh_amount(text)  # one reader for numerals and amounts, so they cannot disagree
    return int(amount[0]) if amount else None


def _num(text: str) -> float | None:
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


def _en_num(text: str) -> float | None:
    text = text.strip()
    value = _num(text)
    if value is not None:
        return value
    words = en_words_int(text)
    return None if words is None else float(words)


def _clean(value: float) -> int | float:
    return int(value) if value == int(value) else round(value, 2)


# --- extraction machinery --------------------------------------------------------------------


class _Found:
    """Facts found so far, with the character spans they claim (later finds may not overlap)."""

    def __init__(self) -> None:
        self.items: list[tuple[int, int, str, Any]] = []
        self.spans: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.spans)

    def claim(self, start: int, end: int) -> None:
        self.spans.append((start, end))

    def add(self, start: int, end: int, kind: str, value: Any) -> None:
        if self.free(start, end):
            self.items.append((start, end, kind, value))
            self.claim(start, end)


# --- gates -----------------------------------------------------------------------------------
#
# Most lines hold no fact, and running every pattern on every line was most of the cost. So a
# pattern (or a family of them) runs only when the line passes its gate: a cheap test for something
# that every match of the pattern, or at least every match that yields a fact, must contain. A gate
# may let a line through for nothing, but never turns away a line the pattern finds a fact in.
#
# Chinese gates mostly ask for one of a few characters (_Line.chars). English patterns ignore case,
# so English gates look in the line folded to lower case by matching.loose (_Line.low), often for
# whole words (_Line.words): a word that a pattern bounds by \b, a space, a hyphen or a digit is a
# whole run of letters there. Gates that are patterns are named *_GATE (tests open them all to
# check the rest).

_LETTERS = lazy_compile("[a-z]+")
_DIGIT = lazy_compile(r"\d")


class _Line:
    """A line and what the gates ask about it, each worked out once."""

    __slots__ = ("text", "zh", "en", "chars", "low", "words", "digit")

    def __init__(self, text: str) -> None:
        scripts = scripts_of(text)  # Chinese patterns need Chinese characters, English ones Latin or digits
        self.text = text
        self.zh = "zh" in scripts
        self.en = "en" in scripts
        # The rest serves gates of one language only, and is empty on lines without it.
        self.chars = set(text) if self.zh else set()
        self.low = loose(text) if self.en else ""
        self.words = set(_LETTERS.findall(self.low)) if self.en else set()  # runs of a-z in self.low
        self.digit = self.en and _DIGIT.search(text) is not None


_N = rf"(?:\d+(?:\.\d+)?|[{_ZH_NUM}]+)"  # a zh-context number token
_SMALL_N = r"(?:\d{1,2}|[零一二两三四五六七八九十]{1,3})"

# --- counts and car attributes ---------------------------------------------------------------

# (gate characters, pattern, what is counted): every match has one of the characters, in its unit.
_ZH_COUNTS = (
    ({"口"}, lazy_compile(rf"一家(?P<n>{_SMALL_N})口"), "people"),
    ({"口"}, lazy_compile(rf"(?P<n>{_SMALL_N})口人"), "people"),
    ({"个", "位"}, lazy_compile(rf"(?P<n>{_SMALL_N})(?:个|位)(?:人|大人|成人|乘客)"), "people"),
    ({"孩", "娃", "宝", "儿"}, lazy_compile(rf"(?P<n>{_SMALL_N}|俩)(?:个)?(?:孩子|小孩|娃|宝宝|儿子|女儿)"), "children"),
    ({"年"}, lazy_compile(rf"(?:开|用)了?(?P<n>{_SMALL_N})(?:多)?年"), "years"),
    ({"里", "米", "k", "K"}, lazy_compile(rf"(?P<n>{_N})(?P<wan>万)?(?:公里|千米|km|KM)"), "km"),
)
# (gate words, pattern, what is counted): every match has one of the words as a whole word, and a
# number: a digit, or number words (each a whole word), or "a couple of".
_EN_COUNT_NUMBER_WORDS = set(_EN_NUMBER_WORDS) | {"couple"}
_EN_COUNTS = (
    ({"family"}, lazy_compile(rf"\bfamily of (?P<n>\d{{1,2}}|{_EN_NUMWORDS})\b", re.I), "people"),
    ({"us", "people", "persons", "passengers", "adults", "riders"},
     lazy_compile(rf"\b(?P<n>\d{{1,2}}|{_EN_NUMWORDS}) (?:of us|people|persons|passengers|adults|riders)\b", re.I),
     "people"),
    ({"kids", "children", "boys", "girls", "sons", "daughters", "grandkids", "ones"},
     lazy_compile(rf"\b(?P<n>\d{{1,2}}|{_EN_NUMWORDS}|a couple of) (?:little |young |small )?"
                  r"(?:kids|children|boys|girls|sons|daughters|grandkids|little ones)\b", re.I), "children"),
    ({"year", "years"},
     lazy_compile(rf"\b(?:for|had it|owned it|driven it)(?: for)? (?P<n>\d{{1,2}}|{_EN_NUMWORDS}) years?\b", re.I),
     "years"),
)
# A distance starts with a digit.
_EN_DISTANCE = lazy_compile(
    r"\b(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<k>k\s?)?(?P<unit>miles|mi|km|kilometers)\b", re.I
)

_ATTRIBUTE_SOURCES = (
    (r"SUV|suv|越野车", "suv", True), (r"\bSUVs?\b|\bcrossover\b", "suv", False),
    (r"轿车|三厢", "sedan", True), (r"\bsedans?\b|\bsaloon\b", "sedan", False),
    (r"MPV|mpv|商务车|保姆车", "mpv", True), (r"\bmpv\b|\bminivans?\b|\bpeople carrier\b", "mpv", False),
    (r"皮卡", "pickup", True), (r"\bpickups?\b|\b(?:pickup )?trucks?\b", "pickup", False),
    (r"两厢", "hatchback", True), (r"\bhatchbacks?\b|\bhatch\b", "hatchback", False),
    (r"旅行车|旅行版", "wagon", True), (r"\b(?:station )?wagons?\b|\bestate\b", "wagon", False),
    (r"跑车|轿跑", "coupe", True), (r"\bcoupes?\b|\bsports car\b", "coupe", False),
    (r"插混|插电(?:混动|式混合动力)?|PHEV|phev", "phev", True),
    (r"\bplug-?in(?: hybrid)?\b|\bphevs?\b", "phev", False),
    (r"增程", "erev", True), (r"\brange[- ]extended\b|\berev\b|\breev\b", "erev", False),
    (r"(?<!插)混动|油电混合|双擎|HEV|hev", "hybrid", True), (r"\bhybrids?\b", "hybrid", False),
    (r"纯电|电动车|电车|新能源|EV\b|ev\b", "ev", True),
    (r"\b(?:all-|fully |pure )?electric\b|\bb?evs?\b", "ev", False),
    (r"燃油车|油车|汽油", "gas", True), (r"\bgas(?:oline)?\b|\bpetrol\b|\bICE\b", "gas", False),
    (r"柴油", "diesel", True), (r"\bdiesel\b", "diesel", False),
    (r"四驱|全时四驱|四轮驱动", "awd", True), (r"\bawd\b|\b4wd\b|\b4x4\b|\ball[- ]wheel drive\b", "awd", False),
    (r"自动挡", "automatic", True), (r"\bautomatic\b", "automatic", False),
    (r"手动挡", "manual", True), (r"\bmanual (?:transmission|gearbox)\b|\bstick shift\b", "manual", False),
    (r"天窗", "sunroof", True), (r"\bsunroof\b|\bmoonroof\b|\bpanoramic roof\b", "sunroof", False),
)
_ATTRIBUTES: tuple[tuple[LazyPattern, str, str], ...] = tuple(
    (lazy_compile(p, 0 if zh else re.I), value, "zh" if zh else "en") for p, value, zh in _ATTRIBUTE_SOURCES
)
_ZH_SEATS = lazy_compile(rf"(?P<n>{_SMALL_N})(?:座|人座|座位)")
_EN_SEATS = lazy_compile(rf"\b(?P<n>\d{{1,2}}|{_EN_WORD})[- ](?:seaters?|seats?|passenger)\b|\bthird[- ]row\b", re.I)
_EN_SEAT_WORDS = {"seater", "seaters", "seat", "seats", "passenger", "third"}  # whole words in every match
# The words of the Chinese attribute patterns above (less a look-behind and a \b), in their order.
_ZH_ATTRIBUTES_GATE = lazy_compile(
    "SUV|suv|越野车|轿车|三厢|MPV|mpv|商务车|保姆车|皮卡|两厢|旅行车|旅行版|跑车|轿跑|插混|插电|PHEV|phev|增程"
    "|混动|油电混合|双擎|HEV|hev|纯电|电动车|电车|新能源|EV|ev|燃油车|油车|汽油|柴油|四驱|全时四驱|四轮驱动|自动挡|手动挡|天窗"
)
# Words (as whole words) one of which every match of an English attribute pattern holds, and the
# attribute: "people carrier" has "carrier", "4wd" has "wd" and "4x4" has "x".
_EN_ATTRIBUTE_WORDS = {word: value for value, words in (
    ("suv", "suv suvs crossover"), ("sedan", "sedan sedans saloon"), ("mpv", "mpv minivan minivans carrier"),
    ("pickup", "pickup pickups truck trucks"), ("hatchback", "hatchback hatchbacks hatch"),
    ("wagon", "wagon wagons estate"), ("coupe", "coupe coupes sports"), ("phev", "plug plugin phev phevs"),
    ("erev", "extended erev reev"), ("hybrid", "hybrid hybrids"), ("ev", "electric ev evs bev bevs"),
    ("gas", "gas gasoline petrol ice"), ("diesel", "diesel"), ("awd", "awd wd x wheel"),
    ("automatic", "automatic"), ("manual", "manual shift"), ("sunroof", "sunroof moonroof panoramic"),
) for word in words.split()}


def _counts(line: _Line, found: _Found) -> None:
    text = line.text
    for chars, pattern, of in _ZH_COUNTS:
        if line.chars.isdisjoint(chars):
            continue
        for m in pattern.finditer(text):
            raw = m.group("n")
            n = 2 if raw == "俩" else _num(raw)
            if n is None or n <= 0:
                continue
            if of == "km" and m.group("wan"):
                n *= 10_000
            found.add(m.start(), m.end(), "count", {"n": _clean(n), "of": of})
    number = line.digit or not line.words.isdisjoint(_EN_COUNT_NUMBER_WORDS)
    for words, pattern, of in _EN_COUNTS if number else ():
        if line.words.isdisjoint(words):
            continue
        for m in pattern.finditer(text):
            raw = m.group("n")
            n = 2.0 if raw.lower() == "a couple of" else _en_num(raw)
            if n is None or n <= 0:
                continue
            found.add(m.start(), m.end(), "count", {"n": _clean(n), "of": of})
    for m in _EN_DISTANCE.finditer(text) if line.digit else ():
        n = _en_num(m.group("n"))
        if n is None or n <= 0:
            continue
        if m.group("k"):
            n *= 1000
        of_unit = "km" if m.group("unit").lower().startswith("k") else "miles"
        found.add(m.start(), m.end(), "count", {"n": _clean(n), "of": of_unit})


def _attributes(line: _Line, found: _Found) -> None:
    text = line.text
    for m in _ZH_SEATS.finditer(text) if "座" in line.chars else ():
        n = _num(m.group("n"))
        if n is not None and 2 <= n <= 9:
            found.add(m.start(), m.end(), "attribute", f"seats:{int(n)}")
    for m in _EN_SEATS.finditer(text) if not line.words.isdisjoint(_EN_SEAT_WORDS) else ():
        if m.group("n") is None:
            found.add(m.start(), m.end(), "attribute", "seats:7")
            continue
        n = _en_num(m.group("n"))
        if n is not None and 2 <= n <= 9:
            found.add(m.start(), m.end(), "attribute", f"seats:{int(n)}")
    zh = line.zh and bool(_ZH_ATTRIBUTES_GATE.search(text))
    en_values = {_EN_ATTRIBUTE_WORDS[word] for word in line.words.intersection(_EN_ATTRIBUTE_WORDS)}
    for pattern, value, lang in _ATTRIBUTES if zh or en_values else ():
        if not (zh if lang == "zh" else value in en_values):
            continue
        for m in pattern.finditer(text):
            found.add(m.start(), m.end(), "attribute", value)


# --- money and percent -----------------------------------------------------------------------

_ZH_TENTHS = lazy_compile(r"(?P<n>[一二两三四五六七八九]|\d)成(?!交|本|功|为|熟|绩|立|果|员|品|型|年)")  # 两成 = 20 %
_ZH_PERCENT = (  # (gate characters, pattern): every match has one of the characters (百分之 has 之)
    ({"成"}, _ZH_TENTHS),
    ({"之"}, lazy_compile(r"百分之(?P<n>[零一二两三四五六七八九十百]+|\d+(?:\.\d+)?)")),
    ({"%", "％"}, lazy_compile(r"(?P<n>\d+(?:\.\d+)?)\s*[%％]")),
)
_EN_PERCENT = lazy_compile(rf"\b(?P<n>\d+(?:\.\d+)?|{_EN_NUMWORDS})\s*(?:%|percent\b|per cent\b)", re.I)
_EN_PERCENT_GATE = lazy_compile("%|percent|per cent")  # in every match

# A Chinese amount: a loose run of digits, numerals and units, validated by _zh_amount.
_RUN = rf"[\d.,{_ZH_NUM}wWkK]+"
_ZH_MONEY = lazy_compile(
    rf"(?<![A-Za-z$¥￥第])(?P<a>{_RUN})(?:\s*(?:到|至|-|~|～)\s*(?P<b>{_RUN}))?"
    r"\s*(?P<cur>元|块钱|块|人民币)?(?P<after>多|左右|以内|上下|出头)?"
)
_AMOUNT_TOKEN = lazy_compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?|[零〇一二两俩三四五六七八九]|[十拾百佰千仟kK]|[万wW亿]")
_EN_MONEY = lazy_compile(
    rf"(?P<dollar>\$|USD\s?|RMB\s?|¥|￥)?\s?(?P<a>\d[\d,.]*|{_EN_NUMWORDS})"
    rf"(?:\s?(?:-|to|–)\s?\$?(?P<b>\d[\d,.]*|{_EN_NUMWORDS}))?"
    r"(?:\s?(?P<mult>k\b|K\b|grand\b|thousand\b|hundred\b|million\b|mil\b|m\b))?"
    r"(?:\s?(?P<cur>dollars?\b|bucks\b|usd\b|rmb\b|yuan\b|kuai\b))?",
    re.I,
)
# An English amount is money only beside a currency or a multiplier, and "hundred" and "m" count
# only with a currency. So the folded line holds a currency, or grand, thousand, mil or million
# ending a word, or k ending a word right after a number (whose digits end in a digit, "," or "."),
# maybe after one space. (That last gate is slow, so it only runs on lines with a k.)
_EN_MONEY_GATE = lazy_compile(r"\$|¥|￥|usd|rmb|dollar|bucks|yuan|kuai|grand\b|thousand\b|mil(?:lion)?\b")
_EN_MONEY_K_GATE = lazy_compile(rf"(?:[\d,.]|{_EN_WORD})\s?k\b")
_ZH_MONEY_CHARS = set("万亿wWkK千元块币")  # units, and 元, 块 and 人民币
_EN_MULT = {"k": 1000, "grand": 1000, "thousand": 1000, "hundred": 100, "million": 1_000_000,
            "mil": 1_000_000, "m": 1_000_000}


def _percents(line: _Line, found: _Found) -> None:
    text = line.text
    for chars, pattern in _ZH_PERCENT:
        if line.chars.isdisjoint(chars):
            continue
        for m in pattern.finditer(text):
            raw = m.group("n")
            n = _num(raw)
            if n is None:
                continue
            if pattern is _ZH_TENTHS:
                n *= 10
            if 0 < n <= 100:
                found.add(m.start(), m.end(), "percent", _clean(n))
    for m in _EN_PERCENT.finditer(text) if line.en and _EN_PERCENT_GATE.search(line.low) else ():
        n = _en_num(m.group("n"))
        if n is not None and 0 < n <= 100:
            found.add(m.start(), m.end(), "percent", _clean(n))


def _zh_amount(raw: str) -> tuple[float, float] | None:
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


def _zh_money(text: str, found: _Found) -> None:
    for m in _ZH_MONEY.finditer(text):
        a_raw, b_raw, cur = m.group("a"), m.group("b"), m.group("cur")
        if not re.search(r"[\d一二两俩三四五六七八九十百千万亿]", a_raw):
            continue
        a = _zh_amount(a_raw)
        b = _zh_amount(b_raw) if b_raw else None
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
        value: Any = _clean(amounts[0]) if len(amounts) == 1 else {
            "min": _clean(min(amounts)), "max": _clean(max(amounts))}
        found.add(m.start("a"), end, "money", value)


def _en_money(line: _Line, found: _Found) -> None:
    text, low = line.text, line.low
    if not (_EN_MONEY_GATE.search(low) or ("k" in low and _EN_MONEY_K_GATE.search(low))):
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
            v = _en_num(raw.rstrip(".,"))
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
        value: Any = _clean(amounts[0]) if len(amounts) == 1 else {
            "min": _clean(min(amounts)), "max": _clean(max(amounts))}
        found.add(start, end, "money", value)


_WAN_SUFFIX = lazy_compile(r"\d[wW](?![A-Za-z])")  # 15w: the chat shorthand for 15万
_BARE_THOUSANDS = lazy_compile(r"(?<![\d,.$])\b\d{1,3}(?:,\d{3})+(?:\.\d{2})?\b(?![\d,.])")


def _bare_thousands(text: str, found: _Found) -> None:
    """``I can do 24,500``: a comma-grouped number with no other reading is an amount."""
    for m in _BARE_THOUSANDS.finditer(text):
        value = _num(m.group(0))
        if value is not None and value >= 1000:
            found.add(m.start(), m.end(), "money", _clean(value))


# --- dates and times -------------------------------------------------------------------------

_WEEKDAY_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
               "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}
_WEEK_REL_ZH = {"这": 0, "本": 0, "这个": 0, "下": 1, "下个": 1, "下下": 2, "下下个": 2, "上": -1, "上个": -1}
_DAY_ZH = {"今天": 0, "今日": 0, "今晚": 0, "明天": 1, "明日": 1, "明早": 1, "明晚": 1, "后天": 2,
           "大后天": 3, "昨天": -1}
_PART_ZH = {"凌晨": "night", "早上": "morning", "早晨": "morning", "一早": "morning", "上午": "morning",
            "中午": "noon", "下午": "afternoon", "傍晚": "evening", "晚上": "evening", "今晚": "evening",
            "明晚": "evening", "明早": "morning", "夜里": "night"}
_WEEKDAY_EN = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_MONTH_EN = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
             "sep": 9, "oct": 10, "nov": 11, "dec": 12}

_ZH_DATE = lazy_compile(
    r"(?P<wk>(?P<rel>这个|这|本|下下个|下下|下个|下|上个|上)?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天1-7])"
    r"|(?P<wrel>这个|这|本|下下个|下下|下个|下|上个|上)(?:周|星期|礼拜)(?P<we>末)?"
    r"|(?P<weekend>周末))"
    r"|(?P<day>大后天|后天|明天|明日|今天|今日|昨天|今晚|明晚|明早)"
    r"|(?P<md>(?:(?P<mo>\d{1,2}|[一二三四五六七八九十]{1,3})月)(?P<dd>\d{1,2}|[一二三四五六七八九十]{1,3})[日号])"
    r"|(?P<dom>(?<![\d月])(?P<d2>\d{1,2})[号])"
)
_ZH_TIME = lazy_compile(
    r"(?P<part>凌晨|早上|早晨|一早|上午|中午|下午|傍晚|晚上|夜里)?\s*"
    r"(?:(?<!周)(?<!星期)(?<!礼拜)(?P<h>\d{1,2}|[零一二两三四五六七八九十]{1,3})\s*[点點](?:钟)?"
    r"(?:(?P<half>半)|(?P<q>一刻|三刻)|(?P<m>\d{1,2}|[零一二三四五六七八九十]{1,3})分?)?"
    r"|(?P<hh>\d{1,2})[:：](?P<mm>\d{2}))"
)
_ZH_PART = lazy_compile(r"凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里")
_EN_DATE = lazy_compile(
    r"\b(?:(?P<rel>this|next|coming|this coming|last)\s+)?(?P<wd>mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"(?:day|nesday|sday|urday|day)?\b\.?"
    r"|\b(?P<day>today|tonight|tomorrow|the day after tomorrow|day after tomorrow|yesterday)\b"
    r"|\b(?P<wrel>this|next|coming)\s+(?P<wunit>week(?:end)?)\b|\b(?P<weekend>the weekend|weekend)\b"
    r"|\b(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?P<md>\d{1,2})(?:st|nd|rd|th)?\b"
    r"|\b(?:the\s+)?(?P<dm>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
    r"|\bthe\s+(?P<dom>\d{1,2})(?:st|nd|rd|th)\b",
    re.I,
)
_EN_TIME = lazy_compile(
    rf"(?:\b(?P<prep>at|around|by|about|from)\s+)?\b(?P<h>\d{{1,2}}(?!\d)|{_EN_WORD}\b)(?::(?P<m>\d{{2}}))?"
    r"(?:\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])|\s*(?P<oclock>o'?clock)\b)?"
    r"(?![\d:,.%]\d|\s*(?:k\b|grand|percent|miles|km|years?|people|kids|dollars|bucks|thousand|hundred|seat|%))"
    r"|\b(?P<noon>noon|midday|midnight)\b",
    re.I,
)
_EN_PART = lazy_compile(r"\b(?:in the\s+)?(?P<p>morning|afternoon|evening|night)\b", re.I)
# Gates. A Chinese date names a week (周, 星期, 礼拜) or a day (…天, …日, 今晚, 明早), or ends in
# 日 or 号; a Chinese clock time has 点 or a colon; a Chinese part of day has 晨, 早, 午, 晚 or 夜.
# An English date has a weekday, a day word or "week(end)" as a whole word, or else a digit and a
# month (starting a word) or 1st/2nd/.../31st. An English time that gives a fact is noon, midday
# or midnight, or has a number (a digit or a whole number word) and then also o'clock, a preposition
# (at, by, ...) before the number, or a digit before am/pm or before a colon and minutes.
# English parts of day are whole words.
_ZH_DATE_CHARS = set("周期拜天日晚早号")
_ZH_TIME_CHARS = set("点點:：")
_ZH_PART_CHARS = set("晨早午晚夜")
_EN_DATE_WORDS = {day + end for day in ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
                  for end in ("", "day", "nesday", "sday", "urday")} | {
                  "today", "tonight", "tomorrow", "yesterday", "week", "weekend"}
_EN_DATE_NUMERIC_GATE = lazy_compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d(?:st|nd|rd|th)")
_EN_TIME_GATE = lazy_compile(
    rf"noon|midday|midnight|o'?clock|(?:at|around|by|about|from)\s+(?:\d|{_EN_WORD}\b)|\d\s*[ap]\.?m|\d:\d\d"
)
_EN_TIME_WORDS = set(_EN_NUMBER_WORDS) | {"noon", "midday", "midnight"}  # tested first: cheaper
_EN_PART_WORDS = {"morning", "afternoon", "evening", "night"}
_EN_PART_MAP = {"morning": "morning", "afternoon": "afternoon", "evening": "evening", "night": "evening"}
_JOIN = lazy_compile(r"^[\s,，、的]*(?:at|@|around|about|by|on|in the|大概|大约|约)?[\s,，]*$", re.I)


def _hour(h: float, part: str | None) -> int | None:
    """24-hour clock from a written hour and an optional part of day; None when impossible."""
    if h != int(h) or not 0 <= h <= 24:
        return None
    hour = int(h)
    if part in ("afternoon", "evening", "pm") and 1 <= hour < 12:
        hour += 12
    elif part in ("morning", "am", "night") and hour == 12:
        hour = 0 if part != "morning" else 12
    elif part is None and 1 <= hour <= 6:
        hour += 12  # a business hour: "at 3" is 15:00
    return hour % 24


def _zh_dates(line: _Line, out: list[tuple[int, int, dict[str, Any]]]) -> None:
    text, chars = line.text, line.chars
    for m in _ZH_DATE.finditer(text) if not chars.isdisjoint(_ZH_DATE_CHARS) else ():
        v: dict[str, Any] = {}
        if m.group("wd"):
            v["weekday"] = _WEEKDAY_ZH[m.group("wd")]
            if m.group("rel"):
                v["week_offset"] = _WEEK_REL_ZH[m.group("rel")]
        elif m.group("wrel"):
            v["week_offset"] = _WEEK_REL_ZH[m.group("wrel")]
            if m.group("we"):
                v["weekend"] = True
        elif m.group("weekend"):
            v["weekend"] = True
        elif m.group("day"):
            word = m.group("day")
            v["day_offset"] = _DAY_ZH[word]
            if word in _PART_ZH:
                v["part"] = _PART_ZH[word]
        elif m.group("md"):
            mo, dd = _num(m.group("mo")), _num(m.group("dd"))
            if mo is None or dd is None or not (1 <= mo <= 12 and 1 <= dd <= 31):
                continue
            v = {"month": int(mo), "day": int(dd)}
        elif m.group("dom"):
            dd = _num(m.group("d2"))
            if dd is None or not 1 <= dd <= 31:
                continue
            v = {"day": int(dd)}
        out.append((m.start(), m.end(), v))
    for m in _ZH_TIME.finditer(text) if not chars.isdisjoint(_ZH_TIME_CHARS) else ():
        part = _PART_ZH.get(m.group("part") or "")
        if m.group("hh"):
            h, minute = _num(m.group("hh")), _num(m.group("mm"))
        elif m.group("h"):
            h = _num(m.group("h"))
            minute = 30.0 if m.group("half") else {"一刻": 15.0, "三刻": 45.0}.get(m.group("q") or "", None)
            if m.group("m"):
                minute = _num(m.group("m"))
        else:
            continue
        if h is None or (minute is not None and not 0 <= minute <= 59):
            continue
        hour = _hour(h, part)
        if hour is None:
            continue
        v = {"hour": hour}
        if minute:
            v["minute"] = int(minute)
        start = m.start("part") if m.group("part") else m.start("h") if m.group("h") else m.start("hh")
        out.append((start, m.end(), v))
    for m in _ZH_PART.finditer(text) if not chars.isdisjoint(_ZH_PART_CHARS) else ():
        out.append((m.start(), m.end(), {"part": _PART_ZH[m.group(0)]}))


def _en_dates(line: _Line, out: list[tuple[int, int, dict[str, Any]]]) -> None:
    text, words = line.text, line.words
    date = not words.isdisjoint(_EN_DATE_WORDS) or (line.digit and _EN_DATE_NUMERIC_GATE.search(line.low))
    for m in _EN_DATE.finditer(text) if date else ():
        v: dict[str, Any] = {}
        if m.group("wd"):
            word = loose(m.group(0))
            if loose(m.group("wd")) == "sun" and re.match(r"sun(?!day)", word.split()[-1]):
                continue  # "sun" the star, not Sunday
            v["weekday"] = _WEEKDAY_EN[loose(m.group("wd"))[:3]]
            rel = loose(m.group("rel") or "")
            if rel == "next":
                v["week_offset"] = 1
            elif rel in ("this", "coming", "this coming"):
                v["week_offset"] = 0
            elif rel == "last":
                v["week_offset"] = -1
        elif m.group("day"):
            word = loose(m.group("day"))
            v["day_offset"] = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}.get(word, 2)
            if word == "tonight":
                v["part"] = "evening"
        elif m.group("wrel"):
            v["week_offset"] = 1 if loose(m.group("wrel")) == "next" else 0
            if loose(m.group("wunit")) == "weekend":
                v["weekend"] = True
        elif m.group("weekend"):
            v["weekend"] = True
        else:
            mon = m.group("mon") or m.group("mon2")
            day = m.group("md") or m.group("dm") or m.group("dom")
            d = int(day)
            if not 1 <= d <= 31:
                continue
            v = {"day": d}
            if mon:
                v = {"month": _MONTH_EN[loose(mon)[:3]], "day": d}
        out.append((m.start(), m.end(), v))
    time = (line.digit or not words.isdisjoint(_EN_TIME_WORDS)) and _EN_TIME_GATE.search(line.low)
    for m in _EN_TIME.finditer(text) if time else ():
        if m.group("noon"):
            word = loose(m.group("noon"))
            out.append((m.start(), m.end(), {"hour": 0 if word == "midnight" else 12}))
            continue
        if not (m.group("prep") or m.group("ampm") or m.group("oclock") or m.group("m")):
            continue
        if not m.group("h")[0].isdigit() and not (m.group("oclock") or m.group("prep")):
            continue
        h = _en_num(m.group("h"))
        minute = _num(m.group("m") or "0")
        if h is None or minute is None or not 0 <= minute <= 59:
            continue
        ampm = loose(m.group("ampm") or "").replace(".", "")
        part = {"am": "am", "pm": "pm"}.get(ampm)
        tail = _EN_PART.match(text, m.end() + (1 if text[m.end():m.end() + 1] == " " else 0))
        if part is None and tail:
            part = _EN_PART_MAP[loose(tail.group("p"))]
        if m.group("m") and part is None:
            hour = int(h) if 0 <= h <= 23 else None  # 10:30 and 15:00 are read as written
        elif h > 12:
            hour = None
        else:
            hour = _hour(h, part)
        if hour is None:
            continue
        v = {"hour": hour}
        if minute:
            v["minute"] = int(minute)
        start = m.start("h") if m.group("prep") else m.start()
        out.append((start, m.end(), v))
    for m in _EN_PART.finditer(text) if not words.isdisjoint(_EN_PART_WORDS) else ():
        out.append((m.start("p"), m.end(), {"part": _EN_PART_MAP[loose(m.group("p"))]}))


def _dates(line: _Line, found: _Found) -> None:
    text = line.text
    pieces: list[tuple[int, int, dict[str, Any]]] = []
    if line.zh:
        _zh_dates(line, pieces)
    if line.en:
        _en_dates(line, pieces)
    if not pieces:
        return
    pieces.sort(key=lambda p: (p[0], -p[1]))
    kept: list[tuple[int, int, dict[str, Any]]] = []
    for start, end, v in pieces:  # drop pieces inside an earlier, longer piece
        if kept and start < kept[-1][1]:
            continue
        if not found.free(start, end):
            continue
        kept.append((start, end, v))
    merged: list[list[Any]] = []
    for start, end, v in kept:
        if merged and _JOIN.match(text[merged[-1][1]:start]) and _compatible(merged[-1][2], v):
            merged[-1][1] = end
            merged[-1][2] = {**merged[-1][2], **v}
        else:
            merged.append([start, end, dict(v)])
    for start, end, v in merged:
        if "hour" in v:
            if v.get("part") in ("afternoon", "evening") and v["hour"] < 12:
                v["hour"] += 12  # "9 tonight", "at 7 tomorrow evening"
            v.pop("part", None)
        kind = "date" if v.keys() & {"weekday", "week_offset", "day_offset", "month", "day", "weekend"} else "time"
        found.add(start, end, kind, v)


def _compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if "hour" in a and "hour" in b:
        return False
    if "part" in a and "part" in b and a["part"] != b["part"]:
        return False
    return not (a.keys() & b.keys() - {"part"}) or ("hour" in b and "part" in a)


# --- entry point -----------------------------------------------------------------------------


def extract_facts(text: str) -> tuple[Fact, ...]:
    """Every fact in ``text``, in order of appearance; never raises.

    Args:
        text: the utterance (Chinese, English or mixed).

    Returns:
        Facts sorted by their start offset.
    """
    found = _Found()
    line = _Line(text)
    _counts(line, found)  # before money: 8万公里 is a distance, not 80,000 yuan
    _attributes(line, found)
    _percents(line, found)
    _dates(line, found)  # before money: 10点 and 3号 are not amounts
    if line.en:
        _en_money(line, found)
    # A Chinese amount is money only with a unit (万, k, ...) or a currency; 15w has a digit and a w.
    if (line.zh and not line.chars.isdisjoint(_ZH_MONEY_CHARS)) or (line.digit and _WAN_SUFFIX.search(text)):
        _zh_money(text, found)
    if line.digit:
        _bare_thousands(text, found)
    facts = [Fact(kind, value, text[s:e], s) for s, e, kind, value in found.items]
    facts.sort(key=lambda f: f.start)
    return tuple(facts)
