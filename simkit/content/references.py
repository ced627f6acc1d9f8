"""Generate transcripts from the reference trainee scripts (tests/scoring/references/*.yaml).

The scripts hold only what a trainee types (and, for online chat, how long they took to reply);
the transcripts are played here through a real Session, so they always replay. They stand for
live recordings (a person typing with those delays), so their ``times`` say ``live``: the one
field the session cannot set itself here, since it is stamped with the scripted times.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

from simkit import Session
from simkit.transcript import TIMES_LIVE, Transcript

REFERENCES = Path(__file__).parent / "references"
START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))
LEVELS = ("strong", "average", "poor")
DEFAULT_DELAY = 20  # seconds between the customer's line and the trainee's answer


def reference_files() -> list[Path]:
    return sorted(REFERENCES.glob("*.yaml"))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def play(scenario: str, seed: int, lang: str, lines: list[str], delays: list[int] | None = None,
         *, save_to: Path | None = None, until_done: bool = False, live: bool = True) -> Transcript:
    """Play ``lines`` through a fresh session.

    Each line must be said before the conversation ends; with ``until_done`` the trainee keeps
    going only until the customer leaves, and the customer must have left by the last line.
    ``live=False`` keeps the ``untrusted`` times the session recorded.
    """
    delays = delays or [DEFAULT_DELAY] * len(lines)
    assert len(delays) == len(lines), "one delay per line"
    session = Session(scenario, seed=seed, lang=lang, clock=lambda: START.isoformat(), save_to=save_to)
    at = START
    for line, delay in zip(lines, delays):
        if until_done and session.done:
            break
        assert not session.done, f"{scenario}: the conversation ended before {line!r} ({session.outcome})"
        at += timedelta(seconds=delay)
        session.say(line, at=at.isoformat())
    if until_done:
        assert session.done, f"{scenario}: the customer was still there after the last line"
    if live:
        session.transcript.times = TIMES_LIVE
        if save_to is not None:
            session.transcript.save(save_to)
    return session.transcript


def play_reference(path: Path, level: str, lang: str, *, save_to: Path | None = None) -> Transcript:
    """The transcript of one reference script (``until_done: true`` in a script: see :func:`play`)."""
    data = load(path)
    script = data["scripts"][level][lang]
    return play(data["scenario"], data.get("seed", 0), lang, script["lines"], script.get("delays"), save_to=save_to,
                until_done=script.get("until_done", False))
