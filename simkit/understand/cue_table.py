"""The cue table: named patterns for technique labels, in Chinese and English.

Each row is ``(label, lang, short name, regex)``; :mod:`simkit.understand.rules` compiles them
(English patterns case-insensitive unless marked ``cs:``) and names each cue
``label/lang/short-name``, a name stable across versions (the model uses it as a feature name).
"""

from __future__ import annotations

from simkit.understand.matching import HAN_CHARS

# (label, lang, short name, regex). English patterns are case-insensitive unless marked "cs:".
CUE_TABLE: tuple[tuple[str, str, str, str], ...] = (
    # greeting ------------------------------------------------------------------------------
    ("greeting", "zh", "hello", r"您好|你好|哈喽|嗨|早上好|上午好|中午好|下午好|晚上好|早安|喂[，,？?]?您好|亲[，,]?(?:您好|你好|在吗)"),
    ("greeting", "zh", "welcome", r"欢迎(?:光临|您|来|到|莅临|回来|欢迎)?|又见面|好久不见|快(?:请)?进来|里边请|里面请"),
    ("greeting", "zh", "thanks-contact",
     r"(?:感谢|谢谢)(?:您|你)?(?:的)?(?:咨询|光临|来电|关注|留言|到店|来店|信任|垂询|联系|选择|询价|点击|参加|过来|特意|专程|大老远)"),
    ("greeting", "zh", "self-intro",
     r"我(?:是|叫)[^，。,.！!？?]{0,14}(?:顾问|销售|经理|专员|客服|店长|专家|主管|负责人|小[" + HAN_CHARS + r"])|我是[" + HAN_CHARS + r"]{2,3}[，,]|(?:这边|这里)是[^，。]{1,10}(?:店|4S|汽车)"),
    ("greeting", "zh", "self-intro2", r"我姓|免贵姓|叫我(?:小|老)|请问是.{1,4}(?:先生|女士|小姐|哥|姐)吗"),
    ("greeting", "en", "hello", r"^\W*(?:hi|hello|hey|howdy|hiya|good (?:morning|afternoon|evening))\b"),
    ("greeting", "en", "welcome", r"\bwelcome\b|\bgood to see you\b|\bnice to see you\b|\bcome on in\b"),
    ("greeting", "en", "thanks-contact",
     r"\bthanks? (?:you )?(?:so much |very much )?for (?:coming|stopping|reaching|your (?:message|enquiry|inquiry|interest|call|patience)|calling|"
     r"visiting|getting in touch|dropping|contacting|the message|the enquiry|the inquiry|waiting|making the trip|driving|taking the time)"),
    ("greeting", "en", "self-intro", r"cs:\b(?:I'?m|I am|[Tt]his is|[Mm]y name is|[Nn]ame'?s|[Ii]t'?s) [A-Z][a-z]+\b(?! (?:sure|sorry))"),
    ("greeting", "en", "from-dealer", r"\b(?:here )?from [A-Z]?[a-z]+ (?:motors|auto|toyota|honda|ford|kia|hyundai|mazda|chevy|nissan|subaru|bmw|vw|volkswagen|dealership)\b|\bi'?ll be (?:helping|looking after) you\b"),
    ("greeting", "en", "nice-to-meet", r"\b(?:nice|good|great|pleased|lovely) to (?:meet|see|hear from) you\b|\bfinally meet\b"),
    # open question --------------------------------------------------------------------------
    ("open_question", "zh", "what-how",
     r"什么样|怎么样|怎样|如何|哪些|哪方面|哪几个方面|什么场景|什么用途|什么想法|什么要求|什么情况|什么感觉|有什么|怎么(?:看|想|打算|用|规划|安排|考虑)|是什么|什么东西|都有些什么|干什么"),
    ("open_question", "zh", "tell-me", r"说说|聊聊|谈谈|讲讲|介绍一下(?:您|你)|分享一下|描述一下|多告诉我|跟我说一下|有啥想|随便问|尽管问"),
    ("open_question", "zh", "value", r"看重|最在意|最关心|最在乎|最重要|期待|希望.{0,8}(?:什么|哪|怎么)|头疼|了解到什么程度|从哪儿"),
    ("open_question", "en", "wh-open",
     r"(?:^|[.!,—–-]\s*)(?:so,? |and,? |ok(?:ay)?,? )?(?:what|how|who)\b(?! (?:many|much|long|old|far|often|soon|tall|big|wide)\b)"),
    ("open_question", "en", "tell-me",
     r"\b(?:tell me|walk me through|describe|talk me through|share (?:a bit|more|what)|paint me a picture|"
     r"what (?:kind|sort|type) of|what matters|what'?s important|what are you (?:looking|hoping)|how can i help|"
     r"what can i (?:help|do|answer)|what brings you|what (?:got|brought) you|what questions|what comes to mind|"
     r"what would (?:make|help)|what'?s (?:top|on) (?:of )?(?:the|your)|how do you picture|how do you feel about|"
     r"what do you (?:think|need|want|like|love|hope)|how (?:would|do) you (?:like|want|usually|normally|typically|see))\b"),
    # closed question ------------------------------------------------------------------------
    ("closed_question", "zh", "ma", r"吗[？?。！!～~\s]*$|吗[，,]"),
    ("closed_question", "zh", "yes-no",
     r"是不是|有没有|是否|能不能|会不会|要不要|需不需要|用不用|对不对|多不多|远不远|大不大|够不够|好不好|贵不贵|考虑过.{0,10}[吗嘛]|了没[？?]?$|没有[？?]$"),
    ("closed_question", "zh", "single-fact",
     r"几(?:年|个|口|位|座|次|辆|万|公里|点|号|月|家|趟)|多少|多久|多大|多远|多高|多长|哪(?:一?年|个颜色|款|种颜色|天|个月)|什么时候|几月份"),
    # A question mark ending the line after two or more other characters; the match can only
    # start at the line's start or after another question mark (and so stays linear in length).
    ("closed_question", "zh", "tag", r"(?:对吧|是吧|吧)[？?～~]?\s*$|(?:^|(?<=[？?]))[^？?]{2,}[？?]\s*$"),
    ("closed_question", "en", "aux-start",
     r"(?:^|[.!—–-]\s*|, )(?:so,? |and,? |ok(?:ay)?,? |just |but )?(?:do|does|did|is|are|was|were|have|has|had|can|could|will|"
     r"would|should|shall|may|any|are there|is there|you have|you've got|you got)\b[^.!]*\?"),
    ("closed_question", "en", "single-fact",
     r"\b(?:how (?:many|much|long|old|far|often|soon|tall|big|wide)|which (?:colou?r|year|trim|model|one|day)|what (?:year|colou?r|trim|mileage|time)|when (?:does|did|is|was|will|do))\b"),
    ("closed_question", "en", "tag", r"\b(?:right|correct|yeah|yes|no)\?\s*$|\bi'?m (?:guessing|wondering|assuming) (?:if|whether|there|you)|\btell me if\b|\b(?:do|d'?) you know\?"),
    # exclusion question ---------------------------------------------------------------------
    ("exclusion_question", "zh", "or",
     r"还是.{0,30}[？?呢]|还是.{0,12}(?:更|比较)|(?:倾向|偏)(?:哪|于哪)|(?:选|挑|要)哪(?:个|种|款|边)|二选一|哪(?:个|种|边)更|(?:和|跟|或者?)[^，。？?]{1,12}[，,]\s*(?:您|你)?(?:倾向|偏|选|看|喜欢|更)"),
    ("exclusion_question", "zh", "rule-out",
     r"不考虑|排除|不在考虑|应该不(?:需要|考虑|用|会|想|太)|就不用|不用考虑|可以先不|先排除|除了.{0,12}(?:以外|之外)|就不看了|不太(?:需要|喜欢|想要|考虑).{0,8}吧|没必要.{0,10}吧|(?:等|接受)不了吧|不想要.{0,6}吧"),
    ("exclusion_question", "en", "or", r"\bor\b[^.!?]*\?|\bor\b[^.!?]*$(?<=\?)|\b(?:\w+ )?or (?:\w+ )?\w+\?|\bversus\b|\bvs\.?\b|\bbetween (?:the )?\w+"),
    ("exclusion_question", "en", "rule-out",
     r"\b(?:rule (?:out|it out)|ruling out|ruled out|(?:is|are|'s|s) out,? right|off the table|not considering|not an option|"
     r"out of the question|(?:is|are|'s) (?:completely )?out\b|instead of|rather than|either .{1,30} or|cross (?:off|out)|"
     r"don'?t need .{0,20}, (?:right|correct)|no need for|(?:isn'?t|is not|aren'?t) a (?:must|deal[- ]?breaker|priority)|"
     r"skipping|overkill|not happening|(?:only|nothing) .{0,20}(?:i assume|right\?)|don'?t want anything|(?:isn'?t|not) (?:really )?for you|"
     r"i take it|i assume)\b"),
    # probe ----------------------------------------------------------------------------------
    ("probe", "zh", "you-said",
     r"(?:您|你)?刚(?:才|刚)?(?:说|提|讲|聊)|(?:您|你)(?:说|提到|讲|提过|说过|之前说|前面说|一直提|一直说|刚提)|之前(?:提|说|讲)|前面(?:提|说)|听(?:您|你)的意思|(?:您|你)(?:看了|皱|犹豫|停)"),
    ("probe", "zh", "why",
     r"为什么|为啥|什么原因|怎么会|是什么让|主要是因为|哪里不满意|具体(?:是|指|说|一点|哪|什么|多少|几)?|(?:是|指)(?:哪|什么)|好奇|当时|后来|是因为|是(?:怎么|什么)回事|发生了什么"),
    ("probe", "en", "you-said",
     r"\b(?:you (?:mentioned|said|told me|brought up|were saying|noted|described|talked about|keep (?:coming back|mentioning|saying)|called it|put it)|"
     r"earlier you|going back to|you'?d said|when you say|back to your|a moment ago|you'?ve (?:mentioned|said)|the \"|"
     r"so the .{1,40}\? )\b"),
    ("probe", "en", "why",
     r"\b(?:why|what made|what makes|what exactly|say more|tell me more about|can you expand|i'?m curious|"
     r"what'?s behind|what do you mean|in what way|what specifically|how so|what (?:was|is) it about|what happened|"
     r"what did (?:they|the|you|he|she)|what went wrong|what'?s going on with|help me understand|i'?d love to hear more|"
     r"which part|is that from)\b"),
    # empathy --------------------------------------------------------------------------------
    ("empathy", "zh", "understand",
     r"(?:我|能|很|非常|完全|特别)?理解(?!得|的对|对了|没错|一下|错)|我(?:很|非常|完全)?明白(?!了吗|吗)|我懂|能体会|感同身受|换(?:做|作|成)?(?:是)?我|将心比心|换谁|谁都会|我也(?:会|怕|是|有过)|我知道.{0,12}(?:怕|累|难|烦|急|不容易|辛苦|麻烦)"),
    ("empathy", "zh", "fair",
     r"确实|(?:担心|顾虑|想法|犹豫|谨慎|纠结|着急|舍不得|警惕)(?:是|很|也)?(?:正常|合理|对的|应该的|可以理解|难免)|很正常|太正常|挺正常|难免|不容易|辛苦|难怪|谁都不想|大家都会|"
     r"说得对|是应该的|(?:真的|挺|太|够)(?:累|烦|闹心|头疼|折腾|呛)|不好意思|抱歉|对不住|过意不去|委屈|心疼|放心不下|多想想是对|没关系|别着急|不着急|慢慢(?:看|来|考虑)|"
     r"听得出|看得出|能感觉到|一开始也|很多(?:人|车主|客户)(?:一开始|都|也)"),
    ("empathy", "en", "understand",
     r"\bi (?:totally |completely |really |fully |absolutely |definitely )?(?:understand|get it|get that|get why|hear you|"
     r"see why|can see why|know how|appreciate|can imagine|know (?:that|it|what)|'?ve been there|feel you)\b|\bunderstandabl[ey]\b|\b(?:totally|completely) (?:get|understand|fair)"),
    ("empathy", "en", "fair",
     r"\b(?:(?:totally |completely |really |very )?fair(?! price| deal)|valid|reasonable (?:worry|concern|question)|makes (?:total |complete |a lot of )?sense|"
     r"that'?s (?:frustrating|a big|a real|a lot|tough|stressful|hard|rough|annoying|understandable)|i'?d feel the same|i'?d be (?:worried|nervous|"
     r"cautious|frustrated|annoyed|scared|upset) too|would (?:scare|worry|bother) me|no wonder|totally normal|completely normal|perfectly normal|sorry|that must|"
     r"nobody (?:wants|likes)|no one (?:wants|likes)|i'?d want to know too|you'?re right to|smart to|good (?:question|instinct)|"
     r"sounds (?:stressful|exhausting|frustrating|like (?:a|the|you))|is (?:real|rough|the worst|a pain|a lot)|no (?:rush|pressure) at all|"
     r"a big (?:decision|deal|step|change)|(?:oof|ugh|oh no|yikes)|glad you'?re okay|i'?m glad|that'?s (?:awful|terrible)|can feel like)\b"),
    # present --------------------------------------------------------------------------------
    ("present", "zh", "equipped", r"搭载|配备|配置了|标配|选配|配有|装配|采用|自带|带(?:有|自动|对外|全景|电动|座椅|ISOFIX)|升级了|全系|支持|可以(?:调|折叠|放倒|开|装|实现)|能(?:跑|坐|放|装|调|到|开)"),
    ("present", "zh", "specs",
     r"续航|油耗|马力|扭矩|百公里|加速|轴距|后备箱|后备厢|空间|座椅|系统|发动机|电池|电机|变速箱|底盘|悬挂|智能|辅助驾驶|快充|充电|天窗|巡航|泊车|车机|芯片|方向盘|门把手|"
     r"容积|转弯|放电|按摩|通风|加热|音响|屏|雷达|摄像|影像|气囊|车身|内饰|后排|二排|三排|过道|颜色|升|公里|千瓦|kW|芯|智驾|领航"),
    ("present", "zh", "offer",
     r"活动|方案|政策|优惠|金融|首付|月供|零利率|零息|贴息|置换补贴|礼包|限时|促销|补贴|报价单|裸车价|落地|配置表|实拍|视频|现车|到店礼|包过户|上门|当天|油卡|推荐朋友|"
     r"手续|提车|发车|到店|上牌|一手车|表显|原车主|保养一次|延保|会员|积分|试驾会"),
    ("present", "en", "equipped",
     r"\b(?:comes? with|equipped|features?|standard|built[- ]in|includes?|included|has (?:a|an|the)|gets? (?:about|around|up to)|"
     r"offers?|powered by|rated (?:at|for)|'?s got|you get|it gets|it has|they have|it'?ll|opens|folds?|slides?|charges?|fits?|holds?|tows?|"
     r"means you|so you can|lets you|gives you|there'?s (?:a|an)|we (?:have|do|offer|take|'?ll appraise|can also)|you can (?:also )?(?:split|add|get|choose))\b"),
    ("present", "en", "specs",
     r"\b(?:range|mpg|horsepower|hp|torque|cargo|trunk|legroom|seats?|engine|battery|motor|transmission|"
     r"suspension|mileage|miles|km|charging|charger|fuel economy|all-wheel|awd|sunroof|carplay|screen|camera|liftgate|"
     r"braking|clearance|speaker|stereo|roof|third row|cruise|heated|ventilated|trim|package|inches|volt|kwh|gallons?|lane|blind[- ]spot|sensor|"
     r"keyless|remote start|spare key|floor mats|detailed|on the lot|in stock|available|colou?rs?)\b"),
    ("present", "en", "offer",
     r"\b(?:we'?re running|running a|promotion|program|financing|apr|lease|incentive|rebate|special|package|plan|this (?:model|car|one|trim)|"
     r"right now we|this (?:month|weekend)|open day|event|deal|offer(?:ing)?|0% for|months|complimentary|appraise|trade[- ]in (?:bonus|credit))\b"),
    # evidence -------------------------------------------------------------------------------
    ("evidence", "zh", "report",
     r"检测报告|报告|保养记录|维修记录|出险记录|记录|第三方|认证|证书|评测|碰撞|测试|实测|数据|评级|星级|五星|口碑|中保研|C-NCAP|NCAP|"
     r"车主(?:反馈|评价|说|都|群|视频)|老车主|老客户|检测|鉴定|查询|公证|发票|凭证|白纸黑字|写进合同|合同(?:里|上|第)|写明|写了|质保|保修|承诺书|可以查|"
     r"截图|维修单|单子|表里|对比表|调研|排(?:名|前)|评分|评价|点评|膜厚|漆面|测过|一致|验过|查过|核对|对过|零整比|保值率|报价截图|挂牌价|成交价|行驶证|登记证|"
     r"您可以(?:看|翻|查|对)|都能看到|有据可查|官方|工信部|权威|J\.?D\.? ?Power|排行|榜"),
    ("evidence", "en", "report",
     r"\b(?:reports?|inspection|inspected|service (?:history|records?)|records?|warranty|warranties|certified|third[- ]party|"
     r"ratings?|rated|ranked|crash[- ]test|iihs|ncap|nhtsa|epa|data|reviews?|owners? (?:say|tell|report|have|are)|carfax|autocheck|"
     r"documentation|documented|paperwork shows|in writing|printout|printed|receipts?|invoice|study|survey|tested|test results|test(?:ed)? got|"
     r"testimonials?|customers? (?:have|tell|say|of ours)|one of our customers|consumer reports|j\.?d\.? power|kelley|kbb|black book|edmunds|"
     r"car and driver|motor trend|top safety pick|log|clean title|verified|nmvtis|scan|fault codes|readings?|measurements?|"
     r"covered for|backs? the|here'?s the|here are the|take a look at the|you can see|sheet|folder|notes say|proof|video of|"
     r"sold (?:\w+ )?of these|none have come back|real[- ]world|demo did|market report|independent)\b"),
    # confirm --------------------------------------------------------------------------------
    ("confirm", "zh", "understood-right",
     r"理解(?:得|的)(?:对|没错)|我没理解错|我理解(?:对了|没错)|是这样吗|是这个意思吗|是这个思路|对吧[？?]|没错吧|我总结一下|总结一下|复述|再确认|确认(?:一下|下)|核对一下|"
     r"也就是说|这么说|所以(?:最|您|你)|那就是说|听下来|我没漏|说定|就这么定|都确认好|是指.{0,12}对吧"),
    ("confirm", "zh", "resolved",
     r"(?:解决|打消|消除|解答|放心|放下|排除)(?:了)?(?:您|你)?(?:的)?.{0,8}(?:吗|了吗|没有|吧)|还有(?:什么|别的|其他|哪些)(?:顾虑|问题|疑问|担心|不清楚|不明白)|"
     r"(?:清楚|明白|满意|认可|接受|听清|讲明白|说清楚|理解)(?:了)?(?:吗|没|吧)|这样(?:讲|说|解释)(?:您|你)?(?:能)?(?:清楚|明白|理解)|顾虑.{0,6}(?:吗|没有)|"
     r"心里有底|有保障了|还(?:觉得|担心|有)[^，。]{0,8}(?:吗|[？?])|说得通|(?:您|你)?认同吧|差不多吗|没问题吧|照顾到|有疑问吗|不明白的|算是"),
    ("confirm", "en", "understood-right",
     r"\b(?:so if i understand|if i understand|let me make sure|if i'?ve got (?:this|that|it) right|just to confirm|"
     r"is that right|did i get that right|am i right|have i got (?:that|it) right|have i got that|so what you'?re saying|to recap|just to recap|"
     r"to sum up|let me recap|do i have that right|correct me if|if i'?m hearing you|make sure i'?ve got|sound right|still the plan|"
     r"that'?s what you wanted|is that what you|so (?:the|we|you|budget|text|just)\b.{0,80}(?:right|correct|yes|yeah|then)\?|so the key things|i heard you)\b"),
    ("confirm", "en", "resolved",
     r"\b(?:does (?:that|this) (?:all )?(?:address|answer|help|make sense|cover|settle|ease|clear|put|resolve|take care|land|work|sound|make)|"
     r"did (?:that|this|the|i) (?:answer|help|clear|cover|change)|any(?:thing)? (?:other|else) (?:concerns|questions|worries|about|worrying|on your mind|still)|"
     r"are you comfortable|how does that sound|feel(?:ing)? (?:better|good) about|put your mind at ease|still (?:a worry|bothering|on your mind|holding you)|"
     r"is that (?:clear|okay|ok)|does that work for you|have i answered|am i explaining|make sense so far|(?:are|is) .{0,30}now that|"
     r"sorted|are we good|fix that|sit right|happy with the|okay with the|what you needed|how are you feeling about|all good on)\b"),
    # recommend ------------------------------------------------------------------------------
    ("recommend", "zh", "suggest",
     r"建议|推荐|比较适合|更适合|很适合|挺适合|最适合|正适合|合适您|适合您|适合你|最合适|更合适|就很合适|首选|首推|不妨|可以考虑|值得考虑|我会选|"
     r"更省心|最省心|最稳|最省事|更划算|就够了|足够了|完全够|就行|更实用|对您胃口|您一定会喜欢|就是您要的|正好|刚好|意义不大|没必要|更(?:方便|好|对)"),
    ("recommend", "zh", "based-on",
     r"根据您|按您|结合您|针对您|就您|您这种情况|像您这样|照您|从您.{0,6}来看|既然|以您|(?:您|你)(?:说|喜欢|要|怕|平时|每周|每天|通勤|预算|家里|旧车)[^，。]{0,14}[，,](?:那|就|这|选|买|建议|我)?|的话[，,](?:这|那|选|买|还是)"),
    ("recommend", "en", "suggest",
     r"\b(?:i'?d (?:recommend|suggest|go with|point you|steer you|lean toward|pick|get|look at|skip|stick with|trade|finance|sell|honestly)|recommend|suggest|would suit|"
     r"best fit|perfect fit|good fit|great fit|a better fit|fits? (?:your|that|a family)|suits? your|right for you|ideal for you|"
     r"worth (?:considering|a look)|my pick|go with the|try the|is the one|makes (?:more )?sense|natural next step|sweet spot|hard to beat|"
     r"you'?d (?:like|love) it|suit you|make you happy|is plenty|no need to pay|exactly what you described|everything you asked for|your best bet)\b"),
    ("recommend", "en", "based-on",
     r"\b(?:based on (?:what you|the|your)|given (?:what|that|your) |since (?:you|your|reliability|safety)|with (?:your|all those|mostly|three|two|that much)|"
     r"for your (?:commute|family|budget|needs|long|twins|kids)|because you (?:said|mentioned|'re)|from what you|you (?:said|liked|loved|mentioned|hate|want)|"
     r"if (?:you want|keeping|you'?re driving))\b"),
    # close ----------------------------------------------------------------------------------
    ("close", "zh", "visit",
     r"试驾|预约|到店|来店|来(?:我们)?店里|过来(?:看|坐|开|办|评估|试)?|来看看|来看车|看车|约(?:个|一下|在|您)?|安排(?:一下)?(?:时间|试驾)|方便过来|来一趟|"
     r"去(?:开|跑|试|坐)|开一圈|跑一圈|坐进去|体验一下|实际试|上车|报个名|带(?:上|家人|全家)"),
    ("close", "zh", "commit",
     r"意向金|定金|订金|交定|签(?:合同|约|单|字|了)?|下单|开订单|定下来|订下来|定了吧|锁定|(?:给您)?锁(?:车|住|了)?|先定|先订|办(?:手续|下来|了)|今天(?:就)?(?:定|订|提车|办)|提车|"
     r"刷卡|付(?:个|款)|交(?:上来|钱)|把车留住|定这台|提交|预审|合同|手续办"),
    ("close", "zh", "contact",
     r"加(?:个|一下|下|您)?(?:企业)?微信|留(?:个|一下|下)?(?:您的|您爱人的)?(?:电话|联系方式|号码|手机号|邮箱)|(?:电话|手机)(?:号)?(?:是多少|方便留)|发(?:给)?您(?:微信|短信)|回(?:个)?电话|打给您|联系您"),
    ("close", "en", "visit",
     r"\b(?:test[- ]drive|come (?:in|by|down|see|take|back)|stop by|swing by|drop by|bring (?:it|the|your|him|her)|book|appointment|schedule|"
     r"pencil you in|see you (?:on|at|then|thursday|friday|saturday|sunday|monday|tuesday|wednesday|tomorrow)|visit|take (?:it|one) (?:for a spin|out)|get you (?:behind the wheel|in)|set (?:that|it|you) up|"
     r"come and see|pop in|works? for you\?|how'?s (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)|put you down|have it ready|"
     r"sit in (?:it|one)|go for a drive|take a drive|drive it)\b"),
    ("close", "en", "commit",
     r"\b(?:deposit|sign|signature|paperwork|hold (?:it|the car|one)|reserve|put (?:down|a hold)|lock (?:in|it)|"
     r"ready to (?:go|move|sign|make)|shall we|start the paperwork|write it up|place (?:the|an) order|take it home|"
     r"move forward|go ahead with|get the ball rolling|make it yours|your name on it|shake on it|wrap (?:this|it) up|credit application|"
     r"drive it home|let'?s do it|do we have a deal)\b"),
    ("close", "en", "contact",
     r"\b(?:your (?:number|phone|email|contact)|can i (?:get|have|grab|take) (?:your|a)|best (?:number|way|email)|"
     r"text you|send you|call you|give you a call|follow up|email (?:to )?send)\b"),
    # concession -----------------------------------------------------------------------------
    ("concession", "zh", "cheaper",
     r"便宜|让(?:您|你)?(?:\d|[一二两三四五六七八九十])|少收|抹(?:零|掉)|零头|降(?:价|\d|[一二两三四五六七八九十])|减(?:到|\d|[一二两三四五六七八九十])|"
     r"打(?:个)?折|折扣|优惠(?:\d|[一二两三四五六七八九十])|再给(?:您|你)|最低价给|按.{0,6}(?:价给|说的|收)|给(?:您|你)(?:申请|争取|再)|再加|多返|返(?:点|现)|"
     r"高(?:一|两|\d)[千万]|抵(?:两|\d|[一三四五六七八九十])|按您说的|就按"),
    ("concession", "zh", "give",
     r"送(?:您|你)?|赠送|免费|白送|包(?:上牌|保险|牌照|了)|补贴(?:给)?(?:您|你)?|承担|报销|免(?:去|掉|了)|全免|不收(?:钱)?|(?:我们|店里|店)(?:来)?出|算(?:我们|我)的|"
     r"给您(?:配|装|升级|换)|都给您|帮您(?:出|补|申请|付)|差价我们|一分不用"),
    ("concession", "en", "cheaper",
     r"\b(?:knock (?:off|it down)|take .{1,20} off|discount|lower (?:the|your)|drop (?:the price|it|your)|match (?:their|that|the|your)|"
     r"i can do \$?\d|shave|cut the price|off the (?:price|sticker)|below (?:sticker|msrp)|meet you|bring (?:it|the price) down|"
     r"\d+k? off|grand off|come down|split the difference|get (?:the price|you) (?:to|down)|go up to|bump (?:your|the)|beat (?:that|their|the)|"
     r"instead of|dealer cash|full book value|manager says we can|we can do|push the first payment|extra \$|another \$)\b"),
    ("concession", "en", "give",
     r"\b(?:throw (?:in|it in)|throwing in|for free|free|waive|on the house|on me|"
     r"cover (?:the|your) (?!(?:price |cost )?(?:difference|gap)\b)|at no (?:extra )?(?:cost|charge)|no charge|at our cost|complimentary|on us|include .{0,20} free|extra year|"
     r"eat the|we'?ll (?:pay|replace|install|detail|fix|add)|i'?ll (?:add|include|have .{0,30} fixed|cover|extend)|pay off)\b"),
    # pressure -------------------------------------------------------------------------------
    ("pressure", "zh", "urgency",
     r"最后一(?:台|辆|个)|仅剩|只剩|就剩|就没了|没有了|错过|今天不(?:买|定|订|交)|明天就|马上(?:涨价|没)|过了(?:今天|这个村)|"
     r"赶紧|抓紧|手慢无|别人(?:都|已经|也)(?:在|要|订|看)|又有人|再不|机不可失|限时|今天必须|只限现在|出了这个门|不作数|就不算|截止|取消|先到先得|名额|"
     r"别犹豫|别想了|别想那么多|犹豫啥|还犹豫|卖给|不交钱|没法保证|排到|抢手|亏大|就调了|不是这个数"),
    ("pressure", "zh", "false-promise",
     r"保证|绝对(?:不会|没有|没问题|不)?|永远不|包(?:您|你)(?:满意|没问题|不坏)|肯定(?:没问题|不|也满意)|百分之?百|100%|一辈子|终身|打包票|准没错|"
     r"全市最低|全国最低|最便宜|没人比|找不到第二家|根本不(?:存在|是问题)|不用(?:查|看|担心|操心)|完全不用|谣言|什么都不用|内部有关系|原价收回|不掉价"),
    ("pressure", "zh", "belittle",
     r"别家(?:都|就|肯定)|他们家(?:都|就|肯定)|(?:那|他)家.{0,6}(?:骗|坑|不行|垃圾)|骗人|坑人|忽悠|上当|套路|您不懂|你不懂|不懂车|外行|"
     r"您懂吗|买不起|犹豫什么|还考虑什么|有什么好(?:考虑|犹豫)|傻|不识货|想多了|太较真|谁买谁后悔|水太深|翻新|不靠谱|收了钱|废铁|算什么|不给我面子|"
     r"还要问老婆|自己做主|听我的|我说没问题|哪有不|十全十美|真买不到|像样|跟纸一样|不行[。！!]|不用等"),
    ("pressure", "en", "urgency",
     r"\b(?:last one|only one left|today only|won'?t last|lose it|buy (?:it )?today|right now or|going fast|flying off|"
     r"someone else (?:is|will)|price goes (?:back )?up|prices? (?:will )?go(?:es)? up|rates? (?:are|is) going up|gone by|"
     r"don'?t (?:wait|think too long)|now or never|offer expires|ends (?:today|tonight|at midnight)|sign today or|before it'?s gone|it'?s gone|"
     r"won'?t be here|tomorrow it'?s gone|another buyer|other people coming|people are (?:literally )?waiting|next (?:hour|15 minutes)|"
     r"the moment you walk|if you walk out|disappears|pulling this offer|won'?t (?:ever )?come back|miss out|decide now|asked about this one|"
     r"can'?t keep holding|can'?t promise it'?ll be|everybody'?s buying|only (?:got|have) this price|in the next hour)\b"),
    ("pressure", "en", "false-promise",
     r"\b(?:guarantee|guaranteed|never (?:break|breaks|have a problem|need|have problems)|100%|trust me|i promise|zero problems|"
     r"nothing will go wrong|best price anywhere|nobody (?:else )?(?:will|can|beats|would)|no one (?:else )?(?:will|can|beats|would)|"
     r"lowest price in|last forever|don'?t worry about it|no need for an inspection|it'?s perfect|don'?t depreciate|an investment|period\.?$|"
     r"you'?ll make it back|won'?t get a better deal|always change your mind)\b"),
    ("pressure", "en", "belittle",
     r"\b(?:they'?re (?:lying|crooks|ripping|scammers)|rip(?:ping)? you off|you'?d be (?:crazy|foolish|stupid|silly)|only a fool|"
     r"you don'?t (?:understand|get it|know)|what'?s there to think|stop overthinking|overthink|their cars (?:are|won'?t)|won'?t hold up|"
     r"can'?t afford|seriously\?|come on|don'?t know what they'?re talking|is a nightmare|everyone knows|quote is fake|pile on fees|"
     r"won'?t even be around|less than you think|overvalues?|not seriously|really need your (?:husband|wife)|no need to bring|don'?t need to ask|"
     r"talk you out|i know what'?s good for you|let'?s not play games|doing you a favou?r|would kill for|boss will kill me|forget the|"
     r"aren'?t for you|out on a limb|as a (?:friend|buddy)|just between us)\b"),
    # other ----------------------------------------------------------------------------------
    ("other", "zh", "filler",
     r"^(?:好的|好嘞|好|行|嗯|哦|收到|明白了|没问题|可以|对|是的|稍等|马上|谢谢|哈哈|OK|ok)[，,。！!~～\s]*$|稍等|我(?:去|查|看|找|拿|截|核|登记|给您倒|让同事)|"
     r"洗手间|卫生间|茶|咖啡|水(?:在|给)|WiFi|wifi|密码|钥匙|小心|这边请|请坐|停车|挪|信号|喂？|天气|降温|下雨|老乡|吃饭|麻烦您把|复印|文件袋|先这样|不打扰|再见|回头聊|晚点回"),
    ("other", "en", "filler",
     r"^\W*(?:ok(?:ay)?|sure|got it|noted|yep|yeah|yes|cool|great|perfect|alright|all right|sounds good|will do|understood|no problem|lol|haha|thanks|thank you)\W*(?:\w+\W*){0,3}$|"
     r"\b(?:one (?:sec|second|moment)|give me (?:a|two|one) (?:sec|second|minute|moment)|bear with me|let me (?:grab|check|look|pull|find|get)|"
     r"restroom|bathroom|coffee|water|wi-?fi|password|keys?|umbrella|parking|weather|traffic|game last night|cut out|sending it now|"
     r"i'?ll (?:grab|get) you|be right back|right this way|have a seat|adjust the mirrors|lockbox)\b"),
    # broad lexicons: paraphrase families written from the domain brief, one per label ---------
    ("greeting", "zh", "broad", r"您来啦|来啦|请进|里面坐|初次见面|幸会|很高兴(?:认识|为您服务|见到)|为您服务|我负责|专属顾问|有什么可以帮|有什么需要"),
    ("greeting", "en", "broad", r"\b(?:glad you (?:made it|could make it|came)|hope you(?:'re| are) (?:well|doing well)|my name'?s|i'?m with|i work (?:with|at)|how can i help|what can i do for you|pleasure to)\b"),
    ("open_question", "zh", "broad", r"怎么(?:看|想|理解|规划|打算|安排|选)|有什么(?:想法|要求|需求|顾虑|打算|考虑|期待|讲究)|说一说|聊一聊|讲一讲|方便说说|能不能说说|具体说说|一般(?:会|都)(?:怎么|干|去)|哪些(?:方面|地方|场合)|什么样的"),
    ("open_question", "en", "broad", r"\b(?:what are your thoughts|what'?s your (?:situation|story|plan|thinking|take)|what'?s on your mind|help me picture|what (?:would|does|did|do) .{1,40} look like|how (?:would|do|did) you describe|what else)\b"),
    ("closed_question", "zh", "broad", r"([" + HAN_CHARS + r"])不\1|[吗吧没][？?]|(?:有|是|要|会|能)(?:没有|不是)?[^，。？?]{0,10}[吗][？?]?"),
    ("closed_question", "en", "broad", r"(?:^|[.!?]\s+)(?:any chance|is it|are they|do they|did they|have they|was it|you (?:have|had|got|need|want|drive|own|already))\b[^.!]*\?"),
    ("exclusion_question", "zh", "broad", r"哪(?:个|种|款|一个|一种)(?:更|比较)|偏向|偏好哪|选哪|(?:pass|划|去)掉|先不看|(?:要么|或者).{1,12}(?:要么|或者)"),
    ("exclusion_question", "en", "broad", r"\b(?:would you rather|prefer .{1,30} (?:over|to) |which (?:one|of (?:the|these|those))|take .{1,20} off the list|safe to say you(?:'re| are) not|leave (?:out|off)|that leaves|we can (?:forget|drop|skip)|not (?:interested|looking) (?:in|at) .{1,30}(?:right|then|\?))"),
    ("probe", "zh", "broad", r"(?:您|你)(?:刚才|刚刚|之前|前面|上次)(?:说|提|讲)|(?:您|你)(?:说|提到)的|是指|具体是|能(?:具体)?说说(?:为什么|原因)|怎么回事|(?:当时|那次)(?:是|怎么)"),
    ("probe", "en", "broad", r"\b(?:what do you mean by|when you said|you'?d mentioned|you told me|a (?:minute|second|moment) ago|how come|why'?s that|what'?s making you|what makes you say|unpack|dig into|what was it that|what about (?:it|that) (?:bothers|worries|concerns))\b"),
    ("empathy", "zh", "broad", r"您的心情|(?:担心|顾虑|犹豫)(?:是|也是)?(?:正常|对的|合理)|很多人都|不少(?:客户|车主|人)(?:也|都)|我也遇到过|我也是这样|谁(?:都|也)|对不起|抱歉|委屈|着急|心情"),
    ("empathy", "en", "broad", r"\b(?:i hear (?:you|that)|(?:sounds|must be|must have been) (?:hard|tough|frustrating|stressful|annoying|scary|exhausting|a hassle|a pain|rough)|completely natural|anyone would|lots of (?:people|folks|buyers|customers) (?:feel|worry|ask)|you'?re not alone|fair enough|i'?m (?:so )?sorry (?:to hear|about|that)|i can tell|it'?s (?:natural|normal|okay|ok) to|appreciate you (?:sharing|telling|being)|i'?d (?:hate|worry|feel|be nervous))\b"),
    ("present", "zh", "broad", r"(?:这款|这台|这辆|这车|该车|我们(?:家|店|这))[^，。？?]{0,8}(?:配|带|有|支持|采用|搭|提供|享受|可以|能|是)|安全|舒适|静音|省油|动力|操控|做工|售价|指导价|起售|在售|有货|现车|颜色有|可选"),
    ("present", "en", "broad", r"\b(?:safety (?:suite|features|package)|lane[- ](?:keep|keeping|assist|centering)|adaptive|android auto|wireless|touchscreen|infotainment|towing capacity|cargo space|efficient|spacious|quiet|smooth|comfortable|in stock|available in|comes in|starts at|msrp|priced at|our (?:service|program|policy|dealership|financing|lease|loaner)|the (?:car|truck|suv|van|model|hybrid|ev|sedan|engine|battery) (?:has|is|comes|gets|offers|features|uses|runs))\b"),
    ("evidence", "zh", "broad", r"算下来|算(?:一笔|个)账|总成本|用车成本|证明|照片|单据|测评|案例|机构|国家|给您看|您看(?:这|一下)|查得到|实际(?:数据|测)|权威"),
    ("evidence", "en", "broad", r"\b(?:side[- ]by[- ]side|comparison|total cost(?: of ownership)?|cost to own|over (?:\d+|three|four|five|ten) years|according to|stud(?:y|ies)|statistics|proven|awarded|award|scored?|(?:5|five)[- ]star|star rating|reliability (?:rating|score|data)|references?|history report|(?:mechanic|technician)s? (?:checked|inspected|found|looked)|checked by|i'?ll show you the|look at (?:this|the) (?:report|record|sheet|data|numbers)|numbers (?:show|say))\b"),
    ("confirm", "zh", "broad", r"对吗|是吗|是这样吧|是不是这个意思|我理解得对不对|核实|所以说|听明白|还有(?:什么|哪些)(?:疑问|问题|顾虑|担心)|放心了|解决了|打消|满意吗|可以接受|能接受"),
    ("confirm", "en", "broad", r"\b(?:does (?:that|this) (?:sound|feel|seem) (?:right|fair|good|okay|ok)|did i (?:miss|get) anything|have i missed|on the same page|is that (?:fair|accurate) to say|let me (?:check|recap|summari[sz]e|repeat)|to summari[sz]e|just so i(?:'m| am) clear|are you (?:comfortable|happy|satisfied|okay|ok) with|(?:is|are) (?:that|this|those) still a (?:concern|worry|problem)|how does that (?:feel|sit|land)|put your mind at rest|any (?:remaining|lingering) (?:concerns|doubts|questions))\b"),
    ("recommend", "zh", "broad", r"适合|合适|值得|更好|最好|就选|选这|我觉得[^，。]{0,10}(?:更|最|比较)|依我看|要我说|按照您|您这情况"),
    ("recommend", "en", "broad", r"\b(?:for someone (?:like you|who)|in your (?:case|situation|shoes)|if i were you|i think (?:you'?d|you would|the|this)|(?:would|will) (?:work|be) (?:best|perfect|great|ideal) for you|(?:best|better) (?:option|choice|bet) for you|suited to|tailored|matches what you|checks all|ticks (?:all|every)|(?:made|perfect|ideal|great) for (?:your|families|commut)|go for the)\b"),
    ("close", "zh", "broad", r"(?:哪天|什么时候|几点)(?:方便|有空|过来|合适)|订车|定车|交车|留车|发您|联系方式|报名|登记一下"),
    ("close", "en", "broad", r"\b(?:when (?:can|could|would) you (?:come|stop|swing|drop|make it)|what time works|which day works|let'?s (?:book|schedule|set|get|lock|do|go)|i'?ll (?:book|schedule|reserve|hold|put|pencil|set)|should we (?:book|schedule|set|get|go|do)|want (?:me )?to (?:book|schedule|reserve|hold|set|go|take|drive|come|see)|shall i|can i (?:book|schedule|reserve|hold|set)|would you like to (?:come|book|take|drive|see|schedule|reserve)|get (?:you|it) (?:booked|scheduled|reserved)|fill out|pre-?approv|refundable)\b"),
    ("concession", "zh", "broad", r"让利|底价|成本价|亏本|再(?:少|让|减|便宜|送|加)|给您(?:申请|争取|加|多)|最低(?:能|可以)"),
    ("concession", "en", "broad", r"\b(?:(?:extra|additional|another) \$?\d|at no cost|we'?ll (?:cover|pay|include|throw|add|waive|eat|match|beat)|i (?:can|could|will|'ll) (?:give|offer|include|add|waive|match|beat|lower|reduce|drop|bump|raise|increase|upgrade)|for nothing|no extra|courtesy|bonus|as a (?:gift|thank you)|best i can do|final (?:offer|price)|meet (?:you )?(?:in the middle|halfway)|manager (?:approved|agreed|okayed|signed off))\b"),
    ("pressure", "zh", "broad", r"机会难得|难得|排队|好多人|限量|一定不会|不可能出|放一百个心|垃圾|不至于|何必|还用问|尽快定|过时不候|就这一次"),
    ("pressure", "en", "broad", r"\b(?:cheapest (?:in|around|anywhere)|lowest price (?:in|anywhere)|(?:today|tonight|now) only|(?:selling|going|moving) (?:fast|quick)|(?:another|other) (?:customer|buyer|couple|family)s? (?:is|are|was|were)|clock is ticking|time is running out|limited (?:time|stock)|(?:act|decide|sign|buy) (?:now|today|fast|quickly)|don'?t (?:miss|lose|let)|you'?ll regret|regret it|before someone|(?:no|never) (?:better|cheaper) (?:deal|price)|swear|can'?t go wrong|junk|garbage|lemon|what are you waiting for|just (?:sign|buy it|do it|take it)|stop (?:thinking|worrying|wasting)|you(?:'re| are) (?:overthinking|being (?:silly|paranoid|difficult))|(?:everyone|everybody) (?:knows|buys|agrees|says))\b"),
    ("other", "zh", "broad", r"好嘞|等一下|我看一下|我问一下|我去拿|喝(?:点)?(?:水|茶|咖啡)|吃饭了吗|拜拜|听得到吗|路上堵"),
    ("other", "en", "broad", r"\b(?:excuse me|hold on|just a (?:sec|moment|minute)|(?:be|i'?ll be) right (?:back|with you)|have a (?:good|great|nice) (?:day|one|weekend)|talk (?:soon|later)|bye|sorry,? (?:what|say that|i didn'?t catch)|can you hear me|the (?:line|signal|connection)|lunch|rain|sunny|how'?s your day|follow me|this way|after you)\b"),
)
