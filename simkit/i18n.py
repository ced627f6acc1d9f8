"""User-facing strings in Chinese and English, looked up by a stable code.

Content files carry their own zh/en text; this catalogue holds the words simkit itself says
(defeat reasons, the director's rule explanations, UI labels). ``text(code, lang, **values)``
fills ``{placeholders}``; a missing code is a bug, so it raises ``KeyError``.
"""

from __future__ import annotations

from simkit.i18n_deals import DEALS_MESSAGES
from simkit.i18n_situations import SITUATION_MESSAGES
from simkit.i18n_scoring import SCORING_MESSAGES

MESSAGES: dict[str, dict[str, str]] = {
    # Outcomes and defeat reasons (the customer leaves).
    "outcome.success": {"zh": "成功：客户同意{goal}", "en": "Success: the customer agreed to {goal}"},
    "outcome.defeat": {"zh": "战败：{reason}", "en": "Lost: {reason}"},
    "outcome.open": {"zh": "对话未结束", "en": "Conversation not finished"},
    "goal.test_drive": {"zh": "预约试驾", "en": "a test drive"},
    "goal.visit": {"zh": "到店看车", "en": "a visit"},
    "goal.deposit": {"zh": "交意向金", "en": "a deposit"},
    "goal.contact": {"zh": "留下联系方式", "en": "share contact details"},
    "goal.signing": {"zh": "签约", "en": "signing"},
    "goal.inspection_booked": {"zh": "预约车辆检测", "en": "an inspection of the car"},
    "goal.valuation_agreed": {"zh": "接受收车报价", "en": "a price for the car"},
    "goal.callback": {"zh": "约定回电时间", "en": "a callback"},
    "goal.quote_meeting": {"zh": "约时间过一遍书面报价", "en": "a meeting to go over the quote"},
    "goal.complaint_recovered": {"zh": "接受24小时内的补救方案", "en": "a remedy within 24 hours"},
    "goal.reactivated": {"zh": "重新迈出下一步", "en": "a next step"},
    "defeat.pressured": {"zh": "销售施压，客户反感离开", "en": "the customer felt pressured and left"},
    "defeat.ignored": {"zh": "客户的问题没有得到回应", "en": "the customer's questions went unanswered"},
    "defeat.interrogated": {"zh": "连续封闭式提问，客户像被查户口", "en": "a run of closed questions felt like an interrogation"},
    "defeat.not_listened_to": {"zh": "还没了解需求就推销，客户觉得没被倾听", "en": "pitching before listening: the customer felt unheard"},
    "defeat.pushed_to_close": {"zh": "过早逼单，客户失去耐心", "en": "closing too early wore out the customer's patience"},
    "defeat.lost_trust": {"zh": "过早让价，客户不再信任报价", "en": "discounts came too early and the customer stopped trusting the price"},
    "defeat.lost_interest": {"zh": "客户失去兴趣", "en": "the customer lost interest"},
    "defeat.out_of_time": {"zh": "对话轮数用完，客户没有做决定", "en": "the conversation ran out of time without a decision"},
    "defeat.insulted": {"zh": "销售出言不逊，客户离开", "en": "the salesperson was rude and the customer left"},
    "defeat.privacy": {"zh": "无故索要个人信息，客户不再信任", "en": "personal data was demanded without a reason and the customer stopped trusting"},
    "defeat.hung_up": {"zh": "电话里说得太长，客户挂了电话", "en": "the lines were too long for a busy caller, who hung up"},
    "defeat.kept_waiting": {"zh": "回复太慢，客户不再等了", "en": "the replies were too slow and the customer stopped waiting"},
    "defeat.wasted_time": {"zh": "对话一直没有进展，客户不想再浪费时间", "en": "the talk went nowhere and the customer would not waste more time"},
    # What any customer says when the persona has no words of its own (model.GENERIC_REACTION_LINES).
    "customer.rude": {"zh": "你怎么说话呢？注意一下态度。", "en": "There's no need to talk to me like that."},
    "customer.privacy": {"zh": "你要这个干什么？这个我不方便说。", "en": "Why would you need that? I'd rather not say."},
    "customer.off_topic": {"zh": "这个跟买车没什么关系吧，我们还是说车吧。", "en": "That's got nothing to do with the car. Can we stick to that?"},
    "customer.unclear": {"zh": "不好意思，你是什么意思？", "en": "Sorry, what do you mean?"},
    "customer.idle": {"zh": "你倒是说点什么呀？", "en": "Are you going to say something?"},
    "customer.impatient": {"zh": "我时间有限，你能不能说重点？", "en": "Look, I haven't got all day. Can we get to the point?"},
    "customer.nothing_particular": {"zh": "这个倒没什么特别的。", "en": "Nothing in particular there."},
    # The director's rules: why a beat happened.
    "rule.opening": {"zh": "客户开场", "en": "the customer opens"},
    "rule.ask": {"zh": "客户提出问题“{ask}”，等待回答", "en": "the customer asks a question ({ask}) and waits for an answer"},
    "rule.ask-answered": {"zh": "回答了客户关于{topic}的问题", "en": "answered the customer's question about {topic}"},
    "rule.ask-ignored": {"zh": "没有回答客户关于{topic}的问题：耐心 -1", "en": "ignored the customer's question about {topic}: patience -1"},
    "rule.greeting": {"zh": "开场问候：信任 +{trust}", "en": "greeted the customer: trust +{trust}"},
    "rule.pressure": {"zh": "施压或不实承诺：信任 {trust}，耐心 {patience}", "en": "pressure or a false promise: trust {trust}, patience {patience}"},
    "rule.discount-premature": {"zh": "还没证明价值就让价：信任 {trust}，耐心 {patience}", "en": "a discount before the value was shown: trust {trust}, patience {patience}"},
    "rule.discount-after-value": {"zh": "证明价值后的让步：兴趣 +{interest}", "en": "a concession after the value was shown: interest +{interest}"},
    "rule.empathy": {"zh": "体谅客户：信任 +{trust}", "en": "empathy: trust +{trust}"},
    "rule.objection-raised": {"zh": "客户提出异议“{objection}”", "en": "the customer raises the objection '{objection}'"},
    "rule.objection-acknowledged": {"zh": "认可了异议“{objection}”（第1步）：信任 +{trust}", "en": "acknowledged '{objection}' (step 1): trust +{trust}"},
    "rule.objection-probed": {"zh": "探询了异议“{objection}”的真实原因（第2步）", "en": "probed the real cause of '{objection}' (step 2)"},
    "rule.objection-evidence": {"zh": "用对路的证据回应“{objection}”（第3步）：信任 +{trust}", "en": "answered '{objection}' with the right evidence (step 3): trust +{trust}"},
    "rule.objection-confirmed": {"zh": "确认“{objection}”已解决（第4步）", "en": "confirmed '{objection}' is resolved (step 4)"},
    "rule.step-before-raise": {"zh": "（第{turn}轮说的，在客户提出之前）", "en": " (said on turn {turn}, before the customer raised it)"},
    "rule.objection-skipped": {"zh": "异议“{objection}”：认同后直接给出对症的证据，客户听进去了，但跳过了“{step}”这一步", "en": "'{objection}': targeted proof straight after the acknowledgement was heard, but the '{step}' step was skipped"},
    "rule.objection-out-of-order": {"zh": "异议“{objection}”还差“{missing}”这一步，客户没被说服", "en": "'{objection}' still needs the '{missing}' step first; the customer is not convinced"},
    "rule.evidence-off-target": {"zh": "证据没有针对异议“{objection}”", "en": "the evidence did not address '{objection}'"},
    "rule.need-revealed": {"zh": "{technique}问到{topic}，客户透露需求“{need}”", "en": "{technique} on {topic} revealed the need '{need}'"},
    "rule.need-needs-trust": {"zh": "需求“{need}”需要信任达到{min_trust}（现为{trust}）", "en": "the need '{need}' needs trust {min_trust} (now {trust})"},
    "rule.need-needs-probe": {"zh": "深层需求“{need}”只有深入探询才会说出", "en": "the deep need '{need}' only comes out under a probe"},
    "rule.nothing-new": {"zh": "这个问题没有带出新的需求", "en": "the question uncovered nothing new"},
    "rule.closed-answer": {"zh": "封闭式问题只得到简短回答", "en": "a closed question got a short answer"},
    "rule.interrogation": {"zh": "连续{count}个封闭式问题：耐心 -1", "en": "{count} closed questions in a row: patience -1"},
    "rule.present-relevant": {"zh": "介绍切中已知需求：兴趣 +{interest}", "en": "the presentation answered a known need: interest +{interest}"},
    "rule.present-irrelevant": {"zh": "介绍没有对应任何已知需求", "en": "the presentation answered no known need"},
    "rule.present-before-needs": {"zh": "还没了解需求就推销：耐心 -1", "en": "pitching before any need was known: patience -1"},
    "rule.close-success": {"zh": "成交条件满足，客户同意{goal}", "en": "the goal's conditions held: the customer agreed to {goal}"},
    "rule.close-not-ready": {"zh": "成交条件未满足（{missing}）：信任 -3，耐心 -1", "en": "the goal's conditions did not hold ({missing}): trust -3, patience -1"},
    "rule.filler": {"zh": "没有推进对话", "en": "the line did not move the conversation"},
    "rule.unclear": {"zh": "没听懂这句话，客户问是什么意思（状态不变）", "en": "the line could not be understood: the customer asks what was meant (nothing changes)"},
    "rule.rude": {"zh": "出言不逊：信任 {trust}，耐心 {patience}", "en": "a rude line: trust {trust}, patience {patience}"},
    "rule.personal-data": {"zh": "无故索要个人信息：信任 {trust}，耐心 {patience}", "en": "personal data asked for without a reason: trust {trust}, patience {patience}"},
    "rule.junk": {"zh": "没有内容的话（{kind}，连续第{run}句）", "en": "talk that does no work ({kind}, {run} in a row)"},
    "rule.patience-low": {"zh": "客户耐心快没了（剩 {patience}）", "en": "the customer's patience is running out ({patience} left)"},
    "rule.topic-answer": {"zh": "问到{topic}：客户简短作答，没有透露需求", "en": "asked about {topic}: a short answer that tells no need"},
    "rule.nothing-to-tell": {"zh": "这个话题客户没什么可说的", "en": "the customer has nothing to say on that topic"},
    "rule.leave": {"zh": "客户离开：{reason}", "en": "the customer leaves: {reason}"},
    # Conversation stages (engine.state.STAGES).
    "stage.reception": {"zh": "接待", "en": "reception"},
    "stage.needs": {"zh": "需求挖掘", "en": "needs"},
    "stage.presentation": {"zh": "产品介绍", "en": "presentation"},
    "stage.objection": {"zh": "异议处理", "en": "objection"},
    "stage.closing": {"zh": "成交", "en": "closing"},
    "stage.ended": {"zh": "结束", "en": "ended"},
    # Display names of needs and objections whose file gives no ``name`` (the customer view).
    "need.unnamed": {"zh": "{topic}方面的需求", "en": "a need about {topic}"},
    "objection.kind.price": {"zh": "价格顾虑", "en": "a worry about the price"},
    "objection.kind.quality": {"zh": "质量顾虑", "en": "a worry about quality"},
    "objection.kind.delay": {"zh": "想再考虑", "en": "wants to think it over"},
    "objection.kind.complaint": {"zh": "对服务的投诉", "en": "a complaint about the service"},
    "objection.kind.trust": {"zh": "信任顾虑", "en": "doubts about the dealer"},
    "objection.kind.finance": {"zh": "付款顾虑", "en": "a worry about paying"},
    "objection.kind.competitor": {"zh": "竞品比较", "en": "comparing with a rival"},
    # The terminal practice (simkit play).
    "play.help": {"zh": "（输入 /state 查看客户状态，/help 查看命令，/quit 结束）", "en": "(type /state to see the customer's state, /help for commands, /quit to stop)"},
    "play.state": {
        "zh": "  第{turn}轮 · 阶段 {stage} · 信任 {trust} · 兴趣 {interest} · 耐心 {patience}/{patience_max}\n  已发现需求 {found}/{total}：{needs} · 未解决异议：{objections}",
        "en": "  turn {turn} · stage {stage} · trust {trust} · interest {interest} · patience {patience}/{patience_max}\n  needs found {found}/{total}: {needs} · open objections: {objections}",
    },
    "play.explain.analysis": {"zh": "  [理解] 技巧：{techniques}；话题：{topics}", "en": "  [read as] techniques: {techniques}; topics: {topics}"},
    "play.explain.silent": {"zh": "（未说出）", "en": " (not said)"},
    "play.explain.resolved": {"zh": "已解决", "en": "resolved"},
    "play.explain.trust": {"zh": "信任 {before}→{after}", "en": "trust {before}→{after}"},
    "play.explain.interest": {"zh": "兴趣 {before}→{after}", "en": "interest {before}→{after}"},
    "play.explain.patience": {"zh": "耐心 {before}→{after}", "en": "patience {before}→{after}"},
    "play.explain.stage": {"zh": "阶段 {before}→{after}", "en": "stage {before}→{after}"},
    "play.explain.state": {"zh": "  [状态] {changes}", "en": "  [state] {changes}"},
    "play.transcript": {"zh": "对话记录：{path}", "en": "transcript: {path}"},
    "play.commands": {
        "zh": "  /state 客户状态 · /help 本帮助 · /quit 结束\n  以 / 开头的台词请写两个斜杠：//50万 会说成 /50万",
        "en": "  /state the customer's state · /help this help · /quit stop\n  to say a line that starts with /, type it twice: //ok says /ok",
    },
    "play.unknown-command": {"zh": "未知命令 {command}，输入 /help 查看命令", "en": "unknown command {command}, /help lists them"},
    # Why a file of a cohort could not be scored (simkit.scoring.batch, the CSV's error_code).
    "error.unreadable": {"zh": "无法读取", "en": "cannot be read"},
    "error.not-regular-file": {"zh": "不是普通文件", "en": "not a regular file"},
    "error.linked-folder": {"zh": "链接的文件夹，未进入", "en": "a linked folder, not followed"},
    "error.too-big": {"zh": "文件过大", "en": "too big"},
    "error.too-deep": {"zh": "嵌套过深", "en": "nested too deeply"},
    "error.not-utf8": {"zh": "不是 UTF-8 文本", "en": "not UTF-8 text"},
    "error.empty": {"zh": "文件为空", "en": "empty"},
    "error.not-json": {"zh": "不是有效的 JSON", "en": "not valid JSON"},
    "error.invalid-transcript": {"zh": "不是有效的对话记录", "en": "not a valid transcript"},
    "error.unknown-scenario": {"zh": "未知场景", "en": "unknown scenario"},
    "error.timeout": {"zh": "评分超时", "en": "over the time limit"},
    "error.worker-crashed": {"zh": "评分进程意外退出", "en": "the scoring process died"},
    "error.internal-error": {"zh": "simkit 内部错误（请报告）", "en": "an internal error in simkit (please report it)"},
}

# Scoring messages live in simkit/i18n_scoring.py (kept apart for length).
MESSAGES.update(SCORING_MESSAGES)
MESSAGES.update(DEALS_MESSAGES)  # appointments and amounts (simkit/i18n_deals.py)
MESSAGES.update(SITUATION_MESSAGES)  # roles, decision makers, channels (simkit/i18n_situations.py)


# Course notebooks (simkit.course).
MESSAGES.update({
    "course.customer": {"zh": "客户", "en": "Customer"},
    "course.you": {"zh": "顾问", "en": "Consultant"},
})

class Lenient(dict):
    """Values for ``str.format_map``-style filling in which an unknown ``{placeholder}`` stays as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def text(code: str, lang: str, **values: object) -> str:
    """The message ``code`` in ``lang`` with ``values`` filled in."""
    template = MESSAGES[code][lang]
    return template.format(**values) if values else template
