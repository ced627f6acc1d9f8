"""The kinds of pressure: a false guarantee, belittling, false urgency, or plain hard selling.

The analyzer decides *whether* a line is pressure (the ``pressure`` technique); these patterns sort
pressure lines into kinds. The grader forbids a kind (:mod:`simkit.scoring.acts`) and the customer
answers each kind in its own words (:mod:`simkit.engine.situations`), from this one lexicon.

Example:
    >>> pressure_kind("I guarantee it will never break down.")
    'false_guarantee'
    >>> pressure_kind("You don't understand cars.")
    'belittling'
"""

from __future__ import annotations

import re

# Most specific first: a line that is several kinds counts as the first kind listed.
PRESSURE_KINDS: tuple[tuple[str, str], ...] = (
    ("false_guarantee",
     r"保证|打包票|拍胸脯|绝对(?:不会|没有|没问题|不)|永远不|肯定没问题|百分之百|100%|一辈子|"
     r"\bguarantee|\bi promise\b|\bnever (?:break|breaks|have a problem|go wrong|need)|\bzero problems\b|"
     r"\bnothing (?:will|can) go wrong\b|\bwill never\b|\bwon'?t ever\b"),
    ("belittling",
     r"骗|坑人|忽悠|(?:您|你)不懂|外行|买不起|不识货|傻|垃圾|废铁|破车|不值钱|没人要|(?:别家|他们家|那家)(?:都|就|肯定)|"
     r"\blying\b|\bcrooks?\b|\brip(?:ping)? you off\b|\bscam|\byou'?d be (?:crazy|foolish|stupid|silly)\b|"
     r"\byou don'?t (?:understand|get it|know)\b|\bjunk\b|\bgarbage\b|\bcan'?t afford\b|\bworth nothing\b|"
     r"\bnobody wants (?:it|that|your)\b|\bheap of\b|\bovervalu"),
    ("false_urgency",
     r"最后一(?:台|辆|个)|仅剩|只剩|就没了|错过|今天不(?:买|定|订)|明天就|马上(?:涨价|没)|过了(?:今天|这个村)|赶紧|抓紧|"
     r"手慢无|别人(?:都|已经|也)|再不|机不可失|今天必须|犹豫什么|还考虑什么|有什么好(?:考虑|犹豫)|"
     r"\blast one\b|\bonly one left\b|\btoday only\b|\bwon'?t last\b|\bgoing fast\b|\bnow or never\b|"
     r"\bsomeone else\b|\banother buyer\b|\bprices? (?:will )?go(?:es)? up\b|\bbefore it'?s gone\b|\bdecide today\b|"
     r"\b(?:buy|sign) (?:it )?today\b|\bdon'?t (?:wait|overthink|think too long)|\bstop overthinking\b|"
     r"\bwhat'?s there to think\b|\bcome on\b"),
)

_NEGATED_GUARANTEE = re.compile(r"不能保证|无法保证|不敢保证|不保证|can'?t guarantee|cannot guarantee|won'?t guarantee|"
                                r"no one can guarantee|nobody can guarantee", re.IGNORECASE)

_KIND_PATTERNS = tuple((kind, re.compile(regex, re.IGNORECASE)) for kind, regex in PRESSURE_KINDS)

def pressure_kind(text: str) -> str:
    """The kind of a line the analyzer read as pressure.

    Args:
        text: the trainee's line.

    Returns:
        ``false_guarantee``, ``belittling``, ``false_urgency``, or ``pressure`` when the line
        matches none of them (hard selling of another kind).
    """
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(text):
            if kind == "false_guarantee" and _NEGATED_GUARANTEE.search(text):
                continue
            return kind
    return "pressure"
