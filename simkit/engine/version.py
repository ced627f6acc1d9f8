"""A version of the engine's behaviour, recorded in transcripts.

When it differs from the one a transcript was recorded with, replay differences are explained by
the new engine rather than by tampering.
"""

from __future__ import annotations

from pathlib import Path

from simkit._versions import files_version

_VERSIONED_FILES = ("actor.py", "beats.py", "director.py", "session.py", "state.py")

#: Changes whenever the director's rules, the actor or the session change.
ENGINE_VERSION: str = files_version("engine-", Path(__file__).parent, _VERSIONED_FILES)
