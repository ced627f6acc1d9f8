"""Integrity: does the recording match what its trainee lines produce on replay?

Customer lines in a file are never trusted. Replay feeds the trainee's lines to a fresh session;
any customer line (or the recorded outcome) that comes out differently means the file was
edited, unless the scenario or the understanding model changed since it was recorded, which
explains differences on its own and is reported as such.
"""

from __future__ import annotations

from simkit.scoring.scorecard import Integrity


def check_integrity(transcript, report) -> Integrity:
    """Judge a :class:`~simkit.engine.replay.ReplayReport` of ``transcript``.

    Returns:
        An :class:`~simkit.scoring.scorecard.Integrity` whose status is ``scenario-changed``
        when the scenario's content hash differs (whatever else differs), ``analyzer-changed``
        when lines differ and the analyzer changed, ``engine-changed`` likewise for the
        conversation engine, ``tampered`` when lines differ otherwise,
        and ``ok`` when every line is reproduced.
    """
    turns = {d.turn for d in report.differences}
    replayed = report.session.outcome.to_dict() if report.session.outcome else None
    if _outcome_key(transcript.outcome) != _outcome_key(replayed):
        turns.add(transcript.turns[-1].n if transcript.turns else 0)
    if report.scenario_changed:
        status = "scenario-changed"
    elif turns and report.analyzer_changed:
        status = "analyzer-changed"
    elif turns and report.engine_changed:
        status = "engine-changed"
    elif turns:
        status = "tampered"
    else:
        status = "ok"
    return Integrity(status, tuple(sorted(turns)), report.scenario_changed, report.analyzer_changed,
                     report.engine_changed)


def _outcome_key(outcome) -> tuple | None:
    if not outcome:
        return None
    return tuple(outcome.get(k) for k in ("status", "turn", "goal", "reason"))
