"""Dates and clock times: weekdays, relative days, month days, hours and parts of the day."""

from __future__ import annotations

import re
from typing import Any

from simkit.understand.facts.found import Found
from simkit.understand.facts.numbers import EN_WORD, en_num, num
from simkit.understand.matching import lazy_compile, loose

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
    r"|\bthe\s+(?P<dom>\d{1,2})(?:st|nd|rd|th)\b"
    r"|\bthis\s+(?P<thispart>morning|afternoon|evening)\b",
    re.I,
)
_EN_TIME = lazy_compile(
    rf"(?:\b(?P<prep>at|around|by|about|from)\s+)?\b(?P<h>\d{{1,2}}(?!\d)|{EN_WORD}\b)(?::(?P<m>\d{{2}}))?"
    r"(?:\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])|\s*(?P<oclock>o'?clock)\b)?"
    r"(?![\d:,.%]\d|\s*(?:k\b|grand|percent|miles|km|years?|people|kids|dollars|bucks|thousand|hundred|seat|%))"
    r"|\b(?P<noon>noon|midday|midnight)\b",
    re.I,
)
# Clock times as they are said: "half past two", "a quarter to four", "twenty past ten", UK "half
# two" (2:30), and an hour word with its minutes ("six-thirty", "twelve-fifteen").
_HOUR_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_EN_SPOKEN_TIME = lazy_compile(
    rf"\b(?:(?:a\s+)?(?P<q>quarter|half|twenty[- ]five|twenty|ten|five)\s+(?P<dir>past|after|to|before|till)"
    rf"\s+(?P<h1>{_HOUR_WORDS}|\d{{1,2}})"
    rf"|half\s+(?P<h2>{_HOUR_WORDS})(?![- ]?(?:hours?|dozen|price|off|of)\b)"
    rf"|(?P<h3>{_HOUR_WORDS})[- ](?P<m3>fifteen|thirty|forty[- ]five)(?!-))\b"
    r"(?:\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z]))?",
    re.I,
)
_EN_PART = lazy_compile(r"\b(?:in the\s+|this\s+)?(?P<p>morning|afternoon|evening|night)\b", re.I)
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


def _clock(hour: int, minute: float | None) -> dict[str, Any]:
    """A time's value: the hour, and the minute unless it is 0 or unknown."""
    return {"hour": hour, "minute": int(minute)} if minute else {"hour": hour}


def _zh_dates(text: str, out: list[tuple[int, int, dict[str, Any]]]) -> None:
    for m in _ZH_DATE.finditer(text):
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
            mo, dd = num(m.group("mo")), num(m.group("dd"))
            if mo is None or dd is None or not (1 <= mo <= 12 and 1 <= dd <= 31):
                continue
            v = {"month": int(mo), "day": int(dd)}
        elif m.group("dom"):
            dd = num(m.group("d2"))
            if dd is None or not 1 <= dd <= 31:
                continue
            v = {"day": int(dd)}
        out.append((m.start(), m.end(), v))
    for m in _ZH_TIME.finditer(text):
        part = _PART_ZH.get(m.group("part") or "")
        if m.group("hh"):
            h, minute = num(m.group("hh")), num(m.group("mm"))
        elif m.group("h"):
            h = num(m.group("h"))
            minute = 30.0 if m.group("half") else {"一刻": 15.0, "三刻": 45.0}.get(m.group("q") or "", None)
            if m.group("m"):
                minute = num(m.group("m"))
        else:
            continue
        if h is None or (minute is not None and not 0 <= minute <= 59):
            continue
        hour = _hour(h, part)
        if hour is not None:
            start = m.start("part") if m.group("part") else m.start("h") if m.group("h") else m.start("hh")
            out.append((start, m.end(), _clock(hour, minute)))
    for m in _ZH_PART.finditer(text):
        out.append((m.start(), m.end(), {"part": _PART_ZH[m.group(0)]}))


def _en_dates(text: str, out: list[tuple[int, int, dict[str, Any]]]) -> None:
    for m in _EN_DATE.finditer(text):
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
        elif m.group("thispart"):
            v = {"day_offset": 0, "part": _EN_PART_MAP[loose(m.group("thispart"))]}
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
    for m in _EN_TIME.finditer(text):
        if m.group("noon"):
            word = loose(m.group("noon"))
            out.append((m.start(), m.end(), {"hour": 0 if word == "midnight" else 12}))
            continue
        if not (m.group("prep") or m.group("ampm") or m.group("oclock") or m.group("m")):
            continue
        if not m.group("h")[0].isdigit() and not (m.group("oclock") or m.group("prep")):
            continue
        h = en_num(m.group("h"))
        minute = num(m.group("m") or "0")
        if h is None or minute is None or not 0 <= minute <= 59:
            continue
        part = _part_of_clock(text, m)
        if m.group("m") and part is None:
            # 10:30 and 15:00 are read as written; 5:45 is a business hour, like "at 5" (17:45)
            hour = _hour(h, None) if h <= 12 else int(h) if h <= 23 else None
        elif h > 12:
            hour = None
        else:
            hour = _hour(h, part)
        if hour is not None:
            out.append((m.start("h") if m.group("prep") else m.start(), m.end(), _clock(hour, minute)))
    for m in _EN_SPOKEN_TIME.finditer(text):
        spoken = _spoken_clock(m)
        if spoken is not None:
            hour, minute = spoken
            hour = _hour(hour, _part_of_clock(text, m))
            if hour is not None:
                out.append((m.start(), m.end(), _clock(hour, minute)))
    for m in _EN_PART.finditer(text):
        out.append((m.start("p"), m.end(), {"part": _EN_PART_MAP[loose(m.group("p"))]}))


def _part_of_clock(text: str, m: re.Match[str]) -> str | None:
    """The part of the day a clock time ``m`` says: its am/pm, else a part right after it ("at 7 in the evening")."""
    ampm = loose(m.group("ampm") or "").replace(".", "")
    if ampm in ("am", "pm"):
        return ampm
    tail = _EN_PART.match(text, m.end() + (1 if text[m.end():m.end() + 1] == " " else 0))
    return _EN_PART_MAP[loose(tail.group("p"))] if tail else None


def _spoken_clock(m: re.Match[str]) -> tuple[int, int] | None:
    """The (12-hour clock hour, minute) of a spoken time matched by ``_EN_SPOKEN_TIME``."""
    if m.group("h1"):
        hour = en_num(m.group("h1"))
        words = loose(m.group("q")).replace("-", " ")
        minutes = {"quarter": 15, "half": 30, "twenty five": 25, "twenty": 20, "ten": 10, "five": 5}[words]
        if hour is None or not 1 <= hour <= 12:
            return None
        if loose(m.group("dir")) in ("to", "before", "till"):
            return (int(hour) - 2) % 12 + 1, 60 - minutes  # a quarter to four: 3:45
        return int(hour), minutes
    if m.group("h2"):
        return int(en_num(m.group("h2"))), 30  # UK "half two": half past two
    minute = en_num(m.group("m3").replace("-", " "))
    return int(en_num(m.group("h3"))), int(minute)


def dates(text: str, scripts: frozenset[str], found: Found) -> None:
    """Dates and times; pieces next to each other (周六 + 上午 + 十点) merge into one fact."""
    pieces: list[tuple[int, int, dict[str, Any]]] = []
    if "zh" in scripts:
        _zh_dates(text, pieces)
    if "en" in scripts:
        _en_dates(text, pieces)
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

