"""Understanding what a salesperson said: techniques, topics and facts, offline and deterministic.

Example:
    >>> from simkit.understand import analyze
    >>> analyze("What will you mostly use the car for?").techniques
    ('open_question',)
"""

from __future__ import annotations

from simkit.understand.analysis import Analysis, Fact
from simkit.understand.analyzer import ANALYZER_VERSION, analyze, detect_lang

__all__ = ["ANALYZER_VERSION", "Analysis", "Fact", "analyze", "detect_lang"]
