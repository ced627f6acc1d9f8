"""User-facing strings of the seeds' situations: why the customer told of, or agreed to bring, a
second decision maker, and how a channel made them react (merged into :data:`simkit.i18n.MESSAGES`).
"""

from __future__ import annotations

SITUATION_MESSAGES: dict[str, dict[str, str]] = {
    # A goal met through one of its goal.also kinds: the goal's name and the kind booked.
    "goal.through": {"zh": "{goal}（{kind}）", "en": "{goal} ({kind})"},
    # Model closing lines (choice mode, feedback) for the goal kinds of the seeds' situations.
    "model.close.inspection_booked": {"zh": "您看这周六上午十点把车开过来做个免费检测，方便吗？",
                                      "en": "Could you bring the car in on Saturday at 10 for a free inspection?"},
    "model.close.valuation_agreed": {"zh": "按这个价格，我们今天就把收车手续办了，好吗？",
                                     "en": "At this price, shall we complete the purchase of your car today?"},
    "model.close.callback": {"zh": "我明天下午三点再给您回个电话，可以吗？", "en": "Can I call you back tomorrow at 3 pm?"},
    "model.close.quote_meeting": {"zh": "这周四下午两点，我们一起把书面报价逐项过一遍，您看行吗？",
                                  "en": "Shall we sit down on Thursday at 2 pm to go over the written quote line by line?"},
    "model.close.complaint_recovered": {"zh": "明天上午九点我们安排技师上门处理，您看可以吗？",
                                        "en": "Shall we send our technician to you tomorrow at 9 am to fix it?"},
    "model.close.reactivated": {"zh": "您看这周六上午十点回店里看看新车型，方便吗？",
                                "en": "Would you like to come by on Saturday at 10 to see the new model?"},
    "rule.decision-maker-told": {"zh": "问到了另一位决策人，客户说出对方在意什么：信任 +{trust}",
                                 "en": "asking about the other decision maker got their concern: trust +{trust}"},
    "rule.decision-maker-involved": {"zh": "提议请另一位决策人一起参与，客户同意",
                                     "en": "proposing to bring the other decision maker in: the customer agreed"},
    "rule.decision-maker-too-early": {"zh": "信任不足（{trust}/{min_trust}），客户还不愿说谁一起做决定",
                                      "en": "trust too low ({trust}/{min_trust}) to say who else decides"},
    "rule.phone-long-line": {"zh": "电话里一句话太长（{size}，上限{limit}）：耐心 {patience}",
                             "en": "too long for a busy caller ({size}, limit {limit}): patience {patience}"},
    "rule.slow-reply": {"zh": "回复用了{seconds}秒（上限{limit}秒）：耐心 {patience}",
                        "en": "the reply took {seconds} s (limit {limit} s): patience {patience}"},
    "rule.evidence-not-seen": {"zh": "这个证明得亲眼看到，{channel}上看不到车，异议“{objection}”没有解决",
                               "en": "this proof must be seen and a {channel} customer cannot see the car: '{objection}' stays open"},
    "rule.time-too-late": {"zh": "{asked}超过了{within_hours}小时的期限，客户要求{time}",
                           "en": "{asked} is past the {within_hours}-hour limit; the customer asks for {time}"},
}
