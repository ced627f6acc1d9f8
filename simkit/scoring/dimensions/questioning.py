"""Questioning: question types, funnel order (broad before narrow) and no interrogation runs.

Ten units: an open question (3), a probe that digs into what the customer said (2), a first
question that is broad rather than closed (2), the share of questions that are not closed (1),
and no runs of closed questions (2, one lost per run the customer complained about). A trainee
who asks nothing earns none of them.
"""

from __future__ import annotations

from fractions import Fraction

from simkit.scoring.ledger import Ledger

OPEN_UNITS, PROBE_UNITS, FUNNEL_UNITS, MIX_UNITS, RUN_UNITS = 3, 2, 2, 1, 2


def measure(conv, obs, rubric) -> Ledger:
    ledger = Ledger()
    questions = obs.questions
    if not questions:
        ledger.miss(OPEN_UNITS + PROBE_UNITS + FUNNEL_UNITS + MIX_UNITS + RUN_UNITS, turn=None,
                    reason="no-questions")
        return ledger
    opened = [q for q in questions if q.type == "open_question"]
    if opened:
        ledger.gain(OPEN_UNITS, turn=opened[0].turn, reason="open-question", count=len(opened))
    else:
        ledger.miss(OPEN_UNITS, turn=None, reason="no-open-question")
    probes = [q for q in questions if q.type == "probe"]
    if probes:
        ledger.gain(PROBE_UNITS, turn=probes[0].turn, reason="probe-question", count=len(probes))
    else:
        ledger.miss(PROBE_UNITS, turn=None, reason="no-probe")
    first = questions[0]
    if first.type == "open_question":
        ledger.gain(FUNNEL_UNITS, turn=first.turn, reason="funnel-broad-first")
    else:
        ledger.miss(FUNNEL_UNITS, turn=first.turn, reason="funnel-narrow-first", technique=first.type)
    counts = dict.fromkeys(("open_question", "exclusion_question", "probe", "closed_question"), 0)
    for q in questions:
        if q.type in counts:
            counts[q.type] += 1
    not_closed = len(questions) - counts["closed_question"]
    ledger.criterion(MIX_UNITS, Fraction(not_closed, len(questions)), turn=None, reason="question-mix",
                     questions=len(questions), open=counts["open_question"],
                     exclusion=counts["exclusion_question"], probe=counts["probe"],
                     closed=counts["closed_question"])
    runs = [(1, turn, "closed-run", {"count": count}) for turn, count in obs.interrogations]
    ledger.pool(RUN_UNITS, runs, clean_reason="no-closed-run")
    return ledger
