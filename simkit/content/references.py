"""Reference conversations: a scenario's strong, average and poor salespeople, and what each must get.

A references file (``kind: references``) sits beside its scenario's YAML and holds only what a
trainee types (and, for timed channels, how long they took to reply), per level and language,
plus the expectations per level: the outcome, pass or fail, the score band, and optionally the
tier, failures, evidence and feedback codes. ``simkit check`` (:mod:`simkit.selfcheck`, which also plays them)
plays and scores every one. The transcripts stand for live recordings (a person typing with those
delays), so their ``times`` say ``live``.

Example:
    >>> from simkit.content import default_library
    >>> refs = default_library().references["showroom-family-suv-v1"]
    >>> refs.expect["strong"].outcome, len(refs.scripts["poor"]["zh"].lines)
    ('success', 4)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simkit.errors import SimkitError


#: The reference levels, best first; every references file has all three.
LEVELS = ("strong", "average", "poor")
#: Outcomes a level may expect (those of a scorecard).
OUTCOMES = ("success", "defeat", "open")
DEFAULT_DELAY = 20  # seconds between the customer's line and the trainee's answer


@dataclass(frozen=True)
class Script:
    """What one reference salesperson types in one language.

    ``until_done``: the trainee keeps going only until the customer leaves, who must have left
    by the last line (a poor salesperson's lines may outlast the customer's patience).
    """

    lines: tuple[str, ...]
    delays: tuple[int, ...] | None = None
    until_done: bool = False

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Script:
        delays = data.get("delays")
        return cls(tuple(data["lines"]), tuple(delays) if delays is not None else None,
                   bool(data.get("until_done", False)))


@dataclass(frozen=True)
class Expectation:
    """What one level must get, in every language.

    Evidence items are ``"dimension turn reason [param=value ...]"``: turn ``-`` is the whole
    conversation, ``*`` any turn. ``feedback`` lists the first improvement codes, in order.
    """

    passed: bool
    outcome: str
    min_total: int = 0
    max_total: int = 100
    tier: str | None = None
    failures: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    feedback: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Expectation:
        return cls(passed=bool(data["passed"]), outcome=data["outcome"], min_total=int(data.get("min_total", 0)),
                   max_total=int(data.get("max_total", 100)), tier=data.get("tier"),
                   failures=tuple(data.get("failures", ())), evidence=tuple(data.get("evidence", ())),
                   feedback=tuple(data.get("feedback", ())))


@dataclass(frozen=True)
class References:
    """The reference conversations of one scenario."""

    scenario_id: str
    seed: int
    scripts: dict[str, dict[str, Script]]  # level -> lang -> script
    expect: dict[str, Expectation]  # level -> expectation
    source: Path | None = None

    @classmethod
    def from_data(cls, data: dict[str, Any], source: Path | None = None) -> References:
        return cls(
            scenario_id=data["scenario"],
            seed=int(data.get("seed", 0)),
            scripts={level: {lang: Script.from_data(s) for lang, s in by_lang.items()}
                     for level, by_lang in data["scripts"].items()},
            expect={level: Expectation.from_data(e) for level, e in data["expect"].items()},
            source=source,
        )


class ScriptError(SimkitError):
    """A reference script cannot be played as written (the message says why)."""
