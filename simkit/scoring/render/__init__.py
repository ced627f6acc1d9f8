"""Scorecards for people and programs: plain text, JSON and HTML, in Chinese or English.

Example:
    >>> from simkit.scoring import score
    >>> from simkit.scoring.render import to_text
    >>> print(to_text(score("t.json"), "en"))  # doctest: +SKIP
"""

from __future__ import annotations

from simkit.scoring.render.html import to_html
from simkit.scoring.render.json import to_json
from simkit.scoring.render.text import to_text

__all__ = ["to_html", "to_json", "to_text"]
