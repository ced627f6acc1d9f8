"""Every word the trainer apps (the scenario studio and the cohort dashboard) show, in zh and en.

The engine's and the scorer's own words (rules, dimensions, tiers, outcomes, evidence) come from
:mod:`simkit.i18n` and :mod:`simkit.scoring.words`; this catalogue holds only the apps' labels.
"""

from __future__ import annotations

from simkit.ui.labels import UI_TEXT

#: The labels the trainer apps share with the practice app: one entry, translated once.
SHARED = ("language", "any", "turn", "scenario", "seed")

TRAINER_TEXT: dict[str, dict[str, str]] = {
    # Shared.
    **{code: UI_TEXT[code] for code in SHARED},
    "opening": {"zh": "开场", "en": "Opening"},
    "trainee": {"zh": "学员", "en": "Trainee"},
    "customer": {"zh": "客户", "en": "Customer"},
    # The studio.
    "studio-title": {"zh": "场景工作室", "en": "Scenario studio"},
    "file": {"zh": "文件", "en": "File"},
    "open": {"zh": "打开", "en": "Open"},
    "save": {"zh": "保存", "en": "Save"},
    "validate": {"zh": "检查", "en": "Check"},
    "saved": {"zh": "已保存 {name}（{time}）", "en": "Saved {name} ({time})"},
    "save-failed": {"zh": "保存失败：{error}", "en": "Not saved: {error}"},
    "unsaved": {"zh": "有未保存的修改", "en": "Unsaved changes"},
    "no-problems": {"zh": "没有问题。", "en": "No problems."},
    "problems": {"zh": "{n}个问题（点击跳到该行）", "en": "{n} problems (choose one to jump to its line)"},
    "other-problems": {"zh": "同一文件夹的其他文件有{n}个问题：", "en": "Other files of the folder have {n} problems:"},
    "line": {"zh": "第{line}行", "en": "line {line}"},
    "tab-problems": {"zh": "问题", "en": "Problems"},
    "tab-preview": {"zh": "客户台词", "en": "Customer lines"},
    "tab-play": {"zh": "试玩对话", "en": "Quick conversation"},
    "tab-checks": {"zh": "自检", "en": "Self-checks"},
    "preview-none": {"zh": "文件能解析后才能预览台词。", "en": "The lines show once the file parses."},
    "preview-note": {"zh": "占位符已用人物的事实填入；未知的占位符保持原样。",
                     "en": "Placeholders are filled from the persona's facts; unknown ones stay as written."},
    "play-lang": {"zh": "对话语言", "en": "Conversation language"},
    "lines": {"zh": "学员的话（每行一句）", "en": "Trainee lines (one per line)"},
    "play": {"zh": "试玩", "en": "Play"},
    "play-blocked": {"zh": "先修正问题才能试玩。", "en": "Fix the problems first to play."},
    "no-scenario": {"zh": "没有场景使用这个文件。", "en": "No scenario uses this file."},
    "read-as": {"zh": "识别为", "en": "Read as"},
    "decided": {"zh": "导演的决定", "en": "What the director decided"},
    "state-after": {"zh": "之后的状态", "en": "State after"},
    "outcome": {"zh": "结果", "en": "Outcome"},
    "run-checks": {"zh": "运行自检", "en": "Run the self-checks"},
    "checks-ok": {"zh": "全部自检通过（{n}项）", "en": "All self-checks passed ({n})"},
    "checks-failed": {"zh": "{n}项自检未通过", "en": "{n} self-checks failed"},
    "check-passed": {"zh": "通过", "en": "passed"},
    "check-failed": {"zh": "未通过", "en": "failed"},
    "too-large": {"zh": "文本超过大小限制，未处理。", "en": "The text is over the size limit; not processed."},
    # The dashboard.
    "dashboard-title": {"zh": "学员成绩看板", "en": "Cohort dashboard"},
    "run-summary": {"zh": "考试 {exam} · {n}名学员 · {created}", "en": "Exam {exam} · {n} trainees · {created}"},
    "pass-rate": {"zh": "通过率", "en": "Pass rate"},
    "in-view": {"zh": "当前显示{n}名学员（共{total}名）", "en": "{n} trainees in view (of {total})"},
    "tiers": {"zh": "等级分布", "en": "Tiers"},
    "filter-tier": {"zh": "等级", "en": "Tier"},
    "filter-scenario": {"zh": "场景", "en": "Scenario"},
    "filter-store": {"zh": "门店", "en": "Store"},
    "filter-team": {"zh": "团队", "en": "Team"},
    "search": {"zh": "搜索学员", "en": "Find a trainee"},
    "sort": {"zh": "排序", "en": "Sort by"},
    "descending": {"zh": "降序", "en": "Descending"},
    "export": {"zh": "导出当前视图（CSV）", "en": "Export this view (CSV)"},
    "rows-shown": {"zh": "显示前{n}行", "en": "First {n} rows shown"},
    "distributions": {"zh": "各维度得分分布（占满分的百分比）", "en": "Each dimension's distribution (% of its maximum)"},
    "radar": {"zh": "能力雷达：学员与群体中位数", "en": "Skills radar: trainee vs the cohort median"},
    "median": {"zh": "群体中位数", "en": "Cohort median"},
    "funnel": {"zh": "结果漏斗（对话数）", "en": "Outcome funnel (conversations)"},
    "funnel-all": {"zh": "全部对话", "en": "All conversations"},
    "funnel-needs": {"zh": "找到目标需求", "en": "Goal needs found"},
    "funnel-objections": {"zh": "异议已解决", "en": "Objections resolved"},
    "funnel-goal": {"zh": "达成目标", "en": "Goal reached"},
    "defeats": {"zh": "战败原因", "en": "Defeat reasons"},
    "weakest": {"zh": "最薄弱的技能", "en": "Weakest skills"},
    "weak-where": {"zh": "平均{pct}% · 最弱场景：{scenario}（{spct}%）", "en": "mean {pct}% · weakest in {scenario} ({spct}%)"},
    "weak-turns": {"zh": "失分最多的依据", "en": "Where the points are lost"},
    "lost-points": {"zh": "共失{points}分，{n}次", "en": "{points} points lost, {n} times"},
    "drill": {"zh": "对话详情", "en": "Conversation drill-down"},
    "choose-trainee": {"zh": "学员", "en": "Trainee"},
    "choose-conversation": {"zh": "对话", "en": "Conversation"},
    "techniques": {"zh": "识别的技巧", "en": "Techniques read"},
    "rules": {"zh": "触发的规则", "en": "Rules fired"},
    "points": {"zh": "得分与依据", "en": "Points and evidence"},
    "whole": {"zh": "全程", "en": "Whole conversation"},
    "score": {"zh": "得分", "en": "Score"},
    "integrity": {"zh": "完整性", "en": "Integrity"},
    "signature": {"zh": "签名", "en": "Signature"},
    "review": {"zh": "需复核", "en": "Review"},
    "no-trainees": {"zh": "没有符合筛选条件的学员。", "en": "No trainee matches the filters."},
    "unreadable": {"zh": "无法读取：{what}", "en": "Cannot read: {what}"},
    "col-trainee": {"zh": "学员", "en": "Trainee"},
    "col-name": {"zh": "姓名", "en": "Name"},
    "col-store": {"zh": "门店", "en": "Store"},
    "col-team": {"zh": "团队", "en": "Team"},
    "col-tier": {"zh": "等级", "en": "Tier"},
    "col-total": {"zh": "总分", "en": "Total"},
    "col-conversations": {"zh": "通过对话", "en": "Passed"},
    "col-review": {"zh": "复核", "en": "Review"},
}


def tr(code: str, lang: str, **values: object) -> str:
    """The label ``code`` in ``lang`` with ``{placeholders}`` filled (``KeyError`` if unknown)."""
    text = TRAINER_TEXT[code][lang]
    return text.format(**values) if values else text
