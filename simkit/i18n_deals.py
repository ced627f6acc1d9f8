"""User-facing strings for appointments and amounts: how a time and a sum are said, and the rules.

Merged into :data:`simkit.i18n.MESSAGES`; kept apart so each catalogue stays short.
"""

from __future__ import annotations

DEALS_MESSAGES: dict[str, dict[str, str]] = {
    # Weekdays, Monday = 0 (as facts and availability number them).
    **{f"time.weekday.{i}": {"zh": zh, "en": en} for i, (zh, en) in enumerate(zip(
        ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")))},
    "time.part.morning": {"zh": "上午", "en": "morning"},
    "time.part.noon": {"zh": "中午", "en": "noon"},
    "time.part.afternoon": {"zh": "下午", "en": "afternoon"},
    "time.part.evening": {"zh": "晚上", "en": "evening"},
    "time.part.night": {"zh": "晚上", "en": "night"},
    "time.day-part": {"zh": "{day}{part}", "en": "{day} {part}"},
    "time.day-clock": {"zh": "{day}{part}{clock}", "en": "{day} at {clock}"},
    "time.some-day": {"zh": "那天", "en": "that day"},
    "outcome.booked": {"zh": "{outcome}（{time}）", "en": "{outcome} ({time})"},
    # A model line (choice mode, feedback): taking the time the customer proposed.
    "model.accept-time": {"zh": "好的，那就{time}，到时候见。", "en": "Great, {time} works for me. See you then."},
    # The rules (why a beat happened).
    "rule.time-booked": {"zh": "约定了时间：{time}", "en": "a time was agreed: {time}"},
    "rule.time-countered": {"zh": "客户{asked}没空，提出{time}", "en": "the customer cannot make {asked} and proposes {time}"},
    "rule.time-needed": {"zh": "没有具体时间，什么也没约上", "en": "no concrete time was proposed, so nothing is booked"},
    "rule.time-needs-hour": {"zh": "只说了哪天（{time}），还差几点", "en": "a day ({time}) but no time of day yet"},
    "rule.evidence-contradicted": {"zh": "证据里的数字（{amount}）和客户掌握的情况相反，异议“{objection}”没有解决",
                                   "en": "the figure in the evidence ({amount}) contradicts the facts, so '{objection}' stays open"},
    "rule.offer-acceptable": {"zh": "报价{amount}在客户可接受范围内：兴趣 +{interest}",
                              "en": "the offer of {amount} is within what the customer accepts: interest +{interest}"},
    "rule.offer-countered": {"zh": "客户对{offered}还价：{amount}", "en": "the customer counters {offered} with {amount}"},
}
