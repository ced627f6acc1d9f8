"""Compliance lexicons: what kind of pressure a line is, and personal data asked for without reason.

The analyzer decides *whether* a line is pressure (the ``pressure`` technique); these patterns
only sort pressure lines into kinds, so that a scenario can forbid one kind (a false guarantee)
without forbidding all. Personal data has no technique label, so it is found here: a request for
an ID number, a home address, income or bank details that gives no reason for wanting it.

Example:
    >>> pressure_kind("I guarantee it will never break down.")
    'false_guarantee'
    >>> asks_personal_data("What's your home address?", is_question=True)
    'home_address'
    >>> asks_personal_data("For the loan application I'll need your ID number.", is_question=False)
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
     r"骗|坑人|忽悠|(?:您|你)不懂|外行|买不起|不识货|傻|垃圾|(?:别家|他们家|那家)(?:都|就|肯定)|"
     r"\blying\b|\bcrooks?\b|\brip(?:ping)? you off\b|\bscam|\byou'?d be (?:crazy|foolish|stupid|silly)\b|"
     r"\byou don'?t (?:understand|get it|know)\b|\bjunk\b|\bgarbage\b|\bcan'?t afford\b"),
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

# Every act that counts as pressure: the specific kinds above, then the analyzer's plain label.
PRESSURE_ACTS: tuple[str, ...] = (*(kind for kind, _ in PRESSURE_KINDS), "pressure")

# Personal data a salesperson has no business asking for without saying why. The English words
# share one \b(?:...)\b: a case-insensitive pattern is tried at every position of a line, and
# this way only word starts go on to the alternatives.
PERSONAL_DATA: tuple[tuple[str, str], ...] = (
    ("id_number", r"身份证|证件号|护照号|"
                  r"\b(?:id (?:number|card)|passport|social security|ssn|driver'?s licen[cs]e number)\b"),
    ("home_address", r"家庭住址|家住(?:哪|在哪)|住(?:在)?哪(?:里|儿)?|详细地址|住址|"
                     r"\b(?:home address|where do you live|your address)\b"),
    ("income", r"工资|收入|月薪|年薪|挣多少|赚多少|存款|\b(?:salary|income|how much do you (?:make|earn)|savings)\b"),
    ("bank_details", r"银行卡|卡号|银行账号|征信|信用分|\b(?:bank (?:account|card|details)|card number|credit score)\b"),
)

_DATA_PATTERNS = tuple((kind, re.compile(regex, re.IGNORECASE)) for kind, regex in PERSONAL_DATA)
# Words one of which every personal-data request contains: a quick test before the patterns.
_HINTS = ("身份", "证件", "护照", "住", "地址", "工资", "收入", "薪", "挣", "赚", "存款", "银行", "卡号", "征信", "信用",
          "id ", "id card", "passport", "social", "ssn", "licen", "address", "live", "salary", "income", "make",
          "earn", "saving", "bank", "card", "credit")
_HINT = re.compile("|".join(map(re.escape, _HINTS)))

_REQUEST = re.compile(
    r"请|麻烦|提供|告诉我|发(?:给)?我|给我|报一下|说一下|多少|是什么|哪|\bgive me\b|\bsend (?:me|it)\b|\bprovide\b|"
    r"\bcan i (?:get|have|take|grab)\b|\bwhat'?s your\b|\bwhat is your\b|\bi(?:'ll| will)? need your\b|\btell me your\b",
    re.IGNORECASE,
)

_REASON = re.compile(
    r"为了|以便|用于|用来|因为|方便(?:给|为)?(?:您|你)|需要.{0,12}(?:审批|申请|登记|办理|核实|评估|上牌|签约|合同|备案)|"
    r"(?:贷款|金融|分期|按揭|上牌|合同|登记|审批|开票|发票|保险).{0,10}(?:需要|要用|得用|要求)|"
    r"\bso (?:that|i|we) can\b|\bin order to\b|\bbecause\b|\bfor the (?:loan|finance|financing|application|paperwork|"
    r"registration|contract|approval|invoice|insurance)\b|\b(?:loan|finance|financing|credit) (?:application|approval|check)\b|"
    r"\bto (?:register|apply|prepare the|check your eligibility)\b|\brequired (?:by|for)\b",
    re.IGNORECASE,
)


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


def asks_personal_data(text: str, *, is_question: bool) -> str | None:
    """The kind of personal data ``text`` asks for without a reason, or None.

    Args:
        text: the trainee's line.
        is_question: whether the analyzer read the line as a question.

    Returns:
        ``id_number``, ``home_address``, ``income`` or ``bank_details``; None when the line asks
        for none of them, does not ask at all, or says why it needs the data.
    """
    if not _HINT.search(text.lower()):  # contains none of _HINTS
        return None
    kind = next((k for k, pattern in _DATA_PATTERNS if pattern.search(text)), None)
    if kind is None:
        return None
    if not (is_question or _REQUEST.search(text)):
        return None
    if _REASON.search(text):
        return None
    return kind
