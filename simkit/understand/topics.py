"""Topic keywords: what a line asks or talks about (budget, usage, family, ...).

The engine lets a customer reveal a need only when the trainee's question is on the need's
topic, so the keyword lists are deliberately broad. Both languages' keywords run on every
line (mixed lines work).

Example:
    >>> find_topics("您平时用车主要是什么场景？")
    ['usage']
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from simkit.labels import TOPICS
from simkit.understand.matching import LazyPattern, lazy_compile, scripts_of

_ZH: dict[str, str] = {
    "budget": r"预算|价位|单价|指导价|差价|到手价|价格区间|多少钱|价钱|花多少|多少万|价格|费用|贵|便宜|报价|落地价|总价|性价比|开销|成本|[\d一二两三四五六七八九十]+万(?:左右|以内|上下|以下|出头)",
    "usage": r"用车|上下班|通勤|跑长途|长途|自驾|接送|代步|场景|平时开|主要(?:是)?(?:用|开)|市区|高速|城市里|出差|拉货|跑业务|跑网约车|用途|里程|每天开|周末出去|出游|郊游|路况|开多远|开得多",
    "family": r"家里|家人(?!商量)|孩子|小孩|宝宝|老人|父母|爸妈|几口人|一家|全家|家庭|儿子|女儿|二胎|三胎|老婆孩子|安全座椅|儿童座椅|坐几个人|几个人坐|多少人坐",
    "current_car": r"现在开|现在的车|现在这台|目前开|目前的车|旧车|老车|开了几年|原来的车|之前的车|以前开|手上的车|开的是什么|第一台车|上一台车|换车",
    "timeline": r"什么时候|提车|现车|交车|到货|等车|多久|打算|计划|近期|最近|马上|尽快|月底|年底|这个月|下个月|今年|明年|几月|提车时间|急着|着急|等多久|周期|时间(?:上|安排)",
    "preference": r"颜色|配置|喜欢|偏好|SUV|suv|轿车|MPV|mpv|两厢|三厢|七座|五座|外观|内饰|品牌|车型|款式|空间|动力|油车|电车|纯电|混动|插混|增程|燃油|自动挡|手动挡|天窗|座椅|看重|在意|风格|大小",
    "finance": r"贷款|分期|首付|月供|按揭|金融|利率|利息|贴息|免息|全款|付款方式|还款|融资|租赁|信用",
    "trade_in": r"置换|旧车估价|估价|评估|以旧换新|卖掉|卖车|旧车回收|回收|抵扣|二手车(?:商|价)|折价",
    "decision_maker": r"家人商量|商量|爱人|太太|老公|老婆|妻子|丈夫|(?:您|你|我)(?:家)?先生|媳妇|对象|女朋友|男朋友|父母同意|拍板|做主|决定|说了算|一起来看|意见",
    "competitor": r"别家|竞品|其他品牌|另一家|别的店|其他店|对面|隔壁|同级|对比|比较过|看过.{0,6}(?:车|店)|报价单|友商|人家店|他们家|哪家|其他家|外地",
    "concern": r"担心|顾虑|问题|毛病|事故|泡水|火烧|调表|故障|隐患|放心|安全|保值|衰减|维修|质量|可靠|靠谱|风险|纠纷|投诉|后悔|吃亏|被坑|顾忌|疑虑|不满意",
    "contact": r"(?<!打过)(?<!打了)电话|微信|联系方式|手机号|号码|邮箱|联系您|联系你|加您|加你|留个|回电|打给您|短信",
}

_EN: dict[str, str] = {
    "budget": r"budget|price|(?:you'?d|you would|you'll|you will) (?:pay|be paying)|pric(?:ed|ing)|how much|afford|spend|cost|costs|expensive|cheap|ballpark|range|\$\s?\d|\d+k\b|out[- ]the[- ]door|otd|per month budget|comfortable paying|number in mind",
    "usage": r"commute|commuting|(?<!test )(?<!test-)driv(?:e|ing)\b|use (?:it|the car) for|mostly use|daily|road trips?|highway|city|errands|school run|mileage|miles a|km a|towing|tow|haul|weekends?|rideshare|uber|work truck|trips?|typical day|weekday",
    "family": r"famil(?:y|ies)|kids?|children|child|baby|toddler|parents|grandparents|grandkids|car seats?|booster|how many (?:people|passengers|seats)|seats? do you|passengers|son|daughter|household|dog|pets?",
    "current_car": r"current (?:car|vehicle|ride)|driving now|drive now|what (?:are you|do you) (?:currently )?driv\w*|old car|your car now|present car|existing car|had it|owned|previous car|last car|how old is (?:your|the)|replacing",
    "timeline": r"when(?:'s| (?:are|do|does|would|will|did|can|were|is|should|must|might))\b|timeline|timeframe|time frame|soon|how soon|by when|this month|next month|this year|next year|deadline|in a hurry|rush|plan(?:ning)? to|looking to buy|(?:few|couple of|\d+|two|three|six) (?:weeks|months)|ready to buy|in stock|lead time|(?:the )?wait(?:ing time)?|deliver(?:y|ed)?|(?:about|around|within|in|takes?) (?:a|one|two|three|\d+) (?:days?|weeks?|months?)",
    "preference": r"\bsuv\b|sedan|hatchback|minivan|truck|pickup|coupe|wagon|colou?r|feature|prefer|preference|look(?:ing)? for|must[- ]have|trim|options|hybrid|electric|\bev\b|gas|diesel|awd|4wd|sunroof|leather|seats?|third row|style|size|brand|model|look and feel|like most|want in",
    "finance": r"financ(?:e|ing)|loan|monthly|down payment|\bapr\b|interest|lease|leasing|payments?|credit|cash or|pay cash|installments?|term|bank",
    "trade_in": r"trade[- ]?in|trading (?:in|it)|trade (?:it|your|the)|appraise|appraisal|valuation|value your|sell your|what it'?s worth|payoff",
    "decision_maker": r"decide|decision|decision[- ]maker|wife|husband|partner|spouse|girlfriend|boyfriend|sign off|say in|talk it over|discuss (?:it )?with|check with|whose call|anyone else|on board|okay with it",
    "competitor": r"other dealers?|other (?:cars|models|makes)|another dealer|competitor|quote|other brands?|shopping around|compared|comparing|cross[- ]shop|elsewhere|down the street|across town|their offer|other offers?|other place|the other guys|somewhere else",
    "concern": r"worr(?:y|ied|ies)|concern(?:s|ed)?|problems?|issues?|accident|flood|hesitat\w*|doubts?|reliab\w*|safety|safe|risk|nervous|afraid|fear|hidden|defects?|breakdown|repairs?|battery (?:life|degradation)|resale|depreciation|uneasy|bother|unhappy|dissatisfied|disappointed|let (?:you|them) down",
    "contact": r"phone|(?:phone|mobile|cell|contact|your|best) number|email|e-mail|contact|text you|call you|reach you|wechat|whatsapp|message you|best way to reach",
}

assert set(_ZH) == set(TOPICS) == set(_EN)


@dataclass(frozen=True)
class TopicHit:
    """One topic keyword that matched: the topic and the matched words."""

    topic: str
    text: str
    start: int


# English keywords match whole words with their usual endings ("prices", "bothering", "cheaper"),
# so "son" is not in "Sonata" and "tow" not in "town".
_EN_ENDINGS = r"(?:s|es|d|ed|ing|er|est|y)?(?![A-Za-z])"

# Searched in this order: each topic's Chinese keywords, then its English ones.
_PATTERNS: tuple[tuple[str, str, LazyPattern], ...] = tuple(
    (t, lang, pattern) for t in TOPICS for lang, pattern in (
        ("zh", lazy_compile(_ZH[t])), ("en", lazy_compile(r"(?<![A-Za-z])(?:" + _EN[t] + r")" + _EN_ENDINGS, re.IGNORECASE)))
)


def topic_hits(text: str, scripts: frozenset[str] | None = None) -> list[TopicHit]:
    """Every topic whose keywords occur in ``text`` (first match per topic and language).

    ``scripts`` is ``scripts_of(text)`` when the caller has it: keywords are searched only on a
    line written in their language's script.
    """
    scripts = scripts_of(text) if scripts is None else scripts
    hits = []
    for topic, lang, pattern in _PATTERNS:
        if lang in scripts:
            m = pattern.search(text)
            if m is not None:
                hits.append(TopicHit(topic, m.group(), m.start()))
    return hits


def topic_spans(text: str, topics: Collection[str] = TOPICS) -> list[TopicHit]:
    """Every keyword of ``topics`` that occurs in ``text``, each match, in order of position.

    :func:`topic_hits` keeps the first match per topic, which is what labelling needs; the
    engine also asks *where* a topic is named (:mod:`simkit.engine.asked`), with the same keywords.
    """
    scripts = scripts_of(text)
    spans = [TopicHit(topic, m.group(), m.start()) for topic, lang, pattern in _PATTERNS
             if lang in scripts and topic in topics for m in pattern.finditer(text) if m.group()]
    return sorted(spans, key=lambda h: h.start)


def find_topics(text: str) -> list[str]:
    """Topics of ``text`` in the fixed order of :data:`simkit.labels.TOPICS`."""
    found = {h.topic for h in topic_hits(text)}
    return [t for t in TOPICS if t in found]
