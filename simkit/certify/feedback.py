"""Per-trainee feedback HTML, and the check that no hidden test reached it.

The page shows the notebook's graded cells (points and the check's own message, never a
traceback: an IPython traceback quotes the failing cell's source, which is the hidden test),
the trainee's own answer cells, and each conversation's scorecard with its evidence turn by
turn. Every piece of text is escaped. After the page is written it is searched for every line of
every hidden test of the source notebook (:func:`hidden_lines`); a page that holds one is not
given out (:func:`leaks`) and the trainee is listed for a manual look.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat

from simkit.certify.words import TIER_NAMES
from simkit.scoring.render.html import escape, scorecard_section

STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}
table{border-collapse:collapse;width:100%}td,th{padding:.2em .5em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
.pass{color:#176117}.fail{color:#a11}.warn{background:#fff3cd;padding:.5em}.pts{white-space:nowrap;font-family:monospace}
pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap}section{border-top:2px solid #999;margin-top:2em}
"""

_WORDS = {
    "title": ("认证考试反馈", "Certification feedback"), "trainee": ("学员", "Trainee"), "tier": ("等级", "Tier"),
    "total": ("总分", "Total"), "notebook": ("笔记本", "Notebook"), "cell": ("题目", "Question"),
    "points": ("得分", "Points"), "message": ("说明", "Message"), "answers": ("你的答案", "Your answers"),
    "conversations": ("考试对话", "Exam conversations"), "review": ("需要培训师查看", "For your trainer to look at"),
    "counted": ("计分", "counted"), "not-counted": ("不计分", "not counted"), "signature": ("签名", "signature"),
    "passed": ("通过", "passed"), "failed": ("未通过", "not passed"),
}


def _w(key: str, lang: str) -> str:
    zh, en = _WORDS[key]
    return escape(zh if lang == "zh" else en)


def hidden_lines(source_notebook: Path) -> list[str]:
    """Every meaningful line between ``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS``."""
    nb = nbformat.read(source_notebook, as_version=4)
    found = []
    for cell in nb.cells:
        for block in re.findall(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", cell.source, flags=re.S):
            found += [line.strip() for line in block.splitlines()
                      if line.strip() and not line.strip().startswith("#") and len(line.strip()) >= 8]
    return found


def leaks(page: str, lines: list[str]) -> list[str]:
    """The hidden-test lines that appear in ``page`` (escaped or not)."""
    text = html.unescape(page)
    return [line for line in lines if line in text or html.escape(line) in page]


def cell_messages(autograded: Path) -> tuple[dict[str, str], list[tuple[str, str]], list[str]]:
    """From the autograded notebook: ``{grade_id: error message}`` of graded cells, the trainee's
    answer cells ``(grade_id, source)``, and the grade ids of cells that timed out."""
    if not autograded.is_file():
        return {}, [], []
    nb = nbformat.read(autograded, as_version=4)
    messages, answers, timeouts = {}, [], []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        gid = meta.get("grade_id", "")
        if cell.cell_type != "code":
            continue
        if meta.get("solution"):
            answers.append((gid, cell.source))
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                if out.get("ename") == "CellTimeoutError":
                    timeouts.append(gid)
                if meta.get("grade"):
                    messages[gid] = f"{out.get('ename', '')}: {out.get('evalue', '')}"
    return messages, answers, timeouts


def render(result: dict, *, lang: str, cards: list) -> str:
    """The feedback page of one trainee's ``result`` (``cards``: the scorecards of the conversations)."""
    messages = result["notebook"].get("messages", {})
    answers = result["notebook"].get("answers", [])
    tier = TIER_NAMES[result["tier"]][0 if lang == "zh" else 1]
    out = [f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
           f"<title>{_w('title', lang)}</title><style>{STYLE}</style></head><body>",
           f"<h1>{_w('title', lang)}</h1>",
           f"<p>{_w('trainee', lang)}: <b>{escape(result['trainee'])}</b> · {_w('tier', lang)}: <b>{escape(tier)}</b>"
           f" · {_w('total', lang)}: <b>{result['total']:g}</b></p>"]
    if result["review"]:
        out.append(f"<div class='warn'><b>{_w('review', lang)}</b><ul>")
        out += [f"<li>{escape(item['reason_zh' if lang == 'zh' else 'reason_en'])}</li>" for item in result["review"]]
        out.append("</ul></div>")
    nb = result["notebook"]
    out.append(f"<h2>{_w('notebook', lang)}: {nb['score']:g} / {nb['max']:g}</h2><table>"
               f"<tr><th>{_w('cell', lang)}</th><th>{_w('points', lang)}</th><th>{_w('message', lang)}</th></tr>")
    for gid, (score, maximum) in sorted(nb.get("cells", {}).items()):
        out.append(f"<tr><td>{escape(gid)}</td><td class='pts'>{score:g} / {maximum:g}</td>"
                   f"<td>{escape(messages.get(gid, ''))}</td></tr>")
    out.append("</table>")
    if answers:
        out.append(f"<h2>{_w('answers', lang)}</h2>")
        out += [f"<p>{escape(gid)}</p><pre>{escape(source)}</pre>" for gid, source in answers]
    out.append(f"<h2>{_w('conversations', lang)}</h2><ul>")
    for conv in result["conversations"]:
        state = _w("counted" if conv.get("counted") else "not-counted", lang)
        verdict = _w("passed" if conv["passed"] else "failed", lang)
        out.append(f"<li>{escape(Path(conv['file']).name)}: {escape(conv['scenario'] or '-')} · {conv['score']:g} · "
                   f"{verdict} · {_w('signature', lang)} {escape(conv['signature'])} · {state}</li>")
    out.append("</ul>")
    out += [scorecard_section(card, lang) for card in cards if card is not None]
    out.append("</body></html>\n")
    return "\n".join(out)
