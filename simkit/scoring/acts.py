"""Compliance lexicons: what kind of pressure a line is, and personal data asked for without reason.

The analyzer decides *whether* a line is pressure (the ``pressure`` technique); these patterns
only sort pressure lines into kinds, so that a scenario can forbid one kind (a false guarantee)
without forbidding all (the kinds live in :mod:`simkit.understand.pressure`, so the customer's
reaction and the grader read a line the same way). Personal data has no technique label; its lexicon lives in
:mod:`simkit.understand.personal` (the analyzer gives it as a costly reading) and is re-exported here.

Example:
    >>> pressure_kind("I guarantee it will never break down.")
    'false_guarantee'
    >>> asks_personal_data("What's your home address?", is_question=True)
    'home_address'
    >>> asks_personal_data("For the loan application I'll need your ID number.", is_question=False)
"""

from __future__ import annotations

from simkit.understand.personal import PERSONAL_DATA, asks_personal_data  # noqa: F401 (this module's API)
from simkit.understand.pressure import PRESSURE_KINDS, pressure_kind  # noqa: F401 (this module's API)

# Every act that counts as pressure: the specific kinds above, then the analyzer's plain label.
PRESSURE_ACTS: tuple[str, ...] = (*(kind for kind, _ in PRESSURE_KINDS), "pressure")
