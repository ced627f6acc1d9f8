"""Personal data asked for without a reason: an ID number, a home address, income, bank details.

A costly reading: only an explicit cue counts -- these patterns -- in a line read as asking
something, with no reason given. The customer (simkit.engine.manners) and the grader
(simkit.scoring.acts) both use this one lexicon, so they agree. Words that
only sound like it are not it: "lost income" or "downtime" in a fleet cost talk, 收入损失.

Example:
    >>> asks_personal_data("What's your home address?", is_question=True)
    'home_address'
    >>> asks_personal_data("For the loan application I'll need your ID number.", is_question=False)
    >>> asks_personal_data("How much lost income does a day off the road cost you?", is_question=True)
"""

from __future__ import annotations

import re

# Personal data a salesperson has no business asking for without saying why. The English words
# share one \b(?:...)\b: a case-insensitive pattern is tried at every position of a line, and
# this way only word starts go on to the alternatives.
PERSONAL_DATA: tuple[tuple[str, str], ...] = (
    ("id_number", r"身份证|证件号|护照号|"
                  r"\b(?:id (?:number|card)|passport|social security|ssn|national insurance|driver'?s licen[cs]e number)\b"),
    ("home_address", r"家庭住址|家住(?:哪|在哪)|住(?:在)?哪(?:里|儿)?|详细地址|住址|"
                     r"\b(?:home address|where do you live|your address)\b"),
    ("income", r"工资|收入|月薪|年薪|挣多少|赚多少|存款|一个月(?:能)?(?:挣|赚|拿)|"
               r"\b(?:salary|income|how much do you (?:make|earn)|savings|(?:what|how much) do(?:es)? (?:they|your \w+) pay you|"
               r"what do you (?:earn|make) a (?:year|month))\b"),
    ("bank_details", r"银行卡|卡号|银行账号|征信|信用分|\b(?:bank (?:account|card|details)|card number|credit score)\b"),
)

_DATA_PATTERNS = tuple((kind, re.compile(regex, re.IGNORECASE)) for kind, regex in PERSONAL_DATA)
# Words one of which every personal-data request contains: a quick test before the patterns.
_HINTS = ("身份", "证件", "护照", "住", "地址", "工资", "收入", "薪", "挣", "赚", "存款", "银行", "卡号", "征信", "信用",
          "id ", "id card", "passport", "social", "ssn", "national", "licen", "address", "live", "salary", "income", "make",
          "earn", "saving", "bank", "card", "credit", "pay you", "一个月")
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

# Business talk that uses the same words: money a vehicle off the road or a fleet loses or earns.
_NOT_PERSONAL = re.compile(
    r"收入损失|损失.{0,4}收入|少(?:了)?(?:多少)?收入|营收|创收|营业收入|运营收入|"
    r"\b(?:lost|losing|loses|lose) (?:\w+ )?(?:income|earnings)\b|\bincome (?:loss|lost)\b|"
    r"\b(?:rental|business|fleet|trading|operating) income\b|\bdowntime\b",
    re.IGNORECASE,
)


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
    if kind == "income" and _NOT_PERSONAL.search(text):
        return None
    return kind
