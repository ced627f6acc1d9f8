"""Understanding what a salesperson said: techniques, topics and facts, offline and deterministic.

Example:
    >>> from simkit.understand import analyze
    >>> analyze("What will you mostly use the car for?").techniques
    ('open_question',)
    >>> analyze("Well, you mentioned your wife. What else does she need?",
    ...         context=Context.after("My wife will drive it most days.")).techniques
    ('probe',)
"""

from __future__ import annotations

from simkit.understand.analysis import Analysis, Fact
from simkit.understand.analyzer import ANALYZER_VERSION, analyze, detect_lang
from simkit.understand.context import Context

__all__ = ["ANALYZER_VERSION", "Analysis", "Context", "Fact", "analyze", "detect_lang"]
