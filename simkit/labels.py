"""The label vocabulary shared by understanding, the engine, content files and scoring.

These are the contract of ``shared/domain.md`` ("Technique labels"): content files may only
name labels listed here, and the analyzer only returns labels listed here.
"""

from __future__ import annotations

TECHNIQUES: tuple[str, ...] = (
    "greeting",
    "open_question",
    "closed_question",
    "exclusion_question",
    "probe",
    "empathy",
    "present",
    "evidence",
    "confirm",
    "recommend",
    "close",
    "concession",
    "pressure",
    "other",
)

TOPICS: tuple[str, ...] = (
    "budget",
    "usage",
    "family",
    "current_car",
    "timeline",
    "preference",
    "finance",
    "trade_in",
    "decision_maker",
    "competitor",
    "concern",
    "contact",
)

QUESTION_TECHNIQUES: frozenset[str] = frozenset(
    {"open_question", "closed_question", "exclusion_question", "probe"}
)

LANGS: tuple[str, ...] = ("zh", "en")
