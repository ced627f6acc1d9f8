"""The value returned by :func:`simkit.understand.analyze` (a stable contract)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Fact:
    """One fact found in an utterance.

    Attributes:
        kind: ``money``, ``percent``, ``date``, ``time``, ``count``, ``attribute``, ...
        value: a normalised value (``150000`` for 15万, ``"suv"`` for SUV, ...).
        text: the words it was read from, as written.
        start: character offset of ``text`` in the utterance.
    """

    kind: str
    value: Any
    text: str
    start: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": self.value, "text": self.text, "start": self.start}


@dataclass(frozen=True)
class Analysis:
    """What one salesperson utterance does.

    Attributes:
        text: the utterance as given.
        lang: ``"zh"`` or ``"en"`` (detected when not given).
        techniques: technique labels of ``shared/domain.md``, in a fixed label order; never
            empty (``("other",)`` when nothing else applies).
        topics: topic labels the utterance is about, in a fixed label order.
        facts: facts extracted from the text, in order of appearance.
        is_question: whether the utterance asks the customer something.
        unclear: the analyzer could not tell what the line does (costly labels were withheld);
            the customer asks what was meant and scoring records "unclear", not a penalty.
    """

    text: str
    lang: str
    techniques: tuple[str, ...]
    topics: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = field(default_factory=tuple)
    is_question: bool = False
    unclear: bool = False

    def has(self, *techniques: str) -> bool:
        """True when the utterance carries any of ``techniques``."""
        return any(t in self.techniques for t in techniques)

    def to_dict(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "techniques": list(self.techniques),
            "topics": list(self.topics),
            "facts": [f.to_dict() for f in self.facts],
            "is_question": self.is_question,
        }
