"""Reference conversations: a scenario's strong, average and poor salespeople, and what each must get.

A references file (``kind: references``) sits beside its scenario's YAML and holds only what a
trainee types (and, for timed channels, how long they took to reply), per level and language,
plus the expectations per level: the outcome, pass or fail, the score band, and optionally the
tier, failures, evidence and feedback codes. :func:`play` turns a script into a transcript through
a real Session, so a reference always replays; ``simkit check`` (:mod:`simkit.content.selfcheck`)
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
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simkit.errors import SimkitError

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content.library import Library
    from simkit.transcript import Transcript

#: The reference levels, best first; every references file has all three.
LEVELS = ("strong", "average", "poor")
#: Outcomes a level may expect (those of a scorecard).
OUTCOMES = ("success", "defeat", "open")
START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))
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

    def play(self, level: str, lang: str, *, library: Library | None = None,
             save_to: Path | None = None) -> Transcript:
        """The transcript of the ``level`` salesperson in ``lang``."""
        script = self.scripts[level][lang]
        return play(self.scenario_id, self.seed, lang, list(script.lines),
                    list(script.delays) if script.delays else None, library=library, save_to=save_to,
                    until_done=script.until_done)


def play(scenario: str, seed: int, lang: str, lines: list[str], delays: list[int] | None = None, *,
         library: Library | None = None, save_to: Path | None = None, until_done: bool = False,
         live: bool = True) -> Transcript:
    """Play ``lines`` through a fresh session, one every ``delays`` seconds (default 20).

    Each line must be said before the conversation ends; with ``until_done`` the trainee keeps
    going only until the customer leaves, and the customer must have left by the last line.
    ``live=False`` keeps the ``untrusted`` times the session recorded.

    Raises:
        ScriptError: the conversation ended before a line, or (``until_done``) never ended.
    """
    from simkit.engine import Session
    from simkit.transcript import TIMES_LIVE

    delays = delays or [DEFAULT_DELAY] * len(lines)
    if len(delays) != len(lines):
        raise ScriptError(f"{scenario}: {len(lines)} lines but {len(delays)} delays: give one delay per line")
    session = Session(scenario, seed=seed, lang=lang, library=library, clock=lambda: START.isoformat(),
                      save_to=save_to)
    at = START
    for number, (line, delay) in enumerate(zip(lines, delays), start=1):
        if until_done and session.done:
            break
        if session.done:
            raise ScriptError(f"{scenario} ({lang}): the conversation ended ({session.outcome.status}) before "
                                 f"line {number}, {line!r}")
        at += timedelta(seconds=delay)
        session.say(line, at=at.isoformat())
    if until_done and not session.done:
        raise ScriptError(f"{scenario} ({lang}): the customer was still there after the last line "
                             "(until_done: true)")
    if live:
        session.transcript.times = TIMES_LIVE
        if save_to is not None:
            session.transcript.save(save_to)
    return session.transcript


class ScriptError(SimkitError):
    """A reference script cannot be played as written (the message says why)."""
