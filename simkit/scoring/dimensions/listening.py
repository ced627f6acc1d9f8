"""Listening balance: the trainee's share of the words (top performers listen more than they talk).

One criterion: a share at or below ``talk_share_target`` percent earns every unit, at or above
``talk_share_max`` none, in proportion between (limits from the scenario's rubric). Words: one
per Chinese character, one per Latin word. The longest trainee turns are noted as evidence when
they ran to more than twice the customer's average line and at least 30 words. A talk that did
no work (no need found, no objection step, no goal: a trainee hung up on in three turns) earns
nothing here: listening is judged only where the listening found something.
"""

from __future__ import annotations

from fractions import Fraction

from simkit.scoring.ledger import Ledger, percent

UNITS = 1
LONG_TURN_MIN_WORDS = 30
NOTED_TURNS = 3


def measure(conv, obs, rubric) -> Ledger:
    ledger = Ledger()
    for n in obs.unclear_turns:  # the customer asked what was meant: recorded, never a penalty
        ledger.note(turn=n, reason="unclear-line")
    trainee = sum(obs.trainee_words)
    customer = obs.listener_words
    if not trainee:
        ledger.miss(UNITS, turn=None, reason="said-nothing")
        return ledger
    if not obs.work_done:
        ledger.miss(UNITS, turn=None, reason="no-work")
        return ledger
    target, most = rubric.limits["talk_share_target"], rubric.limits["talk_share_max"]
    share = Fraction(trainee * 100, trainee + customer)
    earned = max(Fraction(0), min(Fraction(1), (most - share) / (most - target)))
    ledger.criterion(UNITS, earned * UNITS, turn=None, reason="talk-share", share=percent(trainee, trainee + customer),
                     target=target, trainee_words=trainee, customer_words=customer)
    lines = len(obs.customer_words) + 1
    average = Fraction(customer, lines)
    long_turns = [(words, n) for n, words in enumerate(obs.trainee_words, start=1)
                  if words >= LONG_TURN_MIN_WORDS and words > 2 * average]
    for words, n in sorted(long_turns, key=lambda x: (-x[0], x[1]))[:NOTED_TURNS]:
        ledger.note(turn=n, reason="long-turn", words=words)
    return ledger
