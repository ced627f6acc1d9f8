"""A version of the engine's behaviour, recorded in transcripts.

When it differs from the one a transcript was recorded with, replay differences are explained by
the new engine rather than by tampering.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

_HERE = Path(__file__).parent
_VERSIONED_FILES = ("actor.py", "beats.py", "director.py", "session.py", "state.py")


def _version() -> str:
    digest = hashlib.sha256()
    for name in _VERSIONED_FILES:
        digest.update(name.encode())
        digest.update((_HERE / name).read_bytes())
    return "engine-" + digest.hexdigest()[:12]


#: Changes whenever the director's rules, the actor or the session change.
ENGINE_VERSION: str = _version()
