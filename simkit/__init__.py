"""simkit: practise car-sales conversations against simulated customers.

The public names are imported on first use (:mod:`simkit._lazy`): ``import simkit`` alone, as in a
grading notebook's ``from simkit.grading import exact_int``, loads neither the engine nor the
understanding model.

Example:
    >>> from simkit import Session
    >>> session = Session("showroom-family-suv-v1", seed=7, lang="en")
    >>> reply = session.say("Hi, welcome! I'm Alex. What brings you in today?")
"""

from __future__ import annotations

from simkit._lazy import lazy_names as _lazy_names
from simkit._versions import SIMKIT_VERSION as __version__

__getattr__, __dir__ = _lazy_names(__name__, {
    "simkit.content": ["Library", "default_library", "load_library"],
    "simkit.engine": ["CustomerView", "Meter", "NeedView", "ObjectionView", "Outcome", "Reply", "Session"],
    "simkit.engine.replay": ["replay"],
    "simkit.errors": ["ContentError", "SessionError", "SimkitError", "TranscriptError", "UnknownIdError"],
    "simkit.transcript": ["Transcript"],
    "simkit.understand": ["Analysis", "analyze"],
})

__all__ = [
    "Analysis",
    "ContentError",
    "CustomerView",
    "Library",
    "Meter",
    "NeedView",
    "ObjectionView",
    "Outcome",
    "Reply",
    "Session",
    "SessionError",
    "SimkitError",
    "Transcript",
    "TranscriptError",
    "UnknownIdError",
    "__version__",
    "analyze",
    "default_library",
    "load_library",
    "replay",
]
