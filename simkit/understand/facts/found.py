"""The facts found in a line so far, with the spans they claim."""

from __future__ import annotations

from typing import Any


class Found:
    """Facts found so far, with the character spans they claim (later finds may not overlap)."""

    def __init__(self) -> None:
        self.items: list[tuple[int, int, str, Any]] = []
        self.spans: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.spans)

    def claim(self, start: int, end: int) -> None:
        self.spans.append((start, end))

    def add(self, start: int, end: int, kind: str, value: Any) -> None:
        if self.free(start, end):
            self.items.append((start, end, kind, value))
            self.claim(start, end)

