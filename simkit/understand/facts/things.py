"""Counts (people, children, years, distances) and car attributes (body, power, seats, ...)."""

from __future__ import annotations

import re

from simkit.understand.facts.found import Found
from simkit.understand.facts.numbers import EN_NUMWORDS, EN_WORD, SMALL_NUMBER, ZH_NUMBER, clean, en_num, num
from simkit.understand.matching import LazyPattern, lazy_compile

# (pattern, what is counted)
_ZH_COUNTS = (
    (lazy_compile(rf"一家(?P<n>{SMALL_NUMBER})口"), "people"),
    (lazy_compile(rf"(?P<n>{SMALL_NUMBER})口人"), "people"),
    (lazy_compile(rf"(?P<n>{SMALL_NUMBER})(?:个|位)(?:人|大人|成人|乘客)"), "people"),
    (lazy_compile(rf"(?P<n>{SMALL_NUMBER}|俩)(?:个)?(?:孩子|小孩|娃|宝宝|儿子|女儿)"), "children"),
    (lazy_compile(rf"(?:开|用)了?(?P<n>{SMALL_NUMBER})(?:多)?年"), "years"),
    (lazy_compile(rf"(?P<n>{ZH_NUMBER})(?P<wan>万)?(?:公里|千米|km|KM)"), "km"),
)
_EN_COUNTS = (
    (lazy_compile(rf"\bfamily of (?P<n>\d{{1,2}}|{EN_NUMWORDS})\b", re.I), "people"),
    (lazy_compile(rf"\b(?P<n>\d{{1,2}}|{EN_NUMWORDS}) (?:of us|people|persons|passengers|adults|riders)\b", re.I),
     "people"),
    (lazy_compile(rf"\b(?P<n>\d{{1,2}}|{EN_NUMWORDS}|a couple of) (?:little |young |small )?"
                  r"(?:kids|children|boys|girls|sons|daughters|grandkids|little ones)\b", re.I), "children"),
    (lazy_compile(rf"\b(?:for|had it|owned it|driven it)(?: for)? (?P<n>\d{{1,2}}|{EN_NUMWORDS}) years?\b", re.I),
     "years"),
)
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
_ZH_SEATS = lazy_compile(rf"(?P<n>{SMALL_NUMBER})(?:座|人座|座位)")
_EN_SEATS = lazy_compile(rf"\b(?P<n>\d{{1,2}}|{EN_WORD})[- ](?:seaters?|seats?|passenger)\b|\bthird[- ]row\b", re.I)


def counts(text: str, scripts: frozenset[str], found: Found) -> None:
    """People, children, years of ownership and distances, in Chinese lines and English ones."""
    for pattern, of in _ZH_COUNTS if "zh" in scripts else ():
        for m in pattern.finditer(text):
            raw = m.group("n")
            n = 2 if raw == "俩" else num(raw)
            if n is None or n <= 0:
                continue
            if of == "km" and m.group("wan"):
                n *= 10_000
            found.add(m.start(), m.end(), "count", {"n": clean(n), "of": of})
    if "en" not in scripts:
        return
    for pattern, of in _EN_COUNTS:
        for m in pattern.finditer(text):
            raw = m.group("n")
            n = 2.0 if raw.lower() == "a couple of" else en_num(raw)
            if n is None or n <= 0:
                continue
            found.add(m.start(), m.end(), "count", {"n": clean(n), "of": of})
    for m in _EN_DISTANCE.finditer(text):
        n = en_num(m.group("n"))
        if n is None or n <= 0:
            continue
        if m.group("k"):
            n *= 1000
        of_unit = "km" if m.group("unit").lower().startswith("k") else "miles"
        found.add(m.start(), m.end(), "count", {"n": clean(n), "of": of_unit})


def attributes(text: str, scripts: frozenset[str], found: Found) -> None:
    """Seats and car attributes; a pattern of one language is searched on lines in its script."""
    for m in _ZH_SEATS.finditer(text) if "zh" in scripts else ():
        n = num(m.group("n"))
        if n is not None and 2 <= n <= 9:
            found.add(m.start(), m.end(), "attribute", f"seats:{int(n)}")
    for m in _EN_SEATS.finditer(text) if "en" in scripts else ():
        if m.group("n") is None:
            found.add(m.start(), m.end(), "attribute", "seats:7")
            continue
        n = en_num(m.group("n"))
        if n is not None and 2 <= n <= 9:
            found.add(m.start(), m.end(), "attribute", f"seats:{int(n)}")
    for pattern, value, lang in _ATTRIBUTES:
        if lang in scripts:
            for m in pattern.finditer(text):
                found.add(m.start(), m.end(), "attribute", value)
