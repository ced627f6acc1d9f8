"""Finding rulebook cue words in a trainee's line (English on word boundaries, Chinese as written)."""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=256)
def _pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for cue in cues:
        if re.fullmatch(r"[a-z][a-z ']*[a-z]", cue):  # an English word: not inside another ("notice")
            parts.append(rf"(?<![a-z]){re.escape(cue)}(?![a-z])")
        else:
            parts.append(re.escape(cue))
    return re.compile("|".join(parts) or r"(?!)", re.I)


def find(text: str, cues: tuple[str, ...]) -> list[tuple[int, int]]:
    """``(start, end)`` of every cue in ``text`` (a typed ’ reads as ', keeping every offset)."""
    return [m.span() for m in _pattern(cues).finditer(text.replace("\u2019", "'"))]


def mentions(text: str, cues: tuple[str, ...]) -> bool:
    """Whether any cue is in ``text``."""
    return _pattern(cues).search(text.replace("\u2019", "'")) is not None


def contains_any(text: str, cues: tuple[str, ...]) -> bool:
    """Whether any cue is in ``text`` as written, ignoring case (how evidence cues are read)."""
    folded = text.casefold()
    return any(cue.casefold() in folded for cue in cues)
