"""Replaying a transcript: its trainee lines fed to a fresh :class:`~simkit.engine.Session`.

A score is a function of the scenario, the seed and the trainee's lines, so grading replays them
and compares every customer line with the recording (see :mod:`simkit.scoring.integrity` for
what a difference means).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from simkit.engine.session import Session, utc_now
from simkit.engine.version import ENGINE_VERSION
from simkit.transcript import TIMES_LIVE, Transcript
from simkit.understand import ANALYZER_VERSION

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content import Library


@dataclass(frozen=True)
class LineDiff:
    """A customer line that came out differently on replay (turn 0 is the opening)."""

    turn: int
    recorded: str
    replayed: str


@dataclass
class ReplayReport:
    """The result of replaying a transcript.

    Attributes:
        session: the fresh session the trainee's lines were fed to (its state, beats, outcome).
        differences: every customer line that differs from the recording.
        scenario_changed: the scenario's content hash differs from the recorded one.
        analyzer_changed: the recorded analyzer version is not the current one (or is missing).
        engine_changed: the recorded engine version is not the current one (or is missing).

    These say what the file claims; they never explain a difference away (the policy is
    :mod:`simkit.scoring.integrity`).
    """

    session: Session
    differences: list[LineDiff]
    scenario_changed: bool
    analyzer_changed: bool
    engine_changed: bool = False

    @property
    def reproduced(self) -> bool:
        return not self.differences


def replay(transcript: Transcript, *, library: Library | None = None) -> ReplayReport:
    """Feed the transcript's trainee lines to a fresh Session and compare every customer line.

    Raises:
        UnknownIdError: the transcript's scenario is not in the library.
    """
    from simkit.content import default_library  # content loads only when no library is given

    library = library or default_library()
    # A live record's reply times made the customer react (a slow reply online): they count again.
    session = Session(transcript.scenario_id, seed=transcript.seed, lang=transcript.lang,
                      library=library, clock=_opening_then_now(transcript.started_at),
                      trust_given_times=transcript.times == TIMES_LIVE)
    differences = []
    if session.opening != transcript.opening:
        differences.append(LineDiff(turn=0, recorded=transcript.opening, replayed=session.opening))
    for turn in transcript.turns:
        if session.done:
            differences.append(LineDiff(turn=turn.n, recorded=turn.customer, replayed=""))
            continue
        played = session.record(turn.trainee, at=turn.trainee_at)
        played.chosen = turn.chosen  # how the line was given is the record's to say
        replayed = played.customer
        if replayed != turn.customer:
            differences.append(LineDiff(turn=turn.n, recorded=turn.customer, replayed=replayed))
    return ReplayReport(
        session=session,
        differences=differences,
        scenario_changed=session.transcript.scenario_hash != transcript.scenario_hash,
        analyzer_changed=transcript.analyzer != ANALYZER_VERSION,
        engine_changed=transcript.engine != ENGINE_VERSION,
    )


def _opening_then_now(started_at: str):
    """The recorded start for the opening; a line played after the replay (a resumed
    conversation going on) is stamped when it happens, not at the start."""
    pending = [started_at]
    return lambda: pending.pop() if pending else utc_now()
