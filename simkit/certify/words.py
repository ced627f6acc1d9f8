"""What a certification says to trainers and trainees, in Chinese and English.

Each review code (a reason a trainee needs a manual look) has a sentence per language; ``{detail}``
is filled with what exactly was found (a file name, another trainee's id, ...).
"""

from __future__ import annotations

REVIEW: dict[str, tuple[str, str]] = {
    "notebook-missing": ("没有交笔记本（笔记本部分记 0 分）。", "No notebook was handed in (the notebook scores 0)."),
    "notebook-empty": ("笔记本文件是空的（记 0 分）。", "The notebook file is empty (it scores 0)."),
    "notebook-not-json": ("笔记本文件不是 JSON，无法打开（记 0 分）。", "The notebook file is not JSON and cannot be opened (it scores 0)."),
    "notebook-invalid": ("笔记本文件已损坏，不是有效的笔记本（记 0 分）。", "The notebook file is damaged: not a valid notebook (it scores 0)."),
    "notebook-too-big": ("笔记本文件过大，未评分（记 0 分）。", "The notebook file is too big and was not graded (it scores 0)."),
    "kernel-died": ("笔记本运行时内核被终止（例如 os._exit），未运行的单元格记 0 分。",
                    "The kernel died while the notebook ran (os._exit, say): the cells not run score 0."),
    "cell-timeout": ("有单元格运行超时（例如死循环），被中断并记 0 分：{detail}。",
                     "A cell ran past the time limit (an endless loop, say) and was interrupted, scoring 0: {detail}."),
    "autograde-failed": ("nbgrader 多次尝试后仍无法评分这份笔记本（记 0 分）。",
                         "nbgrader could not grade the notebook after several attempts (it scores 0)."),
    "signature-missing": ("{detail}：没有考试签名，是练习记录，不计分。",
                          "{detail}: no exam signature; a practice transcript does not count."),
    "signature-invalid": ("{detail}：考试签名不符：签名后被修改过，或属于另一场考试，不计分。",
                          "{detail}: the exam signature does not match: edited after signing, or from another exam; it does not count."),
    "copied-transcript": ("{detail}：这是另一位学员的考试记录，不计分。",
                          "{detail}: this is another trainee's exam transcript; it does not count."),
    "wrong-scenario": ("{detail}：不是本考试的场景，不计分。", "{detail}: not a scenario of this exam; it does not count."),
    "seed-mismatch": ("{detail}：客户变体不是考试为该学员抽取的，不计分。",
                      "{detail}: not the customer variant the exam drew for this trainee; it does not count."),
    "transcript-tampered": ("{detail}：回放与记录不符（客户的话或结果被改过），不计分。",
                            "{detail}: the replay differs from the record (customer lines or outcome edited); it does not count."),
    "transcript-outdated": ("{detail}：记录时的场景或版本与现在不同，不计分，请重考。",
                            "{detail}: recorded with another scenario or version than today's; it does not count, retake it."),
    "transcript-unreadable": ("{detail}：不是可用的对话记录。", "{detail}: not a usable transcript."),
    "conversation-missing": ("缺少考试对话：{detail}（记 0 分）。", "Exam conversation missing: {detail} (it scores 0)."),
    "extra-attempts": ("{detail} 有多份有效的考试记录，按最好的一份计分。",
                       "{detail} has several valid exam transcripts; the best one counts."),
    "similar-lines": ("与 {detail} 的对话几乎逐句相同，证书暂缓，请培训师核实。",
                      "The conversation is nearly line for line the same as {detail}'s: certificate held until a trainer checks."),
    "similar-lines-released": ("与 {detail} 的对话相似，培训师已核实并放行，证书照发。",
                               "The conversation is similar to {detail}'s; a trainer checked it and released the certificate."),
    "feedback-withheld": ("反馈里出现了隐藏测试的内容，反馈未发放。", "The feedback contained hidden-test text and was withheld."),
}

#: Review codes that hold a certificate back although the tier was earned.
HOLDS = ("similar-lines",)

#: Review codes that only inform: a trainer has already looked (the trainee needs no manual look).
NOTES = ("similar-lines-released",)

TIER_NAMES = {"distinction": ("优秀", "Distinction"), "merit": ("良好", "Merit"), "pass": ("合格", "Pass"),
              "fail": ("不合格", "Fail")}


def review_item(code: str, detail: str = "") -> dict[str, str]:
    """A review entry as run records hold it: the code and the reason in both languages."""
    zh, en = REVIEW[code]
    return {"code": code, "detail": detail, "reason_zh": zh.format(detail=detail), "reason_en": en.format(detail=detail)}
