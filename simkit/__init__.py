"""simkit: practise car-sales conversations against simulated customers.

Example:
    >>> from simkit import Session
    >>> session = Session("showroom-family-suv-v1", seed=7, lang="en")
    >>> reply = session.say("Hi, welcome! I'm Alex. What brings you in today?")
"""

from __future__ import annotations

from simkit._versions import SIMKIT_VERSION as __version__
from simkit.content import Library, default_library, load_library
from simkit.engine import CustomerView, Meter, NeedView, ObjectionView, Outcome, Reply, Session
from simkit.engine.replay import replay
from simkit.errors import ContentError, SessionError, SimkitError, TranscriptError, UnknownIdError
from simkit.transcript import Transcript
from simkit.understand import Analysis, analyze

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
