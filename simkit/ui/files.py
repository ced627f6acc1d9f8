"""Where practice transcripts go: a collision-free name beside the notebook, and resuming."""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path

from simkit.safeio import new_file

PREFIX = "practice"
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def new_transcript_path(folder: str | Path, *, scenario_id: str, seed: int, lang: str) -> Path:
    """Reserve a new transcript file in ``folder`` and return its path.

    The name says what it is (``practice-SCENARIO-sSEED-LANG-YYYYmmdd-HHMMSS-RANDOM[-N].json``);
    the random part makes a name unguessable (a ``?resume=NAME`` link is the key to a
    conversation), and the file is created exclusively (``O_EXCL``), so two pages starting in the
    same second never get the same file. The session then replaces it atomically after every turn.
    """
    stem = f"{PREFIX}-{_SAFE.sub('-', scenario_id)}-s{seed}-{lang}-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(4)}"
    return new_file(Path(folder), stem)


def find_transcript(folder: str | Path, name: str) -> Path | None:
    """The transcript called ``name`` directly inside ``folder``, or None (never a path outside it)."""
    if not name or name != Path(name).name or not name.endswith(".json") or name.startswith("."):
        return None
    path = Path(folder) / name
    return path if path.is_file() else None


def unfinished_transcripts(folder: str | Path) -> list[Path]:
    """Practice transcripts in ``folder`` whose conversation has not ended, newest first."""
    from simkit.errors import TranscriptError
    from simkit.transcript import Transcript

    found = []
    for path in Path(folder).glob(f"{PREFIX}-*.json"):
        try:
            transcript = Transcript.load(path)
        except (TranscriptError, OSError):
            continue
        if transcript.outcome is None:
            found.append(path)
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)
