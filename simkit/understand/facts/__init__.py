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

from simkit.understand import analysis, matching
from simkit.understand.facts import dates, found, money, things
from simkit.understand.facts.numbers import en_words_int, zh_int

__all__ = ["en_words_int", "extract_facts", "zh_int"]


def extract_facts(text: str) -> tuple[analysis.Fact, ...]:
    """Every fact in ``text``, in order of appearance; never raises.

    Args:
        text: the utterance (Chinese, English or mixed).

    Returns:
        Facts sorted by their start offset.
    """
    facts = found.Found()
    scripts = matching.scripts_of(text)  # a pattern of one language is searched on lines in its script
    things.counts(text, scripts, facts)  # before money: 8万公里 is a distance, not 80,000 yuan
    things.attributes(text, scripts, facts)
    money.percents(text, scripts, facts)
    dates.dates(text, scripts, facts)  # before money: 10点 and 3号 are not amounts
    money.en_money(text, scripts, facts)
    money.zh_money(text, scripts, facts)
    money.bare_thousands(text, facts)
    out = [analysis.Fact(kind=kind, value=value, text=text[s:e], start=s) for s, e, kind, value in facts.items]
    out.sort(key=lambda f: f.start)
    return tuple(out)
