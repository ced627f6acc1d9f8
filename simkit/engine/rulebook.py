"""The rulebook: every number and table the director's rules use, in one place.

The engine's version (:mod:`simkit.engine.version`) is a hash of this table (every upper-case
name below) plus a hand-bumped rules version, so a changed effect is a new version and a changed
comment or a refactor is not. A rule that needs a new number gets it here, never inline.

Effects are in points: trust and interest run 0-100, patience counts down to 0.
"""

from __future__ import annotations

from simkit.understand.context import RECALL_CUES as _CONTEXT_RECALL_CUES

# -- effects on the customer's state ---------------------------------------------------------
GREETING_TRUST = 5  # a first greeting ...
GREETING_LATEST_TURN = 2  # ... earns trust only this early in the talk
EMPATHY_TRUST = 3  # empathy that works on no objection
PRESSURE_TRUST, PRESSURE_PATIENCE = -15, -2  # pressure and false promises
PREMATURE_DISCOUNT_TRUST, PREMATURE_DISCOUNT_PATIENCE = -10, -1  # a discount before the value was shown
LATE_CONCESSION_INTEREST = 5  # a discount once the value was shown
IGNORED_ASK_PATIENCE = -1  # the customer's question went unanswered
ACKNOWLEDGE_TRUST, PROBE_TRUST, EVIDENCE_TRUST, CONFIRM_TRUST = 4, 3, 6, 4  # objection steps
EVIDENCE_INTEREST = 5  # proof that lands
# Proof after a skipped probe (simkit.engine.objection_flow) is heard, but it answers the worry as
# stated, not the cause the customer never got to tell: it earns this much less trust.
SKIPPED_PROBE_TRUST = -3
NEED_TRUST, NEED_INTEREST = 3, 4  # a need revealed
PRESENT_INTEREST, RECOMMEND_INTEREST = 8, 12  # a relevant presentation / recommendation
PITCH_BEFORE_NEEDS_PATIENCE = -1  # presenting before any need is known
FAILED_CLOSE_TRUST, FAILED_CLOSE_PATIENCE = -3, -1  # a close attempt while something is missing
INTERROGATION_RUN = 3  # closed questions in a row that start to cost patience ...
INTERROGATION_PATIENCE = -1  # ... this much each
JUNK_FREE_RUN = 1  # junk lines in a row (fillers, empty or off-topic talk) the customer lets pass ...
JUNK_PATIENCE = -1  # ... each one after that costs this much
RUDE_TRUST, RUDE_PATIENCE = -20, -2  # an insult ("shut up", 滚)
PRIVACY_TRUST, PRIVACY_PATIENCE = -10, -1  # personal data asked for without a reason
PATIENCE_LOW = 2  # at or below this patience, a costly line shows the customer's impatience
DM_TOLD_TRUST = 3  # the customer told who else decides and what they care about (like a need)

# -- channels (simkit.engine.situations) -------------------------------------------------------
PHONE_LONG_LINE = {"zh": 70, "en": 45}  # a phone line longer than this (characters / words) ...
LONG_LINE_PATIENCE = -1  # ... costs a busy caller this much
SLOW_FIRST_REPLY_SECONDS = 300  # an online lead waits this long for the first reply (seeds: 5 minutes) ...
SLOW_REPLY_SECONDS = 180  # ... and this long for later ones ...
SLOW_REPLY_PATIENCE = -1  # ... each slower reply costs this much (trusted reply times only)
SHOWING_CHANNELS = frozenset({"showroom", "video"})  # where the customer can see the car
# Words that show the car on a video call: on video, a presentation that shows is proof that is seen.
SHOW_CUES = {"zh": ("镜头", "视频里", "给您看", "给你看", "拍给", "您看这", "你看这", "带您看", "绕车"),
             "en": ("camera", "on screen", "show you", "let you see", "you can see", "walk around", "walk-around",
                    "zoom in", "look at this", "take a look")}
DM_PROPOSE_TECHNIQUES = frozenset({"close", "recommend", "present"})  # proposing to bring the decision maker in
# Words that say which kind of next step a close asks for, when a goal accepts several (``goal.also``).
GOAL_CUES = {
    "callback": {"en": ("call you", "call back", "ring you", "phone you", "give you a call"),
                 "zh": ("回电", "打电话", "打给您", "给您电话", "致电", "电话联系", "回个电话", "回您电话", "回你电话",
                        "给您打", "给你打", "打给你", "再打过去", "再打给")},
    "visit": {"en": ("come in", "come by", "come over", "visit", "drop by", "pop in", "showroom", "the store",
                     "bring it in", "bring the car in", "bring your car in", "bring the old car in"),
              "zh": ("到店", "来店", "店里", "过来", "来一趟", "开过来", "把车开来", "开来")},
    "test_drive": {"en": ("test drive", "test-drive"), "zh": ("试驾",)},
    "inspection_booked": {"en": ("inspect", "inspection"), "zh": ("检测", "验车", "评估")},
    "quote_meeting": {"en": ("quote",), "zh": ("报价",)},
}

# What a close before the customer is ready asked for, by its words, in this order (a line that
# asks for a deposit at the store asks for the deposit): the customer's "not yet" names it
# (reaction "not_ready_<kind>"). A callback or anything else gets the persona's own "not_ready".
PROPOSAL_CUES = {
    "deposit": {"en": ("deposit", "down payment", "put money down", "sign", "signing", "contract", "paperwork",
                       "reserve it", "order it"),
                "zh": ("意向金", "定金", "订金", "下定", "下订", "交钱", "签约", "签合同", "签单", "付款", "订车", "定车")},
    "callback": GOAL_CUES["callback"],
    "contact": {"en": ("wechat", "your number", "phone number", "mobile number", "contact details", "your email",
                       "add you"),
                "zh": ("微信", "加个v", "联系方式", "手机号", "留个电话", "留电话", "电话号码")},
    "test_drive": GOAL_CUES["test_drive"],
    "visit": GOAL_CUES["visit"],
}

# -- which technique does what ---------------------------------------------------------------
# Which technique advances each objection step.
STEP_TECHNIQUES = {
    "acknowledged": ("empathy",),
    "probed": ("probe", "open_question"),
    "evidence": ("evidence", "present", "recommend"),  # a presentation counts only if it names the proof
    "confirmed": ("confirm",),
}
# Before the customer states a worry as an objection (simkit.engine.objection_flow): a
# consultant who hears a hint acknowledges it and digs into it at once. When an objection is
# raised on turn t, the trainee's lines of turns t-PRE_RAISE_TURNS .. t on its subject are
# credited as its first steps. The hint comes in the customer's reply to turn t-3 at the
# earliest, so lines t-2 and t-1 can acknowledge it and dig into it; the line of turn t-3 came
# before the hint and was about the talk before the worry came up ("Congratulations on the baby!
# What budget do you have in mind?" is not an acknowledgement of a price worry raised later).
PRE_RAISE_TURNS = 2
# Which technique takes each step before the raise: any question that digs into the worry
# counts as the probe ("did that happen to you, or to a friend?"), since the line must be on the
# objection's subject anyway; a yes/no check digs into nothing.
PRE_RAISE_STEPS = {
    "acknowledged": ("empathy",),
    "probed": ("probe", "open_question", "exclusion_question"),
}
# The topics an objection of each kind is about, beside its own ``topic``: "I hear you on the
# price" (budget) and "what are you comparing it against?" (competitor) are on a price worry.
OBJECTION_SUBJECT_TOPICS = {
    "price": ("budget", "competitor", "finance"),
    "quality": ("concern", "current_car"),
    "delay": ("timeline", "decision_maker"),
    "trust": ("concern", "budget"),
    "finance": ("finance", "budget"),
    "competitor": ("competitor", "budget"),
}
# Topics the analyzer adds to many lines ("what matters to you?"): alone, they put a line on no
# objection's subject, so a topicless or broad line is about what the customer last told.
BROAD_TOPICS = frozenset({"preference", "usage"})
# Words that put a line on the subject of an objection of each kind whatever its topics:
# "accidents, floods and tampered odometers are what people fear most" is on a quality worry.
OBJECTION_SUBJECT_CUES = {
    "price": {"zh": ("价格", "价钱", "贵", "便宜", "报价", "优惠", "差价", "多少钱"),
              "en": ("price", "expensive", "cheaper", "quote", "cost", "pricey", "a big number", "discount")},
    "quality": {"zh": ("车况", "事故", "泡水", "水泡", "火烧", "调表", "里程", "毛病", "隐患", "问题车", "质量"),
                "en": ("condition", "accident", "flood", "odometer", "mileage", "defect", "hidden problem", "quality",
                       "crash", "damage")},
    "delay": {"zh": ("考虑", "商量", "不急", "想想", "再看看", "决定"),
              "en": ("think it over", "think about it", "talk it over", "no hurry", "decide", "decision", "wait")},
    "trust": {"zh": ("套路", "诱饵", "钓鱼", "加价", "附加", "隐藏费用", "被坑"),
              "en": ("bait", "catch", "hidden fee", "hidden fees", "strings attached", "tricked", "extra fees")},
    "finance": {"zh": ("贷款", "分期", "利息", "首付", "月供", "手续费"),
                "en": ("loan", "instalment", "installment", "interest", "down payment", "monthly", "finance")},
    "competitor": {"zh": ("竞品", "别家", "对比", "那家"),
                   "en": ("other dealer", "competitor", "compare", "comparing", "the other brand")},
}
# Techniques that present something; proof offered unasked is a pitch too.
PITCH_TECHNIQUES = frozenset({"present", "recommend", "evidence"})
CLOSED_ONLY = frozenset({"closed_question"})  # the question techniques of a plain closed question
NO_CONTENT = frozenset({"other"})  # the techniques of a line that, with no topic, does no work

# -- what a line is, before what it asks (simkit.engine.manners) -------------------------------
# Lines made only of these words (and punctuation) are fillers: they acknowledge, they do no work.
FILLER_WORDS = {
    "zh": ("嗯", "恩", "啊", "哦", "噢", "喔", "呃", "额", "嗯嗯", "哈", "哈哈", "对", "是", "好", "好的", "行", "然后呢",
           "这样", "这样啊", "是吗", "是的", "对对", "对对对", "哎", "唉", "欸", "诶"),
    "en": ("um", "uh", "uhm", "erm", "er", "hmm", "hm", "mm", "mhm", "ok", "okay", "yeah", "yep", "yes", "right",
           "sure", "ah", "oh", "i see", "and", "so", "well", "cool", "nice", "lol", "k", "huh", "uh huh"),
}
# Insults and dismissals: the customer reacts to the rudeness, whatever else the line does.
RUDE_CUES = {
    "zh": ("滚", "闭嘴", "傻逼", "傻B", "白痴", "蠢货", "有病", "神经病", "废话真多", "烦死了", "你懂什么", "爱买不买", "穷鬼",
           "去死", "别瞎问", "耽误我时间", "爱要不要", "少废话", "烦不烦", "你烦死了", "啰嗦什么", "磨叽什么"),
    "en": ("shut up", "get lost", "piss off", "go away", "idiot", "stupid", "moron", "dumb", "screw you",
           "f*** off", "fuck", "shit", "loser", "whatever, take it or leave it", "buy it or don't",
           "haven't got all day", "don't have all day", "wasting my time"),
}
# Talk about anything but the customer, the car or the deal: it reveals nothing.
# Small talk about the salesperson's day, the customer's clothes and things, sport and shows, and
# whether the salesperson is a program are all off the subject.
OFF_TOPIC_CUES = {
    "zh": ("火锅", "天气", "天儿", "真热", "好热", "真冷", "好冷", "吃饭了吗", "吃了吗", "吃的啥", "吃啥", "午饭", "面馆",
           "奶茶", "足球", "篮球", "看球", "那场球", "点球", "世界杯", "电影", "追剧", "电视剧", "综艺", "明星", "游戏", "星座",
           "这手表", "手表挺", "包包", "这包", "这衣服", "衣服挺", "这外套", "这鞋", "发型", "项链", "耳环", "口红", "哪儿买的", "哪里买的", "在哪买的",
           "猫还是狗", "狗还是猫", "喜欢猫", "喜欢狗", "去哪儿玩了", "去哪玩了",
           "机器人", "真人", "人工智能", "你是ai", "是不是ai", "ai在", "是机器", "程序设定", "设定好的", "自动回复",
           "跟人聊", "跟系统聊", "是人还是", "股票", "彩票", "打麻将", "高尔夫"),  # not 钓鱼: a "bait" price is car talk
    "en": ("hotpot", "hot pot", "the weather", "football", "soccer", "basketball", "the match last night",
           "the game last night", "last night's match", "last night's game", "catch the match", "catch the game",
           "movie", "netflix", "tv show", "celebrity", "video game", "horoscope", "pizza", "lunch yet", "sandwich",
           "nice jacket", "that jacket", "nice shoes", "those shoes", "nice watch", "that watch", "nice bag", "that bag",
           "haircut",
           "plans for the weekend", "cats or dogs",
           "a bot", "a chatbot", "chatbot", "a robot", "real person", "a human", "are you human", "are you an ai",
           "are you ai", "an ai", "some kind of ai", "automated system", "programmed", "stock market", "lottery",
           "your favourite food", "your favorite food", "golf"),
}
# The topics of one question, most telling first: the analyzer often adds a broad topic
# ("preference", "usage") to a specific one, and a question about the budget that also reads as
# "preference" is a question about the budget. The answer (simkit.engine.answers) is on the
# earliest; a need is chosen on its own topic first, then by importance.
TOPIC_SALIENCE = ("budget", "timeline", "trade_in", "finance", "decision_maker", "competitor", "contact", "family",
                  "current_car", "usage", "concern", "preference")
# -- which topics a question asks (simkit.engine.asked) ----------------------------------------
# Topic keywords too general to name what a question is about: "您打算什么时候…", "家里…",
# "when", "this week". In a question that also names a specific topic, they give way to it
# ("家里有小宝宝要装安全座椅的吗" is on the family, not on usage).
WEAK_TOPIC_WORDS = {
    "timeline": ("打算", "计划", "最近", "近期", "这个月", "今年", "when", "week", "weeks", "month", "months", "soon",
                 "plan to", "planning to", "this month", "this year", "rush"),
    "family": ("家里", "一家", "家庭", "household"),
    "usage": ("用车", "平时开", "市区", "城市里", "driving", "drive", "daily", "weekend", "weekends", "trip", "trips",
              "city"),
    "current_car": ("旧车", "换车", "现在开", "开的是什么", "replacing", "had it", "owned", "driving now", "drive now"),
    "preference": ("喜欢", "看重", "在意", "车型", "空间", "大小", "座椅", "look for", "looking for", "model",
                   "seat", "seats", "size", "like most", "options", "feature"),
    "budget": ("价位", "range", "cost", "costs"),
    "concern": ("问题", "放心", "issue", "issues", "problem", "problems", "bother"),
    "decision_maker": ("决定", "意见", "decide", "decision"),
    "finance": ("term", "payments", "payment", "bank"),
    "contact": ("phone",),
}
# A topic word after these is a yardstick, not what is asked: "other models around the same price",
# "同价位的别的车" ask about the competition; they count as general words.
YARDSTICK_CUES = {"zh": ("同",), "en": ("same", "similar", "comparable")}
# What the topics after these words are not what is asked: "除了价格，您还在意什么？", "Price aside, ...".
EXCEPT_BEFORE = {"zh": ("除了", "除开", "撇开", "不说", "不谈"),
                 "en": ("apart from", "aside from", "other than", "besides", "except", "except for", "excluding",
                        "leaving aside", "setting aside", "never mind", "forgetting")}
EXCEPT_AFTER = {"zh": ("以外", "之外"), "en": ("aside", "apart", "to one side")}  # "价格以外…", "Price aside, …"
# A clause that recalls what the customer said sets the scene for the question, like a lead-in:
# "您刚才说周一打过电话，最让您不舒服的是哪一点？" asks about what upset him, not about the phone.
# The words are the analyzer's (simkit.understand.context), which also reads such a question as a probe.
RECALL_CUES = _CONTEXT_RECALL_CUES
# An example illustrates the question, it does not change its topic ("有没有时间点，比如孩子开学…").
EXAMPLE_CUES = {"zh": ("比如", "例如", "譬如", "像是"), "en": ("for example", "for instance", "such as", "e.g.", "like when")}
# A clause that starts with these words is about the salesperson or his offer, not a question to
# the customer: "I'm Sam, I handle our SUVs. What brings you in?" asks nothing about SUVs.
SELF_CLAUSE_CUES = {
    "zh": ("我是", "我叫", "我姓", "我负责", "我专门", "专门负责", "主要负责", "我们这边有", "我们店有", "我们有", "我们这有", "我们在做", "我们正在",
           "我们推出", "咱们这有", "咱们店有", "店里有", "现在有活动", "现在置换有", "现在有补贴", "现在有优惠",
           "目前有活动", "本月有", "这个月有活动"),
    "en": ("i'm", "i am", "my name", "i handle", "i look after", "i work", "i run", "i deal with", "i specialise",
           "i specialize", "we have", "we've got", "we're running", "we are running", "we're offering", "we offer",
           "we run", "we do", "our", "there's a", "there is a", "we've just", "this month we", "right now we"),
}
# Which reaction speaks when several compete in one turn (at most one does): first listed wins.
REACTION_PRIORITY = (
    "rude", "privacy", "impatient", "belittled", "false_promise", "pressured", "busy", "slow_reply",
    "discount_suspicious", "ignored", "interrogated", "not_ready", "not_ready_doubt", "not_ready_decision_maker",
    "not_ready_deposit",
    "not_ready_contact", "not_ready_test_drive", "not_ready_visit",
    "figure_contradicted", "need_to_see", "offer_needed", "not_convinced", "too_early", "unclear", "off_topic", "idle", "lukewarm",
    "offer_acceptable", "acknowledged", "interested", "short_answer", "nothing_new", "nothing_particular",
    "filler", "greet",
)

# -- appointments (simkit.engine.appointments) -----------------------------------------------
# The minutes of the day (after midnight) each part of the day covers, for "Saturday morning".
DAY_PARTS = {"morning": (540, 720), "noon": (720, 810), "afternoon": (780, 1080), "evening": (1080, 1260),
             "night": (1260, 1440)}
# Words that accept the time the customer proposed ("Sunday at 9 works") ...
AGREE_CUES = {"en": ("ok", "okay", "sure", "works", "great", "perfect", "deal", "see you", "fine", "sounds good",
                     "yes", "let's do"),
              "zh": ("好", "行", "可以", "没问题", "就这么定", "见", "定了")}
# ... unless the line says no.
REFUSE_CUES = {"en": ("not", "doesn't", "don't", "can't", "won't", "isn't", "wouldn't", "couldn't", "cannot",
                      "another time", "instead"),
               "zh": ("不行", "不方便", "不可以", "不太", "没空", "没时间", "换个", "改天")}
AGREE_TECHNIQUES = frozenset({"close", "confirm"})  # techniques that accept a proposed time

# -- numbers (simkit.engine.figures, simkit.engine.offers) --------------------------------------
# Words beside an amount that say which way it goes: more (a higher cost, an extra) or less (a saving).
MORE_CUES = {"en": ("more", "extra", "higher", "dearer", "pricier", "on top", "premium", "increase", "above"),
             "zh": ("贵", "多花", "多出", "多付", "高出", "额外", "增加", "超出", "更高")}
LESS_CUES = {"en": ("less", "save", "saves", "saving", "savings", "cheaper", "lower", "below", "under", "reduce",
                    "cut"),
             "zh": ("省", "少花", "少付", "便宜", "低", "节约", "节省", "降低", "减少")}
OFFER_TECHNIQUES = frozenset({"concession", "present", "recommend", "close"})  # techniques that put an amount on the table
OFFER_INTEREST = 4  # an offer the customer can accept (one they counter changes nothing)
# A trade-in customer hears several amounts in one line: the words of each amount's clause say
# whose it is, his car's (a valuation) or the new car's (its price).
CAR_AMOUNT_CUES = {"en": ("your car", "your old car", "your trade-in", "trade-in", "trade in", "for it", "valuation",
                          "we can pay", "we'll pay", "we could pay"),
                   "zh": ("旧车", "您的车", "你的车", "您这台", "你这台", "评估", "收车", "收您", "收你", "估价")}
PRICE_AMOUNT_CUES = {"en": ("list price", "on the road", "sticker", "msrp", "you pay", "new car", "price of the"),
                     "zh": ("指导价", "落地", "售价", "新车", "裸车", "总价", "补", "优惠后")}

# -- why the customer leaves -----------------------------------------------------------------
# Most serious first: when one line commits several offences, the defeat reason names the worst.
OFFENCE_SEVERITY = ("rude", "pressure", "privacy", "discount", "ignored", "premature_close", "interrogation",
                    "pitching", "slow_reply", "long_line", "junk")
# What the customer says when the last thing that cost patience makes them leave.
DEFEAT_REASONS = {
    "pressure": "pressured",
    "ignored": "ignored",
    "interrogation": "interrogated",
    "pitching": "not_listened_to",
    "premature_close": "pushed_to_close",
    "discount": "lost_trust",
    "rude": "insulted",
    "privacy": "privacy",
    "junk": "wasted_time",
    "long_line": "hung_up",
    "slow_reply": "kept_waiting",
}


def table() -> dict[str, object]:
    """The rulebook as data: every upper-case name of this module and its value."""
    return {name: value for name, value in globals().items() if name.isupper() and not name.startswith("_")}
