"""Every word the practice widgets and apps show, in Chinese and English.

The engine's and the scorer's own words (stages, outcomes, rule explanations, reasons) stay in
:mod:`simkit.i18n` and :mod:`simkit.scoring.words`; this catalogue holds only the UI's labels.
"""

from __future__ import annotations

from simkit import i18n

UI_TEXT: dict[str, dict[str, str]] = {
    "you": {"zh": "你", "en": "You"},
    "channel": {"zh": "渠道", "en": "Channel"},
    "stage": {"zh": "阶段", "en": "Stage"},
    "turn": {"zh": "第{n}轮", "en": "Turn {n}"},
    "send": {"zh": "发送", "en": "Send"},
    "placeholder": {"zh": "输入你要说的话，按回车发送", "en": "Type what you say, press Enter to send"},
    "placeholder-busy": {"zh": "客户正在回应……", "en": "The customer is answering…"},
    "placeholder-ended": {"zh": "对话已结束", "en": "The conversation is over"},
    "empty-line": {"zh": "请先输入一句话。", "en": "Type a line first."},
    "too-long": {"zh": "这句话太长了（最多{max}个字符）。", "en": "That line is too long (at most {max} characters)."},
    "finish": {"zh": "结束并评分", "en": "End and score"},
    "trust": {"zh": "信任", "en": "Trust"},
    "interest": {"zh": "兴趣", "en": "Interest"},
    "patience": {"zh": "耐心", "en": "Patience"},
    "needs": {"zh": "已发现需求", "en": "Needs found"},
    "objections": {"zh": "异议", "en": "Objections"},
    "objection-open": {"zh": "待处理（下一步：{step}）", "en": "open (next: {step})"},
    "objection-handled": {"zh": "已处理", "en": "handled"},
    "objection-counts": {"zh": "待处理{open}·已处理{handled}", "en": "{open} open · {handled} handled"},
    "no-objections": {"zh": "暂无", "en": "none yet"},
    "happened": {"zh": "刚才：{what}", "en": "Just now: {what}"},
    "happened-start": {"zh": "对话开始", "en": "The conversation starts"},
    "exam-hidden": {"zh": "考试模式：不显示客户状态", "en": "Exam mode: the customer's state is hidden"},
    "finish-exam": {"zh": "结束本场", "en": "End this conversation"},
    # The exam page (served with ``simkit app practice --exam``).
    "exam-title": {"zh": "考试", "en": "Exam"},
    "exam-rules": {"zh": "这是正式考试：每一轮都会由服务器记录时间、签名并保存，由培训师评分。"
                         "不显示客户状态和提示，每个场景只有一次机会（断线后可继续同一场对话）。",
                   "en": "This is an exam: the server times, signs and saves every turn, and your trainer grades it. "
                         "The customer's state and hints are hidden, and each scenario is taken once "
                         "(after a lost connection you continue the same conversation)."},
    "exam-who": {"zh": "考生：{trainee} · 考试：{exam}", "en": "Trainee: {trainee} · Exam: {exam}"},
    "exam-new": {"zh": "未开始", "en": "not started"},
    "exam-started": {"zh": "进行中", "en": "in progress"},
    "exam-done": {"zh": "已完成", "en": "done"},
    "exam-begin": {"zh": "开始", "en": "Begin"},
    "exam-continue": {"zh": "继续", "en": "Continue"},
    "exam-back": {"zh": "返回考试列表", "en": "Back to the exam"},
    "exam-saved": {"zh": "已签名保存：{name}", "en": "Saved and signed: {name}"},
    "exam-ended": {"zh": "本场对话已结束，已签名保存，将由培训师评分。",
                   "en": "This conversation is over; it is saved, signed, and will be graded by your trainer."},
    "exam-elsewhere": {"zh": "这场对话已在另一个窗口中继续，本窗口已停止。请回到考试列表继续。",
                       "en": "This conversation went on in another window; this one has stopped. Go back to the exam to continue."},
    "exam-unavailable": {"zh": "考试无法开始：{why}", "en": "The exam cannot start: {why}"},
    "choices": {"zh": "选择你要说的话：", "en": "Choose what you say:"},
    "scorecard": {"zh": "评分卡", "en": "Scorecard"},
    "total": {"zh": "总分", "en": "Total"},
    "tier": {"zh": "等级", "en": "Tier"},
    "passed": {"zh": "通过", "en": "Passed"},
    "failed": {"zh": "未通过", "en": "Not passed"},
    "why": {"zh": "原因", "en": "Why"},
    "improvements": {"zh": "三个改进建议", "en": "Three improvements"},
    "try-line": {"zh": "可以这样说", "en": "Try saying"},
    "you-said": {"zh": "你说的是", "en": "You said"},
    "evidence-hint": {"zh": "点击带轮次的依据，可在对话中高亮该轮。", "en": "Choose an item with a turn to highlight it in the chat."},
    "saved-to": {"zh": "对话记录已保存：{name}", "en": "Transcript saved: {name}"},
    "resumed": {"zh": "已从对话记录恢复（{turns}轮）", "en": "Resumed from the transcript ({turns} turns)"},
    "resume-changed": {"zh": "注意：场景或模型已更新，恢复后的客户回答与记录有{count}处不同。",
                       "en": "Note: the scenario or model changed; {count} customer lines differ from the record."},
    "kernel-lost": {"zh": "与练习服务器的连接已断开（内核已停止）。已完成的每一轮都已保存在 {name}。重新打开页面即可继续：",
                    "en": "The connection to the practice server was lost (the kernel stopped). Every finished turn is saved in {name}. Open the page again to continue:"},
    "resume-link": {"zh": "继续这次对话", "en": "Resume this conversation"},
    "connecting": {"zh": "正在连接练习服务器，马上就可以回复……", "en": "Connecting to the practice server; you can reply in a moment…"},
    # The practice app.
    "app-title": {"zh": "销售对话练习", "en": "Sales conversation practice"},
    "scenario": {"zh": "场景", "en": "Scenario"},
    "filter-channel": {"zh": "渠道", "en": "Channel"},
    "filter-tag": {"zh": "技能/难度", "en": "Skill / difficulty"},
    "any": {"zh": "全部", "en": "Any"},
    "language": {"zh": "语言", "en": "Language"},
    "mode": {"zh": "模式", "en": "Mode"},
    "mode-free": {"zh": "自由输入", "en": "Free text"},
    "mode-choice": {"zh": "选择模式（入门）", "en": "Choices (beginner)"},
    "mode-exam": {"zh": "模拟考试（隐藏状态）", "en": "Mock exam (state hidden)"},
    "seed": {"zh": "种子", "en": "Seed"},
    "surprise": {"zh": "随机一个", "en": "Surprise me"},
    "start": {"zh": "开始练习", "en": "Start"},
    "again-same": {"zh": "同一种子再练一次", "en": "Try again (same seed)"},
    "again-other": {"zh": "换一个种子再练", "en": "Try again (another seed)"},
    "new-scenario": {"zh": "换个场景", "en": "Choose another scenario"},
    "download": {"zh": "下载对话记录", "en": "Download the transcript"},
    "no-scenarios": {"zh": "没有符合筛选条件的场景。", "en": "No scenario matches the filters."},
    "brief": {"zh": "任务", "en": "Your task"},
    "resume-list": {"zh": "未完成的对话", "en": "Unfinished conversations"},
    "resume": {"zh": "继续", "en": "Resume"},
    "not-found": {"zh": "找不到对话记录 {name}。", "en": "No transcript called {name}."},
}

#: Each language's name in itself, for the language pickers of every app.
LANG_NAMES = {"zh": "中文", "en": "English"}

CHANNELS = {
    "showroom": {"zh": "展厅", "en": "Showroom"},
    "online_chat": {"zh": "在线咨询", "en": "Online chat"},
    "phone": {"zh": "电话", "en": "Phone"},
    "video": {"zh": "视频", "en": "Video"},
}


def ui(code: str, lang: str, **values: object) -> str:
    """The UI label ``code`` in ``lang`` with ``{placeholders}`` filled (``KeyError`` if unknown)."""
    return UI_TEXT[code][lang].format(**values) if values else UI_TEXT[code][lang]


def channel_name(channel: str, lang: str) -> str:
    return CHANNELS.get(channel, {}).get(lang, channel)


def stage_name(stage: str, lang: str) -> str:
    return i18n.text(f"stage.{stage}", lang)


def step_name(step: str, lang: str) -> str:
    return name_of("step", step, lang)


def name_of(family: str, value: str, lang: str) -> str:
    """The catalogue's name for ``family.value`` (``name_of("technique", "probe", "zh")``), else ``value``."""
    return _known(f"{family}.{value}", lang, value)


def beat_params(params: dict, *, persona, scenario, lang: str) -> dict:
    """A beat's parameters with display names for its ids (needs, objections, asks, topics,
    techniques, steps, goals), so "what just happened" never shows a raw id; an id without a
    display name stays as it is."""
    shown = dict(params)
    needs = {n.id: n for n in persona.needs}
    objections = {o.id: o for o in persona.objections}
    asks = {a.id: a for a in scenario.asks}
    if shown.get("need") in needs:
        shown["need"] = needs[shown["need"]].display_name[lang]
    if shown.get("objection") in objections:
        shown["objection"] = objections[shown["objection"]].display_name[lang]
    if shown.get("ask") in asks:
        shown["ask"] = _known(f"topic.{asks[shown['ask']].topic}", lang, shown["ask"])
    for key, prefix in (("topic", "topic"), ("technique", "technique"), ("goal", "goal"), ("missing", "step")):
        if isinstance(shown.get(key), str):
            shown[key] = name_of(prefix, shown[key], lang)
    return shown


def _known(key: str, lang: str, fallback: str) -> str:
    return i18n.text(key, lang) if key in i18n.MESSAGES else fallback
