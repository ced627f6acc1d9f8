"""Scoring: an explainable, reproducible scorecard for every conversation.

``score(transcript)`` replays the trainee's lines through a fresh session (the recorded customer
lines are checked, never trusted), measures eight dimensions from the replayed turns, applies the
scenario's pass rules and picks the three most valuable improvements. Every point given or taken
is an :class:`Evidence` item with its turn and a reason code, registered with its zh and en
text in :mod:`simkit.scoring.reasons` (as are pass-rule failures, integrity statuses and
feedback codes) and rendered by :mod:`simkit.scoring.words`.

Layout: :mod:`~simkit.scoring.observe` reads the facts of a conversation;
:mod:`~simkit.scoring.dimensions` (one module each) turn them into points through a
:class:`~simkit.scoring.ledger.Ledger`; :mod:`~simkit.scoring.rubric` holds weights and pass
rules from the scenario's ``scoring:`` mapping; :mod:`~simkit.scoring.behaviours` and
:mod:`~simkit.scoring.verdict` apply them; :mod:`~simkit.scoring.feedback` advises;
:mod:`~simkit.scoring.render` prints; :mod:`~simkit.scoring.batch` scores a cohort.

Example:
    >>> from simkit.scoring import score
    >>> card = score("transcript.json")  # doctest: +SKIP
    >>> card.total, card.passed, card.tier, card.dimension("needs").evidence[0].turn
    (84, True, 'merit', 2)
"""

from __future__ import annotations

from simkit.scoring.rubric import DIMENSIONS, Rubric, check_scoring
from simkit.scoring.scorecard import (
    FORMAT_VERSION,
    Dimension,
    Evidence,
    Finding,
    Improvement,
    Integrity,
    Scorecard,
    Verdict,
)
from simkit.scoring.scorer import score

__all__ = [
    "DIMENSIONS",
    "Dimension",
    "FORMAT_VERSION",
    "Evidence",
    "Finding",
    "Improvement",
    "Integrity",
    "Rubric",
    "Scorecard",
    "Verdict",
    "check_scoring",
    "score",
]
