"""The scenario catalogue: every scenario by channel, business line, skill and difficulty, in zh or en.

``simkit catalog`` prints :func:`catalog_rows` as a table; :func:`catalog_markdown` is the same
table as Markdown, which ``docs/catalog.md`` holds (written by ``python scripts/gen_docs.py``;
a test checks it is current).

Example:
    >>> from simkit.content import default_library
    >>> catalog_rows(default_library(), "zh")[0][2:]
    ('展厅', '新车', '需求挖掘、异议处理、促成', '进阶')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simkit.content.model import BUSINESS_LINES, CHANNELS, DIFFICULTIES, SKILLS

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content.library import Library

#: The words of every value, zh and en.
WORDS: dict[str, dict[str, str]] = {
    "showroom": {"en": "showroom", "zh": "展厅"},
    "online_chat": {"en": "online chat", "zh": "线上聊天"},
    "phone": {"en": "phone", "zh": "电话"},
    "video": {"en": "video", "zh": "视频"},
    "new_car": {"en": "new cars", "zh": "新车"},
    "used_car": {"en": "used cars", "zh": "二手车"},
    "after_sales": {"en": "after-sales", "zh": "售后"},
    "fleet": {"en": "fleet", "zh": "大客户"},
    "first_response": {"en": "first response", "zh": "首次接待"},
    "needs_discovery": {"en": "needs discovery", "zh": "需求挖掘"},
    "presentation": {"en": "presentation", "zh": "产品介绍"},
    "objection_handling": {"en": "objection handling", "zh": "异议处理"},
    "closing": {"en": "closing", "zh": "促成"},
    "follow_up": {"en": "follow-up", "zh": "跟进"},
    "beginner": {"en": "beginner", "zh": "入门"},
    "intermediate": {"en": "intermediate", "zh": "进阶"},
    "advanced": {"en": "advanced", "zh": "高级"},
}
assert set(WORDS) == {*CHANNELS, *BUSINESS_LINES, *SKILLS, *DIFFICULTIES}

HEADERS = {
    "en": ("scenario", "title", "channel", "business line", "skills", "difficulty"),
    "zh": ("场景", "标题", "渠道", "业务线", "技能", "难度"),
}
SEPARATOR = {"en": ", ", "zh": "、"}
ORDER = {value: i for i, value in enumerate((*CHANNELS, *BUSINESS_LINES, *DIFFICULTIES))}


def word(value: str | None, lang: str) -> str:
    """The word for a catalogue value, ``-`` when the scenario does not say."""
    return WORDS[value][lang] if value else "-"


def catalog_rows(library: Library, lang: str) -> list[tuple[str, ...]]:
    """One row per scenario, sorted by channel, business line, difficulty and id."""
    scenarios = sorted(library.scenarios.values(), key=lambda s: (
        ORDER[s.channel], ORDER.get(s.business_line or "", 99), ORDER.get(s.difficulty or "", 99), s.id))
    return [(s.id, s.title[lang], word(s.channel, lang), word(s.business_line, lang),
             SEPARATOR[lang].join(word(k, lang) for k in s.skills) or "-", word(s.difficulty, lang)) for s in scenarios]


def catalog_table(library: Library, lang: str) -> str:
    """The catalogue as a plain-text table for a terminal (a Chinese character takes two columns)."""
    rows = [HEADERS[lang], *catalog_rows(library, lang)]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def catalog_markdown(library: Library, lang: str) -> str:
    """The catalogue as a Markdown table."""
    rows = catalog_rows(library, lang)
    out = ["| " + " | ".join(HEADERS[lang]) + " |", "|" + "---|" * len(HEADERS[lang])]
    out += ["| `" + row[0] + "` | " + " | ".join(cell.replace("|", "\\|") for cell in row[1:]) + " |" for row in rows]
    return "\n".join(out) + "\n"


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
