"""Pass rules: the threshold, required behaviours, forbidden acts, excellence and tiers.

An attempt passes when its total reaches the threshold, every required behaviour was shown, no
forbidden act was committed and the transcript was not tampered with. A forbidden act fails
the attempt whatever the points. A pass gets the highest tier (listed lowest first) whose
minimum total and number of excellence items it reaches; a failed attempt's tier is ``fail``.
"""

from __future__ import annotations

from simkit.scoring.behaviours import find_act, find_behaviour
from simkit.scoring.scorecard import Integrity, Verdict

FAIL_TIER = "fail"


def judge(total: int, conv, obs, rubric, integrity: Integrity) -> Verdict:
    """Apply ``rubric``'s pass rules to a scored conversation."""
    required = tuple(find_behaviour(b, conv, obs, rubric) for b in rubric.required)
    forbidden = tuple(find_act(a, obs) for a in rubric.forbidden)
    excellence = tuple(find_behaviour(b, conv, obs, rubric) for b in rubric.excellence)
    failures: list[str] = []
    if total < rubric.threshold:
        failures.append("below-threshold")
    failures += [f"missing:{f.id}" for f in required if not f.met]
    failures += [f"forbidden:{f.id}" for f in forbidden if f.met]
    if integrity.status == "tampered":
        failures.append("tampered")
    tier = FAIL_TIER
    if not failures:
        shown = sum(1 for f in excellence if f.met)
        tier = rubric.tiers[0].id
        for candidate in rubric.tiers:
            needed = len(excellence) if candidate.min_excellence is None else candidate.min_excellence
            if total >= candidate.min_total and shown >= needed:
                tier = candidate.id
    return Verdict(
        passed=not failures,
        tier=tier,
        threshold=rubric.threshold,
        failures=tuple(failures),
        required=required,
        forbidden=forbidden,
        excellence=excellence,
    )
