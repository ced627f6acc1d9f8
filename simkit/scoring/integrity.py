"""Integrity: what a transcript's record is worth. The whole policy is written here.

A transcript is a file a trainee hands in, so every field in it can have been edited. The
grader knows its own versions; what the file says about them is information, never an excuse.

1. **The score is always the replay under the current rules.** The trainee's lines are fed to
   a fresh session of the current scenario, engine and analyzer; the recorded customer lines,
   analyses, beats and states are never read for scoring.
2. **The status** (``Integrity.status``), first that applies:

   - ``tampered``: a recorded customer line, or the recorded outcome, differs from the replay.
     Whatever the file says about the versions it was recorded with: a version field can be
     edited as easily as a line, so it never explains a difference away. (An honest transcript
     recorded before a behaviour change also differs; it must be recorded again.) A tampered
     attempt fails.
   - ``scenario-changed``: every line matches, but the recorded scenario hash is not the
     current one (the scenario was edited since, or the hash was).
   - ``recorded-with-other-versions``: every line matches, but the recorded analyzer or engine
     version (see :mod:`simkit.engine.version`, :mod:`simkit.understand.analyzer`) is not the
     current one, or is missing.
   - ``ok``: every line matches and the versions and the scenario hash are the current ones.

   The two middle statuses are information: the attempt is scored and judged as usual.
3. **Certification** (the coming ``simkit certify``) accepts only ``ok``: :func:`certifiable`.
4. **Every difference is a finding** with a stable code (``Integrity.findings``; words in
   :mod:`simkit.i18n` under ``integrity.finding.<code>``): ``customer-line-differs``,
   ``outcome-differs``, ``scenario-changed``, ``analyzer-version-differs``,
   ``engine-version-differs``, ``times-untrusted`` and the timestamp checks below.
5. **Timestamps are checked** (:func:`review_times`): each must be readable
   (``time-unreadable``), not earlier than the one before (``time-non-monotonic``), not before
   the opening (``time-before-start``), not later than now (``time-in-future``, allowing
   :data:`FUTURE_TOLERANCE_SECONDS` of clock difference), and must leave time to type the line
   (``typing-too-fast``: faster than :data:`MAX_CHARS_PER_SECOND` characters a second, from the
   customer's previous line to the end of the trainee's).
6. **Responsiveness counts only times the session itself recorded live** (``times: live``, see
   :mod:`simkit.transcript`): untrusted times (piped or scripted input, ``at=``, a caller's
   clock, a version 1 file), or any failed clock check, leave every reply unjudged, and a
   reply typed implausibly fast leaves that reply unjudged. An unjudged reply earns no points;
   it is not dropped from the total, because dropping it would let an untrusted, slow attempt
   score higher than an honest one. Time findings are reported but do not change the status:
   they cannot raise a score.
7. **What no check can see**: a file whose timestamps were edited to plausible values and whose
   ``times`` says ``live``. The exam server will close that gap by signing transcripts
   (``Transcript.signature``, over :meth:`~simkit.transcript.Transcript.canonical_bytes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from simkit.scoring.conversation import parse_time
from simkit.scoring.scorecard import Integrity
from simkit.scoring.scorecard import IntegrityFinding as Finding
from simkit.transcript import TIMES_LIVE

#: Status codes, the one good one first.
STATUSES = ("ok", "tampered", "scenario-changed", "recorded-with-other-versions")

#: Finding codes: the differences, then the timestamp checks.
FINDINGS = ("customer-line-differs", "outcome-differs", "scenario-changed", "analyzer-version-differs",
            "engine-version-differs", "times-untrusted", "time-unreadable", "time-non-monotonic",
            "time-before-start", "time-in-future", "typing-too-fast")

#: Faster than this, sustained over a line, nobody types (fast typists manage 8-10 in English,
#: far fewer through a Chinese input method); a line that appears faster was pasted or forged.
MAX_CHARS_PER_SECOND = 15

#: Clocks of the recording and the grading machine may differ by this much.
FUTURE_TOLERANCE_SECONDS = 300

#: Findings that mean the recorded clock cannot be believed at all.
CLOCK_FINDINGS = ("time-unreadable", "time-non-monotonic", "time-before-start", "time-in-future")


def certifiable(integrity: Integrity) -> bool:
    """Whether a certification may accept this record: only when its status is ``ok``."""
    return integrity.status == "ok"


def check_integrity(transcript, report, *, now: datetime | None = None) -> Integrity:
    """Judge a :class:`~simkit.engine.replay.ReplayReport` of ``transcript`` (see the policy above).

    Args:
        transcript: the transcript as recorded.
        report: what :func:`simkit.engine.replay.replay` made of it.
        now: the moment timestamps must not be later than (default: the current time).
    """
    from simkit.engine.version import ENGINE_VERSION
    from simkit.understand import ANALYZER_VERSION

    findings = [Finding("customer-line-differs", d.turn) for d in report.differences]
    turns = {d.turn for d in report.differences}
    replayed = report.session.outcome.to_dict() if report.session.outcome else None
    if _outcome_key(transcript.outcome) != _outcome_key(replayed):
        turn = transcript.turns[-1].n if transcript.turns else 0
        turns.add(turn)
        findings.append(Finding("outcome-differs", turn))
    current_hash = report.session.transcript.scenario_hash
    scenario_changed = transcript.scenario_hash != current_hash
    if scenario_changed:
        findings.append(Finding("scenario-changed", None, {"recorded": transcript.scenario_hash,
                                                           "current": current_hash}))
    analyzer_changed = transcript.analyzer != ANALYZER_VERSION
    if analyzer_changed:
        findings.append(Finding("analyzer-version-differs", None, {"recorded": transcript.analyzer or "-",
                                                                   "current": ANALYZER_VERSION}))
    engine_changed = transcript.engine != ENGINE_VERSION
    if engine_changed:
        findings.append(Finding("engine-version-differs", None, {"recorded": transcript.engine or "-",
                                                                 "current": ENGINE_VERSION}))
    times = review_times(transcript.started_at, [(t.n, t.trainee, t.trainee_at) for t in transcript.turns],
                         times=transcript.times, now=now)
    findings += times.findings
    if turns:
        status = "tampered"
    elif scenario_changed:
        status = "scenario-changed"
    elif analyzer_changed or engine_changed:
        status = "recorded-with-other-versions"
    else:
        status = "ok"
    return Integrity(status=status, turns=tuple(sorted(turns)), scenario_changed=scenario_changed,
                     analyzer_changed=analyzer_changed, engine_changed=engine_changed,
                     findings=tuple(findings), times=transcript.times)


def _outcome_key(outcome) -> tuple | None:
    if not outcome:
        return None
    return tuple(outcome.get(k) for k in ("status", "turn", "goal", "reason"))


@dataclass(frozen=True)
class TimeReview:
    """The timestamps of a conversation, checked.

    Attributes:
        delays: ``(turn, seconds)`` from the customer's previous line to each trainee line
            (None when a timestamp is unreadable or runs backwards).
        findings: what the checks found, in turn order (``times-untrusted`` first).
        live: the session itself stamped the times as a person typed.
    """

    delays: tuple[tuple[int, float | None], ...]
    findings: tuple[Finding, ...]
    live: bool

    @property
    def unjudged_reason(self) -> Finding | None:
        """Why no reply time can be judged (untrusted times or a failed clock check), or None."""
        if not self.live:
            return Finding("times-untrusted")
        return next((f for f in self.findings if f.code in CLOCK_FINDINGS), None)

    def too_fast(self, turn: int) -> Finding | None:
        """The ``typing-too-fast`` finding of ``turn``, if any."""
        return next((f for f in self.findings if f.code == "typing-too-fast" and f.turn == turn), None)


def review_times(started_at: str, turns: Sequence[tuple[int, str, str]], *, times: str,
                 now: datetime | None = None) -> TimeReview:
    """Check a conversation's timestamps (point 5 of the policy).

    Args:
        started_at: when the customer's opening arrived (ISO 8601 with a time zone).
        turns: ``(turn, trainee line, trainee_at)`` in order.
        times: the transcript's ``times`` (``live`` or ``untrusted``).
        now: the latest acceptable moment, before :data:`FUTURE_TOLERANCE_SECONDS` (default: now).
    """
    live = times == TIMES_LIVE
    findings = [] if live else [Finding("times-untrusted")]
    latest = (now or datetime.now(timezone.utc)).timestamp() + FUTURE_TOLERANCE_SECONDS
    start = parse_time(started_at)
    if start is None:
        findings.append(Finding("time-unreadable", 0))
    elif start.timestamp() > latest:
        findings.append(Finding("time-in-future", 0))
    delays: list[tuple[int, float | None]] = []
    previous = start
    for n, text, at in turns:
        moment = parse_time(at)
        if moment is None:
            findings.append(Finding("time-unreadable", n))
            delays.append((n, None))
            previous = None
            continue
        if moment.timestamp() > latest:
            findings.append(Finding("time-in-future", n))
        if start is not None and moment < start:
            findings.append(Finding("time-before-start", n))
            delays.append((n, None))
        elif previous is not None and moment < previous:
            findings.append(Finding("time-non-monotonic", n))
            delays.append((n, None))
        elif previous is not None:
            seconds = (moment - previous).total_seconds()
            delays.append((n, seconds))
            chars = len(text.strip())
            if chars > seconds * MAX_CHARS_PER_SECOND:
                findings.append(Finding("typing-too-fast", n, {"chars": chars, "seconds": round(seconds, 1),
                                                               "per_second": MAX_CHARS_PER_SECOND}))
        else:
            delays.append((n, None))
        previous = moment
    return TimeReview(tuple(delays), tuple(findings), live)
