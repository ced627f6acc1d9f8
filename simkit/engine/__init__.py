"""The conversation engine: a director that decides, an actor that speaks, a Session around them."""

from __future__ import annotations

from simkit.engine.beats import Beat
from simkit.engine.session import Outcome, Reply, Session
from simkit.engine.view import CustomerView, Meter, NeedView, ObjectionView

__all__ = ["Beat", "CustomerView", "Meter", "NeedView", "ObjectionView", "Outcome", "Reply", "Session"]
