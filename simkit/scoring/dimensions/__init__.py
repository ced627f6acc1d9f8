"""One module per rubric dimension; each turns observations into a :class:`~simkit.scoring.ledger.Ledger`.

Every ``measure(conv, obs, rubric)`` adds criteria in *units* with the turn and reason of each;
the ledger then scales them to the scenario's weight for that dimension. The module docstrings
say what earns and what costs units.
"""

from __future__ import annotations

from simkit.scoring.dimensions import (
    compliance,
    listening,
    needs,
    objections,
    outcome,
    questioning,
    rapport,
    responsiveness,
)

#: Dimension name -> its measure function, in rubric order.
MEASURES = {
    "needs": needs.measure,
    "questioning": questioning.measure,
    "objections": objections.measure,
    "rapport": rapport.measure,
    "outcome": outcome.measure,
    "listening": listening.measure,
    "compliance": compliance.measure,
    "responsiveness": responsiveness.measure,
}

__all__ = ["MEASURES"]
